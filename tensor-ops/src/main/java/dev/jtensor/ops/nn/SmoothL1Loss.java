package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.SmoothL1Loss}: quadratic below {@code beta}, linear above. */
public final class SmoothL1Loss extends Loss {
    private final double beta;

    /** With PyTorch's defaults (beta 1.0, reduction mean). */
    public SmoothL1Loss() {
        this(1.0, Reduction.MEAN);
    }

    /**
     * A SmoothL1Loss.
     *
     * @param beta the switch point, not negative
     * @param reduction how to reduce the per-element losses
     */
    public SmoothL1Loss(double beta, Reduction reduction) {
        super(reduction);
        this.beta = beta;
    }

    /**
     * Computes {@code F.smooth_l1_loss(input, target, reduction=reduction, beta=beta)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction, beta);
    }
}
