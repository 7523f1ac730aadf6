package dev.jtensor.cuda;

import dev.jtensor.core.TensorException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A caching device allocator (PyTorch's idea): freed blocks go to free lists keyed by their
 * rounded size and are handed out again, so a training loop that allocates the same shapes every
 * step stops calling {@code cudaMalloc} (which is slow) and {@code cudaFree} (which synchronizes
 * the device) after the first step.
 *
 * <p>Sizes are rounded up to {@value #SMALL_ROUND} bytes below {@value #SMALL_LIMIT} bytes and to
 * {@value #LARGE_ROUND} bytes above, which bounds both the waste and the number of lists. Reuse is
 * safe without events because every kernel and copy of a device runs on one stream: work queued
 * after the reuse runs after work queued before the release.
 *
 * <p>When the device is out of memory the cached blocks are freed and the allocation retried;
 * then the {@code reclaim} hook (which lets the garbage collector run the storages' cleaners) is
 * called, a few times, before giving up with a {@link TensorException}.
 */
final class CachingAllocator {
    static final long SMALL_ROUND = 512;
    static final long SMALL_LIMIT = 1L << 20;
    static final long LARGE_ROUND = 2L << 20;
    /** How many times the reclaim hook is tried before an out-of-memory error. */
    static final int RECLAIM_ATTEMPTS = 4;

    /** The raw device allocator: {@code cudaMalloc}/{@code cudaFree}, or a fake in tests. */
    interface RawMemory {
        /** A new block of {@code bytes} bytes, or 0 when the device is out of memory. */
        long malloc(long bytes);

        /** Returns a block from {@link #malloc}. */
        void free(long address);
    }

    /** Called, outside the allocator's lock, before retry {@code attempt} (0-based) of an allocation that failed. */
    interface Reclaim {
        void attempt(int attempt);
    }

    /**
     * A device block handed out by the allocator.
     *
     * @param address the device address (0 for the empty block)
     * @param size its rounded size in bytes
     */
    record Block(long address, long size) {}

    /**
     * Counters of the allocator.
     *
     * @param allocatedBytes bytes in blocks handed out and not yet released
     * @param cachedBytes bytes in released blocks kept for reuse
     * @param peakAllocatedBytes the largest {@code allocatedBytes} seen
     * @param mallocCalls raw allocations made
     * @param freeCalls raw frees made
     * @param cacheHits allocations served from the free lists
     */
    record Stats(long allocatedBytes, long cachedBytes, long peakAllocatedBytes, long mallocCalls,
                 long freeCalls, long cacheHits) {}

    static final Block EMPTY = new Block(0, 0);

    private final RawMemory raw;
    private final Reclaim reclaim;
    private final Map<Long, ArrayDeque<Long>> free = new HashMap<>();
    private final Map<Long, Long> live = new HashMap<>();
    private long allocated;
    private long cached;
    private long peak;
    private long mallocs;
    private long frees;
    private long hits;

    CachingAllocator(RawMemory raw, Reclaim reclaim) {
        this.raw = raw;
        this.reclaim = reclaim;
    }

    /** The size class of a request. */
    static long roundSize(long bytes) {
        if (bytes <= 0) {
            return 0;
        }
        long unit = bytes < SMALL_LIMIT ? SMALL_ROUND : LARGE_ROUND;
        return (bytes + unit - 1) / unit * unit;
    }

    /**
     * A block of at least {@code bytes} bytes (contents undefined).
     *
     * @throws TensorException when the device has no memory left even after freeing the cache
     */
    Block allocate(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative allocation " + bytes);
        }
        if (bytes == 0) {
            return EMPTY;
        }
        long size = roundSize(bytes);
        Block b = tryAllocate(size);
        for (int attempt = 0; b == null && attempt < RECLAIM_ATTEMPTS; attempt++) {
            reclaim.attempt(attempt);
            b = tryAllocate(size);
        }
        if (b == null) {
            Stats s = stats();
            throw new TensorException("CUDA out of memory: tried to allocate " + bytes + " bytes ("
                    + size + " rounded); " + s.allocatedBytes() + " bytes are held by live JTensor storages and "
                    + s.cachedBytes() + " cached. Close storages you no longer need (CudaStorage.close()).");
        }
        return b;
    }

    private synchronized Block tryAllocate(long size) {
        // After a reclaim, the cleaners may have returned blocks of this very size.
        Block reused = fromCache(size);
        if (reused != null) {
            return reused;
        }
        long address = raw.malloc(size);
        if (address == 0) {
            emptyCacheLocked();
            address = raw.malloc(size);
        }
        if (address == 0) {
            return null;
        }
        mallocs++;
        return handOut(address, size);
    }

    private Block fromCache(long size) {
        ArrayDeque<Long> list = free.get(size);
        if (list == null || list.isEmpty()) {
            return null;
        }
        cached -= size;
        hits++;
        return handOut(list.pop(), size);
    }

    private Block handOut(long address, long size) {
        live.put(address, size);
        allocated += size;
        peak = Math.max(peak, allocated);
        return new Block(address, size);
    }

    /** Returns a block to the cache; the empty block is ignored. */
    synchronized void release(Block b) {
        if (b.address() == 0) {
            return;
        }
        Long size = live.remove(b.address());
        if (size == null || size != b.size()) {
            throw new IllegalStateException("block " + Long.toHexString(b.address()) + " of " + b.size()
                    + " bytes was not handed out by this allocator, or was released twice");
        }
        allocated -= size;
        cached += size;
        free.computeIfAbsent(size, s -> new ArrayDeque<>()).push(b.address());
    }

    /** Frees every cached block (PyTorch's {@code torch.cuda.empty_cache()}); returns the bytes freed. */
    synchronized long emptyCache() {
        return emptyCacheLocked();
    }

    private long emptyCacheLocked() {
        long released = cached;
        for (ArrayDeque<Long> list : free.values()) {
            for (long address : list) {
                raw.free(address);
                frees++;
            }
        }
        free.clear();
        cached = 0;
        return released;
    }

    /** A snapshot of the counters. */
    synchronized Stats stats() {
        return new Stats(allocated, cached, peak, mallocs, frees, hits);
    }
}
