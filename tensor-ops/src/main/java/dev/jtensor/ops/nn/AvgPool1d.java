package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)}. */
public final class AvgPool1d extends Module {
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /**
     * With the stride equal to the window, no padding, rounding down.
     *
     * @param kernelSize the window
     */
    public AvgPool1d(long kernelSize) {
        this(new long[] {kernelSize}, null, new long[] {0}, false, true);
    }

    /**
     * An average pooling layer.
     *
     * @param kernelSize the window
     * @param stride the stride, or null for the window
     * @param padding the implicit zero padding
     * @param ceilMode whether to round the output size up
     * @param countIncludePad whether padded zeros count in the divisor
     */
    public AvgPool1d(long[] kernelSize, long[] stride, long[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? null : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    /** {@inheritDoc} Computes {@code F.avg_pool1d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }
}
