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
    private static final Helper[] NONE = new Helper[0];
    private static volatile Helper[] helpers = NONE;

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
        void await() {
            long spinUntil = spinDeadline();
            while (!done) {
                waitStep(spinUntil, this);
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
            long spinUntil = spinDeadline();
            Chunk c;
            while ((c = slot.get()) == null) {
                waitStep(spinUntil, this);
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
        Helper[] hs = Thread.currentThread() instanceof Helper ? NONE : helpers(chunks - 1);
        // handed[i]: chunk i's hand-off to a helper, null for chunk 0 and those the caller runs.
        Chunk[] handed = new Chunk[chunks];
        int next = 0;
        for (int i = 1; i < chunks; i++) {
            long begin = i * step;
            Chunk c = new Chunk(body, begin, Math.min(n, begin + step));
            while (next < hs.length && handed[i] == null) {
                if (hs[next++].offer(c)) {
                    handed[i] = c;
                }
            }
        }
        Throwable first = null;
        try {
            for (int i = 0; i < chunks; i++) {
                if (handed[i] == null) {
                    body.run(i * step, Math.min(n, (i + 1) * step));
                }
            }
        } catch (Throwable t) {
            first = t;
        }
        for (Chunk c : handed) {
            if (c == null) {
                continue;
            }
            try {
                c.await(); // every handed chunk is waited for, so none outlives the call
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                }
            }
        }
        rethrow(first);
    }

    /** When a spinning wait that starts now ends; 0 (park at once) when threads outnumber processors. */
    private static long spinDeadline() {
        boolean spin = Parallel.getNumThreads() <= Runtime.getRuntime().availableProcessors();
        return spin ? System.nanoTime() + SPIN_NANOS : 0;
    }

    /** One step of a wait: a spin hint before {@code spinUntil}, a park after it (or with no spinning). */
    private static void waitStep(long spinUntil, Object blocker) {
        if (spinUntil != 0 && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        } else {
            LockSupport.park(blocker);
        }
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
