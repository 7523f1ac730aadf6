package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.NLLLoss}: the negative log-likelihood of class indices. */
public final class NLLLoss extends Loss {
    private final long ignoreIndex;

    /** With PyTorch's defaults (weight null, ignoreIndex -100, reduction mean). */
    public NLLLoss() {
        this(null, -100, Reduction.MEAN);
    }

    /**
     * A NLLLoss.
     *
     * @param weight per-class weights, or null
     * @param ignoreIndex a target value that contributes nothing
     * @param reduction how to reduce the per-element losses
     */
    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight == null ? null : weight.detach());
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * Computes {@code F.nll_loss(input, target, weight, ignore_index=ignore_index, reduction=reduction)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, new NllLossOptions().weight(buffer("weight")).ignoreIndex(ignoreIndex).reduction(reduction));
    }
}
