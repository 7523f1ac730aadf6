package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reduction semantics and code paths the conformance and property tests do not single out. */
class ReductionsTest {
    private static Tensor randn(long seed, long... shape) {
        Random r = new Random(seed);
        float[] a = new float[(int) Shapes.numel(shape)];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return Tensor.fromArray(a, shape);
    }

    private static void assertMessage(String expected, Runnable r) {
        TensorException e = assertThrows(TensorException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Row sums of a 2-D float tensor in float64 (the reference for the float32 kernels). */
    private static double[] rowSums(float[] a, int rows, int cols, boolean alongRows) {
        double[] out = new double[alongRows ? rows : cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[alongRows ? i : j] += a[i * cols + j];
            }
        }
        return out;
    }

    private static void assertClose(double[] want, float[] got, double rtol, double atol) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], atol + rtol * Math.abs(want[i]), "element " + i);
        }
    }

    @Test
    void benchmarkShapeSumOverContiguousRows() {
        Tensor x = randn(1, 4096, 1024);
        Tensor s = x.sum(1, true);
        assertArrayEquals(new long[] {4096, 1}, s.shape());
        assertClose(rowSums(x.toFloatArray(), 4096, 1024, true), s.toFloatArray(), 1e-5, 1e-5);
    }

    @Test
    void sumOverLeadingDimReadsAcrossLines() {
        Tensor x = randn(2, 3000, 70);
        assertClose(rowSums(x.toFloatArray(), 3000, 70, false), x.sum(0).toFloatArray(), 1e-5, 1e-5);
        float[] mean = x.to(DType.FLOAT64).mean(0).toFloatArray();
        assertClose(java.util.Arrays.stream(rowSums(x.toFloatArray(), 3000, 70, false)).map(v -> v / 3000).toArray(),
                mean, 1e-6, 1e-9);
    }

    @Test
    void sumOverAllOfALargeTensorIsAccurate() {
        Tensor x = randn(3, 5, 100_003);
        double want = 0;
        for (float v : x.toFloatArray()) {
            want += v;
        }
        assertEquals(want, x.sum().item(), 1e-5 * 700 + Math.abs(want) * 1e-5);
        assertEquals(want / 500_015, x.mean().item(), 1e-6);
    }

    @Test
    void reducedDimsThatCannotMergeAreCopiedFirst() {
        Tensor x = Tensor.arange(24).view(2, 3, 4);
        assertArrayEquals(new long[] {60, 92, 124}, x.sum(new int[] {0, 2}, false).toLongArray());
        assertArrayEquals(new long[] {1, 3, 1}, x.sum(new int[] {2, 0}, true).shape());
        // Transposed input: reduced dims 0 and 2 of the view are not one strided run either.
        Tensor t = x.transpose(0, 2);
        assertArrayEquals(new long[] {60, 92, 124}, t.sum(new int[] {0, 2}, false).toLongArray());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Tensor rows = randn(4, 64, 3000);
        Tensor cols = randn(5, 3000, 64);
        Tensor big = randn(6, 300_000);
        List<Function<Tensor[], Tensor>> ops = List.of(
                t -> t[0].sum(1),
                t -> t[0].mean(new int[] {1}, true),
                t -> t[1].sum(0),
                t -> t[1].t().sum(1),
                t -> t[1].mean(0),
                t -> t[2].sum(),
                t -> t[2].mean(),
                t -> t[0].prod(1),
                t -> t[0].logsumexp(1),
                t -> t[1].logsumexp(0),
                t -> t[0].var(1),
                t -> t[1].std(new int[] {0}, 0.0, false),
                t -> t[0].amax(1),
                t -> t[1].amin(new int[] {0}, false),
                t -> t[0].max(1).indices(),
                t -> t[1].argmin(0),
                t -> t[1].cumsum(0),
                t -> t[0].cumsum(1),
                t -> t[1].sum(new int[] {0, 1}, false),
                t -> t[0].view(8, 8, 3000).sum(new int[] {0, 2}, false));
        int before = Parallel.getNumThreads();
        try {
            Tensor[] in = {rows, cols, big};
            for (int k = 0; k < ops.size(); k++) {
                Parallel.setNumThreads(1);
                Object one = ops.get(k).apply(in).toHostArray();
                for (int threads : new int[] {2, 3}) {
                    Parallel.setNumThreads(threads);
                    Object many = ops.get(k).apply(in).toHostArray();
                    assertTrue(java.util.Objects.deepEquals(one, many), "op " + k + " differs with " + threads
                            + " threads");
                }
            }
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void resultDtypes() {
        Tensor i32 = Tensor.tensor(new int[] {1, 2, 3}, DType.INT32);
        Tensor b = Tensor.tensor(new boolean[] {true, false, true});
        assertEquals(DType.INT64, i32.sum().dtype());
        assertEquals(DType.INT64, b.sum().dtype());
        assertEquals(2, b.sum().itemLong());
        assertEquals(DType.INT64, i32.prod().dtype());
        assertEquals(DType.INT64, b.cumsum(0).dtype());
        assertEquals(DType.FLOAT64, i32.sum(DType.FLOAT64).dtype());
        assertEquals(DType.INT32, i32.sum(new int[] {0}, false, DType.INT32).dtype());
        assertEquals(6, i32.sum(new int[] {0}, false, DType.INT32).itemLong());
        assertEquals(2.0, i32.mean(DType.FLOAT32).item());
        assertEquals(DType.INT32, i32.amax().dtype());
        assertArrayEquals(new long[] {1}, i32.amin(-1, true).shape());
        assertEquals(1, i32.amin(-1, true).itemLong());
        assertEquals(DType.INT32, i32.max(0).values().dtype());
        assertEquals(DType.BOOL, i32.all().dtype());
        assertEquals(DType.FLOAT32, i32.logsumexp(0).dtype());
        assertEquals(DType.FLOAT64, Tensor.tensor(new float[] {1, 2}).cumsum(0, DType.FLOAT64).dtype());
    }

    @Test
    void errorsNameTheProblem() {
        Tensor x = randn(7, 2, 3, 4);
        assertMessage("dim 0 appears multiple times in the list of dims", () -> x.sum(new int[] {0, -3}, false));
        assertMessage("Dimension out of range (expected to be in range of [-3, 2], but got 3)", () -> x.sum(3));
        assertMessage("Dimension out of range", () -> x.amax(new int[] {0, -4}, false));
        assertMessage("Got: torch.int64", () -> Tensor.arange(3).mean());
        assertMessage("Optional dtype must be either a floating point", () -> x.mean(DType.INT64));
        assertMessage("std and var only support floating point", () -> Tensor.arange(3).var());
        Tensor empty = Tensor.zeros(2, 0);
        assertMessage("max(): Expected reduction dim to be specified for input.numel() == 0", empty::max);
        assertMessage("argmin(): Expected reduction dim to be specified", empty::argmin);
        assertMessage("min(): Expected reduction dim 1 to have non-zero size", () -> empty.min(-1));
        assertMessage("amax(): Expected reduction dim 1 to have non-zero size", () -> empty.amax(1));
        assertMessage("argmax(): Expected reduction dim 1 to have non-zero size", () -> empty.argmax(1));
        assertArrayEquals(new long[] {0}, empty.max(0).values().shape());
    }

    @Test
    void emptyReductions() {
        Tensor e = Tensor.zeros(3, 0);
        assertArrayEquals(new float[] {0, 0, 0}, e.sum(1).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, e.prod(1).toFloatArray());
        assertTrue(Float.isNaN(e.mean(1).toFloatArray()[0]));
        assertTrue(Float.isNaN(e.var(1).toFloatArray()[2]));
        assertEquals(Float.NEGATIVE_INFINITY, e.logsumexp(1).toFloatArray()[0]);
        assertArrayEquals(new boolean[] {true, true, true}, e.all(1).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false}, e.any(1).toBooleanArray());
        assertEquals(0, e.sum(0).numel());
        assertArrayEquals(new long[] {1, 0}, e.sum(0, true).shape());
        assertEquals(0, Tensor.zeros(new long[] {0}, DType.INT64).sum().itemLong());
        assertEquals(1, Tensor.zeros(new long[] {0}, DType.INT64).prod().itemLong());
        assertArrayEquals(new long[] {3, 0}, e.cumsum(1).shape());
    }

    @Test
    void nanAndTies() {
        float nan = Float.NaN;
        Tensor x = Tensor.tensor(new float[][] {{1, nan, 3, nan}, {2, 5, 5, 1}});
        ValuesIndices m = x.max(1);
        assertTrue(Float.isNaN(m.values().toFloatArray()[0]));
        assertArrayEquals(new long[] {1, 1}, m.indices().toLongArray());
        assertArrayEquals(new long[] {1, 3}, x.min(1).indices().toLongArray());
        assertTrue(Double.isNaN(x.amax().item()));
        assertTrue(Double.isNaN(x.min().item()));
        assertEquals(1, x.argmax().itemLong());
        assertEquals(5f, x.select(0, 1).max().item());
        assertArrayEquals(new long[] {0, 0, 0, 0}, x.argmin(0).toLongArray());
        assertArrayEquals(new long[] {1, 0, 1, 0}, x.argmax(0).toLongArray());
        Tensor bools = Tensor.tensor(new boolean[] {false, true, true});
        assertTrue(bools.max().itemBoolean());
        assertEquals(1, bools.argmax().itemLong());
        assertEquals(0, bools.argmin().itemLong());
    }

    @Test
    void infinitiesInSumsAndLogSumExp() {
        float inf = Float.POSITIVE_INFINITY;
        assertEquals(inf, Tensor.tensor(new float[] {1, inf, 2}).sum().item());
        assertTrue(Double.isNaN(Tensor.tensor(new float[] {inf, -inf}).sum().item()));
        Tensor l = Tensor.tensor(new float[][] {{-inf, -inf}, {0, -inf}, {inf, 1}});
        assertArrayEquals(new float[] {-inf, 0, inf}, l.logsumexp(1).toFloatArray());
        Tensor big = Tensor.tensor(new float[] {1000, 1000});
        assertEquals(1000 + Math.log(2), big.logsumexp(0).item(), 1e-3);
        Tensor small = Tensor.fromArray(new double[] {-1000, -1000}, 2);
        assertEquals(-1000 + Math.log(2), small.logsumexp(0).item(), 1e-12);
    }

    @Test
    void varianceIsStableUnderALargeShiftAndHonoursTheCorrection() {
        double[] a = new double[1000];
        Random r = new Random(8);
        for (int i = 0; i < a.length; i++) {
            a[i] = 1e9 + r.nextGaussian();
        }
        double mean = 0;
        for (double v : a) {
            mean += v;
        }
        mean /= a.length;
        double m2 = 0;
        for (double v : a) {
            m2 += (v - mean) * (v - mean);
        }
        Tensor x = Tensor.fromArray(a, 1000);
        assertEquals(m2 / 999, x.var().item(), 1e-9 * m2 / 999);
        assertEquals(m2 / 1000, x.var(false).item(), 1e-9 * m2 / 1000);
        assertEquals(m2 / 997, x.var(null, 3.0, false).item(), 1e-9 * m2 / 997);
        assertEquals(Math.sqrt(m2 / 999), x.std().item(), 1e-9);
        assertTrue(Double.isNaN(Tensor.tensor(new float[] {1.5f}).var().item()));
        assertEquals(0.0, Tensor.tensor(new float[] {1.5f}).var(false).item());
        assertEquals(Double.POSITIVE_INFINITY, Tensor.tensor(new float[] {1, 2}).var(null, 2.0, false).item());
    }

    @Test
    void zeroDimInputs() {
        Tensor s = Tensor.scalar(2.5);
        assertEquals(0, s.sum(0).dim());
        assertEquals(0, s.sum(-1, true).dim());
        assertEquals(2.5, s.sum(new int[] {0}, true).item());
        assertEquals(0, s.max(0).indices().itemLong());
        assertEquals(2.5, s.cumsum(0).item());
        assertEquals(2.5, s.logsumexp(0).item(), 1e-6);
        assertMessage("Dimension out of range", () -> s.sum(1));
    }

    @Test
    void outputsAreFreshAndInputsUntouched() {
        Tensor x = randn(9, 4, 5);
        float[] before = x.toFloatArray();
        List<Tensor> outs = new ArrayList<>(List.of(x.sum(1), x.mean(0), x.cumsum(1), x.amax(1)));
        for (Tensor o : outs) {
            assertTrue(!o.sharesStorage(x));
        }
        assertArrayEquals(before, x.toFloatArray());
    }
}
