package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;
import java.util.Arrays;

/**
 * Parameter initialisation with PyTorch's exact arithmetic ({@code torch.nn.init}): fans, gains and
 * bounds are computed in double in PyTorch's order of operations, then the tensor is filled by
 * {@link Tensor#uniform_(double, double, Generator)} or {@link Tensor#normal_(double, double, Generator)},
 * so after the same seed the values equal PyTorch's bit for bit. Every function runs without
 * recording autograd (as {@code torch.no_grad()} does), so it may be applied to parameters that
 * require gradients, and takes an optional {@link Generator} (null: the default generator).
 *
 * <p>{@link #linearWeightAndBias} and {@link #embeddingWeight} reproduce the default initialisation
 * of {@code nn.Linear} and {@code nn.Embedding}, draws in the same order.
 */
public final class Init {
    private Init() {}

    // ------------------------------------------------------------------ fills

    /**
     * Fills with values uniform in {@code [0, 1)}, like {@code nn.init.uniform_(t)}; returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor uniform_(Tensor t) {
        return uniform_(t, 0.0, 1.0, null);
    }

    /**
     * Fills with values uniform in {@code [a, b)}, like {@code nn.init.uniform_(t, a, b)}; returns t.
     *
     * @param t the tensor
     * @param a the lower bound (inclusive)
     * @param b the upper bound (exclusive)
     * @return t
     */
    public static Tensor uniform_(Tensor t, double a, double b) {
        return uniform_(t, a, b, null);
    }

    /**
     * Fills with values uniform in {@code [a, b)} drawn from {@code generator}; returns t.
     *
     * @param t the tensor
     * @param a the lower bound (inclusive)
     * @param b the upper bound (exclusive)
     * @param generator the random number generator to draw from
     * @return t
     */
    public static Tensor uniform_(Tensor t, double a, double b, Generator generator) {
        try (NoGrad ignored = NoGrad.enter()) {
            return t.uniform_(a, b, generator);
        }
    }

