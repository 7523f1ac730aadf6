package dev.jtensor.core;

import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.ReducePlan;
import java.util.Arrays;

/**
 * Reductions whose lines are longer than a kernel takes ({@link ReducePlan#MAX_LINE} elements), which
 * only views can have (an {@code expand}ed tensor of more than {@code 2^31} logical elements costs no
 * memory). They are split into reductions of lines that fit and the partial results combined, so
 * every backend computes them with its ordinary kernels:
 *
 * <ul>
 *   <li>a reduced broadcast (stride 0) dim repeats one element: it is reduced once and the count
 *       applied in closed form (sum times the count, logsumexp plus its log, the same mean,
 *       variance and extrema), so expanded views cost their storage's size, not their logical size;
 *   <li>when several reduced dims together are too long, the longest dims that fit are reduced first
 *       (keeping them as size 1) and the partial result is reduced over the rest: exact for sum,
 *       prod, the extrema, all/any and logsumexp, and for mean since every group has the same count;
 *   <li>a single dim longer than a line is cut into {@code q} lines of {@code MAX_LINE} elements
 *       (a view) and a remainder, whose results are merged with the counts as weights (mean, and
 *       Chan's formula for the variance) or by comparing values (max/min with indices, argmax).
 * </ul>
 *
 * The caller records one autograd node for the whole reduction; the parts run with grad mode off.
 * A partial result that itself cannot fit a storage is reported by the allocation, naming its shape.
 */
final class HugeReductions {
    /**
     * The longest line reduced in one piece: {@link ReducePlan#MAX_LINE}. Tests lower it (in this
     * package only) to check the splitting and merging against direct reductions of real data.
     */
    static volatile long line = ReducePlan.MAX_LINE;

    private HugeReductions() {}

    /** Whether a reduction of {@code count} elements per output needs splitting. */
    static boolean isHuge(long count) {
        return count > line;
    }

    /**
     * {@code op} over {@code dims} (normalised, ascending) of {@code x}, for the ops without indices;
     * {@code x} already has the dtype the op reduces in.
     */
    static Tensor reduce(ReduceOp op, Tensor x, int[] dims, boolean keepdim) {
        try (var g = new Creation.NoGradScope()) {
            Tensor kept = reduceKept(op, x, dims);
            return keepdim ? kept : kept.view(Reductions.outShape(x.shape(), dims, false));
        }
    }

    /** The reduction with the reduced dims kept as size 1 (every part is computed so). */
    private static Tensor reduceKept(ReduceOp op, Tensor x, int[] dims) {
        long copies = broadcastCount(x, dims);
        if (copies > 1 && (op != ReduceOp.PROD || x.dtype().isFloatingPoint())) {
            // Every element of a broadcast dim is the same one: reduce one copy, then account for the rest.
            Tensor once = apply(op, firstOfBroadcast(x, dims), dims);
            return switch (op) {
                case SUM -> x.dtype().isFloatingPoint() ? once.mul((double) copies) : once.mul(copies);
                case PROD -> once.pow((double) copies);
                case LOGSUMEXP -> once.add(Math.log((double) copies));
                case MEAN, AMAX, AMIN, ALL, ANY -> once;
                case MAX, MIN, ARGMAX, ARGMIN -> throw new IllegalStateException(op + " has its own split");
            };
        }
        long[] keptShape = Reductions.outShape(x.shape(), dims, true);
        int longDim = longDim(x, dims);
        if (longDim >= 0) {
            Split s = new Split(x, dims, longDim);
            Tensor main = apply(op, s.main, s.mainDims).view(keptShape);
            if (s.rest == null) {
                return main;
            }
            Tensor rest = apply(op, s.rest, dims);
            return switch (op) {
                case SUM -> main.add(rest);
                case PROD -> main.mul(rest);
                case AMAX -> main.maximum(rest);
                case AMIN -> main.minimum(rest);
                case ALL -> main.logicalAnd(rest);
                case ANY -> main.logicalOr(rest);
                case LOGSUMEXP -> Reductions.logsumexp(Tensor.stack(new Tensor[] {main, rest}, 0), new int[] {0}, false);
                // Weighted by the counts: main + (rest - main) * n_rest / n.
                case MEAN -> main.add(rest.sub(main).mul((double) s.restCount / s.count));
                case MAX, MIN, ARGMAX, ARGMIN -> throw new IllegalStateException(op + " has its own split");
            };
        }
        int[] first = firstGroup(x, dims);
        Tensor partial = apply(op, x, first);
        return apply(op, partial, dims);
    }

