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
 * <p>Device memory is reclaimed the way the JDK reclaims direct buffers: an unreachable storage
 * gives its block back from a {@code Cleaner}, which runs only after a garbage collection, and the
 * Java heap may never fill up enough to collect while the device does. So two conditions first call
 * the {@code reclaim} hook (a {@code System.gc()} request) and then wait, briefly and a few times,
 * for cleaners to hand blocks back:
 * <ul>
 *   <li>live bytes would pass the reclaim threshold ({@link #setReclaimThreshold}); if the
 *       memory turns out to be really in use, the next trigger moves up by a quarter of the
 *       threshold (and back once live bytes fall below it), so a program that needs that much does
 *       not collect on every allocation;</li>
 *   <li>the device is out of memory even after the cached blocks were freed; then, after the last
 *       attempt, a {@link TensorException}.</li>
 * </ul>
 * Released blocks go to the cache, so the retried allocation usually reuses one without a
 * {@code cudaMalloc}. {@link MemoryScope} releases a step's temporaries without waiting for the
 * collector at all.
 */
final class CachingAllocator {
    static final long SMALL_ROUND = 512;
    static final long SMALL_LIMIT = 1L << 20;
    static final long LARGE_ROUND = 2L << 20;
    /** How many times the reclaim hook is tried before an out-of-memory error. */
    static final int RECLAIM_ATTEMPTS = 4;
    /** The longest wait for cleaners after reclaim attempt {@code a} is {@code 1 << (2 a)} ms: 1, 4, 16, 64. */
    static final int WAIT_SHIFT = 2;

    /** The raw device allocator: {@code cudaMalloc}/{@code cudaFree}, or a fake in tests. */
    interface RawMemory {
        /** A new block of {@code bytes} bytes, or 0 when the device is out of memory. */
        long malloc(long bytes);

        /** Returns a block from {@link #malloc}. */
        void free(long address);
    }

    /**
     * Asks for unreachable storages to be found (in production {@code System.gc()}, whose cleaners then
     * {@link #release} their blocks); called outside the allocator's lock, after which the allocator waits for
     * releases.
     */
    interface Reclaim {
        /**
         * One request.
         *
         * @param attempt 0 for the first request of one allocation, then 1, 2, ...
         */
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
     * @param reclaims allocations that asked the collector for memory first (threshold passed or out of memory)
     */
    record Stats(long allocatedBytes, long cachedBytes, long peakAllocatedBytes, long mallocCalls,
                 long freeCalls, long cacheHits, long reclaims) {}

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
    private long reclaims;
    /** Live bytes above which an allocation first reclaims; {@code Long.MAX_VALUE}: never. */
    private long threshold = Long.MAX_VALUE;
    /** The current trigger: the threshold, or above it while live memory really exceeds it. */
    private long nextReclaimAt = Long.MAX_VALUE;

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
        if (passesTrigger(size)) {
            reclaimBelowThreshold(size);
        }
        Block b = tryAllocate(size);
        if (b == null) {
            countReclaim();
        }
        for (int attempt = 0; b == null && attempt < RECLAIM_ATTEMPTS; attempt++) {
            long before = stats().allocatedBytes();
            reclaim.attempt(attempt);
            awaitLiveAtMost(before - size, attempt);
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

    /**
     * Sets the live bytes above which an allocation first lets the collector reclaim unreachable storages.
     *
     * @param bytes the threshold; {@code Long.MAX_VALUE} turns the check off
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    synchronized void setReclaimThreshold(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the reclaim threshold must be positive, got " + bytes + " bytes");
        }
        threshold = bytes;
        nextReclaimAt = bytes;
    }

    /**
     * The live bytes above which an allocation first reclaims.
     *
     * @return the threshold in bytes ({@code Long.MAX_VALUE}: never)
     */
    synchronized long reclaimThreshold() {
        return threshold;
    }

    private synchronized boolean passesTrigger(long size) {
        return allocated + size > nextReclaimAt;
    }

    private synchronized void countReclaim() {
        reclaims++;
    }

    /** Requests collections and waits for cleaners until live bytes plus {@code size} fit the threshold. */
    private void reclaimBelowThreshold(long size) {
        countReclaim();
        for (int attempt = 0; size < threshold && attempt < RECLAIM_ATTEMPTS; attempt++) {
            reclaim.attempt(attempt);
            if (awaitLiveAtMost(threshold - size, attempt)) {
                return;
            }
        }
        synchronized (this) {
            // The memory is in use: collect again only after another quarter of the threshold.
            nextReclaimAt = Math.max(threshold, allocated + size + Math.max(threshold / 4, size));
        }
    }

    /** Waits (up to the attempt's time) until live bytes are at most {@code target}; returns whether they are. */
    private synchronized boolean awaitLiveAtMost(long target, int attempt) {
        long deadline = System.nanoTime() + (1_000_000L << (WAIT_SHIFT * attempt));
        while (allocated > target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return allocated <= target;
            }
        }
        return true;
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
        if (allocated < threshold) {
            nextReclaimAt = threshold;
        }
        notifyAll(); // an allocation may be waiting for cleaners
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
        return new Stats(allocated, cached, peak, mallocs, frees, hits, reclaims);
    }
}
