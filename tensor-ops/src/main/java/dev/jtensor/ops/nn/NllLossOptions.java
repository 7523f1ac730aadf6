package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/**
 * The keyword arguments of {@code F.nll_loss} beyond input and target, builder style:
 * {@code new NllLossOptions().weight(w).ignoreIndex(0).reduction(Reduction.SUM)}. Defaults are
 * PyTorch's: no weight, {@code ignore_index=-100}, {@code reduction='mean'}.
 */
public final class NllLossOptions {
    private Tensor weight;
    private long ignoreIndex = -100;
    private Reduction reduction = Reduction.MEAN;

    /** PyTorch's defaults. */
    public NllLossOptions() {}

    /**
     * A rescaling weight for each class ({@code weight=}), or null; returns this.
     *
     * @param weight the weight
     * @return this nll loss options
     */
    public NllLossOptions weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /**
     * The target value that contributes neither loss nor gradient ({@code ignore_index=}); returns this.
     *
     * @param ignoreIndex the target value that is ignored
     * @return this nll loss options
     */
    public NllLossOptions ignoreIndex(long ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        return this;
    }

    /**
     * How the per-element losses are reduced ({@code reduction=}); returns this.
     *
     * @param reduction how the per-element results are reduced
     * @return this nll loss options
     */
    public NllLossOptions reduction(Reduction reduction) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
        return this;
    }

    /** {@return the class weights, or null} */
    public Tensor weight() {
        return weight;
    }

    /** {@return the ignored target value} */
    public long ignoreIndex() {
        return ignoreIndex;
    }

    /** {@return the reduction} */
    public Reduction reduction() {
        return reduction;
    }
}
