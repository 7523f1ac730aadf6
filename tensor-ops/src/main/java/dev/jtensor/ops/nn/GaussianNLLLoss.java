package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.GaussianNLLLoss}: the negative log-likelihood of a Gaussian target. */
public final class GaussianNLLLoss extends Loss {
    private final boolean full;
    private final double eps;

    /** With PyTorch's defaults (full false, eps 1e-6, reduction mean). */
    public GaussianNLLLoss() {
        this(false, 1e-6, Reduction.MEAN);
    }

    /**
     * A GaussianNLLLoss.
     *
     * @param full whether to add the constant term
     * @param eps the smallest variance used
     * @param reduction how to reduce the per-element losses
     */
    public GaussianNLLLoss(boolean full, double eps, Reduction reduction) {
        super(reduction);
        this.full = full;
        this.eps = eps;
    }

    /**
     * Computes {@code F.gaussian_nll_loss(input, target, var, full=full, eps=eps, reduction=reduction)}.
     *
     * @param input the means
     * @param target the observations
     * @param var the variances
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target, Tensor var) {
        return F.gaussianNllLoss(input, target, var, full, eps, reduction);
    }
}
