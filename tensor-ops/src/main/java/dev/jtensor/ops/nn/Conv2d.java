package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
 * padding_mode='zeros')}: {@link F#conv2d} with a learnt weight and bias (see {@link ConvNd}).
 */
public final class Conv2d extends ConvNd {
    /**
     * With stride 1, no padding, no dilation, one group, a bias and zero padding mode.
     *
     * @param inChannels the input channels
     * @param outChannels the output channels
     * @param kernelSize the kernel size (one value or one per spatial dim)
     * @throws TensorException for invalid arguments
     */
    public Conv2d(long inChannels, long outChannels, long... kernelSize) {
        this(inChannels, outChannels, kernelSize, new long[] {1}, new long[] {0}, null, new long[] {1}, 1, true, "zeros",
                Generator.defaultGenerator());
    }

    /**
     * A 2-d convolution layer.
     *
     * @param inChannels the input channels, divisible by {@code groups}
     * @param outChannels the output channels, divisible by {@code groups}
     * @param kernelSize one value or one per spatial dim
     * @param stride one value or one per spatial dim
     * @param padding one value or one per spatial dim (ignored with {@code paddingString})
     * @param paddingString {@code "same"} or {@code "valid"}, or null for numeric padding
     * @param dilation one value or one per spatial dim
     * @param groups the number of channel groups
     * @param bias whether to add a learnt bias
     * @param paddingMode {@code "zeros"}, {@code "reflect"}, {@code "replicate"} or {@code "circular"}
     * @param generator the generator of the initial values
     * @throws TensorException for invalid arguments, with PyTorch's messages
     */
    public Conv2d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, String paddingString,
            long[] dilation, long groups, boolean bias, String paddingMode, Generator generator) {
        super(2, inChannels, outChannels, kernelSize, stride, padding, paddingString, dilation, groups, bias, paddingMode,
                false, generator);
    }

    /** {@inheritDoc} Computes {@code F.conv2d} (after explicit padding for a non-zero padding mode). */
    @Override
    public Tensor forward(Tensor input) {
        if (!paddingMode.equals("zeros")) {
            return F.conv2d(padExplicitly(input), weight(), bias(), stride, new long[] {0}, dilation, groups);
        }
        return paddingString != null ? F.conv2d(input, weight(), bias(), stride, paddingString, dilation, groups)
                : F.conv2d(input, weight(), bias(), stride, padding, dilation, groups);
    }
}
