package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * {@code F.interpolate} (PyTorch 1.13): resampling of the spatial dims of an {@code (N, C, d1, ..., dK)} tensor,
 * {@code K} = 1, 2 or 3. Every mode is separable, one spatial dim after the other (the last first, as PyTorch's
 * kernels nest their sums): each output position is a weighted sum of a few input positions along the dim
 * ({@code nearest}: one, {@code linear}: two, {@code bicubic}: four with clamped borders, {@code area}: the
 * adaptive-average window). The sum is composed of {@code indexSelect} and broadcast multiplies, so the
 * gradient comes from those primitives' rules ({@code index_select}'s is an index-add, as PyTorch's
 * upsampling backward sums) and the cost is linear in the output. Source positions and weights are computed
 * in the input's precision, as PyTorch's CPU kernels do (float arithmetic for float32), so that nearest
 * indices fall on the same side of a rounding boundary.
 */
final class Interpolate {
    private Interpolate() {}

    /** The cubic convolution constant PyTorch uses. */
    private static final double CUBIC_A = -0.75;

    /** The full call; see {@link F#interpolate(Tensor, long[], double[], String, Boolean, Boolean)}. */
    static Tensor interpolate(Tensor input, long[] size, double[] scaleFactor, String mode, Boolean alignCorners,
            Boolean recomputeScaleFactor) {
        if (input == null) {
            throw new TensorException("interpolate: input must be a tensor, not null");
        }
        if (mode == null) {
            mode = "nearest";
        }
        boolean nearestLike = mode.equals("nearest") || mode.equals("area") || mode.equals("nearest-exact");
        boolean interpolating = mode.equals("linear") || mode.equals("bilinear") || mode.equals("bicubic")
                || mode.equals("trilinear");
        if (!nearestLike && !interpolating) {
            throw new TensorException("Input Error: Only 3D, 4D and 5D input Tensors supported (got " + input.dim()
                    + "D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got "
                    + mode + ")");
        }
        if (nearestLike && alignCorners != null) {
            throw new TensorException("align_corners option can only be set with the interpolating modes: "
                    + "linear | bilinear | bicubic | trilinear");
        }
        boolean corners = alignCorners != null && alignCorners;
        int dims = input.dim() - 2;
        long[] inSizes = dims > 0 ? Arrays.copyOfRange(input.shape(), 2, input.dim()) : new long[0];
        if (size != null && scaleFactor != null) {
            throw new TensorException("only one of size or scale_factor should be defined");
        }
        long[] outSizes = null;
        double[] scales = null;
        if (size != null) {
            outSizes = spread(size, dims, inSizes, "output size of " + Arrays.toString(size),
                    "output size in (o1, o2, ...,oK)");
        } else if (scaleFactor != null) {
            scales = spread(scaleFactor, dims, inSizes);
        } else {
            throw new TensorException("either size or scale_factor should be defined");
        }
        if (recomputeScaleFactor != null && recomputeScaleFactor && size != null) {
            throw new TensorException("recompute_scale_factor is not meaningful with an explicit size.");
        }
        if (mode.equals("area") && outSizes == null) {
            recomputeScaleFactor = true; // area is an adaptive average pool: it only ever sees sizes
        }
        if (outSizes == null) {
            outSizes = new long[dims];
            for (int d = 0; d < dims; d++) {
                if (!(scales[d] >= 0) || Double.isInfinite(scales[d])) {
                    throw new TensorException("interpolate: scale_factor must be finite and non-negative, got "
                            + scales[d]);
                }
                outSizes[d] = (long) Math.floor(inSizes[d] * scales[d]);
            }
            if (recomputeScaleFactor != null && recomputeScaleFactor) {
                scales = null; // the kernels then derive the scale from the sizes
            }
        }
        checkModeRank(input.dim(), mode);
        for (int d = 0; d < dims; d++) {
            if (inSizes[d] <= 0 || outSizes[d] <= 0) {
                throw new TensorException("Input and output sizes should be greater than 0, but got input ("
                        + sizesText(inSizes) + ") and output (" + sizesText(outSizes) + ")");
            }
        }
        if (!mode.startsWith("nearest") && !input.dtype().isFloatingPoint()) {
            throw new TensorException("interpolate: mode '" + mode + "' needs a floating-point input, got "
                    + input.dtype());
        }
        boolean single = input.dtype() != DType.FLOAT64;
        boolean channelsLast = channelsLastContiguous(input);
        Tensor out = input;
        for (int d = dims - 1; d >= 0; d--) {
            Double scale = scales == null ? null : scales[d];
            Taps taps = switch (mode) {
                case "nearest" -> nearest(inSizes[d], outSizes[d], scale, false, channelsLast);
                case "nearest-exact" -> nearest(inSizes[d], outSizes[d], scale, true, false);
                case "area" -> area(inSizes[d], outSizes[d]);
                case "bicubic" -> cubic(inSizes[d], outSizes[d], scale, corners, single);
                default -> linear(inSizes[d], outSizes[d], scale, corners, single);
            };
            out = apply(out, d + 2, taps);
        }
        return out;
    }

