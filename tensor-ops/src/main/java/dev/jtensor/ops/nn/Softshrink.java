package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Softshrink}: shrinks towards zero by {@code lambd}. */
public final class Softshrink extends Module {
    private final double lambd;

    /** With PyTorch's defaults (lambd 0.5). */
    public Softshrink() {
        this(0.5);
    }

    /**
     * A Softshrink layer.
     *
     * @param lambd the threshold, not negative
     * @throws dev.jtensor.core.TensorException if the arguments are invalid
     */
    public Softshrink(double lambd) {
        if (lambd < 0) {
            throw new dev.jtensor.core.TensorException("lambda must be greater or equal to 0, but found to be " + lambd + ".");
        }
        this.lambd = lambd;
    }

    /** {@inheritDoc} Computes {@code F.softshrink(input, lambd)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.softshrink(input, lambd);
    }

    @Override
    protected String extraRepr() {
        return "lambd=" + lambd;
    }
}
