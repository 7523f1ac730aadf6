package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/** {@code nn.Dropout1d(p=0.5)}: in training, {@code F.dropout1d} (whole channels zeroed); the identity in evaluation. */
public final class Dropout1d extends Module {
    private final double p;

    /** With {@code p = 0.5}. */
    public Dropout1d() {
        this(0.5);
    }

    /**
     * A channel dropout layer.
     *
     * @param p the probability of zeroing a channel, in [0, 1]
     * @throws TensorException for {@code p} outside [0, 1]
     */
    public Dropout1d(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new TensorException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
    }

    /** {@inheritDoc} Computes {@code F.dropout1d(input, p, self.training)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.dropout1d(input, p, isTraining());
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
