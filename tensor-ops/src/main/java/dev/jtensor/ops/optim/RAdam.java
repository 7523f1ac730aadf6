package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.RAdam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)}, Adam with the
 * variance rectification, in the order of PyTorch's single-tensor implementation:
 * <pre>
 * step += 1; g = grad (negated if maximize) (+ weight_decay * param)
 * m = m * beta1 + (1 - beta1) * g;  v = v * beta2 + (1 - beta2) * g * g
 * rho_inf = 2 / (1 - beta2) - 1;  rho_t = rho_inf - 2 step beta2^step / (1 - beta2^step)
 * rho_t > 5: param -= m / (1 - beta1^step) * lr * sqrt(1 - beta2^step) / (sqrt(v) + eps) * rect
 * else:      param -= m / (1 - beta1^step) * lr
 * </pre>
 */
public final class RAdam extends Optimizer {
    /**
     * {@code RAdam(params, lr)} with PyTorch's other defaults.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public RAdam(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    /**
     * {@code RAdam(params, lr, betas, eps, weight_decay)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @param eps added to the denominator, not negative
     * @param weightDecay the L2 penalty, not negative
     * @throws TensorException for an invalid argument
     */
    public RAdam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
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
        Tensor expAvgSq = buffer(index, "exp_avg_sq", param);
        long step = nextStep(index);
        double beta1 = beta(0);
        double beta2 = beta(1);
        double lr = lr();
        double weightDecay = hyper("weight_decay");
        Tensor g = direction(grad);
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        expAvg.mul_(beta1).add_(g, 1 - beta1);
        expAvgSq.mul_(beta2).add_(g.mul(1 - beta2).mul(g));
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        Tensor corrected = expAvg.div(biasCorrection1);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
        if (rhoT > 5.) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            Tensor root = expAvgSq.sqrt().add_(hyper("eps"));
            Tensor adaptiveLr = Tensor.fullLike(root, Math.sqrt(biasCorrection2)).div(root);
            param.add_(corrected.mul(lr).mul(adaptiveLr).mul(rect), -1.0);
        } else {
            param.add_(corrected.mul(lr), -1.0);
        }
    }
}
