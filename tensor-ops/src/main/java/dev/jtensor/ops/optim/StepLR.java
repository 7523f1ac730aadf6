package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.StepLR}: multiplies the rate by {@code gamma} every {@code stepSize} epochs. */
public final class StepLR extends LRScheduler {
    private final long stepSize;
    private final double gamma;

    /**
     * A StepLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param stepSize the period, positive
     * @param gamma the factor
     * @throws TensorException for an invalid argument
     */
    public StepLR(Optimizer optimizer, long stepSize, double gamma) {
        super(optimizer);
        if (stepSize <= 0) {
            throw new TensorException("StepLR step_size must be positive, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double computeLr() {
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
            return groupLr();
        }
        return groupLr() * gamma;
    }

    @Override
    protected double closedFormLr() {
        return baseLr * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
    }
}
