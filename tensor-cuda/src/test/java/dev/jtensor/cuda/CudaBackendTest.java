package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.TensorIterator;
import org.junit.jupiter.api.Test;

/** The backend's transfers, copies and fills on a GPU, compared with the CPU backend. */
class CudaBackendTest extends GpuTest {
    private static Tensor sample(DType dtype) {
        Tensor t = Tensor.tensor(new double[][] {{1.5, -2.7, 0}, {3.99, -0.5, 1e9}});
        return t.to(dtype);
    }

    @Test
    void roundTripEveryDtype() {
        for (DType d : KernelNames.DTYPES) {
            Tensor cpu = sample(d);
            Tensor g = cpu.to(gpu);
            assertEquals(gpu, g.device());
            assertTrue(g.storage() instanceof CudaStorage);
            Tensor back = g.to(Device.CPU);
            assertEquals(Device.CPU, back.device());
            assertArrayEquals(cpu.toDoubleArray(), back.toDoubleArray(), d.toString());
            assertArrayEquals(cpu.shape(), back.shape());
        }
    }

    @Test
    void emptyAndScalarTensors() {
        Tensor empty = Tensor.zeros(0, 3).to(gpu);
        assertEquals(0, empty.toFloatArray().length);
        Tensor s = Tensor.scalar(4.25).to(gpu);
        assertEquals(4.25, s.item());
        assertEquals(0, s.dim());
    }

    @Test
    void allocateIsZeroFilled() {
        for (DType d : KernelNames.DTYPES) {
            Tensor z = Tensor.empty(new long[] {5, 7}, d, gpu);
            assertArrayEquals(new double[35], z.toDoubleArray(), d.toString());
        }
    }

