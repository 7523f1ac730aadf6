package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Mish}: {@code x * tanh(softplus(x))}. */
public final class Mish extends Module {
    /** A Mish layer (no parameters). */
    public Mish() {}

    /** {@inheritDoc} Computes {@code F.mish(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.mish(input);
    }
}
