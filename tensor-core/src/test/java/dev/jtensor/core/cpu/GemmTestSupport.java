package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.spi.GemmSpec;
import java.util.Random;

/** Builds GEMM operands and computes the naive reference product for the GEMM tests. */
final class GemmTestSupport {
    private GemmTestSupport() {}

    /** A storage of {@code size} random elements: floats in [-1, 1), integers in [-9, 9]. */
    static CpuStorage random(DType dtype, int size, Random rnd) {
        CpuStorage s = CpuStorage.allocate(dtype, size);
        switch (s.array()) {
            case float[] a -> { for (int i = 0; i < size; i++) a[i] = rnd.nextFloat() * 2 - 1; }
            case double[] a -> { for (int i = 0; i < size; i++) a[i] = rnd.nextDouble() * 2 - 1; }
            case long[] a -> { for (int i = 0; i < size; i++) a[i] = rnd.nextInt(19) - 9; }
            case int[] a -> { for (int i = 0; i < size; i++) a[i] = rnd.nextInt(19) - 9; }
            default -> throw new AssertionError();
        }
        return s;
    }

    static double get(CpuStorage s, long i) {
        return switch (s.array()) {
            case float[] a -> a[(int) i];
            case double[] a -> a[(int) i];
            case long[] a -> a[(int) i];
            case int[] a -> a[(int) i];
            default -> throw new AssertionError();
        };
    }

    /** A plain row-major m x n spec over fresh random storages (C filled with random values too). */
    static GemmSpec plain(DType dtype, int m, int n, int k, Random rnd) {
        long[] none = new long[0];
        return new GemmSpec(dtype, none, m, n, k,
                new GemmSpec.Operand(random(dtype, m * k, rnd), 0, k, 1, none),
                new GemmSpec.Operand(random(dtype, k * n, rnd), 0, n, 1, none),
                new GemmSpec.Operand(random(dtype, m * n, rnd), 0, n, 1, none), 1, 0);
    }

    /** The same spec with a fresh copy of the output storage (so several runs start from the same C). */
    static GemmSpec withFreshOutput(GemmSpec s) {
        CpuStorage c = (CpuStorage) s.c().storage();
        Object copy = switch (c.array()) {
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case long[] a -> a.clone();
            case int[] a -> a.clone();
            default -> throw new AssertionError();
        };
        GemmSpec.Operand o = s.c();
        return new GemmSpec(s.dtype(), s.batchShape(), s.m(), s.n(), s.k(), s.a(), s.b(),
                new GemmSpec.Operand(CpuStorage.wrap(copy), o.offset(), o.rowStride(), o.colStride(), o.batchStrides()),
                s.alpha(), s.beta());
    }

    /**
     * Checks every output element of {@code done} (run) against the naive sum computed in double
     * from the operands and {@code before}'s output (the unrun copy): within {@code rtol} of the sum
     * of |products| for floats, exactly for integers.
     */
    static void checkAgainstNaive(GemmSpec before, GemmSpec done, double rtol) {
        long[] shape = before.batchShape();
        long batches = before.batchCount();
        long[] bi = new long[shape.length];
        CpuStorage a = (CpuStorage) before.a().storage();
        CpuStorage b = (CpuStorage) before.b().storage();
        CpuStorage c0 = (CpuStorage) before.c().storage();
        CpuStorage c1 = (CpuStorage) done.c().storage();
        boolean integral = !before.dtype().isFloatingPoint();
        for (long t = 0; t < batches; t++) {
            long rem = t;
            for (int d = shape.length - 1; d >= 0; d--) {
                bi[d] = rem % shape[d];
                rem /= shape[d];
            }
            for (long i = 0; i < before.m(); i++) {
                for (long j = 0; j < before.n(); j++) {
                    double sum = 0;
                    double mag = 0;
                    long isum = 0;
                    for (long p = 0; p < before.k(); p++) {
                        double x = get(a, before.a().index(bi, i, p));
                        double y = get(b, before.b().index(bi, p, j));
                        sum += x * y;
                        mag += Math.abs(x * y);
                        isum += (long) x * (long) y;
                    }
                    long ci = before.c().index(bi, i, j);
                    double got = get(c1, ci);
                    if (integral) {
                        long expect = (long) before.alpha() * isum
                                + (before.beta() == 0 ? 0 : (long) before.beta() * (long) get(c0, ci));
                        if (before.dtype() == DType.INT32) {
                            expect = (int) expect;
                        }
                        if ((long) got != expect) {
                            throw new AssertionError("C[" + java.util.Arrays.toString(bi) + ", " + i + ", " + j
                                    + "] = " + (long) got + ", expected " + expect);
                        }
                    } else {
                        double old = before.beta() == 0 ? 0 : before.beta() * get(c0, ci);
                        double expect = before.alpha() * sum + old;
                        double tol = rtol * (Math.abs(before.alpha()) * mag + Math.abs(old)) + 1e-30;
                        if (!(Math.abs(got - expect) <= tol)) {
                            throw new AssertionError("C[" + java.util.Arrays.toString(bi) + ", " + i + ", " + j
                                    + "] = " + got + ", expected " + expect + " within " + tol + " (m=" + before.m()
                                    + ", n=" + before.n() + ", k=" + before.k() + ")");
                        }
                    }
                }
            }
        }
    }
}
