package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.GLU}: the gated linear unit along {@code dim}. */
public final class GLU extends Module {
    private final long dim;

    /** With PyTorch's defaults (dim -1). */
    public GLU() {
        this(-1);
    }

    /**
     * A GLU layer.
     *
     * @param dim the dim to halve
     */
    public GLU(long dim) {
        this.dim = dim;
    }

    /** {@inheritDoc} Computes {@code F.glu(input, dim)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.glu(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
