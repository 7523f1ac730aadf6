package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.Test;

/** Gymnastics #2: the published batch, table row and lookup. */
class IndexingTest {
    @Test
    void printsThePublishedBatchAndLookup() {
        String out = ExampleOutput.of(new Indexing());
        assertPrintsInOrder(out,
                "tensor([[ 2, 15, 22],\n        [17,  6, 15],",
                "[-0.8365,  0.1805, -0.4101,  2.0654],",
                // embeddings[2]
                "tensor([-0.8365,  0.1805, -0.4101,  2.0654])",
                "torch.Size([8, 3, 4])",
                // emb[0, 0]
                "tensor([-0.8365,  0.1805, -0.4101,  2.0654])");
    }

    @Test
    void everyLookedUpRowIsTheTableRowOfItsId() {
        Tensor.manualSeed(18);
        Tensor batch = Tensor.randint(0, 26, new long[] {8, 3});
        Tensor embeddings = Tensor.randn(27, 4);
        Tensor emb = embeddings.index(batch);
        assertArrayEquals(new long[] {8, 3, 4}, emb.shape());
        long[] ids = batch.toLongArray();
        float[] table = embeddings.toFloatArray();
        float[] looked = emb.toFloatArray();
        for (int k = 0; k < ids.length; k++) {
            for (int c = 0; c < 4; c++) {
                assertArrayEquals(new float[] {table[(int) ids[k] * 4 + c]}, new float[] {looked[k * 4 + c]},
                        "row " + k + " column " + c);
            }
        }
    }
}
