package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Flatten}: flattens dims {@code startDim..endDim}. */
public final class Flatten extends Module {
    private final long startDim;
    private final long endDim;

    /** With PyTorch's defaults (startDim 1, endDim -1). */
    public Flatten() {
        this(1, -1);
    }

    /**
     * A Flatten layer.
     *
     * @param startDim the first dim to flatten
     * @param endDim the last dim to flatten
     */
    public Flatten(long startDim, long endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /** {@inheritDoc} Computes {@code input.flatten(start_dim, end_dim)}. */
    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "startDim=" + startDim + ", " + "endDim=" + endDim;
    }
}
