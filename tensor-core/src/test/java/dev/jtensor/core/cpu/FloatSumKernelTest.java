package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float32 sum at every vector width and in the scalar twin against the documented order
 * (replayed here in plain loops), bit for bit, at awkward sizes and offsets, and its accuracy.
 */
class FloatSumKernelTest {
    private static float[] data(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian() * (r.nextInt(4) == 0 ? 1000f : 1f);
        }
        return a;
    }

    /** Every implementation: the scalar twin and the Vector API kernel at each width. */
    static List<FloatSumKernel> kernels() {
        List<FloatSumKernel> all = new ArrayList<>();
        all.add(FloatSumKernel.at(0));
        for (int bits : Widths.VECTOR_BITS) {
            all.add(FloatSumKernel.at(bits));
        }
        return all;
    }

    /**
     * The order of {@link FloatSumKernel}'s class comment, written out independently: blocks of at
     * most 256 halved pairwise, 32 accumulators per block, the tree h = 16 .. 1, then the tail.
     */
    static float documented(float[] a, int off, int n) {
        if (n > 256) {
            int h = (n + 255) / 256 / 2 * 256;
            return documented(a, off, h) + documented(a, off + h, n - h);
        }
        float[] acc = new float[32];
        int full = n / 32 * 32;
        for (int i = 0; i < full; i++) {
            acc[i % 32] += a[off + i];
        }
        for (int h = 16; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) {
                acc[j] = acc[j] + acc[j + h];
            }
        }
        float s = acc[0];
        for (int i = full; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @Test
    void everyWidthAndTheScalarTwinFollowTheDocumentedOrder() {
        // 257 .. 512: the pair step (two blocks read side by side), with a right block that is full,
        // partial with and without whole groups of 32, or shorter than one group.
        int[] sizes = {0, 1, 7, 13, 15, 17, 31, 32, 33, 63, 64, 65, 207, 255, 256, 257, 271, 288, 300, 319, 479, 511,
            512, 513, 1000, 1023, 1024, 1025, 2048, 3077, 4099, 70001};
        for (int n : sizes) {
            for (int off : Widths.OFFSETS) {
                float[] a = data(n + off + 5, n);
                int expected = Float.floatToRawIntBits(documented(a, off, n));
                for (FloatSumKernel k : kernels()) {
                    assertEquals(expected, Float.floatToRawIntBits(k.sum(a, off, n)),
                            k.name() + ", n=" + n + ", offset " + off);
                }
            }
        }
    }

    @Test
    void stridedRunsGiveTheBitsOfContiguousOnes() {
        for (int n : new int[] {0, 1, 7, 13, 15, 17, 31, 33, 207, 1025, 4099}) {
            for (int stride : new int[] {2, 5}) {
                float[] a = data(n * stride + 3, n + stride);
                float[] packed = new float[n];
                for (int i = 0; i < n; i++) {
                    packed[i] = a[3 + i * stride];
                }
                assertEquals(Float.floatToRawIntBits(documented(packed, 0, n)),
                        Float.floatToRawIntBits(FloatSumKernel.sumStrided(a, 3, stride, n)), "n=" + n + ", stride " + stride);
            }
        }
    }

    @Test
    void sameBitsBeforeAndAfterJitWarmUp() {
        // The interpreted and compiled Vector API may order a lane reduction differently; the kernel must not.
        float[] a = data(4099, 7);
        for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.scalar(), FloatSumKernel.best()}) {
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
        for (FloatSumKernel k : kernels()) {
            assertEquals(0f, k.sum(new float[5], 2, 0));
            float[] a = new float[300];
            a[17] = Float.NaN;
            assertTrue(Float.isNaN(k.sum(a, 0, 300)), k.name());
            a[17] = Float.POSITIVE_INFINITY;
            assertEquals(Float.POSITIVE_INFINITY, k.sum(a, 0, 300), k.name());
            a[250] = Float.NEGATIVE_INFINITY;
            assertTrue(Float.isNaN(k.sum(a, 0, 300)), k.name());
            a[250] = 0;
            a[290] = Float.NEGATIVE_INFINITY; // in the right block of the pair step
            assertTrue(Float.isNaN(k.sum(a, 0, 300)), k.name());
            a[17] = 0;
            assertEquals(Float.NEGATIVE_INFINITY, k.sum(a, 0, 300), k.name());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1000, 1 << 14, 1 << 20})
    void pairwiseKeepsLongSumsAccurate(int n) {
        // A single float accumulator over 2^20 copies of 0.1f drifts by about 1e-3 relative.
        float[] a = new float[n];
        java.util.Arrays.fill(a, 0.1f);
        double exact = (double) 0.1f * n;
        for (FloatSumKernel k : kernels()) {
            assertEquals(exact, k.sum(a, 0, n), exact * 2e-7, k.name());
        }
    }

    @Test
    void parallelSumIsBitIdenticalToSerialForAnyThreadCount() {
        int n = 5 * FloatSumKernel.PARALLEL_LEAF + 123;
        float[] a = data(n + 3, 42);
        int before = Parallel.getNumThreads();
        try {
            for (FloatSumKernel k : new FloatSumKernel[] {FloatSumKernel.scalar(), FloatSumKernel.best()}) {
                float serial = k.sum(a, 3, n);
                for (int threads : new int[] {1, 2, 3, 8}) {
                    Parallel.setNumThreads(threads);
                    assertEquals(Float.floatToRawIntBits(serial), Float.floatToRawIntBits(k.sumParallel(a, 3, n)),
                            k.name() + " with " + threads + " threads");
                }
            }
        } finally {
            Parallel.setNumThreads(before);
        }
    }
}
