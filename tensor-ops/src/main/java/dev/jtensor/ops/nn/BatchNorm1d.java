package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/** {@code nn.BatchNorm1d}: batch normalisation of {@code [N, C]} or {@code [N, C, L]} inputs (see {@link BatchNorm}). */
public final class BatchNorm1d extends BatchNorm {
    /**
     * With PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics.
     *
     * @param numFeatures the number of channels
     */
    public BatchNorm1d(long numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures the number of channels
     * @param eps added to the variance
     * @param momentum the running statistics' update factor, or null for a cumulative average
     * @param affine whether to learn a per-channel scale and shift
     * @param trackRunningStats whether to keep running statistics
     */
    public BatchNorm1d(long numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new TensorException("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
    }
}
