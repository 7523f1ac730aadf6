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
    LOGICAL_NOT
}
