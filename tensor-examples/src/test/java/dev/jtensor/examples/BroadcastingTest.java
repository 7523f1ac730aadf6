package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.Test;

/** Gymnastics #1: the broadcastability rule, the normalised counts and the keepdim bug. */
class BroadcastingTest {
    @Test
    void printsTheRuleTheNormalisedRowsAndTheSilentBug() {
        String out = ExampleOutput.of(new Broadcasting());
        assertPrintsInOrder(out,
                // [3, 4] with [3, 1], [4, 3, 2] with [3, 1]: fine
                "torch.Size([3, 4])\n",
                "torch.Size([4, 3, 2])\n",
                // [4, 3, 2] with [3, 1, 2]: PyTorch's error
                "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 0",
                // with keepdim: rows of probabilities
                "torch.Size([3, 1])\n",
                "tensor([[0.2500, 0.5000, 0.2500],\n"
                        + "        [0.4000, 0.1000, 0.5000],\n"
                        + "        [0.1000, 0.6000, 0.3000]])\n",
                "tensor([1., 1., 1.])\n",
                // without: column j divided by the sum of row j
                "torch.Size([3])\n",
                "tensor([[0.2500, 0.4000, 0.1000],\n"
                        + "        [0.5000, 0.1000, 0.2500],\n"
                        + "        [0.2500, 1.2000, 0.3000]])\n",
                "tensor([0.7500, 0.8500, 1.7500])\n");
    }
}
