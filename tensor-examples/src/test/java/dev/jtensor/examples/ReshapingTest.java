package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.Test;

/** Gymnastics #3: views of arange(18), the hidden layer's shapes, view versus reshape, flatten. */
class ReshapingTest {
    @Test
    void printsThePublishedShapesAndTheViewError() {
        String out = ExampleOutput.of(new Reshaping());
        assertPrintsInOrder(out,
                "tensor([[ 0,  1,  2,  3,  4,  5,  6,  7,  8],\n        [ 9, 10, 11, 12, 13, 14, 15, 16, 17]])\n",
                "tensor([[ 0,  1],\n        [ 2,  3],\n",
                "tensor([[[ 0,  1,  2],\n         [ 3,  4,  5]],\n\n        [[ 6,  7,  8],\n",
                "tensor([[ 0,  1,  2,  3,  4,  5,  6,  7,  8],\n        [ 9, 10, 11, 12, 13, 14, 15, 16, 17]])\n",
                "torch.Size([8, 3, 4])\ntorch.Size([8, 12])\n",
                // the first row of the [8, 12] view is the batch's first three embeddings side by side
                "tensor([-0.8365,  0.1805, -0.4101,  2.0654, -0.8444,  1.5010,  1.2923, -1.1231,\n",
                "torch.Size([8, 100])\n",
                "False\n",
                "view size is not compatible with input tensor's size and stride (at least one dimension spans "
                        + "across two contiguous subspaces)",
                "Use .reshape(...) instead.\n",
                "tensor([1, 4, 2, 5, 3, 6])\n",
                "torch.Size([10, 200])\ntorch.Size([10, 200])\n");
    }
}
