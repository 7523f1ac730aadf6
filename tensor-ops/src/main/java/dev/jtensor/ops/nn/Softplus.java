package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Softplus}: {@code log(1 + exp(beta * x)) / beta}, linear above the threshold. */
public final class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** With PyTorch's defaults (beta 1.0, threshold 20.0). */
    public Softplus() {
        this(1.0, 20.0);
    }

    /**
     * A Softplus layer.
     *
     * @param beta the sharpness
     * @param threshold where the function turns linear
     */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    /** {@inheritDoc} Computes {@code F.softplus(input, beta, threshold)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.softplus(input, beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + beta + ", " + "threshold=" + threshold;
    }
}
