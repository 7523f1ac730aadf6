package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Autograd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autograd on GPU tensors: the same engine, gradients computed on and kept on the GPU. */
class CudaAutogradTest extends GpuTest {
    @BeforeEach
    void requireEngine() {
        assumeTrue(Autograd.isAvailable(), "no autograd engine (tensor-ops) installed");
    }

    @Test
    void gradientsOfGpuLeavesLiveOnTheGpu() {
        Tensor xc = randomFloats(21, DType.FLOAT64, 3, 4).requiresGrad(true);
        Tensor xg = randomFloats(21, DType.FLOAT64, 3, 4).to(gpu).requiresGrad(true);
        xc.mul(xc).sigmoid().sum().backward();
        xg.mul(xg).sigmoid().sum().backward();
        assertSame(xc.grad(), xg.grad(), "d sum(sigmoid(x^2)) / dx");
    }

    @Test
    void aCpuLeafMovedToTheGpuGetsItsGradientOnTheCpu() {
        Tensor w = randomFloats(22, DType.FLOAT32, 5).requiresGrad(true);
        Tensor y = w.to(gpu).exp().mean();
        y.backward();
        assertEquals(Device.CPU, w.grad().device());
        Tensor expect = w.detach().exp().div(5.0);
        double[] got = w.grad().toDoubleArray();
        double[] want = expect.toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6, "element " + i);
        }
    }
}
