package dev.jtensor.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape ops of code ported from PyTorch ({@code roll}, {@code diag_embed}, {@code tile},
 * {@code movedim}, {@code rot90}, {@code tensor_split}, the {@code *stack} family, {@code meshgrid},
 * {@code combinations}, {@code kron}, ...), each composed from existing views and primitives
 * ({@code narrow}, {@code cat}, {@code permute}, {@code expand}, {@code where}, {@code indexSelect},
 * {@code mul}), so their gradients come from those parts. Only {@link Tensor#diagonal} needed a
 * primitive of its own (a strided view); it lives in {@link Tensor} with the other views.
 *
 * <p>Arguments are checked here, before any part runs, with PyTorch's messages. Helper tensors
 * (index lists, masks, zeros) are made on the input's device.
 */
final class ShapeOps {
    private ShapeOps() {}

    // ---------------------------------------------------------------- roll, tile, repeat_interleave

    static Tensor roll(Tensor x, long[] shifts, long[] dims) {
        if (dims.length == 0 && shifts.length == 1) {
            // Without dims the tensor is rolled as if flattened, then given its shape back.
            return rollDim(x.flatten(), shifts[0], 0).view(x.shape());
        }
        if (shifts.length != dims.length) {
            throw new TensorException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        int[] norm = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            norm[i] = Shapes.normalizeDim(dims[i], x.dim());
        }
        Tensor out = x;
        for (int i = 0; i < dims.length; i++) {
            out = rollDim(out, shifts[i], norm[i]);
        }
        return out;
    }

    /** One dim rolled: the last {@code shift} elements (mod the size) moved to the front, as a cat of two slices. */
    private static Tensor rollDim(Tensor x, long shift, int d) {
        long n = x.size(d);
        long s = n == 0 ? 0 : Math.floorMod(shift, n);
        if (s == 0) {
            return x.clone();
        }
        return Tensor.cat(new Tensor[] {x.narrow(d, n - s, s), x.narrow(d, 0, n - s)}, d);
    }

    static Tensor tile(Tensor x, long[] dims) {
        if (dims.length >= x.dim()) {
            return x.repeat(dims);
        }
        // Fewer reps than dims: the missing leading ones are 1 (torch.tile's rule, unlike repeat).
        long[] padded = new long[x.dim()];
        Arrays.fill(padded, 1);
        System.arraycopy(dims, 0, padded, x.dim() - dims.length, dims.length);
        return x.repeat(padded);
    }

    /** {@code repeat_interleave} with one count for every element; {@code dim == null} flattens first. */
    static Tensor repeatInterleave(Tensor x, long repeats, Long dim) {
        if (repeats < 0) {
            throw new TensorException("repeats can not be negative");
        }
        Tensor in = dim == null ? x.flatten() : x;
        int d = dim == null ? 0 : Shapes.normalizeDim(dim, x.dim());
        if (in.dim() == 0) {
            in = in.reshape(1);
        }
        long[] expanded = insertDim(in.shape(), d + 1, repeats);
        long[] result = in.shape();
        result[d] *= repeats;
        // clone(): the expanded view must become a fresh tensor even when a view of it would fit.
        return in.unsqueeze(d + 1).expand(expanded).clone().view(result);
    }

    /** {@code repeat_interleave} with a count per slice along {@code dim} (a 1-element count applies to all). */
    static Tensor repeatInterleave(Tensor x, Tensor repeats, Long dim, Long outputSize) {
        checkRepeats(repeats);
        if (repeats.numel() == 1) {
            long r = repeats.itemLong();
            long slices = dim == null ? x.numel() : x.dim() == 0 ? 1 : x.size(Shapes.normalizeDim(dim, x.dim()));
            checkOutputSize(slices * r, outputSize);
            return repeatInterleave(x, r, dim);
        }
        Tensor in = dim == null ? x.flatten() : x;
        int d = dim == null ? 0 : Shapes.normalizeDim(dim, x.dim());
        if (repeats.dim() != 1 || in.dim() == 0 || repeats.size(0) != in.size(d)) {
            throw new TensorException("repeats must have the same size as input along dim (repeats "
                    + Arrays.toString(repeats.shape()) + ", input " + Arrays.toString(x.shape()) + ", dim " + dim + ")");
        }
        Tensor index = counts(repeats).to(x.device());
        checkOutputSize(index.size(0), outputSize);
        return in.indexSelect(d, index);
    }

    /** {@code torch.repeat_interleave(repeats)}: each index {@code i} repeated {@code repeats[i]} times. */
    static Tensor repeatInterleaveCounts(Tensor repeats) {
        checkRepeats(repeats);
        if (repeats.dim() != 1) {
            throw new TensorException("repeat_interleave only accept 1D vector as repeat, got shape "
                    + Arrays.toString(repeats.shape()));
        }
        return counts(repeats).to(repeats.dtype()).to(repeats.device());
    }

    private static void checkRepeats(Tensor repeats) {
        if (repeats.dtype() != DType.INT64 && repeats.dtype() != DType.INT32) {
            throw new TensorException("repeats has to be Long or Int tensor, got " + repeats.dtype());
        }
        if (repeats.dim() > 1) {
            throw new TensorException("repeats must be 0-dim or 1-dim tensor, got shape " + Arrays.toString(repeats.shape()));
        }
        for (long r : repeats.toLongArray()) {
            if (r < 0) {
                throw new TensorException("repeats can not be negative");
            }
        }
    }

    private static void checkOutputSize(long actual, Long outputSize) {
        if (outputSize != null && outputSize != actual) {
            throw new TensorException("allocated size does not match required size: output_size " + outputSize
                    + ", but the repeats add up to " + actual);
        }
    }

    /** The int64 index {@code [0 x r0, 1 x r1, ...]} of non-negative counts {@code r}. */
    private static Tensor counts(Tensor repeats) {
        long[] r = repeats.toLongArray();
        long total = 0;
        for (long v : r) {
            total = Math.addExact(total, v);
        }
        long[] index = new long[Math.toIntExact(total)];
        int k = 0;
        for (int i = 0; i < r.length; i++) {
            for (long j = 0; j < r[i]; j++) {
                index[k++] = i;
            }
        }
        return Tensor.fromArray(index, index.length);
    }

    // ---------------------------------------------------------------- diagonals

    /**
     * {@code diag_embed}: the last dim of {@code x} written on the {@code offset} diagonal of two new
     * dims {@code dim1}, {@code dim2} of the result, zeros elsewhere; a {@code where} over an
     * expanded copy, so that the gradient is the diagonal of the output's gradient.
     */
    static Tensor diagEmbed(Tensor x, long offset, long dim1, long dim2) {
        int rank = x.dim() + 1;
        int d1 = Shapes.normalizeDim(dim1, rank);
        int d2 = Shapes.normalizeDim(dim2, rank);
        if (d1 == d2) {
            throw new TensorException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        Tensor v = x.dim() == 0 ? x.reshape(1) : x;
        long n = v.size(-1);
        long pad = Math.abs(offset);
        long m = n + pad;
        if (pad > 0) {
            long[] zerosShape = v.shape();
            zerosShape[zerosShape.length - 1] = pad;
            v = Tensor.cat(new Tensor[] {v, Tensor.empty(zerosShape, v.dtype(), v.device())}, -1);
        }
        // (i, j) on the diagonal holds v[i] when offset >= 0 (j = i + offset), else v[j].
        long[] square = insertDim(v.shape(), v.dim(), m);
        Tensor values = (offset >= 0 ? v.unsqueeze(-1) : v.unsqueeze(-2)).expand(square);
        Tensor i = Tensor.arange(m).unsqueeze(1);
        Tensor j = Tensor.arange(m).unsqueeze(0);
        Tensor onDiagonal = j.sub(i).eq(offset).to(x.device());
        Tensor out = Tensor.where(onDiagonal, values, Tensor.empty(new long[0], values.dtype(), x.device()));
        // The square sits in the last two dims; move its row dim to d1 and its column dim to d2.
        return movedim(out, new long[] {rank - 2, rank - 1}, new long[] {d1, d2}).contiguous();
    }

    static Tensor diag(Tensor x, long diagonal) {
        return switch (x.dim()) {
            case 1 -> diagEmbed(x, diagonal, 0, 1);
            case 2 -> x.diagonal(diagonal, 0, 1).clone();
            default -> throw new TensorException("matrix or a vector expected, got a tensor of shape "
                    + Arrays.toString(x.shape()));
        };
    }

    static Tensor trace(Tensor x) {
        if (x.dim() != 2) {
            throw new TensorException("trace: expected a matrix, but got tensor with dim " + x.dim());
        }
        if (x.dtype() == DType.BOOL) {
            throw new TensorException("\"trace\" not implemented for 'Bool'");
        }
        return x.diagonal(0, 0, 1).sum();
    }

    // ---------------------------------------------------------------- dim moves

    static Tensor movedim(Tensor x, long[] source, long[] destination) {
        int n = x.dim();
        if (source.length != destination.length) {
            throw new TensorException("movedim: Invalid source or destination dims: source (" + Arrays.toString(source)
                    + " dims) should contain the same number of dims as destination (" + Arrays.toString(destination)
                    + " dims)");
        }
        int[] src = normalizeUnique(source, n, "source");
        int[] dst = normalizeUnique(destination, n, "destination");
        if (n == 0) {
            return x.permute();
        }
        int[] perm = new int[n];
        Arrays.fill(perm, -1);
        boolean[] moved = new boolean[n];
        for (int i = 0; i < src.length; i++) {
            perm[dst[i]] = src[i];
            moved[src[i]] = true;
        }
        // The dims not moved keep their order in the places left free.
        int next = 0;
        for (int p = 0; p < n; p++) {
            if (perm[p] < 0) {
                while (moved[next]) {
                    next++;
                }
                perm[p] = next++;
            }
        }
        return x.permute(perm);
    }

    private static int[] normalizeUnique(long[] dims, int ndim, String what) {
        int[] out = new int[dims.length];
        boolean[] seen = new boolean[Math.max(ndim, 1)];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Shapes.normalizeDim(dims[i], ndim);
            if (seen[out[i]]) {
                throw new TensorException("movedim: repeated dim in `" + what + "` (" + Arrays.toString(dims) + ")");
            }
            seen[out[i]] = true;
        }
        return out;
    }

    static Tensor rot90(Tensor x, long k, long[] dims) {
        if (dims.length != 2) {
            throw new TensorException("expected total rotation dims == 2, but got dims = " + dims.length);
        }
        int n = x.dim();
        if (n < 2) {
            throw new TensorException("expected total dims >= 2, but got total dims = " + n);
        }
        if (dims[0] == dims[1] || Math.abs(dims[0] - dims[1]) == n) {
            throw new TensorException("expected rotation dims to be different, but got dim0 = " + dims[0]
                    + " and dim1 = " + dims[1]);
        }
        if (dims[0] < -n || dims[0] >= n) {
            throw new TensorException("Rotation dim0 out of range, dim0 = " + dims[0]);
        }
        if (dims[1] < -n || dims[1] >= n) {
            throw new TensorException("Rotation dim1 out of range, dim1 = " + dims[1]);
        }
        int d0 = Shapes.normalizeDim(dims[0], n);
        int d1 = Shapes.normalizeDim(dims[1], n);
        return switch ((int) Math.floorMod(k, 4L)) {
            case 1 -> x.flip(d1).transpose(d0, d1);
            case 2 -> x.flip(d0, d1);
            case 3 -> x.flip(d0).transpose(d0, d1);
            default -> x.clone();
        };
    }

    // ---------------------------------------------------------------- splits

    static Tensor[] tensorSplit(Tensor x, long sections, long dim) {
        checkSplitInput(x);
        if (sections <= 0) {
            throw new TensorException("number of sections must be larger than 0, got " + sections);
        }
        int d = Shapes.normalizeDim(dim, x.dim());
        long size = x.size(d);
        long base = size / sections;
        long extra = size % sections;
        Tensor[] out = new Tensor[Math.toIntExact(sections)];
        long start = 0;
        for (int i = 0; i < out.length; i++) {
            // The first size % sections pieces get one element more.
            long len = base + (i < extra ? 1 : 0);
            out[i] = x.slice(d, start, start + len, 1);
            start += len;
        }
        return out;
    }

    static Tensor[] tensorSplit(Tensor x, long[] indices, long dim) {
        checkSplitInput(x);
        int d = Shapes.normalizeDim(dim, x.dim());
        Tensor[] out = new Tensor[indices.length + 1];
        long start = 0;
        for (int i = 0; i < indices.length; i++) {
            out[i] = x.slice(d, start, indices[i], 1);
            start = indices[i];
        }
        out[indices.length] = x.slice(d, start, Long.MAX_VALUE, 1);
        return out;
    }

    static Tensor[] tensorSplit(Tensor x, Tensor indicesOrSections, long dim) {
        checkSplitInput(x);
        if (indicesOrSections.dtype() != DType.INT64) {
            throw new TensorException("tensor_split expected tensor_indices_or_sections to have dtype of long, but got "
                    + indicesOrSections.dtype());
        }
        return switch (indicesOrSections.dim()) {
            case 0 -> tensorSplit(x, indicesOrSections.itemLong(), dim);
            case 1 -> tensorSplit(x, indicesOrSections.toLongArray(), dim);
            default -> throw new TensorException("tensor_split expected tensor_indices_or_sections to be a "
                    + "zero-dimensional or one-dimensional tensor, but got a tensor with " + indicesOrSections.dim()
                    + " dims");
        };
    }

    private static void checkSplitInput(Tensor x) {
        if (x.dim() == 0) {
            throw new TensorException("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims");
        }
    }

    /**
     * {@code hsplit}/{@code vsplit}/{@code dsplit} into equal sections along {@code dim}
     * ({@code minDims} is 1, 2 or 3).
     */
    static Tensor[] directionalSplit(String name, Tensor x, long sections, int minDims, int dim) {
        checkDirectionalSplit(name, x, minDims);
        long size = x.size(dim);
        if (sections == 0 || size % sections != 0) {
            throw new TensorException("torch." + name + " attempted to split along dimension " + dim
                    + ", but the size of the dimension " + size + " is not divisible by the split_size " + sections + "!");
        }
        return tensorSplit(x, sections, dim);
    }

    static Tensor[] directionalSplit(String name, Tensor x, long[] indices, int minDims, int dim) {
        checkDirectionalSplit(name, x, minDims);
        return tensorSplit(x, indices, dim);
    }

    private static void checkDirectionalSplit(String name, Tensor x, int minDims) {
        if (x.dim() < minDims) {
            throw new TensorException("torch." + name + " requires a tensor with at least " + minDims
                    + " dimension, but got a tensor with " + x.dim() + " dimensions!");
        }
    }

    // ---------------------------------------------------------------- stacks

    static Tensor atleast1d(Tensor x) {
        return x.dim() == 0 ? x.reshape(1) : x;
    }

    static Tensor atleast2d(Tensor x) {
        return switch (x.dim()) {
            case 0 -> x.reshape(1, 1);
            case 1 -> x.unsqueeze(0);
            default -> x;
        };
    }

    static Tensor atleast3d(Tensor x) {
        return switch (x.dim()) {
            case 0 -> x.reshape(1, 1, 1);
            case 1 -> x.unsqueeze(0).unsqueeze(-1);
            case 2 -> x.unsqueeze(-1);
            default -> x;
        };
    }

    static Tensor hstack(Tensor[] tensors) {
        Tensor[] parts = nonEmpty("hstack", tensors);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = atleast1d(parts[i]);
        }
        return Tensor.cat(parts, parts[0].dim() == 1 ? 0 : 1);
    }

    static Tensor vstack(Tensor[] tensors) {
        Tensor[] parts = nonEmpty("vstack", tensors);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = atleast2d(parts[i]);
        }
        return Tensor.cat(parts, 0);
    }

    static Tensor dstack(Tensor[] tensors) {
        Tensor[] parts = nonEmpty("dstack", tensors);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = atleast3d(parts[i]);
        }
        return Tensor.cat(parts, 2);
    }

    static Tensor columnStack(Tensor[] tensors) {
        Tensor[] parts = nonEmpty("column_stack", tensors);
        for (int i = 0; i < parts.length; i++) {
            // 0-d and 1-d tensors become columns.
            if (parts[i].dim() <= 1) {
                parts[i] = parts[i].reshape(parts[i].numel(), 1);
            }
        }
        return Tensor.cat(parts, 1);
    }

    private static Tensor[] nonEmpty(String name, Tensor[] tensors) {
        if (tensors.length == 0) {
            throw new TensorException(name + " expects a non-empty TensorList");
        }
        return tensors.clone();
    }

    // ---------------------------------------------------------------- grids and index sets

    static Tensor[] meshgrid(Tensor[] tensors, String indexing) {
        if (tensors.length == 0) {
            throw new TensorException("meshgrid expects a non-empty TensorList");
        }
        boolean xy = "xy".equals(indexing);
        if (!xy && !"ij".equals(indexing)) {
            throw new TensorException("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: " + indexing);
        }
        for (Tensor t : tensors) {
            if (t.dim() > 1) {
                throw new TensorException("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: " + t);
            }
            if (t.dtype() != tensors[0].dtype()) {
                throw new TensorException("torch.meshgrid: Expected all tensors in the tensor list to have the same dtype, "
                        + "got " + tensors[0].dtype() + " and " + t.dtype());
            }
            tensors[0].checkSameDevice(t, "meshgrid");
        }
        // "xy" is "ij" with the first two inputs (and outputs) swapped.
        Tensor[] in = tensors.clone();
        boolean swap = xy && in.length >= 2;
        if (swap) {
            in[0] = tensors[1];
            in[1] = tensors[0];
        }
        long[] sizes = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            sizes[i] = in[i].numel();
        }
        Tensor[] out = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) {
            long[] shape = new long[in.length];
            Arrays.fill(shape, 1);
            shape[i] = sizes[i];
            out[i] = in[i].reshape(shape).expand(sizes);
        }
        if (swap) {
            Tensor first = out[0];
            out[0] = out[1];
            out[1] = first;
        }
        return out;
    }

    static Tensor cartesianProd(Tensor[] tensors) {
        for (Tensor t : tensors) {
            checkVector(t);
        }
        if (tensors.length == 1) {
            return tensors[0];
        }
        Tensor[] grid = meshgrid(tensors, "ij");
        for (int i = 0; i < grid.length; i++) {
            grid[i] = grid[i].flatten();
        }
        return Tensor.stack(grid, 1);
    }

    private static void checkVector(Tensor t) {
        if (t.dim() != 1) {
            throw new TensorException("Expect a 1D vector, but got shape " + Arrays.toString(t.shape()));
        }
    }

    /** {@code torch.combinations}: the r-element index tuples in lexicographic order, gathered from x. */
    static Tensor combinations(Tensor x, long r, boolean withReplacement) {
        checkVector(x);
        if (r < 0) {
            throw new TensorException("Expect a non-negative number, but got " + r);
        }
        if (r == 0) {
            return Tensor.empty(new long[] {0}, x.dtype(), x.device());
        }
        int n = Math.toIntExact(x.size(0));
        int k = Math.toIntExact(r);
        List<long[]> columns = new ArrayList<>();
        List<int[]> tuples = new ArrayList<>();
        int[] idx = new int[k];
        // Start at (0, 1, 2, ...) or (0, 0, 0, ...) and step to the next tuple in lexicographic order.
        for (int i = 0; i < k; i++) {
            idx[i] = withReplacement ? 0 : i;
        }
        while (n > 0 && idx[k - 1] < n) {
            tuples.add(idx.clone());
            int p = k - 1;
            while (p >= 0 && idx[p] >= n - 1 - (withReplacement ? 0 : k - 1 - p)) {
                p--;
            }
            if (p < 0) {
                break;
            }
            idx[p]++;
            for (int q = p + 1; q < k; q++) {
                idx[q] = withReplacement ? idx[p] : idx[q - 1] + 1;
            }
        }
        for (int c = 0; c < k; c++) {
            long[] col = new long[tuples.size()];
            for (int t = 0; t < col.length; t++) {
                col[t] = tuples.get(t)[c];
            }
            columns.add(col);
        }
        Tensor[] parts = new Tensor[k];
        for (int c = 0; c < k; c++) {
            parts[c] = x.indexSelect(0, Tensor.fromArray(columns.get(c), columns.get(c).length).to(x.device()));
        }
        return Tensor.stack(parts, 1);
    }

    /** {@code tril_indices} ({@code lower}) or {@code triu_indices}: the [2, N] coordinates, row by row. */
    static Tensor triangleIndices(long row, long col, long offset, DType dtype, boolean lower) {
        if (row < 0) {
            throw new TensorException("row must be non-negative, got" + row);
        }
        if (col < 0) {
            throw new TensorException("col must be non-negative, got" + col);
        }
        if (dtype != DType.INT64 && dtype != DType.INT32) {
            throw new TensorException("tril_indices/triu_indices give int64 or int32 coordinates, not " + dtype);
        }
        List<long[]> pairs = new ArrayList<>();
        for (long i = 0; i < row; i++) {
            for (long j = 0; j < col; j++) {
                if (lower ? j - i <= offset : j - i >= offset) {
                    pairs.add(new long[] {i, j});
                }
            }
        }
        long[] data = new long[2 * pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            data[p] = pairs.get(p)[0];
            data[pairs.size() + p] = pairs.get(p)[1];
        }
        return Tensor.fromArray(data, 2, pairs.size()).to(dtype);
    }

    /** {@code torch.kron}: {@code a} laid out as [a0, 1, a1, 1, ...] times {@code b} as [1, b0, 1, b1, ...]. */
    static Tensor kron(Tensor a, Tensor b) {
        int nd = Math.max(a.dim(), b.dim());
        long[] sa = padLeading(a.shape(), nd);
        long[] sb = padLeading(b.shape(), nd);
        long[] ia = new long[2 * nd];
        long[] ib = new long[2 * nd];
        long[] out = new long[nd];
        for (int i = 0; i < nd; i++) {
            ia[2 * i] = sa[i];
            ia[2 * i + 1] = 1;
            ib[2 * i] = 1;
            ib[2 * i + 1] = sb[i];
            out[i] = sa[i] * sb[i];
        }
        return a.reshape(ia).mul(b.reshape(ib)).reshape(out);
    }

    /** {@code shape} with {@code size} inserted at position {@code at}. */
    private static long[] insertDim(long[] shape, int at, long size) {
        long[] r = new long[shape.length + 1];
        System.arraycopy(shape, 0, r, 0, at);
        r[at] = size;
        System.arraycopy(shape, at, r, at + 1, shape.length - at);
        return r;
    }

    private static long[] padLeading(long[] shape, int nd) {
        long[] r = new long[nd];
        Arrays.fill(r, 1);
        System.arraycopy(shape, 0, r, nd - shape.length, shape.length);
        return r;
    }
}
