package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The device-neutral side of elementwise math: PyTorch's result dtypes (through {@link DType}),
 * argument and dtype checks with PyTorch's messages, casting of the inputs, allocation of the
 * output, the backend primitive, and the autograd record. {@link Tensor}'s elementwise methods are
 * one-line calls into this class.
 *
 * <p>An operand is a {@link Tensor} or a Java scalar: a {@link Double} (floating), a {@link Long}
 * (integer) or a {@link Boolean}. Scalars take part in promotion like Python numbers: they raise a
 * tensor's dtype only into a higher category, and then to that category's default dtype. A scalar
 * becomes a 0-d tensor of the compute dtype, which the iterator broadcasts with stride 0.
 */
final class Elementwise {
    private Elementwise() {}

    // ------------------------------------------------------------------ promotion

    /**
     * {@link #resultType(Object...)} of two operands without the array: two tensors of one dtype and
     * a tensor with a scalar (the common cases) directly.
     */
    static DType resultType(Object a, Object b) {
        if (a instanceof Tensor x) {
            if (b instanceof Tensor y) {
                if (x.dtype() == y.dtype()) {
                    return x.dtype();
                }
            } else if (b != null) {
                DType.Category c = category(b);
                return x.dim() > 0 ? DType.resultType(x.dtype(), null, c) : DType.resultType(null, x.dtype(), c);
            }
        }
        return resultType(new Object[] {a, b});
    }

    /** PyTorch's {@code result_type} of tensors and Java scalars (nulls are skipped). */
    static DType resultType(Object... operands) {
        DType dimensioned = null;
        DType zeroDim = null;
        DType.Category scalar = null;
        for (Object o : operands) {
            if (o == null) {
                continue;
            }
            if (o instanceof Tensor t) {
                if (t.dim() > 0) {
                    dimensioned = dimensioned == null ? t.dtype() : DType.promote(dimensioned, t.dtype());
                } else {
                    zeroDim = zeroDim == null ? t.dtype() : DType.promote(zeroDim, t.dtype());
                }
            } else {
                DType.Category c = category(o);
                scalar = scalar == null || c.compareTo(scalar) > 0 ? c : scalar;
            }
        }
        return DType.resultType(dimensioned, zeroDim, scalar);
    }

    private static DType.Category category(Object scalar) {
        return switch (scalar) {
            case Boolean b -> DType.Category.BOOL;
            case Double d -> DType.Category.FLOATING;
            case Float f -> DType.Category.FLOATING;
            case Long l -> DType.Category.INTEGER;
            case Integer i -> DType.Category.INTEGER;
            default -> throw new TensorException("unsupported scalar operand " + scalar + " of type "
                    + scalar.getClass().getSimpleName() + ": expected a Tensor, double, long or boolean");
        };
    }

    /**
     * Whether a value of dtype {@code from} may be written into a tensor of dtype {@code to} by an
     * in-place op (PyTorch's {@code canCast}): never floating into integer or bool, nor integer into bool.
     */
    static boolean canCast(DType from, DType to) {
        if (from.isFloatingPoint() && !to.isFloatingPoint()) {
            return false;
        }
        return !(from.isIntegral() && to.isBool());
    }

    /** The dtype math functions compute in: the input's if floating, else float32 (PyTorch's default dtype). */
    static DType floating(DType t) {
        return t.isFloatingPoint() ? t : DType.defaultOf(DType.Category.FLOATING);
    }

    /** {@code o} as a tensor of {@code dtype} on {@code device}: a cast (recorded) of a tensor, or a new 0-d tensor for a scalar. */
    static Tensor operand(Object o, DType dtype, Device device) {
        return switch (o) {
            case Tensor t -> t.to(dtype);
            case Boolean b -> Tensor.empty(new long[0], dtype, device).fill_(b);
            // A Python int meets a small integer tensor wrapped around (uint8 + 300 adds 44), as PyTorch casts it.
            case Long l when dtype.isReduced() -> Tensor.empty(new long[0], DType.INT64, device).fill_(l).to(dtype);
            case Long l -> Tensor.empty(new long[0], dtype, device).fill_(l);
            case Integer i -> Tensor.empty(new long[0], dtype, device).fill_((long) i);
            case Number n -> Tensor.empty(new long[0], dtype, device).fill_(n.doubleValue());
            default -> throw new TensorException("unsupported operand " + o);
        };
    }

    /** {@link #device(String, Object...)} of two operands, without the array. */
    private static Device device(String name, Object a, Object b) {
        return TensorIterator.commonDevice(name, a instanceof Tensor x ? x : null, b instanceof Tensor y ? y : null);
    }

