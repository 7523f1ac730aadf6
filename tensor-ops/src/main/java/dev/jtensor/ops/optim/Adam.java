package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * amsgrad=False, maximize=False)} and, with {@link #adamW}, {@code torch.optim.AdamW} (decoupled weight
 * decay, default 0.01). The operations follow PyTorch's single-tensor ({@code foreach=False})
 * implementation in order:
 * <pre>
 * step += 1; g = grad (negated if maximize)
 * AdamW: param *= 1 - lr * weight_decay        Adam: g = g + weight_decay * param
 * m = m + (1 - beta1) * (g - m)                 (lerp_)
 * v = v * beta2 + ((1 - beta2) * g) * g         (mul_, addcmul_)
 * step_size = lr / (1 - beta1^step); bc2_sqrt = sqrt(1 - beta2^step)
 * denom = sqrt(v or max(v_max, v)) / bc2_sqrt + eps
 * param = param + (-step_size * m) / denom      (addcdiv_)
 * </pre>
 * PyTorch's vectorised CPU {@code lerp_} fuses its multiply-add; here it is two roundings, the
 * formula of PyTorch's scalar path. (PyTorch 1.13 wrote the first moment as {@code m * beta1 + (1 - beta1) * g};
 * the two agree to float rounding.)
 */
public final class Adam extends Optimizer {
    /**
     * {@code Adam(params, lr)} with PyTorch's defaults.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public Adam(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * {@code Adam(params, lr, betas, eps, weight_decay, amsgrad)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @param eps added to the denominator, not negative
     * @param weightDecay the L2 penalty, not negative
     * @param amsgrad whether to use the running maximum of the second moment
     * @throws TensorException for an invalid argument
     */
    public Adam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }

    private Adam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad, boolean decoupled) {
        super(params, lr);
        checkNonNegative(eps, "epsilon");
        double[] betas = checkBetas(beta1, beta2);
        checkNonNegative(weightDecay, "weight_decay");
        setHyper("betas", betas);
        setHyper("eps", eps);
        setHyper("weight_decay", weightDecay);
        setHyper("amsgrad", amsgrad);
        setHyper("maximize", false);
        setHyper("decoupled_weight_decay", decoupled);
    }

    /**
     * {@code torch.optim.AdamW(params, lr)} with PyTorch's defaults (weight decay 0.01).
     *
     * @param params the parameters
     * @param lr the learning rate
     * @return the optimizer
     * @throws TensorException for an invalid argument
     */
    public static Adam adamW(Iterable<Tensor> params, double lr) {
        return adamW(params, lr, 0.9, 0.999, 1e-8, 0.01, false);
    }

    /**
     * {@code torch.optim.AdamW(params, lr, betas, eps, weight_decay, amsgrad)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @param eps added to the denominator, not negative
     * @param weightDecay the decoupled weight decay, not negative
     * @param amsgrad whether to use the running maximum of the second moment
     * @return the optimizer
     * @throws TensorException for an invalid argument
     */
    public static Adam adamW(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean amsgrad) {
        return new Adam(params, lr, beta1, beta2, eps, weightDecay, amsgrad, true);
    }

    /**
     * How many steps parameter {@code index} has taken ({@code state[p]['step']}).
     *
     * @param index the parameter's position
     * @return the count
     */
    public long stepCount(int index) {
        return ((Number) state(index).getOrDefault("step", 0L)).longValue();
    }

    /**
     * The first-moment estimate of parameter {@code index} ({@code exp_avg}).
     *
     * @param index the parameter's position
     * @return the estimate, or null before its first step
     */
    public Tensor expAvg(int index) {
        return (Tensor) state(index).get("exp_avg");
    }

    /**
     * The second-moment estimate of parameter {@code index} ({@code exp_avg_sq}).
     *
     * @param index the parameter's position
     * @return the estimate, or null before its first step
     */
    public Tensor expAvgSq(int index) {
        return (Tensor) state(index).get("exp_avg_sq");
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor m = buffer(index, "exp_avg", param);
        Tensor v = buffer(index, "exp_avg_sq", param);
        boolean amsgrad = flag("amsgrad");
        long step = nextStep(index);
        double lr = lr();
        double beta1 = beta(0);
        double beta2 = beta(1);
        double weightDecay = hyper("weight_decay");
        Tensor g = direction(grad);
        if (weightDecay != 0) {
            if (flag("decoupled_weight_decay")) {
                param.mul_(1 - lr * weightDecay);
            } else {
                g = g.add(param, weightDecay);
            }
        }
        m.add_(g.sub(m).mul(1 - beta1));
        v.mul_(beta2).add_(g.mul(1 - beta2).mul(g));
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double bc2Sqrt = Math.sqrt(biasCorrection2);
        Tensor denom;
        if (amsgrad) {
            Tensor vmax = buffer(index, "max_exp_avg_sq", param);
            vmax.copy_(vmax.maximum(v));
            denom = vmax.sqrt().div(bc2Sqrt).add_(eps());
        } else {
            denom = v.sqrt().div(bc2Sqrt).add_(eps());
        }
        param.add_(m.mul(-stepSize).div(denom));
    }

    private double eps() {
        return hyper("eps");
    }
}
