package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
 * maximize=False)}, in the order of PyTorch's single-tensor implementation:
 * <pre>
 * g = grad (negated if maximize) (+ weight_decay * param)
 * square_avg = square_avg * alpha + (1 - alpha) * g * g
 * centered: grad_avg = grad_avg * alpha + (1 - alpha) * g; avg = sqrt(square_avg - grad_avg^2) + eps
 * else:     avg = sqrt(square_avg) + eps
 * momentum: buf = buf * momentum + g / avg; param -= lr * buf     else: param -= lr * g / avg
 * </pre>
 */
public final class RMSprop extends Optimizer {
    /**
     * {@code RMSprop(params, lr)} with PyTorch's other defaults.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public RMSprop(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0, 0, false);
    }

    /**
     * {@code RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param alpha the smoothing constant, not negative
     * @param eps added to the denominator, not negative
     * @param weightDecay the L2 penalty, not negative
     * @param momentum the momentum factor, not negative
     * @param centered whether to normalise by the estimated variance
     * @throws TensorException for an invalid argument
     */
    public RMSprop(Iterable<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum,
            boolean centered) {
        super(params, lr);
        checkNonNegative(eps, "epsilon");
        checkNonNegative(momentum, "momentum");
        checkNonNegative(weightDecay, "weight_decay");
        checkNonNegative(alpha, "alpha");
        setHyper("momentum", momentum);
        setHyper("alpha", alpha);
        setHyper("eps", eps);
        setHyper("centered", centered);
        setHyper("weight_decay", weightDecay);
        setHyper("maximize", false);
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor squareAvg = buffer(index, "square_avg", param);
        nextStep(index);
        double alpha = hyper("alpha");
        double weightDecay = hyper("weight_decay");
        double momentum = hyper("momentum");
        Tensor g = direction(grad);
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        squareAvg.mul_(alpha).add_(g.mul(1 - alpha).mul(g));
        Tensor avg;
        if (flag("centered")) {
            Tensor gradAvg = buffer(index, "grad_avg", param);
            gradAvg.mul_(alpha).add_(g, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        avg = avg.add_(hyper("eps"));
        if (momentum > 0) {
            Tensor buf = buffer(index, "momentum_buffer", param);
            buf.mul_(momentum).add_(g.div(avg));
            param.add_(buf, -lr());
        } else {
            param.add_(g.mul(-lr()).div(avg));
        }
    }
}
