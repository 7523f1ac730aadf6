package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.AdaptiveAvgPool2d(output_size)}. */
public final class AdaptiveAvgPool2d extends Module {
    private final Long[] outputSize;

    /**
     * An adaptive average pooling layer.
     *
     * @param outputSize (height, width); a null entry keeps the input's size
     */
    public AdaptiveAvgPool2d(Long... outputSize) {
        this.outputSize = outputSize.length == 1 ? new Long[] {outputSize[0], outputSize[0]} : outputSize.clone();
    }

    /** {@inheritDoc} Computes {@code F.adaptive_avg_pool2d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }
}
