package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.AdaptiveAvgPool1d(output_size)}. */
public final class AdaptiveAvgPool1d extends Module {
    private final long outputSize;

    /**
     * An adaptive average pooling layer.
     *
     * @param outputSize the output length
     */
    public AdaptiveAvgPool1d(long outputSize) {
        this.outputSize = outputSize;
    }

    /** {@inheritDoc} Computes {@code F.adaptive_avg_pool1d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool1d(input, outputSize);
    }
}
