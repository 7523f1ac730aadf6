package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.LeakyReLU}: {@code x} for positive inputs, {@code negativeSlope * x} otherwise. */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    /** With PyTorch's defaults (negativeSlope 0.01). */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * A LeakyReLU layer.
     *
     * @param negativeSlope the slope of the negative part
     */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /** {@inheritDoc} Computes {@code F.leaky_relu(input, negative_slope)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negativeSlope=" + negativeSlope;
    }
}
