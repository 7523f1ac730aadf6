package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * PyTorch's reference outputs (torch-rng.md §11 and the blog programs), asserted as float32 bit
 * patterns and exact integers, for the 2.x default and the 1.13 switch where they differ.
 */
class RandomReferenceTest {
    private static Generator g(long seed) {
        return new Generator(seed);
    }

    private static Generator g113(long seed) {
        return new Generator(seed).setTorchVersion(TorchVersion.V1_13);
    }

    private static void assertBits(int[] expected, float[] actual) {
        int[] bits = new int[actual.length];
        for (int i = 0; i < actual.length; i++) {
            bits[i] = Float.floatToRawIntBits(actual[i]);
        }
        assertArrayEquals(expected, bits);
    }

    private static float[] head(Tensor t, int n) {
        return java.util.Arrays.copyOf(t.toFloatArray(), n);
    }

    @Test
    void rand() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertBits(new int[] {0x3EFE1558, 0x3F44AA2F, 0x3DB533A8, 0x3E073300, 0x3E9D6686}, Tensor.rand(gen, 5).toFloatArray());
        }
        assertBits(new int[] {0x3F61DC66, 0x3F6A3DB3, 0x3EC406B8}, Tensor.rand(g(42), 3).toFloatArray());
        // Public docs show these 8 values after seed 0 (4 decimals).
        float[] eight = Tensor.rand(g(0), 8).toFloatArray();
        float[] shown = {0.4963f, 0.7682f, 0.0885f, 0.1320f, 0.3074f, 0.6341f, 0.4901f, 0.8964f};
        for (int i = 0; i < 8; i++) {
            assertEquals(shown[i], eight[i], 5e-5);
        }
    }

    @Test
    void randFloat64() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            double[] d = Tensor.rand(new long[] {2}, DType.FLOAT64, gen).toDoubleArray();
            assertEquals(0x3FEF0AAC97C4AA2FL, Double.doubleToRawLongBits(d[0]));
            assertEquals(0x3FE6A675D821CCC0L, Double.doubleToRawLongBits(d[1]));
        }
    }

    @Test
    void randnScalarPath() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertBits(new int[] {0x3FC53F5C, 0xBE963C50, 0xC00B7149}, Tensor.randn(gen, 3).toFloatArray());
        }
        assertBits(new int[] {0x3EAC62AE, 0x3E03E69D, 0x3E7016E7}, Tensor.randn(g(42), 3).toFloatArray());
        // Normal(0,1).rsample((8,)) after seed 0, as shown in public docs.
        float[] shown = {1.5410f, -0.2934f, -2.1788f, 0.5684f, -1.0845f, -1.3986f, 0.4033f, 0.8380f};
        float[] eight = Tensor.randn(g(0), 8).toFloatArray();
        for (int i = 0; i < 8; i++) {
            assertEquals(shown[i], eight[i], 5e-5);
        }
    }

    @Test
    void randnBlockPath() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertBits(new int[] {0xBF901B85, 0xBF93808A, 0xBE804BD6, 0xBEDE255D}, head(Tensor.randn(gen, 16), 4));
        }
        float[] r17 = Tensor.randn(g(0), 17).toFloatArray();
        assertBits(new int[] {0xBF901B85, 0xBF57FB33, 0x3F6E8C30}, new float[] {r17[0], r17[15], r17[16]});
        // Pins the FMA placement inside the polynomial log (0x3F7CA14B would mean the wrong fusion).
        assertEquals(0x3F7CA14A, Float.floatToRawIntBits(Tensor.randn(g(0), 1000).toFloatArray()[213]));
    }

    @Test
    void normalAndUniformWithArguments() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertBits(new int[] {0x40314FD7, 0x3FED3876, 0x3F691D6E, 0x40123097},
                    Tensor.zeros(4).normal_(2, 0.5, gen).toFloatArray());
        }
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertBits(new int[] {0x3F7C2AB0, 0x4004AA2F, 0xBF25662C, 0xBEF19A00},
                    Tensor.zeros(4).uniform_(-1, 3, gen).toFloatArray());
        }
    }

    @Test
    void uniformClampDiffersBetweenVersions() {
        // uniform_(1.0, 1.0000001192092896): 2.x maps every result equal to `to` back to `from`.
        float[] v2 = Tensor.zeros(64).uniform_(1.0, 1.0000001192092896, g(0)).toFloatArray();
        float[] v113 = Tensor.zeros(64).uniform_(1.0, 1.0000001192092896, g113(0)).toFloatArray();
        boolean sawTo = false;
        for (int i = 0; i < 64; i++) {
            assertEquals(1.0f, v2[i]);
            assertTrue(v113[i] == 1.0f || v113[i] == 1.0000001192092896f);
            sawTo |= v113[i] != 1.0f;
        }
        assertTrue(sawTo, "1.13 keeps results equal to `to`");
    }

    @Test
    void randint() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertArrayEquals(new long[] {4, 9, 3, 0, 3, 9, 7, 3, 7, 3}, Tensor.randint(0, 10, new long[] {10}, gen).toLongArray());
        }
        assertArrayEquals(new long[] {-56, -61, 33, 60, 63}, Tensor.randint(-100, 100, new long[] {5}, g(0)).toLongArray());
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertArrayEquals(new long[] {741280623151L, 506137267392L, 291447657211L},
                    Tensor.randint(0, 1L << 40, new long[] {3}, gen).toLongArray());
        }
        // Ranges in [2^28, 2^32) are where the releases differ.
        assertArrayEquals(new long[] {398764591, 404868288, 463622907}, Tensor.randint(0, 1L << 30, new long[] {3}, g(0)).toLongArray());
        assertArrayEquals(new long[] {209652396, 398764591, 924231285},
                Tensor.randint(0, 1L << 30, new long[] {3}, g113(0)).toLongArray());
    }

    @Test
    void randomWithoutBounds() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertEquals(900450186894289455L, Tensor.zeros(new long[] {1}, DType.INT64).random_(gen).itemLong());
        }
    }

    @Test
    void randperm() {
        for (Generator gen : new Generator[] {g(0), g113(0)}) {
            assertArrayEquals(new long[] {4, 1, 7, 5, 3, 9, 0, 8, 6, 2}, Tensor.randperm(10, gen).toLongArray());
        }
        assertArrayEquals(new long[] {6, 3, 0, 7, 2, 1, 4, 5}, Tensor.randperm(8, g(42)).toLongArray());
    }

    @Test
    void blogPrograms() {
        Tensor.manualSeed(18);
        Tensor batch = Tensor.randint(0, 26, new long[] {8, 3});
        assertArrayEquals(new long[] {8, 3}, batch.shape());
        assertArrayEquals(new long[] {2, 15, 22, 17, 6, 15}, java.util.Arrays.copyOf(batch.toLongArray(), 6));
        // The blog then builds embeddings with randn(27, 4) and looks up row batch[0, 0] = 2.
        Tensor emb = Tensor.randn(27, 4);
        float[] row = emb.select(0, batch.toLongArray()[0]).toFloatArray();
        float[] published = {-0.8365f, 0.1805f, -0.4101f, 2.0654f};
        for (int i = 0; i < 4; i++) {
            assertEquals(published[i], row[i], 5e-5);
        }

        Tensor.manualSeed(0);
        assertArrayEquals(new long[] {4, 9, 3}, Tensor.randint(0, 10, new long[] {3}).toLongArray());
        assertArrayEquals(new long[] {0, 3, 9}, Tensor.randint(0, 10, new long[] {3}).toLongArray());

        Tensor.manualSeed(42);
        float[] x = Tensor.randn(3, 4).toFloatArray();
        assertEquals(0.3367f, x[0], 5e-5);
        assertEquals(0.1288f, x[1], 5e-5);
        assertEquals(0.2345f, x[2], 5e-5);
    }
}
