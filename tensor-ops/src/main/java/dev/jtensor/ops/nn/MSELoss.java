package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.MSELoss}: the mean (or sum) squared difference. */
public final class MSELoss extends Loss {

    /** With PyTorch's defaults (reduction mean). */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * A MSELoss.
     *
     * @param reduction how to reduce the per-element losses
     */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Computes {@code F.mse_loss(input, target, reduction=reduction)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