    @Test
    void castsMatchTheCpuBackendForEveryPair() {
        StringBuilder failures = new StringBuilder();
        for (DType from : KernelNames.DTYPES) {
            Tensor cpu = sample(from);
            Tensor g = cpu.to(gpu);
            for (DType to : KernelNames.DTYPES) {
                compareCast(cpu.to(to), g.to(to), from + " -> " + to, failures);
            }
        }
        // NaN, infinities and out-of-range floats to integers and bool: the CPU backend gives PyTorch's x86 values
        // (CastSemanticsTest in tensor-core checks that table); the GPU must give the same. Every pair is checked.
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e30, -1e30, 3e9, -3e9,
            2147483648.0, -2147483649.0, 2147483647.9, -2147483648.9, 0x1p63, -0x1p63, 9.3e18, 2.5, -2.5, -0.9, -0.0};
        for (DType from : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor cpu = Tensor.tensor(odd, from);
            Tensor g = cpu.to(gpu);
            for (DType to : KernelNames.DTYPES) {
                compareCast(cpu.to(to), g.to(to), "special " + from + " -> " + to, failures);
            }
        }
        assertTrue(failures.isEmpty(), "casts where the GPU differs from the CPU:" + failures);
    }

    private static void compareCast(Tensor cpu, Tensor gpu, String what, StringBuilder failures) {
        double[] want = cpu.toDoubleArray();
        double[] got = gpu.toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            if (Double.doubleToLongBits(want[i]) != Double.doubleToLongBits(got[i])) {
                failures.append('\n').append(what).append(" [").append(i).append("]: CPU ").append(want[i])
                        .append(", GPU ").append(got[i]);
            }
        }
    }

    @Test
    void stridedCopiesAndDeviceToDeviceCopies() {
        Tensor cpu = Tensor.arange(0, 60).reshape(3, 4, 5).to(DType.FLOAT32);
        Tensor g = cpu.to(gpu);
        assertArrayEquals(cpu.transpose(0, 2).contiguous().toFloatArray(), g.transpose(0, 2).contiguous().toFloatArray());
        assertArrayEquals(cpu.slice(2, 1, 5, 2).contiguous().toFloatArray(), g.slice(2, 1, 5, 2).contiguous().toFloatArray());
        assertArrayEquals(cpu.flip(1).toFloatArray(), g.flip(1).toFloatArray());
        Tensor clone = g.clone();
        assertNotSame(g.storage(), clone.storage());
        assertArrayEquals(cpu.toFloatArray(), clone.toFloatArray());
        Tensor dst = Tensor.empty(new long[] {3, 4, 5}, DType.FLOAT32, gpu);
        dst.select(0, 1).copy_(g.select(0, 2));
        assertArrayEquals(cpu.select(0, 2).toFloatArray(), dst.select(0, 1).toFloatArray());
        Tensor broadcast = Tensor.empty(new long[] {4, 5}, DType.FLOAT64, gpu).copy_(Tensor.arange(0, 5).to(gpu));
        assertArrayEquals(Tensor.arange(0, 5).expand(4, 5).toDoubleArray(), broadcast.toDoubleArray());
        assertArrayEquals(Tensor.cat(new Tensor[] {cpu, cpu}, 1).toFloatArray(),
                Tensor.cat(new Tensor[] {g, g}, 1).toFloatArray());
        assertArrayEquals(cpu.repeat(2, 1, 1).toFloatArray(), g.repeat(2, 1, 1).toFloatArray());
    }

    @Test
    void fillEveryDtypeThroughAView() {
        for (DType d : KernelNames.DTYPES) {
            Tensor cpu = Tensor.zeros(new long[] {4, 6}, d);
            Tensor g = cpu.to(gpu);
            cpu.slice(1, 0, 6, 2).fill_(3L);
            g.slice(1, 0, 6, 2).fill_(3L);
            assertArrayEquals(cpu.toDoubleArray(), g.toDoubleArray(), d.toString());
        }
        Tensor big = Tensor.empty(new long[] {1}, DType.INT64, gpu).fill_(Long.MAX_VALUE - 1);
        assertEquals(Long.MAX_VALUE - 1, big.itemLong());
        assertEquals(0.25f, Tensor.empty(new long[] {3}, DType.FLOAT32, gpu).fill_(0.25).toFloatArray()[2]);
    }

    @Test
    void zeroDimCpuTensorsJoinGpuOps() {
        // As in PyTorch a 0-dim CPU tensor may be an input of a GPU op; the backend uploads its element.
        Tensor g = Tensor.empty(new long[] {2, 3}, DType.FLOAT32, gpu);
        gpu.backend().copy(TensorIterator.of(g, Tensor.scalar(1.75)));
        assertArrayEquals(new float[] {1.75f, 1.75f, 1.75f, 1.75f, 1.75f, 1.75f}, g.toFloatArray());
    }

    @Test
    void mixingDevicesThrowsNamingBoth() {
        Tensor g = Tensor.zeros(2, 3).to(gpu);
        TensorException e = assertThrows(TensorException.class, () -> g.copy_(Tensor.ones(2, 3)));
        assertTrue(e.getMessage().contains("cuda:0 and cpu"), e.getMessage());
    }

    @Test
    void closeAndTheCachingAllocator() {
        Tensor g = Tensor.ones(256, 256).to(gpu);
        CudaStorage s = (CudaStorage) g.storage();
        s.close();
        assertTrue(s.isClosed());
        assertThrows(TensorException.class, g::toFloatArray);
        Cuda.MemoryStats before = Cuda.memoryStats(gpu);
        for (int step = 0; step < 20; step++) {
            try (CudaStorage t = (CudaStorage) Tensor.ones(256, 256).to(gpu).storage()) {
                assertEquals(256 * 256 * 4, t.byteSize());
            }
        }
        Cuda.MemoryStats after = Cuda.memoryStats(gpu);
        assertTrue(after.cudaMallocCalls() - before.cudaMallocCalls() <= 1,
                "a loop of same-sized tensors reuses one cached block: " + before + " -> " + after);
        assertTrue(Cuda.emptyCache(gpu) >= 256 * 256 * 4);
        Cuda.synchronize(gpu);
    }
}
