package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.BCEWithLogitsLoss}: the binary cross-entropy of logits, optionally weighting positives. */
public final class BCEWithLogitsLoss extends Loss {

    /** With PyTorch's defaults (weight null, posWeight null, reduction mean). */
    public BCEWithLogitsLoss() {
        this(null, null, Reduction.MEAN);
    }

    /**
     * A BCEWithLogitsLoss.
     *
     * @param weight per-element weights, or null
     * @param posWeight weights of positive examples, or null
     * @param reduction how to reduce the per-element losses
     */
    public BCEWithLogitsLoss(Tensor weight, Tensor posWeight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight == null ? null : weight.detach());
        registerBuffer("pos_weight", posWeight == null ? null : posWeight.detach());
    }

    /**
     * Computes {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction=reduction, pos_weight=pos_weight)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, buffer("weight"), buffer("pos_weight"), reduction);
    }
}
