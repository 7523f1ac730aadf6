package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.ValuesIndices;
import org.junit.jupiter.api.Test;

/** Reductions, variance and prefix sums on the GPU against the CPU backend. */
class CudaReductionsTest extends GpuTest {
    @Test
    void sumsMeansAndProductsOverEveryDimChoice() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor c = randomFloats(1, dt, 3, 4, 5);
            Tensor g = c.to(gpu);
            assertSame(c.sum(), g.sum(), dt + " sum()");
            assertSame(c.mean(), g.mean(), dt + " mean()");
            for (int d = 0; d < 3; d++) {
                assertSame(c.sum(d), g.sum(d), dt + " sum(" + d + ")");
                assertSame(c.mean(d, true), g.mean(d, true), dt + " mean(" + d + ", keepdim)");
                assertSame(c.prod(d), g.prod(d), dt + " prod(" + d + ")");
            }
            assertSame(c.sum(new int[] {0, 2}, false), g.sum(new int[] {0, 2}, false), dt + " sum([0, 2])");
            assertSame(c.transpose(0, 2).sum(1), g.transpose(0, 2).sum(1), dt + " sum of a transposed view");
        }
        Tensor ints = Tensor.arange(-7, 17).reshape(4, 6);
        assertSame(ints.sum(1), ints.to(gpu).sum(1), "int64 sum");
        assertSame(ints.prod(0), ints.to(gpu).prod(0), "int64 prod");
        Tensor big = randomFloats(2, DType.FLOAT32, 100_003);
        assertSame(big.sum(), big.to(gpu).sum(), "long line");
    }

    @Test
    void extremesAndTheirFirstPositions() {
        Tensor c = Tensor.tensor(new double[][] {{1, 5, 5, -2}, {Double.NaN, 3, Double.NaN, 0}, {-1, -1, -3, -3}});
        Tensor g = c.to(gpu);
        for (int d = 0; d < 2; d++) {
            assertSame(c.amax(d), g.amax(d), "amax " + d);
            assertSame(c.amin(d), g.amin(d), "amin " + d);
            assertSame(c.argmax(d), g.argmax(d), "argmax " + d);
            assertSame(c.argmin(d), g.argmin(d), "argmin " + d);
            ValuesIndices cm = c.max(d);
            ValuesIndices gm = g.max(d);
            assertSame(cm.values(), gm.values(), "max values " + d);
            assertSame(cm.indices(), gm.indices(), "max indices " + d);
            ValuesIndices cn = c.min(d, true);
            ValuesIndices gn = g.min(d, true);
            assertSame(cn.values(), gn.values(), "min values " + d);
            assertSame(cn.indices(), gn.indices(), "min indices " + d);
        }
        assertSame(c.max(), g.max(), "max()");
        Tensor ties = Tensor.zeros(1000);
        assertEquals(0, ties.to(gpu).argmax().itemLong(), "first of many equal elements");
        for (DType dt : new DType[] {DType.INT64, DType.INT32, DType.BOOL}) {
            Tensor t = Tensor.tensor(new long[][] {{3, 0, 3}, {1, 1, 0}}).to(dt);
            assertSame(t.amax(1), t.to(gpu).amax(1), dt + " amax");
            assertSame(t.argmin(0), t.to(gpu).argmin(0), dt + " argmin");
        }
    }

    @Test
    void allAnyLogsumexpStdVarAndCumsum() {
        Tensor b = Tensor.tensor(new boolean[][] {{true, false, true}, {true, true, true}});
        assertSame(b.all(1), b.to(gpu).all(1), "all");
        assertSame(b.any(0), b.to(gpu).any(0), "any");
        assertSame(b.all(), b.to(gpu).all(), "all()");
        Tensor x = randomFloats(3, DType.FLOAT32, 4, 300);
        Tensor g = x.to(gpu);
        assertSame(x.logsumexp(1), g.logsumexp(1), "logsumexp");
        Tensor inf = Tensor.tensor(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
        assertSame(inf.logsumexp(0), inf.to(gpu).logsumexp(0), "logsumexp of -inf");
        assertSame(x.var(1), g.var(1), "var");
        assertSame(x.std(0), g.std(0), "std");
        assertSame(x.var(new int[] {0, 1}, 0.0, false), g.var(new int[] {0, 1}, 0.0, false), "var correction 0");
        assertSame(x.cumsum(1), g.cumsum(1), "cumsum");
        assertSame(x.t().cumsum(0), g.t().cumsum(0), "cumsum of a transposed view");
        Tensor ints = Tensor.arange(0, 12).reshape(3, 4);
        assertSame(ints.cumsum(0), ints.to(gpu).cumsum(0), "int64 cumsum");
    }
}
