package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row-major to column-major GEMM mapping, checked against a Java model of cuBLAS'
 * column-major {@code sgemm} (same argument meaning and leading-dimension rules) on strided layouts.
 */
class GemmMappingTest {
    /** cuBLAS' sgemm on column-major buffers: C(m×n) = op(X)(m×k)·op(Y)(k×n), alpha 1, beta 0. */
    static void columnMajorGemm(boolean transX, boolean transY, int m, int n, int k, double[] x, int xOff, int ldx,
                                double[] y, int yOff, int ldy, double[] c, int cOff, int ldc) {
        // cuBLAS requires the leading dimensions to cover the stored rows.
        assertTrue(ldx >= Math.max(1, transX ? k : m), "ldx " + ldx);
        assertTrue(ldy >= Math.max(1, transY ? n : k), "ldy " + ldy);
        assertTrue(ldc >= Math.max(1, m), "ldc " + ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double xv = transX ? x[xOff + p + i * ldx] : x[xOff + i + p * ldx];
                    double yv = transY ? y[yOff + j + p * ldy] : y[yOff + p + j * ldy];
                    s += xv * yv;
                }
                c[cOff + i + j * ldc] = s;
            }
        }
    }

    private static void assertTrue(boolean ok, String what) {
        org.junit.jupiter.api.Assertions.assertTrue(ok, what);
    }


    /** A [rows, cols] matrix stored in a padded buffer, row-major or transposed, at an offset. */
    record Stored(double[] buf, int off, long rowStride, long colStride) {
        double get(int r, int c) {
            return buf[(int) (off + r * rowStride + c * colStride)];
        }
    }

    static Stored store(double[][] m, boolean transposed, int pad, int off) {
        int rows = m.length;
        int cols = m[0].length;
        int ld = (transposed ? rows : cols) + pad;
        double[] buf = new double[off + ld * (transposed ? cols : rows) + 1];
        java.util.Arrays.fill(buf, Double.NaN); // padding must never be read
        Stored s = transposed ? new Stored(buf, off, 1, ld) : new Stored(buf, off, ld, 1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                buf[(int) (off + r * s.rowStride() + c * s.colStride())] = m[r][c];
            }
        }
        return s;
    }

    static double[][] random(Random rnd, int r, int c) {
        double[][] m = new double[r][c];
        for (double[] row : m) {
            for (int j = 0; j < c; j++) {
                row[j] = rnd.nextInt(19) - 9;
            }
        }
        return m;
    }

    @Test
    void allTransposeCombinationsPaddingAndOffsets() {
        Random rnd = new Random(7);
        int[][] sizes = {{3, 4, 5}, {1, 4, 5}, {3, 1, 5}, {3, 4, 1}, {1, 1, 1}, {6, 2, 7}};
        for (int[] mnk : sizes) {
            int m = mnk[0];
            int n = mnk[1];
            int k = mnk[2];
            for (int mask = 0; mask < 16; mask++) {
                boolean ta = (mask & 1) != 0;
                boolean tb = (mask & 2) != 0;
                int padA = (mask & 4) != 0 ? 3 : 0;
                int padB = (mask & 8) != 0 ? 2 : 0;
                double[][] a = random(rnd, m, k);
                double[][] b = random(rnd, k, n);
                Stored sa = store(a, ta, padA, 2);
                Stored sb = store(b, tb, padB, 1);
                GemmMapping.Layout la = GemmMapping.layout(m, k, sa.rowStride(), sa.colStride());
                GemmMapping.Layout lb = GemmMapping.layout(k, n, sb.rowStride(), sb.colStride());
                assertNotNull(la);
                assertNotNull(lb);
                int ldcRow = n + (mask % 3);
                double[] c = new double[m * ldcRow + 1];
                GemmMapping.Call call = GemmMapping.rowMajor(m, n, k, la, lb, ldcRow);
                columnMajorGemm(call.transX(), call.transY(), call.m(), call.n(), call.k(),
                        sb.buf(), sb.off(), call.ldx(), sa.buf(), sa.off(), call.ldy(), c, 0, call.ldc());
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double expect = 0;
                        for (int p = 0; p < k; p++) {
                            expect += a[i][p] * b[p][j];
                        }
                        assertEquals(expect, c[i * call.ldc() + j], "C[" + i + "," + j + "] for m,n,k="
                                + m + "," + n + "," + k + " transA=" + ta + " transB=" + tb);
                    }
                }
            }
        }
    }

    @Test
    void layoutsOfViews() {
        assertEquals(new GemmMapping.Layout(false, 5), GemmMapping.layout(3, 5, 5, 1));
        assertEquals(new GemmMapping.Layout(false, 8), GemmMapping.layout(3, 5, 8, 1)); // a column slice
        assertEquals(new GemmMapping.Layout(true, 3), GemmMapping.layout(3, 5, 1, 3)); // .t() of [5,3]
        assertEquals(new GemmMapping.Layout(false, 5), GemmMapping.layout(1, 5, 0, 1)); // row stride unused
        assertEquals(new GemmMapping.Layout(false, 7), GemmMapping.layout(4, 1, 7, 0)); // col stride unused
        assertNull(GemmMapping.layout(3, 5, 10, 2)); // every other column: needs a contiguous copy
        assertNull(GemmMapping.layout(3, 5, 0, 1)); // expanded rows overlap
        assertNull(GemmMapping.layout(3, 5, 1L << 32, 1)); // ld beyond cuBLAS' int
    }

    @Test
    void batchDimsMergeWhenEveryOperandAllows() {
        // [2, 3] batch of contiguous [4,5]x[5,6]->[4,6] products: one strided batch of 6.
        GemmMapping.Batches b = GemmMapping.coalesceBatches(new long[] {2, 3}, new long[] {60, 20},
                new long[] {90, 30}, new long[] {72, 24});
        assertArrayEquals(new long[] {6}, b.sizes());
        assertArrayEquals(new long[] {20}, b.a());
        assertArrayEquals(new long[] {30}, b.b());
        assertArrayEquals(new long[] {24}, b.c());
        // B broadcast over the outer dim only: the dims cannot merge.
        b = GemmMapping.coalesceBatches(new long[] {2, 3}, new long[] {60, 20}, new long[] {0, 30}, new long[] {72, 24});
        assertArrayEquals(new long[] {2, 3}, b.sizes());
        assertArrayEquals(new long[] {0, 30}, b.b());
        assertEquals(6, b.count());
        // Size-1 dims vanish; B broadcast everywhere merges (0 == 0 * size).
        b = GemmMapping.coalesceBatches(new long[] {1, 4, 1, 2}, new long[] {99, 2, 7, 1}, new long[] {5, 0, 9, 0},
                new long[] {8, 2, 3, 1});
        assertArrayEquals(new long[] {8}, b.sizes());
        assertArrayEquals(new long[] {1}, b.a());
        assertArrayEquals(new long[] {0}, b.b());
        assertEquals(0, GemmMapping.coalesceBatches(new long[0], new long[0], new long[0], new long[0]).sizes().length);
        assertEquals(1, GemmMapping.coalesceBatches(new long[0], new long[0], new long[0], new long[0]).count());
    }

    /** A [rows, cols] matrix in one of three layouts: 0 row-major padded, 1 transposed padded, 2 both dims strided. */
    static Stored storeAs(double[][] m, int kind, int off) {
        if (kind < 2) {
            return store(m, kind == 1, 2, off);
        }
        int rows = m.length;
        int cols = m[0].length;
        double[] buf = new double[off + rows * (2 * cols + 1) + 1];
        java.util.Arrays.fill(buf, Double.NaN);
        Stored s = new Stored(buf, off, 2L * cols + 1, 2);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                buf[(int) (off + r * s.rowStride() + c * s.colStride())] = m[r][c];
            }
        }
        return s;
    }

    private static Stored transposed(Stored s) {
        return new Stored(s.buf(), s.off(), s.colStride(), s.rowStride());
    }

    private static Stored contiguousCopy(Stored s, int rows, int cols) {
        double[] buf = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                buf[r * cols + c] = s.get(r, c);
            }
        }
        return new Stored(buf, 0, cols, 1);
    }

    @Test
    void plansForEveryLayoutOfAllThreeOperands() {
        Random rnd = new Random(11);
        int swaps = 0;
        int copies = 0;
        for (int trial = 0; trial < 400; trial++) {
            int m = 1 + rnd.nextInt(5);
            int n = 1 + rnd.nextInt(5);
            int k = 1 + rnd.nextInt(5);
            double[][] a = random(rnd, m, k);
            double[][] b = random(rnd, k, n);
            Stored sa = storeAs(a, rnd.nextInt(3), rnd.nextInt(3));
            Stored sb = storeAs(b, rnd.nextInt(3), rnd.nextInt(3));
            Stored sc = storeAs(new double[m][n], rnd.nextInt(3), rnd.nextInt(3));
            GemmMapping.Plan plan = GemmMapping.plan(m, n, k, sa.rowStride(), sa.colStride(), sb.rowStride(),
                    sb.colStride(), sc.rowStride(), sc.colStride());
            // Execute the plan the way CudaGemm does, with the column-major model as cuBLAS.
            Stored cc = plan.copyC() ? contiguousCopy(sc, m, n) : sc;
            Stored aa = sa;
            Stored bb = sb;
            int mm = m;
            int nn = n;
            if (plan.swapped()) {
                aa = transposed(sb);
                bb = transposed(sa);
                cc = transposed(cc);
                mm = n;
                nn = m;
                swaps++;
            }
            if (plan.copyA()) {
                aa = contiguousCopy(aa, mm, k);
                copies++;
            }
            if (plan.copyB()) {
                bb = contiguousCopy(bb, k, nn);
                copies++;
            }
            GemmMapping.Call call = plan.call();
            assertEquals(nn, call.m());
            assertEquals(mm, call.n());
            assertEquals(GemmMapping.layout(mm, k, aa.rowStride(), aa.colStride()).transposed(), call.transY());
            columnMajorGemm(call.transX(), call.transY(), call.m(), call.n(), call.k(), bb.buf(), bb.off(), call.ldx(),
                    aa.buf(), aa.off(), call.ldy(), cc.buf(), cc.off(), call.ldc());
            if (plan.copyC()) {
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < n; c++) {
                        sc.buf()[(int) (sc.off() + r * sc.rowStride() + c * sc.colStride())] = cc.get(r, c);
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double expect = 0;
                    for (int p = 0; p < k; p++) {
                        expect += a[i][p] * b[p][j];
                    }
                    assertEquals(expect, sc.get(i, j), "trial " + trial + ": C[" + i + "," + j + "] with plan " + plan);
                }
            }
        }
        assertTrue(swaps > 20, "column-major outputs were planned as swapped products");
        assertTrue(copies > 20, "strided operands were copied");
    }
}
