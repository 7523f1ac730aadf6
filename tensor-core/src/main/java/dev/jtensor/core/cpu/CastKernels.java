package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.TensorIterator;

/**
 * Copy-with-cast and fill kernels. Casts follow PyTorch: float to integer truncates toward zero,
 * anything to bool is {@code != 0}, bool to number is 0 or 1. A float that is NaN or whose truncation
 * does not fit the integer type gives that type's minimum, as PyTorch's CPU casts do on x86-64 (the
 * "integer indefinite" of {@code cvttss2si}/{@code cvttsd2si}); C++ leaves it undefined, Java would
 * give 0 or saturate. The CUDA kernels implement the same rule (docs/cuda.md has the table).
 */
final class CastKernels {
    private CastKernels() {}

    /**
     * A float cast to int64 as PyTorch does on x86-64: truncation toward zero, {@link Long#MIN_VALUE}
     * for NaN and for values outside {@code [-2^63, 2^63)}.
     *
     * @param v the value (a float32 widens exactly)
     * @return the int64 PyTorch gives
     */
    static long toInt64(double v) {
        return v >= -0x1p63 && v < 0x1p63 ? (long) v : Long.MIN_VALUE;
    }

    /**
     * A float cast to int32 as PyTorch does on x86-64 (directly, not through int64): truncation toward
     * zero, {@link Integer#MIN_VALUE} for NaN and for values whose truncation is outside the int32 range.
     *
     * @param v the value (a float32 widens exactly)
     * @return the int32 PyTorch gives
     */
    static int toInt32(double v) {
        return v > -2147483649.0 && v < 2147483648.0 ? (int) v : Integer.MIN_VALUE;
    }

    static void copy(TensorIterator it) {
        Object dst = CpuBackend.array(it, 0);
        Object src = CpuBackend.array(it, 1);
        int ds = it.innerStride(0);
        int ss = it.innerStride(1);
        CpuBackend.run(it, (off, n) -> copyRow(dst, off[0], ds, src, off[1], ss, n));
    }

    static void copyRow(Object dst, int d, int ds, Object src, int s, int ss, int n) {
        switch (dst) {
            case float[] o -> {
                switch (src) {
                    case float[] a -> {
                        if (ds == 1 && ss == 1) {
                            System.arraycopy(a, s, o, d, n);
                        } else {
                            for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s];
                        }
                    }
                    case double[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = (float) a[s]; }
                    case long[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = (float) a[s]; }
                    case int[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = (float) a[s]; }
                    case boolean[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] ? 1f : 0f; }
                    default -> throw new IllegalStateException();
                }
            }
            case double[] o -> {
                switch (src) {
                    case float[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s]; }
                    case double[] a -> {
                        if (ds == 1 && ss == 1) {
                            System.arraycopy(a, s, o, d, n);
                        } else {
                            for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s];
                        }
                    }
                    case long[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = (double) a[s]; }
                    case int[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s]; }
                    case boolean[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] ? 1d : 0d; }
                    default -> throw new IllegalStateException();
                }
            }
            case long[] o -> {
                switch (src) {
                    case float[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = toInt64(a[s]); }
                    case double[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = toInt64(a[s]); }
                    case long[] a -> {
                        if (ds == 1 && ss == 1) {
                            System.arraycopy(a, s, o, d, n);
                        } else {
                            for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s];
                        }
                    }
                    case int[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s]; }
                    case boolean[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] ? 1L : 0L; }
                    default -> throw new IllegalStateException();
                }
            }
            case int[] o -> {
                switch (src) {
                    case float[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = toInt32(a[s]); }
                    case double[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = toInt32(a[s]); }
                    case long[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = (int) a[s]; }
                    case int[] a -> {
                        if (ds == 1 && ss == 1) {
                            System.arraycopy(a, s, o, d, n);
                        } else {
                            for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s];
                        }
                    }
                    case boolean[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] ? 1 : 0; }
                    default -> throw new IllegalStateException();
                }
            }
            case boolean[] o -> {
                switch (src) {
                    case float[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] != 0f; }
                    case double[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] != 0d; }
                    case long[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] != 0L; }
                    case int[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s] != 0; }
                    case boolean[] a -> { for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s]; }
                    default -> throw new IllegalStateException();
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    static void fill(TensorIterator it, Object value) {
        Object dst = CpuBackend.array(it, 0);
        int ds = it.innerStride(0);
        double dv = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
        long lv = value instanceof Boolean b ? (b ? 1 : 0)
                : value instanceof Double || value instanceof Float ? (long) dv : ((Number) value).longValue();
        CpuBackend.run(it, (off, n) -> {
            int d = off[0];
            switch (dst) {
                case float[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = (float) dv; }
                case double[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = dv; }
                case long[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = lv; }
                case int[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = (int) lv; }
                case boolean[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = dv != 0 || lv != 0; }
                default -> throw new IllegalStateException();
            }
        });
    }
}
