package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.ReducePlan;
import java.util.Arrays;

/**
 * The device-neutral side of reductions: dim handling, result dtypes, PyTorch's errors and the
 * empty cases, then one call of a {@link Backend} primitive and the autograd record. The public
 * entry points are the reduction methods of {@link Tensor}.
 *
 * <p>Rules followed (PyTorch 1.13): a null or empty dim list means every dim; a repeated dim is
 * an error; integer and bool inputs of {@code sum}, {@code prod} and {@code cumsum} give int64;
 * {@code mean}, {@code var} and {@code std} need a floating input (or, for {@code mean}, a
 * floating {@code dtype}); a {@code dtype} argument casts the input before reducing. Empty
 * reductions give the identity ({@code sum} 0, {@code prod} 1, {@code all} true, {@code any}
 * false, {@code logsumexp} -inf) or NaN ({@code mean}, {@code var}, {@code std}); {@code max},
 * {@code min}, {@code amax}, {@code amin}, {@code argmax}, {@code argmin} reject them, naming the dim.
 */
final class Reductions {
    private Reductions() {}

    // ---------------------------------------------------------------- dims and shapes

    /** The reduced dims, normalised and ascending: every dim when {@code dims} is null or empty. */
    static int[] dims(Tensor x, int[] dims) {
        int nd = x.dim();
        if (dims == null || dims.length == 0) {
            int[] all = new int[nd];
            for (int i = 0; i < nd; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] seen = new boolean[Math.max(nd, 1)];
        for (int d : dims) {
            int n = Shapes.normalizeDim(d, nd);
            if (seen[n]) {
                throw new TensorException("dim " + n + " appears multiple times in the list of dims "
                        + Arrays.toString(dims));
            }
            seen[n] = true;
        }
        // A 0-d tensor accepts dim 0 or -1 but has no dim to reduce.
        int count = 0;
        int[] out = new int[nd];
        for (int d = 0; d < nd; d++) {
            if (seen[d]) {
                out[count++] = d;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The one dim of a single-dim reduction, normalised; none for a 0-d tensor. */
    private static int[] oneDim(Tensor x, long dim) {
        int d = Shapes.normalizeDim(dim, x.dim());
        return x.dim() == 0 ? new int[0] : new int[] {d};
    }

    /** The result shape: reduced dims removed, or kept with size 1. */
    static long[] outShape(long[] shape, int[] dims, boolean keepdim) {
        boolean[] red = new boolean[shape.length];
        for (int d : dims) {
            red[d] = true;
        }
        long[] out = new long[keepdim ? shape.length : shape.length - dims.length];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (!red[d]) {
                out[k++] = shape[d];
            } else if (keepdim) {
                out[k++] = 1;
            }
        }
        return out;
    }

    /** The number of elements each output element is reduced from. */
    private static long reducedCount(long[] shape, int[] dims) {
        long n = 1;
        for (int d : dims) {
            n *= shape[d];
        }
        return n;
    }

    /** Rejects an empty reduction for ops without an identity, naming the first empty reduced dim. */
    private static void requireNonEmpty(String op, Tensor x, int[] dims) {
        if (x.numel() != 0) {
            return;
        }
        for (int d : dims) {
            if (x.size(d) == 0) {
                throw new TensorException(op + "(): Expected reduction dim " + d
                        + " to have non-zero size (input of shape " + Arrays.toString(x.shape()) + ").");
            }
        }
    }

    /**
     * Allocates the output, fills it with {@code identity} when the reduced dims are empty, else runs
     * {@code op}; returns the output.
     */
    static Tensor simple(ReduceOp op, Tensor src, int[] dims, boolean keepdim, DType outType, Object identity) {
        Tensor out = Tensor.emptyUninitialized(outShape(src.shape(), dims, keepdim), outType, src.device());
        if (out.numel() == 0) {
            return out;
        }
        long count = reducedCount(src.shape(), dims);
        if (HugeReductions.isHuge(count)) {
            // Lines longer than a kernel takes (only views have them): reduced in parts.
            return op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN
                    ? HugeReductions.extremum(src, dims[0], keepdim, op == ReduceOp.ARGMAX).indices()
                    : HugeReductions.reduce(op, src, dims, keepdim);
        }
        if (count == 0) {
            fill(out, identity);
        } else {
            src.device().backend().reduce(op, ReducePlan.of(src, dims, out));
        }
        return out;
    }

    private static void fill(Tensor out, Object value) {
        switch (value) {
            case Double v -> out.fill_(v);
            case Long v -> out.fill_(v);
            case Boolean v -> out.fill_(v);
            default -> throw new IllegalStateException("fill value " + value);
        }
    }

    /** The dtype integer and bool inputs accumulate into (int64), floats keep theirs. */
    private static DType accumulateType(DType t) {
        return t.isFloatingPoint() ? t : DType.INT64;
    }

    // ---------------------------------------------------------------- sum, mean, prod

    static Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        int[] d = dims(x, dims);
        DType target = dtype != null ? dtype : accumulateType(x.dtype());
        if (!target.isFloatingPoint() && target != DType.INT64) {
            // Summed exactly in int64, then narrowed as PyTorch's wrapping int32 (int16, uint8, ...) sum would be.
            return sum(x, dims, keepdim, DType.INT64).to(target);
        }
        Tensor src = x.to(target);
        Tensor out = simple(ReduceOp.SUM, src, d, keepdim, target, 0L);
        return Autograd.record(Primitive.SUM, out, new Tensor[] {src}, d, keepdim, src.shape());
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        if (dtype == null && !x.dtype().isFloatingPoint()) {
            throw new TensorException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + x.dtype());
        }
        if (dtype != null && !dtype.isFloatingPoint()) {
            throw new TensorException("mean(): could not infer output dtype. Optional dtype must be either a "
                    + "floating point or complex dtype. Got: " + dtype);
        }
        int[] d = dims(x, dims);
        Tensor src = x.to(dtype != null ? dtype : x.dtype());
        Tensor out = simple(ReduceOp.MEAN, src, d, keepdim, src.dtype(), Double.NaN);
        return Autograd.record(Primitive.MEAN, out, new Tensor[] {src}, d, keepdim, src.shape());
    }

    /** prod over one dim ({@code dim} non-null) or over everything. */
    static Tensor prod(Tensor x, Long dim, boolean keepdim, DType dtype) {
        int[] d = dim == null ? dims(x, null) : oneDim(x, dim);
        DType target = dtype != null ? dtype : accumulateType(x.dtype());
        if (!target.isFloatingPoint() && target != DType.INT64) {
            return prod(x, dim, keepdim, DType.INT64).to(target);
        }
        Tensor src = x.to(target);
        Tensor out = simple(ReduceOp.PROD, src, d, keepdim, target, 1L);
        return Autograd.record(Primitive.PROD, out, new Tensor[] {src}, d, keepdim, src.shape());
    }

    // ---------------------------------------------------------------- max, min and friends

    static Tensor amax(Tensor x, int[] dims, boolean keepdim, boolean max) {
        int[] d = dims(x, dims);
        requireNonEmpty(max ? "amax" : "amin", x, d);
        Tensor out = simple(max ? ReduceOp.AMAX : ReduceOp.AMIN, x, d, keepdim, x.dtype(), null);
        return Autograd.record(max ? Primitive.AMAX : Primitive.AMIN, out, new Tensor[] {x}, d, keepdim, x.shape());
    }

    /** {@code max()}/{@code min()} of the whole tensor, as a 0-d tensor. */
    static Tensor extremum(Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new TensorException((max ? "max" : "min") + "(): Expected reduction dim to be specified for "
                    + "input.numel() == 0. Specify the reduction dim with the 'dim' argument (input of shape "
                    + Arrays.toString(x.shape()) + ").");
        }
        return amax(x, null, false, max);
    }

