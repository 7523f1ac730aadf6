package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.ConstantLR}: scales the rate by {@code factor} until epoch {@code totalIters}. */
public final class ConstantLR extends LRScheduler {
    private final double factor;
    private final long totalIters;

    /**
     * A ConstantLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param factor the factor, in [0, 1]
     * @param totalIters the number of epochs
     * @throws TensorException for an invalid argument
     */
    public ConstantLR(Optimizer optimizer, double factor, long totalIters) {
        super(optimizer);
        if (factor > 1.0 || factor < 0) {
            throw new TensorException("Constant multiplicative factor expected to be between 0 and 1, got " + factor);
        }
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double computeLr() {
        if (lastEpoch == 0) {
            return groupLr() * factor;
        }
        if (lastEpoch != totalIters) {
            return groupLr();
        }
        return groupLr() * (1.0 / factor);
    }

    @Override
    protected double closedFormLr() {
        return baseLr * (factor + (lastEpoch >= totalIters ? 1 - factor : 0));
    }
}
