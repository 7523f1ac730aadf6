package dev.jtensor.core.random;

import dev.jtensor.core.DType;
import dev.jtensor.core.TorchVersion;

/**
 * PyTorch's integer sampling: {@code random_(from, to)} / {@code randint} ({@code (draw mod range) +
 * from} in unsigned 64-bit arithmetic), {@code random_()} without bounds, and {@code randperm}'s two
 * shuffles. Elements are written in order; one or two draws per element as documented per method.
 */
public final class IntegerKernels {
    /** 2.x's {@code randperm} switches to the 64-bit inside-out shuffle at this n: floor((2^32 - 1) / 20). */
    public static final long RANDPERM_LARGE = 214748364L;

    private IntegerKernels() {}

    /**
     * Whether {@code random_(from, to)} with this (unsigned) range draws 64 bits per element: 1.13
     * does for ranges of at least 2^32 into int64/float32/float64; 2.x for ranges of at least 2^28 into
     * any dtype.
     */
    public static boolean use64(long range, DType dtype, TorchVersion version) {
        if (version == TorchVersion.V1_13) {
            boolean wide = dtype == DType.INT64 || dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
            return wide && Long.compareUnsigned(range, 1L << 32) >= 0;
        }
        return Long.compareUnsigned(range, 1L << 28) >= 0;
    }

    /**
     * Writes {@code n} values {@code (v mod range) + base} (unsigned, wrapping) into
     * {@code array[off..off+n)}, cast to the array's element type; {@code v} is a 64-bit draw if
     * {@code use64}, else a 32-bit one.
     */
    public static void fromTo(MersenneTwister mt, Object array, int off, int n, long range, long base, boolean use64) {
        int end = off + n;
        switch (array) {
            case long[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = draw(mt, range, base, use64);
                }
            }
            case int[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = (int) draw(mt, range, base, use64);
                }
            }
            case float[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = (float) draw(mt, range, base, use64);
                }
            }
            case double[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = (double) draw(mt, range, base, use64);
                }
            }
            case boolean[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = draw(mt, range, base, use64) != 0;
                }
            }
            default -> throw new IllegalArgumentException(array.getClass().getName());
        }
    }

    private static long draw(MersenneTwister mt, long range, long base, boolean use64) {
        if (use64) {
            return Long.remainderUnsigned(mt.nextLong(), range) + base;
        }
        // A 32-bit draw is non-negative as a long; a range below 2^32 is too, so plain % is exact.
        long v = mt.nextInt() & 0xFFFFFFFFL;
        return (range > 0 ? v % range : Long.remainderUnsigned(v, range)) + base;
    }

    /**
     * {@code random_()} without bounds: int64 and float64 take one 64-bit draw (mod 2^63, resp.
     * 2^53 + 1), the others one 32-bit draw (int32 mod 2^31, float32 mod 2^24 + 1, bool its low bit).
     */
    public static void full(MersenneTwister mt, Object array, int off, int n) {
        int end = off + n;
        switch (array) {
            case long[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = mt.nextLong() & Long.MAX_VALUE;
                }
            }
            case int[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = mt.nextInt() & Integer.MAX_VALUE;
                }
            }
            case float[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = (float) ((mt.nextInt() & 0xFFFFFFFFL) % ((1L << 24) + 1));
                }
            }
            case double[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = (double) Long.remainderUnsigned(mt.nextLong(), (1L << 53) + 1);
                }
            }
            case boolean[] a -> {
                for (int i = off; i < end; i++) {
                    a[i] = (mt.nextInt() & 1) != 0;
                }
            }
            default -> throw new IllegalArgumentException(array.getClass().getName());
        }
    }

    /**
     * PyTorch's {@code update_from}: for a float dtype with {@code digits} mantissa bits, moves
     * {@code from} up to the nearest value whose cast does not fall below it.
     */
    public static long updateFrom(long from, int digits) {
        long fromPlus1 = castRoundTrip(from + 1, digits);
        if (fromPlus1 < from) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(from + 1));
            from = fromPlus1 + (1L << (n - digits + 1));
        }
        return from;
    }

    /**
     * PyTorch's {@code update_to}: moves {@code to} down so that no value below it casts to
     * {@code to} or above.
     */
    public static long updateTo(long to, int digits) {
        long toMinus1 = castRoundTrip(to - 1, digits);
        if (toMinus1 >= to) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(to - 1));
            to = toMinus1 - (1L << (n - digits + 1));
        }
        return to;
    }

    private static long castRoundTrip(long v, int digits) {
        return digits == 24 ? (long) (float) v : (long) (double) v;
    }

    /**
     * {@code randperm(n)}'s swap shuffle (all n in 1.13; {@code n < RANDPERM_LARGE} in 2.x):
     * {@code n - 1} 32-bit draws.
     */
    public static void permutationSwap(MersenneTwister mt, long[] r) {
        int n = r.length;
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) ((mt.nextInt() & 0xFFFFFFFFL) % (n - i));
            long sav = r[i];
            r[i] = r[i + z];
            r[i + z] = sav;
        }
    }

    /** 2.x's inside-out shuffle for large n: one 64-bit draw per element. */
    public static void permutationInsideOut(MersenneTwister mt, long[] r) {
        int n = r.length;
        for (int i = 0; i < n; i++) {
            int z = (int) Long.remainderUnsigned(mt.nextLong(), i + 1L);
            r[i] = r[z];
            r[z] = i;
        }
    }
}
