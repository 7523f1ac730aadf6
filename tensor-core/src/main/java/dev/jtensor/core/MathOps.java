package dev.jtensor.core;

import dev.jtensor.core.spi.BinaryOp;
import java.util.Arrays;

/**
 * The device-neutral side of issue 20's predicates and composite math functions: PyTorch's
 * argument checks, then compositions of existing ops (so gradients come from their parts and every
 * backend runs them). The public entry points are the predicate and math methods of {@link Tensor}.
 */
final class MathOps {
    private MathOps() {}

    // ---------------------------------------------------------------- predicates

    /** {@code isnan}: {@code x != x} (false for integers and bools). */
    static Tensor isnan(Tensor x) {
        return x.ne(x).detach();
    }

    /** {@code isinf}: {@code |x| == inf}. */
    static Tensor isinf(Tensor x) {
        return x.dtype().isFloatingPoint() ? x.detach().abs().eq(Double.POSITIVE_INFINITY) : x.ne(x).detach();
    }

    /** {@code isposinf} or {@code isneginf}. */
    static Tensor isSignedInf(Tensor x, boolean positive) {
        return x.dtype().isFloatingPoint() ? x.detach().eq(positive ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                : x.ne(x).detach();
    }

    /** {@code isfinite}: {@code x - x == 0} for floats (NaN and infinities give NaN), true for integers. */
    static Tensor isfinite(Tensor x) {
        Tensor d = x.detach();
        return d.dtype().isFloatingPoint() ? d.sub(d).eq(0.0) : d.eq(d);
    }

    /** {@code signbit}: the sign bit of floats (so -0.0 and a negative NaN too), {@code x < 0} for integers. */
    static Tensor signbit(Tensor x) {
        Tensor d = x.detach();
        if (d.dtype().isBool()) {
            return d.ne(d);
        }
        if (!d.dtype().isFloatingPoint()) {
            return d.lt(0L);
        }
        return Elementwise.unary("signbit", dev.jtensor.core.spi.UnaryOp.SIGNBIT, d).ne(0.0);
    }

    /** PyTorch's {@code isclose}: {@code a == b}, or both NaN with {@code equalNan}, or a finite {@code |a - b| <= atol + rtol * |b|}. */
    static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        if (a.dtype() != b.dtype()) {
            throw new TensorException(Elementwise.scalarTypeName(a.dtype()) + " did not match "
                    + Elementwise.scalarTypeName(b.dtype()) + ": isclose needs tensors of one dtype, got "
                    + a.dtype() + " and " + b.dtype());
        }
        if (!(rtol >= 0)) {
            throw new TensorException("rtol must be greater than or equal to zero, but got " + rtol);
        }
        if (!(atol >= 0)) {
            throw new TensorException("atol must be greater than or equal to zero, but got " + atol);
        }
        Tensor x = a.detach();
        Tensor y = b.detach();
        Tensor close = x.eq(y);
        if (equalNan && x.dtype().isFloatingPoint()) {
            close = close.logicalOr(x.ne(x).logicalAnd(y.ne(y)));
        }
        if (rtol == 0 && atol == 0) {
            return close;
        }
        if (x.dtype().isBool()) {
            x = x.to(DType.FLOAT32);
            y = y.to(DType.FLOAT32);
        }
        Tensor allowed = y.mul(rtol).abs().add(atol);
        Tensor actual = x.sub(y).abs();
        return close.logicalOr(isfinite(actual).logicalAnd(actual.le(allowed)));
    }

