package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;
import java.util.Arrays;
import java.util.Set;

/**
 * The base of {@link Conv1d}, {@link Conv2d}, {@link ConvTranspose1d} and {@link ConvTranspose2d}, PyTorch's
 * {@code _ConvNd}: a {@code weight} ({@code [out, in / groups, *kernel]}, or {@code [in, out / groups, *kernel]}
 * when transposed) drawn with {@code kaiming_uniform_(a = sqrt(5))}, then a {@code bias} drawn uniformly
 * from {@code +-1 / sqrt(fan_in)}, and a padding mode ({@code "zeros"}, {@code "reflect"},
 * {@code "replicate"}, {@code "circular"}; non-zero modes pad explicitly with {@link F#pad}).
 */
public abstract class ConvNd extends Module {
    private static final Set<String> PADDING_MODES = Set.of("zeros", "reflect", "replicate", "circular");

    /** The number of spatial dims (1 or 2). */
    protected final int spatial;
    /** The kernel size per spatial dim. */
    protected final long[] kernelSize;
    /** The stride per spatial dim. */
    protected final long[] stride;
    /** The padding per spatial dim (null with a padding string). */
    protected final long[] padding;
    /** {@code "same"} or {@code "valid"}, or null with numeric padding. */
    protected final String paddingString;
    /** The dilation per spatial dim. */
    protected final long[] dilation;
    /** The number of channel groups. */
    protected final long groups;
    /** The padding mode. */
    protected final String paddingMode;

    /**
     * A convolution layer.
     *
     * @param spatial the number of spatial dims
     * @param inChannels the input channels, divisible by {@code groups}
     * @param outChannels the output channels, divisible by {@code groups}
     * @param kernelSize one value or one per spatial dim
     * @param stride one value or one per spatial dim
     * @param padding one value or one per spatial dim (null with {@code paddingString})
     * @param paddingString {@code "same"} or {@code "valid"}, or null
     * @param dilation one value or one per spatial dim
     * @param groups the number of channel groups
     * @param bias whether to add a learnt bias
     * @param paddingMode {@code "zeros"}, {@code "reflect"}, {@code "replicate"} or {@code "circular"}
     * @param transposed whether the weight is laid out for a transposed convolution
     * @param generator the generator of the initial values
     * @throws TensorException for invalid arguments, with PyTorch's messages
     */
    protected ConvNd(int spatial, long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding,
            String paddingString, long[] dilation, long groups, boolean bias, String paddingMode, boolean transposed,
            Generator generator) {
        if (groups <= 0) {
            throw new TensorException("groups must be a positive integer, got " + groups);
        }
        if (inChannels % groups != 0) {
            throw new TensorException("in_channels must be divisible by groups (in_channels=" + inChannels + ", groups="
                    + groups + ")");
        }
        if (outChannels % groups != 0) {
            throw new TensorException("out_channels must be divisible by groups (out_channels=" + outChannels
                    + ", groups=" + groups + ")");
        }
        if (!PADDING_MODES.contains(paddingMode)) {
            throw new TensorException("padding_mode must be one of {'circular', 'reflect', 'replicate', 'zeros'}, but got "
                    + "padding_mode='" + paddingMode + "'");
        }
        this.spatial = spatial;
        this.kernelSize = expand(kernelSize, spatial);
        this.stride = expand(stride, spatial);
        this.dilation = expand(dilation, spatial);
        if (paddingString != null) {
            if (!paddingString.equals("same") && !paddingString.equals("valid")) {
                throw new TensorException("Invalid padding string '" + paddingString + "', should be one of {'valid', 'same'}");
            }
            if (paddingString.equals("same") && Arrays.stream(this.stride).anyMatch(s -> s != 1)) {
                throw new TensorException("padding='same' is not supported for strided convolutions");
            }
            this.padding = null;
        } else {
            this.padding = expand(padding, spatial);
        }
        this.paddingString = paddingString;
        this.groups = groups;
        this.paddingMode = paddingMode;
        long[] shape = new long[2 + spatial];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = (transposed ? outChannels : inChannels) / groups;
        System.arraycopy(this.kernelSize, 0, shape, 2, spatial);
        Tensor w = Tensor.zeros(shape);
        Tensor b = bias ? Tensor.zeros(outChannels) : null;
        try (var _ = NoGrad.enter()) {
            Init.kaimingUniform_(w, Math.sqrt(5), "fan_in", "leaky_relu", generator);
            if (b != null) {
                long fanIn = Init.fanInAndFanOut(w)[0];
                if (fanIn != 0) {
                    double bound = 1 / Math.sqrt(fanIn);
                    Init.uniform_(b, -bound, bound, generator);
                }
            }
        }
        registerParameter("weight", w);
        registerParameter("bias", b);
    }

    private static long[] expand(long[] v, int spatial) {
        if (v.length == spatial) {
            return v.clone();
        }
        if (v.length == 1) {
            long[] out = new long[spatial];
            Arrays.fill(out, v[0]);
            return out;
        }
        throw new TensorException("expected one value or " + spatial + " values, got " + Arrays.toString(v));
    }

    /**
     * The learnt kernel.
     *
     * @return the weight
     */
    public Tensor weight() {
        return parameter("weight");
    }

    /**
     * The learnt bias.
     *
     * @return the bias, or null without one
     */
    public Tensor bias() {
        return parameter("bias");
    }

    /**
     * The input padded by a non-zero padding mode, as PyTorch's {@code _reversed_padding_repeated_twice}.
     *
     * @param input the input
     * @return the explicitly padded input
     */
    protected Tensor padExplicitly(Tensor input) {
        long[] pads = new long[2 * spatial];
        for (int i = 0; i < spatial; i++) {
            long before;
            long after;
            if (paddingString == null) {
                before = padding[i];
                after = padding[i];
            } else if (paddingString.equals("same")) {
                long total = dilation[i] * (kernelSize[i] - 1);
                before = total / 2;
                after = total - before;
            } else {
                before = 0;
                after = 0;
            }
            int slot = spatial - 1 - i;
            pads[2 * slot] = before;
            pads[2 * slot + 1] = after;
        }
        return F.pad(input, pads, paddingMode, 0);
    }

    @Override
    protected String extraRepr() {
        return weight().size(1) * (this instanceof ConvTranspose1d || this instanceof ConvTranspose2d ? 1 : groups)
                + ", kernel_size=" + Arrays.toString(kernelSize) + ", stride=" + Arrays.toString(stride)
                + (paddingString != null ? ", padding=" + paddingString : ", padding=" + Arrays.toString(padding))
                + ", groups=" + groups + ", padding_mode=" + paddingMode;
    }
}
