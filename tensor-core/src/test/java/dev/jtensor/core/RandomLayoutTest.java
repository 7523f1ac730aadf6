package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.cpu.CpuStorage;
import dev.jtensor.core.random.IntegerKernels;
import dev.jtensor.core.random.MersenneTwister;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Element order for views, draw accounting (torch-rng.md §5.6, §9), the scalar-path cache,
 * argument checks, and the integer variants.
 */
class RandomLayoutTest {
    /** The whole backing array of t's storage. */
    private static float[] storage(Tensor t) {
        return ((float[]) ((CpuStorage) t.storage()).array()).clone();
    }

    /** The first {@code k} draws of a fresh stream seeded with {@code seed}, as unit floats. */
    private static float[] words(long seed, int skip, int k) {
        MersenneTwister mt = new MersenneTwister(seed);
        for (int i = 0; i < skip; i++) {
            mt.nextInt();
        }
        float[] r = new float[k];
        for (int i = 0; i < k; i++) {
            r[i] = mt.unitFloat();
        }
        return r;
    }

    /** Asserts that {@code op} consumes exactly {@code expected} 32-bit words from a fresh generator. */
    private static void assertWords(long expected, Consumer<Generator> op) {
        Generator g = new Generator(77);
        op.accept(g);
        assertArrayEquals(words(77, (int) expected, 3), Tensor.rand(g, 3).toFloatArray(), "words consumed");
    }

