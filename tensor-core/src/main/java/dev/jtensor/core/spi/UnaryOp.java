package dev.jtensor.core.spi;

/**
 * The closed set of one-input elementwise primitives ({@link Backend#unary}). The input and the
 * output have the same dtype, chosen by the op code before the call (floating for the math
 * functions), except {@link #LOGICAL_NOT}, which reads and writes bool. Every backend implements
 * every constant for the dtypes listed on it; ops that PyTorch rejects for a dtype are rejected
 * before a primitive is called.
 */
public enum UnaryOp {
    /** {@code -x}; integer and floating dtypes. */
    NEG,
    /** {@code |x|}; integer and floating dtypes. */
    ABS,
    /** {@code e^x}; floating dtypes. */
    EXP,
    /** Natural logarithm; floating dtypes. */
    LOG,
    /** {@code log(1 + x)}, accurate near 0; floating dtypes. */
    LOG1P,
    /** Square root; floating dtypes. */
    SQRT,
    /** {@code 1 / sqrt(x)}; floating dtypes. */
    RSQRT,
    /** Sine; floating dtypes. */
    SIN,
    /** Cosine; floating dtypes. */
    COS,
    /** Hyperbolic tangent; floating dtypes. */
    TANH,
    /** {@code 1 / (1 + e^-x)}; floating dtypes. */
    SIGMOID,
    /** {@code x < 0 ? 0 : x} (NaN and -0.0 pass through, as PyTorch's clamp_min(x, 0)); integer and floating dtypes. */
    RELU,
    /** The exact GELU, {@code x * Phi(x)} with the normal CDF (PyTorch's {@code approximate='none'}); floating dtypes. */
    GELU,
    /** GELU's tanh approximation (PyTorch's {@code approximate='tanh'}); floating dtypes. */
    GELU_TANH,
    /** Round toward negative infinity; floating dtypes. */
    FLOOR,
    /** Round toward positive infinity; floating dtypes. */
    CEIL,
    /** Round half to even; floating dtypes. */
    ROUND,
    /** {@code 1 / x}; floating dtypes. */
    RECIPROCAL,
    /** {@code !x}; bool in, bool out. */
    LOGICAL_NOT,

    // ---------------------------------------------------------------- math functions (issue 20)
    /** Round toward zero; floating dtypes. */
    TRUNC,
    /** {@code -1}, {@code 0} or {@code 1} by the sign of x (0 for NaN and both zeros, as PyTorch); integer and floating dtypes. */
    SIGN,
    /** Tangent; floating dtypes. */
    TAN,
    /** Arcsine (NaN outside [-1, 1]); floating dtypes. */
    ASIN,
    /** Arccosine (NaN outside [-1, 1]); floating dtypes. */
    ACOS,
    /** Arctangent; floating dtypes. */
    ATAN,
    /** Hyperbolic sine; floating dtypes. */
    SINH,
    /** Hyperbolic cosine; floating dtypes. */
    COSH,
    /** Inverse hyperbolic sine; floating dtypes. */
    ASINH,
    /** Inverse hyperbolic cosine (NaN below 1); floating dtypes. */
    ACOSH,
    /** Inverse hyperbolic tangent (+-inf at +-1, NaN outside); floating dtypes. */
    ATANH,
    /** Base-2 logarithm; floating dtypes. */
    LOG2,
    /** Base-10 logarithm; floating dtypes. */
    LOG10,
    /** {@code 2^x}; floating dtypes. */
    EXP2,
    /** {@code e^x - 1}, accurate near 0; floating dtypes. */
    EXPM1,
    /** The error function; floating dtypes. */
    ERF,
    /** The complementary error function {@code 1 - erf(x)}; floating dtypes. */
    ERFC,
    /** The inverse error function (+-inf at +-1, NaN outside [-1, 1]); floating dtypes. */
    ERFINV,
    /** {@code log|Gamma(x)|} (+inf at 0 and the negative integers); floating dtypes. */
    LGAMMA,
    /** The digamma function {@code Gamma'(x)/Gamma(x)} ({@code -inf} at +0, {@code +inf} at -0, NaN at the negative integers); floating dtypes. */
    DIGAMMA,
    /** The trigamma function, the derivative of digamma (PyTorch's {@code polygamma(1, x)}); floating dtypes. */
    TRIGAMMA,
    /** {@code ~x}: bitwise not of integers, logical not of bool; integer and bool dtypes. */
    BITWISE_NOT,
    /** 1 where the sign bit is set (negative numbers, -0.0, -inf and NaNs with the bit set), else 0; floating dtypes. */
    SIGNBIT
}
