package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.TensorException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingAllocatorTest {
    private static final CachingAllocator.Reclaim NO_RECLAIM = attempt -> {};

    @Test
    void sizeClasses() {
        assertEquals(0, CachingAllocator.roundSize(0));
        assertEquals(512, CachingAllocator.roundSize(1));
        assertEquals(512, CachingAllocator.roundSize(512));
        assertEquals(1024, CachingAllocator.roundSize(513));
        assertEquals(1L << 20, CachingAllocator.roundSize((1L << 20) - 1));
        assertEquals(2L << 20, CachingAllocator.roundSize(1L << 20));
        assertEquals(4L << 20, CachingAllocator.roundSize((2L << 20) + 1));
    }

    @Test
    void aTrainingLoopStopsCallingMallocAfterTheFirstStep() {
        FakeMemory mem = new FakeMemory(1L << 30);
        CachingAllocator alloc = new CachingAllocator(mem, NO_RECLAIM);
        long[] sizes = {4 * 64 * 128, 4 * 128, 4 * 64, 4 * 64 * 128, 3_000_000};
        for (int step = 0; step < 50; step++) {
            List<CachingAllocator.Block> live = new ArrayList<>();
            for (long s : sizes) {
                live.add(alloc.allocate(s));
            }
            live.forEach(alloc::release);
        }
        assertEquals(sizes.length, mem.mallocs, "one cudaMalloc per tensor of the first step only");
        CachingAllocator.Stats st = alloc.stats();
        assertEquals(49L * sizes.length, st.cacheHits());
        assertEquals(0, st.allocatedBytes());
        assertEquals(mem.used, st.cachedBytes());
        assertEquals(mem.used, st.peakAllocatedBytes());
        assertEquals(0, mem.frees, "nothing is given back to the device while cached");
    }

    @Test
    void blocksAreReusedOnlyWithinTheirSizeClassAndNeverTwiceAtOnce() {
        FakeMemory mem = new FakeMemory(1L << 30);
        CachingAllocator alloc = new CachingAllocator(mem, NO_RECLAIM);
        CachingAllocator.Block a = alloc.allocate(1000);
        CachingAllocator.Block b = alloc.allocate(1000);
        assertNotEquals(a.address(), b.address());
        alloc.release(a);
        CachingAllocator.Block c = alloc.allocate(600); // same 1024-byte class: reuses a
        assertEquals(a.address(), c.address());
        CachingAllocator.Block d = alloc.allocate(2000); // another class: a fresh block
        assertNotEquals(b.address(), d.address());
        assertEquals(3, mem.mallocs);
    }

    @Test
    void emptyBlocksAndMisuse() {
        FakeMemory mem = new FakeMemory(1 << 20);
        CachingAllocator alloc = new CachingAllocator(mem, NO_RECLAIM);
        assertSame(CachingAllocator.EMPTY, alloc.allocate(0));
        alloc.release(CachingAllocator.EMPTY);
        assertEquals(0, mem.mallocs);
        CachingAllocator.Block a = alloc.allocate(10);
        alloc.release(a);
        assertThrows(IllegalStateException.class, () -> alloc.release(a));
        assertThrows(IllegalStateException.class, () -> alloc.release(new CachingAllocator.Block(12345, 512)));
        assertThrows(IllegalArgumentException.class, () -> alloc.allocate(-1));
    }

    @Test
    void emptyCacheGivesCachedBlocksBack() {
        FakeMemory mem = new FakeMemory(1L << 30);
        CachingAllocator alloc = new CachingAllocator(mem, NO_RECLAIM);
        CachingAllocator.Block a = alloc.allocate(5000);
        CachingAllocator.Block b = alloc.allocate(7000);
        alloc.release(a);
        assertEquals(5120, alloc.emptyCache());
        assertEquals(1, mem.frees);
        assertEquals(7168, mem.used);
        assertEquals(0, alloc.stats().cachedBytes());
        alloc.release(b);
    }

    @Test
    void outOfMemoryFirstFreesTheCacheThenReclaimsThenFails() {
        FakeMemory mem = new FakeMemory(4096);
        List<Integer> attempts = new ArrayList<>();
        CachingAllocator alloc = new CachingAllocator(mem, attempts::add);
        CachingAllocator.Block a = alloc.allocate(2048);
        alloc.release(a); // cached, 2048 bytes still taken on the device
        CachingAllocator.Block big = alloc.allocate(4096); // fits only once the cache is freed
        assertEquals(1, mem.frees);
        assertTrue(attempts.isEmpty());
        TensorException e = assertThrows(TensorException.class, () -> alloc.allocate(100));
        assertEquals(List.of(0, 1, 2, 3), attempts);
        assertTrue(e.getMessage().contains("CUDA out of memory: tried to allocate 100 bytes (512 rounded)"), e.getMessage());
        assertTrue(e.getMessage().contains("4096 bytes are held by live JTensor storages"), e.getMessage());
        alloc.release(big);
    }

    @Test
    void reclaimThatReturnsMemoryLetsTheAllocationSucceed() {
        FakeMemory mem = new FakeMemory(4096);
        CachingAllocator[] holder = new CachingAllocator[1];
        List<CachingAllocator.Block> garbage = new ArrayList<>();
        // The hook plays the garbage collector: the cleaner of an unreachable storage releases its block.
        holder[0] = new CachingAllocator(mem, attempt -> garbage.forEach(holder[0]::release));
        garbage.add(holder[0].allocate(4096));
        CachingAllocator.Block b = holder[0].allocate(4096);
        assertEquals(4096, holder[0].stats().allocatedBytes());
        holder[0].release(b);
    }
}
