package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;

/**
 * The base of {@link BatchNorm1d} and {@link BatchNorm2d}, PyTorch's {@code _BatchNorm}: per-channel
 * {@code weight} (ones) and {@code bias} (zeros) when affine, and the buffers {@code running_mean}
 * (zeros), {@code running_var} (ones) and {@code num_batches_tracked} when tracking running statistics.
 * In training the batch statistics are used and the running ones updated ({@code momentum} null: a
 * cumulative average over the batches seen); in evaluation the running statistics are used.
 */
public abstract class BatchNorm extends Module {
    private final long numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean trackRunningStats;

    /**
     * A batch norm layer.
     *
     * @param numFeatures the number of channels {@code C}
     * @param eps added to the variance
     * @param momentum the running statistics' update factor, or null for a cumulative average
     * @param affine whether to learn a per-channel scale and shift
     * @param trackRunningStats whether to keep running statistics
     */
    protected BatchNorm(long numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.trackRunningStats = trackRunningStats;
        registerParameter("weight", affine ? Tensor.ones(numFeatures) : null);
        registerParameter("bias", affine ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.zeros(new long[0], DType.INT64) : null);
    }

    /**
     * Checks the input's number of dims.
     *
     * @param input the input
     * @throws TensorException if the layer does not take this many dims
     */
    protected abstract void checkInputDim(Tensor input);

    /** {@inheritDoc} Computes {@code F.batch_norm} with the batch or running statistics, as the mode says. */
    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        Tensor tracked = buffer("num_batches_tracked");
        if (isTraining() && trackRunningStats && tracked != null) {
            try (var _ = NoGrad.enter()) {
                tracked.add_(1L);
            }
            factor = momentum == null ? 1.0 / tracked.itemLong() : momentum;
        }
        Tensor mean = buffer("running_mean");
        Tensor var = buffer("running_var");
        boolean useBatchStats = isTraining() || mean == null && var == null;
        boolean passStats = !isTraining() || trackRunningStats;
        return F.batchNorm(input, passStats ? mean : null, passStats ? var : null, parameter("weight"),
                parameter("bias"), useBatchStats, factor, eps);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + (parameter("weight") != null)
                + ", track_running_stats=" + trackRunningStats;
    }
}