    /** One reduction with keepdim, through the ordinary entry point (which splits again if needed). */
    private static Tensor apply(ReduceOp op, Tensor x, int[] dims) {
        DType out = switch (op) {
            case ARGMAX, ARGMIN -> DType.INT64;
            case ALL, ANY -> DType.BOOL;
            default -> x.dtype();
        };
        return Reductions.simple(op, x, dims, true, out, null);
    }

    /**
     * {@code var} or {@code std} over {@code dims} with {@code correction}: the mean and the
     * uncorrected variance of the parts, merged, then corrected.
     */
    static Tensor stdVar(Tensor x, int[] dims, double correction, boolean keepdim, boolean std) {
        try (var g = new Creation.NoGradScope()) {
            Tensor[] mv = meanVar0(x, dims);
            long n = count(x.shape(), dims);
            Tensor var = mv[1].mul(n / Math.max(0, n - correction));
            Tensor out = std ? var.sqrt() : var;
            return keepdim ? out : out.view(Reductions.outShape(x.shape(), dims, false));
        }
    }

    /** The mean and the uncorrected (divided by n) variance over {@code dims}, both with the dims kept. */
    private static Tensor[] meanVar0(Tensor x, int[] dims) {
        if (broadcastCount(x, dims) > 1) {
            // Repeating every element the same number of times changes neither the mean nor this variance.
            return meanVar0(firstOfBroadcast(x, dims), dims);
        }
        long n = count(x.shape(), dims);
        if (!isHuge(n)) {
            return new Tensor[] {Reductions.mean(x, dims, true, null), Reductions.stdVar(x, dims, 0, true, false)};
        }
        long[] keptShape = Reductions.outShape(x.shape(), dims, true);
        int longDim = longDim(x, dims);
        if (longDim >= 0) {
            Split s = new Split(x, dims, longDim);
            Tensor[] a = meanVar0(s.main, s.mainDims);
            Tensor ma = a[0].view(keptShape);
            Tensor va = a[1].view(keptShape);
            if (s.rest == null) {
                return new Tensor[] {ma, va};
            }
            // Chan et al.'s merge of two groups' means and sums of squared deviations.
            Tensor[] b = meanVar0(s.rest, dims);
            double wa = (double) (s.count - s.restCount) / s.count;
            double wb = (double) s.restCount / s.count;
            Tensor delta = b[0].sub(ma);
            Tensor mean = ma.add(delta.mul(wb));
            Tensor var0 = va.mul(wa).add(b[1].mul(wb)).add(delta.mul(delta).mul(wa * wb));
            return new Tensor[] {mean, var0};
        }
        // Equal groups: the variance is the mean of the groups' variances plus the variance of their means.
        Tensor[] parts = meanVar0(x, firstGroup(x, dims));
        Tensor[] ofMeans = meanVar0(parts[0], dims);
        Tensor meanOfVars = Reductions.mean(parts[1], dims, true, null);
        return new Tensor[] {ofMeans[0], meanOfVars.add(ofMeans[1])};
    }

    /**
     * {@code max(dim)}/{@code min(dim)} along a dim longer than a line: values and the index of the
     * first occurrence (of the first NaN, if any, as PyTorch).
     */
    static ValuesIndices extremum(Tensor x, int d, boolean keepdim, boolean max) {
        try (var g = new Creation.NoGradScope()) {
            if (x.stride(d) == 0) {
                // A broadcast dim: its first element is the (first) extremum.
                Tensor values = x.narrow(d, 0, 1).contiguous();
                Tensor indices = Tensor.zeros(values.shape(), DType.INT64);
                return keepdim ? new ValuesIndices(values, indices)
                        : new ValuesIndices(values.squeeze(d), indices.squeeze(d));
            }
            long size = x.size(d);
            long line = HugeReductions.line;
            long q = size / line;
            Tensor main = x.narrow(d, 0, q * line).unflatten(d, q, line);
            ValuesIndices inLines = Reductions.extremum(main, d + 1, false, max);
            ValuesIndices best = Reductions.extremum(inLines.values(), d, true, max);
            Tensor values = best.values();
            Tensor indices = best.indices().mul(line).add(inLines.indices().gather(d, best.indices()));
            if (size % line != 0) {
                ValuesIndices rest = Reductions.extremum(x.narrow(d, q * line, size % line), d, true, max);
                // The remainder wins only when strictly better, or NaN where the earlier part is not.
                Tensor better = max ? rest.values().gt(values) : rest.values().lt(values);
                if (x.dtype().isFloatingPoint()) {
                    Tensor restNan = rest.values().ne(rest.values());
                    better = better.logicalOr(restNan.logicalAnd(values.ne(values).logicalNot()));
                }
                values = Tensor.where(better, rest.values(), values);
                indices = Tensor.where(better, rest.indices().add(q * line), indices);
            }
            return keepdim ? new ValuesIndices(values, indices)
                    : new ValuesIndices(values.squeeze(d), indices.squeeze(d));
        }
    }

