package dev.jtensor.cuda;

/**
 * A 1-D launch configuration. Kernels are grid-stride loops, so the grid only has to be large
 * enough to fill the GPU: one thread per element up to {@link #BLOCKS_PER_SM} blocks per
 * multiprocessor, never an empty grid.
 *
 * @param blocks blocks in the grid (x)
 * @param threads threads per block (x)
 */
record LaunchConfig(int blocks, int threads) {
    /** Threads per block of the elementwise kernels: a multiple of the warp size that suits every arch from sm_75. */
    static final int THREADS = 256;
    /** Resident blocks per multiprocessor worth launching for a grid-stride loop. */
    static final int BLOCKS_PER_SM = 32;

    /** The configuration for {@code n} independent elements on a GPU with {@code multiprocessors} SMs. */
    static LaunchConfig forElements(long n, int multiprocessors) {
        if (n < 0) {
            throw new IllegalArgumentException("negative element count " + n);
        }
        long needed = ceilDiv(n, THREADS);
        long cap = (long) Math.max(1, multiprocessors) * BLOCKS_PER_SM;
        return new LaunchConfig((int) Math.max(1, Math.min(needed, cap)), THREADS);
    }

    /** The most threads a reduction block uses. */
    static final int MAX_REDUCE_THREADS = 256;
    /** Shared memory per reduction thread: the largest partial result is a (value, int64 index) pair. */
    static final int REDUCE_SHARED_PER_THREAD = 16;

    /**
     * The configuration for {@code lines} independent reductions of {@code reduceSize} elements: one
     * block per line (grid-stride over lines), with a power-of-two block size between a warp and
     * {@value #MAX_REDUCE_THREADS} threads that depends on {@code reduceSize} only, so the order in
     * which a line's elements are combined, and hence its rounding, never depends on the line count.
     */
    static LaunchConfig forReduction(long lines, int reduceSize, int multiprocessors) {
        if (lines < 0 || reduceSize < 1) {
            throw new IllegalArgumentException("reduction of " + lines + " lines of " + reduceSize + " elements");
        }
        int threads = 32;
        while (threads < reduceSize && threads < MAX_REDUCE_THREADS) {
            threads <<= 1;
        }
        long cap = (long) Math.max(1, multiprocessors) * BLOCKS_PER_SM;
        return new LaunchConfig((int) Math.max(1, Math.min(lines, cap)), threads);
    }

    /** Dynamic shared memory of a reduction launch. */
    int reductionSharedBytes() {
        return threads * REDUCE_SHARED_PER_THREAD;
    }

    /** {@code ceil(a / b)} for {@code a >= 0}, {@code b > 0}. */
    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
