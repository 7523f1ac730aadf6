package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Tensor;
import java.util.function.Function;

/** Conformance mappings of issue 20's math functions ({@code math2.jsonl}); they only translate arguments. */
final class MathFunctionOps {
    private MathFunctionOps() {}

    static void register() {
        unary("sign", Tensor::sign);
        unary("sgn", Tensor::sgn);
        unary("trunc", Tensor::trunc);
        unary("frac", Tensor::frac);
        unary("tan", Tensor::tan);
        unary("asin", Tensor::asin);
        unary("acos", Tensor::acos);
        unary("atan", Tensor::atan);
        unary("sinh", Tensor::sinh);
        unary("cosh", Tensor::cosh);
        unary("asinh", Tensor::asinh);
        unary("acosh", Tensor::acosh);
        unary("atanh", Tensor::atanh);
        unary("log2", Tensor::log2);
        unary("log10", Tensor::log10);
        unary("exp2", Tensor::exp2);
        unary("expm1", Tensor::expm1);
        unary("erf", Tensor::erf);
        unary("erfc", Tensor::erfc);
        unary("erfinv", Tensor::erfinv);
        unary("lgamma", Tensor::lgamma);
        unary("digamma", Tensor::digamma);
        unary("square", Tensor::square);
        unary("bitwise_not", Tensor::bitwiseNot);
        op("fmod", a -> a.get(1) instanceof Tensor t ? a.tensor(0).fmod(t) : a.tensor(0).fmod((Number) a.get(1)));
        op("atan2", a -> a.tensor(0).atan2(a.tensor(1)));
        op("hypot", a -> a.tensor(0).hypot(a.tensor(1)));
        op("logaddexp", a -> a.tensor(0).logaddexp(a.tensor(1)));
        op("xlogy", a -> {
            if (!(a.get(0) instanceof Tensor)) {
                return Tensor.xlogy((Number) a.get(0), a.tensor(1));
            }
            return a.get(1) instanceof Tensor t ? a.tensor(0).xlogy(t) : a.tensor(0).xlogy((Number) a.get(1));
        });
        op("float_power", a -> a.get(1) instanceof Tensor t ? a.tensor(0).floatPower(t)
                : a.tensor(0).floatPower((Number) a.get(1)));
        op("lerp", a -> a.get(2) instanceof Tensor w ? a.tensor(0).lerp(a.tensor(1), w)
                : a.tensor(0).lerp(a.tensor(1), a.doubleAt(2)));
        op("bitwise_and", a -> a.tensor(0).bitwiseAnd(a.get(1)));
        op("bitwise_or", a -> a.tensor(0).bitwiseOr(a.get(1)));
        op("bitwise_xor", a -> a.tensor(0).bitwiseXor(a.get(1)));
        op("bitwise_left_shift", a -> a.get(1) instanceof Tensor t ? a.tensor(0).bitwiseLeftShift(t)
                : a.tensor(0).bitwiseLeftShift(a.longAt(1)));
        op("bitwise_right_shift", a -> a.get(1) instanceof Tensor t ? a.tensor(0).bitwiseRightShift(t)
                : a.tensor(0).bitwiseRightShift(a.longAt(1)));
    }

    private static void unary(String name, Function<Tensor, Tensor> f) {
        op(name, a -> f.apply(a.tensor(0)));
    }
}
