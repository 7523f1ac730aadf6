package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Hardsigmoid}: {@code relu6(x + 3) / 6}. */
public final class Hardsigmoid extends Module {
    /** A Hardsigmoid layer (no parameters). */
    public Hardsigmoid() {}

    /** {@inheritDoc} Computes {@code F.hardsigmoid(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.hardsigmoid(input);
    }
}
