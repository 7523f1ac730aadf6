package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.MarginRankingLoss}: {@code max(0, -y * (x1 - x2) + margin)}. */
public final class MarginRankingLoss extends Loss {
    private final double margin;

    /** With PyTorch's defaults (margin 0.0, reduction mean). */
    public MarginRankingLoss() {
        this(0.0, Reduction.MEAN);
    }

    /**
     * A MarginRankingLoss.
     *
     * @param margin the margin
     * @param reduction how to reduce the per-element losses
     */
    public MarginRankingLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = margin;
    }

    /**
     * Computes {@code F.margin_ranking_loss(input1, input2, target, margin=margin, reduction=reduction)}.
     *
     * @param input1 the first scores
     * @param input2 the second scores
     * @param target 1 or -1 per pair
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.marginRankingLoss(input1, input2, target, margin, reduction);
    }
}
