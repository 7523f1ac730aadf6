package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Softsign}: {@code x / (1 + |x|)}. */
public final class Softsign extends Module {
    /** A Softsign layer (no parameters). */
    public Softsign() {}

    /** {@inheritDoc} Computes {@code F.softsign(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.softsign(input);
    }
}
