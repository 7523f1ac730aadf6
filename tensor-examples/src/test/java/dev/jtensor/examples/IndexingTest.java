package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gymnastics #2: the shape the post states, and the lookup it validates. */
class IndexingTest {
    private static String out;

    @BeforeAll
    static void run() {
        out = ExampleOutput.of(new Indexing());
    }

    /** {@code embedded_batch.shape} is (8, 3, 4), as published. */
    @Test
    void embedded_batchShape() {
        assertPrintsInOrder(out, "torch.Size([8, 3, 4])\n");
    }

    /**
     * {@code embedded_batch[0, 0]} is the table row of the batch's first id, as the post validates;
     * the batch's first row and that table row are the values docs/random.md reads from the post's
     * pictures.
     */
    @Test
    void embedded_batch00() {
        assertPrintsInOrder(out,
                "tensor([[ 2, 15, 22],\n        [17,  6, 15],",
                "torch.Size([8, 3, 4])\n"
                        + "tensor([-0.8365,  0.1805, -0.4101,  2.0654])\n"
                        + "tensor([-0.8365,  0.1805, -0.4101,  2.0654])\n");
    }

    /** Every looked-up row is the table row of its id (the post's picture of the exercise). */
    @Test
    void everyLookedUpRowIsTheTableRowOfItsId() {
        Tensor.manualSeed(18);
        Tensor random_tensor = Tensor.randint(0, 26, new long[] {8, 3});
        Tensor embeddings = Tensor.randn(27, 4);
        Tensor embedded_batch = embeddings.index(random_tensor);
        assertArrayEquals(new long[] {8, 3, 4}, embedded_batch.shape());
        long[] ids = random_tensor.toLongArray();
        float[] table = embeddings.toFloatArray();
        float[] looked = embedded_batch.toFloatArray();
        for (int k = 0; k < ids.length; k++) {
            for (int c = 0; c < 4; c++) {
                assertArrayEquals(new float[] {table[(int) ids[k] * 4 + c]}, new float[] {looked[k * 4 + c]},
                        "row " + k + " column " + c);
            }
        }
    }
}
