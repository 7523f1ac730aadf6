package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.TensorIterator;

/**
 * Gather and scatter kernels over advanced indices (see {@code Backend.indexGather} and
 * {@code Backend.indexPut}). Rows whose index operands all have inner stride 0 share one source
 * (or destination) position and become a single strided copy, {@code System.arraycopy} when both
 * sides are contiguous: that is the embedding-lookup case, whole table rows per index. Other rows
 * are processed in blocks: the element offsets of a block are computed first, then one typed loop
 * moves the elements, so the dtype is dispatched per block, never per element.
 */
final class IndexKernels {
    /** Elements per block of precomputed offsets. */
    private static final int BLOCK = 256;
    /**
     * Whole-row copies queued at most before they are made (12 bytes each, 96 KiB in all). Long
     * runs of copies were measured faster than runs of 256: the [50000, 256] table lookup by
     * [64, 128] took 2.3-3.1 ms with 8192 rows per run against 3.1-3.9 ms with 256.
     */
    private static final int ROW_QUEUE = 8192;

    private IndexKernels() {}

    /** Operand data of the iterator gathered once per call, so row kernels only read fields. */
    private record Operands(Object data, Object other, long[][] idx, int[] idxStride, long[] sizes, long[] strides,
            int dataStride, int otherStride, boolean constantRows) {

        static Operands of(TensorIterator it, long[] sizes, long[] strides) {
            int k = sizes.length;
            long[][] idx = new long[k][];
            int[] is = new int[k];
            boolean constant = true;
            for (int j = 0; j < k; j++) {
                idx[j] = (long[]) CpuBackend.array(it, 2 + j);
                is[j] = it.innerStride(2 + j);
                constant &= is[j] == 0;
            }
            return new Operands(CpuBackend.array(it, 0), CpuBackend.array(it, 1), idx, is, sizes, strides,
                    it.innerStride(0), it.innerStride(1), constant);
        }

        /** The storage offset in operand 1 of the row element {@code i}. */
        long offset(int[] off, int i, long base) {
            long p = base + (long) i * otherStride;
            for (int j = 0; j < idx.length; j++) {
                long v = idx[j][off[2 + j] + i * idxStride[j]];
                p += (v < 0 ? v + sizes[j] : v) * strides[j];
            }
            return p;
        }

        /** The storage offset in operand 1 of a row whose indices are constant along it. */
        long rowBase(int[] off) {
            long p = off[1];
            for (int j = 0; j < idx.length; j++) {
                long v = idx[j][off[2 + j]];
                p += (v < 0 ? v + sizes[j] : v) * strides[j];
            }
            return p;
        }
    }

    static void gather(TensorIterator it, long[] sizes, long[] strides) {
        Operands ops = Operands.of(it, sizes, strides);
        Parallel.forRange(it.numel(), Parallel.GRAIN_SIZE, (begin, end) -> {
            if (ops.constantRows) {
                // A range can start and end inside rows: at most two rows more than whole ones.
                RowCopies rows = new RowCopies(ops, (end - begin) / Math.max(1, it.rowLength()) + 2);
                it.forEachRow(begin, end, (off, n) -> rows.add(off[0], (int) ops.rowBase(off), n));
                rows.flush();
                return;
            }
            int[] buf = new int[BLOCK];
            it.forEachRow(begin, end, (off, n) -> {
                for (int start = 0; start < n; start += BLOCK) {
                    int m = Math.min(BLOCK, n - start);
                    for (int i = 0; i < m; i++) {
                        buf[i] = (int) ops.offset(off, start + i, off[1]);
                    }
                    gatherBlock(ops.data, off[0] + start * ops.dataStride, ops.dataStride, ops.other, buf, m);
                }
            });
        });
    }

    /**
     * Whole-row copies of a gather, queued and then done in a tight loop of their own: the rows of
     * a table lookup are scattered in memory, and a loop that does nothing but copy lets the
     * processor overlap the cache misses of several rows (measured on [50000, 256] by [64, 128]:
     * 1.4 ms against 2.6 ms for the same copies made one per iterator callback).
     */
    private static final class RowCopies {
        private final Operands ops;
        private final int[] dst;
        private final int[] src;
        private final int[] len;
        private int count;

        /** A queue for up to {@code rows} copies (at most {@link #ROW_QUEUE}). */
        RowCopies(Operands ops, long rows) {
            this.ops = ops;
            int n = (int) Math.max(1, Math.min(ROW_QUEUE, rows));
            dst = new int[n];
            src = new int[n];
            len = new int[n];
        }

        void add(int to, int from, int n) {
            if (count == dst.length) {
                flush();
            }
            dst[count] = to;
            src[count] = from;
            len[count] = n;
            count++;
        }

