package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.L1Loss}: the mean (or sum) absolute difference. */
public final class L1Loss extends Loss {

    /** With PyTorch's defaults (reduction mean). */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /**
     * A L1Loss.
     *
     * @param reduction how to reduce the per-element losses
     */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Computes {@code F.l1_loss(input, target, reduction=reduction)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }
}
