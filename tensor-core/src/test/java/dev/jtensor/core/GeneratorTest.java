package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.random.MersenneTwister;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The Mersenne Twister core, seeding and the state bytes (check values from torch-rng.md §2.5 and §2.6). */
class GeneratorTest {
    private static long u32(int v) {
        return v & 0xFFFFFFFFL;
    }

    @Test
    void seedZeroFirstDraws() {
        MersenneTwister mt = new MersenneTwister(0);
        assertEquals(1, u32(mt.word(1)));
        long[] expected = {2357136044L, 2546248239L, 3071714933L, 3626093760L, 2588848963L};
        for (long e : expected) {
            assertEquals(e, u32(mt.nextInt()));
        }
        assertEquals("10123822223749065263", Long.toUnsignedString(new MersenneTwister(0).nextLong()));
    }

    @Test
    void seed42AndStandardCheckValue() {
        MersenneTwister mt = new MersenneTwister(42);
        assertEquals(3107752595L, u32(mt.word(1)));
        assertEquals(1608637542L, u32(mt.nextInt()));
        assertEquals(3421126067L, u32(mt.nextInt()));
        assertEquals(4083286876L, u32(mt.nextInt()));
        assertEquals(3499211612L, u32(new MersenneTwister(5489).nextInt()));
    }

    @Test
    void streamSurvivesManyTwists() {
        // 10,000th output of MT19937 seeded with 5489 (C++ std::mt19937's documented check value).
        MersenneTwister mt = new MersenneTwister(5489);
        int v = 0;
        for (int i = 0; i < 10000; i++) {
            v = mt.nextInt();
        }
        assertEquals(4123659995L, u32(v));
    }

    @Test
    void onlyLowSeedBitsShapeTheStream() {
        Generator a = new Generator(7);
        Generator b = new Generator(7 + (1L << 32));
        assertArrayEquals(Tensor.rand(a, 20).toFloatArray(), Tensor.rand(b, 20).toFloatArray());
        assertEquals(7 + (1L << 32), b.initialSeed());
        // manual_seed(-1) is manual_seed(2**64 - 1).
        assertEquals("18446744073709551615", Long.toUnsignedString(new Generator(-1).initialSeed()));
    }

    @Test
    void defaultConstructorAndGlobalSeeding() {
        assertEquals(67280421310721L, new Generator().initialSeed());
        Generator g = Generator.manualSeed(123);
        assertSame(Generator.defaultGenerator(), g);
        assertSame(g, Tensor.manualSeed(123));
        assertEquals(123, g.initialSeed());
        Generator r = new Generator(5);
        long s = r.seed();
        assertEquals(s, r.initialSeed());
    }

    @Test
    void stateBytesFollowPyTorchsLayout() {
        Generator g = new Generator(42);
        byte[] b = g.getState();
        assertEquals(5056, b.length);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(42, bb.getLong(0));
        assertEquals(1, bb.getInt(8));
        assertEquals(1, bb.getInt(12));
        assertEquals(0, bb.getLong(16));
        assertEquals(42, bb.getLong(24));
        assertEquals(3107752595L, bb.getLong(32));
        assertEquals(0, bb.getInt(5040));
        // After randn(3) (scalar path) one double normal is cached: normal_is_valid and normal_y set.
        Tensor.randn(g, 3);
        bb = ByteBuffer.wrap(g.getState()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, bb.getInt(5040));
        assertEquals(624 - 7, bb.getInt(8));
        assertEquals(8, bb.getLong(16));
        assertTrue(Double.isFinite(bb.getDouble(5024)) && bb.getDouble(5024) != 0);
    }

    @Test
    void stateRoundTripsIncludingTheCachedNormal() {
        Generator g = new Generator(0);
        Tensor.randn(g, 1);
        byte[] saved = g.getState();
        float[] first = Tensor.randn(g, 5).toFloatArray();
        float[] uniforms = Tensor.rand(g, 700).toFloatArray();
        Generator h = new Generator(99).setState(saved);
        assertEquals(0, h.initialSeed());
        assertArrayEquals(first, Tensor.randn(h, 5).toFloatArray());
        assertArrayEquals(uniforms, Tensor.rand(h, 700).toFloatArray());
        // The cached sine half comes first: seed 0 gives -0.293428897857666 as its second scalar sample.
        assertEquals(0xBE963C50, Float.floatToRawIntBits(first[0]));
    }

    @Test
    void invalidStatesAreRejectedWithoutChange() {
        Generator g = new Generator(3);
        byte[] before = g.getState();
        assertThrows(TensorException.class, () -> g.setState(new byte[100]));
        byte[] bad = before.clone();
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
        TensorException e = assertThrows(TensorException.class, () -> g.setState(bad));
        assertTrue(e.getMessage().contains("Invalid mt19937 state"), e.getMessage());
        byte[] unseeded = before.clone();
        ByteBuffer.wrap(unseeded).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0);
        assertThrows(TensorException.class, () -> g.setState(unseeded));
        assertArrayEquals(before, g.getState());
    }

    @Test
    void compatibilitySwitches() {
        Generator g = new Generator(1);
        assertEquals(TorchVersion.V2, Generator.getCompatibility());
        assertEquals(TorchVersion.V2, g.torchVersion());
        try {
            Generator.setCompatibility(TorchVersion.V1_13);
            assertEquals(TorchVersion.V1_13, g.torchVersion());
            g.setTorchVersion(TorchVersion.V2);
            assertEquals(TorchVersion.V2, g.torchVersion());
            g.setTorchVersion(null);
            assertEquals(TorchVersion.V1_13, g.torchVersion());
        } finally {
            Generator.setCompatibility(TorchVersion.V2);
        }
        assertThrows(NullPointerException.class, () -> Generator.setCompatibility(null));
    }

    @Test
    void generatorsAreIndependent() {
        Generator a = new Generator(11);
        Generator b = new Generator(11);
        float[] x = Tensor.rand(a, 4).toFloatArray();
        Tensor.rand(new Generator(11), 100);
        Tensor.manualSeed(0);
        Tensor.rand(3);
        assertArrayEquals(x, Tensor.rand(b, 4).toFloatArray());
        assertNotEquals(x[0], Tensor.rand(a, 1).toFloatArray()[0]);
    }
}
