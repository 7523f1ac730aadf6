package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import org.junit.jupiter.api.Test;

class GradCheckTest {
    @Test
    void reportsAGradientThatDisagreesWithFiniteDifferences() {
        // detach() hides the dependence from autograd, so the analytic gradient is zero.
        Tensor x = Tensor.tensor(new double[] {1, 2, 3}, DType.FLOAT64);
        TensorException e = assertThrows(TensorException.class,
                () -> GradCheck.check(in -> Tensor.cat(new Tensor[] {in[0], in[0].detach()}, 0), x));
        assertTrue(e.getMessage().contains("Jacobian mismatch for output element 3"), e.getMessage());
        assertTrue(e.getMessage().contains("numerical 1.0") || e.getMessage().contains("numerical 0.99"), e.getMessage());
    }

    @Test
    void acceptsCorrectGradientsAndPassesIntegerInputsThrough() {
        Tensor x = Tensor.tensor(new double[][] {{1, 2}, {3, 4}}, DType.FLOAT64);
        Tensor index = Tensor.tensor(new long[] {1});
        GradCheck.check(in -> in[0].select(0, in[1].itemLong()), x, index);
    }

    @Test
    void needsFloat64() {
        Tensor x = Tensor.tensor(new float[] {1, 2});
        TensorException e = assertThrows(TensorException.class, () -> GradCheck.check(in -> in[0].clone(), x));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
        Tensor y = Tensor.tensor(new double[] {1, 2}, DType.FLOAT64);
        TensorException out = assertThrows(TensorException.class,
                () -> GradCheck.check(in -> in[0].to(DType.FLOAT32), y));
        assertTrue(out.getMessage().contains("float64 output"), out.getMessage());
    }
}
