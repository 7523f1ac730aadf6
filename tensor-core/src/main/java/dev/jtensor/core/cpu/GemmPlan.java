package dev.jtensor.core.cpu;

import dev.jtensor.core.Parallel;
import dev.jtensor.core.spi.GemmSpec;

/**
 * How a {@link GemmSpec} runs on the CPU: its batch dims normalised, and its work cut into tasks
 * for {@link Parallel}.
 *
 * <p>Normalising drops batch dims of size 1 and folds a batch dim into {@code m} where that is
 * exact: B broadcast along it (batch stride 0) while A's and C's matrices follow each other row
 * after row, as for {@code [b, m, k] @ [k, n]}. The folded product is one large GEMM instead of
 * {@code b} small ones that each re-pack B.
 *
 * <p>A task is one rectangle of one output matrix: the matrix's rows or columns are split into
 * {@code parts} ranges on the kernel's tile grid ({@code mr} rows, {@code nr} columns). The split
 * only decides which thread computes which output elements; every element is computed by the same
 * sequence of operations whatever the thread count (k is never split), so results are bitwise
 * independent of {@link Parallel#getNumThreads()}.
 */
final class GemmPlan {
    /** Below this many multiply-adds a chunk of tasks is not worth handing to another thread. */
    static final long MIN_MACS_PER_CHUNK = 1L << 18;
    /**
     * Below this many multiply-adds per thread a packed product is not split: waking a helper
     * thread and handing it row blocks costs more than it saves (measured: a 128 x 128 x 128
     * product, 2M multiply-adds, runs slower on 2 threads than on 1).
     */
    static final long MIN_MACS_PER_THREAD = 1L << 22;

    /**
     * Whether the plan computes {@code C^T = B^T @ A^T}: then "a" below is the spec's B
     * transposed, "b" its A transposed, and C is walked transposed.
     */
    final boolean swapped;
    final int m;
    final int n;
    final int k;
    final int rsa;
    final int csa;
    final int rsb;
    final int csb;
    final int rsc;
    final int csc;
    final long aOffset;
    final long bOffset;
    final long cOffset;
    /** Remaining batch dims, innermost last, with each operand's strides along them. */
    final long[] batchShape;
    final long[] aBatch;
    final long[] bBatch;
    final long[] cBatch;
    final long batches;
    /** Ranges per matrix, and whether they cut the columns (else the rows). */
    final int parts;
    final boolean splitColumns;
    final int mr;
    final int nr;

