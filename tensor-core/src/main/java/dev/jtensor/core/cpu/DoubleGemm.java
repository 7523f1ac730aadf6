package dev.jtensor.core.cpu;

import dev.jtensor.core.Parallel;
import dev.jtensor.core.spi.GemmSpec;

/**
 * float64 GEMM, the twin of {@link FloatGemm}: the same blocking, tasks and packing, with block
 * sizes for 8-byte elements. Every output element is computed the same way whatever block, task
 * or thread it falls in: one multiply-add chain per k slice of {@code KC}, slices added to C in
 * increasing k, so results are bitwise independent of the thread count.
 */
final class DoubleGemm extends PackedGemm<double[]> {
    /** Columns per B slab at most: 2048 x 256 doubles = 4 MiB of packed B per k slice, within L3. */
    static final int NC = 2048;
    /**
     * Depth of a k slice, the same for every kernel (and the scalar twin) so that results do not
     * depend on the machine's vector width: an A panel of 6 rows (12 KiB) stays in L1.
     */
    static final int KC = 256;
    /** Rows per A block at most (a multiple of 4, 6, 8 and 16): 96 x 256 doubles = 192 KiB, within L2. */
    static final int MC = 96;
    /** Columns per window of the macro-kernel (a multiple of 16 and 8): 128 x 256 doubles of B = 256 KiB, within L2. */
    static final int CW = 128;
    /** Packed B per slab at most (doubles): slices are grouped up to this, so threads meet once per group. */
    static final int B_GROUP = 1 << 19;

    private final GemmKernels.DoubleMicroKernel kernel;

    /** A driver over {@code kernel}. */
    DoubleGemm(GemmKernels.DoubleMicroKernel kernel) {
        super(NC, KC, MC, B_GROUP, 1 << 19);
        this.kernel = kernel;
    }

    @Override
    int mr() {
        return kernel.mr();
    }

    @Override
    int nr() {
        return kernel.nr();
    }

    @Override
    double[] newArray(int n) {
        return new double[n];
    }

    @Override
    int length(double[] array) {
        return array.length;
    }

    @Override
    double[] scalars(double alpha, double beta) {
        return new double[] {alpha, beta};
    }

    @Override
    void packB(double[] b, int src, int rsb, int csb, int kc, int nc, double[] bp, int off) {
        kernel.packB(b, src, rsb, csb, kc, nc, bp, off);
    }

    /** Runs {@code spec} (dtype float64). */
    void run(GemmSpec spec) {
        double[] sa = (double[]) ((CpuStorage) spec.a().storage()).array();
        double[] sb = (double[]) ((CpuStorage) spec.b().storage()).array();
        double[] c = (double[]) ((CpuStorage) spec.c().storage()).array();
        double alpha = spec.alpha();
        double beta = spec.beta();
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
                double[] acc = new double[8 * Math.max(plan.m, plan.n)];
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
        if (plan.parts == 1 && plan.batches > 1 && Parallel.getNumThreads() > 1) {
            // Many matrices: whole matrices per thread, each product on one thread.
            plan.forEachTask(() -> (ao, bo, co, i0, i1, j0, j1) -> product(plan, a, ao, b, bo, c, co, alpha, beta, 1));
            return;
        }
        long[] off = new long[3];
        for (long t = 0; t < plan.batches; t++) {
            plan.offsets(t, off);
            product(plan, a, (int) off[0], b, (int) off[1], c, (int) off[2], alpha, beta, plan.threadsPerMatrix());
        }
    }


    /**
     * Runs the micro-kernel over rows {@code [0, mc)} and columns {@code [j0, j1)} of a block of C
     * at {@code co} from packed A and the packed B slice at {@code bOff} (a method of its own so
     * that the JIT compiles this hot loop early). Columns go in windows of {@code CW}: a window's
     * B panels stay in L2 while each A panel, in L1, passes along them, and consecutive tiles lie
     * side by side in C's rows, which the hardware prefetcher follows (tiles stacked down the
     * columns, 4 rows at a time, each touch new pages and wait for C from memory).
     */
    @Override
    void block(int kc, int mc, int j0, int j1, double[] ap, double[] bp, int bOff, double[] c, int co,
                       int rsc, int csc, double[] ab, double[] tile) {
        int mr = kernel.mr();
        int nr = kernel.nr();
        for (int jw = j0; jw < j1; jw += CW) {
            int jwEnd = Math.min(j1, jw + CW);
            for (int ir = 0; ir < mc; ir += mr) {
                int rows = Math.min(mr, mc - ir);
                int cRow = co + ir * rsc;
                for (int jr = jw; jr < jwEnd; jr += nr) {
                    kernel.run(kc, ap, ir * kc, bp, bOff + jr * kc, c, cRow + jr * csc, rsc, csc,
                            rows, Math.min(nr, jwEnd - jr), ab, tile);
                }
            }
        }
    }


