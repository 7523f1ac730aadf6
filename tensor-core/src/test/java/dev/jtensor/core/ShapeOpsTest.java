package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The shape ops of issue 20 beyond what the PyTorch conformance cases cover: aliasing of the
 * views, results that must be fresh tensors, the variants without cases (dsplit, moveaxis,
 * swapdims, atleast*), and argument checks.
 */
class ShapeOpsTest {
    @Test
    void diagonalIsAWritableView() {
        Tensor m = Tensor.zeros(new long[] {3, 4}, DType.INT64);
        Tensor d = m.diagonal(1, 0, 1);
        assertTrue(d.sharesStorage(m));
        assertArrayEquals(new long[] {5}, d.stride());
        d.fill_(7L);
        assertArrayEquals(new long[] {0, 7, 0, 0, 0, 0, 7, 0, 0, 0, 0, 7}, m.toLongArray());
        assertArrayEquals(new long[] {0}, m.diagonal(4, 0, 1).shape());
        assertArrayEquals(new long[] {0}, m.diagonal(-3, 0, 1).shape());
        TensorException e = assertThrows(TensorException.class, () -> m.diagonal(0, 1, -1));
        assertTrue(e.getMessage().contains("diagonal dimensions cannot be identical 1, -1"), e.getMessage());
    }

    @Test
    void copiesDoNotAliasTheirInput() {
        Tensor x = Tensor.arange(6).view(2, 3);
        assertFalse(x.roll(0).sharesStorage(x));
        assertFalse(x.rot90(4, 0, 1).sharesStorage(x));
        assertFalse(x.repeatInterleave(1, 0).sharesStorage(x));
        assertFalse(Tensor.arange(1).view(1, 1).repeatInterleave(3, 0).sharesStorage(x));
        Tensor single = Tensor.arange(1).view(1, 1);
        Tensor r = single.repeatInterleave(3, 0);
        r.fill_(5L); // a fresh tensor, not a stride-0 view of the input
        assertArrayEquals(new long[] {0}, single.toLongArray());
        assertFalse(x.diag().sharesStorage(x));
    }

    @Test
    void variantsWithoutConformanceCases() {
        Tensor x = Tensor.arange(24).view(2, 3, 4);
        Tensor[] parts = x.dsplit(2);
        assertArrayEquals(new long[] {2, 3, 2}, parts[1].shape());
        assertArrayEquals(new long[] {2, 3, 6, 7}, parts[1].select(0, 0).slice(0, 0, 2, 1).flatten().toLongArray());
        assertEquals(3, x.dsplit(new long[] {1, 3}).length);
        assertThrows(TensorException.class, () -> x.dsplit(3));
        assertThrows(TensorException.class, () -> Tensor.arange(4).view(2, 2).dsplit(1));
        assertArrayEquals(new long[] {4, 2, 3}, x.moveaxis(new long[] {2}, new long[] {0}).shape());
        assertArrayEquals(new long[] {4, 3, 2}, x.swapdims(0, 2).shape());
        assertArrayEquals(new long[] {1}, Tensor.scalar(1L).atleast1d().shape());
        assertArrayEquals(new long[] {1, 3}, Tensor.arange(3).atleast2d().shape());
        assertArrayEquals(new long[] {1, 3, 1}, Tensor.arange(3).atleast3d().shape());
        assertSame(x, x.atleast3d());
        assertArrayEquals(new long[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0},
                Tensor.tensor(new long[] {1, 2, 3}).diag(-1).toLongArray());
    }

    @Test
    void tensordotMatchesEinsum() {
        Tensor a = Tensor.arange(24).view(2, 3, 4).to(DType.FLOAT64);
        Tensor b = Tensor.arange(12).view(4, 3).to(DType.FLOAT64);
        assertArrayEquals(Tensor.einsum("ijk,kj->i", a, b).toDoubleArray(),
                Tensor.tensordot(a, b, new long[] {2, 1}, new long[] {0, 1}).toDoubleArray());
        assertArrayEquals(Tensor.einsum("ijk,kl->ijl", a, b).toDoubleArray(), Tensor.tensordot(a, b, 1).toDoubleArray());
        TensorException e = assertThrows(TensorException.class,
                () -> Tensor.tensordot(a, Tensor.ones(new long[] {3, 3}, DType.FLOAT64), new long[] {1, 1},
                        new long[] {0, 1}));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.tensordot(a, b, 3));
    }

    @Test
    void argumentChecks() {
        Tensor x = Tensor.arange(6).view(2, 3);
        assertThrows(TensorException.class, () -> x.repeatInterleave(Tensor.tensor(new double[] {1, 2}), 0));
        assertThrows(TensorException.class, () -> x.repeatInterleave(Tensor.tensor(new long[] {1, 1}), 0, 3));
        assertThrows(TensorException.class, () -> x.tensorSplit(Tensor.tensor(new long[][] {{1}}), 0));
        assertThrows(TensorException.class, () -> x.rot90(1, 0, 2));
        assertThrows(TensorException.class, () -> Tensor.tensor(new boolean[][] {{true}}).trace()); // as PyTorch
        assertThrows(TensorException.class, () -> Tensor.meshgrid(new Tensor[0], "ij"));
        assertThrows(TensorException.class, () -> Tensor.meshgrid(Tensor.arange(2), Tensor.ones(2)));
        assertThrows(TensorException.class, () -> Tensor.trilIndices(2, -1, 0));
        assertThrows(TensorException.class, () -> Tensor.einsum("ij"));
        assertThrows(TensorException.class, () -> Tensor.einsum("i.j", x));
        TensorException twice = assertThrows(TensorException.class, () -> Tensor.einsum("......", x));
        assertTrue(twice.getMessage().contains("an ellipsis was already found"), twice.getMessage());
        TensorException size = assertThrows(TensorException.class,
                () -> x.repeatInterleave(Tensor.tensor(new long[] {2}), 1, 5));
        assertTrue(size.getMessage().contains("output_size 5"), size.getMessage());
        assertThrows(TensorException.class, () -> Tensor.einsum("...i,...i", Tensor.ones(2, 3), Tensor.ones(4, 3)));
    }
}
