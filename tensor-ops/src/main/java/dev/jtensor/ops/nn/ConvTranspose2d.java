package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
 * bias=True, dilation=1)}: {@link F#convTranspose2d} with a learnt weight ({@code [in, out / groups, *kernel]})
 * and bias (see {@link ConvNd}).
 */
public final class ConvTranspose2d extends ConvNd {
    private final long[] outputPadding;

    /**
     * With stride 1, no padding, no output padding, one group, a bias and no dilation.
     *
     * @param inChannels the input channels
     * @param outChannels the output channels
     * @param kernelSize the kernel size (one value or one per spatial dim)
     * @throws TensorException for invalid arguments
     */
    public ConvTranspose2d(long inChannels, long outChannels, long... kernelSize) {
        this(inChannels, outChannels, kernelSize, new long[] {1}, new long[] {0}, new long[] {0}, 1, true, new long[] {1},
                Generator.defaultGenerator());
    }

    /**
     * A 2-d transposed convolution layer.
     *
     * @param inChannels the input channels, divisible by {@code groups}
     * @param outChannels the output channels, divisible by {@code groups}
     * @param kernelSize one value or one per spatial dim
     * @param stride one value or one per spatial dim
     * @param padding one value or one per spatial dim
     * @param outputPadding one value or one per spatial dim
     * @param groups the number of channel groups
     * @param bias whether to add a learnt bias
     * @param dilation one value or one per spatial dim
     * @param generator the generator of the initial values
     * @throws TensorException for invalid arguments
     */
    public ConvTranspose2d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding,
            long[] outputPadding, long groups, boolean bias, long[] dilation, Generator generator) {
        super(2, inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, "zeros", true,
                generator);
        this.outputPadding = outputPadding.clone();
    }

    /** {@inheritDoc} Computes {@code F.conv_transpose2d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.convTranspose2d(input, weight(), bias(), stride, padding, outputPadding, groups, dilation);
    }
}
