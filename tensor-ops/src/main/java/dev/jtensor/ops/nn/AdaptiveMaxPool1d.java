package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.AdaptiveMaxPool1d(output_size, return_indices=False)}. */
public final class AdaptiveMaxPool1d extends Module {
    private final long outputSize;

    /**
     * An adaptive max pooling layer.
     *
     * @param outputSize the output length
     */
    public AdaptiveMaxPool1d(long outputSize) {
        this.outputSize = outputSize;
    }

    /** {@inheritDoc} Computes {@code F.adaptive_max_pool1d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveMaxPool1d(input, outputSize, false)[0];
    }

    /**
     * The layer with {@code return_indices=True}.
     *
     * @param input the input
     * @return {values, int64 indices}
     */
    public Tensor[] forwardWithIndices(Tensor input) {
        return F.adaptiveMaxPool1d(input, outputSize, true);
    }
}
