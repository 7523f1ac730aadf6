package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Tanh()}: the elementwise hyperbolic tangent. */
public final class Tanh extends Module {
    /** A tanh layer (no parameters). */
    public Tanh() {}

    /** {@code torch.tanh(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
