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

    // ---------------------------------------------------------------- end of reductions


    // ---------------------------------------------------------------- indexing
    // (primitives of this area go here; keep the blank lines between areas)

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


    // ---------------------------------------------------------------- nn
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of nn

}
