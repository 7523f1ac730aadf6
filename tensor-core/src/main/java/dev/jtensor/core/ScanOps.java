package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.Primitive;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * The device-neutral side of issue 20's scans and statistics: cumulative products, maxima, minima
 * and log-sum-exps, {@code std_mean}/{@code var_mean}, norms, {@code count_nonzero}, the NaN-skipping
 * sum and mean, {@code aminmax} and {@code diff}, with PyTorch's dim handling and errors.
 *
 * <p>Scans are built from existing ops as a log-step (Hillis-Steele) scan: {@code ceil(log2 n)}
 * rounds, each combining every element with the one {@code 2^k} places before it. Every backend runs
 * them, and their gradients come from the parts. {@code cummax}/{@code cummin} compute the running
 * index with that scan and then gather the values, so the gradient goes to the chosen element as in
 * PyTorch. Norms record one {@link Primitive#NORM} with PyTorch's derivative (0 at a zero norm).
 */
final class ScanOps {
    private ScanOps() {}

    // ---------------------------------------------------------------- scans

    /** The inclusive log-step scan of {@code x} along {@code dim} with {@code combine(earlier, later)}. */
    private static Tensor scan(Tensor x, int dim, BinaryOperator<Tensor> combine) {
        long n = x.size(dim);
        Tensor y = x;
        for (long s = 1; s < n; s *= 2) {
            Tensor head = y.narrow(dim, 0, s);
            Tensor tail = combine.apply(y.narrow(dim, 0, n - s), y.narrow(dim, s, n - s));
            y = Tensor.cat(new Tensor[] {head, tail}, dim);
        }
        return y;
    }

    /** Runs a scan of a tensor with at least one dim; a 0-d tensor is scanned as one element. */
    private static Tensor scanAnyDim(Tensor x, long dim, BinaryOperator<Tensor> combine) {
        int d = Shapes.normalizeDim(dim, x.dim());
        if (x.dim() == 0) {
            return scan(x.unsqueeze(0), 0, combine).squeeze(0);
        }
        return scan(x, d, combine);
    }

    /** {@code cumprod}: integer and bool inputs give int64; {@code dtype} casts the input first. */
    static Tensor cumprod(Tensor x, long dim, DType dtype) {
        Shapes.normalizeDim(dim, x.dim());
        DType target = dtype != null ? dtype : x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        Tensor src = x.to(target);
        Tensor out = scanAnyDim(src, dim, (a, b) -> b.mul(a));
        return out == src ? src.clone() : out;
    }

    /** {@code logcumsumexp} of a floating tensor (integer inputs are rejected, as in PyTorch). */
    static Tensor logcumsumexp(Tensor x, long dim) {
        Shapes.normalizeDim(dim, x.dim());
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException("\"logcumsumexp_out_cpu\" not implemented for '"
                    + Elementwise.scalarTypeName(x.dtype()) + "': logcumsumexp needs a floating point tensor");
        }
        Tensor out = scanAnyDim(x, dim, (a, b) -> b.logaddexp(a));
        return out == x ? x.clone() : out;
    }

    /**
     * {@code cummax} ({@code max == true}) or {@code cummin}: the running extreme and the index of
     * its last occurrence; a NaN wins from where it appears (the index of the latest NaN).
     */
    static ValuesIndices cumExtreme(Tensor x, long dim, boolean max) {
        int d = Shapes.normalizeDim(dim, x.dim());
        Tensor v = x.dim() == 0 ? x.detach().unsqueeze(0) : x.detach();
        int axis = x.dim() == 0 ? 0 : d;
        long n = v.size(axis);
        long[] idxShape = new long[v.dim()];
        Arrays.fill(idxShape, 1);
        idxShape[axis] = n;
        Tensor idx = Tensor.arange(0, n).to(x.device()).reshape(idxShape).expand(v.shape()).contiguous();
        Tensor vals = v;
        for (long s = 1; s < n; s *= 2) {
            Tensor ev = vals.narrow(axis, 0, n - s);
            Tensor ei = idx.narrow(axis, 0, n - s);
            Tensor lv = vals.narrow(axis, s, n - s);
            Tensor li = idx.narrow(axis, s, n - s);
            // The later element wins if it is NaN, or if the earlier is not NaN and it is at least as extreme.
            Tensor later = lv.isnan().logicalOr(ev.isnan().logicalNot().logicalAnd(max ? lv.ge(ev) : lv.le(ev)));
            vals = Tensor.cat(new Tensor[] {vals.narrow(axis, 0, s), Tensor.where(later, lv, ev)}, axis);
            idx = Tensor.cat(new Tensor[] {idx.narrow(axis, 0, s), Tensor.where(later, li, ei)}, axis);
        }
        if (x.dim() == 0) {
            idx = idx.squeeze(0);
        }
        Tensor values = x.dim() == 0 ? x.unsqueeze(0).gather(0, idx.unsqueeze(0)).squeeze(0) : x.gather(d, idx);
        return new ValuesIndices(values, idx);
    }

    // ---------------------------------------------------------------- statistics

    /** {@code std_mean}/{@code var_mean}: the standard deviation (or variance) and the mean over dims. */
    static Tensor[] statMean(String name, Tensor x, int[] dims, double correction, boolean keepdim, boolean std) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException(name + " only support floating point and complex dtypes (got " + x.dtype() + ")");
        }
        Tensor spread = std ? x.std(dims, correction, keepdim) : x.var(dims, correction, keepdim);
        return new Tensor[] {spread, x.mean(dims, keepdim)};
    }

    /** {@code count_nonzero} over dims (all when null or empty): int64. */
    static Tensor countNonzero(Tensor x, int[] dims) {
        return x.detach().ne(0L).sum(Reductions.dims(x, dims), false);
    }

    /** {@code nansum}: the sum with NaN counted as 0 (a plain sum for integers). */
    static Tensor nansum(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            return x.sum(dims, keepdim);
        }
        int[] d = Reductions.dims(x, dims);
        Tensor out = Tensor.where(x.detach().isnan(), 0.0, x.detach()).sum(d, keepdim);
        return Autograd.record(Primitive.NANSUM, out, new Tensor[] {x}, d, keepdim, x.shape());
    }

    /** {@code nanmean}: the mean of the elements that are not NaN (NaN when there are none). */
    static Tensor nanmean(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException("nanmean(): expected input to have floating point dtype but got "
                    + Elementwise.scalarTypeName(x.dtype()));
        }
        Tensor count = x.detach().isnan().logicalNot().sum(dims, keepdim);
        return nansum(x, dims, keepdim).div(count);
    }

    /** {@code aminmax}: the smallest and largest elements over one dim, or over all. */
    static Tensor[] aminmax(Tensor x, Long dim, boolean keepdim) {
        int[] dims = dim == null ? null : new int[] {Shapes.normalizeDim(dim, x.dim())};
        int[] d = Reductions.dims(x, dims);
        for (int k : d) {
            if (x.size(k) == 0) {
                throw new TensorException("aminmax(): cannot compute aminmax over an empty dimension as the operation "
                        + "has no identity (dim " + k + " of shape " + Arrays.toString(x.shape()) + ")");
            }
        }
        if (x.numel() == 0 && dim == null) {
            throw new TensorException("aminmax(): cannot compute aminmax over an empty dimension as the operation "
                    + "has no identity (input of shape " + Arrays.toString(x.shape()) + ")");
        }
        return new Tensor[] {x.amin(dims, keepdim), x.amax(dims, keepdim)};
    }

    /**
     * {@code diff}: the n-th forward difference along {@code dim} of {@code prepend ++ x ++ append};
     * bool tensors use exclusive or, as PyTorch.
     */
    static Tensor diff(Tensor x, long n, long dim, Tensor prepend, Tensor append) {
        if (x.dim() == 0) {
            throw new TensorException("diff expects input to be at least one-dimensional");
        }
        if (n < 0) {
            throw new TensorException("order must be non-negative but got " + n);
        }
        int d = Shapes.normalizeDim(dim, x.dim());
        Tensor y = x;
        if (prepend != null || append != null) {
            java.util.List<Tensor> parts = new java.util.ArrayList<>();
            for (Tensor p : new Tensor[] {prepend, x, append}) {
                if (p == null) {
                    continue;
                }
                if (p != x) {
                    checkDiffOperand(x, p, d);
                }
                parts.add(p);
            }
            y = Tensor.cat(parts.toArray(new Tensor[0]), d);
        }
        for (long k = 0; k < n && y.size(d) > 0; k++) {
            long len = y.size(d) - 1;
            Tensor later = y.narrow(d, 1, len);
            Tensor earlier = y.narrow(d, 0, len);
            y = y.dtype().isBool() ? later.ne(earlier) : later.sub(earlier);
        }
        return y == x ? x.clone() : y;
    }

    private static void checkDiffOperand(Tensor x, Tensor p, int dim) {
        boolean ok = p.dim() == x.dim();
        for (int k = 0; ok && k < x.dim(); k++) {
            ok = k == dim || p.size(k) == x.size(k);
        }
        if (!ok) {
            throw new TensorException("diff expects the shape of tensor to prepend or append to match that of input "
                    + "except along the differencing dimension; input.size(" + dim + ") = " + x.size(dim)
                    + ", but got tensor of shape " + Arrays.toString(p.shape()) + " for input of shape "
                    + Arrays.toString(x.shape()));
        }
    }

    // ---------------------------------------------------------------- norms

    /**
     * {@code linalg.vector_norm}: {@code (sum |x|^ord)^(1/ord)} over dims (all when null or empty);
     * ord 0 counts the non-zero elements, +-inf gives the largest or smallest {@code |x|}.
     */
    static Tensor vectorNorm(String name, Tensor x, double ord, int[] dims, boolean keepdim, DType dtype) {
        if (!x.dtype().isFloatingPoint() && (dtype == null || !dtype.isFloatingPoint())) {
            throw new TensorException(name + ": Expected a floating point or complex tensor as input. Got "
                    + Elementwise.scalarTypeName(x.dtype()));
        }
        if (dtype != null && !dtype.isFloatingPoint()) {
            throw new TensorException(name + ": the dtype argument must be floating point, got " + dtype);
        }
        int[] d = Reductions.dims(x, dims);
        Tensor src = dtype == null ? x : x.to(dtype);
        Tensor a = src.detach().abs();
        Tensor out;
        if (ord == 0) {
            out = a.ne(0.0).sum(d, keepdim, src.dtype());
        } else if (ord == 1) {
            out = a.sum(d, keepdim);
        } else if (ord == 2) {
            out = a.mul(a).sum(d, keepdim).sqrt();
        } else if (Double.isInfinite(ord)) {
            if (src.numel() == 0) {
                throw new TensorException(name + " cannot compute the " + (ord > 0 ? "inf" : "-inf")
                        + " norm on an empty tensor because the operation does not have an identity");
            }
            out = ord > 0 ? a.amax(d, keepdim) : a.amin(d, keepdim);
        } else {
            out = a.pow(ord).sum(d, keepdim).pow(1 / ord);
        }
        out = out.detach();
        return Autograd.record(Primitive.NORM, out, new Tensor[] {src}, d, keepdim, src.shape(), ord);
    }
}
