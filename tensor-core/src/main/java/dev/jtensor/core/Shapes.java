package dev.jtensor.core;

import java.util.Arrays;

/**
 * Shape and stride arithmetic shared by every op: element counts, contiguous strides, dim
 * normalisation, broadcasting and the stride computation behind {@code view}. Each check lives
 * here once, with PyTorch's message.
 */
public final class Shapes {
    private Shapes() {}

    /** The most elements one storage holds ({@code 2^31 - 9}, the largest Java array); views may have more. */
    public static final long MAX_STORAGE_ELEMENTS = Integer.MAX_VALUE - 8;

    /**
     * The number of elements of a shape (1 for a 0-d shape). The product of the non-zero sizes
     * must fit a {@code long} even when a size is 0, so that a shape means the same whatever the
     * order of its sizes.
     *
     * @param shape the sizes
     * @return their product
     * @throws TensorException naming the shape when the product overflows a 64-bit count
     */
    public static long numel(long[] shape) {
        long n = 1;
        boolean empty = false;
        for (long s : shape) {
            if (s == 0) {
                empty = true;
            } else if (s != 1) {
                try {
                    n = Math.multiplyExact(n, s);
                } catch (ArithmeticException e) {
                    throw new TensorException("shape " + Arrays.toString(shape)
                            + " has too many elements: the product of its sizes overflows a 64-bit count");
                }
            }
        }
        return empty ? 0 : n;
    }

    /**
     * {@code a * b} for sizes and element counts, checked.
     *
     * @param a a non-negative size
     * @param b a non-negative size
     * @param what what is being computed, for the message (e.g. "repeat: size of dim 0")
     * @return the product
     * @throws TensorException naming both factors when the product overflows a 64-bit count
     */
    public static long multiplySizes(long a, long b, String what) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new TensorException(what + ": " + a + " * " + b + " overflows a 64-bit size");
        }
    }

    /**
     * Checks that a new tensor of {@code n} elements fits one storage, and returns {@code n} as an int.
     *
     * @param n the element count asked for
     * @param what the op and argument, for the message (e.g. "linspace(steps)")
     * @return {@code n}
     * @throws TensorException naming {@code n} when it is negative or more than {@link #MAX_STORAGE_ELEMENTS}
     */
    public static int storageSize(long n, String what) {
        if (n < 0) {
            throw new TensorException(what + ": number of elements must be non-negative, got " + n);
        }
        if (n > MAX_STORAGE_ELEMENTS) {
            throw new TensorException(what + ": a tensor of " + n + " elements is more than " + MAX_STORAGE_ELEMENTS
                    + ", the most a JTensor storage holds");
        }
        return (int) n;
    }

    /**
     * {@return Row-major (C-contiguous) element strides of a shape, as PyTorch computes them}
     *
     * @param shape the shape (the size of each dim)
     */
    public static long[] contiguousStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = acc;
            acc *= Math.max(shape[d], 1);
        }
        return strides;
    }

    /**
     * {@return a dim in {@code [-ndim, ndim)} mapped to {@code [0, ndim)}; a 0-d tensor accepts -1 and 0}
     *
     * @param dim the dim (negative counts from the end)
     * @param ndim the number of dims
     * @throws TensorException "Dimension out of range (expected to be in range of [-n, n-1], but got d)"
     */
    public static int normalizeDim(long dim, int ndim) {
        int n = Math.max(ndim, 1);
        if (dim < -n || dim >= n) {
            throw new TensorException("Dimension out of range (expected to be in range of [" + -n
                    + ", " + (n - 1) + "], but got " + dim + ")");
        }
        return (int) (dim < 0 ? dim + n : dim);
    }

    /**
     * Checks that every size is non-negative and the element count fits a storage.
     *
     * @param shape the shape (the size of each dim)
     * @return {@code shape}, checked
     */
    public static long[] checkShape(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new TensorException("Trying to create tensor with negative dimension " + s
                        + ": " + Arrays.toString(shape));
            }
            // Compare before multiplying so that huge shapes cannot overflow the count.
            if (s != 0 && n > MAX_STORAGE_ELEMENTS / s) {
                n = Long.MAX_VALUE;
            } else {
                n *= s;
            }
            if (n > MAX_STORAGE_ELEMENTS) {
                throw new TensorException("shape " + Arrays.toString(shape) + " has more than "
                        + MAX_STORAGE_ELEMENTS + " elements, the most a JTensor storage holds");
            }
        }
        return shape.clone();
    }

    /**
     * PyTorch's broadcast of two shapes: aligned from the right, each pair of sizes equal, or one
     * of them 1, or missing.
     *
     * @param a the first operand
     * @param b the second operand
     * @return PyTorch's broadcast of two shapes
     * @throws TensorException naming both shapes and the first dimension that does not match
     */
    public static long[] broadcast(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int ia = a.length - n + i;
            int ib = b.length - n + i;
            long sa = ia >= 0 ? a[ia] : 1;
            long sb = ib >= 0 ? b[ib] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw new TensorException("The size of tensor a (" + sa + ") must match the size of tensor b ("
                        + sb + ") at non-singleton dimension " + i + ": shapes " + Arrays.toString(a)
                        + " and " + Arrays.toString(b) + " are not broadcastable");
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /**
     * {@return whether two shapes broadcast (PyTorch's broadcastability rule)}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static boolean broadcastable(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 1; i <= n; i++) {
            long sa = a[a.length - i];
            long sb = b[b.length - i];
            if (sa != sb && sa != 1 && sb != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves a requested shape with at most one {@code -1} against {@code numel} elements.
     *
     * @param requested the requested shape
     * @param numel the number of elements
     * @return the shape with the {@code -1} resolved
     * @throws TensorException "shape '[..]' is invalid for input of size n", or for two -1s
     */
    public static long[] inferSize(long[] requested, long numel) {
        long known = 1;
        int infer = -1;
        for (int i = 0; i < requested.length; i++) {
            long s = requested[i];
            if (s == -1) {
                if (infer >= 0) {
                    throw new TensorException("only one dimension can be inferred: shape "
                            + Arrays.toString(requested));
                }
                infer = i;
            } else if (s < 0) {
                throw new TensorException("invalid shape dimension " + s + " in shape " + Arrays.toString(requested));
            }
        }
        if (infer < 0) {
            known = numel(requested);
        } else {
            long[] others = requested.clone();
            others[infer] = 1;
            known = numel(others);
        }
        long[] out = requested.clone();
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new TensorException("shape '" + Arrays.toString(requested) + "' is invalid for input of size " + numel);
            }
            out[infer] = numel / known;
        } else if (known != numel) {
            throw new TensorException("shape '" + Arrays.toString(requested) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    /**
     * {@return the strides a view of {@code newShape} would have over a tensor of {@code oldShape} and {@code
     * oldStrides}, or null if no such view exists and the data must be copied (PyTorch's {@code computeStride}:
     * each group of old dims that is contiguous among itself maps onto a group of new dims with the same element
     * count)}
     *
     * @param oldShape the old shape
     * @param oldStrides the old strides
     * @param newShape the new shape
     */
    public static long[] viewStrides(long[] oldShape, long[] oldStrides, long[] newShape) {
        long[] newStrides = new long[newShape.length];
        if (oldShape.length == 0) {
            Arrays.fill(newStrides, 1);
            return newStrides;
        }
        long numel = numel(oldShape);
        if (numel == 0) {
            if (Arrays.equals(oldShape, newShape)) {
                return oldStrides.clone();
            }
            return contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = viewNumel * chunkBaseStride;
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return newStrides;
    }
}
