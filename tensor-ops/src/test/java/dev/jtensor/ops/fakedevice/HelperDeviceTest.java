package dev.jtensor.ops.fakedevice;

import static dev.jtensor.ops.fakedevice.FakeDeviceProvider.FAKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.nn.F;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device placement on a second device type without a GPU ({@link FakeDeviceProvider}: storages
 * without data, primitives that only check devices): ops that create helper tensors create them on
 * their input's device, and CPU scalars (0-dim CPU tensors) join ops on another device, as in
 * PyTorch. The values are not checked here (the fake device has none); the GPU conformance run does.
 */
class HelperDeviceTest {
    @BeforeEach
    void clearViolations() {
        FakeDeviceProvider.VIOLATIONS.clear();
    }

    private static Tensor fake(DType dtype, long... shape) {
        return Tensor.empty(shape, dtype, FAKE);
    }

    private static void assertOnFake(Tensor t) {
        assertEquals(FAKE, t.device());
        assertTrue(FakeDeviceProvider.VIOLATIONS.isEmpty(), () -> "primitives saw other devices: "
                + FakeDeviceProvider.VIOLATIONS);
    }

    @Test
    void nllLossBuildsItsDefaultWeightOnTheInputsDevice() {
        // Targets read as 0 on the fake device: a valid class.
        assertOnFake(F.nllLoss(fake(DType.FLOAT32, 3, 4), fake(DType.INT64, 3)));
        assertOnFake(F.nllLoss(fake(DType.FLOAT64, 4), fake(DType.INT64)));
    }

    @Test
    void otherHelperTensorsFollowTheInput() {
        assertOnFake(F.dropout(fake(DType.FLOAT32, 5, 3), 0.5, true));
        assertOnFake(fake(DType.FLOAT32, 4, 4).tril(1));
        assertOnFake(fake(DType.FLOAT32, 4, 4).triu(-1));
        assertOnFake(F.crossEntropy(fake(DType.FLOAT32, 3, 4), fake(DType.INT64, 3)));
    }

    @Test
    void embeddingGradientsAreBuiltOnTheWeightsDevice() {
        Tensor weight = fake(DType.FLOAT32, 5, 3).requiresGrad(true);
        F.embedding(fake(DType.INT64, 4), weight).sum().backward();
        assertOnFake(weight.grad());
    }

    @Test
    void cpuScalarsJoinOpsOnAnotherDevice() {
        Tensor x = fake(DType.FLOAT32, 2, 3);
        assertOnFake(x.add(Tensor.scalar(2.0)));
        assertOnFake(Tensor.scalar(2.0).mul(x));
        assertOnFake(Tensor.scalar(2L).sub(x));
        assertOnFake(Tensor.where(fake(DType.BOOL, 2, 3), Tensor.scalar(1.0), x));
        assertOnFake(Tensor.where(fake(DType.BOOL, 2, 3), x, Tensor.scalar(1.0)));
        assertOnFake(x.maskedFill(fake(DType.BOOL, 2, 3), Tensor.scalar(7.0)));
        assertOnFake(x.add_(Tensor.scalar(1.0)));
        Index[] rows = {Index.tensor(fake(DType.INT64, 2))};
        assertOnFake(x.indexPut_(rows, Tensor.scalar(5.0)));
        assertOnFake(x.indexPut_(rows, Tensor.scalar(5.0), true));
        assertOnFake(x.indexPut_(rows, 5.0));
        assertOnFake(x.indexPut(rows, Tensor.scalar(5L)));
    }

    @Test
    void aCpuScalarGetsItsGradientOnTheCpu() {
        // PyTorch's validate_outputs: the gradient of a CPU scalar that joined a device op comes back to the CPU.
        Tensor s = Tensor.scalar(2.0).requiresGrad(true);
        Tensor x = fake(DType.FLOAT32, 2, 3).requiresGrad(true);
        x.mul(s).add(Tensor.scalar(1.0)).sum().backward();
        assertEquals(dev.jtensor.core.Device.CPU, s.grad().device());
        assertEquals(0, s.grad().dim());
        assertOnFake(x.grad());
    }

    @Test
    void otherCpuTensorsStillMixDevices() {
        Tensor x = fake(DType.FLOAT32, 2, 3);
        for (Runnable op : new Runnable[] {
                () -> x.add(Tensor.ones(3)),
                () -> Tensor.ones(2, 3).mul(x),
                () -> x.indexPut_(new Index[] {Index.tensor(fake(DType.INT64, 2))}, Tensor.ones(3)),
                () -> Tensor.where(fake(DType.BOOL, 2, 3), Tensor.ones(2, 3), x)}) {
            TensorException e = assertThrows(TensorException.class, op::run);
            assertTrue(e.getMessage().contains("Expected all tensors to be on the same device")
                    && e.getMessage().contains("fake:0") && e.getMessage().contains("cpu"), e.getMessage());
        }
    }
}
