package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.GemmSpec;

/**
 * int64 and int32 GEMM: a plain row-times-matrix loop over the strided operands, accumulating a
 * row of C in a {@code long[]} (integer arithmetic is exact, so no blocking order matters).
 * int32 wraps on overflow as PyTorch's does: the long sums agree with int sums modulo 2^32.
 */
final class IntegerGemm {
    private IntegerGemm() {}

    /** Runs {@code spec} (dtype int64 or int32). */
    static void run(GemmSpec spec) {
        Object sa = ((CpuStorage) spec.a().storage()).array();
        Object sb = ((CpuStorage) spec.b().storage()).array();
        Object c = ((CpuStorage) spec.c().storage()).array();
        long alpha = (long) spec.alpha();
        long beta = (long) spec.beta();
        GemmPlan plan = new GemmPlan(spec, 4, 16);
        if (plan.emptyOutput()) {
            return;
        }
        Object a = plan.swapped ? sb : sa;
        Object b = plan.swapped ? sa : sb;
        int k = plan.k;
        plan.forEachTask(() -> {
            long[] acc = new long[plan.n];
            return (ao, bo, co, i0, i1, j0, j1) -> {
                int w = j1 - j0;
                for (int i = i0; i < i1; i++) {
                    java.util.Arrays.fill(acc, 0, w, 0L);
                    int ai = ao + i * plan.rsa;
                    for (int p = 0; p < k; p++, ai += plan.csa) {
                        int bi = bo + p * plan.rsb + j0 * plan.csb;
                        if (a instanceof long[] la) {
                            axpy(la[ai], (long[]) b, bi, plan.csb, acc, w);
                        } else {
                            axpy(((int[]) a)[ai], (int[]) b, bi, plan.csb, acc, w);
                        }
                    }
                    int ci = co + i * plan.rsc + j0 * plan.csc;
                    if (c instanceof long[] lc) {
                        store(acc, w, lc, ci, plan.csc, alpha, beta);
                    } else {
                        store(acc, w, (int[]) c, ci, plan.csc, alpha, beta);
                    }
                }
            };
        });
    }

    private static void axpy(long x, long[] b, int bi, int csb, long[] acc, int w) {
        for (int j = 0; j < w; j++, bi += csb) {
            acc[j] += x * b[bi];
        }
    }

    private static void axpy(long x, int[] b, int bi, int csb, long[] acc, int w) {
        for (int j = 0; j < w; j++, bi += csb) {
            acc[j] += x * b[bi];
        }
    }

    private static void store(long[] acc, int w, long[] c, int ci, int csc, long alpha, long beta) {
        for (int j = 0; j < w; j++, ci += csc) {
            c[ci] = alpha * acc[j] + (beta == 0 ? 0 : beta * c[ci]);
        }
    }

    private static void store(long[] acc, int w, int[] c, int ci, int csc, long alpha, long beta) {
        for (int j = 0; j < w; j++, ci += csc) {
            c[ci] = (int) (alpha * acc[j] + (beta == 0 ? 0 : beta * c[ci]));
        }
    }
}
