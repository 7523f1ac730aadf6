package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.NAdam(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3)},
 * Adam with Nesterov momentum, in the order of PyTorch's single-tensor implementation:
 * <pre>
 * step += 1; g = grad (negated if maximize) (+ weight_decay * param)
 * mu = beta1 * (1 - 0.5 * 0.96^(step * momentum_decay)); mu_next likewise at step + 1
 * mu_product *= mu   (kept as a float32 number, as PyTorch keeps it in a float32 tensor)
 * m = m * beta1 + (1 - beta1) * g;  v = v * beta2 + (1 - beta2) * g * g
 * denom = sqrt(v / (1 - beta2^step)) + eps
 * param -= lr * (1 - mu) / (1 - mu_product) * g / denom
 * param -= lr * mu_next / (1 - mu_product * mu * mu_next) * m / denom
 * </pre>
 * The last line is PyTorch 1.13's (the version this project's conformance cases come from), computed in
 * float32 as there; PyTorch 2.0 dropped the extra {@code mu}.
 */
public final class NAdam extends Optimizer {
    /**
     * {@code NAdam(params, lr)} with PyTorch's other defaults.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public NAdam(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, 4e-3);
    }

    /**
     * {@code NAdam(params, lr, betas, eps, weight_decay, momentum_decay)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @param eps added to the denominator, not negative
     * @param weightDecay the L2 penalty, not negative
     * @param momentumDecay the momentum decay, not negative
     * @throws TensorException for an invalid argument
     */
    public NAdam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            double momentumDecay) {
        super(params, lr);
        checkNonNegative(eps, "epsilon");
        double[] betas = checkBetas(beta1, beta2);
        checkNonNegative(weightDecay, "weight_decay");
        checkNonNegative(momentumDecay, "momentum_decay");
        setHyper("betas", betas);
        setHyper("eps", eps);
        setHyper("weight_decay", weightDecay);
        setHyper("momentum_decay", momentumDecay);
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
        double momentumDecay = hyper("momentum_decay");
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        Tensor g = direction(grad);
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        float previous = ((Number) state(index).getOrDefault("mu_product", 1.0f)).floatValue();
        float muProduct = previous * (float) mu;
        state(index).put("mu_product", muProduct);
        // PyTorch 1.13 (the version the project conforms to) multiplies mu in twice here, in float32;
        // PyTorch 2.0 changed this to mu_product * mu_next.
        float muProductNext = muProduct * (float) mu * (float) muNext;
        expAvg.mul_(beta1).add_(g, 1 - beta1);
        expAvgSq.mul_(beta2).add_(g.mul(1 - beta2).mul(g));
        Tensor denom = expAvgSq.div(biasCorrection2).sqrt().add_(hyper("eps"));
        param.add_(g.mul(-lr * (1. - mu) / (1. - muProduct)).div(denom));
        param.add_(expAvg.mul(-lr * muNext / (1. - muProductNext)).div(denom));
    }
}
