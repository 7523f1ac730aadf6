package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import java.lang.ref.Cleaner;
import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recycles the arrays of large CPU storages once their storage is unreachable, so that a new output
 * of a size seen before can skip the JVM's zeroing of a fresh array.
 *
 * <p><b>How an array comes back.</b> {@link CpuStorage#allocate} registers every storage of at least
 * {@link #MIN_BYTES} with a {@link Cleaner}; the cleaning action holds the array (never the storage).
 * When the garbage collector finds the storage unreachable (no tensor or view refers to it), the
 * cleaner thread hands the array to this pool. Only the storage refers to its array (the kernels
 * take it from the storage for the length of one call, and {@link CpuBackend} keeps the call's
 * operands reachable until the call returns with {@link java.lang.ref.Reference#reachabilityFence}),
 * so a returned array is free. Arrays of {@link CpuStorage#wrap wrapped} user arrays are never
 * pooled.
 *
 * <p><b>Who may take one.</b> A recycled array holds its last tensor's values. An allocation that asks
 * for zeros ({@code zeros()}, scatter-add and index-add targets, accumulators) gets the array
 * cleared; only an allocation whose every element the caller writes before reading it (an
 * elementwise or gather output, a copy, a softmax) takes it as it is. Results therefore do not
 * change: the tests run with {@code -Djtensor.pool.poison=true}, which fills every uninitialised
 * allocation (recycled or fresh) with NaN, {@code 0x5A5A5A5A}-style integers or {@code true}, so that
 * an op reading an element it did not write fails its conformance test.
 *
 * <p><b>Bounds.</b> Arrays are kept per element type and exact length (a training loop repeats its
 * shapes), at most {@link #capacityBytes()} in all ({@code -Djtensor.pool.bytes}, default a
 * quarter of the maximum heap, at most 1 GiB; 0 turns the pool off). A returned array that does not
 * fit evicts the arrays of the least recently used lengths, or is left to the collector when it is
 * larger than the whole pool. All methods are thread-safe (one lock; a pooled array is at least
 * {@link #MIN_BYTES}, whose zeroing alone costs far more than the lock).
 *
 * <p><b>When it helps.</b> Arrays come back only when the collector runs, and it runs when fresh
 * allocations fill the heap; so in a steady loop each collection refills the pool with up to its
 * capacity of arrays, and the loop allocates fresh arrays once the pool is drained, until the next
 * collection (docs/architecture.md, "Recycled storages", has the measurements).
 */
final class CpuArrayPool {
    /** Storages smaller than this (in bytes) are not pooled: zeroing them is cheaper than a cleaner. */
    static final long MIN_BYTES = 1 << 16;

    private static final CpuArrayPool INSTANCE = new CpuArrayPool(defaultCapacity());
    private static final Cleaner CLEANER = Cleaner.create();

    /** Whether uninitialised allocations are filled with garbage (tests: results must not change). */
    private static volatile boolean poison = Boolean.getBoolean("jtensor.pool.poison");

    private final long capacity;
    /**
     * Free arrays by (dtype, length), least recently used length first, held softly: the collector
     * clears them before it would throw an {@link OutOfMemoryError}. Guarded by this.
     */
    private final LinkedHashMap<Key, ArrayDeque<Free>> free = new LinkedHashMap<>(16, 0.75f, true);
    /** Bytes held in {@link #free}. Guarded by this. */
    private long held;
    /** Counters for tests and measurements. Guarded by this. */
    private long hits;
    private long misses;
    private long returned;
    private long dropped;

    /** A pool holding at most {@code capacity} bytes. */
    CpuArrayPool(long capacity) {
        this.capacity = capacity;
    }

    /** The pool CPU storages use. */
    static CpuArrayPool shared() {
        return INSTANCE;
    }

    private static long defaultCapacity() {
        String prop = System.getProperty("jtensor.pool.bytes");
        if (prop != null) {
            long v;
            try {
                v = Long.parseLong(prop.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Djtensor.pool.bytes must be a number of bytes, got '" + prop + "'");
            }
            if (v < 0) {
                throw new IllegalArgumentException("-Djtensor.pool.bytes must be >= 0, got " + v);
            }
            return v;
        }
        return Math.min(Runtime.getRuntime().maxMemory() / 4, 1L << 30);
    }

    /** Turns the poison mode on or off (tests). */
    static void setPoison(boolean on) {
        poison = on;
    }

    /** {@return whether uninitialised allocations are filled with garbage} */
    static boolean poison() {
        return poison;
    }

    /** {@return the most bytes this pool holds} */
    long capacityBytes() {
        return capacity;
    }

    /** The key of a size class: the dtype and the exact length. */
    private record Key(DType dtype, int length) {}

    /** {@return whether storages of {@code bytes} bytes are pooled} */
    boolean pools(long bytes) {
        return bytes >= MIN_BYTES && bytes <= capacity;
    }

    /**
     * {@return a new storage of {@code numel} elements: zero-filled when {@code zeroed}, else with
     * unspecified contents} A recycled array when one of the dtype and length is free, else a fresh
     * one; either way registered to come back here when the storage is unreachable, if pooled sizes.
     */
    CpuStorage allocate(DType dtype, long numel, boolean zeroed) {
        boolean pooled = numel >= 0 && numel <= CpuStorage.MAX_ELEMENTS && pools(numel * dtype.itemSize());
        Object recycled = pooled ? take(dtype, (int) numel) : null;
        CpuStorage s;
        if (recycled != null) {
            if (zeroed) {
                zero(recycled);
            }
            s = CpuStorage.over(dtype, recycled);
        } else {
            s = CpuStorage.allocateFresh(dtype, numel);
        }
        if (!zeroed && poison) {
            fillGarbage(s.array());
        }
        if (pooled) {
            CLEANER.register(s, new Return(this, dtype, s.array()));
        }
        return s;
    }

    /** A pooled array, held softly, and its size in bytes. */
    private static final class Free extends SoftReference<Object> {
        final long bytes;

        Free(Object array, long bytes) {
            super(array);
            this.bytes = bytes;
        }
    }

    /** {@return a free array of {@code dtype} and {@code length}, with its previous contents, or null} */
    synchronized Object take(DType dtype, int length) {
        ArrayDeque<Free> q = free.get(new Key(dtype, length));
        while (q != null && !q.isEmpty()) {
            Free f = q.pollLast();
            held -= f.bytes;
            Object a = f.get();
            if (a != null) {
                hits++;
                return a;
            }
        }
        misses++;
        return null;
    }

    /** Takes {@code array} of {@code dtype} back (the cleaner thread, once its storage is unreachable). */
    synchronized void give(DType dtype, Object array) {
        long b = bytes(array);
        if (b > capacity) {
            dropped++;
            return;
        }
        Key key = new Key(dtype, java.lang.reflect.Array.getLength(array));
        // Evict the least recently used lengths first (this one's own queue last).
        Iterator<Map.Entry<Key, ArrayDeque<Free>>> it = free.entrySet().iterator();
        while (held + b > capacity && it.hasNext()) {
            Map.Entry<Key, ArrayDeque<Free>> e = it.next();
            ArrayDeque<Free> q = e.getValue();
            while (held + b > capacity && !q.isEmpty()) {
                held -= q.pollFirst().bytes;
                dropped++;
            }
            if (q.isEmpty()) {
                it.remove();
            }
        }
        free.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Free(array, b));
        held += b;
        returned++;
    }

    /** The cleaning action: refers to the array and the pool, never to the storage. */
    private record Return(CpuArrayPool pool, DType dtype, Object array) implements Runnable {
        @Override
        public void run() {
            pool.give(dtype, array);
        }
    }

    /** {@return the bytes held now} */
    synchronized long heldBytes() {
        return held;
    }

    /** {@return {hits, misses, arrays returned, arrays dropped} so far} */
    synchronized long[] counters() {
        return new long[] {hits, misses, returned, dropped};
    }

    /** Sets every element of {@code array} to zero. */
    static void zero(Object array) {
        switch (array) {
            case float[] a -> Arrays.fill(a, 0f);
            case double[] a -> Arrays.fill(a, 0d);
            case long[] a -> Arrays.fill(a, 0L);
            case int[] a -> Arrays.fill(a, 0);
            case boolean[] a -> Arrays.fill(a, false);
            case byte[] a -> Arrays.fill(a, (byte) 0);
            case short[] a -> Arrays.fill(a, (short) 0);
            default -> throw new IllegalStateException("not a pooled array: " + array.getClass());
        }
    }

    /** Fills {@code array} with values no op should ever read back: NaN, 0x5A5A5A5A-style integers, true. */
    static void fillGarbage(Object array) {
        switch (array) {
            case float[] a -> Arrays.fill(a, Float.intBitsToFloat(0x7fc05a5a));
            case double[] a -> Arrays.fill(a, Double.longBitsToDouble(0x7ff85a5a5a5a5a5aL));
            case long[] a -> Arrays.fill(a, 0x5a5a5a5a5a5a5a5aL);
            case int[] a -> Arrays.fill(a, 0x5a5a5a5a);
            case boolean[] a -> Arrays.fill(a, true);
            case byte[] a -> Arrays.fill(a, (byte) 0x5a);
            // 0x7fda is a NaN both as float16 and as bfloat16 (and 32730 as int16).
            case short[] a -> Arrays.fill(a, (short) 0x7fda);
            default -> throw new IllegalStateException("not a storage array: " + array.getClass());
        }
    }

    /** {@return the size of {@code array}'s elements in bytes} */
    static long bytes(Object array) {
        return switch (array) {
            case float[] a -> 4L * a.length;
            case double[] a -> 8L * a.length;
            case long[] a -> 8L * a.length;
            case int[] a -> 4L * a.length;
            case boolean[] a -> a.length;
            case byte[] a -> a.length;
            case short[] a -> 2L * a.length;
            default -> throw new IllegalStateException("not a storage array: " + array.getClass());
        };
    }
}
