package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.lr_scheduler.SequentialLR}: runs {@code schedulers[0]} until {@code milestones[0]},
 * then {@code schedulers[1]} (restarted at its epoch 0) until {@code milestones[1]}, and so on. The
 * schedules must have been built on the same optimizer; construction undoes their first steps and
 * redoes only the first schedule's.
 */
public final class SequentialLR extends LRScheduler {
    private final LRScheduler[] schedulers;
    private final long[] milestones;

    /**
     * A sequence of schedules.
     *
     * @param optimizer the optimizer all the schedules drive
     * @param schedulers the schedules, in order
     * @param milestones the epochs at which to switch, one fewer than the schedules
     * @throws TensorException for mismatched counts or a schedule of another optimizer
     */
    public SequentialLR(Optimizer optimizer, LRScheduler[] schedulers, long[] milestones) {
        super(optimizer);
        if (schedulers.length == 0 || milestones.length != schedulers.length - 1) {
            throw new TensorException("Sequential Schedulers expects number of schedulers provided to be one more than "
                    + "the number of milestone points, but got number of schedulers " + schedulers.length
                    + " and the number of milestones to be equal to " + milestones.length);
        }
        for (int i = 0; i < schedulers.length; i++) {
            if (schedulers[i].optimizer != optimizer) {
                throw new TensorException("Sequential Schedulers expects all schedulers to belong to the same optimizer, "
                        + "but got schedulers at index " + i + " to be different than the optimizer passed in.");
            }
        }
        this.schedulers = schedulers.clone();
        this.milestones = milestones.clone();
        lastEpoch = 0;
        optimizer.paramGroup().put("lr", baseLr);
        for (LRScheduler s : schedulers) {
            s.lastEpoch -= 1;
        }
        schedulers[0].initialStep();
        apply(schedulers[0].lastLr());
    }

    @Override
    protected double computeLr() {
        return groupLr();
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = bisectRight(milestones, lastEpoch);
        LRScheduler s = schedulers[idx];
        if (idx > 0 && milestones[idx - 1] == lastEpoch) {
            s.step(0);
        } else {
            s.step();
        }
        apply(s.lastLr());
    }

    @Override
    public void step(long epoch) {
        throw new TensorException("SequentialLR steps one epoch at a time; step(" + epoch + ") is not supported");
    }

    private static int bisectRight(long[] sorted, long x) {
        int i = 0;
        while (i < sorted.length && sorted[i] <= x) {
            i++;
        }
        return i;
    }
}
