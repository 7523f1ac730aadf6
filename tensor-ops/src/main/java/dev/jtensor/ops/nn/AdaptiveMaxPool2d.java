package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.AdaptiveMaxPool2d(output_size, return_indices=False)}. */
public final class AdaptiveMaxPool2d extends Module {
    private final Long[] outputSize;

    /**
     * An adaptive max pooling layer.
     *
     * @param outputSize (height, width); a null entry keeps the input's size
     */
    public AdaptiveMaxPool2d(Long... outputSize) {
        this.outputSize = outputSize.length == 1 ? new Long[] {outputSize[0], outputSize[0]} : outputSize.clone();
    }

    /** {@inheritDoc} Computes {@code F.adaptive_max_pool2d}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveMaxPool2d(input, outputSize, false)[0];
    }

    /**
     * The layer with {@code return_indices=True}.
     *
     * @param input the input
     * @return {values, int64 indices}
     */
    public Tensor[] forwardWithIndices(Tensor input) {
        return F.adaptiveMaxPool2d(input, outputSize, true);
    }
}
