package dev.jtensor.ops.optim;
import java.util.function.LongToDoubleFunction;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.MultiplicativeLR}: multiplies the rate by {@code lrLambda(epoch)} every epoch after the first. */
public final class MultiplicativeLR extends LRScheduler {
    private final LongToDoubleFunction lrLambda;

    /**
     * A MultiplicativeLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param lrLambda the factor of each epoch
     * @throws TensorException for an invalid argument
     */
    public MultiplicativeLR(Optimizer optimizer, LongToDoubleFunction lrLambda) {
        super(optimizer);
        this.lrLambda = lrLambda;
        initialStep();
    }

    @Override
    protected double computeLr() {
        return lastEpoch > 0 ? groupLr() * lrLambda.applyAsDouble(lastEpoch) : groupLr();
    }
}
