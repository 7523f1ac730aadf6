package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;

/**
 * {@code nn.Linear(in_features, out_features, bias=True)}: {@code y = x @ weight.T + bias}, with
 * weight {@code [out, in]} and bias {@code [out]} initialised exactly as PyTorch does (so that after
 * the same seed both hold the same numbers).
 */
public final class Linear extends Module {
    private final long inFeatures;
    private final long outFeatures;

    /**
     * {@code nn.Linear(in, out)}, drawing from the default generator.
     *
     * @param inFeatures the number of input features
     * @param outFeatures the number of output features
     */
    public Linear(long inFeatures, long outFeatures) {
        this(inFeatures, outFeatures, true, null);
    }

    /**
     * {@code nn.Linear(in, out, bias=bias)}, drawing from the default generator.
     *
     * @param inFeatures the number of input features
     * @param outFeatures the number of output features
     * @param bias whether the layer has a bias
     */
    public Linear(long inFeatures, long outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, null);
    }

    /**
     * {@code nn.Linear(in, out, bias)} drawing its initial values from {@code generator} (null: the default).
     *
     * @param inFeatures the number of input features
     * @param outFeatures the number of output features
     * @param bias whether the layer has a bias
     * @param generator the random number generator to draw from
     */
    public Linear(long inFeatures, long outFeatures, boolean bias, Generator generator) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        Tensor[] wb = Init.linearWeightAndBias(inFeatures, outFeatures, bias, generator);
        registerParameter("weight", wb[0]);
        registerParameter("bias", wb[1]);
    }

    /** {@return the weight, {@code [out, in]}} */
    public Tensor weight() {
        return parameter("weight");
    }

    /** {@return the bias, {@code [out]}, or null without one} */
    public Tensor bias() {
        return parameter("bias");
    }

    /** {@code F.linear(input, weight, bias)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias() != null ? "True" : "False");
    }
}
