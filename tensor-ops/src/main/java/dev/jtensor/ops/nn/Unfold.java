package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Unfold(kernel_size, dilation=1, padding=0, stride=1)}: {@link F#unfold} (im2col). */
public final class Unfold extends Module {
    private final long[] kernelSize;
    private final long[] dilation;
    private final long[] padding;
    private final long[] stride;

    /**
     * An im2col layer.
     *
     * @param kernelSize one value or (height, width)
     * @param dilation one value or (height, width)
     * @param padding one value or (height, width)
     * @param stride one value or (height, width)
     */
    public Unfold(long[] kernelSize, long[] dilation, long[] padding, long[] stride) {
        this.kernelSize = kernelSize.clone();
        this.dilation = dilation.clone();
        this.padding = padding.clone();
        this.stride = stride.clone();
    }

    /** {@inheritDoc} Computes {@code F.unfold}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.unfold(input, kernelSize, dilation, padding, stride);
    }
}