    /**
     * Fills with standard normal values, like {@code nn.init.normal_(t)}; returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor normal_(Tensor t) {
        return normal_(t, 0.0, 1.0, null);
    }

    /**
     * Fills with normal values, like {@code nn.init.normal_(t, mean, std)}; returns t.
     *
     * @param t the tensor
     * @param mean the mean
     * @param std the standard deviation
     * @return t
     */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, null);
    }

    /**
     * Fills with normal values drawn from {@code generator}; returns t.
     *
     * @param t the tensor
     * @param mean the mean
     * @param std the standard deviation
     * @param generator the random number generator to draw from
     * @return t
     */
    public static Tensor normal_(Tensor t, double mean, double std, Generator generator) {
        try (NoGrad ignored = NoGrad.enter()) {
            return t.normal_(mean, std, generator);
        }
    }

    /**
     * Fills with zeros, like {@code nn.init.zeros_(t)} (no draws); returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor zeros_(Tensor t) {
        try (NoGrad ignored = NoGrad.enter()) {
            return t.zero_();
        }
    }

    /**
     * Fills with ones, like {@code nn.init.ones_(t)} (no draws); returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1.0);
    }

    /**
     * Fills with {@code value}, like {@code nn.init.constant_(t, value)} (no draws); returns t.
     *
     * @param t the tensor
     * @param value the value
     * @return t
     */
    public static Tensor constant_(Tensor t, double value) {
        try (NoGrad ignored = NoGrad.enter()) {
            return t.fill_(value);
        }
    }

    // ------------------------------------------------------------------ fans and gains

    /**
     * {@code (fan_in, fan_out)} as PyTorch computes them: {@code size(1) * receptive} and
     * {@code size(0) * receptive}, where {@code receptive} is the product of the sizes after the
     * first two.
     *
     * @param t the tensor
     * @return {@code (fan_in, fan_out)} as PyTorch computes them
     * @throws TensorException for a tensor of fewer than 2 dims
     */
    public static long[] fanInAndFanOut(Tensor t) {
        if (t.dim() < 2) {
            throw new TensorException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape "
                    + Arrays.toString(t.shape()) + ")");
        }
        long receptive = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptive *= t.size(d);
        }
        return new long[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /**
     * {@return the recommended gain for {@code nonlinearity}, like {@code nn.init.calculate_gain(nonlinearity)}
     * (leaky_relu slope 0.01)}
     *
     * @param nonlinearity the nonlinearity the gain is for (PyTorch's name, e.g. {@code "relu"})
     */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * The recommended gain for {@code nonlinearity} with parameter {@code param} (the negative slope,
     * used by {@code leaky_relu} only), like {@code nn.init.calculate_gain(nonlinearity, param)}:
     * 1 for linear, conv and sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2 / (1 + param^2)) for
     * leaky_relu, 3/4 for selu.
     *
     * @param nonlinearity the nonlinearity the gain is for (PyTorch's name, e.g. {@code "relu"})
     * @param param the parameter
     * @return the recommended gain for {@code nonlinearity} with parameter {@code param} (the negative slope, used
     *     by {@code leaky_relu} only), like {@code nn.init.calculate_gain(nonlinearity, param)}
     * @throws TensorException for any other name
     */
    public static double calculateGain(String nonlinearity, double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                    "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            // Python's param**2 equals param*param for the values that matter (e.g. sqrt(5)).
            case "leaky_relu" -> Math.sqrt(2.0 / (1 + param * param));
            case "selu" -> 3.0 / 4;
            default -> throw new TensorException("Unsupported nonlinearity " + nonlinearity
                    + " (expected linear, conv1d..3d, conv_transpose1d..3d, sigmoid, tanh, relu, leaky_relu or selu)");
        };
    }

    private static long correctFan(Tensor t, String mode) {
        if (!mode.equals("fan_in") && !mode.equals("fan_out")) {
            throw new TensorException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
        }
        long[] fans = fanInAndFanOut(t);
        return mode.equals("fan_in") ? fans[0] : fans[1];
    }

    // ------------------------------------------------------------------ Kaiming and Xavier

    /**
     * {@code nn.init.kaiming_uniform_(t)}: {@code a = 0}, {@code mode = "fan_in"},
     * {@code nonlinearity = "leaky_relu"}; returns t.
     *
     * @param t the tensor
     * @return {@code nn.init.kaiming_uniform_(t)}
     */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0, "fan_in", "leaky_relu", null);
    }

    /**
     * {@code nn.init.kaiming_uniform_(t, a, mode, nonlinearity)}; returns t.
     *
     * @param t the tensor
     * @param a the lower bound (inclusive)
     * @param mode the mode
     * @param nonlinearity the nonlinearity the gain is for (PyTorch's name, e.g. {@code "relu"})
     * @return t
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
        return kaimingUniform_(t, a, mode, nonlinearity, null);
    }

    /**
     * {@code nn.init.kaiming_uniform_(t, a, mode, nonlinearity, generator)}: values uniform in
     * {@code [-bound, bound)} with {@code bound = sqrt(3) * gain / sqrt(fan)}, computed in double in
     * that order. A tensor with a zero-sized dim is left alone (no draws), as in PyTorch. Returns t.
     *
     * @param t the tensor
     * @param a the lower bound (inclusive)
     * @param mode the mode
     * @param nonlinearity the nonlinearity the gain is for (PyTorch's name, e.g. {@code "relu"})
     * @param generator the random number generator to draw from
     * @return {@code nn.init.kaiming_uniform_(t, a, mode, nonlinearity, generator)}
     * @throws TensorException for fewer than 2 dims, an unknown mode or nonlinearity
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity, Generator generator) {
        if (t.numel() == 0) {
            return t;
        }
        long fan = correctFan(t, mode);
        double gain = calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt(fan);
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound, generator);
    }

    /**
     * {@code nn.init.kaiming_normal_(t)} with PyTorch's defaults; returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0, "fan_in", "leaky_relu", null);
    }

    /**
     * {@code nn.init.kaiming_normal_(t, a, mode, nonlinearity, generator)}: normal values with
     * {@code std = gain / sqrt(fan)}; a tensor with a zero-sized dim is left alone. Returns t.
     *
     * @param t the tensor
     * @param a the lower bound (inclusive)
     * @param mode the mode
     * @param nonlinearity the nonlinearity the gain is for (PyTorch's name, e.g. {@code "relu"})
     * @param generator the random number generator to draw from
     * @return {@code nn.init.kaiming_normal_(t, a, mode, nonlinearity, generator)}
     */
    public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity, Generator generator) {
        if (t.numel() == 0) {
            return t;
        }
        long fan = correctFan(t, mode);
        double gain = calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt(fan);
        return normal_(t, 0, std, generator);
    }

    /**
     * {@code nn.init.xavier_uniform_(t)} with gain 1; returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1.0, null);
    }

    /**
     * {@code nn.init.xavier_uniform_(t, gain)}; returns t.
     *
     * @param t the tensor
     * @param gain the gain
     * @return t
     */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        return xavierUniform_(t, gain, null);
    }

    /**
     * {@code nn.init.xavier_uniform_(t, gain, generator)}: values uniform in {@code [-a, a)} with
     * {@code a = sqrt(3) * gain * sqrt(2 / (fan_in + fan_out))}. Returns t.
     *
     * @param t the tensor
     * @param gain the gain
     * @param generator the random number generator to draw from
     * @return {@code nn.init.xavier_uniform_(t, gain, generator)}
     * @throws TensorException for fewer than 2 dims or {@code fan_in + fan_out == 0}
     */
    public static Tensor xavierUniform_(Tensor t, double gain, Generator generator) {
        double std = gain * Math.sqrt(2.0 / xavierFanSum(t));
        double a = Math.sqrt(3.0) * std;
        return uniform_(t, -a, a, generator);
    }

    /**
     * {@code nn.init.xavier_normal_(t)} with gain 1; returns t.
     *
     * @param t the tensor
     * @return t
     */
    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1.0, null);
    }

    /**
     * {@code nn.init.xavier_normal_(t, gain, generator)}: normal values with {@code std = gain * sqrt(2 / (fan_in
     * + fan_out))}. Returns t.
     *
     * @param t the tensor
     * @param gain the gain
     * @param generator the random number generator to draw from
     * @return {@code nn.init.xavier_normal_(t, gain, generator)}
     */
    public static Tensor xavierNormal_(Tensor t, double gain, Generator generator) {
        double std = gain * Math.sqrt(2.0 / xavierFanSum(t));
        return normal_(t, 0, std, generator);
    }

    private static double xavierFanSum(Tensor t) {
        long[] fans = fanInAndFanOut(t);
        long sum = fans[0] + fans[1];
        if (sum == 0) {
            throw new TensorException("xavier initialisation of shape " + Arrays.toString(t.shape())
                    + ": fan_in + fan_out is 0 (float division by zero in PyTorch)");
        }
        return sum;
    }

    // ------------------------------------------------------------------ module defaults

    /**
     * {@return {@link #linearWeightAndBias(long, long, boolean, Generator)} from the default generator}
     *
     * @param inFeatures the number of input features
     * @param outFeatures the number of output features
     * @param bias whether the layer has a bias
     */
    public static Tensor[] linearWeightAndBias(long inFeatures, long outFeatures, boolean bias) {
        return linearWeightAndBias(inFeatures, outFeatures, bias, null);
    }

    /**
     * The parameters {@code nn.Linear(inFeatures, outFeatures, bias)} is constructed with: a float32
     * weight {@code (out, in)} from {@code kaiming_uniform_(a = sqrt(5))}, then (if {@code bias}) a
     * float32 bias {@code (out)} uniform in {@code [-1/sqrt(in), 1/sqrt(in))}, drawn in that order.
     * Returns {@code {weight, bias}} with {@code bias == null} when not requested; neither requires
     * grad yet.
     *
     * @param inFeatures the number of input features
     * @param outFeatures the number of output features
     * @param bias whether the layer has a bias
     * @param generator the random number generator to draw from
     * @return the parameters {@code nn.Linear(inFeatures, outFeatures, bias)} is constructed with
     */
    public static Tensor[] linearWeightAndBias(long inFeatures, long outFeatures, boolean bias, Generator generator) {
        Tensor weight = Tensor.zeros(outFeatures, inFeatures);
        kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu", generator);
        Tensor b = null;
        if (bias) {
            long fanIn = fanInAndFanOut(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            // Python's bound is the int 0 when fan_in is 0, so its negation is +0.0, not -0.0.
            b = uniform_(Tensor.zeros(outFeatures), fanIn > 0 ? -bound : 0.0, bound, generator);
        }
        return new Tensor[] {weight, b};
    }

    /**
     * {@return {@code nn.Embedding(num, dim)}'s weight from the default generator}
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     */
    public static Tensor embeddingWeight(long numEmbeddings, long embeddingDim) {
        return embeddingWeight(numEmbeddings, embeddingDim, null, null);
    }

    /**
     * {@return {@code nn.Embedding(num, dim, padding_idx=paddingIdx)}'s weight from the default generator}
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     */
    public static Tensor embeddingWeight(long numEmbeddings, long embeddingDim, long paddingIdx) {
        return embeddingWeight(numEmbeddings, embeddingDim, paddingIdx, null);
    }

    /**
     * The weight {@code nn.Embedding(num, dim, padding_idx)} (and {@code nn.EmbeddingBag}) is
     * constructed with: float32 {@code (num, dim)} filled by {@code normal_(0, 1)}, then the padding
     * row (negative counts from the end; null for none) set to zero. Does not require grad yet.
     *
     * @param numEmbeddings the number of rows of the embedding table
     * @param embeddingDim the size of each embedding vector
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @param generator the random number generator to draw from
     * @return the weight {@code nn.Embedding(num, dim, padding_idx)} (and {@code nn.EmbeddingBag}) is constructed
     *     with
     * @throws TensorException when {@code paddingIdx} is outside {@code [-num, num)} (checked before any draw)
     */
    public static Tensor embeddingWeight(long numEmbeddings, long embeddingDim, Long paddingIdx, Generator generator) {
        Long pad = paddingIdx;
        if (pad != null) {
            if (pad >= numEmbeddings || pad < -numEmbeddings) {
                throw new TensorException("Padding_idx must be within num_embeddings: padding_idx=" + pad
                        + ", num_embeddings=" + numEmbeddings);
            }
            if (pad < 0) {
                pad = numEmbeddings + pad;
            }
        }
        Tensor weight = normal_(Tensor.zeros(numEmbeddings, embeddingDim), 0, 1, generator);
        if (pad != null) {
            try (NoGrad ignored = NoGrad.enter()) {
                weight.select(0, pad).fill_(0.0);
            }
        }
        return weight;
    }
}
