package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API row kernels for float32 and float64: rows whose output and first input are
 * contiguous and whose second input is contiguous or broadcast (one value for the row, as in
 * {@code x + 1} or {@code [n, m] + [n, 1]}) run in SIMD lanes of the platform's preferred width;
 * other rows, the ops without a vector form, and the tail of each row go to the
 * {@link ScalarFloatKernels} twin. Every loop gives the same bits as the twin: float32 exp, log,
 * tanh, sigmoid and the tanh GELU go through {@link PanamaFloatMath}, the lane-wise copy of the twin's
 * {@link FloatMath}; float64 has vector loops only for the exactly rounded ops. Loaded only by name
 * from {@link FloatKernels}, and only when the incubator module is present.
 */
final class VectorFloatKernels implements FloatKernels {
    private static final ScalarFloatKernels SCALAR = new ScalarFloatKernels();
    private final PanamaFloatMath math;

    /** The kernels at {@code bits} (128, 256 or 512) bits. */
    VectorFloatKernels(int bits) {
        this.math = PanamaFloatMath.at(bits);
    }

    /** Whether {@code op} has a vector loop in {@code binary}. */
    static boolean isVectorBinary(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, CLAMP_MIN, CLAMP_MAX -> true;
            default -> false;
        };
    }

    /** Whether {@code op} has a float32 vector loop in {@code unary}. */
    static boolean isVectorUnary(UnaryOp op) {
        return switch (op) {
            case EXP, LOG, TANH, SIGMOID, GELU_TANH -> true;
            default -> isVectorUnaryFloat64(op);
        };
    }

    /**
     * Whether {@code op} has a float64 vector loop in {@code unary}: not the transcendental ones, whose
     * Vector API lane operations round differently interpreted and compiled; {@link StrictMath}'s are the same
     * in both.
     */
    static boolean isVectorUnaryFloat64(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, SQRT, RSQRT, RECIPROCAL, RELU -> true;
            default -> false;
        };
    }

    @Override
    public void binary(BinaryOp op, float[] out, int o, int os, float[] a, int x, int xs, float[] b, int y, int ys,
            int n, float alpha) {
        VectorSpecies<Float> fs = math.sp();
        if (os != 1 || xs != 1 || (ys != 1 && ys != 0) || n < fs.length() || !isVectorBinary(op)) {
            SCALAR.binary(op, out, o, os, a, x, xs, b, y, ys, n, alpha);
            return;
        }
        int bound = fs.loopBound(n);
        int step = fs.length();
        int i = 0;
        if (ys == 1) {
            switch (op) {
                case ADD -> {
                    if (alpha == 1) {
                        for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).add(FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i);
                    } else {
                        for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).add(FloatVector.fromArray(fs, b, y + i).mul(alpha)).intoArray(out, o + i);
                    }
                }
                case SUB -> {
                    if (alpha == 1) {
                        for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).sub(FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i);
                    } else {
                        for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).sub(FloatVector.fromArray(fs, b, y + i).mul(alpha)).intoArray(out, o + i);
                    }
                }
                case MUL -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).mul(FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case DIV -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).div(FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case MAXIMUM -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).max(FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case MINIMUM -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).min(FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case CLAMP_MIN -> {
                    for (; i < bound; i += step) {
                        FloatVector v = FloatVector.fromArray(fs, a, x + i);
                        FloatVector lo = FloatVector.fromArray(fs, b, y + i);
                        v.blend(lo, v.compare(VectorOperators.LT, lo).or(lo.test(VectorOperators.IS_NAN))).intoArray(out, o + i);
                    }
                }
                case CLAMP_MAX -> {
                    for (; i < bound; i += step) {
                        FloatVector v = FloatVector.fromArray(fs, a, x + i);
                        FloatVector hi = FloatVector.fromArray(fs, b, y + i);
                        v.blend(hi, v.compare(VectorOperators.GT, hi).or(hi.test(VectorOperators.IS_NAN))).intoArray(out, o + i);
                    }
                }
                default -> throw new IllegalArgumentException("not vectorised: " + op);
            }
        } else {
            // b is broadcast along the row (a scalar, or a [n, 1] operand): one vector for the row.
            float s = b[y];
            FloatVector vb = FloatVector.broadcast(fs, op == BinaryOp.ADD || op == BinaryOp.SUB ? alpha * s : s);
            switch (op) {
                case ADD -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).add(vb).intoArray(out, o + i); }
                case SUB -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).sub(vb).intoArray(out, o + i); }
                case MUL -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).mul(vb).intoArray(out, o + i); }
                case DIV -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).div(vb).intoArray(out, o + i); }
                case MAXIMUM -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).max(vb).intoArray(out, o + i); }
                case MINIMUM -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).min(vb).intoArray(out, o + i); }
                case CLAMP_MIN -> {
                    if (s != s) {
                        break;
                    }
                    for (; i < bound; i += step) {
                        FloatVector v = FloatVector.fromArray(fs, a, x + i);
                        v.blend(vb, v.compare(VectorOperators.LT, vb)).intoArray(out, o + i);
                    }
                }
                case CLAMP_MAX -> {
                    if (s != s) {
                        break;
                    }
                    for (; i < bound; i += step) {
                        FloatVector v = FloatVector.fromArray(fs, a, x + i);
                        v.blend(vb, v.compare(VectorOperators.GT, vb)).intoArray(out, o + i);
                    }
                }
                default -> throw new IllegalArgumentException("not vectorised: " + op);
            }
        }
        if (i < n) {
            SCALAR.binary(op, out, o + i, 1, a, x + i, 1, b, y + i * ys, ys, n - i, alpha);
        }
    }
    @Override
    public void compare(BinaryOp op, boolean[] out, int o, int os, float[] a, int x, int xs, float[] b, int y, int ys,
            int n) {
        VectorSpecies<Float> fs = math.sp();
        if (os != 1 || xs != 1 || (ys != 1 && ys != 0) || n < fs.length()) {
            SCALAR.compare(op, out, o, os, a, x, xs, b, y, ys, n);
            return;
        }
        int bound = fs.loopBound(n);
        int step = fs.length();
        int i = 0;
        if (ys == 1) {
            switch (op) {
                case EQ -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.EQ, FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case NE -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.NE, FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case LT -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.LT, FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case LE -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.LE, FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case GT -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.GT, FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                case GE -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.GE, FloatVector.fromArray(fs, b, y + i)).intoArray(out, o + i); }
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            }
        } else {
            FloatVector vb = FloatVector.broadcast(fs, b[y]);
            switch (op) {
                case EQ -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.EQ, vb).intoArray(out, o + i); }
                case NE -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.NE, vb).intoArray(out, o + i); }
                case LT -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.LT, vb).intoArray(out, o + i); }
                case LE -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.LE, vb).intoArray(out, o + i); }
                case GT -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.GT, vb).intoArray(out, o + i); }
                case GE -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).compare(VectorOperators.GE, vb).intoArray(out, o + i); }
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            }
        }
        if (i < n) {
            SCALAR.compare(op, out, o + i, 1, a, x + i, 1, b, y + i * ys, ys, n - i);
        }
    }

    @Override
    public void unary(UnaryOp op, float[] out, int o, int os, float[] a, int x, int xs, int n) {
        VectorSpecies<Float> fs = math.sp();
        if (os != 1 || xs != 1 || n < fs.length() || !isVectorUnary(op)) {
            SCALAR.unary(op, out, o, os, a, x, xs, n);
            return;
        }
        int bound = fs.loopBound(n);
        int step = fs.length();
        int i = 0;
        FloatVector one = FloatVector.broadcast(fs, 1f);
        FloatVector zero = FloatVector.zero(fs);
        switch (op) {
            case NEG -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).neg().intoArray(out, o + i); }
            case ABS -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).abs().intoArray(out, o + i); }
            case SQRT -> { for (; i < bound; i += step) FloatVector.fromArray(fs, a, x + i).lanewise(VectorOperators.SQRT).intoArray(out, o + i); }
            case RSQRT -> { for (; i < bound; i += step) one.div(FloatVector.fromArray(fs, a, x + i).lanewise(VectorOperators.SQRT)).intoArray(out, o + i); }
            case RECIPROCAL -> { for (; i < bound; i += step) one.div(FloatVector.fromArray(fs, a, x + i)).intoArray(out, o + i); }
            case RELU -> {
                for (; i < bound; i += step) {
                    FloatVector v = FloatVector.fromArray(fs, a, x + i);
                    v.blend(zero, v.compare(VectorOperators.LT, zero)).intoArray(out, o + i);
                }
            }
            case EXP -> { math.exp(a, x, 1f, 0f, 0f, out, o, 1f, null, 0, bound); i = bound; }
            case LOG -> { math.log(a, x, out, o, bound); i = bound; }
            case TANH -> { math.tanh(a, x, out, o, bound, false); i = bound; }
            case SIGMOID -> {
                // 1 / (1 + e^-x): the exponentials first, then in place (out may be a, which is read first).
                math.exp(a, x, -1f, 0f, 0f, out, o, 1f, null, 0, bound);
                for (; i < bound; i += step) one.div(one.add(FloatVector.fromArray(fs, out, o + i))).intoArray(out, o + i);
            }
            case GELU_TANH -> { math.tanh(a, x, out, o, bound, true); i = bound; }
            default -> throw new IllegalArgumentException("not vectorised: " + op);
        }
        if (i < n) {
            SCALAR.unary(op, out, o + i, 1, a, x + i, 1, n - i);
        }
    }

    @Override
    public void binary(BinaryOp op, double[] out, int o, int os, double[] a, int x, int xs, double[] b, int y, int ys,
            int n, double alpha) {
        VectorSpecies<Double> ds = math.dp();
        if (os != 1 || xs != 1 || (ys != 1 && ys != 0) || n < ds.length() || !isVectorBinary(op)) {
            SCALAR.binary(op, out, o, os, a, x, xs, b, y, ys, n, alpha);
            return;
        }
        int bound = ds.loopBound(n);
        int step = ds.length();
        int i = 0;
        if (ys == 1) {
            switch (op) {
                case ADD -> {
                    if (alpha == 1) {
                        for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).add(DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i);
                    } else {
                        for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).add(DoubleVector.fromArray(ds, b, y + i).mul(alpha)).intoArray(out, o + i);
                    }
                }
                case SUB -> {
                    if (alpha == 1) {
                        for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).sub(DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i);
                    } else {
                        for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).sub(DoubleVector.fromArray(ds, b, y + i).mul(alpha)).intoArray(out, o + i);
                    }
                }
                case MUL -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).mul(DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case DIV -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).div(DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case MAXIMUM -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).max(DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case MINIMUM -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).min(DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case CLAMP_MIN -> {
                    for (; i < bound; i += step) {
                        DoubleVector v = DoubleVector.fromArray(ds, a, x + i);
                        DoubleVector lo = DoubleVector.fromArray(ds, b, y + i);
                        v.blend(lo, v.compare(VectorOperators.LT, lo).or(lo.test(VectorOperators.IS_NAN))).intoArray(out, o + i);
                    }
                }
                case CLAMP_MAX -> {
                    for (; i < bound; i += step) {
                        DoubleVector v = DoubleVector.fromArray(ds, a, x + i);
                        DoubleVector hi = DoubleVector.fromArray(ds, b, y + i);
                        v.blend(hi, v.compare(VectorOperators.GT, hi).or(hi.test(VectorOperators.IS_NAN))).intoArray(out, o + i);
                    }
                }
                default -> throw new IllegalArgumentException("not vectorised: " + op);
            }
        } else {
            // b is broadcast along the row (a scalar, or a [n, 1] operand): one vector for the row.
            double s = b[y];
            DoubleVector vb = DoubleVector.broadcast(ds, op == BinaryOp.ADD || op == BinaryOp.SUB ? alpha * s : s);
            switch (op) {
                case ADD -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).add(vb).intoArray(out, o + i); }
                case SUB -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).sub(vb).intoArray(out, o + i); }
                case MUL -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).mul(vb).intoArray(out, o + i); }
                case DIV -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).div(vb).intoArray(out, o + i); }
                case MAXIMUM -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).max(vb).intoArray(out, o + i); }
                case MINIMUM -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).min(vb).intoArray(out, o + i); }
                case CLAMP_MIN -> {
                    if (s != s) {
                        break;
                    }
                    for (; i < bound; i += step) {
                        DoubleVector v = DoubleVector.fromArray(ds, a, x + i);
                        v.blend(vb, v.compare(VectorOperators.LT, vb)).intoArray(out, o + i);
                    }
                }
                case CLAMP_MAX -> {
                    if (s != s) {
                        break;
                    }
                    for (; i < bound; i += step) {
                        DoubleVector v = DoubleVector.fromArray(ds, a, x + i);
                        v.blend(vb, v.compare(VectorOperators.GT, vb)).intoArray(out, o + i);
                    }
                }
                default -> throw new IllegalArgumentException("not vectorised: " + op);
            }
        }
        if (i < n) {
            SCALAR.binary(op, out, o + i, 1, a, x + i, 1, b, y + i * ys, ys, n - i, alpha);
        }
    }
    @Override
    public void compare(BinaryOp op, boolean[] out, int o, int os, double[] a, int x, int xs, double[] b, int y, int ys,
            int n) {
        VectorSpecies<Double> ds = math.dp();
        if (os != 1 || xs != 1 || (ys != 1 && ys != 0) || n < ds.length()) {
            SCALAR.compare(op, out, o, os, a, x, xs, b, y, ys, n);
            return;
        }
        int bound = ds.loopBound(n);
        int step = ds.length();
        int i = 0;
        if (ys == 1) {
            switch (op) {
                case EQ -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.EQ, DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case NE -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.NE, DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case LT -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.LT, DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case LE -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.LE, DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case GT -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.GT, DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                case GE -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.GE, DoubleVector.fromArray(ds, b, y + i)).intoArray(out, o + i); }
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            }
        } else {
            DoubleVector vb = DoubleVector.broadcast(ds, b[y]);
            switch (op) {
                case EQ -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.EQ, vb).intoArray(out, o + i); }
                case NE -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.NE, vb).intoArray(out, o + i); }
                case LT -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.LT, vb).intoArray(out, o + i); }
                case LE -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.LE, vb).intoArray(out, o + i); }
                case GT -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.GT, vb).intoArray(out, o + i); }
                case GE -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).compare(VectorOperators.GE, vb).intoArray(out, o + i); }
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            }
        }
        if (i < n) {
            SCALAR.compare(op, out, o + i, 1, a, x + i, 1, b, y + i * ys, ys, n - i);
        }
    }

    @Override
    public void unary(UnaryOp op, double[] out, int o, int os, double[] a, int x, int xs, int n) {
        VectorSpecies<Double> ds = math.dp();
        if (os != 1 || xs != 1 || n < ds.length() || !isVectorUnaryFloat64(op)) {
            SCALAR.unary(op, out, o, os, a, x, xs, n);
            return;
        }
        int bound = ds.loopBound(n);
        int step = ds.length();
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(ds, 1d);
        DoubleVector zero = DoubleVector.zero(ds);
        switch (op) {
            case NEG -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).neg().intoArray(out, o + i); }
            case ABS -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).abs().intoArray(out, o + i); }
            case SQRT -> { for (; i < bound; i += step) DoubleVector.fromArray(ds, a, x + i).lanewise(VectorOperators.SQRT).intoArray(out, o + i); }
            case RSQRT -> { for (; i < bound; i += step) one.div(DoubleVector.fromArray(ds, a, x + i).lanewise(VectorOperators.SQRT)).intoArray(out, o + i); }
            case RECIPROCAL -> { for (; i < bound; i += step) one.div(DoubleVector.fromArray(ds, a, x + i)).intoArray(out, o + i); }
            case RELU -> {
                for (; i < bound; i += step) {
                    DoubleVector v = DoubleVector.fromArray(ds, a, x + i);
                    v.blend(zero, v.compare(VectorOperators.LT, zero)).intoArray(out, o + i);
                }
            }
            default -> throw new IllegalArgumentException("not vectorised: " + op);
        }
        if (i < n) {
            SCALAR.unary(op, out, o + i, 1, a, x + i, 1, n - i);
        }
    }

    @Override
    public String toString() {
        VectorSpecies<Float> fs = math.sp();
        VectorSpecies<Double> ds = math.dp();
        return "Vector API, " + fs.vectorBitSize() + "-bit: " + fs.length() + " float32 lanes and " + ds.length()
                + " float64 lanes";
    }
}