    /**
     * {@code argmax()}/{@code argmin()} of a tensor of more elements than a line: the index into the
     * flattened tensor, found without flattening (a copy): the best element of each last-dim row,
     * then the first row holding the best of those.
     */
    static Tensor argAll(Tensor x, boolean max) {
        try (var g = new Creation.NoGradScope()) {
            if (x.dim() <= 1) {
                return Reductions.argExtremum(x, 0, false, max);
            }
            long rowLength = x.size(-1);
            ValuesIndices rows = Reductions.extremum(x, x.dim() - 1, false, max);
            long row = Reductions.argExtremum(rows.values(), max).itemLong();
            long within = rows.indices().reshape(-1).select(0, row).itemLong();
            return Tensor.scalar(Shapes.multiplySizes(row, rowLength, "argmax") + within);
        }
    }

    // ---------------------------------------------------------------- splitting

    /** How many times each element repeats along the reduced broadcast (stride 0) dims. */
    private static long broadcastCount(Tensor x, int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (x.stride(d) == 0) {
                n *= x.size(d);
            }
        }
        return n;
    }

    /** {@code x} with each reduced broadcast dim narrowed to its one distinct element. */
    private static Tensor firstOfBroadcast(Tensor x, int[] dims) {
        Tensor t = x;
        for (int d : dims) {
            if (x.stride(d) == 0) {
                t = t.narrow(d, 0, 1);
            }
        }
        return t;
    }

    /** A reduced dim longer than a line, or -1. */
    private static int longDim(Tensor x, int[] dims) {
        for (int d : dims) {
            if (x.size(d) > line) {
                return d;
            }
        }
        return -1;
    }

    /**
     * The reduced dims to reduce first when all fit a line but not together: the longest ones whose
     * product fits, so that the partial result is as small as possible; broadcast (stride 0) dims
     * and the others are not mixed, so that the group is one line of the plan rather than a copy of
     * the (huge) input.
     */
    private static int[] firstGroup(Tensor x, int[] dims) {
        int[] group = greedy(x, dims, true);
        return group.length > 0 ? group : greedy(x, dims, false);
    }

    private static int[] greedy(Tensor x, int[] dims, boolean broadcast) {
        // Size-1 dims are left out: a group must shrink the reduction, or the recursion would not end.
        Integer[] bySize = Arrays.stream(dims).filter(d -> x.size(d) > 1 && (x.stride(d) == 0) == broadcast)
                .boxed().toArray(Integer[]::new);
        Arrays.sort(bySize, (a, b) -> Long.compare(x.size(b), x.size(a)));
        long product = 1;
        int[] chosen = new int[bySize.length];
        int n = 0;
        for (int d : bySize) {
            if (product * x.size(d) <= line) {
                product *= x.size(d);
                chosen[n++] = d;
            }
        }
        int[] group = Arrays.copyOf(chosen, n);
        Arrays.sort(group);
        return group;
    }

    private static long count(long[] shape, int[] dims) {
        long n = 1;
        for (int d : dims) {
            n = Shapes.multiplySizes(n, shape[d], "reduction");
        }
        return n;
    }

    /**
     * Dim {@code d} cut into {@code q} lines of {@link #line} elements (dims {@code d} and
     * {@code d + 1} of {@link #main}, a view) and the remainder {@link #rest} (null when none).
     */
    private static final class Split {
        final Tensor main;
        final int[] mainDims;
        final Tensor rest;
        final long count;
        final long restCount;

        Split(Tensor x, int[] dims, int d) {
            long size = x.size(d);
            long line = HugeReductions.line;
            long q = size / line;
            main = x.narrow(d, 0, q * line).unflatten(d, q, line);
            mainDims = new int[dims.length + 1];
            int k = 0;
            for (int e : dims) {
                if (e < d) {
                    mainDims[k++] = e;
                } else if (e == d) {
                    mainDims[k++] = d;
                    mainDims[k++] = d + 1;
                } else {
                    mainDims[k++] = e + 1;
                }
            }
            long r = size % line;
            rest = r == 0 ? null : x.narrow(d, q * line, r);
            count = count(x.shape(), dims);
            restCount = rest == null ? 0 : count(rest.shape(), dims);
        }
    }
}
