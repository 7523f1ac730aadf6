package dev.jtensor.core;

import java.util.Arrays;

/**
 * The sizes of a tensor's dims, PyTorch's {@code torch.Size}: what {@link Tensor#size()} returns. Immutable,
 * compared by value, and printed as PyTorch prints it, {@code torch.Size([2, 3])} ({@code torch.Size([])} for
 * a 0-d tensor), so that printed shapes read and diff like a PyTorch log. For arithmetic on the numbers,
 * {@link #get(int)} reads one without a copy and {@link Tensor#shape()} gives them all as a fresh
 * {@code long[]}.
 *
 * <pre>{@code
 * Tensor x = Tensor.zeros(2, 3);
 * System.out.println(x.size());                  // torch.Size([2, 3])
 * x.size().equals(Size.of(2, 3));                // true: x.size() == torch.Size([2, 3])
 * long rows = x.size().get(0);                   // 2: x.size()[0]
 * }</pre>
 */
public final class Size {
    private static final Size SCALAR = new Size(new long[0]);

    private final long[] sizes;

    private Size(long[] sizes) {
        this.sizes = sizes;
    }

    /**
     * A size from its numbers, as {@code torch.Size([2, 3])}.
     *
     * @param sizes the size of each dim (copied)
     * @return the size
     * @throws TensorException if a size is negative, naming it and its dim
     */
    public static Size of(long... sizes) {
        for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] < 0) {
                throw new TensorException("torch.Size: the size of dim " + d + " is negative (" + sizes[d]
                        + ") in " + Arrays.toString(sizes));
            }
        }
        return sizes.length == 0 ? SCALAR : new Size(sizes.clone());
    }

    /** A tensor's own shape array, not copied: tensors never write to it. */
    static Size wrap(long[] shape) {
        return shape.length == 0 ? SCALAR : new Size(shape);
    }

    /**
     * The number of dims, PyTorch's {@code len(x.size())}.
     *
     * @return the number of dims
     */
    public int dim() {
        return sizes.length;
    }

    /**
     * The size of one dim, PyTorch's {@code x.size()[dim]}.
     *
     * @param dim the dim, negative counting from the end
     * @return its size
     * @throws TensorException if {@code dim} is out of range, with the valid range
     */
    public long get(int dim) {
        if (sizes.length == 0) {
            throw new TensorException("torch.Size([]) has no dims: cannot read dim " + dim);
        }
        return sizes[Shapes.normalizeDim(dim, sizes.length)];
    }

    /**
     * The number of elements of a tensor of this size, PyTorch's {@code x.size().numel()}.
     *
     * @return the product of the sizes (1 for a 0-d size)
     */
    public long numel() {
        return Shapes.numel(sizes);
    }

    /**
     * The sizes as an array, PyTorch's {@code list(x.size())}.
     *
     * @return a fresh copy of the sizes
     */
    public long[] toArray() {
        return sizes.clone();
    }

    /**
     * Whether {@code o} is a {@code Size} with the same numbers.
     *
     * @param o the object to compare with
     * @return true for a {@code Size} of the same dims and sizes
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Size s && Arrays.equals(sizes, s.sizes);
    }

    /**
     * A hash of the sizes, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }

    /**
     * The size as PyTorch prints it.
     *
     * @return e.g. {@code torch.Size([2, 3])}
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("torch.Size([");
        for (int d = 0; d < sizes.length; d++) {
            b.append(d == 0 ? "" : ", ").append(sizes[d]);
        }
        return b.append("])").toString();
    }
}
