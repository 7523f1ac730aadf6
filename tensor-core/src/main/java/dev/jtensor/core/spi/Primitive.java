package dev.jtensor.core.spi;

/**
 * The closed set of differentiable primitives that ops report to the autograd engine. tensor-ops'
 * table of derivatives is an exhaustive switch over this enum, so a primitive added here without a
 * derivative does not compile. Composite ops (softmax as exp/sum, ...) are not listed: their
 * gradients come from their parts.
 */
public enum Primitive {
    // Views and reshapes: attrs documented at each recording site in Tensor.
    /** view/reshape as a view; attrs: input shape. */
    VIEW,
    /** permute/transpose/t; attrs: the permutation. */
    PERMUTE,
    /** expand; attrs: input shape. */
    EXPAND,
    /** slice/narrow along a dim; attrs: dim, start, step, input shape. */
    SLICE,
    /** select an index along a dim (drops it); attrs: dim, index, input shape. */
    SELECT,
    /** a strided view with new dims of size 1 or removed size-1 dims (squeeze/unsqueeze); attrs: input shape. */
    RESHAPE_ALIAS,
    /** flip; attrs: dims. */
    FLIP,
    /** cat of inputs along a dim; attrs: dim, the sizes along dim. */
    CAT,
    /** repeat; attrs: repeats, input shape. */
    REPEAT,
    /** a copy with another dtype (or device); attrs: input dtype. */
    CAST,
    /** copy into a fresh contiguous tensor (contiguous, clone). */
    CLONE,

    // ---------------------------------------------------------------- elementwise
    // (primitives of this area go here; keep the blank lines between areas)
    // Inputs are recorded after promotion and casting (each input has the op's compute dtype; the
    // casts are recorded as CAST) and before broadcasting (the engine sums gradients back to each
    // input's shape). A Java scalar operand is recorded as a 0-d tensor that does not require grad.
    /** {@code a + alpha * b}; inputs (a, b); attrs: alpha (a Long or Double). */
    ADD,
    /** {@code a - alpha * b}; inputs (a, b); attrs: alpha (a Long or Double). */
    SUB,
    /** {@code a * b}; inputs (a, b). */
    MUL,
    /**
     * {@code a / b}; inputs (a, b) of a floating dtype; attrs: rounding mode (null for true division,
     * or "trunc" / "floor", whose derivative is zero).
     */
    DIV,
    /** Python's {@code a % b}; inputs (a, b); derivative {@code (g, -g * floor(a / b))}. */
    REMAINDER,
    /** {@code a ** b}; inputs (base, exponent). */
    POW,
    /** Elementwise maximum; inputs (a, b); PyTorch splits the gradient equally where a == b. */
    MAXIMUM,
    /** Elementwise minimum; inputs (a, b); PyTorch splits the gradient equally where a == b. */
    MINIMUM,
    /** {@code clamp_min(a, min)} (clamp's lower bound); inputs (a, min); the gradient flows to a where {@code a >= min}. */
    CLAMP_MIN,
    /** {@code clamp_max(a, max)} (clamp's upper bound); inputs (a, max); the gradient flows to a where {@code a <= max}. */
    CLAMP_MAX,
    /** {@code -x}; inputs (x). */
    NEG,
    /** {@code |x|}; inputs (x); derivative {@code sign(x)}, 0 at 0. */
    ABS,
    /** {@code e^x}; inputs (x). */
    EXP,
    /** {@code log x}; inputs (x). */
    LOG,
    /** {@code log(1 + x)}; inputs (x). */
    LOG1P,
    /** {@code sqrt x}; inputs (x). */
    SQRT,
    /** {@code 1 / sqrt x}; inputs (x). */
    RSQRT,
    /** {@code sin x}; inputs (x). */
    SIN,
    /** {@code cos x}; inputs (x). */
    COS,
    /** {@code tanh x}; inputs (x). */
    TANH,
    /** {@code 1 / (1 + e^-x)}; inputs (x). */
    SIGMOID,
    /** {@code max(x, 0)}; inputs (x); derivative 1 where the result is positive. */
    RELU,
    /** GELU; inputs (x); attrs: approximate ("none" for the exact erf form, or "tanh"). */
    GELU,
    /** {@code 1 / x}; inputs (x). */
    RECIPROCAL,
    /**
     * {@code cond ? x : y}; inputs (x, y) of the result dtype; attrs: cond (a bool tensor that
     * broadcasts with both). masked_fill (x = the value, y = self), tril and triu record this.
     */
    WHERE,

    // ---------------------------------------------------------------- end of elementwise


    // ---------------------------------------------------------------- reductions
    // (primitives of this area go here; keep the blank lines between areas)
    // Attrs are recorded by dev.jtensor.core.Reductions; dims are normalised and ascending, and
    // the output is the recorded output tensor (saved by the engine).
    /** sum over dims; attrs: {@code int[] dims}, {@code boolean keepdim}, {@code long[] inputShape}. */
    SUM,
    /** mean over dims; attrs: {@code int[] dims}, {@code boolean keepdim}, {@code long[] inputShape} (the count is the product of those dims' sizes). */
    MEAN,
    /** product over dims (one dim, or all); attrs: {@code int[] dims}, {@code boolean keepdim}, {@code long[] inputShape}. */
    PROD,
    /**
     * amax over dims, and max() of the whole tensor (gradient shared evenly among tied maxima, as
     * PyTorch); attrs: {@code int[] dims}, {@code boolean keepdim}, {@code long[] inputShape}.
     */
    AMAX,
    /** amin over dims, and min() of the whole tensor; attrs as {@link #AMAX}. */
    AMIN,
    /**
     * the values of max with a dim (the indices output is not differentiable; the gradient goes to
     * the indexed elements); attrs: {@code int dim}, {@code boolean keepdim}, {@code long[] inputShape},
     * {@code Tensor indices} (int64, the shape of the values).
     */
    MAX_DIM,
    /** the values of min with a dim; attrs as {@link #MAX_DIM}. */
    MIN_DIM,
    /** logsumexp over dims; attrs: {@code int[] dims}, {@code boolean keepdim}, {@code long[] inputShape}. */
    LOGSUMEXP,
    /**
     * variance over dims; attrs: {@code int[] dims}, {@code double correction} (divisor
     * {@code max(0, n - correction)}), {@code boolean keepdim}, {@code long[] inputShape}.
     */
    VAR,
    /** standard deviation over dims; attrs as {@link #VAR}. */
    STD,
    /** inclusive cumulative sum along a dim; attrs: {@code int dim}. */
    CUMSUM,

    // ---------------------------------------------------------------- end of reductions


    // ---------------------------------------------------------------- indexing
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of indexing


    // ---------------------------------------------------------------- linalg
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of linalg


    // ---------------------------------------------------------------- nn
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of nn

}
