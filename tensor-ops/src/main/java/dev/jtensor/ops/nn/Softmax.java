package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Softmax}: softmax along {@code dim}. */
public final class Softmax extends Module {
    private final long dim;

    /**
     * A Softmax layer.
     *
     * @param dim the dim that sums to one
     */
    public Softmax(long dim) {
        this.dim = dim;
    }

    /** {@inheritDoc} Computes {@code F.softmax(input, dim)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
