package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.HuberLoss}: quadratic below {@code delta}, linear (scaled by delta) above. */
public final class HuberLoss extends Loss {
    private final double delta;

    /** With PyTorch's defaults (delta 1.0, reduction mean). */
    public HuberLoss() {
        this(1.0, Reduction.MEAN);
    }

    /**
     * A HuberLoss.
     *
     * @param delta the switch point, positive
     * @param reduction how to reduce the per-element losses
     */
    public HuberLoss(double delta, Reduction reduction) {
        super(reduction);
        this.delta = delta;
    }

    /**
     * Computes {@code F.huber_loss(input, target, reduction=reduction, delta=delta)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction, delta);
    }
}
