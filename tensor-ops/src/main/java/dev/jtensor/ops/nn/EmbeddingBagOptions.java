package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/**
 * The keyword arguments of {@code F.embedding_bag} beyond input and weight, builder style:
 * {@code new EmbeddingBagOptions().offsets(o).mode(EmbeddingBagMode.SUM).perSampleWeights(w)}.
 * Defaults are PyTorch's: no offsets (2-D input), {@code mode='mean'}, no per-sample weights,
 * {@code include_last_offset=False}, no padding index, no max norm, {@code norm_type=2}.
 */
public final class EmbeddingBagOptions {
    private Tensor offsets;
    private EmbeddingBagMode mode = EmbeddingBagMode.MEAN;
    private Tensor perSampleWeights;
    private boolean includeLastOffset;
    private Long paddingIdx;
    private Double maxNorm;
    private double normType = 2.0;

    /** PyTorch's defaults. */
    public EmbeddingBagOptions() {}

    /**
     * Where each bag starts in a 1-D input ({@code offsets=}, int64), or null for 2-D input; returns this.
     *
     * @param offsets the offsets
     * @return this embedding bag options
     */
    public EmbeddingBagOptions offsets(Tensor offsets) {
        this.offsets = offsets;
        return this;
    }

    /**
     * How a bag combines its rows ({@code mode=}); returns this.
     *
     * @param mode the mode
     * @return this embedding bag options
     */
    public EmbeddingBagOptions mode(EmbeddingBagMode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * A weight per looked-up row, same shape as the input, sum mode only ({@code per_sample_weights=}); returns
     * this.
     *
     * @param perSampleWeights the per-sample weights, or null
     * @return this embedding bag options
     */
    public EmbeddingBagOptions perSampleWeights(Tensor perSampleWeights) {
        this.perSampleWeights = perSampleWeights;
        return this;
    }

    /**
     * Whether {@code offsets} ends with the end of the last bag ({@code include_last_offset=}); returns this.
     *
     * @param includeLastOffset whether the last offset ends the last bag
     * @return this embedding bag options
     */
    public EmbeddingBagOptions includeLastOffset(boolean includeLastOffset) {
        this.includeLastOffset = includeLastOffset;
        return this;
    }

    /**
     * Entries equal to this row are left out of their bags and the row gets no gradient
     * ({@code padding_idx=}; negative counts from the end), or null; returns this.
     *
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @return this embedding bag options
     */
    public EmbeddingBagOptions paddingIdx(Long paddingIdx) {
        this.paddingIdx = paddingIdx;
        return this;
    }

    /**
     * Rows looked up whose norm exceeds this are rescaled to it in place ({@code max_norm=}), or null; returns
     * this.
     *
     * @param maxNorm the maximum norm, or null
     * @return this embedding bag options
     */
    public EmbeddingBagOptions maxNorm(Double maxNorm) {
        this.maxNorm = maxNorm;
        return this;
    }

    /**
     * The p of the p-norm for {@link #maxNorm} ({@code norm_type=}); returns this.
     *
     * @param normType the p of the p-norm
     * @return this embedding bag options
     */
    public EmbeddingBagOptions normType(double normType) {
        this.normType = normType;
        return this;
    }

    /** {@return the offsets, or null} */
    public Tensor offsets() {
        return offsets;
    }

    /** {@return the mode} */
    public EmbeddingBagMode mode() {
        return mode;
    }

    /** {@return the per-sample weights, or null} */
    public Tensor perSampleWeights() {
        return perSampleWeights;
    }

    /** {@return whether the offsets include the end of the last bag} */
    public boolean includeLastOffset() {
        return includeLastOffset;
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
