package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Hardswish}: {@code x * relu6(x + 3) / 6}. */
public final class Hardswish extends Module {
    /** A Hardswish layer (no parameters). */
    public Hardswish() {}

    /** {@inheritDoc} Computes {@code F.hardswish(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.hardswish(input);
    }
}
