package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.ExponentialLR}: multiplies the rate by {@code gamma} every epoch. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    /**
     * A ExponentialLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param gamma the factor
     * @throws TensorException for an invalid argument
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double computeLr() {
        return lastEpoch == 0 ? groupLr() : groupLr() * gamma;
    }

    @Override
    protected double closedFormLr() {
        return baseLr * Math.pow(gamma, lastEpoch);
    }
}
