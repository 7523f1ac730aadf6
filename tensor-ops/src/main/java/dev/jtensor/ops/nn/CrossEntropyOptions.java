package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/**
 * The keyword arguments of {@code F.cross_entropy} beyond input and target, builder style:
 * {@code new CrossEntropyOptions().weight(w).ignoreIndex(-1).labelSmoothing(0.1).reduction(Reduction.SUM)}.
 * Defaults are PyTorch's: no weight, {@code ignore_index=-100}, {@code reduction='mean'},
 * {@code label_smoothing=0.0}.
 */
public final class CrossEntropyOptions {
    private Tensor weight;
    private long ignoreIndex = -100;
    private Reduction reduction = Reduction.MEAN;
    private double labelSmoothing;

    /** PyTorch's defaults. */
    public CrossEntropyOptions() {}

    /**
     * A rescaling weight for each class ({@code weight=}, a 1-D tensor of C values), or null; returns this.
     *
     * @param weight the weight
     * @return this cross entropy options
     */
    public CrossEntropyOptions weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /**
     * The target value that contributes neither loss nor gradient ({@code ignore_index=}); returns this.
     *
     * @param ignoreIndex the target value that is ignored
     * @return this cross entropy options
     */
    public CrossEntropyOptions ignoreIndex(long ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        return this;
    }

    /**
     * How the per-element losses are reduced ({@code reduction=}); returns this.
     *
     * @param reduction how the per-element results are reduced
     * @return this cross entropy options
     */
    public CrossEntropyOptions reduction(Reduction reduction) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
        return this;
    }

    /**
     * The label-smoothing amount in {@code [0, 1]} ({@code label_smoothing=}); returns this.
     *
     * @param labelSmoothing the label smoothing amount in [0, 1]
     * @return this cross entropy options
     */
    public CrossEntropyOptions labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
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

    /** {@return the label-smoothing amount} */
    public double labelSmoothing() {
        return labelSmoothing;
    }
}
