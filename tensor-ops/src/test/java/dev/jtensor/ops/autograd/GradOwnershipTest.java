package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A leaf keeps a gradient without copying it only when nothing but the engine refers to it (as
 * PyTorch's AccumulateGrad): whatever the graph, a leaf's grad never shares memory with the
 * caller's seed, a graph tensor, an index, or another leaf's grad, and it is laid out contiguously.
 */
class GradOwnershipTest {
    private static Tensor leaf(float... values) {
        return Tensor.tensor(values).requiresGrad(true);
    }

    private static void assertOwnContiguous(Tensor grad, Tensor... others) {
        assertTrue(grad.isContiguous());
        assertArrayEquals(dev.jtensor.core.Shapes.contiguousStrides(grad.shape()), grad.stride());
        for (Tensor o : others) {
            assertFalse(grad.sharesStorage(o), "grad shares memory with " + o);
        }
    }

    @Test
    void aRuleResultIsKeptAndHasTheCopysLayout() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x).sum();
        y.backward();
        assertArrayEquals(new float[] {2, 4, 6}, x.grad().toFloatArray());
        assertOwnContiguous(x.grad(), x);
    }

    @Test
    void theCallersSeedIsNeverKept() {
        Tensor x = leaf(1, 2);
        Tensor seed = Tensor.tensor(new float[] {5, 6});
        x.view(2).backward(seed, false);
        assertOwnContiguous(x.grad(), seed);
        seed.fill_(0.0);
        assertArrayEquals(new float[] {5, 6}, x.grad().toFloatArray());
    }

    @Test
    void oneGradientForTwoLeavesIsCopiedForEach() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        // add hands the same gradient to both inputs; the product makes it a fresh tensor first.
        a.add(b).mul(3.0).sum().backward();
        assertOwnContiguous(a.grad(), b.grad());
        a.grad().fill_(0.0);
        assertArrayEquals(new float[] {3, 3}, b.grad().toFloatArray());
        // A rule that returns one fresh tensor for both inputs (rounding division: zeros).
        Tensor c = leaf(1, 2);
        Tensor d = leaf(3, 4);
        c.div(d, "floor").sum().backward();
        assertOwnContiguous(c.grad(), d.grad());
    }

    @Test
    void viewsOfGradientsAndSavedTensorsAreCopied() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor m = x.view(2, 2);
        // permute's rule returns a view of its gradient; the leaf still gets a contiguous copy.
        m.t().mul(Tensor.tensor(new float[][] {{1, 2}, {3, 4}})).sum().backward();
        assertArrayEquals(new float[] {1, 3, 2, 4}, x.grad().toFloatArray());
        assertOwnContiguous(x.grad(), x);
        // A broadcast gradient summed back by conform is a new tensor too.
        Tensor b = leaf(1, 1);
        Tensor.ones(3, 2).add(b).sum().backward();
        assertArrayEquals(new float[] {3, 3}, b.grad().toFloatArray());
        assertOwnContiguous(b.grad());
    }

    @Test
    void indexAndWhereOperandsAreNeverKept() {
        Tensor w = leaf(1, 2, 3);
        Tensor idx = Tensor.tensor(new long[] {2, 0});
        w.index(Index.tensor(idx)).sum().backward();
        assertArrayEquals(new float[] {1, 0, 1}, w.grad().toFloatArray());
        assertOwnContiguous(w.grad(), idx, w);
        Tensor a = leaf(1, 2);
        Tensor cond = Tensor.tensor(new boolean[] {true, false});
        Tensor.where(cond, a, 0.0).sum().backward();
        assertOwnContiguous(a.grad(), cond, a);
    }

    @Test
    void laterGradientsAreAddedIntoTheKeptOne() {
        Tensor x = leaf(1, 2);
        x.mul(2.0).sum().backward();
        Tensor first = x.grad();
        x.mul(3.0).sum().backward();
        assertTrue(x.grad() == first);
        assertArrayEquals(new float[] {5, 5}, x.grad().toFloatArray());
    }
}
