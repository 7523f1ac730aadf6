package dev.jtensor.core;

/**
 * One item of an index, PyTorch's {@code x[i0, i1, ...]} spelled without string parsing:
 * {@code x.index(Index.all(), Index.at(0))} is {@code x[:, 0]}.
 *
 * <ul>
 *   <li>{@link #at(long)}: an integer; negative counts from the end; removes the dim (a view).</li>
 *   <li>{@link #slice(Long, Long, Long)} / {@link #all()}: Python's {@code start:stop:step}; bounds
 *       are clamped, negative bounds count from the end, the step must be positive (a view).</li>
 *   <li>{@link #ellipsis()}: {@code ...}, as many {@code :} as needed (at most one per index).</li>
 *   <li>{@link #newAxis()}: Python's {@code None}, a new dim of size 1 (a view).</li>
 *   <li>{@link #tensor(Tensor)}: an int64 or int32 tensor of indices, or a bool mask (advanced
 *       indexing: the result is a copy).</li>
 * </ul>
 *
 * <p>Only-basic items (integers, slices, ellipsis, new axes) give a view of the indexed tensor;
 * any tensor item gives a copy, with PyTorch's rules for where the broadcast index dims go.
 */
public sealed interface Index permits Index.At, Index.Slice, Index.Ellipsis, Index.NewAxis, Index.TensorIndex {

    /**
     * An integer item; negative values count from the end of the dim.
     *
     * @param index the position in the dim
     */
    record At(long index) implements Index {
        @Override
        public String toString() {
            return Long.toString(index);
        }
    }

    /**
     * A slice item {@code start:stop:step}; a null part takes Python's default (0, the end, 1).
     *
     * @param start first position, or null for the start of the dim
     * @param stop position to stop before, or null for the end of the dim
     * @param step positive step, or null for 1
     */
    record Slice(Long start, Long stop, Long step) implements Index {
        /** Rejects a step that is not positive, as PyTorch does. */
        public Slice {
            if (step != null && step <= 0) {
                throw new TensorException(step == 0 ? "slice step cannot be zero"
                        : "step must be greater than zero, got slice step " + step);
            }
        }

        /** {@return the start, or 0} */
        public long startOrDefault() {
            return start == null ? 0 : start;
        }

        /** {@return the stop, or {@link Long#MAX_VALUE} (clamped to the dim's size when applied)} */
        public long stopOrDefault() {
            return stop == null ? Long.MAX_VALUE : stop;
        }

        /** {@return the step, or 1} */
        public long stepOrDefault() {
            return step == null ? 1 : step;
        }

        @Override
        public String toString() {
            return (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == null ? "" : ":" + step);
        }
    }

    /** Python's {@code ...}. */
    record Ellipsis() implements Index {
        @Override
        public String toString() {
            return "...";
        }
    }

    /** Python's {@code None} inside an index: a new dim of size 1. */
    record NewAxis() implements Index {
        @Override
        public String toString() {
            return "None";
        }
    }

    /**
     * A tensor item: int64/int32 indices into one dim, or a bool mask over as many dims as it has.
     *
     * @param tensor the indices or the mask
     */
    record TensorIndex(Tensor tensor) implements Index {
        /** Rejects a null tensor. */
        public TensorIndex {
            if (tensor == null) {
                throw new TensorException("Index.tensor(null): an index tensor must not be null");
            }
        }

        @Override
        public String toString() {
            return "tensor(shape=" + java.util.Arrays.toString(tensor.shape()) + ", dtype=" + tensor.dtype() + ")";
        }
    }

    /**
     * {@return the integer item {@code i} ({@code x[i]})}
     *
     * @param index the index
     */
    static Index at(long index) {
        return new At(index);
    }

    /**
     * {@return the slice {@code start:stop:step}; null parts take Python's defaults}
     *
     * @param start the start
     * @param stop the stop
     * @param step the step
     */
    static Index slice(Long start, Long stop, Long step) {
        return new Slice(start, stop, step);
    }

    /**
     * {@return the slice {@code start:stop}}
     *
     * @param start the start
     * @param stop the stop
     */
    static Index slice(long start, long stop) {
        return new Slice(start, stop, null);
    }

    /**
     * {@return the slice {@code start:stop:step}}
     *
     * @param start the start
     * @param stop the stop
     * @param step the step
     */
    static Index slice(long start, long stop, long step) {
        return new Slice(start, stop, step);
    }

    /** {@return the full slice {@code :}} */
    static Index all() {
        return new Slice(null, null, null);
    }

    /** {@return the ellipsis {@code ...}} */
    static Index ellipsis() {
        return new Ellipsis();
    }

    /** {@return a new axis (Python's {@code None} inside an index)} */
    static Index newAxis() {
        return new NewAxis();
    }

    /**
     * {@return a tensor item: int64/int32 indices, or a bool mask}
     *
     * @param t the tensor
     */
    static Index tensor(Tensor t) {
        return new TensorIndex(t);
    }

    /**
     * Converts a convenience item: an {@link Index} as is, a {@link Long}/{@link Integer}/{@link Short}/
     * {@link Byte} to {@link #at}, a {@link Tensor} to {@link #tensor}, a {@code long[]}/{@code int[]}
     * to a 1-d index tensor and a {@code boolean[]} to a 1-d mask (Python's lists), a {@link Boolean}
     * to a 0-d bool mask (Python's {@code x[True]}).
     *
     * @param item the index item
     * @return the index item
     * @throws TensorException for null (use {@link #newAxis()} for Python's None) or another type
     */
    static Index from(Object item) {
        return switch (item) {
            case null -> throw new TensorException("an index item is null: use Index.newAxis() for Python's None");
            case Index i -> i;
            case Tensor t -> new TensorIndex(t);
            case Long l -> new At(l);
            case Integer i -> new At(i);
            case Short s -> new At(s);
            case Byte b -> new At(b);
            case Boolean b -> new TensorIndex(Tensor.scalar(b));
            case long[] a -> new TensorIndex(Tensor.fromArray(a, a.length));
            case int[] a -> new TensorIndex(Tensor.fromArray(a, a.length));
            case boolean[] a -> new TensorIndex(Tensor.fromArray(a, a.length));
            default -> throw new TensorException("only integers, slices (Index.slice), ellipsis (Index.ellipsis()), "
                    + "None (Index.newAxis()) and long, int or bool tensors are valid indices, got "
                    + item.getClass().getSimpleName() + " " + item);
        };
    }

    /**
     * Converts several convenience items with {@link #from(Object)}: {@code Index.of(Index.all(), 1)} is {@code
     * [:, 1]}.
     *
     * @param items the index items, one per indexed dim
     * @return the index array
     */
    static Index[] of(Object... items) {
        Index[] out = new Index[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = from(items[i]);
        }
        return out;
    }
}
