package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/**
 * {@code nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True)}: normalises over the last
 * dims, then scales by {@code weight} (ones) and shifts by {@code bias} (zeros).
 */
public final class LayerNorm extends Module {
    private final long[] normalizedShape;
    private final double eps;

    /**
     * {@code nn.LayerNorm(normalized_shape)} with eps 1e-5 and an affine part.
     *
     * @param normalizedShape the shape of the trailing dims to normalize
     */
    public LayerNorm(long... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}.
     *
     * @param normalizedShape the shape of the trailing dims to normalize
     * @param eps the epsilon added for numerical stability
     * @param elementwiseAffine whether the layer has a learnable weight and bias
     */
    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        registerParameter("weight", elementwiseAffine ? Tensor.ones(normalizedShape) : null);
        registerParameter("bias", elementwiseAffine ? Tensor.zeros(normalizedShape) : null);
    }

    /** {@return the scale, or null without the affine part} */
    public Tensor weight() {
        return parameter("weight");
    }

    /** {@return the shift, or null without the affine part} */
    public Tensor bias() {
        return parameter("bias");
    }

    /** {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight(), bias(), eps);
    }

    @Override
    protected String extraRepr() {
        return java.util.Arrays.toString(normalizedShape).replace('[', '(').replace(']', ')') + ", eps=" + eps
                + ", elementwise_affine=" + (weight() != null ? "True" : "False");
    }
}
