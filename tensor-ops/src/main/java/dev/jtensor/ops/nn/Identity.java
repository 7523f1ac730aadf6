package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Identity}: returns its input unchanged. */
public final class Identity extends Module {
    /** A Identity layer (no parameters). */
    public Identity() {}

    /** {@inheritDoc} Computes {@code input}. */
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
