package dev.jtensor.core.cpu;

import dev.jtensor.core.Parallel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The float32 sum of a contiguous run, the hot loop of {@code sum}/{@code mean} over contiguous
 * rows. It accumulates in float as PyTorch does, but pairwise: the run is halved (at multiples of
 * {@link #BLOCK}) until pieces fit a block, and each block is summed with several independent
 * accumulators, so the error grows with the logarithm of the length rather than with the length.
 *
 * <p>Two implementations share the recursion and differ only in {@link #block}: {@link
 * ScalarFloatSum} (always present) and {@code PanamaFloatSum} (the Vector API, used when the
 * {@code jdk.incubator.vector} module is present). {@link #best()} is chosen once, on first use, and
 * a missing Vector API is logged with its reason (the Lucene {@code VectorizationProvider} pattern).
 */
abstract class FloatSumKernel {
    /**
     * The largest run summed by {@link #block}; halving happens at multiples of it. 1024 values
     * (4 KiB): a row of that length is one block with one lane reduction, and each accumulator
     * lane (32 with AVX2, 8 in the scalar twin) adds at most 128 of them before the pairwise steps.
     */
    static final int BLOCK = 1024;
    /** Runs at most this long are summed on one thread by {@link #sumParallel}. */
    static final int PARALLEL_LEAF = 1 << 16;

    /** The sum of {@code a[off .. off+n)}, pairwise above {@link #BLOCK}. */
    final float sum(float[] a, int off, int n) {
        if (n <= BLOCK) {
            return block(a, off, n);
        }
        int h = half(n);
        return sum(a, off, h) + sum(a, off + h, n - h);
    }

    /**
     * The sums of two runs of the same length, {@code out[0]} of {@code a[p .. p+n)} and
     * {@code out[1]} of {@code a[q .. q+n)}: bit for bit what {@link #sum} gives each, with the two
     * runs read side by side. Two memory streams at once let the processor overlap their cache
     * misses, which is what a row-wise sum of a large matrix waits on.
     */
    final void sum2(float[] a, int p, int q, int n, float[] out) {
        if (n <= BLOCK) {
            block2(a, p, q, n, out);
            return;
        }
        int h = half(n);
        sum2(a, p, q, h, out);
        float left0 = out[0];
        float left1 = out[1];
        sum2(a, p + h, q + h, n - h, out);
        out[0] = left0 + out[0];
        out[1] = left1 + out[1];
    }

    /** {@link #block} of two runs of at most {@link #BLOCK} elements, into {@code out[0]} and {@code out[1]}. */
    void block2(float[] a, int p, int q, int n, float[] out) {
        out[0] = block(a, p, n);
        out[1] = block(a, q, n);
    }

    /**
     * The same value as {@link #sum} (bit for bit, whatever the thread count): the subtrees of the
     * pairwise recursion of at most {@link #PARALLEL_LEAF} elements are summed in parallel and then
     * combined in the recursion's order.
     */
    final float sumParallel(float[] a, int off, int n) {
        if (n <= PARALLEL_LEAF) {
            return sum(a, off, n);
        }
        List<int[]> leaves = new ArrayList<>();
        collectLeaves(off, n, leaves);
        float[] partial = new float[leaves.size()];
        Parallel.forRange(leaves.size(), 1, (b, e) -> {
            for (int i = (int) b; i < e; i++) {
                int[] leaf = leaves.get(i);
                partial[i] = sum(a, leaf[0], leaf[1]);
            }
        });
        return combine(n, partial, new int[1]);
    }

    private static void collectLeaves(int off, int n, List<int[]> leaves) {
        if (n <= PARALLEL_LEAF) {
            leaves.add(new int[] {off, n});
            return;
        }
        int h = half(n);
        collectLeaves(off, h, leaves);
        collectLeaves(off + h, n - h, leaves);
    }

    private static float combine(int n, float[] partial, int[] next) {
        if (n <= PARALLEL_LEAF) {
            return partial[next[0]++];
        }
        int h = half(n);
        float left = combine(h, partial, next);
        return left + combine(n - h, partial, next);
    }

    /** Where a run of {@code n > BLOCK} elements is split: about half, at a multiple of {@link #BLOCK}. */
    static int half(int n) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        return (blocks / 2) * BLOCK;
    }

    /** The sum of a run of at most {@link #BLOCK} elements. */
    abstract float block(float[] a, int off, int n);

    /** Which implementation this is, for logs and tests. */
    abstract String name();

    /** The scalar implementation. */
    static FloatSumKernel scalar() {
        return ScalarFloatSum.INSTANCE;
    }

    /** The Vector API implementation if it can run here, else the scalar one (chosen once). */
    static FloatSumKernel best() {
        return Holder.BEST;
    }

    /** The Vector API implementation, or null with the reason logged. */
    static FloatSumKernel panamaOrNull() {
        return Holder.PANAMA;
    }

    /** Lazy holder: the lookup runs once, on first use, and never in a class initialiser cycle. */
    private static final class Holder {
        private static final Logger LOG = LoggerFactory.getLogger(FloatSumKernel.class);
        static final FloatSumKernel PANAMA = lookupPanama();
        static final FloatSumKernel BEST = PANAMA != null ? PANAMA : ScalarFloatSum.INSTANCE;

        private static FloatSumKernel lookupPanama() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                LOG.warn("Vector API not available (start the JVM with '--add-modules jdk.incubator.vector'): "
                        + "float32 sums use the scalar kernel");
                return null;
            }
            try {
                // Loaded by name so that this class never links against the incubator module.
                Class<?> c = Class.forName(FloatSumKernel.class.getPackageName() + ".PanamaFloatSum");
                FloatSumKernel k = (FloatSumKernel) c.getDeclaredConstructor().newInstance();
                LOG.debug("float32 sums use the Vector API kernel ({})", k.name());
                return k;
            } catch (LinkageError | ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                LOG.warn("Vector API not usable ({}): float32 sums use the scalar kernel", cause.toString());
                return null;
            }
        }
    }
}
