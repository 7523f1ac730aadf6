package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.TensorIterator;
import org.junit.jupiter.api.Test;

/** CudaStorage's bookkeeping over a fake allocator, and core's device checks, without a GPU. */
class CudaStorageTest {
    private static final Device CUDA0 = new Device("cuda", 0);

    private static CudaStorage storage(CachingAllocator alloc, DType dtype, int n) {
        return new CudaStorage(dtype, n, CUDA0, alloc, alloc.allocate((long) n * dtype.itemSize()));
    }

    @Test
    void closeGivesTheBlockBackOnceAndLaterUseThrows() {
        CachingAllocator alloc = new CachingAllocator(new FakeMemory(1 << 20), a -> {});
        CudaStorage s = storage(alloc, DType.FLOAT32, 100);
        assertEquals(400, s.byteSize());
        assertEquals(CUDA0, s.device());
        assertEquals(512, alloc.stats().allocatedBytes());
        s.address();
        s.close();
        s.close();
        assertTrue(s.isClosed());
        assertEquals(0, alloc.stats().allocatedBytes());
        assertEquals(512, alloc.stats().cachedBytes());
        TensorException e = assertThrows(TensorException.class, s::address);
        assertEquals("a float32 storage of 100 elements on cuda:0 was used after close()", e.getMessage());
    }

    @Test
    void boolElementsTakeOneByte() {
        CachingAllocator alloc = new CachingAllocator(new FakeMemory(1 << 20), a -> {});
        try (CudaStorage s = storage(alloc, DType.BOOL, 1000)) {
            assertEquals(1000, s.byteSize());
            assertEquals(1024, alloc.stats().allocatedBytes());
        }
    }

    @Test
    void theCleanerReleasesAnUnreachableStorage() throws InterruptedException {
        CachingAllocator alloc = new CachingAllocator(new FakeMemory(1 << 20), a -> {});
        for (int i = 0; i < 10; i++) {
            storage(alloc, DType.FLOAT64, 64); // dropped at once
        }
        assertEquals(10 * 512, alloc.stats().allocatedBytes() + alloc.stats().cachedBytes());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (alloc.stats().allocatedBytes() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, alloc.stats().allocatedBytes(), "the cleaner returned every block");
    }

    @Test
    void mixingDevicesInOneOpNamesBothDevices() {
        CachingAllocator alloc = new CachingAllocator(new FakeMemory(1 << 20), a -> {});
        Tensor gpu = new Tensor(storage(alloc, DType.FLOAT32, 6), new long[] {2, 3}, new long[] {3, 1}, 0);
        Tensor cpu = Tensor.zeros(2, 3);
        TensorException e = assertThrows(TensorException.class, () -> TensorIterator.of(cpu, gpu));
        assertEquals("Expected all tensors to be on the same device, but found at least two devices, cpu and cuda:0!",
                e.getMessage());
        e = assertThrows(TensorException.class, () -> TensorIterator.of(gpu, cpu));
        assertTrue(e.getMessage().contains("cuda:0 and cpu"), e.getMessage());
        e = assertThrows(TensorException.class, () -> cpu.copy_(gpu));
        assertTrue(e.getMessage().contains("cpu and cuda:0"), e.getMessage());
        // A 0-dim CPU tensor may join an op on another device, as in PyTorch.
        TensorIterator it = TensorIterator.of(gpu, gpu, Tensor.scalar(2.0));
        assertEquals(3, it.operandCount());
    }
}
