package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.LogSoftmax}: log-softmax along {@code dim}. */
public final class LogSoftmax extends Module {
    private final long dim;

    /**
     * A LogSoftmax layer.
     *
     * @param dim the dim to normalise
     */
    public LogSoftmax(long dim) {
        this.dim = dim;
    }

    /** {@inheritDoc} Computes {@code F.log_softmax(input, dim)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
