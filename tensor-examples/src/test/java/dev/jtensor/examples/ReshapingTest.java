package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gymnastics #3: the shapes, the reshaped tensor and the view error the post gives. */
class ReshapingTest {
    private static String out;

    @BeforeAll
    static void run() {
        out = ExampleOutput.of(new Reshaping());
    }

    /** The views of {@code arange(18)} the post describes: (2, 9), (9, 2), (3, 2, 3) and (-1, 9). */
    @Test
    void viewsOfArange18() {
        assertPrintsInOrder(out,
                "tensor([[ 0,  1,  2,  3,  4,  5,  6,  7,  8],\n        [ 9, 10, 11, 12, 13, 14, 15, 16, 17]])\n",
                "tensor([[ 0,  1],\n        [ 2,  3],\n",
                "tensor([[[ 0,  1,  2],\n         [ 3,  4,  5]],\n\n        [[ 6,  7,  8],\n",
                "tensor([[ 0,  1,  2,  3,  4,  5,  6,  7,  8],\n        [ 9, 10, 11, 12, 13, 14, 15, 16, 17]])\n");
    }

    /** {@code input_layer} is (8, 12), as published, its first row the first three embeddings side by side. */
    @Test
    void input_layer() {
        assertPrintsInOrder(out, "torch.Size([8, 12])\n"
                + "tensor([-0.8365,  0.1805, -0.4101,  2.0654, -0.8444,  1.5010,  1.2923, -1.1231,\n");
    }

    /** {@code h} is (8, 100), as published. */
    @Test
    void h() {
        assertPrintsInOrder(out, "torch.Size([8, 100])\n");
    }

    /** {@code reshaped_tensor}, as published. */
    @Test
    void reshaped_tensor() {
        assertPrintsInOrder(out, "tensor([1, 4, 2, 5, 3, 6])\n");
    }

    /** The view of the transpose fails with PyTorch's message, which starts as published. */
    @Test
    void viewed_tensor() {
        assertPrintsInOrder(out, "tensor([1, 4, 2, 5, 3, 6])\n"
                + "view size is not compatible with input tensor's size and stride");
    }

    /** {@code flattened.shape}, as published. */
    @Test
    void flattened() {
        assertPrintsInOrder(out, "torch.Size([10, 200])\n");
    }
}
