package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.Test;

/** Issue 19, item 2: gradients through reductions of views of more than 2^31 elements (no memory). */
class HugeViewGradTest {
    @Test
    void gradientThroughTheSumOfAHugeExpandedView() {
        long n = 46341; // n * n > 2^31
        Tensor x = Tensor.ones(new long[] {1, 1}, DType.FLOAT64).requiresGrad(true);
        x.expand(n, n).sum().backward();
        assertArrayEquals(new double[] {(double) (n * n)}, x.grad().toDoubleArray());
        Tensor y = Tensor.ones(new long[] {2, 1}, DType.FLOAT64).requiresGrad(true);
        y.expand(2, (1L << 31) + 5).mean(1).sum().backward();
        assertArrayEquals(new double[] {1, 1}, y.grad().toDoubleArray(), 1e-12);
    }
}
