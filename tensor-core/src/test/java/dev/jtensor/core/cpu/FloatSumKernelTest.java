package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Parallel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API float sum against its scalar twin and a float64 reference, at awkward sizes. */
class FloatSumKernelTest {
    private static final int OFFSET = 3;

    private static float[] data(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n + 2 * OFFSET];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static double reference(float[] a, int off, int n) {
        double s = 0;
        for (int i = off; i < off + n; i++) {
            s += a[i];
        }
        return s;
    }

    private static double absSum(float[] a, int off, int n) {
        double s = 0;
        for (int i = off; i < off + n; i++) {
            s += Math.abs(a[i]);
        }
        return s;
    }

    @Test
    void vectorKernelIsAvailableWhenTheModuleIsAdded() {
        // The build runs tests with --add-modules jdk.incubator.vector, so the fast path must be chosen.
        assertNotNull(FloatSumKernel.panamaOrNull(), "the Vector API kernel should load in tests");
        assertEquals(FloatSumKernel.panamaOrNull(), FloatSumKernel.best());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 13, 207, 4099, 255, 256, 257, 1023, 1024, 1025, 2048, 3077, 70001})
    void twoRunsAtOnceGiveTheBitsOfOneAtATime(int n) {
        for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.panamaOrNull(), FloatSumKernel.scalar()}) {
            // Two runs of n one after the other, the second starting at an odd offset.
            float[] a = data(2 * n + 1, n);
            float[] pair = new float[2];
            k.sum2(a, OFFSET, OFFSET + n + 1, n, pair);
            assertEquals(Float.floatToRawIntBits(k.sum(a, OFFSET, n)), Float.floatToRawIntBits(pair[0]), k.name());
            assertEquals(Float.floatToRawIntBits(k.sum(a, OFFSET + n + 1, n)), Float.floatToRawIntBits(pair[1]),
                    k.name());
        }
    }

    /**
     * The vector block's documented order, replayed lane by lane in scalar code: four accumulators
     * of {@code lanes} lanes over whole groups, then single vectors into the first, the four added
     * as (0 + 1) + (2 + 3), the lanes in order, then the tail.
     */
    private static float blockInDocumentedOrder(float[] a, int off, int n, int lanes) {
        float[][] acc = new float[4][lanes];
        int i = 0;
        for (; i + 4 * lanes <= n; i += 4 * lanes) {
            for (int j = 0; j < 4; j++) {
                for (int l = 0; l < lanes; l++) {
                    acc[j][l] += a[off + i + j * lanes + l];
                }
            }
        }
        for (; i + lanes <= n; i += lanes) {
            for (int l = 0; l < lanes; l++) {
                acc[0][l] += a[off + i + l];
            }
        }
        float s = 0;
        for (int l = 0; l < lanes; l++) {
            s += (acc[0][l] + acc[1][l]) + (acc[2][l] + acc[3][l]);
        }
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 1000, 1023, 1024})
    void vectorBlockFollowsItsDocumentedOrderWithFullBlocksToo(int n) {
        // A full block (n == BLOCK) takes its own constant-length loop; it must give the general
        // loop's bits, which are the documented order's.
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        FloatSumKernel panama = FloatSumKernel.panamaOrNull();
        for (int seed = 0; seed < 5; seed++) {
            float[] a = data(2 * n, seed);
            float[] pair = new float[2];
            panama.block2(a, OFFSET, OFFSET + n, n, pair);
            float expected = blockInDocumentedOrder(a, OFFSET, n, lanes);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(panama.block(a, OFFSET, n)), "n=" + n);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(pair[0]), "block2, n=" + n);
            assertEquals(Float.floatToRawIntBits(blockInDocumentedOrder(a, OFFSET + n, n, lanes)),
                    Float.floatToRawIntBits(pair[1]), "block2 second run, n=" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 13, 207, 4099, 255, 256, 257, 1023, 1024, 1025, 2048, 3077, 70001})
    void vectorMatchesScalarTwin(int n) {
        FloatSumKernel panama = FloatSumKernel.panamaOrNull();
        assertNotNull(panama);
        FloatSumKernel scalar = FloatSumKernel.scalar();
        for (long seed = 0; seed < 3; seed++) {
            float[] a = data(n, seed);
            double ref = reference(a, OFFSET, n);
            // Both accumulate in float: allow a few ulps of the sum of magnitudes.
            double tol = 1e-6 * absSum(a, OFFSET, n) + 1e-7;
            float v = panama.sum(a, OFFSET, n);
            float s = scalar.sum(a, OFFSET, n);
            assertEquals(ref, v, tol, "vector kernel, n=" + n);
            assertEquals(ref, s, tol, "scalar kernel, n=" + n);
            assertEquals(s, v, tol, "vector vs scalar, n=" + n);
        }
    }

    @Test
    void sameBitsBeforeAndAfterJitWarmUp() {
        // The interpreted and compiled Vector API may order a lane reduction differently; the kernel must not.
        float[] a = data(4099, 7);
        for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.scalar(), FloatSumKernel.panamaOrNull()}) {
            int cold = Float.floatToRawIntBits(k.sum(a, 1, 4097));
            float sink = 0;
            for (int i = 0; i < 20_000; i++) {
                sink += k.sum(a, 1, 4097);
            }
            assertTrue(Float.isFinite(sink));
            assertEquals(cold, Float.floatToRawIntBits(k.sum(a, 1, 4097)), k.name());
        }
    }

    @Test
    void emptyAndSpecialValues() {
        for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.scalar(), FloatSumKernel.panamaOrNull()}) {
            assertEquals(0f, k.sum(new float[5], 2, 0));
            float[] a = new float[300];
            a[17] = Float.NaN;
            assertTrue(Float.isNaN(k.sum(a, 0, 300)), k.name());
            a[17] = Float.POSITIVE_INFINITY;
            assertEquals(Float.POSITIVE_INFINITY, k.sum(a, 0, 300), k.name());
            a[250] = Float.NEGATIVE_INFINITY;
            assertTrue(Float.isNaN(k.sum(a, 0, 300)), k.name());
        }
    }

    @Test
    void pairwiseKeepsLongSumsAccurate() {
        // A single float accumulator over 2^20 copies of 0.1f drifts by about 1e-3 relative.
        int n = 1 << 20;
        float[] a = new float[n];
        java.util.Arrays.fill(a, 0.1f);
        double exact = (double) 0.1f * n;
        for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.scalar(), FloatSumKernel.panamaOrNull()}) {
            assertEquals(exact, k.sum(a, 0, n), exact * 1e-6, k.name());
        }
    }

    @Test
    void parallelSumIsBitIdenticalToSerialForAnyThreadCount() {
        int n = 5 * FloatSumKernel.PARALLEL_LEAF + 123;
        float[] a = data(n, 42);
        int before = Parallel.getNumThreads();
        try {
            for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.scalar(), FloatSumKernel.panamaOrNull()}) {
                float serial = k.sum(a, OFFSET, n);
                for (int threads : new int[] {1, 2, 3, 8}) {
                    Parallel.setNumThreads(threads);
                    assertEquals(Float.floatToRawIntBits(serial), Float.floatToRawIntBits(k.sumParallel(a, OFFSET, n)),
                            k.name() + " with " + threads + " threads");
                }
            }
        } finally {
            Parallel.setNumThreads(before);
        }
    }
}
