package dev.jtensor.ops.optim;
import java.util.function.LongToDoubleFunction;

import dev.jtensor.core.TensorException;

/** {@code torch.optim.lr_scheduler.LambdaLR}: sets the rate to the base rate times {@code lrLambda(epoch)}. */
public final class LambdaLR extends LRScheduler {
    private final LongToDoubleFunction lrLambda;

    /**
     * A LambdaLR schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param lrLambda the factor of each epoch
     * @throws TensorException for an invalid argument
     */
    public LambdaLR(Optimizer optimizer, LongToDoubleFunction lrLambda) {
        super(optimizer);
        this.lrLambda = lrLambda;
        initialStep();
    }

    @Override
    protected double computeLr() {
        return baseLr * lrLambda.applyAsDouble(lastEpoch);
    }
}
