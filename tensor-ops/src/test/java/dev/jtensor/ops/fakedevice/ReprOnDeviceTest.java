package dev.jtensor.ops.fakedevice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The device suffix of a tensor on another device, placed as PyTorch's {@code _tensor_str.py} places
 * it: right after the data, before {@code dtype=} and the autograd suffixes, wrapped to a new line
 * at the line width like the others. Expected strings are PyTorch 1.13's output for the same values
 * on {@code cuda:0} (made by tensor-cuda's {@code conformance-gpu/make_repr_on_cuda.py}), with the
 * device name changed to this test device's.
 */
class ReprOnDeviceTest {
    private static String onFake(Tensor t) {
        return t.to(FakeDeviceProvider.FAKE).toString();
    }

    @Test
    void deviceComesBeforeDtype() {
        assertEquals("tensor([[1, 2],\n        [2, 3]], device='fake:0')",
                onFake(Tensor.tensor(new long[] {1, 2, 2, 3}).view(2, 2)));
        assertEquals("tensor(-5.4000, device='fake:0', dtype=torch.float64)",
                onFake(Tensor.scalar(-5.4, DType.FLOAT64)));
        assertEquals("tensor([ 2.9786, -0.4913], device='fake:0', dtype=torch.float64)",
                onFake(Tensor.tensor(new double[] {2.9786, -0.4913}).to(DType.FLOAT64)));
        assertEquals("tensor([], device='fake:0', dtype=torch.int64)", onFake(Tensor.zeros(new long[] {0}, DType.INT64)));
        assertEquals("tensor([], device='fake:0', size=(2, 0))", onFake(Tensor.zeros(2, 0)));
    }

    @Test
    void deviceWrapsAtTheLineWidthAndPrecedesRequiresGrad() {
        float[] v = new float[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 - 3.25f;
        }
        String s = onFake(Tensor.tensor(v));
        assertEquals("tensor([-3.2500, -2.2500, -1.2500,  ..., -1.2500, -0.2500,  0.7500],\n       device='fake:0')", s);
        Tensor leaf = Tensor.tensor(new float[] {1.5f}).to(FakeDeviceProvider.FAKE).requiresGrad(true);
        assertEquals("tensor([1.5000], device='fake:0', requires_grad=True)", leaf.toString());
    }
}
