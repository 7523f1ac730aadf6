package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.Test;

/** Matrix products on the GPU (cuBLAS for floats, the integer kernel for ints) against the CPU backend. */
class CudaLinalgTest extends GpuTest {
    @Test
    void matmulOfEveryRankAndLayout() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = randomFloats(31, dt, 6, 5);
            Tensor b = randomFloats(32, dt, 5, 7);
            Tensor ga = a.to(gpu);
            Tensor gb = b.to(gpu);
            assertSame(a.mm(b), ga.mm(gb), dt + " mm");
            assertSame(a.t().t().matmul(b), ga.matmul(gb), dt + " matmul");
            assertSame(b.t().mm(a.t()), gb.t().mm(ga.t()), dt + " transposed views (CUBLAS_OP_T, no copy)");
            Tensor strided = randomFloats(33, dt, 12, 10).slice(0, 0, 12, 2).slice(1, 0, 10, 2);
            assertSame(strided.mm(b), strided.to(gpu).mm(gb), dt + " operand strided both ways (copied)");
            Tensor batch = randomFloats(34, dt, 3, 6, 5);
            assertSame(batch.bmm(randomFloats(35, dt, 3, 5, 4)), batch.to(gpu).bmm(randomFloats(35, dt, 3, 5, 4).to(gpu)),
                    dt + " bmm (strided batched)");
            assertSame(batch.matmul(b), batch.to(gpu).matmul(gb), dt + " batch times a shared matrix");
            Tensor four = randomFloats(36, dt, 2, 1, 6, 5);
            Tensor other = randomFloats(37, dt, 3, 5, 2);
            assertSame(four.matmul(other), four.to(gpu).matmul(other.to(gpu)), dt + " broadcast batch dims");
            Tensor v = randomFloats(38, dt, 5);
            assertSame(a.mv(v), ga.mv(v.to(gpu)), dt + " mv");
            assertSame(v.dot(v), v.to(gpu).dot(v.to(gpu)), dt + " dot");
            assertSame(v.outer(v), v.to(gpu).outer(v.to(gpu)), dt + " outer");
            Tensor empty = Tensor.zeros(new long[] {4, 0}, dt);
            assertSame(empty.mm(Tensor.zeros(new long[] {0, 3}, dt)), empty.to(gpu).mm(Tensor.zeros(new long[] {0, 3}, dt)
                    .to(gpu)), dt + " k == 0 gives zeros");
        }
    }

    @Test
    void tf32IsOffByDefaultAndWithinItsPrecisionWhenAllowed() {
        Tensor a = randomFloats(51, DType.FLOAT32, 256, 512);
        Tensor b = randomFloats(52, DType.FLOAT32, 512, 128);
        Tensor cpu = a.mm(b);
        org.junit.jupiter.api.Assertions.assertFalse(Cuda.allowTf32(), "TF32 is off by default, as in PyTorch");
        assertSame(cpu, a.to(gpu).mm(b.to(gpu)), "FP32 cuBLAS");
        Cuda.setAllowTf32(true);
        try {
            // TF32 rounds inputs to 10 mantissa bits: about 1e-3 relative on sums of 512 products.
            assertSame(cpu, a.to(gpu).mm(b.to(gpu)), "TF32 cuBLAS", 2e-2);
        } finally {
            Cuda.setAllowTf32(false);
        }
        assertSame(cpu, a.to(gpu).mm(b.to(gpu)), "FP32 again after TF32");
    }

    @Test
    void outputLayoutsAndIntegerProducts() {
        Tensor a = randomFloats(41, DType.FLOAT32, 4, 3);
        Tensor b = randomFloats(42, DType.FLOAT32, 3, 5);
        Tensor outCpu = Tensor.zeros(5, 4).t();
        Tensor outGpu = Tensor.zeros(5, 4).to(gpu).t();
        a.matmul(b, outCpu);
        a.to(gpu).matmul(b.to(gpu), outGpu);
        assertSame(outCpu, outGpu, "column-major output (computed as the swapped product)");
        for (DType dt : new DType[] {DType.INT64, DType.INT32}) {
            Tensor x = Tensor.arange(-6, 6).reshape(3, 4).to(dt);
            Tensor y = Tensor.arange(0, 8).reshape(4, 2).to(dt);
            assertSame(x.mm(y), x.to(gpu).mm(y.to(gpu)), dt + " mm");
            assertSame(x.t().matmul(x), x.to(gpu).t().matmul(x.to(gpu)), dt + " transposed");
        }
    }
}
