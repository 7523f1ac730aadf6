package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Hardshrink}: zeroes the entries with {@code |x| <= lambd}. */
public final class Hardshrink extends Module {
    private final double lambd;

    /** With PyTorch's defaults (lambd 0.5). */
    public Hardshrink() {
        this(0.5);
    }

    /**
     * A Hardshrink layer.
     *
     * @param lambd the threshold
     */
    public Hardshrink(double lambd) {
        this.lambd = lambd;
    }

    /** {@inheritDoc} Computes {@code F.hardshrink(input, lambd)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.hardshrink(input, lambd);
    }

    @Override
    protected String extraRepr() {
        return "lambd=" + lambd;
    }
}