    /** The device of the tensor operands, checked to be one. */
    static Device device(String name, Object... operands) {
        Tensor[] tensors = new Tensor[operands.length];
        for (int i = 0; i < operands.length; i++) {
            tensors[i] = operands[i] instanceof Tensor t ? t : null;
        }
        return TensorIterator.commonDevice(name, tensors);
    }

    /**
     * A new output of {@code shape}, laid out like the first input of that shape (not broadcast)
     * when that input is dense but not contiguous (a transposed or permuted tensor), as PyTorch
     * does, so that iteration runs through memory in order; contiguous otherwise.
     */
    static Tensor allocate(long[] shape, DType dtype, Device device, Tensor... inputs) {
        for (Tensor t : inputs) {
            if (!t.hasShape(shape)) {
                continue;
            }
            if (t.dim() > 1 && !t.isContiguous() && TensorIterator.isNonOverlappingAndDense(t)) {
                int nd = shape.length;
                Integer[] order = new Integer[nd];
                for (int d = 0; d < nd; d++) {
                    order[d] = d;
                }
                // Outermost first: larger strides first, ties kept in dim order.
                Arrays.sort(order, (x, y) -> Long.compare(Math.abs(t.stride(y)), Math.abs(t.stride(x))));
                long[] permuted = new long[nd];
                for (int d = 0; d < nd; d++) {
                    permuted[d] = shape[order[d]];
                }
                int[] inverse = new int[nd];
                for (int d = 0; d < nd; d++) {
                    inverse[order[d]] = d;
                }
                return Tensor.emptyUninitialized(permuted, dtype, device).permute(inverse);
            }
            break;
        }
        // Every caller writes each element of the new output (an iterator over all of it).
        return Tensor.emptyUninitialized(shape, dtype, device);
    }

    private static String describe(Object o) {
        return o instanceof Tensor t ? "tensor of shape " + Arrays.toString(t.shape()) + " and dtype " + t.dtype()
                : "scalar " + o;
    }

    // ------------------------------------------------------------------ binary ops

    /** {@code self + alpha * other} (PyTorch's {@code torch.add}). */
    static Tensor add(Tensor self, Object other, Number alpha) {
        checkAlpha("add", self, other, alpha);
        return binary("add", BinaryOp.ADD, Primitive.ADD, self, other, alpha);
    }

    /** {@code self - alpha * other} (PyTorch's {@code torch.sub}); bool operands are rejected as in PyTorch. */
    static Tensor sub(Tensor self, Object other, Number alpha) {
        checkSub(self, other);
        checkAlpha("sub", self, other, alpha);
        return binary("sub", BinaryOp.SUB, Primitive.SUB, self, other, alpha);
    }

