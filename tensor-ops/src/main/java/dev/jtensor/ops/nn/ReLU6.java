package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.ReLU6}: {@code min(max(x, 0), 6)}. */
public final class ReLU6 extends Module {
    /** A ReLU6 layer (no parameters). */
    public ReLU6() {}

    /** {@inheritDoc} Computes {@code F.relu6(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.relu6(input);
    }
}
