package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/** {@code nn.GroupNorm(num_groups, num_channels, eps=1e-5, affine=True)}: {@code F.group_norm} with per-channel weight (ones) and bias (zeros). */
public final class GroupNorm extends Module {
    private final long numGroups;
    private final long numChannels;
    private final double eps;

    /**
     * With eps 1e-5 and an affine part.
     *
     * @param numGroups the number of groups
     * @param numChannels the number of channels, divisible by {@code numGroups}
     * @throws TensorException if not divisible
     */
    public GroupNorm(long numGroups, long numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /**
     * {@code nn.GroupNorm(num_groups, num_channels, eps, affine)}.
     *
     * @param numGroups the number of groups
     * @param numChannels the number of channels, divisible by {@code numGroups}
     * @param eps added to the variance
     * @param affine whether to learn a per-channel scale and shift
     * @throws TensorException if not divisible
     */
    public GroupNorm(long numGroups, long numChannels, double eps, boolean affine) {
        if (numGroups <= 0 || numChannels % numGroups != 0) {
            throw new TensorException("num_channels must be divisible by num_groups (got num_channels=" + numChannels
                    + ", num_groups=" + numGroups + ")");
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        registerParameter("weight", affine ? Tensor.ones(numChannels) : null);
        registerParameter("bias", affine ? Tensor.zeros(numChannels) : null);
    }

    /** {@inheritDoc} Computes {@code F.group_norm(input, num_groups, weight, bias, eps)}. */
    @Override
    public Tensor forward(Tensor input) {
        return F.groupNorm(input, numGroups, parameter("weight"), parameter("bias"), eps);
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + eps + ", affine=" + (parameter("weight") != null);
    }
}
