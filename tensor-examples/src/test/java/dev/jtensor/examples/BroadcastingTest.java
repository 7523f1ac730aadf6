package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gymnastics #1: the broadcastability of the post's shape pairs, and the rows with and without keepdim. */
class BroadcastingTest {
    private static String out;

    @BeforeAll
    static void run() {
        out = ExampleOutput.of(new Broadcasting());
    }

    /** [3, 4] with [3, 1] and example 1, [4, 3, 2] with [3, 1], broadcast, as the post says. */
    @Test
    void broadcastableShapes() {
        assertPrintsInOrder(out, "torch.Size([3, 4])\n", "torch.Size([4, 3, 2])\n");
    }

    /** Example 2, [4, 3, 2] with [3, 1, 2], does not (4 against 3 in the first dim), as the post says. */
    @Test
    void notBroadcastable() {
        assertPrintsInOrder(out,
                "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 0");
    }

    /**
     * {@code row_sums} and {@code N_normalized} with {@code keepdim=True}: each row sums to 1, as the post
     * says (its printed tensors are pictures; these strings are PyTorch 1.13's).
     */
    @Test
    void n_normalized() {
        assertPrintsInOrder(out,
                "tensor([[ 40],\n        [ 50],\n        [100]])\n",
                "tensor([[0.2500, 0.5000, 0.2500],\n"
                        + "        [0.4000, 0.1000, 0.5000],\n"
                        + "        [0.1000, 0.6000, 0.3000]])\n"
                        + "tensor([1., 1., 1.])\n");
    }

    /**
     * Without {@code keepdim}: column j divided by the sum of row j, and the rows no longer sum to 1, as
     * the post says (PyTorch 1.13's strings).
     */
    @Test
    void n_normalizedWithoutKeepdim() {
        assertPrintsInOrder(out,
                "tensor([ 40,  50, 100])\n"
                        + "tensor([[0.2500, 0.4000, 0.1000],\n"
                        + "        [0.5000, 0.1000, 0.2500],\n"
                        + "        [0.2500, 1.2000, 0.3000]])\n"
                        + "tensor([0.7500, 0.8500, 1.7500])\n");
    }
}
