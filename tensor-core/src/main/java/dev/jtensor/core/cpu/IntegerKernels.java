package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.UnaryOp;

/**
 * Row kernels for int64, int32 and bool elementwise ops, and the {@code where} rows of every
 * dtype. Integer arithmetic wraps around as PyTorch's does on CPU; bool arithmetic is logical
 * (add and maximum are or, mul and minimum are and).
 */
final class IntegerKernels {
    private IntegerKernels() {}

    /** int64 arithmetic row: {@code out[o] = op(a[x], b[y])}; divisors are non-zero (checked by the op). */
    static void binary(BinaryOp op, long[] out, int o, int os, long[] a, int x, int xs, long[] b, int y, int ys,
            int n, long alpha) {
        switch (op) {
            case ADD -> {
                if (alpha == 1) {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] + b[y];
                } else {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] + alpha * b[y];
                }
            }
            case SUB -> {
                if (alpha == 1) {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] - b[y];
                } else {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] - alpha * b[y];
                }
            }
            case MUL -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] * b[y]; }
            case DIV_TRUNC -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] / b[y]; }
            case DIV_FLOOR -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.floorDiv(a[x], b[y]); }
            case REMAINDER -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.remainder(a[x], b[y]); }
            case POW -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.pow(a[x], b[y]); }
            case MAXIMUM -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.max(a[x], b[y]); }
            case MINIMUM, CLAMP_MAX -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.min(a[x], b[y]); }
            case CLAMP_MIN -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.max(a[x], b[y]); }
            default -> throw new IllegalArgumentException("not an integer arithmetic op: " + op);
        }
    }

    /** int64 comparison row. */
    static void compare(BinaryOp op, boolean[] out, int o, int os, long[] a, int x, int xs, long[] b, int y, int ys,
            int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] == b[y]; }
            case NE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] != b[y]; }
            case LT -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] < b[y]; }
            case LE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] <= b[y]; }
            case GT -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] > b[y]; }
            case GE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] >= b[y]; }
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /** int64 one-input row: NEG, ABS and RELU. */
    static void unary(UnaryOp op, long[] out, int o, int os, long[] a, int x, int xs, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = -a[x]; }
            case ABS -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.abs(a[x]); }
            case RELU -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.max(a[x], 0); }
            default -> throw new IllegalArgumentException("not an integer op: " + op);
        }
    }

    /** int32 arithmetic row: {@code out[o] = op(a[x], b[y])}; divisors are non-zero (checked by the op). */
    static void binary(BinaryOp op, int[] out, int o, int os, int[] a, int x, int xs, int[] b, int y, int ys,
            int n, int alpha) {
        switch (op) {
            case ADD -> {
                if (alpha == 1) {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] + b[y];
                } else {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] + alpha * b[y];
                }
            }
            case SUB -> {
                if (alpha == 1) {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] - b[y];
                } else {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] - alpha * b[y];
                }
            }
            case MUL -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] * b[y]; }
            case DIV_TRUNC -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] / b[y]; }
            case DIV_FLOOR -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.floorDiv(a[x], b[y]); }
            case REMAINDER -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.remainder(a[x], b[y]); }
            case POW -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.pow(a[x], b[y]); }
            case MAXIMUM -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.max(a[x], b[y]); }
            case MINIMUM, CLAMP_MAX -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.min(a[x], b[y]); }
            case CLAMP_MIN -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.max(a[x], b[y]); }
            default -> throw new IllegalArgumentException("not an integer arithmetic op: " + op);
        }
    }

    /** int32 comparison row. */
    static void compare(BinaryOp op, boolean[] out, int o, int os, int[] a, int x, int xs, int[] b, int y, int ys,
            int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] == b[y]; }
            case NE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] != b[y]; }
            case LT -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] < b[y]; }
            case LE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] <= b[y]; }
            case GT -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] > b[y]; }
            case GE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] >= b[y]; }
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /** int32 one-input row: NEG, ABS and RELU. */
    static void unary(UnaryOp op, int[] out, int o, int os, int[] a, int x, int xs, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = -a[x]; }
            case ABS -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.abs(a[x]); }
            case RELU -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.max(a[x], 0); }
            default -> throw new IllegalArgumentException("not an integer op: " + op);
        }
    }

    /** bool row of arithmetic, comparison and logical ops; {@code alpha} gates {@code b} for ADD. */
    static void binary(BinaryOp op, boolean[] out, int o, int os, boolean[] a, int x, int xs, boolean[] b, int y, int ys,
            int n, boolean alpha) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] | (alpha & b[y]); }
            case MUL, MINIMUM, LOGICAL_AND -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] & b[y]; }
            case MAXIMUM, LOGICAL_OR -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] | b[y]; }
            case EQ -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] == b[y]; }
            case NE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] != b[y]; }
            case LT -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = !a[x] & b[y]; }
            case LE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = !a[x] | b[y]; }
            case GT -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] & !b[y]; }
            case GE -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] | !b[y]; }
            default -> throw new IllegalArgumentException("not a bool op: " + op);
        }
    }

    /** bool negation row. */
    static void logicalNot(boolean[] out, int o, int os, boolean[] a, int x, int xs, int n) {
        for (int i = 0; i < n; i++, o += os, x += xs) out[o] = !a[x];
    }

    /** {@code out = c ? a : b} over rows of any dtype; {@code out}, {@code a} and {@code b} are arrays of one type. */
    static void where(Object out, int o, int os, boolean[] c, int z, int zs, Object a, int x, int xs, Object b, int y,
            int ys, int n) {
        switch (out) {
            case float[] r -> {
                float[] p = (float[]) a;
                float[] q = (float[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            case double[] r -> {
                double[] p = (double[]) a;
                double[] q = (double[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            case long[] r -> {
                long[] p = (long[]) a;
                long[] q = (long[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            case int[] r -> {
                int[] p = (int[]) a;
                int[] q = (int[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            case boolean[] r -> {
                boolean[] p = (boolean[]) a;
                boolean[] q = (boolean[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            case short[] r -> {
                short[] p = (short[]) a;
                short[] q = (short[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            case byte[] r -> {
                byte[] p = (byte[]) a;
                byte[] q = (byte[]) b;
                for (int i = 0; i < n; i++, o += os, z += zs, x += xs, y += ys) r[o] = c[z] ? p[x] : q[y];
            }
            default -> throw new IllegalArgumentException("not a storage array: " + out);
        }
    }
}