        void flush() {
            if (ops.dataStride == 1 && ops.otherStride == 1 && ops.data instanceof float[] d) {
                // The embedding case, with static types so that C2 calls the float copy directly.
                float[] s = (float[]) ops.other;
                for (int j = 0; j < count; j++) {
                    System.arraycopy(s, src[j], d, dst[j], len[j]);
                }
            } else if (ops.dataStride == 1 && ops.otherStride == 1) {
                // Source and output have the same array type (the op made the output so).
                for (int j = 0; j < count; j++) {
                    System.arraycopy(ops.other, src[j], ops.data, dst[j], len[j]);
                }
            } else {
                for (int j = 0; j < count; j++) {
                    CastKernels.copyRow(ops.data, dst[j], ops.dataStride, ops.other, src[j], ops.otherStride, len[j]);
                }
            }
            count = 0;
        }
    }

    private static void gatherBlock(Object out, int o, int os, Object src, int[] at, int m) {
        switch (out) {
            case float[] d -> {
                float[] s = (float[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            case double[] d -> {
                double[] s = (double[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            case long[] d -> {
                long[] s = (long[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            case int[] d -> {
                int[] s = (int[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            case boolean[] d -> {
                boolean[] s = (boolean[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            case short[] d -> {
                short[] s = (short[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            case byte[] d -> {
                byte[] s = (byte[]) src;
                for (int i = 0; i < m; i++, o += os) d[o] = s[at[i]];
            }
            default -> throw new IllegalStateException("unsupported storage " + out.getClass());
        }
    }

    /**
     * Serial on purpose: with accumulate, duplicate positions must add up without races, and
     * without it the last value in iteration order wins, whatever the thread count.
     */
    static void put(TensorIterator it, long[] sizes, long[] strides, boolean accumulate, double alpha) {
        Operands ops = Operands.of(it, sizes, strides);
        int[] buf = new int[BLOCK];
        DType dt = it.operand(1).dtype();
        if (dt.isReduced()) {
            // The small dtypes: element by element; an accumulating put adds in the compute type and rounds (or
            // wraps) each sum, as PyTorch's `dst += src` on Half, BFloat16 and the small integers does.
            it.forEachRow((off, n) -> {
                for (int i = 0; i < n; i++) {
                    int at = (int) ops.offset(off, i, off[1]);
                    int v = off[0] + i * ops.dataStride;
                    if (!accumulate) {
                        CastKernels.copyRow(ops.other, at, 1, ops.data, v, 1, 1);
                    } else if (dt.isFloatingPoint()) {
                        float sum = (float) CastKernels.getDouble(ops.other, dt, at)
                                + (float) alpha * (float) CastKernels.getDouble(ops.data, dt, v);
                        CastKernels.putDouble(ops.other, dt, at, sum);
                    } else {
                        CastKernels.putLong(ops.other, dt, at, CastKernels.getLong(ops.other, dt, at)
                                + (long) alpha * CastKernels.getLong(ops.data, dt, v));
                    }
                }
            });
            return;
        }
        it.forEachRow((off, n) -> {
            if (ops.constantRows && !accumulate) {
                CastKernels.copyRow(ops.other, (int) ops.rowBase(off), ops.otherStride, ops.data, off[0],
                        ops.dataStride, n);
                return;
            }
            if (ops.constantRows) {
                addRow(ops.other, (int) ops.rowBase(off), ops.otherStride, ops.data, off[0], ops.dataStride, n, alpha);
                return;
            }
            for (int start = 0; start < n; start += BLOCK) {
                int m = Math.min(BLOCK, n - start);
                for (int i = 0; i < m; i++) {
                    buf[i] = (int) ops.offset(off, start + i, off[1]);
                }
                putBlock(ops.other, buf, ops.data, off[0] + start * ops.dataStride, ops.dataStride, m, accumulate,
                        alpha);
            }
        });
    }

    /** {@code dst[d + i*ds] += alpha * values[v + i*vs]} for {@code i < n} (bool: or). */
    private static void addRow(Object dst, int d, int ds, Object values, int v, int vs, int n, double alpha) {
        switch (dst) {
            case float[] o -> {
                float[] s = (float[]) values;
                float a = (float) alpha;
                for (int i = 0; i < n; i++, d += ds, v += vs) o[d] += a * s[v];
            }
            case double[] o -> {
                double[] s = (double[]) values;
                for (int i = 0; i < n; i++, d += ds, v += vs) o[d] += alpha * s[v];
            }
            case long[] o -> {
                long[] s = (long[]) values;
                long a = (long) alpha;
                for (int i = 0; i < n; i++, d += ds, v += vs) o[d] += a * s[v];
            }
            case int[] o -> {
                int[] s = (int[]) values;
                int a = (int) (long) alpha;
                for (int i = 0; i < n; i++, d += ds, v += vs) o[d] += a * s[v];
            }
            case boolean[] o -> {
                boolean[] s = (boolean[]) values;
                boolean a = alpha != 0;
                for (int i = 0; i < n; i++, d += ds, v += vs) o[d] |= a && s[v];
            }
            default -> throw new IllegalStateException("unsupported storage " + dst.getClass());
        }
    }

    private static void putBlock(Object dst, int[] at, Object values, int v, int vs, int m, boolean accumulate,
            double alpha) {
        switch (dst) {
            case float[] d -> {
                float[] s = (float[]) values;
                if (accumulate) {
                    float a = (float) alpha;
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] += a * s[v];
                } else {
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] = s[v];
                }
            }
            case double[] d -> {
                double[] s = (double[]) values;
                if (accumulate) {
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] += alpha * s[v];
                } else {
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] = s[v];
                }
            }
            case long[] d -> {
                long[] s = (long[]) values;
                if (accumulate) {
                    long a = (long) alpha;
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] += a * s[v];
                } else {
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] = s[v];
                }
            }
            case int[] d -> {
                int[] s = (int[]) values;
                if (accumulate) {
                    int a = (int) (long) alpha;
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] += a * s[v];
                } else {
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] = s[v];
                }
            }
            case boolean[] d -> {
                boolean[] s = (boolean[]) values;
                if (accumulate) {
                    boolean a = alpha != 0;
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] |= a && s[v];
                } else {
                    for (int i = 0; i < m; i++, v += vs) d[at[i]] = s[v];
                }
            }
            default -> throw new IllegalStateException("unsupported storage " + dst.getClass());
        }
    }

    static long countNonzero(Tensor input) {
        Object a = ((CpuStorage) input.storage()).array();
        int from = (int) input.storageOffset();
        int to = from + (int) input.numel();
        long count = 0;
        switch (a) {
            case float[] x -> { for (int i = from; i < to; i++) if (x[i] != 0f) count++; }
            case double[] x -> { for (int i = from; i < to; i++) if (x[i] != 0d) count++; }
            case long[] x -> { for (int i = from; i < to; i++) if (x[i] != 0L) count++; }
            case int[] x -> { for (int i = from; i < to; i++) if (x[i] != 0) count++; }
            case boolean[] x -> { for (int i = from; i < to; i++) if (x[i]) count++; }
            case byte[] x -> { for (int i = from; i < to; i++) if (x[i] != 0) count++; }
            case short[] x -> {
                int mask = zeroMask(input.dtype());
                for (int i = from; i < to; i++) if ((x[i] & mask) != 0) count++;
            }
            default -> throw new IllegalStateException("unsupported storage " + a.getClass());
        }
        return count;
    }

    static void nonzero(Tensor input, Tensor out) {
        Object a = ((CpuStorage) input.storage()).array();
        long[] o = (long[]) ((CpuStorage) out.storage()).array();
        int nd = input.dim();
        long[] shape = input.shape();
        long[] coord = new long[nd];
        int from = (int) input.storageOffset();
        int n = (int) input.numel();
        int w = (int) out.storageOffset();
        boolean[] nz = new boolean[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int m = Math.min(BLOCK, n - start);
            nonzeroBlock(a, zeroMask(input.dtype()), from + start, m, nz);
            for (int i = 0; i < m; i++) {
                if (nz[i]) {
                    System.arraycopy(coord, 0, o, w, nd);
                    w += nd;
                }
                // Row-major odometer over the coordinates.
                for (int d = nd - 1; d >= 0; d--) {
                    if (++coord[d] < shape[d]) {
                        break;
                    }
                    coord[d] = 0;
                }
            }
        }
    }

    /**
     * The bits of a 16-bit element that make it non-zero: all of an int16, all but the sign of float16 and bfloat16
     * (whose -0.0 is zero).
     */
    private static int zeroMask(DType t) {
        return t.isFloatingPoint() ? 0x7FFF : 0xFFFF;
    }

    /** {@code nz[i] = a[from + i] != 0} for {@code i < m}; NaN is non-zero. */
    private static void nonzeroBlock(Object a, int mask, int from, int m, boolean[] nz) {
        switch (a) {
            case float[] x -> { for (int i = 0; i < m; i++) nz[i] = x[from + i] != 0f; }
            case double[] x -> { for (int i = 0; i < m; i++) nz[i] = x[from + i] != 0d; }
            case long[] x -> { for (int i = 0; i < m; i++) nz[i] = x[from + i] != 0L; }
            case int[] x -> { for (int i = 0; i < m; i++) nz[i] = x[from + i] != 0; }
            case boolean[] x -> System.arraycopy(x, from, nz, 0, m);
            case byte[] x -> { for (int i = 0; i < m; i++) nz[i] = x[from + i] != 0; }
            case short[] x -> { for (int i = 0; i < m; i++) nz[i] = (x[from + i] & mask) != 0; }
            default -> throw new IllegalStateException("unsupported storage " + a.getClass());
        }
    }
}
