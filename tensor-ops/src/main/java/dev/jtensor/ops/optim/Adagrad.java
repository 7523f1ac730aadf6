package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.Adagrad(params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
 * maximize=False)}, in the order of PyTorch's single-tensor implementation:
 * <pre>
 * step += 1; g = grad (negated if maximize) (+ weight_decay * param)
 * clr = lr / (1 + (step - 1) * lr_decay)
 * sum = sum + g * g
 * param -= clr * g / (sqrt(sum) + eps)
 * </pre>
 */
public final class Adagrad extends Optimizer {
    /**
     * {@code Adagrad(params, lr)} with PyTorch's other defaults.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public Adagrad(Iterable<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, 1e-10);
    }

    /**
     * {@code Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param lrDecay the learning-rate decay, not negative
     * @param weightDecay the L2 penalty, not negative
     * @param initialAccumulatorValue the starting sum of squares, not negative
     * @param eps added to the denominator, not negative
     * @throws TensorException for an invalid argument
     */
    public Adagrad(Iterable<Tensor> params, double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue, double eps) {
        super(params, lr);
        checkNonNegative(lrDecay, "lr_decay");
        checkNonNegative(weightDecay, "weight_decay");
        checkNonNegative(initialAccumulatorValue, "initial_accumulator_value");
        checkNonNegative(eps, "epsilon");
        setHyper("lr_decay", lrDecay);
        setHyper("eps", eps);
        setHyper("weight_decay", weightDecay);
        setHyper("initial_accumulator_value", initialAccumulatorValue);
        setHyper("maximize", false);
        for (int i = 0; i < params().size(); i++) {
            state(i).put("step", 0L);
            state(i).put("sum", Tensor.zerosLike(params().get(i)).fill_(initialAccumulatorValue));
        }
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor sum = (Tensor) state(index).get("sum");
        long step = nextStep(index);
        double weightDecay = hyper("weight_decay");
        Tensor g = direction(grad);
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        double clr = lr() / (1 + (step - 1) * hyper("lr_decay"));
        sum.add_(g.mul(g));
        Tensor std = sum.sqrt().add_(hyper("eps"));
        param.add_(g.mul(-clr).div(std));
    }
}
