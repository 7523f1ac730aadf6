package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.SiLU}: the sigmoid linear unit {@code x * sigmoid(x)}. */
public final class SiLU extends Module {
    /** A SiLU layer (no parameters). */
    public SiLU() {}

    /** {@inheritDoc} Computes {@code F.silu(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }
}
