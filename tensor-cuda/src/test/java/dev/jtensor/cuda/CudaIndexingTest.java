package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.Test;

/** Gather, scatter, index_put and nonzero on the GPU against the CPU backend. */
class CudaIndexingTest extends GpuTest {
    @Test
    void gatherAndIndexSelect() {
        Tensor x = randomFloats(4, DType.FLOAT32, 5, 6);
        Tensor g = x.to(gpu);
        // Every index in [0, 6): gather takes no negative index (PyTorch neither: "index -1 is out of bounds").
        Tensor idx = Tensor.tensor(new long[][] {{0, 5, 1}, {2, 2, 5}, {4, 0, 3}, {1, 1, 1}, {5, 4, 3}});
        assertSame(x.gather(1, idx), g.gather(1, idx.to(gpu)), "gather dim 1");
        Tensor rows = Tensor.tensor(new long[] {4, 0, 0, 2});
        assertSame(x.indexSelect(0, rows), g.indexSelect(0, rows.to(gpu)), "indexSelect (embedding lookup)");
        assertSame(x.indexSelect(0, rows), g.indexSelect(0, rows), "a CPU index tensor for a GPU tensor");
        assertSame(x.index(Tensor.tensor(new long[] {1, 3})), g.index(Tensor.tensor(new long[] {1, 3}).to(gpu)), "x[idx]");
        Tensor mask = Tensor.tensor(new boolean[] {true, false, true, false, true});
        assertSame(x.index(mask), g.index(mask.to(gpu)), "boolean mask");
    }

    @Test
    void scatterAddAndIndexPutAccumulate() {
        Tensor src = randomFloats(5, DType.FLOAT32, 6, 3);
        Tensor idx = Tensor.tensor(new long[] {0, 2, 0, 1, 2, 0});
        Tensor base = Tensor.zeros(3, 3);
        assertSame(base.indexAdd(0, idx, src), base.to(gpu).indexAdd(0, idx.to(gpu), src.to(gpu)), "indexAdd (embedding backward)");
        Tensor sidx = Tensor.tensor(new long[][] {{0, 1, 2}, {2, 1, 0}, {0, 0, 0}, {1, 2, 1}, {2, 2, 2}, {0, 1, 0}});
        assertSame(Tensor.zeros(3, 3).scatterAdd(0, sidx, src), Tensor.zeros(3, 3).to(gpu).scatterAdd(0, sidx.to(gpu), src.to(gpu)),
                "scatterAdd");
        Tensor ints = Tensor.zeros(new long[] {4}, DType.INT64);
        Index[] at = {Index.tensor(Tensor.tensor(new long[] {1, 1, 3, 1}))};
        Tensor vals = Tensor.tensor(new long[] {5, 6, 7, 8});
        assertSame(ints.indexPut(at, vals, true), ints.to(gpu).indexPut(at, vals.to(gpu), true), "int64 accumulate");
        Tensor bools = Tensor.zeros(new long[] {5}, DType.BOOL);
        Tensor bv = Tensor.tensor(new boolean[] {true, false, true});
        Index[] bat = {Index.tensor(Tensor.tensor(new long[] {0, 0, 3}))};
        assertSame(bools.indexPut(bat, bv, true), bools.to(gpu).indexPut(bat, bv.to(gpu), true), "bool accumulate (or)");
        Tensor f = Tensor.zeros(4, 2);
        Index[] rowsAt = {Index.tensor(Tensor.tensor(new long[] {3, 0}))};
        assertSame(f.indexPut(rowsAt, Tensor.ones(2, 2)), f.to(gpu).indexPut(rowsAt, Tensor.ones(2, 2).to(gpu)), "indexPut");
    }

    @Test
    void nonzeroInRowMajorOrderAcrossChunks() {
        Tensor x = Tensor.tensor(new double[][] {{0, 1.5, 0}, {Double.NaN, 0, -2}});
        assertSame(x.nonzero(), x.to(gpu).nonzero(), "nonzero with NaN");
        long n = 3 * CudaIndexing.NONZERO_CHUNK + 17;
        int[] values = new int[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7;
        }
        Tensor big = Tensor.fromArray(values, n, 1);
        assertSame(big.nonzero(), big.to(gpu).nonzero(), "several chunks");
        Tensor none = Tensor.zeros(10, 10);
        assertSame(none.nonzero(), none.to(gpu).nonzero(), "no non-zero element");
        Tensor mask = Tensor.tensor(new boolean[][] {{true, false}, {true, true}});
        assertSame(Tensor.tensor(new double[][] {{1, 2}, {3, 4}}).maskedSelect(mask),
                Tensor.tensor(new double[][] {{1, 2}, {3, 4}}).to(gpu).maskedSelect(mask.to(gpu)), "maskedSelect");
    }
}