    /** {@code max(dim)}/{@code min(dim)}: values and the index of their first occurrence. */
    static ValuesIndices extremum(Tensor x, long dim, boolean keepdim, boolean max) {
        int[] d = oneDim(x, dim);
        requireNonEmpty(max ? "max" : "min", x, d);
        long[] shape = outShape(x.shape(), d, keepdim);
        Tensor values = Tensor.empty(shape, x.dtype(), x.device());
        Tensor indices = Tensor.empty(shape, DType.INT64, x.device());
        if (values.numel() > 0 && HugeReductions.isHuge(reducedCount(x.shape(), d))) {
            ValuesIndices parts = HugeReductions.extremum(x, d[0], keepdim, max);
            values = parts.values();
            indices = parts.indices();
        } else if (values.numel() > 0) {
            x.device().backend().reduce(max ? ReduceOp.MAX : ReduceOp.MIN, ReducePlan.of(x, d, values, indices));
        }
        int nd = Shapes.normalizeDim(dim, x.dim());
        Autograd.record(max ? Primitive.MAX_DIM : Primitive.MIN_DIM, values, new Tensor[] {x}, nd, keepdim,
                x.shape(), indices);
        return new ValuesIndices(values, indices);
    }

    /** {@code argmax()}/{@code argmin()}: the index into the flattened tensor. */
    static Tensor argExtremum(Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new TensorException((max ? "argmax" : "argmin") + "(): Expected reduction dim to be specified "
                    + "for input.numel() == 0 (input of shape " + Arrays.toString(x.shape()) + ").");
        }
        if (HugeReductions.isHuge(x.numel())) {
            // Flattening would copy more elements than a storage holds.
            return HugeReductions.argAll(x, max);
        }
        // Indices count in row-major order, so reduce the flattened tensor (a copy if not contiguous).
        return argExtremum(x.detach().reshape(-1), 0, false, max);
    }

    static Tensor argExtremum(Tensor x, long dim, boolean keepdim, boolean max) {
        int[] d = oneDim(x, dim);
        requireNonEmpty(max ? "argmax" : "argmin", x, d);
        return simple(max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, d, keepdim, DType.INT64, null);
    }

    // ---------------------------------------------------------------- logsumexp, var, std

    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        int[] d = dims(x, dims);
        // Integer inputs are promoted to the default float dtype, as newer PyTorch releases do.
        Tensor src = x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
        Tensor out = simple(ReduceOp.LOGSUMEXP, src, d, keepdim, src.dtype(), Double.NEGATIVE_INFINITY);
        return Autograd.record(Primitive.LOGSUMEXP, out, new Tensor[] {src}, d, keepdim, src.shape());
    }

    static Tensor stdVar(Tensor x, int[] dims, double correction, boolean keepdim, boolean std) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException("std and var only support floating point and complex dtypes, got " + x.dtype());
        }
        int[] d = dims(x, dims);
        Tensor out = Tensor.empty(outShape(x.shape(), d, keepdim), x.dtype(), x.device());
        if (out.numel() > 0 && HugeReductions.isHuge(reducedCount(x.shape(), d))) {
            out = HugeReductions.stdVar(x, d, correction, keepdim, std);
        } else if (out.numel() > 0) {
            if (reducedCount(x.shape(), d) == 0) {
                out.fill_(Double.NaN);
            } else {
                x.device().backend().stdVar(ReducePlan.of(x, d, out), correction, std);
            }
        }
        return Autograd.record(std ? Primitive.STD : Primitive.VAR, out, new Tensor[] {x}, d, correction, keepdim,
                x.shape());
    }

    // ---------------------------------------------------------------- all, any

    /** all (when {@code and}) or any over one dim ({@code dim} non-null) or everything; bool result. */
    static Tensor allAny(Tensor x, Long dim, boolean keepdim, boolean and) {
        int[] d = dim == null ? dims(x, null) : oneDim(x, dim);
        Tensor r = simple(and ? ReduceOp.ALL : ReduceOp.ANY, x.detach().to(DType.BOOL), d, keepdim, DType.BOOL, and);
        // PyTorch keeps uint8 for a uint8 input (its legacy mask dtype); every other dtype gives bool.
        return x.dtype() == DType.UINT8 ? r.to(DType.UINT8) : r;
    }

    // ---------------------------------------------------------------- cumsum

    static Tensor cumsum(Tensor x, long dim, DType dtype) {
        int d = Shapes.normalizeDim(dim, x.dim());
        DType target = dtype != null ? dtype : accumulateType(x.dtype());
        if (!target.isFloatingPoint() && target != DType.INT64) {
            return cumsum(x, dim, DType.INT64).to(target);
        }
        Tensor src = x.to(target);
        Tensor out = Tensor.emptyUninitialized(x.shape(), target, x.device());
        if (out.numel() > 0) {
            x.device().backend().cumsum(ReducePlan.scan(src, x.dim() == 0 ? 0 : d, out));
        }
        return Autograd.record(Primitive.CUMSUM, out, new Tensor[] {src}, d);
    }
}
