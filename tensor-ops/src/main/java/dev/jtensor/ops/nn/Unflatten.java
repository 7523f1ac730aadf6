package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import java.util.Arrays;

/** {@code nn.Unflatten(dim, unflattened_size)}: splits one dim into several ({@code input.unflatten(dim, sizes)}). */
public final class Unflatten extends Module {
    private final long dim;
    private final long[] unflattenedSize;

    /**
     * An Unflatten layer.
     *
     * @param dim the dim to split
     * @param unflattenedSize the sizes it becomes (one may be -1)
     */
    public Unflatten(long dim, long... unflattenedSize) {
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    /** {@inheritDoc} Computes {@code input.unflatten(dim, unflattened_size)}. */
    @Override
    public Tensor forward(Tensor input) {
        return input.unflatten(dim, unflattenedSize);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + Arrays.toString(unflattenedSize);
    }
}
