package dev.jtensor.cuda;

/**
 * Maps a row-major matrix product onto cuBLAS, which is column-major.
 *
 * <p>The column-major reading of a row-major {@code [r, c]} buffer with row stride {@code ld} is its
 * transpose with leading dimension {@code ld}. So {@code C = A·B} (all row-major) is computed as
 * {@code Cᵀ = Bᵀ·Aᵀ}: cuBLAS gets B first and A second, with {@code m = N}, {@code n = M}, and
 * each operand's op flag telling whether its buffer must be transposed once more. An operand
 * stored column-major (a transposed view, unit row stride) needs no copy: its flag flips to
 * {@code T}. Anything else must be made contiguous first ({@link #layout} returns null).
 */
final class GemmMapping {
    private GemmMapping() {}

    /**
     * How a strided {@code [rows, cols]} matrix lies in memory, as seen by a row-major product.
     *
     * @param transposed false when rows are contiguous runs ({@code ld} between rows), true when
     *     columns are ({@code ld} between columns: the buffer holds the row-major transpose)
     * @param ld the leading dimension to pass to cuBLAS
     */
    record Layout(boolean transposed, int ld) {}

    /**
     * The layout of a matrix with the given sizes and element strides, or null when neither rows
     * nor columns are contiguous (or a stride does not fit cuBLAS' int arguments).
     */
    static Layout layout(long rows, long cols, long rowStride, long colStride) {
        // A stride along a dim of size 1 is never used, so it may be anything.
        if ((cols <= 1 || colStride == 1) && (rows <= 1 || rowStride >= Math.max(1, cols))) {
            long ld = rows <= 1 ? Math.max(1, cols) : rowStride;
            return ld <= Integer.MAX_VALUE ? new Layout(false, (int) ld) : null;
        }
        if ((rows <= 1 || rowStride == 1) && (cols <= 1 || colStride >= Math.max(1, rows))) {
            long ld = cols <= 1 ? Math.max(1, rows) : colStride;
            return ld <= Integer.MAX_VALUE ? new Layout(true, (int) ld) : null;
        }
        return null;
    }

    /**
     * The arguments of {@code cublas?gemm(StridedBatched)} in their cuBLAS order: {@code C(m×n) =
     * op(X)(m×k) · op(Y)(k×n)}, column-major, where X is the row-major B and Y the row-major A.
     *
     * @param transX whether X is passed with {@code CUBLAS_OP_T}
     * @param transY whether Y is passed with {@code CUBLAS_OP_T}
     * @param m rows of the column-major result (the row-major N)
     * @param n columns of the column-major result (the row-major M)
     * @param k the shared dimension
     * @param ldx leading dimension of X (B's buffer)
     * @param ldy leading dimension of Y (A's buffer)
     * @param ldc leading dimension of C
     */
    record Call(boolean transX, boolean transY, int m, int n, int k, int ldx, int ldy, int ldc) {}

    /**
     * The cuBLAS call computing row-major {@code C[M,N] = A[M,K] · B[K,N]} with A and B laid out as
     * {@code a} and {@code b}, and C row-major with row stride {@code ldcRowMajor}.
     */
    static Call rowMajor(int mRows, int nCols, int k, Layout a, Layout b, int ldcRowMajor) {
        // B's row-major buffer read column-major is Bᵀ: op N when B is row-major, T when stored transposed.
        return new Call(b.transposed(), a.transposed(), nCols, mRows, k, b.ld(), a.ld(),
                Math.max(ldcRowMajor, Math.max(1, nCols)));
    }

    /**
     * How one (batched) product runs on cuBLAS, decided from the matrices' sizes and strides only.
     *
     * @param copyC C is neither row- nor column-major: compute into a contiguous copy, then copy back
     * @param swapped C is column-major: compute the row-major {@code Cᵀ = Bᵀ·Aᵀ} instead (m and n
     *     swapped, A' = Bᵀ, B' = Aᵀ, C' = Cᵀ, all as transposed views, no copy)
     * @param copyA A' has neither contiguous rows nor columns: use a contiguous copy of it
     * @param copyB the same for B'
     * @param call the cuBLAS arguments for the (possibly swapped, possibly copied) operands
     */
    record Plan(boolean copyC, boolean swapped, boolean copyA, boolean copyB, Call call) {}

    /**
     * The plan for row-major {@code C[m,n] = A[m,k] · B[k,n]} with the given element strides
     * ({@code m, n, k >= 1}).
     */
    static Plan plan(long m, long n, long k, long aRow, long aCol, long bRow, long bCol, long cRow, long cCol) {
        Layout lc = layout(m, n, cRow, cCol);
        boolean copyC = lc == null;
        if (copyC) {
            lc = new Layout(false, (int) Math.max(1, n));
        }
        boolean swapped = lc.transposed();
        long mm = m;
        long nn = n;
        long[] as = {aRow, aCol};
        long[] bs = {bRow, bCol};
        if (swapped) {
            mm = n;
            nn = m;
            as = new long[] {bCol, bRow};
            bs = new long[] {aCol, aRow};
        }
        Layout la = layout(mm, k, as[0], as[1]);
        boolean copyA = la == null;
        if (copyA) {
            la = new Layout(false, (int) k);
        }
        Layout lb = layout(k, nn, bs[0], bs[1]);
        boolean copyB = lb == null;
        if (copyB) {
            lb = new Layout(false, (int) Math.max(1, nn));
        }
        return new Plan(copyC, swapped, copyA, copyB, rowMajor((int) mm, (int) nn, (int) k, la, lb, lc.ld()));
    }

    /**
     * Batch dims of a product, outermost first, with size-1 dims dropped and neighbours merged where
     * all three operands step through them as through one dim (so that one strided-batched call
     * covers them).
     *
     * @param sizes the merged sizes
     * @param a A's batch strides over {@code sizes}
     * @param b B's batch strides
     * @param c C's batch strides
     */
    record Batches(long[] sizes, long[] a, long[] b, long[] c) {
        /** The number of matrix products. */
        long count() {
            long p = 1;
            for (long s : sizes) {
                p *= s;
            }
            return p;
        }
    }

    /** Coalesces the batch dims of A, B and C (see {@link Batches}). */
    static Batches coalesceBatches(long[] shape, long[] sa, long[] sb, long[] sc) {
        int nd = shape.length;
        long[] size = new long[nd];
        long[][] st = new long[3][nd];
        int n = 0;
        // Innermost first, so each dim is tried against the merged block inside it.
        for (int d = nd - 1; d >= 0; d--) {
            if (shape[d] == 1) {
                continue;
            }
            long[] s = {sa[d], sb[d], sc[d]};
            if (n > 0) {
                int j = n - 1;
                boolean merge = true;
                for (int k = 0; k < 3; k++) {
                    merge &= s[k] == st[k][j] * size[j];
                }
                if (merge) {
                    size[j] *= shape[d];
                    continue;
                }
            }
            size[n] = shape[d];
            for (int k = 0; k < 3; k++) {
                st[k][n] = s[k];
            }
            n++;
        }
        // Back to outermost first.
        long[] outSize = new long[n];
        long[][] out = new long[3][n];
        for (int i = 0; i < n; i++) {
            outSize[i] = size[n - 1 - i];
            for (int k = 0; k < 3; k++) {
                out[k][i] = st[k][n - 1 - i];
            }
        }
        return new Batches(outSize, out[0], out[1], out[2]);
    }
}
