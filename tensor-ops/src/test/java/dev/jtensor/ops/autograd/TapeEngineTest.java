package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.Grad;
import dev.jtensor.ops.NoGrad;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapeEngineTest {
    private static Tensor leaf(double... values) {
        return Tensor.tensor(values, DType.FLOAT64).requiresGrad(true);
    }

    @Test
    void leavesAndRecordedTensors() {
        Tensor x = leaf(1, 2, 3, 4);
        assertTrue(x.isLeaf());
        assertTrue(x.requiresGrad());
        assertNull(x.gradFn());
        Tensor y = x.view(2, 2);
        assertFalse(y.isLeaf());
        assertTrue(y.requiresGrad());
        assertEquals("ViewBackward0", y.gradFn().name());
        assertEquals("TransposeBackward0", y.t().gradFn().name());
        assertEquals("PermuteBackward0", x.view(1, 2, 2).permute(2, 0, 1).gradFn().name());
        assertEquals("UnsqueezeBackward0", x.unsqueeze(0).gradFn().name());
        assertEquals("SqueezeBackward0", x.view(1, 4).squeeze().gradFn().name());
        assertEquals("SliceBackward0", x.narrow(0, 1, 2).gradFn().name());
        assertEquals("SelectBackward0", x.select(0, 1).gradFn().name());
        assertEquals("ExpandBackward0", x.expand(3, 4).gradFn().name());
        assertEquals("CatBackward0", Tensor.cat(new Tensor[] {x, x}, 0).gradFn().name());
        assertEquals("ToCopyBackward0", x.to(DType.FLOAT32).gradFn().name());
        assertEquals("CloneBackward0", x.clone().gradFn().name());
        assertEquals("FlipBackward0", x.flip(0).gradFn().name());
        assertEquals("RepeatBackward0", x.repeat(2).gradFn().name());
        Tensor plain = Tensor.tensor(new double[] {1, 2});
        assertFalse(plain.view(2, 1).requiresGrad());
        assertNull(plain.view(2, 1).gradFn());
    }

    @Test
    void backwardOfAScalarReachesTheLeaf() {
        Tensor x = leaf(1, 2, 3);
        x.select(0, 1).backward();
        assertArrayEquals(new double[] {0, 1, 0}, x.grad().toDoubleArray());
        assertEquals(DType.FLOAT64, x.grad().dtype());
        assertFalse(x.grad().requiresGrad());
    }

    @Test
    void backwardWithAnExplicitGradient() {
        Tensor x = leaf(1, 2, 3, 4, 5, 6);
        Tensor y = x.view(2, 3).t();
        y.backward(Tensor.tensor(new double[][] {{1, 2}, {3, 4}, {5, 6}}, DType.FLOAT64), false);
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, x.grad().toDoubleArray());
    }

    @Test
    void nonScalarBackwardNeedsAGradient() {
        Tensor x = leaf(1, 2);
        TensorException e = assertThrows(TensorException.class, () -> x.view(2, 1).backward());
        assertTrue(e.getMessage().contains("grad can be implicitly created only for scalar outputs"), e.getMessage());
        TensorException shape = assertThrows(TensorException.class,
                () -> x.view(2, 1).backward(Tensor.zeros(new long[] {3}, DType.FLOAT64), false));
        assertTrue(shape.getMessage().contains("Mismatch in shape"), shape.getMessage());
    }

    @Test
    void backwardOnALeafAccumulatesIntoItself() {
        Tensor x = leaf(5);
        x.backward();
        x.backward();
        assertArrayEquals(new double[] {2}, x.grad().toDoubleArray());
    }

    @Test
    void gradientsAccumulateAcrossCallsUntilZeroed() {
        Tensor x = leaf(1, 2, 3);
        x.select(0, 0).backward();
        Tensor first = x.grad();
        x.select(0, 2).backward();
        assertSame(first, x.grad(), "later gradients are added in place, as PyTorch's AccumulateGrad");
        assertArrayEquals(new double[] {1, 0, 1}, x.grad().toDoubleArray());
        Grad.zeroGrad(List.of(x), false);
        assertArrayEquals(new double[] {0, 0, 0}, x.grad().toDoubleArray());
        Grad.zeroGrad(x);
        assertNull(x.grad());
        x.select(0, 1).backward();
        assertArrayEquals(new double[] {0, 1, 0}, x.grad().toDoubleArray());
    }

    @Test
    void theFirstGradientDoesNotAliasTheCallersTensor() {
        Tensor x = leaf(1, 2);
        Tensor seed = Tensor.tensor(new double[] {3, 4}, DType.FLOAT64);
        x.clone().backward(seed, false);
        x.clone().backward(seed, false);
        assertArrayEquals(new double[] {3, 4}, seed.toDoubleArray());
        assertArrayEquals(new double[] {6, 8}, x.grad().toDoubleArray());
    }

    @Test
    void fanInIsSummed() {
        Tensor x = leaf(1, 2, 3);
        Tensor both = Tensor.cat(new Tensor[] {x.narrow(0, 0, 2), x.narrow(0, 1, 2), x}, 0);
        both.backward(Tensor.tensor(new double[] {1, 2, 10, 20, 100, 200, 300}, DType.FLOAT64), false);
        assertArrayEquals(new double[] {101, 212, 320}, x.grad().toDoubleArray());
    }

    @Test
    void gradientsOfNonLeavesAreNotRetained() {
        Tensor x = leaf(1, 2);
        Tensor y = x.view(2, 1);
        y.select(0, 0).backward(Tensor.ones(new long[] {1}, DType.FLOAT64), false);
        assertNull(y.grad());
        assertArrayEquals(new double[] {1, 0}, x.grad().toDoubleArray());
    }

    @Test
    void castsSendTheGradientBackInTheInputsDtype() {
        Tensor x = leaf(1, 2);
        Tensor y = x.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, y.dtype());
        y.backward(Tensor.tensor(new float[] {0.5f, 2f}), false);
        assertEquals(DType.FLOAT64, x.grad().dtype());
        assertArrayEquals(new double[] {0.5, 2}, x.grad().toDoubleArray());
    }

    @Test
    void noGradScopeRecordsNothingAndNests() {
        Tensor x = leaf(1, 2);
        try (var _ = Grad.noGrad()) {
            assertFalse(x.mul(2.0).requiresGrad());
            Tensor y = x.view(2, 1);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            try (var _ = NoGrad.enter()) {
                assertFalse(Grad.isGradEnabled());
            }
            assertFalse(Grad.isGradEnabled());
        }
        assertTrue(Grad.isGradEnabled());
        assertTrue(x.view(2, 1).requiresGrad());
    }

    @Test
    void detachCutsTheGraphAndSharesStorage() {
        Tensor x = leaf(1, 2);
        Tensor d = x.view(2, 1).detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertTrue(d.sharesStorage(x));
        TensorException e = assertThrows(TensorException.class,
                () -> d.backward(Tensor.ones(new long[] {2, 1}, DType.FLOAT64), false));
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
    }

    @Test
    void aSecondBackwardWithoutRetainGraphFails() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.select(0, 1).to(DType.FLOAT32).clone();
        Tensor ones = Tensor.ones(new long[] {}, DType.FLOAT32);
        y.backward(ones, true);
        y.backward(ones, false);
        assertArrayEquals(new double[] {0, 2, 0}, x.grad().toDoubleArray());
        // MulBackward0 reads its saved inputs, which the first backward freed.
        Grad.zeroGrad(x);
        Tensor z = x.mul(x).sum();
        z.backward(null, true);
        z.backward();
        assertArrayEquals(new double[] {4, 8, 12}, x.grad().toDoubleArray());
        TensorException e = assertThrows(TensorException.class, z::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"), e.getMessage());
    }

    @Test
    void aSavedTensorModifiedInPlaceIsReported() {
        Tensor x = Tensor.tensor(new float[3][4]).requiresGrad(true);
        Tensor y = x.tanh();
        Tensor loss = y.sum();
        int before = y.storage().version();
        y.add_(1.0);
        TensorException e = assertThrows(TensorException.class, loss::backward);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace "
                + "operation: [torch.FloatTensor [3, 4]], which is output 0 of TanhBackward0, is at version "
                + (before + 1) + "; expected version " + before + " instead.", e.getMessage());
    }

    @Test
    void aSavedInputModifiedInPlaceNamesItsProducer() {
        Tensor x = leaf(0.5, 1, 2);
        Tensor a = x.mul(3.0);
        Tensor loss = a.sin().sum();
        a.mul_(2.0);
        TensorException e = assertThrows(TensorException.class, loss::backward);
        assertTrue(e.getMessage().contains("[torch.DoubleTensor [3]], which is output 0 of MulBackward0, is at version"),
                e.getMessage());
    }

    @Test
    void aSavedLeafModifiedUnderNoGradIsReported() {
        Tensor x = leaf(0.5, 1, 2);
        Tensor loss = x.sin().sum();
        try (var _ = Grad.noGrad()) {
            x.add_(1.0);
        }
        TensorException e = assertThrows(TensorException.class, loss::backward);
        assertTrue(e.getMessage().contains("[torch.DoubleTensor [3]] is at version"), e.getMessage());
    }

    @Test
    void inPlaceWritesIntoTensorsNoRuleReadsAreFine() {
        Tensor x = leaf(1, 2, 3);
        Tensor a = x.mul(2.0);
        Tensor loss = a.add(1.0).sum(); // AddBackward0 and SumBackward0 save nothing
        a.zero_();
        loss.backward();
        assertArrayEquals(new double[] {2, 2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void writingInPlaceIntoAViewOfAGraphTensorIsRefused() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor row = x.mul(2.0).view(2, 2).select(0, 1);
        TensorException e = assertThrows(TensorException.class, () -> row.mul_(3.0));
        assertTrue(e.getMessage().contains("a view of a tensor that requires grad (output 0 of SelectBackward0"),
                e.getMessage());
        // Writing into a clone of a view is fine, as is writing in place into a non-view.
        Tensor a = x.mul(2.0);
        Tensor copy = a.view(2, 2).select(0, 1).clone();
        copy.mul_(3.0);
        a.mul_(3.0);
        a.add(copy.sum()).sum().backward();
        assertArrayEquals(new double[] {6, 6, 30, 30}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void usingATensorAfterAnUnrecordedWriteIsRefused() {
        Tensor x = leaf(1, 2, 3);
        Tensor a = x.mul(2.0);
        a.zero_(); // fill_ is not recorded: back-propagating through MulBackward0 would be wrong
        TensorException e = assertThrows(TensorException.class, () -> a.sum());
        assertTrue(e.getMessage().contains("(output 0 of MulBackward0) was modified in place by a write autograd did "
                + "not record"), e.getMessage());
        Tensor b = x.mul(2.0);
        Tensor view = b.view(3);
        b.add_(1.0); // recorded on b itself, but the view still describes the old values' history
        assertThrows(TensorException.class, () -> view.sum());
        b.sum().backward();
        assertArrayEquals(new double[] {2, 2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void copyIntoATensorIsDifferentiable() {
        Tensor x = leaf(1, 2, 3);
        Tensor dst = Tensor.zeros(new long[] {2, 3}, DType.FLOAT32);
        dst.copy_(x.mul(2.0).expand(2, 3)); // cast to float32
        assertEquals("CloneBackward0", dst.gradFn().name());
        dst.sum().backward();
        assertEquals(DType.FLOAT64, x.grad().dtype());
        assertArrayEquals(new double[] {4, 4, 4}, x.grad().toDoubleArray());
    }

    @Test
    void arithmeticGraphsWithFanInAndBroadcasting() {
        Tensor x = leaf(1, 2, 3);
        Tensor b = Tensor.tensor(new double[] {0.5}, DType.FLOAT64).requiresGrad(true);
        // loss = sum(x * x + x * b); d/dx = 2x + b, d/db = sum(x)
        x.mul(x).add(x.mul(b)).sum().backward();
        assertArrayEquals(new double[] {2.5, 4.5, 6.5}, x.grad().toDoubleArray(), 1e-12);
        assertArrayEquals(new long[] {1}, b.grad().shape());
        assertArrayEquals(new double[] {6}, b.grad().toDoubleArray(), 1e-12);
        assertEquals("SumBackward0", x.mul(x).sum().gradFn().name());
        assertEquals("MulBackward0", x.mul(b).gradFn().name());
    }

    @Test
    void graphsOfAMillionNodesNeedNoRecursion() {
        Tensor x = leaf(3);
        Tensor y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.view(1);
        }
        y.backward();
        assertArrayEquals(new double[] {1}, x.grad().toDoubleArray());
    }

    @Test
    void aHundredLayerChain() {
        Tensor x = leaf(1, 2, 3, 4, 5, 6);
        Tensor y = x;
        Tensor positions = Tensor.arange(0.0, 6.0, 1.0, DType.FLOAT64);
        for (int layer = 0; layer < 100; layer++) {
            y = y.view(2, 3).t().contiguous().view(6).flip(0);
            positions = positions.view(2, 3).t().contiguous().view(6).flip(0);
        }
        y.select(0, 4).backward();
        double[] expected = new double[6];
        expected[(int) positions.select(0, 4).item()] = 1;
        assertArrayEquals(expected, x.grad().toDoubleArray());
    }

    @Test
    void gradOfChosenTensorsLeavesGradUntouched() {
        Tensor x = leaf(1, 2, 3);
        Tensor mid = x.view(3, 1);
        Tensor out = mid.select(0, 2).select(0, 0);
        Tensor[] g = Grad.grad(out, new Tensor[] {x, mid}, null, true, false);
        assertArrayEquals(new double[] {0, 0, 1}, g[0].toDoubleArray());
        assertArrayEquals(new long[] {3, 1}, g[1].shape());
        assertArrayEquals(new double[] {0, 0, 1}, g[1].toDoubleArray());
        assertNull(x.grad());
        Tensor other = leaf(1);
        TensorException e = assertThrows(TensorException.class, () -> Grad.grad(out, other));
        assertTrue(e.getMessage().contains("not have been used in the graph"), e.getMessage());
        assertNull(Grad.grad(out, new Tensor[] {other}, null, true, true)[0]);
    }
}
