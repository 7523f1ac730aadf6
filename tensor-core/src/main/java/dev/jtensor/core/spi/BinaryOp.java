package dev.jtensor.core.spi;

/**
 * The closed set of two-input elementwise primitives ({@link Backend#binary}). Both inputs have
 * the op's compute dtype, chosen by the op code with PyTorch's promotion before the call; the
 * output has the same dtype, except for comparisons and logical ops, whose output is bool. Ops that
 * PyTorch rejects for a dtype, and integer division by zero, are rejected before a primitive is
 * called.
 */
public enum BinaryOp {
    /** {@code a + alpha * b}; bool: {@code a | (alpha & b)}. */
    ADD,
    /** {@code a - alpha * b}; integer and floating dtypes. */
    SUB,
    /** {@code a * b}; bool: {@code a & b}. */
    MUL,
    /** True division {@code a / b}; floating dtypes. */
    DIV,
    /** {@code a / b} rounded toward zero; integer and floating dtypes. */
    DIV_TRUNC,
    /** {@code a / b} rounded toward negative infinity (Python's {@code //}); integer and floating dtypes. */
    DIV_FLOOR,
    /** Python's modulus: the remainder has the sign of {@code b}; integer and floating dtypes. */
    REMAINDER,
    /** {@code a ** b}, C's {@code pow} for floats; for integers exact with wrap-around, and 0 for negative exponents of |a| &gt; 1. */
    POW,
    /** The larger of {@code a} and {@code b}, NaN if either is NaN; bool: {@code a | b}. */
    MAXIMUM,
    /** The smaller of {@code a} and {@code b}, NaN if either is NaN; bool: {@code a & b}. */
    MINIMUM,
    /** {@code a < b ? b : a} with {@code b} the lower bound (NaN in either gives NaN); integer and floating dtypes. */
    CLAMP_MIN,
    /** {@code a > b ? b : a} with {@code b} the upper bound (NaN in either gives NaN); integer and floating dtypes. */
    CLAMP_MAX,
    /** {@code atan2(a, b)}, the angle of the point {@code (b, a)}; floating dtypes. */
    ATAN2,
    /** C's {@code fmod}: the remainder of truncated division, with the sign of {@code a}; integer and floating dtypes. */
    FMOD,
    /** {@code sqrt(a^2 + b^2)} without undue overflow; floating dtypes. */
    HYPOT,
    /** {@code log(e^a + e^b)}, computed stably; floating dtypes. */
    LOGADDEXP,
    /** Bitwise and (logical for bool); integer and bool dtypes. */
    BITWISE_AND,
    /** Bitwise or (logical for bool); integer and bool dtypes. */
    BITWISE_OR,
    /** Bitwise exclusive or (logical for bool); integer and bool dtypes. */
    BITWISE_XOR,
    /** {@code a << b}; 0 when {@code b} is negative or at least the bit width (PyTorch's CPU kernel); integer dtypes. */
    SHIFT_LEFT,
    /** Arithmetic {@code a >> b}; the sign fill when {@code b} is negative or at least the bit width; integer dtypes. */
    SHIFT_RIGHT,
    /** {@code a == b}, bool output. */
    EQ,
    /** {@code a != b}, bool output (true where either is NaN). */
    NE,
    /** {@code a < b}, bool output. */
    LT,
    /** {@code a <= b}, bool output. */
    LE,
    /** {@code a > b}, bool output. */
    GT,
    /** {@code a >= b}, bool output. */
    GE,
    /** {@code a && b}; bool inputs and output. */
    LOGICAL_AND,
    /** {@code a || b}; bool inputs and output. */
    LOGICAL_OR;

    /** {@return whether this op writes a bool output whatever its input dtype (comparisons and logical ops)} */
    public boolean hasBoolOutput() {
        return ordinal() >= EQ.ordinal();
    }

    /** {@return whether this is one of the six comparisons} */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
    }
}
