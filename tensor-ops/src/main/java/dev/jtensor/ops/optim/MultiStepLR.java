package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.MultiStepLR}: multiplies the rate by {@code gamma} at each milestone epoch (a repeated milestone counts again). */
public final class MultiStepLR extends LRScheduler {
    private final long[] milestones;
    private final double gamma;

    /**
     * A MultiStepLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param milestones the epochs, ascending
     * @param gamma the factor
     * @throws TensorException for an invalid argument
     */
    public MultiStepLR(Optimizer optimizer, long[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double computeLr() {
        int count = 0;
        for (long m : milestones) {
            if (m == lastEpoch) {
                count++;
            }
        }
        return count == 0 ? groupLr() : groupLr() * Math.pow(gamma, count);
    }

    @Override
    protected double closedFormLr() {
        int passed = 0;
        for (long m : milestones) {
            if (m <= lastEpoch) {
                passed++;
            }
        }
        return baseLr * Math.pow(gamma, passed);
    }
}
