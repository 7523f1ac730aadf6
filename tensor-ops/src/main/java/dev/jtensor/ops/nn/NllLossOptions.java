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

    /** A rescaling weight for each class ({@code weight=}), or null; returns this. */
    public NllLossOptions weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /** The target value that contributes neither loss nor gradient ({@code ignore_index=}); returns this. */
    public NllLossOptions ignoreIndex(long ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        return this;
    }

    /** How the per-element losses are reduced ({@code reduction=}); returns this. */
    public NllLossOptions reduction(Reduction reduction) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
        return this;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return weight;
    }

    /** The ignored target value. */
    public long ignoreIndex() {
        return ignoreIndex;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }
}
