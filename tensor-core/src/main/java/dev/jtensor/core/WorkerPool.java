package dev.jtensor.core;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads behind {@link Parallel#forRange}: one slot per helper, claimed by a caller
 * with a compare-and-set, so a caller never waits for a helper to become free (a chunk no helper
 * takes runs on the caller's thread). Idle helpers spin for {@link #SPIN_NANOS} before parking,
 * and a caller spins as long while its chunks finish, as OpenMP runtimes do: back-to-back parallel
 * ops then cost no thread wake-up, where a parking pool paid 40-100 us per op on this project's
 * virtual machine (two wake-ups: the helper's and the caller's). Spinning is skipped when more
 * threads are asked for than there are processors, where it would take time from working threads.
 */
final class WorkerPool {
    /** How long an idle helper, or a caller waiting for its chunks, spins before parking. */
    static final long SPIN_NANOS = 100_000;

    private static final Object LOCK = new Object();
    private static volatile Helper[] helpers = new Helper[0];

    private WorkerPool() {}

    /** One chunk of a range, run by a helper; the caller waits for {@link #done}. */
    static final class Chunk {
        private final Parallel.RangeBody body;
        private final long begin;
        private final long end;
        private final Thread owner;
        private volatile boolean done;
        private Throwable failure;

        Chunk(Parallel.RangeBody body, long begin, long end) {
            this.body = body;
            this.begin = begin;
            this.end = end;
            this.owner = Thread.currentThread();
        }

        /** Runs the body, keeping what it throws for {@link #await}. */
        void execute() {
            try {
                body.run(begin, end);
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Tells the waiting caller that the chunk is done. */
        void finish() {
            done = true; // publishes failure
            LockSupport.unpark(owner);
        }

        /** Waits until a helper has run this chunk, then rethrows what the body threw. */
        void await(boolean spin) {
            long spinUntil = spin ? System.nanoTime() + SPIN_NANOS : 0;
            while (!done) {
                if (spin && System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            rethrow(failure);
        }
    }

    /** A daemon thread that runs the chunks handed to its slot. */
    private static final class Helper extends Thread {
        private final AtomicReference<Chunk> slot = new AtomicReference<>();

        Helper(int index) {
            super("jtensor-" + index);
            setDaemon(true);
        }

        boolean offer(Chunk c) {
            if (!slot.compareAndSet(null, c)) {
                return false;
            }
            LockSupport.unpark(this); // a permit if it is not parked yet, so no wake-up is lost
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Chunk c = awaitChunk();
                c.execute();
                slot.set(null); // free again before the caller is told, so its next op finds it free
                c.finish();
            }
        }

        private Chunk awaitChunk() {
            boolean spin = Parallel.getNumThreads() <= Runtime.getRuntime().availableProcessors();
            long spinUntil = spin ? System.nanoTime() + SPIN_NANOS : 0;
            Chunk c;
            while ((c = slot.get()) == null) {
                if (spin && System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return c;
        }
    }

    /**
     * Runs {@code body} over {@code chunks} contiguous pieces of {@code [0, n)} of {@code step}
     * indices: the first on the calling thread, the others on free helpers (or on the calling
     * thread when none is free, and always when the caller is itself a helper).
     */
    static void run(long n, long step, int chunks, Parallel.RangeBody body) {
        Helper[] hs = Thread.currentThread() instanceof Helper ? new Helper[0] : helpers(chunks - 1);
        Chunk[] handed = new Chunk[chunks];
        long[] inline = new long[chunks];
        int inlineCount = 0;
        int next = 0;
        for (int i = 1; i < chunks; i++) {
            long begin = i * step;
            Chunk c = new Chunk(body, begin, Math.min(n, begin + step));
            boolean taken = false;
            while (next < hs.length && !taken) {
                taken = hs[next++].offer(c);
            }
            if (taken) {
                handed[i] = c;
            } else {
                inline[inlineCount++] = begin;
            }
        }
        Throwable first = null;
        try {
            body.run(0, Math.min(n, step));
            for (int j = 0; j < inlineCount; j++) {
                body.run(inline[j], Math.min(n, inline[j] + step));
            }
        } catch (Throwable t) {
            first = t;
        }
        boolean spin = Parallel.getNumThreads() <= Runtime.getRuntime().availableProcessors();
        for (Chunk c : handed) {
            if (c == null) {
                continue;
            }
            try {
                c.await(spin); // every handed chunk is waited for, so none outlives the call
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                }
            }
        }
        rethrow(first);
    }

    /** Throws {@code t} as it is (bodies throw only unchecked exceptions); nothing when null. */
    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private static Helper[] helpers(int count) {
        Helper[] hs = helpers;
        if (hs.length >= count) {
            return hs;
        }
        synchronized (LOCK) {
            hs = helpers;
            if (hs.length < count) {
                Helper[] grown = java.util.Arrays.copyOf(hs, count);
                for (int i = hs.length; i < count; i++) {
                    grown[i] = new Helper(i);
                    grown[i].start();
                }
                helpers = grown;
                hs = grown;
            }
        }
        return hs;
    }
}
