package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.GemmSpec;

/**
 * float64 GEMM, the twin of {@link FloatGemm} (same blocking scheme and packing, with block sizes
 * for 8-byte elements). Blocked as in BLIS/GotoBLAS: the output is cut into {@code NC}-column slabs, k
 * into k slices, and rows into row blocks; for each slice, B's slab is
 * packed into panels of {@code nr} columns (kept in L3/L2), A's block into panels of {@code mr}
 * rows (kept in L2), and the micro-kernel walks the tiles. Packing reads any row and column
 * strides, so transposed and strided operands need no copy beforehand.
 *
 * <p>Every output element is computed the same way whatever tile, block or thread it falls in:
 * one multiply-add chain per k slice of {@code KC}, slices added to C in increasing k.
 */
final class DoubleGemm {
    /** Columns per packed B slab (a multiple of 16 and of 8): 1024 x 512 doubles = 4 MiB, within L3. */
    static final int NC = 1024;

    private final GemmKernels.DoubleMicroKernel kernel;
    /**
     * Depth of a k slice. The same for every kernel, so that every kernel (and the scalar twin)
     * computes each element with the same operations: results do not depend on the machine's
     * vector width. 512 deep, an nr-column B panel (32 KiB with AVX2) streams from L1/L2 while C is
     * read and written half as often as with 256 (measured faster on AVX2).
     */
    static final int KC = 512;
    /** Rows per packed A block (a multiple of 4 and of 6): 48 x 512 doubles = 192 KiB, within L2. */
    static final int MC = 48;

    /** A driver over {@code kernel}. */
    DoubleGemm(GemmKernels.DoubleMicroKernel kernel) {
        this.kernel = kernel;
    }

    /** Runs {@code spec} (dtype float64). */
    void run(GemmSpec spec) {
        double[] sa = (double[]) ((CpuStorage) spec.a().storage()).array();
        double[] sb = (double[]) ((CpuStorage) spec.b().storage()).array();
        double[] c = (double[]) ((CpuStorage) spec.c().storage()).array();
        double alpha = (double) spec.alpha();
        double beta = (double) spec.beta();
        int mr = kernel.mr();
        int nr = kernel.nr();
        GemmPlan plan = new GemmPlan(spec, mr, nr);
        if (plan.emptyOutput()) {
            return;
        }
        double[] a = plan.swapped ? sb : sa;
        double[] b = plan.swapped ? sa : sb;
        int k = plan.k;
        int rsa = plan.rsa;
        int csa = plan.csa;
        int rsb = plan.rsb;
        int csb = plan.csb;
        int rsc = plan.rsc;
        int csc = plan.csc;
        if (k == 0) {
            plan.forEachTask(() -> (ao, bo, co, i0, i1, j0, j1) -> scale(c, co, rsc, csc, i0, i1, j0, j1, beta));
            return;
        }
        if (plan.m == 1 || plan.n == 1) {
            // A matrix-vector product: no tile to fill, so no packing (a tile would be mostly padding).
            boolean axpy = plan.m == 1 ? csb == 1 && rsb != 1 && plan.n >= 8 : rsa == 1 && csa != 1 && plan.m >= 8;
            plan.forEachTask(() -> {
                double[] acc = new double[Math.max(plan.m, plan.n)];
                return (ao, bo, co, i0, i1, j0, j1) -> {
                    if (plan.m == 1) {
                        // y[j] = sum_p a[p] * B[p, j]: the matrix is B walked by column.
                        gemv(b, bo + j0 * csb, csb, rsb, a, ao, csa, c, co + j0 * csc, csc, j1 - j0, k, axpy, alpha, beta, acc);
                    } else {
                        gemv(a, ao + i0 * rsa, rsa, csa, b, bo, rsb, c, co + i0 * rsc, rsc, i1 - i0, k, axpy, alpha, beta, acc);
                    }
                };
            });
            return;
        }
        int kcMax = Math.min(KC, k);
        plan.forEachTask(() -> {
            // Buffers per thread chunk, sized to what its tasks can need.
            double[] ap = new double[roundUp(Math.min(MC, plan.m), mr) * kcMax];
            double[] bp = new double[roundUp(Math.min(NC, plan.n), nr) * kcMax];
            double[] tile = new double[mr * nr];
            return (ao, bo, co, i0, i1, j0, j1) -> {
                for (int jc = j0; jc < j1; jc += NC) {
                    int nc = Math.min(NC, j1 - jc);
                    for (int pc = 0; pc < k; pc += KC) {
                        int kc = Math.min(KC, k - pc);
                        packB(b, bo + pc * rsb + jc * csb, rsb, csb, kc, nc, nr, bp);
                        double betaEff = pc == 0 ? beta : 1d;
                        for (int ic = i0; ic < i1; ic += MC) {
                            int mc = Math.min(MC, i1 - ic);
                            packA(a, ao + ic * rsa + pc * csa, rsa, csa, mc, kc, mr, ap);
                            block(kc, mc, nc, ap, bp, c, co + ic * rsc + jc * csc, rsc, csc, alpha, betaEff, tile);
                        }
                    }
                }
            };
        });
    }

