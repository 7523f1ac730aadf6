package dev.jtensor.ops.fakedevice;

import static dev.jtensor.ops.fakedevice.FakeDeviceProvider.FAKE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.Device;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import org.junit.jupiter.api.Test;

/**
 * {@code to(device)} keeps the layout of a dense, non-overlapping tensor (PyTorch's
 * {@code preserve_format}): a transposed or permuted tensor arrives with its strides, a contiguous
 * slice with only its own elements; other tensors arrive contiguous. The fake device keeps what was
 * uploaded, so the elements are checked after a round trip.
 */
class TransferLayoutTest {
    private static Tensor roundTrip(Tensor x, long[] expectedStridesOnDevice) {
        Tensor d = x.to(FAKE);
        assertEquals(FAKE, d.device());
        assertArrayEquals(x.shape(), d.shape());
        assertArrayEquals(expectedStridesOnDevice, d.stride(), "strides on the device");
        assertEquals(0, d.storageOffset());
        assertEquals(x.numel(), d.storage().size(), "only the tensor's own elements travel");
        Tensor back = d.to(Device.CPU);
        assertArrayEquals(expectedStridesOnDevice, back.stride(), "strides back on the CPU");
        assertArrayEquals(x.contiguous().toFloatArray(), back.contiguous().toFloatArray());
        return d;
    }

    @Test
    void denseLayoutsKeepTheirStrides() {
        Tensor base = Tensor.arange(24).to(dev.jtensor.core.DType.FLOAT32).view(2, 3, 4);
        roundTrip(base, new long[] {12, 4, 1});
        roundTrip(base.transpose(0, 2), new long[] {1, 4, 12});
        roundTrip(base.permute(1, 2, 0), new long[] {4, 1, 12});
        // A contiguous slice with an offset: its 8 elements only.
        roundTrip(base.select(0, 1).narrow(0, 1, 2), new long[] {4, 1});
    }

    @Test
    void otherLayoutsArriveContiguous() {
        Tensor base = Tensor.arange(24).to(dev.jtensor.core.DType.FLOAT32).view(4, 6);
        Tensor everyOther = base.index(Index.all(), Index.slice(0, 6, 2));
        Tensor d = everyOther.to(FAKE);
        assertArrayEquals(new long[] {3, 1}, d.stride());
        assertArrayEquals(everyOther.contiguous().toFloatArray(), d.to(Device.CPU).toFloatArray());
        Tensor expanded = Tensor.arange(3).to(dev.jtensor.core.DType.FLOAT32).expand(2, 3);
        assertArrayEquals(new long[] {3, 1}, expanded.to(FAKE).stride());
    }

    @Test
    void viewOfATransposedTensorFailsOnTheDeviceAsOnTheCpu() {
        Tensor t = Tensor.arange(12).to(dev.jtensor.core.DType.FLOAT32).view(3, 4).t();
        assertThrows(TensorException.class, () -> t.view(12));
        assertThrows(TensorException.class, () -> t.to(FAKE).view(12));
    }
}