    /**
     * {@code y[o] = alpha * sum_p M[o, p] * v[p] + beta * y[o]} for {@code o < len}, M element
     * {@code (o, p)} at {@code mo + o*ms + p*mk}, v element {@code p} at {@code vo + p*vs}, y element
     * {@code o} at {@code yo + o*ys}. With {@code axpy} the sum runs as axpy steps over a vector of
     * accumulators (for outputs adjacent in M), otherwise each output is a dot product ({@link #dot});
     * both give every output the same bits: {@link #dot}'s 8 interleaved multiply-add chains,
     * combined in its fixed order. So the choice, which follows the operands' strides after
     * {@link GemmPlan} may have swapped them (a swap that depends on the kernel's tile, so on the
     * vector width), changes speed only. {@code acc} holds at least {@code 8 * len} elements.
     */
    static void gemv(double[] m, int mo, int ms, int mk, double[] v, int vo, int vs, double[] y, int yo, int ys,
                     int len, int k, boolean axpy, double alpha, double beta, double[] acc) {
        if (axpy) {
            // dot's order for outputs side by side: chain c of output o at acc[c * len + o].
            java.util.Arrays.fill(acc, 0, 8 * len, -0d);
            int k8 = k - k % 8;
            for (int p = 0; p < k; p++) {
                double x = v[vo + p * vs];
                int row = mo + p * mk;
                int chain = p < k8 ? (p & 7) * len : 0;
                for (int o = 0; o < len; o++) {
                    acc[chain + o] = Math.fma(m[row + o], x, acc[chain + o]);
                }
            }
            for (int o = 0; o < len; o++) {
                acc[o] = ((acc[o] + acc[len + o]) + (acc[2 * len + o] + acc[3 * len + o]))
                        + ((acc[4 * len + o] + acc[5 * len + o]) + (acc[6 * len + o] + acc[7 * len + o]));
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

    /**
     * {@code sum_p m[mo + p*mk] * v[vo + p*vs]} over 8 multiply-add chains starting at -0: step p of
     * the first {@code k - k % 8} goes to chain {@code p % 8}, the rest to chain 0, in increasing p;
     * the chains are added as {@code ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7))}.
     */
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
     * {@code r} holds its {@code mr} rows one after another, {@code kc} values each, so that each
     * row of a row-major A is one contiguous copy (rows past {@code mc} are zeros).
     */
    @Override
    void packA(double[] a, int src, int rsa, int csa, int mc, int kc, int mr, double[] ap) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int dst = ir * kc;
            int s = src + ir * rsa;
            if (csa == 1) {
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(a, s + i * rsa, ap, dst + i * kc, kc);
                }
            } else if (csa <= rsa) {
                // Rows are the longer runs: read each row along k.
                for (int i = 0; i < rows; i++) {
                    int si = s + i * rsa;
                    int di = dst + i * kc;
                    for (int p = 0; p < kc; p++, si += csa) {
                        ap[di + p] = a[si];
                    }
                }
            } else {
                // Columns are the long runs (a transposed A): read down each column, mr values at a time.
                for (int p = 0; p < kc; p++) {
                    int sp = s + p * csa;
                    for (int i = 0; i < rows; i++) {
                        ap[dst + i * kc + p] = a[sp + i * rsa];
                    }
                }
            }
            if (rows < mr) {
                java.util.Arrays.fill(ap, dst + rows * kc, dst + mr * kc, 0d);
            }
        }
    }

    /**
     * Packs the {@code kc x nc} block of B at {@code src} into panels of {@code nr} columns from
     * {@code bp[off]}: panel {@code j} holds, for each k step, its {@code nr} values (columns past
     * {@code nc} are zeros).
     */
    static void packB(double[] b, int src, int rsb, int csb, int kc, int nc, int nr, double[] bp, int off) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int dst = off + jr * kc;
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
}
