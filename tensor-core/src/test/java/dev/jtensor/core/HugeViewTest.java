package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.spi.ReducePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 2: views of more than {@code 2^31} logical elements (expanded, so they cost no
 * memory) reduce and multiply correctly; the splitting behind it is also checked on real data with
 * a lowered line length against direct reductions.
 */
class HugeViewTest {
    private static final long N = 46341; // N * N = 2147488281 > 2^31

    private static Tensor ones64(long... shape) {
        return Tensor.ones(shape, DType.FLOAT64);
    }

    // Each check below reads more than 2^31 elements (seconds of CPU each), so there are few; the
    // split and merge logic is checked in breadth on real data further down.

    @Test
    void sumOverMoreThan2To31Elements() {
        double sum = Tensor.ones(1, 1).expand(N, N).sum().item();
        assertEquals(N * N, sum, N * N * 1e-6);
    }

    @Test
    void meanAlongALongDim() {
        long len = (1L << 31) + 5;
        Tensor m = Tensor.full(new long[] {1, 1}, 2.5).expand(1, len).mean(new int[] {1}, true);
        assertArrayEquals(new long[] {1, 1}, m.shape());
        assertArrayEquals(new float[] {2.5f}, m.toFloatArray());
    }

    @Test
    void logsumexpOverAHugeView() {
        Tensor lse = Tensor.zeros(new long[] {1, 1}, DType.FLOAT64).expand(N, N).logsumexp(new int[] {0, 1}, false);
        assertEquals(Math.log((double) N * N), lse.item(), 1e-12);
    }

    @Test
    void varOverAHugeView() {
        // Half zeros, half twos: mean 1, uncorrected variance 1, n / (n - 1) corrected.
        Tensor pair = Tensor.tensor(new double[][] {{0, 2}}).to(DType.FLOAT64);
        long rows = (1L << 30) + 7;
        double n = 2.0 * rows;
        assertEquals(n / (n - 1), pair.expand(rows, 2).var().item(), 1e-12);
    }

    @Test
    void productsWithALongInnerDimension() {
        long k = (1L << 31) + 5;
        Tensor a = ones64(1).expand(k);
        assertEquals((double) k, a.dot(a).item());
        Tensor mat = Tensor.full(new long[] {1, 1}, 0.5, DType.FLOAT64).expand(1, k);
        assertArrayEquals(new double[] {k / 2.0}, mat.mv(a).toDoubleArray());
    }

    @Test
    void aResultThatCannotFitAStorageIsNamed() {
        TensorException e = org.junit.jupiter.api.Assertions.assertThrows(TensorException.class,
                () -> Tensor.ones(1, 1).expand(N, N).add(1));
        assertTrue(e.getMessage().contains("[" + N + ", " + N + "]"), e.getMessage());
    }

    // ---------------------------------------------------------------- the split on real data

    private record Case(String name, Function<Tensor, Object> op) {}

    private static Object run(Function<Tensor, Object> op, Tensor x) {
        Object r = op.apply(x);
        return r instanceof ValuesIndices vi ? List.of(vi.values(), vi.indices()) : r;
    }

    /**
     * With lines lowered to 5 elements, every reduction of random data (NaNs and ties included)
     * splits and merges, and must agree with the direct reduction: indices exactly, values to
     * rounding.
     */
    @Test
    void splitReductionsMatchDirectOnes() {
        Generator g = new Generator(19);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(Tensor.randn(new long[] {3, 17}, DType.FLOAT64, g));
        inputs.add(Tensor.randn(new long[] {4, 3, 6}, DType.FLOAT64, g).transpose(0, 2));
        inputs.add(Tensor.randint(0, 3, new long[] {2, 23}, DType.FLOAT64, g)); // ties
        Tensor withNan = Tensor.randn(new long[] {2, 13}, DType.FLOAT64, g);
        withNan.select(0, 1).select(0, 9).fill_(Double.NaN);
        withNan.select(0, 1).select(0, 11).fill_(Double.NaN);
        inputs.add(withNan);
        // Broadcast dims: reduced in closed form, the rest split.
        inputs.add(Tensor.randn(new long[] {3, 1, 4}, DType.FLOAT64, g).expand(3, 6, 4));
        List<Case> cases = List.of(
                new Case("sum", x -> x.sum()), new Case("sum(1)", x -> x.sum(1)),
                new Case("sum(0,1)keep", x -> x.sum(new int[] {0, 1}, true)),
                new Case("mean", x -> x.mean()), new Case("mean(1)", x -> x.mean(1, true)),
                new Case("prod", x -> x.div(x.abs().add(1)).add(1).prod(1)),
                new Case("amax", x -> x.amax()), new Case("amin(1)", x -> x.amin(1)),
                new Case("logsumexp", x -> x.logsumexp(new int[] {0, 1}, false)),
                new Case("logsumexp(1)", x -> x.logsumexp(1)),
                new Case("var", x -> x.var()), new Case("var(1)", x -> x.var(1)),
                new Case("std(0,1)", x -> x.std(new int[] {0, 1}, 0.0, true)),
                new Case("max(1)", x -> x.max(1)), new Case("min(1,keep)", x -> x.min(1, true)),
                new Case("argmax", x -> x.argmax()), new Case("argmin(1)", x -> x.argmin(1)),
                new Case("any", x -> x.gt(1.0).any()), new Case("all(1)", x -> x.lt(1.5).all(1)),
                new Case("long sum", x -> x.sum(DType.INT64)));
        for (Tensor x : inputs) {
            for (Case c : cases) {
                Tensor input = c.name().equals("long sum") ? x.mul(10).to(DType.INT64) : x;
                Object direct = run(c.op(), input);
                Object split;
                HugeReductions.line = 5;
                try {
                    split = run(c.op(), input);
                } finally {
                    HugeReductions.line = ReducePlan.MAX_LINE;
                }
                assertSame(c.name() + " of " + java.util.Arrays.toString(x.shape()), direct, split);
            }
        }
    }

    private static void assertSame(String what, Object expected, Object actual) {
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertSame(what + " values", e.get(0), a.get(0));
            assertSame(what + " indices", e.get(1), a.get(1));
            return;
        }
        Tensor e = (Tensor) expected;
        Tensor a = (Tensor) actual;
        assertEquals(e.dtype(), a.dtype(), what);
        assertArrayEquals(e.shape(), a.shape(), what);
        double[] ev = e.toDoubleArray();
        double[] av = a.toDoubleArray();
        for (int i = 0; i < ev.length; i++) {
            if (Double.isNaN(ev[i])) {
                assertTrue(Double.isNaN(av[i]), what + " at " + i + ": " + av[i]);
            } else {
                assertEquals(ev[i], av[i], 1e-12 * Math.max(1, Math.abs(ev[i])), what + " at " + i);
            }
        }
    }
}
