package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import org.junit.jupiter.api.Test;

/** The notebook's embedding-bag identities, empty bags, padding, and the errors PyTorch raises. */
class EmbeddingBagTest {
    private static final Tensor WEIGHT = Tensor.randn(new long[] {10, 4}, DType.FLOAT32, new Generator(42));

    private static Tensor bag(Tensor input, Tensor offsets, EmbeddingBagMode mode) {
        return F.embeddingBag(input, WEIGHT, new EmbeddingBagOptions().offsets(offsets).mode(mode));
    }

    private static Tensor longs(long... v) {
        return Tensor.fromArray(v);
    }

    @Test
    void aBagSumIsTheSumOfItsRows() {
        Tensor out = bag(longs(1, 2, 4, 5, 4, 3, 2, 9), longs(0, 4), EmbeddingBagMode.SUM);
        Tensor first = WEIGHT.select(0, 1).add(WEIGHT.select(0, 2)).add(WEIGHT.select(0, 4)).add(WEIGHT.select(0, 5));
        Tensor second = WEIGHT.select(0, 4).add(WEIGHT.select(0, 3)).add(WEIGHT.select(0, 2)).add(WEIGHT.select(0, 9));
        assertArrayEquals(first.toFloatArray(), out.select(0, 0).toFloatArray(), 1e-6f);
        assertArrayEquals(second.toFloatArray(), out.select(0, 1).toFloatArray(), 1e-6f);
        Tensor rows = WEIGHT.indexSelect(0, longs(1, 2, 4, 5));
        assertArrayEquals(rows.sum(0).toFloatArray(), out.select(0, 0).toFloatArray(), 1e-6f);
    }

    @Test
    void offsetsAndTwoDimensionalInputAgree() {
        Tensor flat = longs(1, 2, 4, 5, 4, 3, 2, 9, 0, 0, 7, 8);
        for (EmbeddingBagMode mode : EmbeddingBagMode.values()) {
            Tensor viaOffsets = bag(flat, longs(0, 4, 8), mode);
            Tensor via2d = bag(flat.view(3, 4), null, mode);
            assertArrayEquals(viaOffsets.toFloatArray(), via2d.toFloatArray(), mode.name());
            Tensor viaLastOffset = F.embeddingBag(flat, WEIGHT, new EmbeddingBagOptions().offsets(longs(0, 4, 8, 12))
                    .includeLastOffset(true).mode(mode));
            assertArrayEquals(viaOffsets.toFloatArray(), viaLastOffset.toFloatArray(), mode.name());
        }
    }

    @Test
    void perSampleWeightsGiveTheWeightedSums() {
        Tensor input = longs(3, 1, 1, 7);
        Tensor psw = Tensor.fromArray(new float[] {0.5f, -2f, 1.5f, 3f});
        Tensor out = F.embeddingBag(input, WEIGHT, new EmbeddingBagOptions().offsets(longs(0, 3))
                .mode(EmbeddingBagMode.SUM).perSampleWeights(psw));
        Tensor first = WEIGHT.select(0, 3).mul(0.5).add(WEIGHT.select(0, 1).mul(-2.0)).add(WEIGHT.select(0, 1).mul(1.5));
        assertArrayEquals(first.toFloatArray(), out.select(0, 0).toFloatArray(), 1e-6f);
        assertArrayEquals(WEIGHT.select(0, 7).mul(3.0).toFloatArray(), out.select(0, 1).toFloatArray(), 1e-6f);
    }

    @Test
    void meanAndMaxOfABag() {
        Tensor input = longs(2, 6, 8);
        Tensor rows = WEIGHT.indexSelect(0, input);
        assertArrayEquals(rows.mean(0).toFloatArray(), bag(input, longs(0), EmbeddingBagMode.MEAN).select(0, 0)
                .toFloatArray(), 1e-6f);
        assertArrayEquals(rows.amax(0).toFloatArray(), bag(input, longs(0), EmbeddingBagMode.MAX).select(0, 0)
                .toFloatArray());
    }

    @Test
    void emptyBagsAreZeroInEveryMode() {
        for (EmbeddingBagMode mode : EmbeddingBagMode.values()) {
            Tensor out = bag(longs(1, 2, 3), longs(0, 0, 3, 3), mode);
            assertArrayEquals(new long[] {4, 4}, out.shape());
            assertArrayEquals(new float[4], out.select(0, 0).toFloatArray(), mode.name());
            assertArrayEquals(new float[4], out.select(0, 2).toFloatArray(), mode.name());
            assertArrayEquals(new float[4], out.select(0, 3).toFloatArray(), mode.name());
        }
    }

    @Test
    void paddingEntriesAreLeftOutOfTheBagAndTheMean() {
        Tensor out = F.embeddingBag(longs(4, 2, 4, 6), WEIGHT, new EmbeddingBagOptions().offsets(longs(0))
                .mode(EmbeddingBagMode.MEAN).paddingIdx(4L));
        Tensor expected = WEIGHT.select(0, 2).add(WEIGHT.select(0, 6)).div(2.0);
        assertArrayEquals(expected.toFloatArray(), out.select(0, 0).toFloatArray(), 1e-6f);
        Tensor onlyPadding = F.embeddingBag(longs(4, 4), WEIGHT, new EmbeddingBagOptions().offsets(longs(0))
                .mode(EmbeddingBagMode.SUM).paddingIdx(-6L));
        assertArrayEquals(new float[4], onlyPadding.toFloatArray());
    }

    @Test
    void moduleFormsAgreeWithTheFunctionalOne() {
        EmbeddingBag m = new EmbeddingBag(10, 4, EmbeddingBagMode.SUM, null, false, new Generator(1));
        Tensor input = longs(1, 2, 3, 4);
        Tensor expected = F.embeddingBag(input, m.weight(), new EmbeddingBagOptions().offsets(longs(0, 1))
                .mode(EmbeddingBagMode.SUM));
        assertArrayEquals(expected.toFloatArray(), m.forward(input, longs(0, 1)).toFloatArray());
        assertEquals(2, m.forward(input.view(2, 2)).size(0));
    }

    @Test
    void rejectsWhatPyTorchRejects() {
        assertThrows(TensorException.class, () -> bag(longs(1, 2, 3), longs(1, 2), EmbeddingBagMode.SUM),
                "offsets[0] must be 0");
        assertThrows(TensorException.class, () -> bag(longs(1, 2, 3), null, EmbeddingBagMode.SUM),
                "1-D input needs offsets");
        assertThrows(TensorException.class, () -> bag(longs(1, 2, 3, 4).view(2, 2), longs(0, 1), EmbeddingBagMode.SUM),
                "2-D input takes no offsets");
        assertThrows(TensorException.class, () -> bag(longs(1, 2, 10), longs(0, 2), EmbeddingBagMode.SUM),
                "index out of range");
        assertThrows(TensorException.class, () -> F.embeddingBag(longs(1, 2), WEIGHT, new EmbeddingBagOptions()
                .offsets(longs(0)).mode(EmbeddingBagMode.MEAN).perSampleWeights(Tensor.ones(2))),
                "per-sample weights need sum mode");
        assertThrows(TensorException.class, () -> EmbeddingBagMode.of("median"));
        assertThrows(TensorException.class, () -> bag(longs(1, 2, 3), longs(0, 3, 1), EmbeddingBagMode.SUM),
                "decreasing offsets");
    }
}
