package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None)}: a lookup
 * table whose weight {@code [num, dim]} starts as PyTorch's ({@code normal_(0, 1)}, then the padding
 * row zeroed), so that after the same seed both hold the same numbers. The padding row receives no
 * gradient.
 */
public final class Embedding extends Module {
    private final EmbeddingOptions options;

    /**
     * {@code nn.Embedding(num, dim)}, drawing from the default generator.
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     */
    public Embedding(long numEmbeddings, long embeddingDim) {
        this(numEmbeddings, embeddingDim, null, null);
    }

    /**
     * {@code nn.Embedding(num, dim, padding_idx=paddingIdx)}, drawing from the default generator.
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     */
    public Embedding(long numEmbeddings, long embeddingDim, long paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, null);
    }

    /**
     * {@code nn.Embedding(num, dim, padding_idx)} (null for none) drawing from {@code generator} (null: the
     * default).
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @param generator the random number generator to draw from
     */
    public Embedding(long numEmbeddings, long embeddingDim, Long paddingIdx, Generator generator) {
        this(Init.embeddingWeight(numEmbeddings, embeddingDim, paddingIdx, generator),
                new EmbeddingOptions().paddingIdx(normalise(paddingIdx, numEmbeddings)));
    }

    /**
     * An embedding over a given weight {@code [num, dim]} with options (padding index, max norm);
     * the weight is registered as the parameter, not copied.
     *
     * @param weight the weight
     * @param options the options
     */
    public Embedding(Tensor weight, EmbeddingOptions options) {
        if (weight.dim() != 2) {
            throw new TensorException("Embedding: weight must be 2-D [num_embeddings, embedding_dim], got shape "
                    + java.util.Arrays.toString(weight.shape()));
        }
        this.options = new EmbeddingOptions().paddingIdx(normalise(options.paddingIdx(), weight.size(0)))
                .maxNorm(options.maxNorm()).normType(options.normType());
        registerParameter("weight", weight);
    }

    /**
     * {@code nn.Embedding.from_pretrained(embeddings, freeze, padding_idx)}: the given weight (not
     * copied); with {@code freeze} it does not require grad.
     *
     * @param embeddings the embedding table
     * @param freeze whether the table is frozen (does not require grad)
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @return {@code nn.Embedding.from_pretrained(embeddings, freeze, padding_idx)}
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Long paddingIdx) {
        Embedding e = new Embedding(embeddings.detach(), new EmbeddingOptions().paddingIdx(paddingIdx));
        if (freeze) {
            e.weight().requiresGrad(false);
        }
        return e;
    }

    private static Long normalise(Long paddingIdx, long num) {
        if (paddingIdx == null) {
            return null;
        }
        if (paddingIdx >= num || paddingIdx < -num) {
            throw new TensorException("Padding_idx must be within num_embeddings: padding_idx=" + paddingIdx
                    + ", num_embeddings=" + num);
        }
        return paddingIdx < 0 ? paddingIdx + num : paddingIdx;
    }

    /** {@return the table, {@code [num, dim]}} */
    public Tensor weight() {
        return parameter("weight");
    }

    /** {@return the padding index, or null} */
    public Long paddingIdx() {
        return options.paddingIdx();
    }

    /** {@code F.embedding(input, weight, padding_idx, max_norm, norm_type)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.embedding(input, weight(), options);
    }

    @Override
    protected String extraRepr() {
        return weight().size(0) + ", " + weight().size(1)
                + (options.paddingIdx() != null ? ", padding_idx=" + options.paddingIdx() : "")
                + (options.maxNorm() != null ? ", max_norm=" + options.maxNorm() : "");
    }
}
