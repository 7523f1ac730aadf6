package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.LinearLR}: scales the rate linearly from {@code startFactor} to {@code endFactor} over {@code totalIters} epochs. */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final long totalIters;

    /**
     * A LinearLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param startFactor the first factor, in [0, 1] (PyTorch 1.13 accepts 0 and then fails at the next step)
     * @param endFactor the last factor, in [0, 1]
     * @param totalIters the number of epochs
     * @throws TensorException for an invalid argument
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, long totalIters) {
        super(optimizer);
        if (startFactor > 1.0 || startFactor < 0) {
            throw new TensorException("Starting multiplicative factor expected to be between 0 and 1, got " + startFactor);
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw new TensorException("Ending multiplicative factor expected to be between 0 and 1, got " + endFactor);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double computeLr() {
        if (lastEpoch == 0) {
            return groupLr() * startFactor;
        }
        if (lastEpoch > totalIters) {
            return groupLr();
        }
        double denominator = totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor);
        if (denominator == 0) {
            throw new TensorException("float division by zero: LinearLR with start_factor " + startFactor
                    + " cannot step from a zero rate");
        }
        return groupLr() * (1. + (endFactor - startFactor) / denominator);
    }

    @Override
    protected double closedFormLr() {
        return baseLr * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
    }
}
