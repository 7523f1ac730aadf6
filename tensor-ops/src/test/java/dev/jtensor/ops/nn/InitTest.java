package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** nn.init arithmetic and the nn.Linear / nn.Embedding defaults against PyTorch's values (torch-rng.md §8). */
class InitTest {
    private static int[] bits(Tensor t) {
        float[] f = t.toFloatArray();
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }

    @Test
    void linearSeedZero() {
        Tensor[] wb = Init.linearWeightAndBias(3, 2, true, new Generator(0));
        assertArrayEquals(new long[] {2, 3}, wb[0].shape());
        assertArrayEquals(new int[] {0xBB8DA3E8, 0x3E9E9313, 0xBEF34B7E, 0xBED98BC9, 0xBE63B4B1, 0x3E1E8953}, bits(wb[0]));
        assertArrayEquals(new int[] {0xBC3B6B40, 0x3EEA617A}, bits(wb[1]));
        assertTrue(!wb[0].requiresGrad() && !wb[1].requiresGrad());
        // Same numbers through the default generator.
        Tensor.manualSeed(0);
        assertArrayEquals(bits(wb[0]), bits(Init.linearWeightAndBias(3, 2, true)[0]));
    }

    @Test
    void linearWithoutBiasDrawsOnlyTheWeight() {
        Generator g = new Generator(5);
        Tensor[] wb = Init.linearWeightAndBias(4, 3, false, g);
        assertNull(wb[1]);
        // 12 weight draws, one 32-bit word each, then nothing else.
        Generator h = new Generator(5);
        Tensor.rand(h, 12);
        assertArrayEquals(Tensor.rand(h, 3).toFloatArray(), Tensor.rand(g, 3).toFloatArray());
    }

    @Test
    void kaimingBoundsAreComputedLikePython() {
        // fan_in = 4: the weight bound is 0.49999999999999994 (not 0.5) but casts to the same float.
        Generator a = new Generator(1);
        Tensor w = Init.kaimingUniform_(Tensor.zeros(2, 4), Math.sqrt(5), "fan_in", "leaky_relu", a);
        double bound = Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + Math.sqrt(5) * Math.sqrt(5))) / Math.sqrt(4));
        assertEquals(0.49999999999999994, bound);
        Tensor same = Tensor.zeros(2, 4).uniform_(-bound, bound, new Generator(1));
        assertArrayEquals(bits(same), bits(w));
        assertEquals(Math.sqrt(2.0), Init.calculateGain("relu"));
        assertEquals(5.0 / 3, Init.calculateGain("tanh"));
        assertEquals(Math.sqrt(2.0 / (1 + 0.01 * 0.01)), Init.calculateGain("leaky_relu"));
        assertThrows(TensorException.class, () -> Init.calculateGain("swish"));
        assertThrows(TensorException.class, () -> Init.kaimingUniform_(Tensor.zeros(2, 4), 0, "fan_avg", "relu", null));
        assertThrows(TensorException.class, () -> Init.kaimingUniform_(Tensor.zeros(4)));
    }

    @Test
    void fansIncludeTheReceptiveField() {
        assertArrayEquals(new long[] {3 * 5 * 7, 2 * 5 * 7}, Init.fanInAndFanOut(Tensor.zeros(2, 3, 5, 7)));
    }

    @Test
    void xavierAndFills() {
        Tensor w = Init.xavierUniform_(Tensor.zeros(3, 5), 2.0, new Generator(2));
        double a = Math.sqrt(3.0) * (2.0 * Math.sqrt(2.0 / 8));
        assertArrayEquals(bits(Tensor.zeros(3, 5).uniform_(-a, a, new Generator(2))), bits(w));
        Tensor n = Init.xavierNormal_(Tensor.zeros(3, 5), 1.0, new Generator(2));
        assertArrayEquals(bits(Tensor.zeros(3, 5).normal_(0, Math.sqrt(2.0 / 8), new Generator(2))), bits(n));
        assertArrayEquals(new float[] {0, 0}, Init.zeros_(Tensor.ones(2)).toFloatArray());
        assertArrayEquals(new float[] {1, 1}, Init.ones_(Tensor.zeros(2)).toFloatArray());
    }

    @Test
    void zeroSizedWeightsDrawNothing() {
        Generator g = new Generator(3);
        Tensor[] wb = Init.linearWeightAndBias(0, 2, true, g);
        assertArrayEquals(new long[] {2, 0}, wb[0].shape());
        // The bias bound is 0: two draws giving zeros.
        assertArrayEquals(new float[] {0, 0}, wb[1].toFloatArray());
        Generator h = new Generator(3);
        Tensor.rand(h, 2);
        assertArrayEquals(Tensor.rand(h, 5).toFloatArray(), Tensor.rand(g, 5).toFloatArray());
    }

    @Test
    void embeddingSeedZero() {
        Tensor w = Init.embeddingWeight(4, 5, null, new Generator(0));
        float[] row0 = Arrays.copyOf(w.toFloatArray(), 5);
        assertArrayEquals(new float[] {-1.1258398294448853f, -1.152360200881958f, -0.2505785822868347f,
            -0.4338788092136383f, 0.5988394618034363f}, row0);
        // 12 elements take the scalar path.
        Tensor small = Init.embeddingWeight(3, 4, null, new Generator(0));
        assertArrayEquals(new float[] {1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f},
                Arrays.copyOf(small.toFloatArray(), 4));
    }

    @Test
    void embeddingPaddingRowIsZeroAfterTheDraws() {
        // PyTorch 1.13.1 (conformance case rng/blog/4): right after manual_seed(4321), row 1 starts -0.6415338.
        Tensor.manualSeed(4321);
        float[] f = Init.embeddingWeight(8, 5, 0).toFloatArray();
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, Arrays.copyOf(f, 5));
        assertEquals(-0.6415338f, f[5]);
        assertEquals(1.1936914f, f[9]);
        // The blog's published row 1 appears when 56 words were drawn between the seed and the
        // Embedding (its program made other draws first): e.g. 56 uniforms or 56 small randints.
        Tensor.manualSeed(4321);
        Tensor.randint(0, 8, new long[] {8, 7});
        float[] blog = Init.embeddingWeight(8, 5, 0).toFloatArray();
        float[] published = {-1.2780f, -0.2379f, 0.2242f, -0.0326f, -0.9581f};
        for (int i = 0; i < 5; i++) {
            assertEquals(0f, blog[i]);
            assertEquals(published[i], blog[5 + i], 5e-5);
        }
        Tensor last = Init.embeddingWeight(3, 2, -1L, new Generator(1));
        assertArrayEquals(new float[] {0, 0}, last.select(0, 2).toFloatArray());
        Generator g = new Generator(1);
        byte[] before = g.getState();
        assertThrows(TensorException.class, () -> Init.embeddingWeight(3, 2, 3L, g));
        assertThrows(TensorException.class, () -> Init.embeddingWeight(3, 2, -4L, g));
        assertArrayEquals(before, g.getState());
    }
}
