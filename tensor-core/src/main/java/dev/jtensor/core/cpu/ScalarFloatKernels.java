package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.UnaryOp;

/**
 * Plain-loop float32 and float64 row kernels: the reference twin of {@code VectorFloatKernels} and
 * the path for strided rows. One switch per row picks the loop; the loops themselves make no calls
 * but static ones, so the JIT inlines them. Float32 arithmetic is done in float, as PyTorch does;
 * transcendental functions go through {@link StrictMath} on double (the same bits on every
 * platform, which {@link Math} does not promise) and are rounded once, or through {@link FloatMath}.
 */
final class ScalarFloatKernels implements FloatKernels {
    @Override
    public void binary(BinaryOp op, float[] out, int o, int os, float[] a, int x, int xs, float[] b, int y, int ys,
            int n, float alpha) {
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] + b[y];
                } else {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] + alpha * b[y];
                }
            }
            case SUB -> {
                if (alpha == 1f) {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] - b[y];
                } else {
                    for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] - alpha * b[y];
                }
            }
            case MUL -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] * b[y]; }
            case DIV -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] / b[y]; }
            case DIV_TRUNC -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.truncDivide(a[x], b[y]); }
            case DIV_FLOOR -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.floorDivide(a[x], b[y]); }
            case REMAINDER -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.remainder(a[x], b[y]); }
            case POW -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.pow(a[x], b[y]); }
            case MAXIMUM -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.max(a[x], b[y]); }
            case MINIMUM -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.min(a[x], b[y]); }
            case CLAMP_MIN -> {
                for (int i = 0; i < n; i++, o += os, x += xs, y += ys) {
                    float v = a[x];
                    float lo = b[y];
                    out[o] = v < lo || lo != lo ? lo : v;
                }
            }
            case CLAMP_MAX -> {
                for (int i = 0; i < n; i++, o += os, x += xs, y += ys) {
                    float v = a[x];
                    float hi = b[y];
                    out[o] = v > hi || hi != hi ? hi : v;
                }
            }
            default -> throw new IllegalArgumentException("not a float32 arithmetic op: " + op);
        }
    }

    @Override
    public void binary(BinaryOp op, double[] out, int o, int os, double[] a, int x, int xs, double[] b, int y, int ys,
            int n, double alpha) {
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
            case DIV -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = a[x] / b[y]; }
            case DIV_TRUNC -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.truncDivide(a[x], b[y]); }
            case DIV_FLOOR -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.floorDivide(a[x], b[y]); }
            case REMAINDER -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.remainder(a[x], b[y]); }
            case POW -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = ElementMath.pow(a[x], b[y]); }
            case MAXIMUM -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.max(a[x], b[y]); }
            case MINIMUM -> { for (int i = 0; i < n; i++, o += os, x += xs, y += ys) out[o] = Math.min(a[x], b[y]); }
            case CLAMP_MIN -> {
                for (int i = 0; i < n; i++, o += os, x += xs, y += ys) {
                    double v = a[x];
                    double lo = b[y];
                    out[o] = v < lo || lo != lo ? lo : v;
                }
            }
            case CLAMP_MAX -> {
                for (int i = 0; i < n; i++, o += os, x += xs, y += ys) {
                    double v = a[x];
                    double hi = b[y];
                    out[o] = v > hi || hi != hi ? hi : v;
                }
            }
            default -> throw new IllegalArgumentException("not a float64 arithmetic op: " + op);
        }
    }

    @Override
    public void compare(BinaryOp op, boolean[] out, int o, int os, float[] a, int x, int xs, float[] b, int y, int ys,
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

    @Override
    public void compare(BinaryOp op, boolean[] out, int o, int os, double[] a, int x, int xs, double[] b, int y, int ys,
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

    @Override
    public void unary(UnaryOp op, float[] out, int o, int os, float[] a, int x, int xs, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = -a[x]; }
            case ABS -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.abs(a[x]); }
            case EXP -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = FloatMath.exp(a[x]); }
            case LOG -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = FloatMath.log(a[x]); }
            case LOG1P -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) StrictMath.log1p(a[x]); }
            case SQRT -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) Math.sqrt(a[x]); }
            case RSQRT -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = 1f / (float) Math.sqrt(a[x]); }
            case SIN -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) StrictMath.sin(a[x]); }
            case COS -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) StrictMath.cos(a[x]); }
            case TANH -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = FloatMath.tanh(a[x]); }
            case SIGMOID -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = FloatMath.sigmoid(a[x]); }
            case RELU -> {
                for (int i = 0; i < n; i++, o += os, x += xs) {
                    float v = a[x];
                    out[o] = v < 0 ? 0f : v;
                }
            }
            case GELU -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) ElementMath.gelu(a[x]); }
            case GELU_TANH -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = FloatMath.geluTanh(a[x]); }
            case FLOOR -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) Math.floor(a[x]); }
            case CEIL -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) Math.ceil(a[x]); }
            case ROUND -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = (float) Math.rint(a[x]); }
            case RECIPROCAL -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = 1f / a[x]; }
            default -> throw new IllegalArgumentException("not a float32 op: " + op);
        }
    }

    @Override
    public void unary(UnaryOp op, double[] out, int o, int os, double[] a, int x, int xs, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = -a[x]; }
            case ABS -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.abs(a[x]); }
            case EXP -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = StrictMath.exp(a[x]); }
            case LOG -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = StrictMath.log(a[x]); }
            case LOG1P -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = StrictMath.log1p(a[x]); }
            case SQRT -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.sqrt(a[x]); }
            case RSQRT -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = 1 / Math.sqrt(a[x]); }
            case SIN -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = StrictMath.sin(a[x]); }
            case COS -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = StrictMath.cos(a[x]); }
            case TANH -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = StrictMath.tanh(a[x]); }
            case SIGMOID -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = ElementMath.sigmoid(a[x]); }
            case RELU -> {
                for (int i = 0; i < n; i++, o += os, x += xs) {
                    double v = a[x];
                    out[o] = v < 0 ? 0d : v;
                }
            }
            case GELU -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = ElementMath.gelu(a[x]); }
            case GELU_TANH -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = ElementMath.geluTanh(a[x]); }
            case FLOOR -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.floor(a[x]); }
            case CEIL -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.ceil(a[x]); }
            case ROUND -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = Math.rint(a[x]); }
            case RECIPROCAL -> { for (int i = 0; i < n; i++, o += os, x += xs) out[o] = 1 / a[x]; }
            default -> throw new IllegalArgumentException("not a float64 op: " + op);
        }
    }

    @Override
    public String toString() {
        return "scalar loops";
    }
}
