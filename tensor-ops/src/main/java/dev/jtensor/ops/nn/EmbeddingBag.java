package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;

/**
 * {@code nn.EmbeddingBag(num_embeddings, embedding_dim, mode='mean', padding_idx=None,
 * include_last_offset=False)}: sums, means or maxima of bags of embedding rows without materialising
 * the rows, initialised as PyTorch's ({@code normal_(0, 1)}, padding row zeroed).
 */
public final class EmbeddingBag extends Module {
    private final EmbeddingBagMode mode;
    private final Long paddingIdx;
    private final boolean includeLastOffset;

    /**
     * {@code nn.EmbeddingBag(num, dim, mode=mode)}, drawing from the default generator.
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     * @param mode the mode
     */
    public EmbeddingBag(long numEmbeddings, long embeddingDim, EmbeddingBagMode mode) {
        this(numEmbeddings, embeddingDim, mode, null, false, null);
    }

    /**
     * {@code nn.EmbeddingBag(num, dim, mode, padding_idx, include_last_offset)} drawing from
     * {@code generator} (null: the default); {@code paddingIdx} null for none.
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     * @param mode the mode
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @param includeLastOffset whether the last offset ends the last bag
     * @param generator the random number generator to draw from
     */
    public EmbeddingBag(long numEmbeddings, long embeddingDim, EmbeddingBagMode mode, Long paddingIdx,
            boolean includeLastOffset, Generator generator) {
        Tensor w = Init.embeddingWeight(numEmbeddings, embeddingDim, paddingIdx, generator);
        this.mode = mode;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.includeLastOffset = includeLastOffset;
        registerParameter("weight", w);
    }

    /** {@return the table, {@code [num, dim]}} */
    public Tensor weight() {
        return parameter("weight");
    }

    /** Bags of a 2-D input {@code [B, n]} (each row one bag). */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null);
    }

    /**
     * {@return bags of a 1-D input cut at {@code offsets}}
     *
     * @param input the input tensor
     * @param offsets the offsets
     */
    public Tensor forward(Tensor input, Tensor offsets) {
        return forward(input, offsets, null);
    }

    /**
     * {@return bags with per-sample weights (sum mode), PyTorch's {@code bag(input, offsets, per_sample_weights)}}
     *
     * @param input the input tensor
     * @param offsets the offsets
     * @param perSampleWeights the per-sample weights, or null
     */
    public Tensor forward(Tensor input, Tensor offsets, Tensor perSampleWeights) {
        return F.embeddingBag(input, weight(), new EmbeddingBagOptions().offsets(offsets).mode(mode)
                .perSampleWeights(perSampleWeights).paddingIdx(paddingIdx).includeLastOffset(includeLastOffset));
    }

    @Override
    protected String extraRepr() {
        return weight().size(0) + ", " + weight().size(1) + ", mode='" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + "'" + (paddingIdx != null ? ", padding_idx=" + paddingIdx : "");
    }
}
