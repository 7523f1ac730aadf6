package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * amsgrad=False)} and, with {@link #adamW}, {@code torch.optim.AdamW} (decoupled weight decay,
 * default 0.01). The operations follow PyTorch 2's single-tensor ({@code foreach=False})
 * implementation in order:
 * <pre>
 * step += 1
 * AdamW: param *= 1 - lr * weight_decay        Adam: g = grad + weight_decay * param
 * m = m + (1 - beta1) * (g - m)                 (lerp_)
 * v = v * beta2 + ((1 - beta2) * g) * g         (mul_, addcmul_)
 * step_size = lr / (1 - beta1^step); bc2_sqrt = sqrt(1 - beta2^step)
 * denom = sqrt(v or max(v_max, v)) / bc2_sqrt + eps
 * param = param + (-step_size * m) / denom      (addcdiv_)
 * </pre>
 * PyTorch's vectorised CPU {@code lerp_} fuses its multiply-add; here it is two roundings, the
 * formula of PyTorch's scalar path.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean decoupled;
    private final Tensor[] expAvg;
    private final Tensor[] expAvgSq;
    private final Tensor[] maxExpAvgSq;
    private final long[] steps;

    /**
     * {@code Adam(params, lr)} with PyTorch's defaults.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     */
    public Adam(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * {@code Adam(params, lr, betas, eps, weight_decay, amsgrad)}.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     * @param beta1 the decay rate of the first moment estimate
     * @param beta2 the decay rate of the second moment estimate
     * @param eps the epsilon added for numerical stability
     * @param weightDecay the weight decay (L2 penalty)
     * @param amsgrad whether to use the AMSGrad variant
     */
    public Adam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }

    private Adam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad, boolean decoupled) {
        super(params, lr);
        if (!(eps >= 0)) {
            throw new TensorException("Invalid epsilon value: " + eps);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new TensorException("Invalid beta parameter at index 0: " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new TensorException("Invalid beta parameter at index 1: " + beta2);
        }
        if (!(weightDecay >= 0)) {
            throw new TensorException("Invalid weight_decay value: " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        this.decoupled = decoupled;
        int n = params().size();
        expAvg = new Tensor[n];
        expAvgSq = new Tensor[n];
        maxExpAvgSq = new Tensor[n];
        steps = new long[n];
    }

    /**
     * {@return {@code torch.optim.AdamW(params, lr)} with PyTorch's defaults (weight decay 0.01)}
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     */
    public static Adam adamW(Iterable<Tensor> params, double lr) {
        return adamW(params, lr, 0.9, 0.999, 1e-8, 0.01, false);
    }

    /**
     * {@return {@code torch.optim.AdamW(params, lr, betas, eps, weight_decay, amsgrad)}}
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     * @param beta1 the decay rate of the first moment estimate
     * @param beta2 the decay rate of the second moment estimate
     * @param eps the epsilon added for numerical stability
     * @param weightDecay the weight decay (L2 penalty)
     * @param amsgrad whether to use the AMSGrad variant
     */
    public static Adam adamW(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean amsgrad) {
        return new Adam(params, lr, beta1, beta2, eps, weightDecay, amsgrad, true);
    }

    /**
     * {@return How many steps parameter {@code index} has taken ({@code state[p]['step']})}
     *
     * @param index the index
     */
    public long stepCount(int index) {
        return steps[index];
    }

    /**
     * {@return the first-moment estimate of parameter {@code index} ({@code exp_avg}), or null before its first
     * step}
     *
     * @param index the index
     */
    public Tensor expAvg(int index) {
        return expAvg[index];
    }

    /**
     * {@return the second-moment estimate of parameter {@code index} ({@code exp_avg_sq}), or null before its
     * first step}
     *
     * @param index the index
     */
    public Tensor expAvgSq(int index) {
        return expAvgSq[index];
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        if (expAvg[index] == null) {
            expAvg[index] = Tensor.zerosLike(param);
            expAvgSq[index] = Tensor.zerosLike(param);
            if (amsgrad) {
                maxExpAvgSq[index] = Tensor.zerosLike(param);
            }
        }
        Tensor m = expAvg[index];
        Tensor v = expAvgSq[index];
        long step = ++steps[index];
        double lr = lr();
        Tensor g = grad;
        if (weightDecay != 0) {
            if (decoupled) {
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
            Tensor vmax = maxExpAvgSq[index];
            vmax.copy_(vmax.maximum(v));
            denom = vmax.sqrt().div(bc2Sqrt).add_(eps);
        } else {
            denom = v.sqrt().div(bc2Sqrt).add_(eps);
        }
        param.add_(m.mul(-stepSize).div(denom));
    }
}
