package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.ELU}: the exponential linear unit. */
public final class ELU extends Module {
    private final double alpha;

    /** With PyTorch's defaults (alpha 1.0). */
    public ELU() {
        this(1.0);
    }

    /**
     * A ELU layer.
     *
     * @param alpha the scale of the negative part
     */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    /** {@inheritDoc} Computes {@code F.elu(input, alpha)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + alpha;
    }
}
