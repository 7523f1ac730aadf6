package dev.jtensor.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The device-neutral side of issue 20's sorting and selection ops. Orders are found on a host copy
 * (the tensor moved to the CPU when it is elsewhere) as int64 index tensors; values are then taken
 * with {@link Tensor#gather}, so their gradient is the one of gather (the output gradient goes back
 * to the chosen elements), as in PyTorch.
 *
 * <p>Order: ascending puts NaN last (NaN counts as the largest value, PyTorch's rule) and treats
 * -0.0 and 0.0 as equal; descending puts NaN first. Sorts are stable, so equal elements keep their
 * order in both directions.
 */
final class Sorting {
    private Sorting() {}

    /** The values of one line of a host array, read as doubles (floats) or longs (integers, bools as 0/1). */
    private static final class Keys {
        final double[] d;
        final long[] l;

        Keys(Tensor contiguous) {
            DType t = contiguous.dtype();
            // The small dtypes are read exactly as float64 or int64.
            Tensor exact = !t.isReduced() ? contiguous : contiguous.to(t.isFloatingPoint() ? DType.FLOAT64 : DType.INT64);
            Object a = exact.to(Device.CPU).toHostArray();
            switch (a) {
                case float[] f -> {
                    d = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        d[i] = f[i];
                    }
                    l = null;
                }
                case double[] x -> {
                    d = x;
                    l = null;
                }
                case long[] x -> {
                    d = null;
                    l = x;
                }
                case int[] x -> {
                    d = null;
                    l = new long[x.length];
                    for (int i = 0; i < x.length; i++) {
                        l[i] = x[i];
                    }
                }
                case boolean[] x -> {
                    d = null;
                    l = new long[x.length];
                    for (int i = 0; i < x.length; i++) {
                        l[i] = x[i] ? 1 : 0;
                    }
                }
                default -> throw new IllegalStateException("not a host array: " + a);
            }
        }

        /** Ascending order with NaN last and -0.0 == 0.0. */
        int compare(int i, int j) {
            if (l != null) {
                return Long.compare(l[i], l[j]);
            }
            double a = d[i];
            double b = d[j];
            if (a != a) {
                return b != b ? 0 : 1;
            }
            if (b != b) {
                return -1;
            }
            return a < b ? -1 : a > b ? 1 : 0;
        }

        boolean isNaN(int i) {
            return d != null && d[i] != d[i];
        }
    }

    /** {@code x} with {@code dim} moved last and made contiguous (a 0-d tensor becomes one element). */
    private static Tensor lastDim(Tensor x, int dim) {
        Tensor t = x.detach();
        if (t.dim() == 0) {
            return t.reshape(1);
        }
        return t.transpose(dim, -1).contiguous();
    }

    /** An int64 tensor laid out like {@link #lastDim}'s result (last size {@code lastSize}), back in {@code x}'s layout and device. */
    private static Tensor fromLastDim(long[] data, Tensor x, int dim, long lastSize) {
        if (x.dim() == 0) {
            return Tensor.fromArray(data, 1).reshape().to(x.device());
        }
        long[] shape = x.shape();
        int last = shape.length - 1;
        shape[dim] = shape[last];
        shape[last] = lastSize;
        return Tensor.fromArray(data, shape).transpose(dim, -1).to(x.device());
    }

    /** {@code t} with dim {@code d} moved to the end (the others keep their order). */
    private static Tensor moveToEnd(Tensor t, int d) {
        int[] perm = new int[t.dim()];
        for (int i = 0, j = 0; i < perm.length; i++) {
            if (i != d) {
                perm[j++] = i;
            }
        }
        perm[perm.length - 1] = d;
        return t.permute(perm);
    }

    /** {@code t} with its last dim moved to the front. */
    private static Tensor lastToFront(Tensor t) {
        int[] perm = new int[t.dim()];
        perm[0] = t.dim() - 1;
        for (int i = 1; i < perm.length; i++) {
            perm[i] = i - 1;
        }
        return t.permute(perm);
    }

    /** The sorting permutation of every line along {@code dim}, as int64 indices in {@code x}'s layout. */
    static Tensor sortIndices(Tensor x, long dim, boolean descending) {
        int d = Shapes.normalizeDim(dim, x.dim());
        Tensor t = lastDim(x, d);
        int n = t.dim() == 0 ? 1 : (int) t.size(-1);
        Keys keys = new Keys(t);
        long total = t.numel();
        long[] out = new long[Math.toIntExact(total)];
        int[] perm = new int[n];
        int[] scratch = new int[n];
        for (int base = 0; base < total; base += n) {
            for (int i = 0; i < n; i++) {
                perm[i] = base + i;
            }
            mergeSort(perm, scratch, 0, n, keys, descending);
            for (int i = 0; i < n; i++) {
                out[base + i] = perm[i] - base;
            }
        }
        return fromLastDim(out, x, d, n);
    }

    /**
     * Stable merge sort of the element positions {@code a[from, to)} by their keys (descending
     * reverses the comparison, so equal keys keep their order in both directions).
     */
    private static void mergeSort(int[] a, int[] scratch, int from, int to, Keys keys, boolean descending) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && before(keys, v, a[j], descending)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, scratch, from, mid, keys, descending);
        mergeSort(a, scratch, mid, to, keys, descending);
        if (!before(keys, a[mid], a[mid - 1], descending)) {
            return; // already in order
        }
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            // Take from the right run only when strictly before: that keeps the sort stable.
            if (j < to && (i >= mid || before(keys, scratch[j], scratch[i], descending))) {
                a[k] = scratch[j++];
            } else {
                a[k] = scratch[i++];
            }
        }
    }

    /** Whether the element at {@code p} sorts strictly before the one at {@code q}. */
    private static boolean before(Keys keys, int p, int q, boolean descending) {
        int c = keys.compare(p, q);
        return descending ? c > 0 : c < 0;
    }

    /** {@code sort}: values (gathered, differentiable) and int64 indices. */
    static ValuesIndices sort(Tensor x, long dim, boolean descending) {
        int d = Shapes.normalizeDim(dim, x.dim());
        if (x.numel() == 0) {
            return new ValuesIndices(x.clone(), Tensor.empty(x.shape(), DType.INT64, x.device()));
        }
        Tensor idx = sortIndices(x, d, descending);
        return new ValuesIndices(gather(x, d, idx), idx);
    }

    /** {@code x.gather(dim, idx)}, for 0-d tensors too. */
    private static Tensor gather(Tensor x, int dim, Tensor idx) {
        if (x.dim() == 0) {
            return x.reshape(1).gather(0, idx.reshape(1)).reshape();
        }
        return x.gather(dim, idx);
    }

    /** {@code topk}: the k largest (or smallest) along dim, in order when sorted. */
    static ValuesIndices topk(Tensor x, long k, long dim, boolean largest) {
        int d = Shapes.normalizeDim(dim, x.dim());
        long size = x.dim() == 0 ? 1 : x.size(d);
        if (k < 0 || k > size) {
            throw new TensorException("selected index k out of range: k = " + k + " for dim " + d + " of size "
                    + size + " (input of shape " + Arrays.toString(x.shape()) + ")");
        }
        if (x.numel() == 0 || k == 0) {
            long[] shape = x.shape();
            if (x.dim() > 0) {
                shape[d] = k;
            }
            return new ValuesIndices(Tensor.empty(shape, x.dtype(), x.device()),
                    Tensor.empty(shape, DType.INT64, x.device()));
        }
        Tensor idx = sortIndices(x, d, largest);
        if (x.dim() > 0) {
            idx = idx.narrow(d, 0, k).contiguous();
        }
        return new ValuesIndices(gather(x, d, idx), idx);
    }

    /** {@code kthvalue}: the k-th smallest along dim (k from 1). */
    static ValuesIndices kthvalue(Tensor x, long k, long dim, boolean keepdim) {
        int d = Shapes.normalizeDim(dim, x.dim());
        long size = x.dim() == 0 ? 1 : x.size(d);
        if (k < 1 || k > size) {
            throw new TensorException("kthvalue(): selected number k out of range for dimension " + d
                    + " (k = " + k + ", size " + size + ")");
        }
        Tensor idx = sortIndices(x, d, false);
        return pick(x, d, idx, k - 1, keepdim);
    }

    /** The element at sorted position {@code pos} of every line, with its index (dim kept or dropped). */
    private static ValuesIndices pick(Tensor x, int d, Tensor sortedIdx, long pos, boolean keepdim) {
        if (x.dim() == 0) {
            return new ValuesIndices(gather(x, 0, sortedIdx), sortedIdx);
        }
        Tensor idx = sortedIdx.narrow(d, pos, 1).contiguous();
        Tensor values = x.gather(d, idx);
        if (!keepdim) {
            idx = idx.squeeze(d);
            values = values.squeeze(d);
        }
        return new ValuesIndices(values, idx);
    }

    /**
     * {@code median} ({@code ignoreNan == false}) or {@code nanmedian} along dim: the lower median;
     * with NaN in a line, median gives NaN (the first one), nanmedian the median of the other values.
     */
    static ValuesIndices median(String name, Tensor x, long dim, boolean keepdim, boolean ignoreNan) {
        int d = Shapes.normalizeDim(dim, x.dim());
        if (x.dim() > 0 && x.size(d) == 0) {
            throw new TensorException(name + "(): Expected reduction dim " + d + " to have non-zero size.");
        }
        if (x.numel() == 0) {
            long[] shape = x.shape();
            if (keepdim) {
                shape[d] = 1;
            } else {
                shape = dropDim(shape, d);
            }
            return new ValuesIndices(Tensor.empty(shape, x.dtype(), x.device()),
                    Tensor.empty(shape, DType.INT64, x.device()));
        }
        Tensor t = lastDim(x, d);
        int n = t.dim() == 0 ? 1 : (int) t.size(-1);
        Keys keys = new Keys(t);
        Tensor sortedIdx = sortIndices(x, d, false);
        Tensor sortedLast = lastDim(sortedIdx, d);
        long[] order = (long[]) sortedLast.to(Device.CPU).toHostArray();
        long lines = t.numel() / n;
        long[] chosen = new long[Math.toIntExact(lines)];
        for (int line = 0; line < lines; line++) {
            int base = line * n;
            int nans = 0;
            int firstNan = -1;
            for (int i = 0; i < n; i++) {
                if (keys.isNaN(base + i)) {
                    nans++;
                    if (firstNan < 0) {
                        firstNan = i;
                    }
                }
            }
            if (nans > 0 && !ignoreNan) {
                chosen[line] = firstNan;
            } else {
                int valid = n - nans;
                int pos = valid == 0 ? 0 : (valid - 1) / 2;
                chosen[line] = order[base + pos];
            }
        }
        Tensor idx = fromLastDim(chosen, x, d, 1);
        Tensor values = gather(x, d, idx);
        if (!keepdim && x.dim() > 0) {
            idx = idx.squeeze(d);
            values = values.squeeze(d);
        }
        return new ValuesIndices(values, idx);
    }

    /** {@code median()} / {@code nanmedian()} of all elements: a 0-d tensor. */
    static Tensor medianAll(String name, Tensor x, boolean ignoreNan) {
        if (x.numel() == 0) {
            return Tensor.full(new long[0], Double.NaN, x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT32)
                    .to(x.dtype()).to(x.device());
        }
        Tensor value = median(name, x.reshape(-1), 0, false, ignoreNan).values().detach();
        if (!x.dtype().isFloatingPoint()) {
            return value;
        }
        // PyTorch shares the gradient evenly among the elements equal to the median (or among the
        // NaNs when it is NaN): the max over exactly those elements does that, and is the value itself.
        Tensor hit = value.isnan().itemBoolean() ? x.detach().isnan() : x.detach().eq(value);
        return Tensor.where(hit, x, Double.NEGATIVE_INFINITY).amax();
    }

    private static long[] dropDim(long[] shape, int d) {
        long[] r = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != d) {
                r[j++] = shape[i];
            }
        }
        return r;
    }

    /**
     * {@code mode} along dim: the most frequent value (the smallest of those tied) and the index of
     * its last occurrence.
     */
    static ValuesIndices mode(Tensor x, long dim, boolean keepdim) {
        int d = Shapes.normalizeDim(dim, x.dim());
        if (x.dim() > 0 && x.size(d) == 0) {
            throw new TensorException("mode(): Expected reduction dim " + d + " to have non-zero size.");
        }
        Tensor t = lastDim(x, d);
        int n = t.dim() == 0 ? 1 : (int) t.size(-1);
        Keys keys = new Keys(t);
        long[] order = (long[]) lastDim(sortIndices(x, d, false), d).to(Device.CPU).toHostArray();
        long lines = t.numel() / n;
        long[] chosen = new long[Math.toIntExact(lines)];
        for (int line = 0; line < lines; line++) {
            int base = line * n;
            int bestStart = 0;
            int bestLen = 0;
            for (int i = 0; i < n;) {
                int j = i + 1;
                while (j < n && keys.compare(base + (int) order[base + i], base + (int) order[base + j]) == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestLen = j - i;
                    bestStart = i;
                }
                i = j;
            }
            long last = -1;
            for (int i = bestStart; i < bestStart + bestLen; i++) {
                last = Math.max(last, order[base + i]);
            }
            chosen[line] = last;
        }
        Tensor idx = fromLastDim(chosen, x, d, 1);
        Tensor values = gather(x, d, idx);
        if (!keepdim && x.dim() > 0) {
            idx = idx.squeeze(d);
            values = values.squeeze(d);
        }
        return new ValuesIndices(values, idx);
    }

    // ---------------------------------------------------------------- quantile

    /**
     * {@code quantile}: q (a 0-d or 1-d tensor of values in [0, 1]) along dim, or of all elements
     * when {@code dim} is null; interpolation "linear", "lower", "higher", "midpoint" or "nearest".
     * A line holding NaN gives NaN. A 1-d q adds a leading dim of its length.
     */
    static Tensor quantile(Tensor x, Tensor q, Long dim, boolean keepdim, String interpolation) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException("quantile() input tensor must be either float or double dtype, got " + x.dtype());
        }
        if (q.dim() > 1) {
            throw new TensorException("quantile() q must be a scalar or 1D tensor, got a tensor of shape "
                    + Arrays.toString(q.shape()));
        }
        if (q.dtype() != x.dtype()) {
            throw new TensorException("quantile() q tensor must be same dtype as the input tensor (" + q.dtype()
                    + " and " + x.dtype() + ")");
        }
        if (!List.of("linear", "lower", "higher", "midpoint", "nearest").contains(interpolation)) {
            throw new TensorException("quantile() interpolation must be one of linear, lower, higher, midpoint or "
                    + "nearest. Got " + interpolation);
        }
        if (x.numel() == 0) {
            throw new TensorException("quantile() input tensor must be non-empty");
        }
        for (double v : q.detach().to(DType.FLOAT64).to(Device.CPU).toDoubleArray()) {
            if (!(v >= 0 && v <= 1)) {
                throw new TensorException("quantile() q must be in the range [0, 1] but got " + v);
            }
        }
        Tensor src;
        int d;
        if (dim == null) {
            src = x.reshape(-1);
            d = 0;
        } else {
            d = Shapes.normalizeDim(dim, x.dim());
            src = x.dim() == 0 ? x.reshape(1) : x;
        }
        // Sorted values with the reduced dim last: [..., n].
        Tensor moved = moveToEnd(src, d);
        Tensor sorted = moved.gather(-1, sortIndices(moved, -1, false));
        long n = sorted.size(-1);
        Tensor qs = q.reshape(-1).to(x.device());
        long[] lead = Arrays.copyOf(sorted.shape(), sorted.dim() - 1);
        // ranks: [..., Q], the position of each quantile; NaN lines use the last (NaN) element.
        long[] rankShape = Arrays.copyOf(lead, lead.length + 1);
        rankShape[lead.length] = qs.numel();
        long[] qView = new long[lead.length + 1];
        Arrays.fill(qView, 1);
        qView[lead.length] = qs.numel();
        Tensor ranks = qs.detach().mul((double) (n - 1)).reshape(qView).expand(rankShape);
        Tensor hasNan = sorted.detach().isnan().any(-1, true);
        ranks = Tensor.where(hasNan, (double) (n - 1), ranks);
        Tensor result = switch (interpolation) {
            case "lower" -> sorted.gather(-1, ranks.floor().to(DType.INT64));
            case "higher" -> sorted.gather(-1, ranks.ceil().to(DType.INT64));
            case "nearest" -> sorted.gather(-1, ranks.round().to(DType.INT64));
            default -> {
                Tensor below = ranks.floor();
                Tensor low = sorted.gather(-1, below.to(DType.INT64));
                Tensor high = sorted.gather(-1, ranks.ceil().to(DType.INT64));
                Tensor weight = "midpoint".equals(interpolation) ? Tensor.fullLike(ranks, 0.5) : ranks.sub(below);
                yield low.lerp(high, weight);
            }
        };
        // result: [..., Q] -> [Q, ...] with the reduced dim restored as size 1 (keepdim) or dropped.
        if (keepdim) {
            if (dim == null) {
                long[] ones = new long[x.dim() + 1];
                Arrays.fill(ones, 1);
                ones[x.dim()] = qs.numel();
                result = result.reshape(ones);
            } else if (x.dim() > 0) {
                result = result.unsqueeze(d);
            }
        }
        result = lastToFront(result);
        return q.dim() == 0 ? result.squeeze(0) : result;
    }

    // ---------------------------------------------------------------- unique

    /**
     * {@code unique}: the sorted distinct elements (of the flattened tensor, or distinct slices along
     * {@code dim}), and optionally the inverse indices and the counts.
     */
    static List<Tensor> unique(Tensor x, Long dim, boolean returnInverse, boolean returnCounts) {
        Tensor src = x.detach();
        List<Tensor> out = new ArrayList<>();
        if (dim == null) {
            Tensor flat = src.reshape(-1);
            long n = flat.numel();
            if (n == 0) {
                out.add(flat.clone());
                if (returnInverse) {
                    out.add(Tensor.empty(x.shape(), DType.INT64, x.device()));
                }
                if (returnCounts) {
                    out.add(Tensor.empty(new long[] {0}, DType.INT64, x.device()));
                }
                return out;
            }
            long[] order = (long[]) sortIndices(flat, 0, false).to(Device.CPU).toHostArray();
            Keys keys = new Keys(flat.contiguous());
            long[] inverse = new long[(int) n];
            List<Long> firsts = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int cur = (int) order[i];
                // NaN is never equal to NaN, so every NaN is its own group (PyTorch's CPU kernel).
                boolean same = i > 0 && !keys.isNaN(cur) && keys.compare((int) order[i - 1], cur) == 0;
                if (!same) {
                    firsts.add((long) cur);
                    counts.add(0L);
                }
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
                inverse[cur] = firsts.size() - 1;
            }
            Tensor firstIdx = Tensor.fromArray(firsts.stream().mapToLong(Long::longValue).toArray()).to(x.device());
            out.add(flat.gather(0, firstIdx));
            if (returnInverse) {
                out.add(Tensor.fromArray(inverse, x.shape()).to(x.device()));
            }
            if (returnCounts) {
                out.add(Tensor.fromArray(counts.stream().mapToLong(Long::longValue).toArray()).to(x.device()));
            }
            return out;
        }
        int d = Shapes.normalizeDim(dim, x.dim());
        // Slices along d compared lexicographically as flat rows.
        Tensor rows = src.dim() == 0 ? src.reshape(1, 1) : src.transpose(0, d).contiguous();
        long m = rows.size(0);
        long[] restShape = Arrays.copyOfRange(rows.shape(), 1, rows.dim());
        int width = m == 0 ? 0 : (int) (rows.numel() / m);
        Keys keys = new Keys(rows);
        Integer[] perm = new Integer[(int) m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        java.util.Comparator<Integer> byRow = (a, b) -> {
            for (int k = 0; k < width; k++) {
                int c = keys.compare(a * width + k, b * width + k);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Arrays.sort(perm, byRow);
        long[] inverse = new long[(int) m];
        List<Long> firsts = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            boolean same = i > 0 && byRow.compare(perm[i - 1], perm[i]) == 0;
            if (!same) {
                firsts.add((long) perm[i]);
                counts.add(0L);
            }
            counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            inverse[perm[i]] = firsts.size() - 1;
        }
        Tensor firstIdx = Tensor.fromArray(firsts.stream().mapToLong(Long::longValue).toArray()).to(x.device());
        Tensor picked = rows.indexSelect(0, firstIdx);
        if (src.dim() > 0) {
            long[] shape = new long[restShape.length + 1];
            shape[0] = firsts.size();
            System.arraycopy(restShape, 0, shape, 1, restShape.length);
            picked = picked.reshape(shape).transpose(0, d);
        }
        out.add(picked.contiguous());
        if (returnInverse) {
            out.add(Tensor.fromArray(inverse).to(x.device()));
        }
        if (returnCounts) {
            out.add(Tensor.fromArray(counts.stream().mapToLong(Long::longValue).toArray()).to(x.device()));
        }
        return out;
    }

    // ---------------------------------------------------------------- searchsorted

    /**
     * {@code searchsorted}: for each value, the insertion position in the matching innermost line of
     * {@code sorted} (1-d, or with the leading dims of {@code values}); left (first position where
     * the boundary is not below the value) or right (first where it is above); NaN values go last.
     */
    static Tensor searchsorted(Tensor sorted, Tensor values, boolean right, boolean outInt32, Tensor sorter) {
        boolean oneDim = sorted.dim() == 1;
        if (!oneDim) {
            boolean match = sorted.dim() == values.dim()
                    && Arrays.equals(Arrays.copyOf(sorted.shape(), sorted.dim() - 1),
                            Arrays.copyOf(values.shape(), Math.max(values.dim() - 1, 0)));
            if (!match) {
                throw new TensorException("torch.searchsorted(): boundaries tensor should be 1 dimension or the first "
                        + "N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries "
                        + "tensor " + Arrays.toString(sorted.shape()) + " and input value tensor "
                        + Arrays.toString(values.shape()));
            }
        }
        if (sorted.dtype() != values.dtype()) {
            throw new TensorException("torch.searchsorted(): boundaries and input value tensors should have the same "
                    + "dtype, got " + sorted.dtype() + " and " + values.dtype());
        }
        Tensor seq = sorted.detach();
        if (sorter != null) {
            if (!Arrays.equals(sorter.shape(), sorted.shape())) {
                throw new TensorException("torch.searchsorted(): boundary and sorter must have the same size, but got "
                        + "boundary tensor " + Arrays.toString(sorted.shape()) + " and got sorter tensor "
                        + Arrays.toString(sorter.shape()));
            }
            seq = seq.gather(-1, sorter);
        }
        Tensor seqC = seq.contiguous();
        Tensor valC = values.detach().contiguous();
        Keys both = new Keys(Tensor.cat(new Tensor[] {seqC.reshape(-1), valC.reshape(-1)}, 0));
        int seqLen = (int) seqC.size(-1);
        int seqTotal = (int) seqC.numel();
        int count = (int) valC.numel();
        int valLine = valC.dim() == 0 ? 1 : (int) valC.size(-1);
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            int lineStart = oneDim ? 0 : (i / Math.max(valLine, 1)) * seqLen;
            int v = seqTotal + i;
            int lo = 0;
            int hi = seqLen;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = lineStart + mid;
                // Left: advance while !(boundary >= value); right: while !(boundary > value) (NaN goes last).
                boolean advance = right ? !greater(both, c, v) : !greaterOrEqual(both, c, v);
                if (advance) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            result[i] = lo;
        }
        Tensor r = Tensor.fromArray(result, values.shape());
        return (outInt32 ? r.to(DType.INT32) : r).to(values.device());
    }

    private static boolean greater(Keys k, int a, int b) {
        return k.l != null ? k.l[a] > k.l[b] : k.d[a] > k.d[b];
    }

    private static boolean greaterOrEqual(Keys k, int a, int b) {
        return k.l != null ? k.l[a] >= k.l[b] : k.d[a] >= k.d[b];
    }
}
