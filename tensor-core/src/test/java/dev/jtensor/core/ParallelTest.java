package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Parallel#forRange} over its helper threads: coverage, errors, nesting and concurrent callers. */
@Timeout(60)
class ParallelTest {
    private final int threads = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(threads);
    }

    /** Runs forRange and checks that the chunks cover [0, n) exactly once, in contiguous pieces. */
    private static void coversOnce(long n, long grain) {
        int[] hits = new int[(int) n];
        ConcurrentLinkedQueue<long[]> pieces = new ConcurrentLinkedQueue<>();
        Parallel.forRange(n, grain, (b, e) -> {
            pieces.add(new long[] {b, e});
            for (long i = b; i < e; i++) {
                hits[(int) i]++;
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, hits[i], "index " + i + " of " + n);
        }
        assertTrue(pieces.size() <= Math.max(1, Parallel.getNumThreads()), "pieces " + pieces.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void everyIndexRunsExactlyOnce(int numThreads) {
        Parallel.setNumThreads(numThreads);
        for (long n : new long[] {0, 1, 2, 7, 100, 1001, 65537}) {
            coversOnce(n, 1);
            coversOnce(n, 10);
        }
    }

    @Test
    void anExceptionInAHelperChunkReachesTheCaller() {
        Parallel.setNumThreads(4);
        IllegalArgumentException thrown = new IllegalArgumentException("chunk failed");
        for (int round = 0; round < 50; round++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Parallel.forRange(4000, 1, (b, end) -> {
                        if (b > 0) {
                            throw thrown;
                        }
                    }));
            assertSame(thrown, e);
        }
        // The pool still works afterwards.
        coversOnce(4000, 1);
    }

    @Test
    void anExceptionOnTheCallersChunkWaitsForTheHelpers() {
        Parallel.setNumThreads(2);
        AtomicLong helperDone = new AtomicLong();
        assertThrows(IllegalStateException.class, () -> Parallel.forRange(2, 1, (b, e) -> {
            if (b == 0) {
                throw new IllegalStateException("caller's chunk");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            helperDone.incrementAndGet();
        }));
        assertEquals(1, helperDone.get(), "the helper's chunk finished before forRange returned");
    }

    @Test
    void nestedRangesRunToCompletion() {
        Parallel.setNumThreads(3);
        AtomicLong sum = new AtomicLong();
        Parallel.forRange(30, 1, (b, e) -> {
            for (long i = b; i < e; i++) {
                long outer = i;
                Parallel.forRange(100, 1, (b2, e2) -> {
                    for (long j = b2; j < e2; j++) {
                        sum.addAndGet(outer * 100 + j);
                    }
                });
            }
        });
        assertEquals(2999L * 3000 / 2, sum.get());
    }

    @Test
    void concurrentCallersEachGetTheirWholeRange() throws Exception {
        Parallel.setNumThreads(2);
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 300; round++) {
                        AtomicLong sum = new AtomicLong();
                        Parallel.forRange(1000, 1, (b, e) -> {
                            long s = 0;
                            for (long i = b; i < e; i++) {
                                s += i;
                            }
                            sum.addAndGet(s);
                        });
                        assertEquals(999L * 1000 / 2, sum.get());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            ts.add(t);
        }
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
    }
}
