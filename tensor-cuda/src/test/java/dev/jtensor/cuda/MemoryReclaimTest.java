package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Device memory reclaimed under pressure, against the fake device memory: the reclaim threshold
 * asks the collector before live memory grows past it (and waits for cleaners' releases), a program
 * that really holds that much is not collected on every allocation, and memory scopes release a
 * step's temporaries at once.
 */
class MemoryReclaimTest {
    private static final long MIB = 1L << 20;
    private static final Device CUDA0 = new Device("cuda", 0);

    /** Storages as the backend makes them, over {@code alloc}. */
    private static CudaStorage storage(CachingAllocator alloc, long bytes) {
        return new CudaStorage(DType.FLOAT32, (int) (bytes / 4), CUDA0, alloc, alloc.allocate(bytes));
    }

    @Test
    void aLoopDroppingItsOutputStaysNearTheThresholdWithCleaners() {
        // c = a.add(b) over 1 "GiB" (here 2 MiB) tensors: the old c becomes garbage each iteration. The fake
        // collector runs the "cleaners" of the garbage, i.e. releases it, when asked; nothing else does.
        FakeMemory mem = new FakeMemory(1L << 40);
        ArrayDeque<CachingAllocator.Block> garbage = new ArrayDeque<>();
        CachingAllocator[] holder = new CachingAllocator[1];
        int[] requests = new int[1];
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> {
            requests[0]++;
            while (!garbage.isEmpty()) {
                holder[0].release(garbage.pop());
            }
        });
        holder[0] = alloc;
        long size = 2 * MIB;
        alloc.setReclaimThreshold(4 * size);
        CachingAllocator.Block a = alloc.allocate(size);
        CachingAllocator.Block b = alloc.allocate(size);
        CachingAllocator.Block c = alloc.allocate(size);
        long peakUsed = mem.used;
        for (int i = 0; i < 100; i++) {
            CachingAllocator.Block next = alloc.allocate(size); // the old c is still referenced here
            garbage.push(c);
            c = next;
            peakUsed = Math.max(peakUsed, mem.used);
        }
        assertEquals(4 * size, peakUsed, "reserved device memory stays at the threshold (a, b, c and the next c)");
        assertEquals(4, mem.mallocs, "released blocks are reused from the cache");
        // At a threshold of exactly four tensors every allocation after the first finds one dropped c to collect.
        assertEquals(99, requests[0], "one collection per iteration once at the threshold, each freeing one dropped c");
        assertEquals(99, alloc.stats().reclaims());
        assertTrue(alloc.stats().allocatedBytes() <= 4 * size);
        assertFalse(a == b);
    }

    @Test
    void aHigherThresholdCollectsLessOften() {
        FakeMemory mem = new FakeMemory(1L << 40);
        ArrayDeque<CachingAllocator.Block> garbage = new ArrayDeque<>();
        CachingAllocator[] holder = new CachingAllocator[1];
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> {
            while (!garbage.isEmpty()) {
                holder[0].release(garbage.pop());
            }
        });
        holder[0] = alloc;
        long size = 2 * MIB;
        alloc.setReclaimThreshold(7 * size);
        alloc.allocate(size);
        alloc.allocate(size);
        CachingAllocator.Block c = alloc.allocate(size);
        for (int i = 0; i < 100; i++) {
            CachingAllocator.Block next = alloc.allocate(size);
            garbage.push(c);
            c = next;
        }
        // Room for four dropped tensors: a collection every fourth iteration frees the four.
        assertEquals(7 * size, mem.used);
        assertEquals(24, alloc.stats().reclaims());
    }

    @Test
    void memoryReallyInUseIsNotCollectedOnEveryAllocation() {
        FakeMemory mem = new FakeMemory(1L << 40);
        int[] requests = new int[1];
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> requests[0]++);
        alloc.setReclaimThreshold(8 * MIB);
        List<CachingAllocator.Block> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            held.add(alloc.allocate(MIB)); // 2 MiB size class each, all kept
        }
        // The threshold is passed at the 5th block; then a trigger only every quarter threshold (one block).
        long reclaims = alloc.stats().reclaims();
        assertTrue(reclaims <= 40 - 4 && reclaims >= 1, "reclaims " + reclaims);
        assertEquals(reclaims * CachingAllocator.RECLAIM_ATTEMPTS, requests[0], "each trigger asks a few times");
        // Back below the threshold, the trigger is the threshold again.
        held.forEach(alloc::release);
        held.clear();
        requests[0] = 0;
        for (int i = 0; i < 4; i++) {
            held.add(alloc.allocate(MIB));
        }
        assertEquals(0, requests[0], "no collection below the threshold");
        held.add(alloc.allocate(MIB));
        assertEquals(CachingAllocator.RECLAIM_ATTEMPTS, requests[0], "passing it again asks again");
        assertThrows(IllegalArgumentException.class, () -> alloc.setReclaimThreshold(0));
    }

    @Test
    void realCleanersGiveMemoryBackWhenTheThresholdAsksTheCollector() {
        FakeMemory mem = new FakeMemory(1L << 40);
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> System.gc());
        alloc.setReclaimThreshold(8 * MIB);
        long peak = 0;
        CudaStorage keep = storage(alloc, 2 * MIB);
        for (int i = 0; i < 200; i++) {
            CudaStorage temp = storage(alloc, 2 * MIB); // dropped at once: only its cleaner can give it back
            assertFalse(temp.isClosed());
            peak = Math.max(peak, mem.used);
        }
        // Without reclaiming, 201 blocks (402 MiB) would be reserved; cleaners run late at times, hence the margin.
        assertTrue(peak <= 24 * MIB, "peak reserved " + peak / MIB + " MiB");
        assertTrue(alloc.stats().reclaims() > 0);
        assertFalse(keep.isClosed());
    }

    @Test
    void outOfMemoryWaitsForCleanersBeforeFailing() {
        FakeMemory mem = new FakeMemory(4 * MIB);
        ArrayDeque<CachingAllocator.Block> garbage = new ArrayDeque<>();
        CachingAllocator[] holder = new CachingAllocator[1];
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> {
            if (attempt == 2 && !garbage.isEmpty()) { // the collector finds the garbage only on the third request
                holder[0].release(garbage.pop());
            }
        });
        holder[0] = alloc;
        garbage.push(alloc.allocate(2 * MIB));
        CachingAllocator.Block live = alloc.allocate(2 * MIB);
        CachingAllocator.Block b = alloc.allocate(2 * MIB);
        assertEquals(2, mem.mallocs, "the released block was reused");
        TensorException e = assertThrows(TensorException.class, () -> alloc.allocate(2 * MIB));
        assertTrue(e.getMessage().contains("CUDA out of memory"), e.getMessage());
        alloc.release(live);
        alloc.release(b);
    }

    @Test
    void aScopeReleasesWhatItCreatedExceptWhatIsKept() {
        FakeMemory mem = new FakeMemory(1L << 30);
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> {});
        CudaStorage before = storage(alloc, MIB);
        CudaStorage kept;
        CudaStorage inner;
        CudaStorage innerKept;
        List<CudaStorage> temps = new ArrayList<>();
        try (MemoryScope scope = Cuda.memoryScope()) {
            for (int i = 0; i < 5; i++) {
                temps.add(storage(alloc, MIB));
            }
            kept = storage(alloc, MIB);
            Tensor t = new Tensor(kept, new long[] {kept.size()}, new long[] {1}, 0);
            assertSame(t, scope.keep(t));
            try (MemoryScope nested = Cuda.memoryScope()) {
                inner = storage(alloc, MIB);
                innerKept = storage(alloc, MIB);
                nested.keep(new Tensor(innerKept, new long[] {innerKept.size()}, new long[] {1}, 0));
                assertEquals(1, nested.pending());
                assertThrows(IllegalStateException.class, scope::close, "the nested scope is still open");
            }
            assertTrue(inner.isClosed(), "the nested scope released its temporary");
            assertFalse(innerKept.isClosed(), "a kept storage passes to the enclosing scope");
            assertEquals(6, scope.pending());
        }
        temps.forEach(s -> assertTrue(s.isClosed()));
        assertTrue(innerKept.isClosed(), "released by the enclosing scope, which did not keep it");
        assertFalse(kept.isClosed());
        assertFalse(before.isClosed(), "storages from before the scope are not touched");
        assertEquals(2 * CachingAllocator.roundSize(MIB), alloc.stats().allocatedBytes(),
                "before and kept are live; the rest went back to the cache");
        CudaStorage after = storage(alloc, MIB);
        assertFalse(after.isClosed());
        TensorException used = assertThrows(TensorException.class, () -> temps.getFirst().address());
        assertTrue(used.getMessage().contains("used after close()"), used.getMessage());
    }

    @Test
    void anOpenScopeKeepsNothingAlive() {
        FakeMemory mem = new FakeMemory(1L << 40);
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> System.gc());
        alloc.setReclaimThreshold(8 * MIB);
        long peak = 0;
        try (MemoryScope scope = Cuda.memoryScope()) {
            for (int i = 0; i < 200; i++) {
                storage(alloc, 2 * MIB); // dropped at once, inside a scope left open around the whole loop
                peak = Math.max(peak, mem.used);
            }
            assertTrue(scope.pending() <= 200);
        }
        assertTrue(peak <= 24 * MIB, "peak reserved " + peak / MIB + " MiB: the scope held dropped storages");
    }

    @Test
    void aScopeBelongsToItsThread() throws Exception {
        FakeMemory mem = new FakeMemory(1L << 30);
        CachingAllocator alloc = new CachingAllocator(mem, attempt -> {});
        CudaStorage[] other = new CudaStorage[1];
        try (MemoryScope scope = Cuda.memoryScope()) {
            Thread t = new Thread(() -> {
                other[0] = storage(alloc, MIB);
                assertThrows(IllegalStateException.class, scope::close);
            });
            t.start();
            t.join();
            assertEquals(0, scope.pending(), "another thread's storages are not in this thread's scope");
        }
        assertFalse(other[0].isClosed());
    }

    @Test
    void theDefaultThresholdAndItsProperty() {
        assertEquals(96L << 30, CudaDevice.reclaimThreshold(null, 128L << 30), "three quarters of the device");
        assertEquals(4L << 30, CudaDevice.reclaimThreshold(" 4294967296 ", 128L << 30));
        assertThrows(TensorException.class, () -> CudaDevice.reclaimThreshold("4g", 128L << 30));
        assertThrows(TensorException.class, () -> CudaDevice.reclaimThreshold("0", 128L << 30));
    }
}
