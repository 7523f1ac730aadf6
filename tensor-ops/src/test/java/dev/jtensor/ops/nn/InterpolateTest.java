package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.autograd.GradCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link F#interpolate}: finite-difference gradients of every mode (the conformance cases cover PyTorch's values
 * for 1-d and 2-d inputs), trilinear against its definition, and PyTorch's argument errors.
 */
class InterpolateTest {
    private static Tensor rand(long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 4 - 2;
        }
        return Tensor.fromArray(v, shape);
    }

    @Test
    void gradientsOfEveryModeMatchFiniteDifferences() {
        GradCheck.check(in -> F.interpolate(in[0], new long[] {7}, null, "linear", false, null), rand(1, 1, 2, 3));
        GradCheck.check(in -> F.interpolate(in[0], null, new double[] {1.7}, "linear", true, null), rand(2, 2, 1, 4));
        GradCheck.check(in -> F.interpolate(in[0], new long[] {3, 5}, null, "bilinear", false, null),
                rand(3, 1, 2, 4, 3));
        GradCheck.check(in -> F.interpolate(in[0], new long[] {2, 3}, null, "bicubic", true, null),
                rand(4, 1, 1, 4, 4));
        GradCheck.check(in -> F.interpolate(in[0], null, new double[] {1.5, 0.75}, "bicubic", false, null),
                rand(5, 1, 1, 3, 4));
        GradCheck.check(in -> F.interpolate(in[0], new long[] {3, 2}, "area"), rand(6, 1, 2, 5, 4));
        // nearest repeats an input element: its gradient sums the copies
        GradCheck.check(in -> F.interpolate(in[0], 2.5, "nearest"), rand(7, 1, 1, 2, 3));
        GradCheck.check(in -> F.interpolate(in[0], new long[] {5}, "nearest-exact"), rand(8, 2, 1, 3));
        GradCheck.check(in -> F.interpolate(in[0], new long[] {3, 2, 3}, null, "trilinear", false, null),
                rand(9, 1, 1, 2, 3, 2));
    }

    @Test
    void trilinearIsTheProductOfLinearWeights() {
        Tensor x = rand(10, 1, 2, 3, 4, 2);
        Tensor y = F.interpolate(x, new long[] {5, 3, 4}, null, "trilinear", true, null);
        assertArrayEquals(new long[] {1, 2, 5, 3, 4}, y.shape());
        // align_corners=True: source position o * (in - 1) / (out - 1) along each dim
        long[] out = {5, 3, 4};
        long[] in = {3, 4, 2};
        double[] xs = x.toDoubleArray();
        double[] ys = y.toDoubleArray();
        for (int c = 0; c < 2; c++) {
            for (int a = 0; a < out[0]; a++) {
                for (int b = 0; b < out[1]; b++) {
                    for (int d = 0; d < out[2]; d++) {
                        double expected = 0;
                        double[][] w = {weights(a, in[0], out[0]), weights(b, in[1], out[1]), weights(d, in[2], out[2])};
                        for (int i = 0; i < in[0]; i++) {
                            for (int j = 0; j < in[1]; j++) {
                                for (int k = 0; k < in[2]; k++) {
                                    expected += w[0][i] * w[1][j] * w[2][k] * xs[(int) (((c * in[0] + i) * in[1] + j) * in[2] + k)];
                                }
                            }
                        }
                        assertEquals(expected, ys[(int) (((c * out[0] + a) * out[1] + b) * out[2] + d)], 1e-12);
                    }
                }
            }
        }
    }

    /** The linear weights of output position {@code o} over the input positions, corners aligned. */
    private static double[] weights(int o, long in, long out) {
        double[] w = new double[(int) in];
        double src = out > 1 ? o * (double) (in - 1) / (out - 1) : 0;
        int i0 = (int) Math.floor(src);
        double t = src - i0;
        w[i0] += 1 - t;
        if (t > 0) {
            w[i0 + 1] += t;
        }
        return w;
    }

    @Test
    void nearestKeepsIntegersAndTheDtype() {
        Tensor x = Tensor.fromArray(new long[] {1, 2, 3}, 1, 1, 3);
        Tensor y = F.interpolate(x, new long[] {6}, "nearest");
        assertEquals(DType.INT64, y.dtype());
        assertArrayEquals(new long[] {1, 1, 2, 2, 3, 3}, y.toLongArray());
        Tensor f = F.interpolate(rand(11, 1, 1, 4).to(DType.FLOAT32), new long[] {3}, null, "linear", null, null);
        assertEquals(DType.FLOAT32, f.dtype());
    }

    /** Rows of 0..6 over {@code rows} rows and {@code channels} channels: {@code (1, channels, rows, 7)}. */
    private static Tensor ramp(long channels, long rows) {
        return Tensor.arange(7).to(DType.FLOAT64).reshape(1, 1, 1, 7).expand(1, channels, rows, 7).contiguous();
    }

    /**
     * With a given scale whose output size equals the input size, PyTorch 1.13 picks by kernel (values printed by
     * PyTorch 1.13.1): the linear kernels leave the dim as it is, the channels-last nearest kernel (a contiguous
     * one-channel input is channels-last too) copies it, the 1-d and the channels-first nearest kernels and the
     * bicubic one resample it with the given scale.
     */
    @Test
    void unchangedSizesUnderAGivenScaleFollowPyTorch113sKernels() {
        double[] ramp = {0, 1, 2, 3, 4, 5, 6};
        double[] shifted = {0, 0, 1, 2, 3, 4, 5};
        assertArrayEquals(shifted, F.interpolate(ramp(1, 1).reshape(1, 1, 7), 1.1, "nearest").toDoubleArray());
        assertArrayEquals(ramp, F.interpolate(ramp(1, 1).reshape(1, 1, 7), null, new double[] {1.1}, "linear", null,
                null).toDoubleArray());
        double[] scales = {1.5, 1.1};
        assertArrayEquals(ramp, firstRow(F.interpolate(ramp(1, 2), null, scales, "nearest", null, null)));
        assertArrayEquals(shifted, firstRow(F.interpolate(ramp(2, 2), null, scales, "nearest", null, null)));
        Tensor channelsLast = ramp(2, 2).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
        assertArrayEquals(ramp, firstRow(F.interpolate(channelsLast, null, scales, "nearest", null, null)));
        assertArrayEquals(ramp, firstRow(F.interpolate(ramp(2, 2), null, scales, "bilinear", null, null)));
        assertArrayEquals(new double[] {-0.031062171299774746, 0.8087669045830199, 1.724830954169798,
                2.6423741547708484, 3.568933132982721, 4.500000000000002, 5.5052357250187836},
                F.interpolate(ramp(1, 1), 1.1, "bicubic").toDoubleArray(), 1e-12);
        // a given scale just above 2: the 1-d kernel floors o * 0.49999997f
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6},
                F.interpolate(ramp(1, 1).reshape(1, 1, 7), 2.0000001, "nearest").toDoubleArray());
    }

    private static double[] firstRow(Tensor y) {
        return java.util.Arrays.copyOf(y.toDoubleArray(), Math.toIntExact(y.size(3)));
    }

    @Test
    void areaWindowsOfDifferentLengthsKeepInfinities() {
        // 5 -> 3: windows [0, 2), [1, 4), [3, 5); the short ones are filled up to 3 taps
        Tensor x = Tensor.fromArray(new double[] {Double.POSITIVE_INFINITY, 1, 2, 3, 4}, 1, 1, 5);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 2, 3.5},
                F.interpolate(x, new long[] {3}, "area").toDoubleArray());
    }

    @Test
    void errorsNameTheProblem() {
        Tensor x = rand(12, 1, 1, 4);
        assertMessage("only one of size or scale_factor should be defined",
                () -> F.interpolate(x, new long[] {3}, new double[] {2}, "nearest", null, null));
        assertMessage("either size or scale_factor should be defined",
                () -> F.interpolate(x, null, null, "nearest", null, null));
        assertMessage("align_corners option can only be set with the interpolating modes",
                () -> F.interpolate(x, new long[] {3}, null, "nearest", true, null));
        assertMessage("Got 3D input, but bilinear mode needs 4D input",
                () -> F.interpolate(x, new long[] {3}, "bilinear"));
        assertMessage("Got 4D input, but linear mode needs 3D input",
                () -> F.interpolate(rand(13, 1, 1, 2, 2), new long[] {3}, "linear"));
        assertMessage("Only 3D, 4D and 5D input Tensors supported (got 2D)",
                () -> F.interpolate(rand(14, 2, 3), new long[] {}, "nearest"));
        assertMessage("spatial dimensions of [2, 2] and output size of [3, 3, 3]",
                () -> F.interpolate(rand(15, 1, 1, 2, 2), new long[] {3, 3, 3}, "nearest"));
        assertMessage("Input and output sizes should be greater than 0, but got input (W: 4) and output (W: 0)",
                () -> F.interpolate(x, 0.1, "nearest"));
        assertMessage("recompute_scale_factor is not meaningful with an explicit size",
                () -> F.interpolate(x, new long[] {3}, null, "nearest", null, true));
        assertMessage("needs a floating-point input",
                () -> F.interpolate(Tensor.fromArray(new long[] {1, 2}, 1, 1, 2), new long[] {3}, null, "linear",
                        null, null));
        assertMessage("unknown mode 'cubic'", () -> new Upsample(2, "cubic"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        TensorException e = assertThrows(TensorException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