    private static void checkSub(Object self, Object other) {
        boolean a = isBool(self);
        boolean b = isBool(other);
        if (a && b) {
            throw new TensorException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (a || b) {
            throw new TensorException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead. (operands: "
                    + describe(self) + ", " + describe(other) + ")");
        }
    }

    private static boolean isBool(Object o) {
        return o instanceof Boolean || (o instanceof Tensor t && t.dtype() == DType.BOOL);
    }

    private static void checkAlpha(String name, Tensor self, Object other, Number alpha) {
        DType t = resultType(self, other);
        boolean floatAlpha = alpha instanceof Double || alpha instanceof Float;
        if (floatAlpha && !t.isFloatingPoint()) {
            throw new TensorException("For integral input tensors, argument alpha must not be a floating point number "
                    + "(" + name + " with alpha=" + alpha + " has result dtype " + t + ")");
        }
    }

    /** {@code self * other}. */
    static Tensor mul(Tensor self, Object other) {
        return binary("mul", BinaryOp.MUL, Primitive.MUL, self, other, 1L);
    }

    /** PyTorch's {@code torch.div} with {@code rounding_mode} null (true division), "trunc" or "floor". */
    static Tensor div(Tensor self, Object other, String roundingMode) {
        return binary("div", divOp(roundingMode), Primitive.DIV, self, other, 1L);
    }

    /** In-place {@link #add}. */
    static Tensor add_(Tensor self, Object other, Number alpha) {
        checkAlpha("add_", self, other, alpha);
        return binaryInPlace("add_", BinaryOp.ADD, self, other, alpha);
    }

    /** In-place {@link #sub}. */
    static Tensor sub_(Tensor self, Object other, Number alpha) {
        checkSub(self, other);
        checkAlpha("sub_", self, other, alpha);
        return binaryInPlace("sub_", BinaryOp.SUB, self, other, alpha);
    }

    /** The primitive of a division rounding mode, or PyTorch's error for an unknown one. */
    private static BinaryOp divOp(String roundingMode) {
        if (roundingMode == null) {
            return BinaryOp.DIV;
        }
        return switch (roundingMode) {
            case "trunc" -> BinaryOp.DIV_TRUNC;
            case "floor" -> BinaryOp.DIV_FLOOR;
            default -> throw new TensorException("div expected rounding_mode to be one of None, 'trunc', or 'floor' "
                    + "but found '" + roundingMode + "'");
        };
    }

    /** In-place {@link #div}. */
    static Tensor div_(Tensor self, Object other, String roundingMode) {
        return binaryInPlace("div_", divOp(roundingMode), self, other, 1L);
    }

    /** Python's modulus (PyTorch's {@code torch.remainder}). */
    static Tensor remainder(Tensor self, Object other) {
        return binary("remainder", BinaryOp.REMAINDER, Primitive.REMAINDER, self, other, 1L);
    }

    /** {@code base ** exponent}; at least one of the two is a tensor. */
    static Tensor pow(Object base, Object exponent) {
        return binary("pow", BinaryOp.POW, Primitive.POW, base, exponent, 1L);
    }

    /** Elementwise maximum (NaN propagates). */
    static Tensor maximum(Tensor self, Tensor other) {
        return binary("maximum", BinaryOp.MAXIMUM, Primitive.MAXIMUM, self, other, 1L);
    }

    /** Elementwise minimum (NaN propagates). */
    static Tensor minimum(Tensor self, Tensor other) {
        return binary("minimum", BinaryOp.MINIMUM, Primitive.MINIMUM, self, other, 1L);
    }

    /** A comparison in the promoted dtype, giving bool. */
    static Tensor compare(String name, BinaryOp op, Tensor self, Object other) {
        return binary(name, op, null, self, other, 1L);
    }

    /**
     * A two-input math function or bitwise op of issue 20 ({@code atan2}, {@code fmod}, {@code hypot},
     * {@code logaddexp}, {@code bitwise_*}, shifts): promotion, checks and the autograd record as
     * for the arithmetic ops.
     */
    static Tensor math(String name, BinaryOp op, Object self, Object other) {
        return binary(name, op, primitiveOf(op), self, other, 1L);
    }

    /** {@link #math} written into self. */
    static Tensor math_(String name, BinaryOp op, Tensor self, Object other) {
        return binaryInPlace(name, op, self, other, 1L);
    }

    /** Logical and/or of the operands read as bools (non-zero is true). */
    static Tensor logical(String name, BinaryOp op, Tensor self, Tensor other) {
        return binary(name, op, null, self, other, 1L);
    }

    /**
     * The common path of binary ops: result dtype, checks, casts, output, primitive, record. A null
     * {@code prim} means not differentiable.
     */
    private static Tensor binary(String name, BinaryOp op, Primitive prim, Object self, Object other, Number alpha) {
        Device device = device(name, self, other);
        DType compute = computeType(name, op, self, other);
        Tensor a = operand(self, compute, device);
        Tensor b = operand(other, compute, device);
        checkDivisor(name, op, compute, b);
        DType outType = op.hasBoolOutput() ? DType.BOOL : compute;
        Tensor out = allocate(broadcastShape(a, b), outType, device, a, b);
        device.backend().binary(op, TensorIterator.of(out, a, b), alpha);
        if (prim == null || !(a.requiresGrad() || b.requiresGrad())) {
            // Nothing to record (Autograd.record would decide the same, after building its arrays).
            return out;
        }
        return switch (prim) {
            case ADD, SUB -> Autograd.record(prim, out, new Tensor[] {a, b}, alpha);
            case DIV -> Autograd.record(prim, out, new Tensor[] {a, b},
                    op == BinaryOp.DIV ? null : op == BinaryOp.DIV_TRUNC ? "trunc" : "floor");
            default -> Autograd.record(prim, out, new Tensor[] {a, b});
        };
    }

    /** The broadcast shape of two operands (a fresh array); equal shapes, the common case, need no broadcasting. */
    private static long[] broadcastShape(Tensor a, Tensor b) {
        long[] shape = a.shape();
        return b.hasShape(shape) ? shape : TensorIterator.broadcastShapes(a, b);
    }

    /**
     * A binary op written into {@code out} (PyTorch's {@code out=} argument): {@code out} must have
     * the broadcast shape and a dtype the result can be cast to; nothing is allocated when the
     * dtypes match. Like PyTorch, {@code out=} does not take part in autograd.
     */
    static Tensor binaryOut(String name, BinaryOp op, Tensor self, Object other, Number alpha, Tensor out) {
        if (Autograd.needsRecord(tensorsOf(self, new Object[] {other, out})) || out.requiresGrad()) {
            throw new TensorException(name + "(): functions with out=... arguments don't support automatic "
                    + "differentiation, but one of the arguments requires grad.");
        }
        if (op == BinaryOp.SUB) {
            checkSub(self, other);
        }
        Device device = device(name, self, other, out);
        DType compute = computeType(name, op, self, other);
        DType outType = op.hasBoolOutput() ? DType.BOOL : compute;
        if (!canCast(outType, out.dtype())) {
            throw new TensorException("result type " + outType + " can't be cast to the desired output type "
                    + out.dtype() + " (in " + name + " with out=)");
        }
        Tensor a = operand(self, compute, device);
        Tensor b = operand(other, compute, device);
        checkDivisor(name, op, compute, b);
        long[] shape = TensorIterator.broadcastShapes(a, b);
        if (!Arrays.equals(out.shape(), shape)) {
            throw new TensorException("out= tensor of shape " + Arrays.toString(out.shape())
                    + " doesn't match the broadcast shape " + Arrays.toString(shape) + " (in " + name + ")");
        }
        if (outType == out.dtype()) {
            device.backend().binary(op, TensorIterator.of(out, a, b), alpha);
        } else {
            Tensor r = allocate(shape, outType, device, a, b);
            device.backend().binary(op, TensorIterator.of(r, a, b), alpha);
            device.backend().copy(TensorIterator.of(out, r));
        }
        out.storage().bumpVersion();
        return out;
    }

    /** The dtype a binary op computes in, after PyTorch's promotion and the op's own rules. */
    private static DType computeType(String name, BinaryOp op, Object self, Object other) {
        DType common = resultType(self, other);
        switch (op) {
            case DIV:
            case ATAN2:
            case HYPOT:
            case LOGADDEXP:
                return floating(common);
            case BITWISE_AND:
            case BITWISE_OR:
            case BITWISE_XOR:
            case SHIFT_LEFT:
            case SHIFT_RIGHT:
                if (common.isFloatingPoint() || (common == DType.BOOL && (op == BinaryOp.SHIFT_LEFT || op == BinaryOp.SHIFT_RIGHT))) {
                    throw new TensorException("\"" + kernelName(op) + "_cpu\" not implemented for '" + scalarTypeName(common)
                            + "': " + name + " needs integer (or bool) operands, got " + describe(self) + " and "
                            + describe(other));
                }
                return common;
            case LOGICAL_AND:
            case LOGICAL_OR:
                return DType.BOOL;
            case SUB:
            case DIV_TRUNC:
            case DIV_FLOOR:
            case REMAINDER:
            case POW:
            case CLAMP_MIN:
            case CLAMP_MAX:
            case FMOD:
                if (common == DType.BOOL) {
                    throw new TensorException("\"" + name + "\" is not implemented for 'Bool': operands "
                            + describe(self) + " and " + describe(other));
                }
                break;
            default:
                break;
        }
        if (op == BinaryOp.POW && common.isIntegral() && other instanceof Long e && e < 0) {
            throw new TensorException("Integers to negative integer powers are not allowed (" + describe(self)
                    + " ** " + e + ")");
        }
        return common;
    }

    /** The name of an op's CPU kernel in PyTorch's "not implemented" messages. */
    private static String kernelName(BinaryOp op) {
        return switch (op) {
            case SHIFT_LEFT -> "lshift";
            case SHIFT_RIGHT -> "rshift";
            default -> op.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** PyTorch's C++ name of a dtype ("Float", "Long", ...), as its kernel errors spell it. */
    static String scalarTypeName(DType t) {
        return t.scalarTypeName();
    }

    /** Integer division and remainder by zero raise, as in PyTorch ("ZeroDivisionError"). */
    private static void checkDivisor(String name, BinaryOp op, DType compute, Tensor divisor) {
        if (compute.isFloatingPoint()
                || (op != BinaryOp.DIV_TRUNC && op != BinaryOp.DIV_FLOOR && op != BinaryOp.REMAINDER
                        && op != BinaryOp.FMOD)) {
            return;
        }
        Tensor zero = Tensor.empty(new long[0], compute, divisor.device());
        Tensor isZero = Tensor.empty(divisor.shape(), DType.BOOL, divisor.device());
        divisor.device().backend().binary(BinaryOp.EQ, TensorIterator.of(isZero, divisor, zero), 1L);
        for (boolean z : (boolean[]) isZero.toHostArray()) {
            if (z) {
                throw new TensorException("ZeroDivisionError: integer " + name + " by zero (divisor of shape "
                        + Arrays.toString(divisor.shape()) + " and dtype " + compute + " holds a 0)");
            }
        }
    }

    // ------------------------------------------------------------------ unary ops

    /**
     * A one-input op. Math functions (exp, log, ...) turn integer and bool inputs into float32;
     * neg, abs and relu keep the dtype and reject bool; floor, ceil and round return a copy of
     * integers; logical_not gives bool.
     */
    static Tensor unary(String name, UnaryOp op, Tensor self) {
        if (op == UnaryOp.SIGN && self.dtype().isBool()) {
            return self.detach().clone(); // a bool is its own sign (PyTorch)
        }
        DType compute = unaryComputeType(name, op, self.dtype());
        if (isRounding(op) && self.dtype().isIntegral()) {
            return self.detach().clone();
        }
        Tensor a = self.to(compute);
        Tensor out = allocate(a.shape(), compute, a.device(), a);
        a.device().backend().unary(op, TensorIterator.of(out, a));
        Primitive prim = primitiveOf(op);
        if (prim == null || !a.requiresGrad()) {
            return out;
        }
        if (prim == Primitive.GELU) {
            return Autograd.record(prim, out, new Tensor[] {a}, op == UnaryOp.GELU ? "none" : "tanh");
        }
        return Autograd.record(prim, out, new Tensor[] {a});
    }

    /** floor, ceil, round and trunc: the identity on integers (a copy). */
    private static boolean isRounding(UnaryOp op) {
        return op == UnaryOp.FLOOR || op == UnaryOp.CEIL || op == UnaryOp.ROUND || op == UnaryOp.TRUNC;
    }

    /** The dtype a one-input op computes in, or PyTorch's error for an input dtype it does not support. */
    private static DType unaryComputeType(String name, UnaryOp op, DType in) {
        switch (op) {
            case NEG -> {
                if (in.isBool()) {
                    throw new TensorException("Negation, the `-` operator, on a bool tensor is not supported. "
                            + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
                }
                return in;
            }
            case ABS, RELU, FLOOR, CEIL, ROUND, TRUNC -> {
                rejectBool(name, in);
                return in;
            }
            case SIGN -> {
                rejectBool(name, in);
                return in;
            }
            case BITWISE_NOT -> {
                if (in.isFloatingPoint()) {
                    throw new TensorException("\"bitwise_not_cpu\" not implemented for '" + scalarTypeName(in)
                            + "': " + name + " needs an integer or bool tensor");
                }
                return in;
            }
            case GELU, GELU_TANH -> {
                if (!in.isFloatingPoint()) {
                    throw new TensorException("\"GeluKernelImpl\" not implemented for " + in
                            + ": gelu needs a floating point tensor");
                }
                return in;
            }
            case LOGICAL_NOT -> {
                return DType.BOOL;
            }
            default -> {
                return floating(in);
            }
        }
    }

    private static void rejectBool(String name, DType t) {
        if (t.isBool()) {
            throw new TensorException("\"" + name + "\" is not implemented for 'Bool' (" + name + " of a torch.bool tensor)");
        }
    }

    private static Primitive primitiveOf(UnaryOp op) {
        return switch (op) {
            case NEG -> Primitive.NEG;
            case ABS -> Primitive.ABS;
            case EXP -> Primitive.EXP;
            case LOG -> Primitive.LOG;
            case LOG1P -> Primitive.LOG1P;
            case SQRT -> Primitive.SQRT;
            case RSQRT -> Primitive.RSQRT;
            case SIN -> Primitive.SIN;
            case COS -> Primitive.COS;
            case TANH -> Primitive.TANH;
            case SIGMOID -> Primitive.SIGMOID;
            case RELU -> Primitive.RELU;
            case GELU, GELU_TANH -> Primitive.GELU;
            case RECIPROCAL -> Primitive.RECIPROCAL;
            case FLOOR -> Primitive.FLOOR;
            case CEIL -> Primitive.CEIL;
            case ROUND -> Primitive.ROUND;
            case LOGICAL_NOT, BITWISE_NOT -> null;
            case TRUNC -> Primitive.TRUNC;
            case SIGN -> Primitive.SIGN;
            case TAN -> Primitive.TAN;
            case ASIN -> Primitive.ASIN;
            case ACOS -> Primitive.ACOS;
            case ATAN -> Primitive.ATAN;
            case SINH -> Primitive.SINH;
            case COSH -> Primitive.COSH;
            case ASINH -> Primitive.ASINH;
            case ACOSH -> Primitive.ACOSH;
            case ATANH -> Primitive.ATANH;
            case LOG2 -> Primitive.LOG2;
            case LOG10 -> Primitive.LOG10;
            case EXP2 -> Primitive.EXP2;
            case EXPM1 -> Primitive.EXPM1;
            case ERF -> Primitive.ERF;
            case ERFC -> Primitive.ERFC;
            case ERFINV -> Primitive.ERFINV;
            case LGAMMA -> Primitive.LGAMMA;
            case DIGAMMA -> Primitive.DIGAMMA;
            // polygamma(1, x) is the last derivative JTensor computes (its own derivative is not implemented).
            case TRIGAMMA -> null;
            case SIGNBIT -> null;
        };
    }

    /** GELU with PyTorch's {@code approximate} argument, "none" or "tanh". */
    static Tensor gelu(Tensor self, String approximate) {
        return switch (approximate) {
            case "none" -> unary("gelu", UnaryOp.GELU, self);
            case "tanh" -> unary("gelu", UnaryOp.GELU_TANH, self);
            default -> throw new TensorException("approximate argument must be either none or tanh, got '"
                    + approximate + "'");
        };
    }

    /**
     * Round half to even at {@code decimals} decimal places, as PyTorch computes it in the tensor's
     * dtype: {@code round(x * 10^d) / 10^d}, or {@code round(x / 10^-d) * 10^-d} for negative d.
     */
    static Tensor round(Tensor self, long decimals) {
        if (decimals == 0) {
            return unary("round", UnaryOp.ROUND, self);
        }
        if (!self.dtype().isFloatingPoint()) {
            throw new TensorException("\"round_cpu\" not implemented for " + self.dtype()
                    + ": round with decimals=" + decimals + " needs a floating point tensor");
        }
        double scale = Math.pow(10, Math.abs(decimals));
        Tensor s = self.detach();
        return decimals > 0 ? s.mul(scale).round().div(scale) : s.div(scale).round().mul(scale);
    }

    // ------------------------------------------------------------------ scalar conversion

    /**
     * PyTorch's checked conversion of a scalar that is stored as is (a fill value, a clamp bound):
     * it must be representable in {@code dtype}, or the op fails naming it instead of storing a
     * wrapped or saturated number. Integer dtypes take neither NaN, infinities nor out-of-range
     * values; float32 takes any value but finite ones beyond its range.
     *
     * @throws TensorException "value cannot be converted to type T without overflow: v"
     */
    static void checkFits(String op, Object value, DType dtype) {
        boolean fits = switch (value) {
            // c10::overflows: an unsigned target also takes the negatives of its range (-1 becomes 255).
            case Long v -> switch (dtype) {
                case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
                case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
                case UINT8 -> v >= -255 && v <= 255;
                default -> true;
            };
            case Double v -> switch (dtype) {
                case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
                case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
                case UINT8 -> v >= -255 && v <= 255;
                case INT64 -> v >= -0x1p63 && v < 0x1p63;
                case FLOAT32 -> !Double.isFinite(v) || Math.abs(v) <= Float.MAX_VALUE;
                default -> true;
            };
            default -> true;
        };
        if (!fits) {
            throw new TensorException(op + ": value cannot be converted to type " + dtype + " without overflow: " + value);
        }
    }

    // ------------------------------------------------------------------ clamp

    /** PyTorch's {@code torch.clamp}; each bound is a Double, Long, Tensor or null (not both null). */
    static Tensor clamp(Tensor self, Object min, Object max) {
        if (min == null && max == null) {
            throw new TensorException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Device device = device("clamp", self, min, max);
        DType t = resultType(self, min, max);
        if (t.isBool()) {
            throw new TensorException("\"clamp\" is not implemented for 'Bool' (clamp of " + describe(self) + ")");
        }
        for (Object bound : new Object[] {min, max}) {
            if (bound != null && !(bound instanceof Tensor)) {
                checkFits("clamp", bound, t);
            }
        }
        Tensor x = self.to(t);
        if (min != null) {
            x = clampBound(BinaryOp.CLAMP_MIN, Primitive.CLAMP_MIN, x, operand(min, t, device));
        }
        if (max != null) {
            x = clampBound(BinaryOp.CLAMP_MAX, Primitive.CLAMP_MAX, x, operand(max, t, device));
        }
        return x;
    }

    private static Tensor clampBound(BinaryOp op, Primitive prim, Tensor x, Tensor bound) {
        Tensor out = allocate(TensorIterator.broadcastShapes(x, bound), x.dtype(), x.device(), x, bound);
        x.device().backend().binary(op, TensorIterator.of(out, x, bound), 1L);
        return Autograd.record(prim, out, new Tensor[] {x, bound});
    }

    // ------------------------------------------------------------------ where, masked_fill, tril, triu

    /** PyTorch's {@code torch.where(cond, x, y)}; x and y are tensors or scalars and are promoted together. */
    static Tensor where(Tensor cond, Object x, Object y) {
        if (cond.dtype() != DType.BOOL) {
            throw new TensorException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + cond.dtype());
        }
        Device device = device("where", cond, x, y);
        DType t = resultType(x, y);
        return whereTyped(cond, operand(x, t, device), operand(y, t, device));
    }

    private static Tensor whereTyped(Tensor cond, Tensor a, Tensor b) {
        Device device = TensorIterator.commonDevice("where", cond, a, b);
        Tensor out = allocate(TensorIterator.broadcastShapes(cond, a, b), a.dtype(), device, a, b, cond);
        device.backend().where(TensorIterator.of(out, cond, a, b));
        return Autograd.record(Primitive.WHERE, out, new Tensor[] {a, b}, cond);
    }

    /** The value of a masked fill as a tensor of {@code self}'s dtype, after PyTorch's checks. */
    private static Tensor fillValue(Tensor self, Tensor mask, Object value) {
        if (mask.dtype() != DType.BOOL) {
            throw new TensorException("masked_fill_ only supports boolean masks, but got mask with dtype " + mask.dtype());
        }
        device("masked_fill", self, mask, value);
        if (value instanceof Tensor v && v.dim() != 0) {
            throw new TensorException("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                    + v.dim() + " dimension(s).");
        }
        checkFits("masked_fill", value, self.dtype());
        return operand(value, self.dtype(), self.device());
    }

    /** PyTorch's {@code masked_fill}: {@code value} where {@code mask}, else {@code self}; the shapes broadcast. */
    static Tensor maskedFill(Tensor self, Tensor mask, Object value) {
        Tensor v = fillValue(self, mask, value);
        return whereTyped(mask, v, self);
    }

    /** PyTorch's {@code masked_fill_}: the mask must broadcast to self's shape. */
    static Tensor maskedFill_(Tensor self, Tensor mask, Object value) {
        Tensor v = fillValue(self, mask, value);
        checkMaskShape(self, mask);
        return inPlace("masked_fill_", self, new Object[] {mask, value}, s -> whereTyped(mask, v, s),
                () -> self.device().backend().where(TensorIterator.of(self, mask, v, self)));
    }

    private static void checkMaskShape(Tensor self, Tensor mask) {
        long[] b = Shapes.broadcast(self.shape(), mask.shape());
        if (!Arrays.equals(b, self.shape())) {
            throw new TensorException("The expanded size of the mask " + Arrays.toString(mask.shape())
                    + " must match the shape of the tensor " + Arrays.toString(self.shape()) + " filled in place");
        }
    }

    /**
     * The bool mask of the lower ({@code lower}) or upper triangle of the last two dims, with the
     * diagonal offset by {@code k}, built with this class's own ops.
     */
    private static Tensor triangleMask(Tensor self, long k, boolean lower, String name) {
        if (self.dim() == 0) {
            throw new TensorException(name + ": Dimension specified as -2 but tensor has no dimensions");
        }
        Shapes.normalizeDim(-2, self.dim());
        long rows = self.size(-2);
        long cols = self.size(-1);
        Tensor colIndex = Tensor.arange(cols).to(self.device());
        Tensor rowIndex = Tensor.arange(rows).to(self.device()).unsqueeze(1);
        Tensor diagonal = colIndex.sub(rowIndex);
        return lower ? diagonal.le(k) : diagonal.ge(k);
    }

    /** PyTorch's {@code tril}/{@code triu}: the triangle of the last two dims, zero elsewhere. */
    static Tensor triangle(Tensor self, long k, boolean lower) {
        Tensor mask = triangleMask(self, k, lower, lower ? "tril" : "triu");
        Tensor zero = Tensor.empty(new long[0], self.dtype(), self.device());
        return whereTyped(mask, self, zero);
    }

    /** PyTorch's {@code tril_}/{@code triu_}. */
    static Tensor triangle_(Tensor self, long k, boolean lower) {
        Tensor mask = triangleMask(self, k, lower, lower ? "tril_" : "triu_");
        return maskedFill_(self, mask.logicalNot(), 0L);
    }

    // ------------------------------------------------------------------ in place

    /**
     * Runs an in-place op on {@code self}. Without autograd recording, {@code direct} (when given)
     * writes straight into self; otherwise the op runs out of place and the result, checked to be
     * castable to self's dtype (PyTorch's rule) and of self's shape, is copied in. With recording,
     * the op runs out of place on a (recorded) copy of self and self becomes a recorded copy of the
     * result, so that the graph never reads values the write destroyed.
     *
     * @param others the op's other operands (tensors or scalars), for the recording decision
     * @param outOfPlace the op applied out of place to its argument (self, or self's copy)
     * @param direct the op written straight into self, or null when the dtypes do not allow it
     */
    static Tensor inPlace(String name, Tensor self, Object[] others, UnaryOperator<Tensor> outOfPlace,
            Runnable direct) {
        self.checkInPlaceAllowed(name);
        if (Autograd.needsRecord(tensorsOf(self, others))) {
            Tensor r = outOfPlace.apply(self.clone());
            checkResult(name, self, r);
            Tensor cast = r.to(self.dtype());
            self.device().backend().copy(TensorIterator.of(self, cast.detach()));
            self.storage().bumpVersion();
            return Autograd.record(Primitive.CLONE, self, new Tensor[] {cast});
        }
        if (direct != null) {
            direct.run();
        } else {
            Tensor r = outOfPlace.apply(self);
            checkResult(name, self, r);
            self.device().backend().copy(TensorIterator.of(self, r));
        }
        self.storage().bumpVersion();
        return self;
    }

    /** A binary op written into self ({@code add_}, {@code eq_}, ...). */
    static Tensor binaryInPlace(String name, BinaryOp op, Tensor self, Object other, Number alpha) {
        Primitive prim = primitiveOf(op);
        DType compute = computeType(name, op, self, other);
        DType outType = op.hasBoolOutput() ? DType.BOOL : compute;
        Runnable direct = null;
        if (outType == self.dtype()) {
            direct = () -> {
                Device device = device(name, self, other);
                Tensor a = self.to(compute);
                Tensor b = operand(other, compute, device);
                checkDivisor(name, op, compute, b);
                device.backend().binary(op, TensorIterator.of(self, a, b), alpha);
            };
        }
        return inPlace(name, self, new Object[] {other}, s -> binary(name, op, prim, s, other, alpha), direct);
    }

    private static Primitive primitiveOf(BinaryOp op) {
        return switch (op) {
            case ADD -> Primitive.ADD;
            case SUB -> Primitive.SUB;
            case MUL -> Primitive.MUL;
            case DIV, DIV_TRUNC, DIV_FLOOR -> Primitive.DIV;
            case REMAINDER -> Primitive.REMAINDER;
            case POW -> Primitive.POW;
            case MAXIMUM -> Primitive.MAXIMUM;
            case MINIMUM -> Primitive.MINIMUM;
            case CLAMP_MIN -> Primitive.CLAMP_MIN;
            case CLAMP_MAX -> Primitive.CLAMP_MAX;
            case ATAN2 -> Primitive.ATAN2;
            case FMOD -> Primitive.FMOD;
            case HYPOT -> Primitive.HYPOT;
            case LOGADDEXP -> Primitive.LOGADDEXP;
            default -> null;
        };
    }

    /** A one-input op written into self ({@code exp_}, {@code relu_}, ...). */
    static Tensor unaryInPlace(String name, UnaryOp op, Tensor self) {
        if (isRounding(op) && self.dtype().isIntegral()) {
            self.checkInPlaceAllowed(name);
            return self;
        }
        DType compute = unaryComputeType(name, op, self.dtype());
        Runnable direct = () -> self.device().backend().unary(op, TensorIterator.of(self, self.to(compute)));
        return inPlace(name, self, new Object[0], s -> unary(name, op, s), compute == self.dtype() ? direct : null);
    }

    /** GELU written into self. */
    static Tensor gelu_(Tensor self, String approximate) {
        UnaryOp op = switch (approximate) {
            case "none" -> UnaryOp.GELU;
            case "tanh" -> UnaryOp.GELU_TANH;
            default -> throw new TensorException("approximate argument must be either none or tanh, got '"
                    + approximate + "'");
        };
        return unaryInPlace("gelu_", op, self);
    }

    /** Rounding at {@code decimals} places written into self. */
    static Tensor round_(Tensor self, long decimals) {
        if (decimals == 0) {
            return unaryInPlace("round_", UnaryOp.ROUND, self);
        }
        return inPlace("round_", self, new Object[0], s -> round(s, decimals), null);
    }

    /** Clamping written into self. */
    static Tensor clamp_(Tensor self, Object min, Object max) {
        if (min == null && max == null) {
            throw new TensorException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        DType t = resultType(self, min, max);
        Runnable direct = null;
        if (t == self.dtype() && !t.isBool()) {
            direct = () -> {
                Device device = device("clamp_", self, min, max);
                if (min != null) {
                    device.backend().binary(BinaryOp.CLAMP_MIN, TensorIterator.of(self, self, operand(min, t, device)), 1L);
                }
                if (max != null) {
                    device.backend().binary(BinaryOp.CLAMP_MAX, TensorIterator.of(self, self, operand(max, t, device)), 1L);
                }
            };
        }
        return inPlace("clamp_", self, new Object[] {min, max}, s -> clamp(s, min, max), direct);
    }

    private static void checkResult(String name, Tensor self, Tensor r) {
        if (!canCast(r.dtype(), self.dtype())) {
            throw new TensorException("result type " + r.dtype() + " can't be cast to the desired output type "
                    + self.dtype() + " (in " + name + ")");
        }
        if (!Arrays.equals(r.shape(), self.shape())) {
            throw new TensorException("output with shape " + Arrays.toString(self.shape())
                    + " doesn't match the broadcast shape " + Arrays.toString(r.shape()) + " (in " + name + ")");
        }
    }

    private static Tensor[] tensorsOf(Tensor self, Object[] others) {
        Tensor[] ts = new Tensor[others.length + 1];
        ts[0] = self;
        for (int i = 0; i < others.length; i++) {
            ts[i + 1] = others[i] instanceof Tensor t ? t : null;
        }
        return ts;
    }
}
