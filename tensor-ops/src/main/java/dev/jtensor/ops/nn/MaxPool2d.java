package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)}. */
public final class MaxPool2d extends Module {
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final long[] dilation;
    private final boolean ceilMode;

    /**
     * With the stride equal to the window, no padding, no dilation, rounding down.
     *
     * @param kernelSize the window (one value or one per spatial dim)
     */
    public MaxPool2d(long... kernelSize) {
        this(kernelSize, null, new long[] {0}, new long[] {1}, false);
    }

    /**
     * A max pooling layer.
     *
     * @param kernelSize the window
     * @param stride the stride, or null for the window
     * @param padding the implicit {@code -inf} padding
     * @param dilation the window dilation
     * @param ceilMode whether to round the output size up
     */
    public MaxPool2d(long[] kernelSize, long[] stride, long[] padding, long[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? null : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
    }

    /** {@inheritDoc} Computes {@code F.max_pool2d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * The layer with {@code return_indices=True}: the values and their flat input indices.
     *
     * @param input the input
     * @return {values, int64 indices}
     */
    public Tensor[] forwardWithIndices(Tensor input) {
        return F.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }
}
