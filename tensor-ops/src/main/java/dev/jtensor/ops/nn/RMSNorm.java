package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import java.util.Arrays;

/** {@code nn.RMSNorm(normalized_shape, eps=None, elementwise_affine=True)} (PyTorch 2.4): {@code F.rms_norm} with a weight of ones. */
public final class RMSNorm extends Module {
    private final long[] normalizedShape;
    private final Double eps;

    /**
     * With the machine epsilon of the input's dtype and an elementwise weight.
     *
     * @param normalizedShape the normalised trailing dims
     */
    public RMSNorm(long... normalizedShape) {
        this(normalizedShape, null, true);
    }

    /**
     * {@code nn.RMSNorm(normalized_shape, eps, elementwise_affine)}.
     *
     * @param normalizedShape the normalised trailing dims
     * @param eps added to the mean square, or null for the machine epsilon of the input's dtype
     * @param elementwiseAffine whether to learn an elementwise scale
     */
    public RMSNorm(long[] normalizedShape, Double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        registerParameter("weight", elementwiseAffine ? Tensor.ones(normalizedShape) : null);
    }

    /** {@inheritDoc} Computes {@code F.rms_norm(input, normalized_shape, weight, eps)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.rmsNorm(input, normalizedShape, parameter("weight"), eps);
    }

    @Override
    protected String extraRepr() {
        return Arrays.toString(normalizedShape).replace('[', '(').replace(']', ')') + ", eps=" + eps
                + ", elementwise_affine=" + (parameter("weight") != null);
    }
}
