package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)}. */
public final class AvgPool2d extends Module {
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Long divisorOverride;

    /**
     * With the stride equal to the window, no padding, rounding down.
     *
     * @param kernelSize the window (one value or (height, width))
     */
    public AvgPool2d(long... kernelSize) {
        this(kernelSize, null, new long[] {0}, false, true, null);
    }

    /**
     * An average pooling layer.
     *
     * @param kernelSize the window
     * @param stride the stride, or null for the window
     * @param padding the implicit zero padding
     * @param ceilMode whether to round the output size up
     * @param countIncludePad whether padded zeros count in the divisor
     * @param divisorOverride the divisor of every window, or null
     */
    public AvgPool2d(long[] kernelSize, long[] stride, long[] padding, boolean ceilMode, boolean countIncludePad,
            Long divisorOverride) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? null : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    /** {@inheritDoc} Computes {@code F.avg_pool2d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }
}
