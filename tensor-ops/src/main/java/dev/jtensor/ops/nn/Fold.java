package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Fold(output_size, kernel_size, dilation=1, padding=0, stride=1)}: {@link F#fold} (col2im). */
public final class Fold extends Module {
    private final long[] outputSize;
    private final long[] kernelSize;
    private final long[] dilation;
    private final long[] padding;
    private final long[] stride;

    /**
     * A col2im layer.
     *
     * @param outputSize one value or (height, width)
     * @param kernelSize one value or (height, width)
     * @param dilation one value or (height, width)
     * @param padding one value or (height, width)
     * @param stride one value or (height, width)
     */
    public Fold(long[] outputSize, long[] kernelSize, long[] dilation, long[] padding, long[] stride) {
        this.outputSize = outputSize.clone();
        this.kernelSize = kernelSize.clone();
        this.dilation = dilation.clone();
        this.padding = padding.clone();
        this.stride = stride.clone();
    }

    /** {@inheritDoc} Computes {@code F.fold}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.fold(input, outputSize, kernelSize, dilation, padding, stride);
    }
}
