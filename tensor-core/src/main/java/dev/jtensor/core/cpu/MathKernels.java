package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The CPU kernels of the math functions, bitwise ops and shifts added for issue 20 ({@link UnaryOp}
 * from {@link UnaryOp#TRUNC} on, {@link BinaryOp#ATAN2} to {@link BinaryOp#SHIFT_RIGHT}). They are
 * scalar only: each element is computed in float64 (float32 inputs widened, the result rounded
 * once), so float32 results are the same bits on every vector width. {@link ElementwiseKernels}
 * sends these ops here; rows come from the one {@link TensorIterator}.
 */
final class MathKernels {
    private MathKernels() {}

    /** Whether {@code op} is computed here. */
    static boolean covers(UnaryOp op) {
        return op.ordinal() >= UnaryOp.TRUNC.ordinal();
    }

    /** Whether {@code op} is computed here. */
    static boolean covers(BinaryOp op) {
        return switch (op) {
            case ATAN2, FMOD, HYPOT, LOGADDEXP, BITWISE_AND, BITWISE_OR, BITWISE_XOR, SHIFT_LEFT, SHIFT_RIGHT -> true;
            default -> false;
        };
    }

    static void unary(UnaryOp op, TensorIterator it) {
        Object out = CpuBackend.array(it, 0);
        Object in = CpuBackend.array(it, 1);
        int os = it.innerStride(0);
        int xs = it.innerStride(1);
        switch (out) {
            case float[] o -> {
                float[] a = (float[]) in;
                DoubleUnaryOperator f = floating(op);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1]; i < n; i++, p += os, q += xs) {
                        o[p] = (float) f.applyAsDouble(a[q]);
                    }
                });
            }
            case double[] o -> {
                double[] a = (double[]) in;
                DoubleUnaryOperator f = floating(op);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1]; i < n; i++, p += os, q += xs) {
                        o[p] = f.applyAsDouble(a[q]);
                    }
                });
            }
            case long[] o -> {
                long[] a = (long[]) in;
                LongUnaryOperator f = integral(op);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1]; i < n; i++, p += os, q += xs) {
                        o[p] = f.applyAsLong(a[q]);
                    }
                });
            }
            case int[] o -> {
                int[] a = (int[]) in;
                LongUnaryOperator f = integral(op);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1]; i < n; i++, p += os, q += xs) {
                        o[p] = (int) f.applyAsLong(a[q]);
                    }
                });
            }
            case boolean[] o -> {
                boolean[] a = (boolean[]) in;
                if (op != UnaryOp.BITWISE_NOT) {
                    throw new IllegalArgumentException("not a bool op: " + op);
                }
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1]; i < n; i++, p += os, q += xs) {
                        o[p] = !a[q];
                    }
                });
            }
            default -> throw new IllegalArgumentException("not a storage array: " + out);
        }
    }

    private static DoubleUnaryOperator floating(UnaryOp op) {
        return switch (op) {
            case TRUNC -> x -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case SIGN -> x -> x > 0 ? 1 : x < 0 ? -1 : 0;
            case TAN -> StrictMath::tan;
            case ASIN -> StrictMath::asin;
            case ACOS -> StrictMath::acos;
            case ATAN -> StrictMath::atan;
            case SINH -> StrictMath::sinh;
            case COSH -> StrictMath::cosh;
            case ASINH -> MathKernels::asinh;
            case ACOSH -> MathKernels::acosh;
            case ATANH -> MathKernels::atanh;
            case LOG2 -> MathKernels::log2;
            case LOG10 -> StrictMath::log10;
            case EXP2 -> x -> StrictMath.pow(2, x);
            case EXPM1 -> StrictMath::expm1;
            case ERF -> ElementMath::erf;
            case ERFC -> ElementMath::erfc;
            case ERFINV -> SpecialMath::erfinv;
            case LGAMMA -> SpecialMath::lgamma;
            case DIGAMMA -> SpecialMath::digamma;
            case TRIGAMMA -> SpecialMath::trigamma;
            case SIGNBIT -> x -> Double.doubleToRawLongBits(x) < 0 ? 1 : 0;
            default -> throw new IllegalArgumentException("not a floating op of this class: " + op);
        };
    }

    private static LongUnaryOperator integral(UnaryOp op) {
        return switch (op) {
            case SIGN -> Long::signum;
            case BITWISE_NOT -> x -> ~x;
            default -> throw new IllegalArgumentException("not an integer op: " + op);
        };
    }

    /** {@code asinh}, odd and accurate near 0 and for large |x|. */
    static double asinh(double x) {
        double a = Math.abs(x);
        if (a > 0x1p28 || Double.isNaN(a)) {
            return Double.isInfinite(a) || Double.isNaN(a) ? x : Math.copySign(StrictMath.log(a) + StrictMath.log(2), x);
        }
        double r = a < 1 ? StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a))) : StrictMath.log(a + Math.sqrt(a * a + 1));
        return Math.copySign(r, x);
    }

    /** {@code acosh} for {@code x >= 1}, NaN below. */
    static double acosh(double x) {
        if (!(x >= 1)) {
            return Double.NaN;
        }
        if (x > 0x1p28) {
            return Double.isInfinite(x) ? x : StrictMath.log(x) + StrictMath.log(2);
        }
        double t = x - 1;
        return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** {@code atanh}: +-inf at +-1, NaN outside [-1, 1]. */
    static double atanh(double x) {
        double a = Math.abs(x);
        return Math.copySign(0.5 * StrictMath.log1p(2 * a / (1 - a)), x);
    }

    /** Base-2 logarithm, exact at powers of two. */
    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT && x == Math.scalb(1.0, e)) {
                return e;
            }
        }
        return StrictMath.log(x) / StrictMath.log(2);
    }

    static void binary(BinaryOp op, TensorIterator it) {
        Object out = CpuBackend.array(it, 0);
        Object in1 = CpuBackend.array(it, 1);
        Object in2 = CpuBackend.array(it, 2);
        int os = it.innerStride(0);
        int xs = it.innerStride(1);
        int ys = it.innerStride(2);
        switch (out) {
            case float[] o -> {
                float[] a = (float[]) in1;
                float[] b = (float[]) in2;
                if (op == BinaryOp.FMOD) {
                    // Java's % on floats is C's fmod, exact in float32.
                    CpuBackend.run(it, (off, n) -> {
                        for (int i = 0, p = off[0], q = off[1], r = off[2]; i < n; i++, p += os, q += xs, r += ys) {
                            o[p] = a[q] % b[r];
                        }
                    });
                    return;
                }
                DoubleBinaryOperator f = floating(op);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1], r = off[2]; i < n; i++, p += os, q += xs, r += ys) {
                        o[p] = (float) f.applyAsDouble(a[q], b[r]);
                    }
                });
            }
            case double[] o -> {
                double[] a = (double[]) in1;
                double[] b = (double[]) in2;
                DoubleBinaryOperator f = floating(op);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1], r = off[2]; i < n; i++, p += os, q += xs, r += ys) {
                        o[p] = f.applyAsDouble(a[q], b[r]);
                    }
                });
            }
            case long[] o -> {
                long[] a = (long[]) in1;
                long[] b = (long[]) in2;
                LongBinaryOperator f = integral(op, 64);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1], r = off[2]; i < n; i++, p += os, q += xs, r += ys) {
                        o[p] = f.applyAsLong(a[q], b[r]);
                    }
                });
            }
            case int[] o -> {
                int[] a = (int[]) in1;
                int[] b = (int[]) in2;
                LongBinaryOperator f = integral(op, 32);
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1], r = off[2]; i < n; i++, p += os, q += xs, r += ys) {
                        o[p] = (int) f.applyAsLong(a[q], b[r]);
                    }
                });
            }
            case boolean[] o -> {
                boolean[] a = (boolean[]) in1;
                boolean[] b = (boolean[]) in2;
                CpuBackend.run(it, (off, n) -> {
                    for (int i = 0, p = off[0], q = off[1], r = off[2]; i < n; i++, p += os, q += xs, r += ys) {
                        o[p] = switch (op) {
                            case BITWISE_AND -> a[q] & b[r];
                            case BITWISE_OR -> a[q] | b[r];
                            case BITWISE_XOR -> a[q] ^ b[r];
                            default -> throw new IllegalArgumentException("not a bool op: " + op);
                        };
                    }
                });
            }
            default -> throw new IllegalArgumentException("not a storage array: " + out);
        }
    }

    private static DoubleBinaryOperator floating(BinaryOp op) {
        return switch (op) {
            case ATAN2 -> StrictMath::atan2;
            case FMOD -> (a, b) -> a % b;
            case HYPOT -> StrictMath::hypot;
            case LOGADDEXP -> MathKernels::logaddexp;
            default -> throw new IllegalArgumentException("not a floating op of this class: " + op);
        };
    }

    /** {@code log(e^a + e^b)} as {@code max + log1p(e^-|a - b|)}; equal infinities give themselves. */
    static double logaddexp(double a, double b) {
        if (Double.isInfinite(a) && a == b) {
            return a;
        }
        double m = Math.max(a, b);
        return m + StrictMath.log1p(StrictMath.exp(-Math.abs(a - b)));
    }

    /** Integer ops on values of {@code bits} bits held in longs (ints are sign-extended). */
    private static LongBinaryOperator integral(BinaryOp op, int bits) {
        return switch (op) {
            case FMOD -> (a, b) -> a % b;
            case BITWISE_AND -> (a, b) -> a & b;
            case BITWISE_OR -> (a, b) -> a | b;
            case BITWISE_XOR -> (a, b) -> a ^ b;
            case SHIFT_LEFT -> (a, b) -> b < 0 || b >= bits ? 0 : a << b;
            case SHIFT_RIGHT -> (a, b) -> a >> (b < 0 || b >= bits ? bits - 1 : b);
            default -> throw new IllegalArgumentException("not an integer op: " + op);
        };
    }
}
