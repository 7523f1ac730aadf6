package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.CosineAnnealingLR}: anneals the rate from its base to {@code etaMin} along a half cosine over {@code tMax} epochs (and back, periodically). */
public final class CosineAnnealingLR extends LRScheduler {
    private final long tMax;
    private final double etaMin;

    /**
     * A CosineAnnealingLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param tMax the half period in epochs, positive
     * @param etaMin the smallest rate
     * @throws TensorException for an invalid argument
     */
    public CosineAnnealingLR(Optimizer optimizer, long tMax, double etaMin) {
        super(optimizer);
        if (tMax <= 0) {
            throw new TensorException("CosineAnnealingLR T_max must be positive, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double computeLr() {
        if (lastEpoch == 0) {
            return groupLr();
        }
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            return groupLr() + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                * (groupLr() - etaMin) + etaMin;
    }

    @Override
    protected double closedFormLr() {
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
    }
}
