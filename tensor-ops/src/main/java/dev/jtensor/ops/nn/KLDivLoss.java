package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.KLDivLoss}: the Kullback-Leibler divergence of a target distribution from log-probabilities. */
public final class KLDivLoss extends Loss {
    private final String reductionName;
    private final boolean logTarget;

    /** With PyTorch's defaults (reduction {@code "mean"}, probability targets). */
    public KLDivLoss() {
        this("mean", false);
    }

    /**
     * A KLDivLoss.
     *
     * @param reduction {@code "none"}, {@code "mean"}, {@code "sum"} or {@code "batchmean"}
     * @param logTarget whether targets are log-probabilities
     * @throws dev.jtensor.core.TensorException for an unknown reduction
     */
    public KLDivLoss(String reduction, boolean logTarget) {
        super(reduction.equals("batchmean") ? Reduction.SUM : Reduction.of(reduction));
        this.reductionName = reduction;
        this.logTarget = logTarget;
    }

    /**
     * Computes {@code F.kl_div(input, target, reduction=reduction, log_target=log_target)}.
     *
     * @param input log-probabilities
     * @param target probabilities (or log-probabilities)
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not broadcast
     */
    public Tensor forward(Tensor input, Tensor target) {
        return F.klDiv(input, target, reductionName, logTarget);
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reductionName + ", log_target=" + logTarget;
    }
}
