package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * {@code nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None,
 * recompute_scale_factor=None)}: {@link F#interpolate(Tensor, long[], double[], String, Boolean, Boolean)} with the
 * arguments given at construction (no parameters). A one-element {@code size} or {@code scaleFactor} applies to
 * every spatial dim, as PyTorch's single number does.
 */
public final class Upsample extends Module {
    private final long[] size;
    private final double[] scaleFactor;
    private final String mode;
    private final Boolean alignCorners;
    private final Boolean recomputeScaleFactor;

    /**
     * {@code nn.Upsample(size, scale_factor, mode, align_corners, recompute_scale_factor)}.
     *
     * @param size the output's spatial sizes, or null
     * @param scaleFactor the multipliers of the spatial sizes, or null
     * @param mode the resampling mode (null: {@code nearest})
     * @param alignCorners for the interpolating modes (null: false)
     * @param recomputeScaleFactor whether the kernels use the size ratio instead of {@code scaleFactor}
     * @throws TensorException if the mode is not one of interpolate's
     */
    public Upsample(long[] size, double[] scaleFactor, String mode, Boolean alignCorners,
            Boolean recomputeScaleFactor) {
        this.size = size == null ? null : size.clone();
        this.scaleFactor = scaleFactor == null ? null : scaleFactor.clone();
        this.mode = mode == null ? "nearest" : mode;
        if (!Arrays.asList("nearest", "nearest-exact", "area", "linear", "bilinear", "bicubic", "trilinear")
                .contains(this.mode)) {
            throw new TensorException("Upsample: unknown mode '" + this.mode + "' (expected nearest | linear | bilinear"
                    + " | bicubic | trilinear | area | nearest-exact)");
        }
        this.alignCorners = alignCorners;
        this.recomputeScaleFactor = recomputeScaleFactor;
    }

    /**
     * {@code nn.Upsample(size, scale_factor, mode, align_corners)}.
     *
     * @param size the output's spatial sizes, or null
     * @param scaleFactor the multipliers of the spatial sizes, or null
     * @param mode the resampling mode (null: {@code nearest})
     * @param alignCorners for the interpolating modes (null: false)
     * @throws TensorException if the mode is not one of interpolate's
     */
    public Upsample(long[] size, double[] scaleFactor, String mode, Boolean alignCorners) {
        this(size, scaleFactor, mode, alignCorners, null);
    }

    /**
     * {@code nn.Upsample(scale_factor=scaleFactor, mode=mode)}.
     *
     * @param scaleFactor the multiplier of every spatial size
     * @param mode the resampling mode
     */
    public Upsample(double scaleFactor, String mode) {
        this(null, new double[] {scaleFactor}, mode, null, null);
    }

    /**
     * {@code F.interpolate(input, self.size, self.scale_factor, self.mode, self.align_corners,
     * recompute_scale_factor=self.recompute_scale_factor)}.
     *
     * @param input the tensor to resample, {@code (N, C, ...)}
     * @return the resampled tensor
     * @throws TensorException as {@link F#interpolate(Tensor, long[], double[], String, Boolean, Boolean)}
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.interpolate(input, size, scaleFactor, mode, alignCorners, recomputeScaleFactor);
    }

    @Override
    protected String extraRepr() {
        String what = scaleFactor != null ? "scale_factor=" + (scaleFactor.length == 1 ? String.valueOf(scaleFactor[0])
                : Arrays.toString(scaleFactor)) : "size=" + (size.length == 1 ? String.valueOf(size[0])
                : Arrays.toString(size));
        return what + ", mode=" + mode;
    }
}
