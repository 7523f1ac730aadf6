package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * The base of {@link InstanceNorm1d} and {@link InstanceNorm2d}, PyTorch's {@code _InstanceNorm}: each
 * channel of each sample is normalised over its spatial dims; optional per-channel {@code weight}
 * and {@code bias} ({@code affine}, off by default) and running statistics ({@code track_running_stats},
 * off by default; used in evaluation mode when kept). An input without the batch dim is one sample.
 */
public abstract class InstanceNorm extends Module {
    private final long numFeatures;
    private final double eps;
    private final double momentum;
    private final boolean trackRunningStats;
    private final int unbatchedDims;

    /**
     * An instance norm layer.
     *
     * @param numFeatures the number of channels {@code C}
     * @param eps added to the variance
     * @param momentum the running statistics' update factor
     * @param affine whether to learn a per-channel scale and shift
     * @param trackRunningStats whether to keep running statistics
     * @param unbatchedDims the number of dims of an input without the batch dim
     */
    protected InstanceNorm(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats,
            int unbatchedDims) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.trackRunningStats = trackRunningStats;
        this.unbatchedDims = unbatchedDims;
        registerParameter("weight", affine ? Tensor.ones(numFeatures) : null);
        registerParameter("bias", affine ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.zeros(new long[0], DType.INT64) : null);
    }

    /** {@inheritDoc} Computes {@code F.instance_norm} with the instance or running statistics, as the mode says. */
    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != unbatchedDims && input.dim() != unbatchedDims + 1) {
            throw new TensorException("expected " + unbatchedDims + "D or " + (unbatchedDims + 1) + "D input (got "
                    + input.dim() + "D input)");
        }
        long channels = input.size(input.dim() - unbatchedDims);
        if (channels != numFeatures && parameter("weight") != null) {
            throw new TensorException("expected input's size at dim=" + (input.dim() - unbatchedDims) + " to match "
                    + "num_features (" + numFeatures + "), but got: " + channels + ".");
        }
        boolean unbatched = input.dim() == unbatchedDims;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor y = F.instanceNorm(x, buffer("running_mean"), buffer("running_var"), parameter("weight"),
                parameter("bias"), isTraining() || !trackRunningStats, momentum, eps);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + (parameter("weight") != null)
                + ", track_running_stats=" + trackRunningStats;
    }
}
