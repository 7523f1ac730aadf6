package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Tanhshrink}: {@code x - tanh(x)}. */
public final class Tanhshrink extends Module {
    /** A Tanhshrink layer (no parameters). */
    public Tanhshrink() {}

    /** {@inheritDoc} Computes {@code F.tanhshrink(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.tanhshrink(input);
    }
}
