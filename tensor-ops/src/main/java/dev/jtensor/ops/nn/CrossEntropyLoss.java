package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.CrossEntropyLoss}: the cross-entropy of logits with class indices. */
public final class CrossEntropyLoss extends Loss {
    private final long ignoreIndex;
    private final double labelSmoothing;

    /** With PyTorch's defaults (weight null, ignoreIndex -100, labelSmoothing 0.0, reduction mean). */
    public CrossEntropyLoss() {
        this(null, -100, 0.0, Reduction.MEAN);
    }

    /**
     * A CrossEntropyLoss.
     *
     * @param weight per-class weights, or null
     * @param ignoreIndex a target value that contributes nothing
     * @param labelSmoothing the label smoothing in [0, 1]
     * @param reduction how to reduce the per-element losses
     */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, double labelSmoothing, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight == null ? null : weight.detach());
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    /**
     * Computes {@code F.cross_entropy(input, target, weight, ignore_index=ignore_index, reduction=reduction, label_smoothing=label_smoothing)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, new CrossEntropyOptions().weight(buffer("weight")).ignoreIndex(ignoreIndex).reduction(reduction).labelSmoothing(labelSmoothing));
    }
}
