package dev.jtensor.core;


/**
 * The library's intra-op parallelism (PyTorch's {@code torch.set_num_threads}): large kernels split
 * their iteration range into contiguous chunks, one per thread, and only above a grain size, so
 * small ops run on the caller's thread. Results never depend on the thread count: reductions
 * split only over independent outputs.
 */
public final class Parallel {
    /** Below this many elements of work an op runs on one thread (PyTorch's GRAIN_SIZE). */
    public static final long GRAIN_SIZE = 32768;

    private static volatile int numThreads = Runtime.getRuntime().availableProcessors();

    private Parallel() {}

    /**
     * Sets the number of threads used by kernels (1 = serial).
     *
     * @param n the count
     */
    public static synchronized void setNumThreads(int n) {
        if (n < 1) {
            throw new TensorException("number of threads must be positive, got " + n);
        }
        numThreads = n;
    }

    /** {@return the number of threads kernels use} */
    public static int getNumThreads() {
        return numThreads;
    }

    /** A body over the index range {@code [begin, end)}. */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Processes {@code [begin, end)}.
         *
         * @param begin the first position
         * @param end the end
         */
        void run(long begin, long end);
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split into at most {@link #getNumThreads()} chunks
     * of at least {@code grain} indices each.
     *
     * @param n the count
     * @param grain the minimum number of elements per task
     * @param body the body
     */
    public static void forRange(long n, long grain, RangeBody body) {
        long chunks = chunks(n, grain);
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        long step = (n + chunks - 1) / chunks;
        WorkerPool.run(n, step, (int) ((n + step - 1) / step), body);
    }

    /**
     * {@return whether {@link #forRange} would split {@code [0, n)} with this grain; when it would not, callers on
     * hot paths may run their body directly, without building the body object}
     *
     * @param n the count
     * @param grain the minimum number of elements per task
     */
    public static boolean splits(long n, long grain) {
        return chunks(n, grain) > 1;
    }

    private static long chunks(long n, long grain) {
        return Math.min(numThreads, n / Math.max(grain, 1));
    }
}
