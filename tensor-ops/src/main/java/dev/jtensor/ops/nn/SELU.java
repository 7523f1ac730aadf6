package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.SELU}: the scaled exponential linear unit. */
public final class SELU extends Module {
    /** A SELU layer (no parameters). */
    public SELU() {}

    /** {@inheritDoc} Computes {@code F.selu(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.selu(input);
    }
}
