package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.ReLU()}: the elementwise {@code max(x, 0)}. */
public final class ReLU extends Module {
    /** A ReLU layer (no parameters). */
    public ReLU() {}

    /** {@code F.relu(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