    /**
     * {@code input.is_contiguous(memory_format=channels_last)} (or {@code channels_last_3d}) for a 4-d (5-d) input:
     * the strides, visited channel first, then the spatial dims from the last, then the batch, grow as a dense
     * layout's do; dims of size 1 are skipped.
     */
    private static boolean channelsLastContiguous(Tensor input) {
        int rank = input.dim();
        if (rank != 4 && rank != 5) {
            return false;
        }
        long[] shape = input.shape();
        long[] strides = input.stride();
        int[] order = rank == 4 ? new int[] {1, 3, 2, 0} : new int[] {1, 4, 3, 2, 0};
        long expected = 1;
        for (int d : order) {
            if (shape[d] != 1) {
                if (strides[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        }
        return true;
    }

    /** PyTorch's rank check: each mode has its one input rank (nearest and area take any of 3, 4, 5). */
    private static void checkModeRank(int rank, String mode) {
        int needed = switch (mode) {
            case "linear" -> 3;
            case "bilinear", "bicubic" -> 4;
            case "trilinear" -> 5;
            default -> -1;
        };
        if (needed == -1 ? rank >= 3 && rank <= 5 : rank == needed) {
            return;
        }
        if (needed != -1 && rank >= 3 && rank <= 5) {
            throw new TensorException("Got " + rank + "D input, but " + mode + " mode needs " + needed + "D input");
        }
        throw new TensorException("Input Error: Only 3D, 4D and 5D input Tensors supported (got " + rank
                + "D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got "
                + mode + ")");
    }

    /** A size list of one entry stands for every spatial dim (PyTorch's single int); otherwise one per dim. */
    private static long[] spread(long[] size, int dims, long[] inSizes, String what, String format) {
        if (size.length == 1 && dims >= 1) {
            long[] out = new long[dims];
            Arrays.fill(out, size[0]);
            return out;
        }
        if (size.length != dims) {
            throw new TensorException("Input and output must have the same number of spatial dimensions, but got "
                    + "input with spatial dimensions of " + Arrays.toString(inSizes) + " and " + what
                    + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and " + format + " format.");
        }
        return size.clone();
    }

    private static double[] spread(double[] scale, int dims, long[] inSizes) {
        if (scale.length == 1 && dims >= 1) {
            double[] out = new double[dims];
            Arrays.fill(out, scale[0]);
            return out;
        }
        if (scale.length != dims) {
            throw new TensorException("Input and scale_factor must have the same number of spatial dimensions, but "
                    + "got input with spatial dimensions of " + Arrays.toString(inSizes) + " and scale_factor of shape "
                    + Arrays.toString(scale) + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                    + "scale_factor in (s1, s2, ...,sK) format.");
        }
        return scale.clone();
    }

    private static String sizesText(long[] sizes) {
        String[] names = sizes.length == 1 ? new String[] {"W"}
                : sizes.length == 2 ? new String[] {"H", "W"} : new String[] {"D", "H", "W"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(sizes[i]);
        }
        return sb.toString();
    }

    /**
     * Per output position along one dim: {@code index[k][o]} and {@code weight[k][o]} (null: the one tap, weight
     * 1); {@code padded} (null: none) marks taps that only fill a short window up to the longest one.
     */
    private record Taps(long[][] index, double[][] weight, boolean[][] padded) {
        Taps(long[][] index, double[][] weight) {
            this(index, weight, null);
        }
    }

    /** The weighted sum of the taps along {@code axis}, added in tap order as PyTorch adds them. */
    private static Tensor apply(Tensor x, int axis, Taps taps) {
        int outSize = taps.index()[0].length;
        Tensor sum = null;
        for (int k = 0; k < taps.index().length; k++) {
            Tensor picked = x.indexSelect(axis, Tensor.fromArray(taps.index()[k]).to(x.device()));
            if (taps.weight() != null) {
                long[] wShape = new long[x.dim()];
                Arrays.fill(wShape, 1);
                wShape[axis] = outSize;
                Tensor w = Tensor.fromArray(taps.weight()[k], wShape).to(x.dtype()).to(x.device());
                picked = picked.mul(w);
            }
            if (taps.padded() != null) {
                // a filler tap contributes exactly 0, also where the element it repeats is infinite or NaN
                long[] mShape = new long[x.dim()];
                Arrays.fill(mShape, 1);
                mShape[axis] = outSize;
                Tensor filler = Tensor.fromArray(taps.padded()[k], mShape).to(x.device());
                picked = Tensor.where(filler, 0.0, picked);
            }
            sum = sum == null ? picked : sum.add(picked);
        }
        return sum;
    }

    /** Rounds to float when the input is single precision: PyTorch computes positions in the input's type. */
    private static double r(double v, boolean single) {
        return single ? (float) v : v;
    }

    /** {@code compute_scales_value}: the given scale's reciprocal, else the size ratio. */
    private static double scaleValue(Double scale, long in, long out, boolean single) {
        return scale != null && scale > 0 ? r(1.0 / scale, single) : r(r(in, single) / out, single);
    }

    /** {@code area_pixel_compute_scale}. */
    private static double pixelScale(long in, long out, Double scale, boolean corners, boolean single) {
        if (corners) {
            return out > 1 ? r(r(in - 1, single) / (out - 1), single) : 0;
        }
        return scaleValue(scale, in, out, single);
    }

    /** {@code area_pixel_compute_source_index}: only the linear modes clamp negative positions to 0. */
    private static double sourceIndex(double scale, long o, boolean corners, boolean cubic, boolean single) {
        if (corners) {
            return r(scale * o, single);
        }
        double src = r(scale * (o + 0.5) - 0.5, single);
        return !cubic && src < 0 ? 0 : src;
    }

    /**
     * Nearest: {@code floor(o * scale)} in float ({@code floor((o + 0.5) * scale)} for nearest-exact). PyTorch
     * 1.13's channels-last nearest kernel (taken by a channels-last contiguous 4-d or 5-d input, which includes
     * every contiguous one-channel input) copies a dim whose size is unchanged and halves the index of a doubled
     * dim whatever the given scale; its other nearest kernels and nearest-exact do not ({@code special}).
     */
    private static Taps nearest(long in, long out, Double scale, boolean exact, boolean special) {
        long[] index = new long[Math.toIntExact(out)];
        float s = (float) scaleValue(scale, in, out, true);
        for (int o = 0; o < out; o++) {
            long src;
            if (special && out == in) {
                src = o;
            } else if (special && out == 2 * in) {
                src = o >> 1;
            } else if (exact) {
                src = (long) Math.floor((float) ((o + 0.5) * s));
            } else {
                src = (long) Math.floor(o * s);
            }
            index[o] = Math.min(src, in - 1);
        }
        return new Taps(new long[][] {index}, null);
    }

    /**
     * Linear: two taps, the second one clamped to the last input position. PyTorch 1.13's linear kernels leave a
     * dim whose size is unchanged as it is, whatever the given scale.
     */
    private static Taps linear(long in, long out, Double scale, boolean corners, boolean single) {
        int n = Math.toIntExact(out);
        if (in == out) {
            long[] same = new long[n];
            Arrays.setAll(same, o -> o);
            return new Taps(new long[][] {same}, null);
        }
        long[][] index = new long[2][n];
        double[][] weight = new double[2][n];
        double s = pixelScale(in, out, scale, corners, single);
        for (int o = 0; o < n; o++) {
            double real = sourceIndex(s, o, corners, false, single);
            long i0 = (long) real;
            double lambda1 = r(real - i0, single);
            index[0][o] = Math.min(i0, in - 1);
            index[1][o] = Math.min(i0 + (i0 < in - 1 ? 1 : 0), in - 1);
            weight[0][o] = r(1 - lambda1, single);
            weight[1][o] = lambda1;
        }
        return new Taps(index, weight);
    }

    /** Bicubic (Keys' cubic convolution, a = -0.75): four taps, indices clamped into the input. */
    private static Taps cubic(long in, long out, Double scale, boolean corners, boolean single) {
        int n = Math.toIntExact(out);
        long[][] index = new long[4][n];
        double[][] weight = new double[4][n];
        double s = pixelScale(in, out, scale, corners, single);
        for (int o = 0; o < n; o++) {
            double real = sourceIndex(s, o, corners, true, single);
            long i = (long) Math.floor(real);
            double t = r(real - i, single);
            weight[0][o] = r(cubic2(t + 1.0), single);
            weight[1][o] = r(cubic1(t), single);
            weight[2][o] = r(cubic1(1.0 - t), single);
            weight[3][o] = r(cubic2(2.0 - t), single);
            for (int k = 0; k < 4; k++) {
                index[k][o] = Math.max(0, Math.min(in - 1, i - 1 + k));
            }
        }
        return new Taps(index, weight);
    }

    private static double cubic1(double x) {
        return ((CUBIC_A + 2) * x - (CUBIC_A + 3)) * x * x + 1;
    }

    private static double cubic2(double x) {
        return ((CUBIC_A * x - 5 * CUBIC_A) * x + 8 * CUBIC_A) * x - 4 * CUBIC_A;
    }

    /**
     * Area: the adaptive average pool's windows {@code [floor(o*in/out), ceil((o+1)*in/out))}; windows shorter
     * than the longest repeat their first position as filler taps, which add exactly 0.
     */
    private static Taps area(long in, long out) {
        int n = Math.toIntExact(out);
        long width = 0;
        long[] start = new long[n];
        long[] end = new long[n];
        for (int o = 0; o < n; o++) {
            start[o] = Math.floorDiv(o * in, out);
            end[o] = Math.floorDiv((o + 1) * in + out - 1, out);
            width = Math.max(width, end[o] - start[o]);
        }
        int k = Math.toIntExact(width);
        long[][] index = new long[k][n];
        double[][] weight = new double[k][n];
        boolean[][] padded = new boolean[k][n];
        boolean anyPadded = false;
        for (int o = 0; o < n; o++) {
            long len = end[o] - start[o];
            for (int j = 0; j < k; j++) {
                index[j][o] = j < len ? start[o] + j : start[o];
                weight[j][o] = j < len ? 1.0 / len : 0;
                padded[j][o] = j >= len;
                anyPadded |= j >= len;
            }
        }
        return new Taps(index, weight, anyPadded ? padded : null);
    }
}
