package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.CELU}: the continuously differentiable exponential linear unit. */
public final class CELU extends Module {
    private final double alpha;

    /** With PyTorch's defaults (alpha 1.0). */
    public CELU() {
        this(1.0);
    }

    /**
     * A CELU layer.
     *
     * @param alpha the scale, not zero
     * @throws dev.jtensor.core.TensorException if the arguments are invalid
     */
    public CELU(double alpha) {
        if (alpha == 0) {
            throw new dev.jtensor.core.TensorException("alpha cannot be 0 for CELU");
        }
        this.alpha = alpha;
    }

    /** {@inheritDoc} Computes {@code F.celu(input, alpha)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.celu(input, alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + alpha;
    }
}
