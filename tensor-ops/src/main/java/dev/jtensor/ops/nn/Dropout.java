package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;

/** {@code nn.Dropout(p=0.5)}: {@link F#dropout} in training mode, the identity in evaluation mode. */
public final class Dropout extends Module {
    private final double p;
    private final Generator generator;

    /**
     * {@code nn.Dropout(p)} drawing from the default generator.
     *
     * @param p the probability p
     */
    public Dropout(double p) {
        this(p, null);
    }

    /**
     * {@code nn.Dropout(p)} drawing its masks from {@code generator} (null: the default).
     *
     * @param p the probability p
     * @param generator the random number generator to draw from
     */
    public Dropout(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new dev.jtensor.core.TensorException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.generator = generator;
    }

    /** {@code F.dropout(input, p, self.training)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining(), generator != null ? generator : Generator.defaultGenerator());
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
