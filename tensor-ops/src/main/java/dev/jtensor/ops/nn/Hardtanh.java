package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Hardtanh}: clamps to {@code [minVal, maxVal]}. */
public final class Hardtanh extends Module {
    private final double minVal;
    private final double maxVal;

    /** With PyTorch's defaults (minVal -1.0, maxVal 1.0). */
    public Hardtanh() {
        this(-1.0, 1.0);
    }

    /**
     * A Hardtanh layer.
     *
     * @param minVal the lower bound
     * @param maxVal the upper bound, greater than {@code minVal}
     * @throws dev.jtensor.core.TensorException if the arguments are invalid
     */
    public Hardtanh(double minVal, double maxVal) {
        if (!(maxVal > minVal)) {
            throw new dev.jtensor.core.TensorException("Hardtanh: max_val (" + maxVal + ") must be greater than min_val (" + minVal + ")");
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    /** {@inheritDoc} Computes {@code F.hardtanh(input, min_val, max_val)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.hardtanh(input, minVal, maxVal);
    }

    @Override
    protected String extraRepr() {
        return "minVal=" + minVal + ", " + "maxVal=" + maxVal;
    }
}
