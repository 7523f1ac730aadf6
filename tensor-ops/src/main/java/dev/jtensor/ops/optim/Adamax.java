package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.Adamax(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, maximize=False)},
 * Adam with the infinity norm, in the order of PyTorch's single-tensor implementation:
 * <pre>
 * step += 1; g = grad (negated if maximize) (+ weight_decay * param)
 * m = m * beta1 + (1 - beta1) * g
 * u = max(u * beta2, |g| + eps)
 * param -= lr / (1 - beta1^step) * m / u
 * </pre>
 */
public final class Adamax extends Optimizer {
    /**
     * {@code Adamax(params, lr)} with PyTorch's other defaults.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public Adamax(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    /**
     * {@code Adamax(params, lr, betas, eps, weight_decay)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the infinity norm's decay, in [0, 1)
     * @param eps added to the norm, not negative
     * @param weightDecay the L2 penalty, not negative
     * @throws TensorException for an invalid argument
     */
    public Adamax(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr);
        checkNonNegative(eps, "epsilon");
        double[] betas = checkBetas(beta1, beta2);
        checkNonNegative(weightDecay, "weight_decay");
        setHyper("betas", betas);
        setHyper("eps", eps);
        setHyper("weight_decay", weightDecay);
        setHyper("maximize", false);
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor expAvg = buffer(index, "exp_avg", param);
        Tensor expInf = buffer(index, "exp_inf", param);
        long step = nextStep(index);
        double beta1 = beta(0);
        double weightDecay = hyper("weight_decay");
        Tensor g = direction(grad);
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        expAvg.mul_(beta1).add_(g, 1 - beta1);
        expInf.copy_(expInf.mul_(beta(1)).maximum(g.abs().add(hyper("eps"))));
        double clr = lr() / (1 - Math.pow(beta1, step));
        param.add_(expAvg.mul(-clr).div(expInf));
    }
}
