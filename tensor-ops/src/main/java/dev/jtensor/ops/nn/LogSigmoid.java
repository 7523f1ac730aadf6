package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.LogSigmoid}: {@code log(sigmoid(x))}, computed stably. */
public final class LogSigmoid extends Module {
    /** A LogSigmoid layer (no parameters). */
    public LogSigmoid() {}

    /** {@inheritDoc} Computes {@code F.logsigmoid(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.logsigmoid(input);
    }
}
