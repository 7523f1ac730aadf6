package dev.jtensor.core.cpu;

import dev.jtensor.core.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * The float32 sum of a contiguous run, and the owner of JTensor's one summation order: every
 * float32 kernel whose result depends on the order of its additions (sums and means, the row sums
 * of softmax, log-softmax and cross-entropy and of their backward passes, the backward reductions)
 * adds in this order, on every path (scalar, 128-, 256- and 512-bit vectors) and on any number of
 * threads, so that a program gives the same bits on every CPU.
 *
 * <p><b>The order.</b> A run of {@code n} values is summed as follows.
 * <ol>
 *   <li>Runs longer than {@link #BLOCK} (256) are halved at a multiple of {@code BLOCK}
 *       ({@link #half}: {@code ceil(n / BLOCK) / 2} blocks on the left) and the two halves'
 *       sums added, left plus right, recursively: a pairwise sum of blocks, whose error grows
 *       with the logarithm of the length.</li>
 *   <li>A block of {@code b <= BLOCK} values has {@link #LANES} (32) virtual accumulators, all
 *       starting at {@code +0.0}. Its first {@code b - b % 32} values go, in groups of 32, value
 *       {@code j} of each group into accumulator {@code j}, groups in increasing order.</li>
 *   <li>The 32 accumulators are combined by the fixed tree {@link #tree}: for
 *       {@code h = 16, 8, 4, 2, 1}, {@code acc[j] = acc[j] + acc[j + h]} for {@code j < h};
 *       the block's partial sum is {@code acc[0]}.</li>
 *   <li>The last {@code b % 32} values are then added to it one by one, in increasing order.</li>
 * </ol>
 * A dot product ({@link SoftmaxRows#dot}) is the sum, in this order, of its products each rounded
 * to float32. The order is written in terms of 32 virtual lanes, not of the machine's vectors: a
 * 512-bit vector kernel holds the accumulators in 2 vectors of 16 lanes, a 256-bit one in 4 of 8,
 * a 128-bit one in 8 of 4 and the scalar twin in 32 floats, and the first tree levels become
 * vector additions. 32 accumulators keep two independent addition chains in flight at 512 bits
 * and eight at 128 bits, enough to hide the adder's latency on the loops that are not limited by
 * memory.
 *
 * <p>Two implementations share the recursion and differ only in how they sum blocks: {@link
 * #block}, and, with the same value, the recursion's last step ({@link #pair}: a full block and the
 * rest), which a vector kernel may read side by side. {@link ScalarFloatSum} (always present) and
 * {@code PanamaFloatSum} (the Vector API, at the width that {@link Simd} chose). {@link #best()} is
 * chosen once, on first use.
 */
abstract class FloatSumKernel {
    /**
     * The largest run summed by {@link #block}; halving happens at multiples of it. Each of the
     * {@link #LANES} accumulators adds at most 8 values before the tree, so that rounding errors
     * grow with the logarithm of a run's length almost from the first value: with blocks of 1024
     * the float32 mean of 1000 values near 1e4 was off by 0.9 ulp on average, with 256 by 0.4
     * (PyTorch's cascade sum: 0.4).
     */
    static final int BLOCK = 256;
    /** The number of virtual accumulators of a block (see the class comment). */
    static final int LANES = 32;
    /** Runs at most this long are summed on one thread by {@link #sumParallel}. */
    static final int PARALLEL_LEAF = 1 << 16;

    /** The sum of {@code a[off .. off+n)}, pairwise above {@link #BLOCK}. */
    final float sum(float[] a, int off, int n) {
        if (n <= BLOCK) {
            return block(a, off, n);
        }
        if (n <= 2 * BLOCK) {
            return pair(a, off, n);
        }
        int h = half(n);
        return sum(a, off, h) + sum(a, off + h, n - h);
    }

    /**
     * The sum of a run of {@code BLOCK < n <= 2 * BLOCK} values: the last step of the pairwise
     * recursion, a full block plus the block of the remaining {@code n - BLOCK} values, left plus
     * right ({@link #half} is {@code BLOCK} here). A vector kernel may read the two blocks side by
     * side; the value is the same.
     */
    float pair(float[] a, int off, int n) {
        return block(a, off, BLOCK) + block(a, off + BLOCK, n - BLOCK);
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

    /** The sum of a run of at most {@link #BLOCK} elements, in the order of the class comment. */
    abstract float block(float[] a, int off, int n);

    /**
     * Combines the {@link #LANES} accumulators in {@code acc} (which it overwrites) by the fixed
     * tree: for {@code h = 16, 8, 4, 2, 1}, {@code acc[j] += acc[j + h]} for {@code j < h}.
     * {@code from} is the first level to run, for callers that ran the wider levels as vector
     * additions: {@code acc} then holds the {@code 2 * from} accumulators that remain.
     *
     * @return {@code acc[0]} after the last level
     */
    static float tree(float[] acc, int from) {
        for (int h = from; h >= 1; h >>= 1) {
            for (int j = 0; j < h; j++) {
                acc[j] += acc[j + h];
            }
        }
        return acc[0];
    }

    /**
     * The sum of {@code n} values {@code s} apart from {@code a[p]} in the order of the class
     * comment (the scalar loop for strided runs; the same bits as {@link #sum} of the values
     * copied side by side).
     */
    static float sumStrided(float[] a, int p, int s, int n) {
        if (n <= BLOCK) {
            int full = n - n % LANES;
            float t = 0;
            if (full > 0) {
                float[] acc = new float[LANES];
                for (int g = 0; g < full; g += LANES, p += LANES * s) {
                    for (int j = 0, x = p; j < LANES; j++, x += s) {
                        acc[j] += a[x];
                    }
                }
                t = tree(acc, LANES / 2);
            }
            for (int i = full; i < n; i++, p += s) {
                t += a[p];
            }
            return t;
        }
        int h = half(n);
        return sumStrided(a, p, s, h) + sumStrided(a, p + h * s, s, n - h);
    }

    /** Which implementation this is, for logs and tests. */
    abstract String name();

    /** The scalar implementation. */
    static FloatSumKernel scalar() {
        return ScalarFloatSum.INSTANCE;
    }

    /** The implementation at the width {@link Simd} chose (chosen once). */
    static FloatSumKernel best() {
        return Holder.BEST;
    }

    /**
     * The Vector API implementation at {@code bits} (128, 256 or 512), or the scalar one for 0.
     * Only where the Vector API module is present for {@code bits > 0}.
     */
    static FloatSumKernel at(int bits) {
        if (bits == 0) {
            return ScalarFloatSum.INSTANCE;
        }
        try {
            // Loaded by name so that this class never links against the incubator module.
            return (FloatSumKernel) Class.forName(FloatSumKernel.class.getPackageName() + ".PanamaFloatSum")
                    .getDeclaredConstructor(int.class).newInstance(bits);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API float sum could not be created at " + bits + " bits", e);
        }
    }

    /** Lazy holder: the choice is made once, on first use, and never in a class initialiser cycle. */
    private static final class Holder {
        static final FloatSumKernel BEST = at(Simd.bits());
    }
}
