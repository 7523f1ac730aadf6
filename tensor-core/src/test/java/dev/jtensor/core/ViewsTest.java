package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewsTest {
    @Test
    void viewsShareStorageAndWritesAreVisible() {
        Tensor base = Tensor.arange(12).view(3, 4);
        Tensor col = base.select(1, 2);
        col.fill_(-1L);
        assertArrayEquals(new long[] {0, 1, -1, 3, 4, 5, -1, 7, 8, 9, -1, 11}, base.toLongArray());
        assertTrue(base.sharesStorage(base.t()));
        assertArrayEquals(new long[] {1, 4}, base.t().stride());
    }

    @Test
    void viewOfTransposedNeedsCopy() {
        Tensor x = Tensor.arange(6).view(2, 3).t();
        assertFalse(x.isContiguous());
        TensorException e = assertThrows(TensorException.class, () -> x.view(6));
        assertTrue(e.getMessage().contains("view size is not compatible"), e.getMessage());
        assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, x.reshape(6).toLongArray());
    }

    @Test
    void catStackRepeatFlip() {
        Tensor a = Tensor.tensor(new int[][] {{1, 2}, {3, 4}});
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new long[] {1, 2, 3, 4, 1, 2, 3, 4}, Tensor.cat(new Tensor[] {a, a}, 0).toLongArray());
        assertArrayEquals(new long[] {1, 2, 1, 2, 3, 4, 3, 4}, Tensor.cat(new Tensor[] {a, a}, 1).toLongArray());
        assertArrayEquals(new long[] {2, 2, 2}, Tensor.stack(new Tensor[] {a, a}, 1).shape());
        assertArrayEquals(new long[] {1, 2, 1, 2, 3, 4, 3, 4}, a.repeat(1, 2).toLongArray());
        assertArrayEquals(new long[] {4, 3, 2, 1}, a.flip(0, 1).toLongArray());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, Tensor.eye(2, 3).toFloatArray());
    }

    @Test
    void dtypeInference() {
        assertEquals(DType.FLOAT32, Tensor.tensor(new double[][] {{0.1, 1.2}}).dtype());
        assertEquals(DType.BOOL, Tensor.tensor(new boolean[] {true}).dtype());
        assertEquals(DType.INT64, Tensor.tensor(java.util.List.of(1, 2)).dtype());
        assertEquals(DType.FLOAT32, Tensor.tensor(java.util.List.of(1, 2.5)).dtype());
    }

    @Test
    void copyBroadcastsTheSourceButNeverGrowsTheDestination() {
        Tensor dst = Tensor.zeros(2, 3);
        dst.copy_(Tensor.tensor(new float[] {1, 2, 3}));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, dst.toFloatArray());
        TensorException e = assertThrows(TensorException.class, () -> Tensor.zeros(3).copy_(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    }
}
