package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.spi.TensorIterator;

/**
 * Copy-with-cast and fill kernels. Casts follow PyTorch: float to integer truncates toward zero,
 * anything to bool is {@code != 0}, bool to number is 0 or 1. A float that is NaN or whose truncation
 * does not fit the integer type gives that type's minimum, as PyTorch's CPU casts do on x86-64 (the
 * "integer indefinite" of {@code cvttss2si}/{@code cvttsd2si}); C++ leaves it undefined, Java would
 * give 0 or saturate. The CUDA kernels implement the same rule (docs/cuda.md has the table).
 *
 * <p>The small dtypes convert as PyTorch's {@code c10::convert} does: to float16 and bfloat16 through float32 (a double
 * or int64 is rounded to float32 first, as C++'s {@code Half(float)} constructor sees it), then rounded to nearest even
 * with overflow to infinity, subnormals and NaN kept ({@link #toHalf}, {@link #toBFloat16}); to uint8, int8 and int16
 * by wrap-around (floats truncated to int32 first, as x86-64's {@code cvttss2si} does).
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

    /**
     * {@return the float16 bits nearest to {@code v} (ties to even; overflow to infinity; NaN stays NaN)}
     *
     * @param v the value
     */
    static short toHalf(float v) {
        return Float.floatToFloat16(v);
    }

    /**
     * {@return the bfloat16 bits nearest to {@code v}, as PyTorch's {@code round_to_nearest_even}: ties to even,
     * overflow to infinity, NaN as {@code 0x7FC0}}
     *
     * @param v the value
     */
    static short toBFloat16(float v) {
        if (Float.isNaN(v)) {
            return (short) 0x7FC0;
        }
        int bits = Float.floatToRawIntBits(v);
        return (short) ((bits + ((bits >>> 16) & 1) + 0x7FFF) >>> 16);
    }

    /**
     * {@return the float value of bfloat16 bits (exact)}
     *
     * @param bits the bits
     */
    static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    static void copy(TensorIterator it) {
        Object dst = CpuBackend.array(it, 0);
        Object src = CpuBackend.array(it, 1);
        int ds = it.innerStride(0);
        int ss = it.innerStride(1);
        DType dt = it.operand(0).dtype();
        DType st = it.operand(1).dtype();
        if (dt != st && (dt.isReduced() || st.isReduced())) {
            CpuBackend.run(it, (off, n) -> castRow(dst, dt, off[0], ds, src, st, off[1], ss, n));
            return;
        }
        CpuBackend.run(it, (off, n) -> copyRow(dst, off[0], ds, src, off[1], ss, n));
    }

    /**
     * A cast from or to a small dtype, one element at a time through the exact carrier of the source's category
     * (double for floats, long for integers and bool).
     */
    static void castRow(Object dst, DType dt, int d, int ds, Object src, DType st, int s, int ss, int n) {
        if (st.isFloatingPoint()) {
            for (int i = 0; i < n; i++, d += ds, s += ss) {
                putDouble(dst, dt, d, getDouble(src, st, s));
            }
        } else {
            for (int i = 0; i < n; i++, d += ds, s += ss) {
                putLong(dst, dt, d, getLong(src, st, s));
            }
        }
    }

    /** Element {@code i} of a floating storage array of dtype {@code t}, exactly. */
    static double getDouble(Object a, DType t, int i) {
        return switch (t) {
            case FLOAT16 -> Float.float16ToFloat(((short[]) a)[i]);
            case BFLOAT16 -> bfloat16ToFloat(((short[]) a)[i]);
            case FLOAT32 -> ((float[]) a)[i];
            case FLOAT64 -> ((double[]) a)[i];
            default -> throw new IllegalStateException("not a floating dtype: " + t);
        };
    }

    /** Element {@code i} of an integer or bool storage array of dtype {@code t}, exactly. */
    static long getLong(Object a, DType t, int i) {
        return switch (t) {
            case UINT8 -> ((byte[]) a)[i] & 0xFF;
            case INT8 -> ((byte[]) a)[i];
            case INT16 -> ((short[]) a)[i];
            case INT32 -> ((int[]) a)[i];
            case INT64 -> ((long[]) a)[i];
            case BOOL -> ((boolean[]) a)[i] ? 1 : 0;
            default -> throw new IllegalStateException("not an integer dtype: " + t);
        };
    }

    /** Stores a floating value into element {@code i} of a storage array of dtype {@code t}, with PyTorch's cast. */
    static void putDouble(Object a, DType t, int i, double v) {
        switch (t) {
            case FLOAT16 -> ((short[]) a)[i] = toHalf((float) v);
            case BFLOAT16 -> ((short[]) a)[i] = toBFloat16((float) v);
            case FLOAT32 -> ((float[]) a)[i] = (float) v;
            case FLOAT64 -> ((double[]) a)[i] = v;
            case UINT8, INT8 -> ((byte[]) a)[i] = (byte) toInt32(v);
            case INT16 -> ((short[]) a)[i] = (short) toInt32(v);
            case INT32 -> ((int[]) a)[i] = toInt32(v);
            case INT64 -> ((long[]) a)[i] = toInt64(v);
            case BOOL -> ((boolean[]) a)[i] = v != 0;
        }
    }

    /** Stores an integer value into element {@code i} of a storage array of dtype {@code t}, with PyTorch's cast. */
    static void putLong(Object a, DType t, int i, long v) {
        switch (t) {
            case FLOAT16 -> ((short[]) a)[i] = toHalf((float) v);
            case BFLOAT16 -> ((short[]) a)[i] = toBFloat16((float) v);
            case FLOAT32 -> ((float[]) a)[i] = (float) v;
            case FLOAT64 -> ((double[]) a)[i] = (double) v;
            case UINT8, INT8 -> ((byte[]) a)[i] = (byte) v;
            case INT16 -> ((short[]) a)[i] = (short) v;
            case INT32 -> ((int[]) a)[i] = (int) v;
            case INT64 -> ((long[]) a)[i] = v;
            case BOOL -> ((boolean[]) a)[i] = v != 0;
        }
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
            // The small dtypes: same-dtype copies only (casts go through castRow), bit for bit.
            case short[] o -> {
                short[] a = (short[]) src;
                if (ds == 1 && ss == 1) {
                    System.arraycopy(a, s, o, d, n);
                } else {
                    for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s];
                }
            }
            case byte[] o -> {
                byte[] a = (byte[]) src;
                if (ds == 1 && ss == 1) {
                    System.arraycopy(a, s, o, d, n);
                } else {
                    for (int i = 0; i < n; i++, d += ds, s += ss) o[d] = a[s];
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
        DType dt = it.operand(0).dtype();
        short bits = switch (dt) {
            case FLOAT16 -> toHalf((float) dv);
            case BFLOAT16 -> toBFloat16((float) dv);
            default -> (short) lv;
        };
        CpuBackend.run(it, (off, n) -> {
            int d = off[0];
            switch (dst) {
                case short[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = bits; }
                case byte[] o -> { for (int i = 0; i < n; i++, d += ds) o[d] = (byte) lv; }
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
