package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Softmin}: softmax of the negated input along {@code dim}. */
public final class Softmin extends Module {
    private final long dim;

    /**
     * A Softmin layer.
     *
     * @param dim the dim that sums to one
     */
    public Softmin(long dim) {
        this.dim = dim;
    }

    /** {@inheritDoc} Computes {@code F.softmin(input, dim)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.softmin(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
