package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.BCELoss}: the binary cross-entropy of probabilities. */
public final class BCELoss extends Loss {

    /** With PyTorch's defaults (weight null, reduction mean). */
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    /**
     * A BCELoss.
     *
     * @param weight per-element weights, or null
     * @param reduction how to reduce the per-element losses
     */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight == null ? null : weight.detach());
    }

    /**
     * Computes {@code F.binary_cross_entropy(input, target, weight, reduction=reduction)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, buffer("weight"), reduction);
    }
}
