package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.PoissonNLLLoss}: the negative log-likelihood of a Poisson target. */
public final class PoissonNLLLoss extends Loss {
    private final boolean logInput;
    private final boolean full;
    private final double eps;

    /** With PyTorch's defaults (logInput true, full false, eps 1e-8, reduction mean). */
    public PoissonNLLLoss() {
        this(true, false, 1e-8, Reduction.MEAN);
    }

    /**
     * A PoissonNLLLoss.
     *
     * @param logInput whether the input is a log-rate
     * @param full whether to add the Stirling term
     * @param eps added inside the log of a rate input
     * @param reduction how to reduce the per-element losses
     */
    public PoissonNLLLoss(boolean logInput, boolean full, double eps, Reduction reduction) {
        super(reduction);
        this.logInput = logInput;
        this.full = full;
        this.eps = eps;
    }

    /**
     * Computes {@code F.poisson_nll_loss(input, target, log_input, full, eps=eps, reduction=reduction)}.
     *
     * @param input the predictions
     * @param target the targets
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.poissonNllLoss(input, target, logInput, full, eps, reduction);
    }
}