    /**
     * Runs the micro-kernel over an {@code mc x nc} block of C at {@code co} from packed A and B
     * (a method of its own so that the JIT compiles this hot loop early).
     */
    private void block(int kc, int mc, int nc, double[] ap, double[] bp, double[] c, int co, int rsc, int csc,
                       double alpha, double beta, double[] tile) {
        int mr = kernel.mr();
        int nr = kernel.nr();
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int cBase = co + jr * csc;
            for (int ir = 0; ir < mc; ir += mr) {
                kernel.run(kc, ap, ir * kc, bp, jr * kc, c, cBase + ir * rsc, rsc, csc,
                        Math.min(mr, mc - ir), cols, alpha, beta, tile);
            }
        }
    }

    /**
     * {@code y[o] = alpha * sum_p M[o, p] * v[p] + beta * y[o]} for {@code o < len}, M element
     * {@code (o, p)} at {@code mo + o*ms + p*mk}, v element {@code p} at {@code vo + p*vs}, y element
     * {@code o} at {@code yo + o*ys}. With {@code axpy} the sum runs as axpy steps over a vector of
     * accumulators (one multiply-add chain per output, in increasing p; for outputs adjacent in M);
     * otherwise each output is a dot product split over 8 interleaved chains combined in a fixed
     * order. The caller decides {@code axpy} from the whole product's shape, never from the part a
     * thread computes, so results do not depend on the thread count. {@code acc} holds at least
     * {@code len} elements.
     */
    static void gemv(double[] m, int mo, int ms, int mk, double[] v, int vo, int vs, double[] y, int yo, int ys,
                     int len, int k, boolean axpy, double alpha, double beta, double[] acc) {
        if (axpy) {
            java.util.Arrays.fill(acc, 0, len, -0d);
            for (int p = 0; p < k; p++) {
                double x = v[vo + p * vs];
                int row = mo + p * mk;
                for (int o = 0; o < len; o++) {
                    acc[o] = Math.fma(m[row + o], x, acc[o]);
                }
            }
        } else {
            for (int o = 0; o < len; o++) {
                acc[o] = dot(m, mo + o * ms, mk, v, vo, vs, k);
            }
        }
        for (int o = 0; o < len; o++) {
            int yi = yo + o * ys;
            double r = alpha == 1d ? acc[o] : acc[o] * alpha;
            if (beta == 0d) {
                y[yi] = r;
            } else if (beta == 1d) {
                y[yi] = r + y[yi];
            } else {
                y[yi] = r + beta * y[yi];
            }
        }
    }

    /** {@code sum_p m[mo + p*mk] * v[vo + p*vs]} over 8 interleaved multiply-add chains, added pairwise at the end. */
    static double dot(double[] m, int mo, int mk, double[] v, int vo, int vs, int k) {
        double s0 = -0d, s1 = -0d, s2 = -0d, s3 = -0d, s4 = -0d, s5 = -0d, s6 = -0d, s7 = -0d;
        int p = 0;
        if (mk == 1 && vs == 1) {
            for (; p + 8 <= k; p += 8) {
                int a = mo + p;
                int b = vo + p;
                s0 = Math.fma(m[a], v[b], s0);
                s1 = Math.fma(m[a + 1], v[b + 1], s1);
                s2 = Math.fma(m[a + 2], v[b + 2], s2);
                s3 = Math.fma(m[a + 3], v[b + 3], s3);
                s4 = Math.fma(m[a + 4], v[b + 4], s4);
                s5 = Math.fma(m[a + 5], v[b + 5], s5);
                s6 = Math.fma(m[a + 6], v[b + 6], s6);
                s7 = Math.fma(m[a + 7], v[b + 7], s7);
            }
        } else {
            for (; p + 8 <= k; p += 8) {
                int a = mo + p * mk;
                int b = vo + p * vs;
                s0 = Math.fma(m[a], v[b], s0);
                s1 = Math.fma(m[a + mk], v[b + vs], s1);
                s2 = Math.fma(m[a + 2 * mk], v[b + 2 * vs], s2);
                s3 = Math.fma(m[a + 3 * mk], v[b + 3 * vs], s3);
                s4 = Math.fma(m[a + 4 * mk], v[b + 4 * vs], s4);
                s5 = Math.fma(m[a + 5 * mk], v[b + 5 * vs], s5);
                s6 = Math.fma(m[a + 6 * mk], v[b + 6 * vs], s6);
                s7 = Math.fma(m[a + 7 * mk], v[b + 7 * vs], s7);
            }
        }
        for (; p < k; p++) {
            s0 = Math.fma(m[mo + p * mk], v[vo + p * vs], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code C = beta * C} over a region (a product with k = 0); beta 0 writes zeros without reading. */
    static void scale(double[] c, int co, int rsc, int csc, int i0, int i1, int j0, int j1, double beta) {
        for (int i = i0; i < i1; i++) {
            int ci = co + i * rsc + j0 * csc;
            for (int j = j0; j < j1; j++, ci += csc) {
                c[ci] = beta == 0d ? 0d : beta * c[ci];
            }
        }
    }

    /**
     * Packs the {@code mc x kc} block of A at {@code src} into panels of {@code mr} rows: panel
     * {@code r} holds, for each k step, its {@code mr} values (rows past {@code mc} are zeros).
     */
    static void packA(double[] a, int src, int rsa, int csa, int mc, int kc, int mr, double[] ap) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int dst = ir * kc;
            int s = src + ir * rsa;
            if (csa == 1 && rows == 4 && mr == 4) {
                // The common case (row-major A, full panel of the AVX2 kernel): four row streams.
                int r0 = s;
                int r1 = s + rsa;
                int r2 = s + 2 * rsa;
                int r3 = s + 3 * rsa;
                for (int p = 0, d = dst; p < kc; p++, d += 4) {
                    ap[d] = a[r0 + p];
                    ap[d + 1] = a[r1 + p];
                    ap[d + 2] = a[r2 + p];
                    ap[d + 3] = a[r3 + p];
                }
            } else if (csa <= rsa) {
                // Rows are the long runs: read each row along k, write with stride mr.
                for (int i = 0; i < rows; i++) {
                    int si = s + i * rsa;
                    int di = dst + i;
                    for (int p = 0; p < kc; p++, si += csa, di += mr) {
                        ap[di] = a[si];
                    }
                }
            } else {
                // Columns are the long runs (a transposed A): read down each column.
                for (int p = 0; p < kc; p++) {
                    int sp = s + p * csa;
                    int dp = dst + p * mr;
                    for (int i = 0; i < rows; i++) {
                        ap[dp + i] = a[sp + i * rsa];
                    }
                }
            }
            if (rows < mr) {
                for (int p = 0; p < kc; p++) {
                    int dp = dst + p * mr;
                    for (int i = rows; i < mr; i++) {
                        ap[dp + i] = 0d;
                    }
                }
            }
        }
    }

    /**
     * Packs the {@code kc x nc} block of B at {@code src} into panels of {@code nr} columns: panel
     * {@code j} holds, for each k step, its {@code nr} values (columns past {@code nc} are zeros).
     */
    static void packB(double[] b, int src, int rsb, int csb, int kc, int nc, int nr, double[] bp) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int dst = jr * kc;
            int s = src + jr * csb;
            if (csb == 1) {
                // Row-major B: each k step of the panel is one contiguous run.
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, s + p * rsb, bp, dst + p * nr, cols);
                }
            } else if (csb <= rsb) {
                for (int p = 0; p < kc; p++) {
                    int sp = s + p * rsb;
                    int dp = dst + p * nr;
                    for (int j = 0; j < cols; j++) {
                        bp[dp + j] = b[sp + j * csb];
                    }
                }
            } else {
                // Columns are the long runs (a transposed B): read down each column.
                for (int j = 0; j < cols; j++) {
                    int sj = s + j * csb;
                    int dj = dst + j;
                    for (int p = 0; p < kc; p++, sj += rsb, dj += nr) {
                        bp[dj] = b[sj];
                    }
                }
            }
            if (cols < nr) {
                for (int p = 0; p < kc; p++) {
                    int dp = dst + p * nr;
                    for (int j = cols; j < nr; j++) {
                        bp[dp + j] = 0d;
                    }
                }
            }
        }
    }

    static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }
}
