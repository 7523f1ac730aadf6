package dev.jtensor.ops.nn;

/** {@code nn.InstanceNorm1d}: instance normalisation of {@code [N, C, ...]} inputs with 1 spatial dim(s) (see {@link InstanceNorm}). */
public final class InstanceNorm1d extends InstanceNorm {
    /**
     * With PyTorch's defaults: eps 1e-5, momentum 0.1, no affine part, no running statistics.
     *
     * @param numFeatures the number of channels
     */
    public InstanceNorm1d(long numFeatures) {
        this(numFeatures, 1e-5, 0.1, false, false);
    }

    /**
     * {@code nn.InstanceNorm1d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures the number of channels
     * @param eps added to the variance
     * @param momentum the running statistics' update factor
     * @param affine whether to learn a per-channel scale and shift
     * @param trackRunningStats whether to keep (and in evaluation use) running statistics
     */
    public InstanceNorm1d(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats, 2);
    }
}
