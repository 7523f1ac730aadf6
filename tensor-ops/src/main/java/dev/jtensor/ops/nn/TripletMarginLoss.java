package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.TripletMarginLoss}: {@code max(0, margin + d(a, p) - d(a, n))} with the pairwise distance. */
public final class TripletMarginLoss extends Loss {
    private final double margin;
    private final double p;
    private final double eps;
    private final boolean swap;

    /** With PyTorch's defaults (margin 1.0, p 2.0, eps 1e-6, swap false, reduction mean). */
    public TripletMarginLoss() {
        this(1.0, 2.0, 1e-6, false, Reduction.MEAN);
    }

    /**
     * A TripletMarginLoss.
     *
     * @param margin the margin
     * @param p the distance's norm order
     * @param eps added to differences
     * @param swap whether to use the distance swap
     * @param reduction how to reduce the per-element losses
     */
    public TripletMarginLoss(double margin, double p, double eps, boolean swap, Reduction reduction) {
        super(reduction);
        this.margin = margin;
        this.p = p;
        this.eps = eps;
        this.swap = swap;
    }

    /**
     * Computes {@code F.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, reduction)}.
     *
     * @param anchor the anchors
     * @param positive the positive examples
     * @param negative the negative examples
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginLoss(anchor, positive, negative, margin, p, eps, swap, reduction);
    }
}
