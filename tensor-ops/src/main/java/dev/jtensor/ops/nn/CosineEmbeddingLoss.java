package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.CosineEmbeddingLoss}: pulls similar pairs together and pushes dissimilar ones apart by cosine similarity. */
public final class CosineEmbeddingLoss extends Loss {
    private final double margin;

    /** With PyTorch's defaults (margin 0.0, reduction mean). */
    public CosineEmbeddingLoss() {
        this(0.0, Reduction.MEAN);
    }

    /**
     * A CosineEmbeddingLoss.
     *
     * @param margin the margin of dissimilar pairs
     * @param reduction how to reduce the per-element losses
     */
    public CosineEmbeddingLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = margin;
    }

    /**
     * Computes {@code F.cosine_embedding_loss(input1, input2, target, margin=margin, reduction=reduction)}.
     *
     * @param input1 the first vectors
     * @param input2 the second vectors
     * @param target 1 or -1 per pair
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }
}
