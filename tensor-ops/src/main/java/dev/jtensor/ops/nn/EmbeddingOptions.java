package dev.jtensor.ops.nn;

/**
 * The keyword arguments of {@code F.embedding} beyond input and weight, builder style:
 * {@code new EmbeddingOptions().paddingIdx(0).maxNorm(1.0)}. Defaults are PyTorch's: no padding
 * index, no max norm, {@code norm_type=2.0}.
 */
public final class EmbeddingOptions {
    private Long paddingIdx;
    private Double maxNorm;
    private double normType = 2.0;

    /** PyTorch's defaults. */
    public EmbeddingOptions() {}

    /**
     * The row that receives no gradient ({@code padding_idx=}; negative counts from the end), or null;
     * returns this.
     *
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @return this embedding options
     */
    public EmbeddingOptions paddingIdx(Long paddingIdx) {
        this.paddingIdx = paddingIdx;
        return this;
    }

    /**
     * Rows looked up whose norm exceeds this are rescaled to it, in place in the weight
     * ({@code max_norm=}), or null for none; returns this.
     *
     * @param maxNorm the maximum norm, or null
     * @return rows looked up whose norm exceeds this are rescaled to it, in place in the weight ({@code
     *     max_norm=}), or null for none
     */
    public EmbeddingOptions maxNorm(Double maxNorm) {
        this.maxNorm = maxNorm;
        return this;
    }

    /**
     * The p of the p-norm for {@link #maxNorm} ({@code norm_type=}); returns this.
     *
     * @param normType the p of the p-norm
     * @return this embedding options
     */
    public EmbeddingOptions normType(double normType) {
        this.normType = normType;
        return this;
    }

    /** {@return the padding index, or null} */
    public Long paddingIdx() {
        return paddingIdx;
    }

    /** {@return the max norm, or null} */
    public Double maxNorm() {
        return maxNorm;
    }

    /** {@return the norm's p} */
    public double normType() {
        return normType;
    }
}
