package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@code Npy.toBytes} then {@code Npy.fromBytes} keeps any tensor's shape, dtype and values. */
class NpyRoundTripPropertyTest {
    /** Every dtype but bfloat16, which NumPy does not have (Npy refuses it). */
    static final DType[] NUMPY_DTYPES = java.util.Arrays.stream(DType.values()).filter(d -> d != DType.BFLOAT16)
            .toArray(DType[]::new);

    @Property(tries = 60)
    void roundTripKeepsShapeDtypeAndValues(@ForAll @Size(max = 4) List<@IntRange(min = 0, max = 5) Integer> dims,
            @ForAll @IntRange(min = 0, max = 8) int dtypeIndex) {
        long[] shape = dims.stream().mapToLong(Integer::longValue).toArray();
        DType dtype = NUMPY_DTYPES[dtypeIndex];
        int n = (int) Shapes.numel(shape);
        Tensor t = Tensor.arange(-n / 2.0, n - n / 2.0, 1.0, DType.FLOAT64).to(dtype).reshape(shape);
        if (t.dim() >= 2) {
            // A non-contiguous view is saved in its logical (row-major) order.
            t = t.transpose(0, t.dim() - 1);
            shape = t.shape();
        }
        Tensor back = Npy.fromBytes(Npy.toBytes(t));
        assertEquals(dtype, back.dtype());
        assertArrayEquals(shape, back.shape());
        assertArrayEquals(t.toDoubleArray(), back.toDoubleArray());
    }
}