    /** Plans {@code spec} for a kernel with {@code mr x nr} register tiles. */
    GemmPlan(GemmSpec spec, int mr, int nr) {
        this.mr = mr;
        this.nr = nr;
        GemmSpec.Operand a = spec.a();
        GemmSpec.Operand b = spec.b();
        GemmSpec.Operand c = spec.c();
        long[] shape = spec.batchShape();
        long[] sa = a.batchStrides();
        long[] sb = b.batchStrides();
        long[] sc = c.batchStrides();
        long mm = spec.m();
        long ra = a.rowStride();
        long rc = c.rowStride();
        // Drop size-1 batch dims: they contribute nothing to any offset.
        int nd = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                shape[nd] = shape[d];
                sa[nd] = sa[d];
                sb[nd] = sb[d];
                sc[nd] = sc[d];
                nd++;
            }
        }
        // Fold the innermost batch dims into m while B is broadcast along them and A's and C's
        // matrices are stacked row after row (a row stride of a 1-row matrix is free to choose).
        while (nd > 0 && sb[nd - 1] == 0 && mm > 0) {
            long ra2 = mm == 1 ? sa[nd - 1] : ra;
            long rc2 = mm == 1 ? sc[nd - 1] : rc;
            if (sa[nd - 1] != mm * ra2 || sc[nd - 1] != mm * rc2) {
                break;
            }
            ra = ra2;
            rc = rc2;
            mm *= shape[nd - 1];
            nd--;
        }
        this.batchShape = java.util.Arrays.copyOf(shape, nd);
        long count = 1;
        for (long s : batchShape) {
            count *= s;
        }
        this.batches = count;
        // A narrow output (a matrix times a vector) wastes most of an mr x nr tile; the transposed
        // product C^T = B^T @ A^T fills it better and computes every element with the same
        // operations (the same products in the same k order), so it changes speed, not results.
        long nn = spec.n();
        this.swapped = padded(nn, mr) * padded(mm, nr) < padded(mm, mr) * padded(nn, nr);
        GemmSpec.Operand left = swapped ? b : a;
        GemmSpec.Operand right = swapped ? a : b;
        long[] leftBatch = swapped ? sb : sa;
        long[] rightBatch = swapped ? sa : sb;
        // Storages hold at most 2^31 - 9 elements, so sizes and strides of non-empty operands fit an int.
        this.m = (int) (swapped ? nn : mm);
        this.n = (int) (swapped ? mm : nn);
        this.k = (int) spec.k();
        this.rsa = (int) (swapped ? b.colStride() : ra);
        this.csa = (int) (swapped ? b.rowStride() : a.colStride());
        this.rsb = (int) (swapped ? a.colStride() : b.rowStride());
        this.csb = (int) (swapped ? ra : b.colStride());
        this.rsc = (int) (swapped ? c.colStride() : rc);
        this.csc = (int) (swapped ? rc : c.colStride());
        this.aOffset = left.offset();
        this.bOffset = right.offset();
        this.cOffset = c.offset();
        this.aBatch = java.util.Arrays.copyOf(leftBatch, nd);
        this.bBatch = java.util.Arrays.copyOf(rightBatch, nd);
        this.cBatch = java.util.Arrays.copyOf(sc, nd);

        int threads = Parallel.getNumThreads();
        boolean cols = n >= m;
        int tiles = cols ? ceilDiv(n, nr) : ceilDiv(m, mr);
        int p = 1;
        // Whole matrices balance well when there are many of them or they divide evenly.
        if (threads > 1 && !(batches % threads == 0 || batches >= 8L * threads)) {
            p = Math.min(threads, Math.max(tiles, 1));
        }
        this.parts = p;
        this.splitColumns = cols;
    }

    /**
     * Threads for one matrix's product when matrices run one after another: the thread count,
     * fewer when the product is too small to be worth sharing ({@link #MIN_MACS_PER_THREAD} each).
     */
    int threadsPerMatrix() {
        long macs = (long) m * n * Math.max(k, 1);
        return (int) Math.max(1, Math.min(Parallel.getNumThreads(), macs / MIN_MACS_PER_THREAD));
    }

    /** Whether there is nothing to compute: an empty batch or an empty output. */
    boolean emptyOutput() {
        return batches == 0 || m == 0 || n == 0;
    }

    /** The number of tasks: {@code parts} per matrix. */
    long tasks() {
        return batches * parts;
    }

    /** The chunk grain for {@link Parallel#forRange}: enough tasks to be worth a thread. */
    long grain() {
        long macsPerTask = Math.max(1L, (long) m * n * Math.max(k, 1) / parts);
        return Math.max(1L, MIN_MACS_PER_CHUNK / macsPerTask);
    }

    /**
     * Storage offsets of the left operand, the right operand and C of batch {@code index}
     * (row-major over the batch shape); the left operand is the spec's B when {@link #swapped}.
     */
    void offsets(long index, long[] out) {
        long ao = aOffset;
        long bo = bOffset;
        long co = cOffset;
        long rem = index;
        for (int d = batchShape.length - 1; d >= 0; d--) {
            long i = rem % batchShape[d];
            rem /= batchShape[d];
            ao += i * aBatch[d];
            bo += i * bBatch[d];
            co += i * cBatch[d];
        }
        out[0] = ao;
        out[1] = bo;
        out[2] = co;
    }

    /** Row range {@code [r[0], r[1])} and column range {@code [r[2], r[3])} of part {@code part}. */
    void region(int part, int[] r) {
        if (splitColumns) {
            int tiles = ceilDiv(n, nr);
            r[0] = 0;
            r[1] = m;
            r[2] = Math.min(n, (int) ((long) part * tiles / parts) * nr);
            r[3] = Math.min(n, (int) ((long) (part + 1) * tiles / parts) * nr);
        } else {
            int tiles = ceilDiv(m, mr);
            r[0] = Math.min(m, (int) ((long) part * tiles / parts) * mr);
            r[1] = Math.min(m, (int) ((long) (part + 1) * tiles / parts) * mr);
            r[2] = 0;
            r[3] = n;
        }
    }

    /** A body over one task: the storage offsets of its matrices and its region. */
    @FunctionalInterface
    interface TaskBody {
        /** Computes rows {@code [i0, i1)} and columns {@code [j0, j1)} of the matrices at the offsets. */
        void run(int aOff, int bOff, int cOff, int i0, int i1, int j0, int j1);
    }

    /** Runs every task, split across threads by whole tasks; {@code perChunk} makes a body per thread chunk. */
    void forEachTask(java.util.function.Supplier<TaskBody> perChunk) {
        Parallel.forRange(tasks(), grain(), (begin, end) -> {
            TaskBody body = perChunk.get();
            long[] off = new long[3];
            int[] r = new int[4];
            for (long t = begin; t < end; t++) {
                offsets(t / parts, off);
                region((int) (t % parts), r);
                if (r[0] < r[1] && r[2] < r[3]) {
                    body.run((int) off[0], (int) off[1], (int) off[2], r[0], r[1], r[2], r[3]);
                }
            }
        });
    }

    private static long padded(long size, int tile) {
        return (size + tile - 1) / tile * tile;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
