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