    /** n scalar-path samples, one call each (each call continues the cached pair). */
    private static float[] scalarSequence(long seed, int n) {
        Generator g = new Generator(seed);
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = Tensor.randn(g, 1).toFloatArray()[0];
        }
        return r;
    }

    @Test
    void randLikeKeepsLayoutAndFillsInMemoryOrder() {
        Tensor x = Tensor.zeros(5, 4).t();
        Tensor r = Tensor.randLike(x, new Generator(3));
        assertArrayEquals(x.stride(), r.stride());
        assertArrayEquals(Tensor.rand(new Generator(3), 20).toFloatArray(), storage(r));
    }

    @Test
    void randnLikeOfTransposedTakesTheScalarPath() {
        Tensor r = Tensor.randnLike(Tensor.zeros(6, 4).t(), new Generator(8));
        assertFalse(r.isContiguous());
        assertArrayEquals(scalarSequence(8, 24), storage(r));
    }

    @Test
    void gappedViewsAreFilledInIncreasingStorageOffset() {
        Tensor base = Tensor.zeros(4, 6);
        Tensor v = base.t().slice(0, 0, 6, 2);
        assertArrayEquals(new long[] {3, 4}, v.shape());
        v.uniform_(0, 1, new Generator(4));
        float[] s = storage(base);
        float[] expected = Tensor.rand(new Generator(4), 12).toFloatArray();
        int k = 0;
        for (int off = 0; off < 24; off++) {
            if (off % 2 == 0) {
                assertEquals(expected[k++], s[off], "offset " + off);
            } else {
                assertEquals(0f, s[off]);
            }
        }
        // A gapped view of >= 16 elements is not contiguous: scalar path, same offset order.
        Tensor big = Tensor.zeros(8, 6);
        big.slice(1, 0, 6, 2).normal_(0, 1, new Generator(5));
        float[] b = storage(big);
        float[] seq = scalarSequence(5, 24);
        k = 0;
        for (int off = 0; off < 48; off += 2) {
            assertEquals(seq[k++], b[off]);
        }
    }

    @Test
    void contiguousViewWithOffsetUsesTheBlockPath() {
        Tensor base = Tensor.zeros(40);
        base.narrow(0, 8, 20).normal_(0, 1, new Generator(6));
        float[] s = storage(base);
        assertArrayEquals(Tensor.randn(new Generator(6), 20).toFloatArray(), Arrays.copyOfRange(s, 8, 28));
        assertArrayEquals(new float[8], Arrays.copyOfRange(s, 0, 8));
        assertArrayEquals(new float[12], Arrays.copyOfRange(s, 28, 40));
    }

    @Test
    void wordsConsumed() {
        assertWords(16, g -> Tensor.randn(g, 16));
        assertWords(17 + 16, g -> Tensor.randn(g, 17));
        assertWords(32, g -> Tensor.randn(g, 4, 8));
        assertWords(33 + 16, g -> Tensor.randn(g, 33));
        assertWords(2 * (20 + 16), g -> Tensor.randn(new long[] {20}, DType.FLOAT64, g));
        assertWords(8, g -> Tensor.randn(g, 3));
        assertWords(7, g -> Tensor.rand(g, 7));
        assertWords(14, g -> Tensor.rand(new long[] {7}, DType.FLOAT64, g));
        assertWords(5, g -> Tensor.randint(0, 1000, new long[] {5}, g));
        assertWords(10, g -> Tensor.randint(0, 1L << 40, new long[] {5}, g));
        assertWords(10, g -> Tensor.randint(0, 1L << 30, new long[] {5}, g));
        assertWords(5, g -> Tensor.randint(0, 1L << 30, new long[] {5}, g.setTorchVersion(TorchVersion.V1_13)));
        assertWords(9, g -> Tensor.randperm(10, g));
        assertWords(0, g -> Tensor.randperm(1, g));
        assertWords(0, g -> Tensor.randn(g, 0, 3));
        assertWords(12, g -> Tensor.zeros(4, 3).t().uniform_(-1, 1, g));
    }

    @Test
    void cachedNormalPersistsAcrossCalls() {
        Generator g = new Generator(0);
        assertEquals(1.5409960746765137f, Tensor.randn(g, 1).item(), 0);
        // The block path neither reads nor writes the cache; its uniforms start after the 4 words used.
        assertEquals(0.8487103581428528f, Tensor.randn(g, 16).toFloatArray()[0]);
        Tensor.rand(g, 5);
        Tensor.randint(0, 3, new long[] {4}, g);
        assertEquals(-0.293428897857666f, Tensor.randn(g, 1).item(), 0);
        // Reseeding clears it.
        Generator h = new Generator(0);
        Tensor.randn(h, 1);
        h.setSeed(0);
        assertEquals(1.5409960746765137f, Tensor.randn(h, 1).item(), 0);
    }

    @Test
    void numbersDoNotDependOnTheThreadCount() {
        int before = Parallel.getNumThreads();
        try {
            Parallel.setNumThreads(1);
            float[] one = Tensor.randn(new Generator(9), 100_003).toFloatArray();
            float[] u1 = Tensor.rand(new Generator(9), 70_001).toFloatArray();
            Parallel.setNumThreads(4);
            assertArrayEquals(one, Tensor.randn(new Generator(9), 100_003).toFloatArray());
            assertArrayEquals(u1, Tensor.rand(new Generator(9), 70_001).toFloatArray());
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void rejectedCallsDrawNothing() {
        Generator g = new Generator(12);
        byte[] state = g.getState();
        assertThrows(TensorException.class, () -> Tensor.zeros(new long[] {3}, DType.INT64).uniform_(0, 1, g));
        assertThrows(TensorException.class, () -> Tensor.zeros(new long[] {3}, DType.INT64).normal_(0, 1, g));
        TensorException e = assertThrows(TensorException.class, () -> Tensor.zeros(3).normal_(0, -1, g));
        assertTrue(e.getMessage().contains("std >= 0.0"), e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.zeros(3).uniform_(2, 1, g));
        assertThrows(TensorException.class, () -> Tensor.zeros(3).uniform_(Double.NaN, 1, g));
        assertThrows(TensorException.class, () -> Tensor.zeros(3).uniform_(0, Double.POSITIVE_INFINITY, g));
        assertThrows(TensorException.class, () -> Tensor.zeros(3).uniform_(-3e38, 3e38, g));
        e = assertThrows(TensorException.class, () -> Tensor.randint(5, 5, new long[] {2}, g));
        assertTrue(e.getMessage().contains("from=5 >= to=5"), e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.randint(0, 1L << 32, new long[] {2}, DType.INT32, g));
        assertThrows(TensorException.class, () -> Tensor.randint(0, 3, new long[] {2}, DType.BOOL, g));
        assertThrows(TensorException.class, () -> Tensor.randint(0, 3, new long[] {-2}, g));
        e = assertThrows(TensorException.class, () -> Tensor.zeros(1, 3).expand(4, 3).normal_(0, 1, g));
        assertTrue(e.getMessage().contains("single memory location"), e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.randperm(-1, g));
        assertThrows(TensorException.class, () -> Tensor.randperm(3, DType.BOOL, g));
        assertThrows(TensorException.class, () -> Tensor.randperm((1L << 24) + 2, DType.FLOAT32, g));
        assertThrows(TensorException.class, () -> Tensor.rand(new long[] {2}, DType.INT64, g));
        assertArrayEquals(state, g.getState());
    }

    @Test
    void integerDtypes() {
        long[] i32 = Tensor.randint(-5, 5, new long[] {200}, DType.INT32, new Generator(1)).toLongArray();
        assertEquals(DType.INT32, Tensor.randint(-5, 5, new long[] {1}, DType.INT32, new Generator(1)).dtype());
        // Same draws, same values, as int64.
        assertArrayEquals(Tensor.randint(-5, 5, new long[] {200}, new Generator(1)).toLongArray(), i32);
        boolean[] b = Tensor.randint(0, 2, new long[] {64}, DType.BOOL, new Generator(1)).toBooleanArray();
        long[] asLong = Tensor.randint(0, 2, new long[] {64}, new Generator(1)).toLongArray();
        for (int i = 0; i < 64; i++) {
            assertEquals(asLong[i] != 0, b[i]);
        }
        float[] f = Tensor.randint(3, 9, new long[] {50}, DType.FLOAT32, new Generator(2)).toFloatArray();
        for (float v : f) {
            assertTrue(v >= 3 && v < 9 && v == Math.rint(v), "value " + v);
        }
        // random_() without bounds over int32/bool/float ranges.
        long[] r32 = Tensor.zeros(new long[] {100}, DType.INT32).random_(new Generator(4)).toLongArray();
        MersenneTwister mt = new MersenneTwister(4);
        for (long v : r32) {
            assertEquals(mt.nextInt() & 0x7FFFFFFFL, v);
        }
        float[] rf = Tensor.zeros(10).random_(new Generator(4)).toFloatArray();
        mt = new MersenneTwister(4);
        for (float v : rf) {
            assertEquals((float) ((mt.nextInt() & 0xFFFFFFFFL) % ((1 << 24) + 1)), v);
        }
        // randint_like keeps the input's dtype, as PyTorch does.
        assertEquals(DType.FLOAT32, Tensor.randintLike(Tensor.zeros(2, 2), 10).dtype());
        // The whole int64 range minus one.
        long[] wide = Tensor.randint(Long.MIN_VALUE, Long.MAX_VALUE, new long[] {4}, new Generator(0)).toLongArray();
        MersenneTwister w = new MersenneTwister(0);
        for (long v : wide) {
            assertEquals(Long.remainderUnsigned(w.nextLong(), -1L) + Long.MIN_VALUE, v);
        }
    }

    @Test
    void floatBoundsAreAdjustedLikePyTorch() {
        // 2^25 + 3 rounds up to 2^25 + 4 in float32, so `to` moves down to 2^25.
        assertEquals(1L << 25, IntegerKernels.updateTo((1L << 25) + 4, 24));
        assertEquals(1000, IntegerKernels.updateTo(1000, 24));
        // from + 1 = 2^25 + 2 rounds (to even) down to 2^25 in float32, below `from`: from moves up.
        assertEquals((1L << 25) + 4, IntegerKernels.updateFrom((1L << 25) + 1, 24));
        assertEquals(-7, IntegerKernels.updateFrom(-7, 24));
        assertEquals(1L << 54, IntegerKernels.updateTo((1L << 54) + 4, 53));
    }

    @Test
    void randpermVariants() {
        long[] p = Tensor.randperm(1000, new Generator(3)).toLongArray();
        long[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertEquals(DType.INT32, Tensor.randperm(10, DType.INT32, new Generator(0)).dtype());
        assertArrayEquals(new long[] {4, 1, 7, 5, 3, 9, 0, 8, 6, 2}, Tensor.randperm(10, DType.FLOAT64, new Generator(0)).toLongArray());
        assertEquals(0, Tensor.randperm(0).numel());
        // The 2.x large-n algorithm (used from n = 214748364 on): a permutation, two words per element.
        MersenneTwister mt = new MersenneTwister(5);
        long[] r = new long[500];
        IntegerKernels.permutationInsideOut(mt, r);
        long[] s = r.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            assertEquals(i, s[i]);
        }
        MersenneTwister ref = new MersenneTwister(5);
        for (int i = 0; i < 1000; i++) {
            ref.nextInt();
        }
        assertEquals(ref.nextInt(), mt.nextInt());
        assertEquals(214748364L, IntegerKernels.RANDPERM_LARGE);
        assertEquals((0xFFFFFFFFL) / 20, IntegerKernels.RANDPERM_LARGE);
    }

    @Test
    void float64Normals() {
        double[] block = Tensor.randn(new long[] {64}, DType.FLOAT64, new Generator(0)).toDoubleArray();
        double[] scalar = Tensor.randn(new long[] {8}, DType.FLOAT64, new Generator(0)).toDoubleArray();
        // The scalar path in float64 agrees with the float32 one up to the cast.
        float[] f = Tensor.randn(new Generator(0), 8).toFloatArray();
        for (int i = 0; i < 8; i++) {
            assertEquals(f[i], (float) scalar[i]);
        }
        double mean = 0;
        for (double v : block) {
            assertTrue(Double.isFinite(v));
            mean += v / block.length;
        }
        assertTrue(Math.abs(mean) < 0.5, "mean " + mean);
    }

    @Test
    void inPlaceOpsBumpTheVersion() {
        Tensor t = Tensor.zeros(4);
        int v = t.storage().version();
        t.uniform_();
        t.normal_();
        Tensor.zeros(new long[] {4}, DType.INT64).random_();
        assertEquals(v + 2, t.storage().version());
    }
}
