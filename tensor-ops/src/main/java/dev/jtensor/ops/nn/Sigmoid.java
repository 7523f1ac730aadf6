package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Sigmoid}: the elementwise logistic function. */
public final class Sigmoid extends Module {
    /** A Sigmoid layer (no parameters). */
    public Sigmoid() {}

    /** {@inheritDoc} Computes {@code torch.sigmoid(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
