package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None)}: {@link F#interpolate}. */
public final class Upsample extends Module {
    private final long[] size;
    private final double[] scaleFactor;
    private final String mode;
    private final Boolean alignCorners;

    /**
     * An upsampling layer; give exactly one of {@code size} and {@code scaleFactor}.
     *
     * @param size the output size (one value or one per spatial dim), or null
     * @param scaleFactor the scale (one value or one per spatial dim), or null
     * @param mode the interpolation mode
     * @param alignCorners for the linear modes, or null
     */
    public Upsample(long[] size, double[] scaleFactor, String mode, Boolean alignCorners) {
        this.size = size == null ? null : size.clone();
        this.scaleFactor = scaleFactor == null ? null : scaleFactor.clone();
        this.mode = mode;
        this.alignCorners = alignCorners;
    }

    /** {@inheritDoc} Computes {@code F.interpolate(input, size, scale_factor, mode, align_corners)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.interpolate(input, size, scaleFactor, mode, alignCorners, null);
    }
}