    /** {@code torch.equal}: the same shape and equal elements (NaN is not equal to itself). */
    static boolean equal(Tensor a, Tensor b) {
        a.checkSameDevice(b, "equal");
        if (!Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        return a.detach().eq(b.detach()).all().itemBoolean();
    }

    /**
     * {@code nan_to_num}: NaN, +inf and -inf replaced (by default with 0 and the dtype's largest and
     * lowest finite values); integer and bool tensors come back as a copy.
     */
    static Tensor nanToNum(Tensor x, Double nan, Double posinf, Double neginf) {
        if (!x.dtype().isFloatingPoint()) {
            return x.clone();
        }
        // torch.finfo(dtype).max
        double big = switch (x.dtype()) {
            case FLOAT16 -> 65504.0;
            case BFLOAT16 -> 0x1.fep127;
            case FLOAT32 -> Float.MAX_VALUE;
            default -> Double.MAX_VALUE;
        };
        // The replacements are converted to the tensor's dtype first, as PyTorch does (1e300 is inf in float32).
        boolean single = x.dtype() != DType.FLOAT64;
        double nanValue = toDtype(nan == null ? 0.0 : nan, single);
        double pos = toDtype(posinf == null ? big : posinf, single);
        double neg = toDtype(neginf == null ? -big : neginf, single);
        Tensor d = x.detach();
        Tensor r = Tensor.where(d.ne(d), nanValue, x);
        r = Tensor.where(d.eq(Double.POSITIVE_INFINITY), pos, r);
        return Tensor.where(d.eq(Double.NEGATIVE_INFINITY), neg, r);
    }

    private static double toDtype(double v, boolean single) {
        return single ? (float) v : v;
    }

    // ---------------------------------------------------------------- composite math functions

    /** {@code frac}: {@code x - trunc(x)}, floating tensors only. */
    static Tensor frac(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException("\"frac_cpu\" not implemented for '" + Elementwise.scalarTypeName(x.dtype())
                    + "': frac needs a floating point tensor, got " + x.dtype());
        }
        return x.sub(x.trunc());
    }

    /** {@code xlogy}: {@code x * log(y)}, 0 where {@code x == 0} unless y is NaN. */
    static Tensor xlogy(Object x, Object y) {
        Device device = Elementwise.device("xlogy", x, y);
        DType t = Elementwise.floating(Elementwise.resultType(x, y));
        Tensor a = Elementwise.operand(x, t, device);
        Tensor b = Elementwise.operand(y, t, device);
        Tensor product = a.mul(b.log());
        Tensor zero = a.detach().eq(0.0).logicalAnd(b.detach().eq(b.detach()));
        return Tensor.where(zero, 0.0, product);
    }

    /** {@code float_power}: both operands in float64, then {@code pow}. */
    static Tensor floatPower(Object base, Object exponent) {
        Object b = base instanceof Tensor t ? t.to(DType.FLOAT64) : (Object) ((Number) base).doubleValue();
        Object e = exponent instanceof Tensor t ? t.to(DType.FLOAT64) : (Object) ((Number) exponent).doubleValue();
        return Elementwise.pow(b, e);
    }

    /**
     * {@code lerp}: {@code start + w * (end - start)} for {@code |w| < 0.5}, else
     * {@code end - (end - start) * (1 - w)} (PyTorch's two forms, exact at both ends).
     */
    static Tensor lerp(Tensor start, Tensor end, Object weight) {
        checkSameDtype("lerp", "end", start, end);
        if (weight instanceof Tensor w) {
            checkSameDtype("lerp", "weight", start, w);
        }
        Tensor diff = end.sub(start);
        if (weight instanceof Tensor w) {
            Tensor low = start.add(w.mul(diff));
            Tensor high = end.sub(diff.mul(w.neg().add(1L)));
            return Tensor.where(w.detach().abs().lt(0.5), low, high);
        }
        double w = ((Number) weight).doubleValue();
        return Math.abs(w) < 0.5 ? start.add(diff.mul(w)) : end.sub(diff.mul(1 - w));
    }

    private static void checkSameDtype(String name, String arg, Tensor self, Tensor other) {
        if (self.dtype() != other.dtype()) {
            throw new TensorException("expected dtype " + self.dtype() + " for `" + arg + "` but got dtype "
                    + other.dtype() + " (" + name + " needs operands of one dtype)");
        }
    }

    /** {@code polygamma(n, x)} for the orders JTensor has: 0 (digamma) and 1 (trigamma). */
    static Tensor polygamma(long n, Tensor x) {
        if (n == 0) {
            return x.digamma();
        }
        if (n == 1) {
            return Elementwise.unary("polygamma", dev.jtensor.core.spi.UnaryOp.TRIGAMMA, x);
        }
        throw new TensorException("polygamma(n, x) is implemented for n = 0 and n = 1 only, got n = " + n
                + (n < 0 ? " (PyTorch: polygamma(n, x) does not support negative n)" : ""));
    }

    /** A bitwise op with PyTorch's integer-only check. */
    static Tensor bitwise(String name, BinaryOp op, Tensor self, Object other) {
        return Elementwise.math(name, op, self, other);
    }
}
