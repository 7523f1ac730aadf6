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
    /** {@code floor x} of a floating tensor; inputs (x); piecewise constant, so its derivative is zero (as PyTorch). */
    FLOOR,
    /** {@code ceil x} of a floating tensor; inputs (x); derivative zero. */
    CEIL,
    /** {@code round x} (half to even) of a floating tensor; inputs (x); derivative zero. */
    ROUND,
    /**
     * {@code cond ? x : y}; inputs (x, y) of the result dtype; attrs: cond (a bool tensor that
     * broadcasts with both). masked_fill (x = the value, y = self), tril and triu record this.
     */
    WHERE,

    // ---------------------------------------------------------------- math functions (issue 20)
    // (inputs recorded as for the elementwise primitives above)
    /** {@code trunc x} of a floating tensor; inputs (x); derivative zero. */
    TRUNC,
    /** {@code sign x}; inputs (x); derivative zero. */
    SIGN,
    /** {@code tan x}; inputs (x); the output is saved ({@code 1 + tan^2}). */
    TAN,
    /** {@code asin x}; inputs (x). */
    ASIN,
    /** {@code acos x}; inputs (x). */
    ACOS,
    /** {@code atan x}; inputs (x). */
    ATAN,
    /** {@code sinh x}; inputs (x). */
    SINH,
    /** {@code cosh x}; inputs (x). */
    COSH,
    /** {@code asinh x}; inputs (x). */
    ASINH,
    /** {@code acosh x}; inputs (x). */
    ACOSH,
    /** {@code atanh x}; inputs (x). */
    ATANH,
    /** {@code log2 x}; inputs (x). */
    LOG2,
    /** {@code log10 x}; inputs (x). */
    LOG10,
    /** {@code 2^x}; inputs (x); the output is saved. */
    EXP2,
    /** {@code e^x - 1}; inputs (x); the output is saved. */
    EXPM1,
    /** {@code erf x}; inputs (x). */
    ERF,
    /** {@code erfc x}; inputs (x). */
    ERFC,
    /** {@code erfinv x}; inputs (x); the output is saved. */
    ERFINV,
    /** {@code lgamma x}; inputs (x); derivative digamma. */
    LGAMMA,
    /** {@code digamma x}; inputs (x); derivative trigamma. */
    DIGAMMA,
    /** {@code atan2(a, b)}; inputs (a, b). */
    ATAN2,
    /** C's {@code fmod(a, b)}; inputs (a, b); derivative {@code (g, -g * trunc(a / b))}. */
    FMOD,
    /** {@code hypot(a, b)}; inputs (a, b); the output is saved. */
    HYPOT,
    /** {@code logaddexp(a, b)}; inputs (a, b). */
    LOGADDEXP,

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
    /**
     * a vector norm over dims (issue 20: {@code norm}, {@code linalg.vector_norm}); attrs:
     * {@code int[] dims}, {@code boolean keepdim}, {@code long[] inputShape}, {@code double ord}
     * (0, +-inf or a p); PyTorch's derivative, 0 where the norm is 0.
     */
    NORM,
    /**
     * the sum over dims with NaN taken as 0 (issue 20: {@code nansum}, {@code nanmean}); attrs as
     * {@link #SUM}; the derivative is the output gradient times {@code !isnan(x)} (so an infinite
     * gradient gives NaN at a NaN, as in PyTorch).
     */
    NANSUM,

    // ---------------------------------------------------------------- end of reductions


    // ---------------------------------------------------------------- indexing
    // (primitives of this area go here; keep the blank lines between areas)
    // In-place variants (indexPut_, scatter_, scatterAdd_, indexAdd_) record the written tensor
    // both as input 0 (its value before the write) and as the output. Dims in attrs are normalised
    // (non-negative) Integers; index tensors are int64.
    /**
     * Advanced-index read {@code input[items]}, recorded after the basic items were applied as view
     * ops. Inputs: the indexed view. Attrs: the input shape ({@code long[]}); the items
     * ({@code Index[]}, one per input dim: {@code Index.all()} or an int64 index tensor; bool masks
     * are already replaced by their {@code nonzero()} columns). Backward:
     * {@code zeros(shape).indexPut_(items, grad, true)}.
     */
    INDEX,
    /**
     * {@code indexPut}/{@code indexPut_} ({@code self[items] = value}, or {@code +=} with accumulate).
     * Inputs: self, value (same dtype after a cast; broadcast to the indexed shape). Attrs: the items
     * as given ({@code Index[]}); accumulate ({@code Boolean}). Backward: self gets {@code grad} with
     * accumulate, else {@code grad.indexPut(items, 0)}; value gets {@code grad.index(items)} summed
     * down to value's shape.
     */
    INDEX_PUT,
    /**
     * {@code gather(dim, index)}. Inputs: self. Attrs: dim, index, the input shape ({@code long[]}).
     * Backward: {@code zeros(shape).scatterAdd_(dim, index, grad)}.
     */
    GATHER,
    /**
     * {@code scatter}/{@code scatter_}. Inputs: self and src, or only self when a scalar value was
     * scattered. Attrs: dim, index. Backward: self gets {@code grad.scatter(dim, index, 0)}; src gets
     * {@code grad.gather(dim, index)} (zero-padded to src's shape where src is larger than index).
     */
    SCATTER,
    /**
     * {@code scatterAdd}/{@code scatterAdd_}. Inputs: self, src. Attrs: dim, index. Backward: self
     * gets {@code grad}; src gets {@code grad.gather(dim, index)} (zero-padded to src's shape).
     */
    SCATTER_ADD,
    /**
     * {@code indexSelect(dim, index)}. Inputs: self. Attrs: dim, index (1-d), the input shape
     * ({@code long[]}). Backward: {@code zeros(shape).indexAdd_(dim, index, grad)}.
     */
    INDEX_SELECT,
    /**
     * {@code indexAdd}/{@code indexAdd_} ({@code self[.., index[i], ..] += alpha * source[.., i, ..]}).
     * Inputs: self, source. Attrs: dim, index (1-d), alpha ({@code Double}). Backward: self gets
     * {@code grad}; source gets {@code grad.indexSelect(dim, index)} times alpha, in source's shape.
     */
    INDEX_ADD,

    // ---------------------------------------------------------------- end of indexing


    // ---------------------------------------------------------------- linalg
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * The batched matrix product {@code out = a @ b} of two inputs of at least 2 dims, {@code a} of
     * shape {@code [..., n, k]} and {@code b} of {@code [..., k, m]}, whose batch dims (all but the
     * last two) broadcast against each other; {@code out} is {@code [broadcast batch..., n, m]}.
     * No attrs. Derivatives: {@code grad_a = grad @ b.mT} and {@code grad_b = a.mT @ grad}
     * ({@code mT} swaps the last two dims), each summed down to its input's shape over the
     * broadcast batch dims. matmul, mm, bmm, dot, mv and outer all record this one primitive; their
     * 1-D operands are unsqueeze/squeeze views around it.
     */
    MATMUL,

    // ---------------------------------------------------------------- end of linalg


    // ---------------------------------------------------------------- shapes
    // (primitives of this area go here; keep the blank lines between areas)
    // The shape ops of issue 20 (roll, tile, movedim, kron, einsum, ...) are composed of views and
    // other primitives; only the diagonal view needs its own.
    /**
     * {@code diagonal(offset, dim1, dim2)}, a strided view: dims dim1 and dim2 removed and their
     * diagonal appended as the last dim. Attrs: {@code long offset}, {@code int dim1}, {@code int dim2}
     * (normalised), the input shape ({@code long[]}). Backward: zeros of the input's shape with
     * {@code grad} written on that diagonal.
     */
    DIAGONAL,

    // ---------------------------------------------------------------- end of shapes


    // ---------------------------------------------------------------- nn
    // (primitives of this area go here; keep the blank lines between areas)
    // Fused primitives of the functional nn ops (tensor-ops' dev.jtensor.ops.nn.F), recorded there.
    /** softmax along a dim; inputs: the input; attrs: {@code int dim} (normalised). The output is saved. */
    SOFTMAX,
    /** log-softmax along a dim; inputs: the input; attrs: {@code int dim} (normalised). The output is saved. */
    LOG_SOFTMAX,
    /**
     * fused cross-entropy with class-index targets over {@code [M, C]} logits; inputs: the contiguous
     * logits; attrs: {@code Tensor target} (int64 [M]), {@code Tensor weight} (or null),
     * {@code long ignoreIndex}, {@code double labelSmoothing}, {@code int reduction} (0 none, 1 mean,
     * 2 sum), {@code Tensor stats} (from the forward), {@code double totalWeight}.
     */
    CROSS_ENTROPY,
    /**
     * embedding lookup {@code weight[indices]}; inputs: the weight; attrs: {@code Tensor indices}
     * (int64, any shape), {@code long paddingIdx} (normalised; -1 for none: that row gets no gradient).
     */
    EMBEDDING,
    /**
     * embedding bags over the weight; inputs: the weight; attrs: {@code Tensor indices} (int64 [L]),
     * {@code Tensor offsets} (int64 [B+1]), {@code int mode} (0 sum, 1 mean, 2 max),
     * {@code Tensor perSampleWeights} (or null), {@code long paddingIdx} (-1 for none),
     * {@code Tensor maxIndices} (int64 [B, D] for max, else null).
     */
    EMBEDDING_BAG,

    // ---------------------------------------------------------------- end of nn

}
