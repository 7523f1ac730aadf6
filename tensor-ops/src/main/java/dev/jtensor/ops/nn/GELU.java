package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.GELU}: the Gaussian error linear unit, exact or with the tanh approximation. */
public final class GELU extends Module {
    private final String approximate;

    /** With PyTorch's defaults (approximate "none"). */
    public GELU() {
        this("none");
    }

    /**
     * A GELU layer.
     *
     * @param approximate {@code "none"} (erf) or {@code "tanh"}
     * @throws dev.jtensor.core.TensorException if the arguments are invalid
     */
    public GELU(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new dev.jtensor.core.TensorException("approximate argument must be either none or tanh, got " + approximate);
        }
        this.approximate = approximate;
    }

    /** {@inheritDoc} Computes {@code F.gelu(input, approximate)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate=" + approximate;
    }
}
