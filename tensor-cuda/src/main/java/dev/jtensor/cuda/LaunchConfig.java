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

    /** {@code ceil(a / b)} for {@code a >= 0}, {@code b > 0}. */
    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
