package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.TensorIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Indexing, gather and scatter: the device-neutral half. Everything here validates (item kinds,
 * dtypes, shapes, index bounds) and lays out operands; the element work is one of two backend
 * primitives, {@code indexGather} and {@code indexPut}, so every write is checked before it starts.
 *
 * <p>An index is applied the way PyTorch applies {@code x[items]}: the basic items (integers,
 * slices, ellipsis, new axes) first, as view ops on the tensor ({@code select}, {@code slice},
 * {@code unsqueeze}), which leaves the tensor items aligned with dims of that view. A bool mask
 * over {@code k} dims becomes the {@code k} columns of its {@code nonzero()}. The integer index
 * tensors broadcast together to a shape {@code B}; when they index adjacent dims, {@code B} takes
 * their place in the result, otherwise it goes first. The source is then restrided over the result
 * shape (stride 0 on the dims of {@code B}) and each index tensor is broadcast over it, so the
 * primitive's iterator only adds {@code index * stride} per indexed dim.
 *
 * <p>One deliberate difference from PyTorch 1.13: a bool mask over {@code k > 1} dims followed by
 * further items consumes {@code k} dims, as in NumPy (PyTorch advances by one dim there and then
 * fails with a mask-shape error, its issue 71673).
 */
final class Indexing {
    private Indexing() {}

    // ------------------------------------------------------------------ basic items

    /** The basic items applied: a view, and the tensor items aligned with the view's dims. */
    private static final class Sliced {
        Tensor view;
        /** Per view dim: the tensor item starting at that dim, or null. */
        final List<Tensor> tensors = new ArrayList<>();
        /** Per view dim: the dim of the indexed tensor a tensor item starts at (for messages). */
        final List<Integer> origDims = new ArrayList<>();
        boolean advanced;

        void record(int dim, Tensor t, int origDim) {
            while (tensors.size() <= dim) {
                tensors.add(null);
                origDims.add(-1);
            }
            tensors.set(dim, t);
            origDims.set(dim, origDim);
            advanced = true;
        }
    }

    private static Sliced applyBasic(Tensor self, Index[] items) {
        int specified = 0;
        int ellipses = 0;
        for (Index item : items) {
            switch (item) {
                case null -> throw new TensorException("an index item is null: use Index.newAxis() for Python's None");
                case Index.At _ -> specified++;
                case Index.Slice _ -> specified++;
                case Index.TensorIndex t -> specified += t.tensor().dtype() == DType.BOOL ? t.tensor().dim() : 1;
                case Index.Ellipsis _ -> ellipses++;
                case Index.NewAxis _ -> { }
            }
        }
        if (ellipses > 1) {
            throw new TensorException("an index can only have a single ellipsis, got " + Arrays.toString(items));
        }
        if (specified > self.dim()) {
            throw new TensorException("too many indices for tensor of dimension " + self.dim() + " (got "
                    + specified + " in " + Arrays.toString(items) + " for shape " + Arrays.toString(self.shape()) + ")");
        }
        Sliced s = new Sliced();
        Tensor view = self;
        int dim = 0;
        int orig = 0;
        for (int i = 0; i < items.length; i++) {
            switch (items[i]) {
                case Index.At a -> {
                    view = select(view, dim, a.index(), orig);
                    orig++;
                }
                case Index.Slice sl -> {
                    view = view.slice(dim, sl.startOrDefault(), sl.stopOrDefault(), sl.stepOrDefault());
                    dim++;
                    orig++;
                }
                case Index.Ellipsis _ -> {
                    dim += self.dim() - specified;
                    orig += self.dim() - specified;
                }
                case Index.NewAxis _ -> {
                    view = view.unsqueeze(dim);
                    dim++;
                }
                case Index.TensorIndex ti -> {
                    Tensor t = checkIndexTensor(ti.tensor(), view, i);
                    if (t.dim() == 0 && t.dtype() != DType.BOOL) {
                        // A 0-d integer tensor is an integer, as in PyTorch: a view.
                        view = select(view, dim, t.itemLong(), orig);
                        orig++;
                    } else if (t.dim() == 0) {
                        // A 0-d mask adds a dim of size 1 and keeps all (true) or nothing (false) of it.
                        view = view.unsqueeze(dim);
                        long[] pick = t.itemBoolean() ? new long[] {0} : new long[0];
                        s.record(dim, Tensor.fromArray(pick, pick.length).to(view.device()), orig);
                        dim++;
                    } else if (t.dtype() == DType.BOOL) {
                        s.record(dim, t, orig);
                        dim += t.dim();
                        orig += t.dim();
                    } else {
                        s.record(dim, t, orig);
                        dim++;
                        orig++;
                    }
                }
                case null -> throw new IllegalStateException();
            }
        }
        s.view = view;
        return s;
    }

    private static Tensor select(Tensor view, int dim, long index, int origDim) {
        long size = view.size(dim);
        if (index < -size || index >= size) {
            throw new TensorException("index " + index + " is out of bounds for dimension " + origDim
                    + " with size " + size);
        }
        return view.select(dim, index);
    }

    /** The index tensor, moved to the indexed tensor's device when it is on the CPU. */
    private static Tensor checkIndexTensor(Tensor t, Tensor self, int position) {
        if (t.dtype() == DType.UINT8) {
            // PyTorch's legacy byte masks: a uint8 index tensor selects where it is non-zero, as a bool mask does.
            t = t.ne(0L);
        }
        DType dt = t.dtype();
        if (dt != DType.INT64 && dt != DType.INT32 && dt != DType.BOOL) {
            throw new TensorException("tensors used as indices must be long, int, byte or bool tensors, got "
                    + dt + " at index position " + position);
        }
        if (t.device().equals(self.device())) {
            return t;
        }
        if (!t.device().equals(Device.CPU)) {
            throw new TensorException("indices should be either on cpu or on the same device as the indexed tensor ("
                    + self.device() + "), got an index on " + t.device() + " at index position " + position);
        }
        return t.to(self.device());
    }

    // ------------------------------------------------------------------ advanced layout

    /**
     * Advanced indices laid out over the result: the view they index, the result shape, the view's
     * strides over it (0 on the broadcast index dims), the int64 index tensors broadcast over it,
     * and per index tensor the size and stride of the dim it indexes.
     */
    private record Advanced(Tensor view, long[] resultShape, long[] viewStrides, Tensor[] indexViews,
            long[] sizes, long[] strides, Index[] items) {}

    private static Advanced advanced(Sliced s, Tensor avoidStorage) {
        Tensor view = s.view;
        int nd = view.dim();
        Tensor[] idx = new Tensor[nd];
        int[] orig = new int[nd];
        boolean[] fromMask = new boolean[nd];
        for (int p = 0; p < s.tensors.size(); p++) {
            Tensor t = s.tensors.get(p);
            if (t == null) {
                continue;
            }
            int o = s.origDims.get(p);
            if (t.dtype() == DType.BOOL) {
                for (int j = 0; j < t.dim(); j++) {
                    if (t.size(j) != view.size(p + j)) {
                        throw new TensorException("The shape of the mask " + Arrays.toString(t.shape()) + " at index " + j
                                + " does not match the shape of the indexed tensor " + Arrays.toString(view.shape())
                                + " at index " + (p + j));
                    }
                }
                Tensor nz = nonzero(t);
                for (int j = 0; j < t.dim(); j++) {
                    idx[p + j] = nz.select(1, j);
                    orig[p + j] = o + j;
                    fromMask[p + j] = true;
                }
            } else {
                idx[p] = t.dtype() == DType.INT64 ? t : t.to(DType.INT64);
                orig[p] = o;
            }
        }
        // Broadcast the index tensors together (PyTorch's message lists every shape).
        long[] b = null;
        for (Tensor t : idx) {
            if (t == null) {
                continue;
            }
            if (b == null) {
                b = t.shape();
            } else if (Shapes.broadcastable(b, t.shape())) {
                b = Shapes.broadcast(b, t.shape());
            } else {
                StringBuilder shapes = new StringBuilder();
                for (Tensor u : idx) {
                    if (u != null) {
                        shapes.append(shapes.isEmpty() ? "" : ", ").append(Arrays.toString(u.shape()));
                    }
                }
                throw new TensorException("shape mismatch: indexing tensors could not be broadcast together with shapes "
                        + shapes);
            }
        }
        for (int p = 0; p < nd; p++) {
            if (idx[p] != null && !fromMask[p]) {
                checkBounds(idx[p], -view.size(p), view.size(p), orig[p]);
                if (avoidStorage != null && idx[p].sharesStorage(avoidStorage)) {
                    idx[p] = idx[p].clone();
                }
            }
        }
        // Where the broadcast dims go: in place of adjacent indexed dims, else first.
        int first = -1;
        int last = -1;
        boolean adjacent = true;
        int k = 0;
        for (int p = 0; p < nd; p++) {
            if (idx[p] != null) {
                if (first < 0) {
                    first = p;
                } else if (p != last + 1) {
                    adjacent = false;
                }
                last = p;
                k++;
            }
        }
        int bStart = adjacent ? first : 0;
        int rank = nd - k + b.length;
        long[] shape = new long[rank];
        long[] strides = new long[rank];
        int r = 0;
        if (!adjacent) {
            r = b.length;
        }
        for (int p = 0; p < nd; p++) {
            if (idx[p] != null) {
                if (adjacent && p == first) {
                    r += b.length;
                }
                continue;
            }
            shape[r] = view.size(p);
            strides[r] = view.stride(p);
            r++;
        }
        System.arraycopy(b, 0, shape, bStart, b.length);
        Tensor[] views = new Tensor[k];
        long[] sizes = new long[k];
        long[] dimStrides = new long[k];
        Index[] items = new Index[nd];
        int j = 0;
        for (int p = 0; p < nd; p++) {
            if (idx[p] == null) {
                items[p] = Index.all();
                continue;
            }
            Tensor t = idx[p];
            items[p] = Index.tensor(t);
            long[] st = new long[rank];
            int shift = b.length - t.dim();
            for (int d = 0; d < t.dim(); d++) {
                if (t.size(d) != 1) {
                    st[bStart + shift + d] = t.stride(d);
                }
            }
            views[j] = new Tensor(t.storage(), shape, st, t.storageOffset());
            sizes[j] = view.size(p);
            dimStrides[j] = view.stride(p);
            j++;
        }
        return new Advanced(view, shape, strides, views, sizes, dimStrides, items);
    }

    /** Checks that every value of an integer index tensor lies in {@code [lo, size)}. */
    private static void checkBounds(Tensor index, long lo, long size, int dim) {
        if (index.numel() == 0) {
            return;
        }
        Object host = index.toHostArray();
        switch (host) {
            case long[] v -> {
                for (long x : v) {
                    if (x < lo || x >= size) {
                        throw outOfBounds(x, dim, size);
                    }
                }
            }
            case int[] v -> {
                for (int x : v) {
                    if (x < lo || x >= size) {
                        throw outOfBounds(x, dim, size);
                    }
                }
            }
            default -> throw new IllegalStateException("index dtype " + index.dtype());
        }
    }

    private static TensorException outOfBounds(long index, int dim, long size) {
        return new TensorException("index " + index + " is out of bounds for dimension " + dim + " with size " + size);
    }

    // ------------------------------------------------------------------ index and indexPut

    static Tensor index(Tensor self, Index[] items) {
        Sliced s = applyBasic(self, items);
        if (!s.advanced) {
            // x[...] and x[()] still give a new view object, as PyTorch's alias does.
            return s.view == self ? self.view(self.shape()) : s.view;
        }
        Advanced a = advanced(s, null);
        Tensor out = Tensor.emptyUninitialized(a.resultShape, a.view.dtype(), a.view.device());
        gather(out, a.view, a.viewStrides, a.indexViews, a.sizes, a.strides);
        return Autograd.record(Primitive.INDEX, out, new Tensor[] {a.view}, a.view.shape(), a.items);
    }

    private static void gather(Tensor out, Tensor src, long[] srcStrides, Tensor[] indices, long[] sizes, long[] strides) {
        Tensor restrided = new Tensor(src.storage(), out.shape(), srcStrides, src.storageOffset());
        Tensor[] inputs = new Tensor[indices.length + 1];
        inputs[0] = restrided;
        System.arraycopy(indices, 0, inputs, 1, indices.length);
        src.backend().indexGather(TensorIterator.of(out, inputs), sizes, strides);
    }

    /**
     * Writes {@code values} (already of the destination's dtype, and broadcastable to the indexed
     * shape) into {@code view} at the indexed positions.
     */
    private static void put(Tensor view, long[] shape, long[] dstStrides, Tensor[] indices, long[] sizes, long[] strides,
            Tensor values, boolean accumulate, double alpha) {
        Tensor dst = new Tensor(view.storage(), shape, dstStrides, view.storageOffset());
        Tensor vals = values.expand(shape);
        if (vals.sharesStorage(view) || hasInternalOverlap(vals)) {
            vals = vals.clone();
        }
        Tensor[] inputs = new Tensor[indices.length + 1];
        inputs[0] = dst;
        System.arraycopy(indices, 0, inputs, 1, indices.length);
        view.backend().indexPut(TensorIterator.of(vals, inputs), sizes, strides, accumulate, alpha);
        view.storage().bumpVersion();
    }

    private static boolean hasInternalOverlap(Tensor t) {
        for (int d = 0; d < t.dim(); d++) {
            if (t.size(d) > 1 && t.stride(d) == 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code self[items] = value} (or {@code +=} with accumulate), in place, without recording. */
    private static void indexPutRaw(Tensor self, Index[] items, Tensor value0, boolean accumulate) {
        // The value is expanded below, so a CPU scalar (which PyTorch accepts) moves to self's device first.
        Tensor value = TensorIterator.joinDevice(value0, self.device(), "index_put_");
        TensorIterator.checkNoInternalOverlap(self);
        try (var _ = new Creation.NoGradScope()) {
            Tensor v = value.dtype() == self.dtype() ? value : value.to(self.dtype());
            Sliced s = applyBasic(self, items);
            if (!s.advanced) {
                long[] shape = s.view.shape();
                // expand gives PyTorch's message for a value that does not fit.
                Tensor vv = stripLeadingOnes(v, shape.length).expand(shape);
                if (accumulate) {
                    put(s.view, shape, s.view.stride(), new Tensor[0], new long[0], new long[0], vv, true, 1);
                } else {
                    s.view.copy_(vv);
                }
                return;
            }
            Advanced a = advanced(s, self);
            Tensor vv = stripLeadingOnes(v, a.resultShape.length);
            if (!broadcastsTo(vv.shape(), a.resultShape)) {
                throw new TensorException("shape mismatch: value tensor of shape " + Arrays.toString(value.shape())
                        + " cannot be broadcast to indexing result of shape " + Arrays.toString(a.resultShape));
            }
            put(a.view, a.resultShape, a.viewStrides, a.indexViews, a.sizes, a.strides, vv, accumulate, 1);
        }
    }

    /** Drops leading size-1 dims beyond {@code rank}, as Python's {@code x[idx] = v} does. */
    private static Tensor stripLeadingOnes(Tensor v, int rank) {
        Tensor r = v;
        while (r.dim() > rank && r.size(0) == 1) {
            r = r.squeeze(0);
        }
        return r;
    }

    private static boolean broadcastsTo(long[] from, long[] to) {
        if (from.length > to.length) {
            return false;
        }
        for (int i = 1; i <= from.length; i++) {
            long f = from[from.length - i];
            if (f != 1 && f != to[to.length - i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code indexPut_} / {@code indexPut}: the write, then one INDEX_PUT record. */
    static Tensor indexPut(Tensor self, Index[] items, Tensor value, boolean accumulate, boolean inPlace) {
        Index[] its = items.clone();
        if (inPlace) {
            self.checkInPlaceAllowed("indexPut_");
        }
        Tensor target = inPlace ? self : rawClone(self);
        indexPutRaw(target, its, value, accumulate);
        return Autograd.record(Primitive.INDEX_PUT, target, new Tensor[] {self, value}, its, accumulate);
    }

    /** A copy of {@code self} that no autograd node produced, for the out-of-place variants. */
    private static Tensor rawClone(Tensor self) {
        Tensor out = Tensor.empty(self.shape(), self.dtype(), self.device());
        self.backend().copy(TensorIterator.of(out, self));
        return out;
    }

    // ------------------------------------------------------------------ nonzero, maskedSelect, take

    static Tensor nonzero(Tensor self) {
        Tensor c;
        try (var _ = new Creation.NoGradScope()) {
            c = self.contiguous();
        }
        long n = self.backend().countNonzero(c);
        Tensor out = Tensor.empty(new long[] {n, self.dim()}, DType.INT64, self.device());
        if (n > 0) {
            self.backend().nonzero(c, out);
        }
        return out;
    }

    static Tensor[] nonzeroAsTuple(Tensor self) {
        Tensor nz = nonzero(atLeast1d(self));
        Tensor[] out = new Tensor[(int) nz.size(1)];
        for (int j = 0; j < out.length; j++) {
            out[j] = nz.select(1, j);
        }
        return out;
    }

    static Tensor maskedSelect(Tensor self, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new TensorException("masked_select: expected BoolTensor for mask, got " + mask.dtype());
        }
        self.checkSameDevice(mask, "masked_select");
        long[] shape = Shapes.broadcast(self.shape(), mask.shape());
        Tensor m;
        try (var _ = new Creation.NoGradScope()) {
            m = mask.expand(shape);
        }
        return index(self.expand(shape), new Index[] {Index.tensor(m)});
    }

    static Tensor take(Tensor self, Tensor index) {
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new TensorException("take(): Expected a long tensor for index, but got " + index.dtype());
        }
        return index(self.reshape(-1), new Index[] {Index.tensor(index)});
    }

    static Tensor takeAlongDim(Tensor self, Tensor indices, long dim) {
        checkIntegerIndex(indices, "take_along_dim(): dtype of indices should be int64 or int32");
        if (self.dim() != indices.dim()) {
            throw new TensorException("torch.take_along_dim(): input and indices should have the same number of "
                    + "dimensions, but got " + self.dim() + " dimensions for input, and " + indices.dim()
                    + " dimensions for indices");
        }
        int d = Shapes.normalizeDim(dim, self.dim());
        if (self.dim() == 0) {
            return gather(self, d, indices);
        }
        long[] selfSizes = self.shape();
        selfSizes[d] = indices.size(d);
        long[] shape = Shapes.broadcast(selfSizes, indices.shape());
        long[] expandSelf = shape.clone();
        expandSelf[d] = self.size(d);
        Tensor idx;
        try (var _ = new Creation.NoGradScope()) {
            idx = indices.expand(shape);
        }
        return gather(self.expand(expandSelf), d, idx);
    }

    // ------------------------------------------------------------------ gather family

    private static void checkIntegerIndex(Tensor index, String message) {
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new TensorException(message + ", got " + index.dtype());
        }
    }

    /** A 0-d tensor as a 1-element 1-d view, other tensors as they are (PyTorch's ensure_nonempty_dim). */
    private static Tensor atLeast1d(Tensor t) {
        return t.dim() == 0 ? new Tensor(t.storage(), new long[] {1}, new long[] {1}, t.storageOffset()) : t;
    }

    private static Tensor asInt64(Tensor index) {
        return index.dtype() == DType.INT64 ? index : index.to(DType.INT64);
    }

    /** The strides of {@code t} with the stride of {@code dim} set to 0. */
    private static long[] zeroStride(Tensor t, int dim) {
        long[] st = t.stride();
        st[dim] = 0;
        return st;
    }

    static Tensor gather(Tensor self, long dim, Tensor index) {
        int d = Shapes.normalizeDim(dim, self.dim());
        checkIntegerIndex(index, "gather(): Expected dtype int64 for index");
        self.checkSameDevice(index, "gather");
        Tensor s1 = atLeast1d(self);
        Tensor i1 = atLeast1d(asInt64(index));
        if (i1.dim() != s1.dim()) {
            throw new TensorException("Index tensor must have the same number of dimensions as input tensor: index shape "
                    + Arrays.toString(index.shape()) + ", input shape " + Arrays.toString(self.shape()));
        }
        for (int i = 0; i < s1.dim(); i++) {
            if (i != d && i1.size(i) > s1.size(i)) {
                throw new TensorException("Size does not match at dimension " + i + " expected index "
                        + Arrays.toString(index.shape()) + " to be smaller than self " + Arrays.toString(self.shape())
                        + " apart from dimension " + d);
            }
        }
        checkBounds(i1, 0, s1.size(d), d);
        Tensor out = Tensor.empty(index.shape(), self.dtype(), self.device());
        gather(atLeast1d(out), s1, zeroStride(s1, d), new Tensor[] {i1}, new long[] {s1.size(d)},
                new long[] {s1.stride(d)});
        return Autograd.record(Primitive.GATHER, out, new Tensor[] {self}, d, asInt64(index), self.shape());
    }

    static Tensor indexSelect(Tensor self, long dim, Tensor index) {
        if (index.dim() > 1) {
            throw new TensorException("index_select(): Index is supposed to be a vector, got shape "
                    + Arrays.toString(index.shape()));
        }
        checkIntegerIndex(index, "index_select(): Expected dtype int32 or int64 for index");
        self.checkSameDevice(index, "index_select");
        int d = Shapes.normalizeDim(dim, self.dim());
        long n = index.numel();
        if (self.dim() == 0 && n != 1) {
            throw new TensorException("index_select(): Index to scalar can have only 1 value, got " + n + " value(s)");
        }
        Tensor s1 = atLeast1d(self);
        Tensor i1 = atLeast1d(asInt64(index));
        checkBounds(i1, 0, s1.size(d), d);
        long[] shape = s1.shape();
        shape[d] = n;
        Tensor out = Tensor.empty(self.dim() == 0 ? new long[0] : shape, self.dtype(), self.device());
        long[] idxStrides = new long[shape.length];
        idxStrides[d] = i1.stride(0);
        Tensor idx = new Tensor(i1.storage(), shape, idxStrides, i1.storageOffset());
        gather(atLeast1d(out), s1, zeroStride(s1, d), new Tensor[] {idx}, new long[] {s1.size(d)},
                new long[] {s1.stride(d)});
        return Autograd.record(Primitive.INDEX_SELECT, out, new Tensor[] {self}, d, i1, self.shape());
    }

    /** scatter, scatterAdd and their in-place variants; {@code src} null means the scalar {@code value}. */
    static Tensor scatter(Tensor self, long dim, Tensor index, Tensor src, double value, boolean add, boolean inPlace) {
        String op = add ? "scatter_add" : "scatter";
        if (inPlace) {
            self.checkInPlaceAllowed(op + "_");
        }
        Tensor target = inPlace ? self : rawClone(self);
        scatterRaw(target, dim, index, src, value, add, op);
        Tensor[] inputs = src == null ? new Tensor[] {self} : new Tensor[] {self, src};
        return Autograd.record(add ? Primitive.SCATTER_ADD : Primitive.SCATTER, target, inputs,
                Shapes.normalizeDim(dim, self.dim()), asInt64(index));
    }

    private static void scatterRaw(Tensor self, long dim, Tensor index, Tensor src, double value, boolean add, String op) {
        int d = Shapes.normalizeDim(dim, self.dim());
        checkIntegerIndex(index, op + "(): Expected dtype int64 for index");
        self.checkSameDevice(index, op);
        if (src != null) {
            self.checkSameDevice(src, op);
            if (src.dtype() != self.dtype()) {
                throw new TensorException(op + "(): Expected self.dtype to be equal to src.dtype, got " + self.dtype()
                        + " and " + src.dtype());
            }
        }
        Tensor s1 = atLeast1d(self);
        Tensor i1 = atLeast1d(asInt64(index));
        if (i1.dim() != s1.dim()) {
            throw new TensorException("Index tensor must have the same number of dimensions as self tensor: index shape "
                    + Arrays.toString(index.shape()) + ", self shape " + Arrays.toString(self.shape()));
        }
        Tensor src1 = src == null ? null : atLeast1d(src);
        if (src1 != null && src1.dim() != i1.dim()) {
            throw new TensorException("Index tensor must have the same number of dimensions as src tensor: index shape "
                    + Arrays.toString(index.shape()) + ", src shape " + Arrays.toString(src.shape()));
        }
        for (int i = 0; i < s1.dim(); i++) {
            if ((i != d && i1.size(i) > s1.size(i)) || (src1 != null && i1.size(i) > src1.size(i))) {
                throw new TensorException("Expected index " + Arrays.toString(index.shape())
                        + " to be smaller than self " + Arrays.toString(self.shape()) + " apart from dimension " + d
                        + (src1 == null ? "" : " and to be smaller size than src " + Arrays.toString(src.shape())));
            }
        }
        checkBounds(i1, 0, s1.size(d), d);
        TensorIterator.checkNoInternalOverlap(self);
        long[] shape = i1.shape();
        try (var _ = new Creation.NoGradScope()) {
            Tensor values = src1 == null
                    ? Tensor.empty(shape, self.dtype(), self.device()).fill_(value)
                    : new Tensor(src1.storage(), shape, src1.stride(), src1.storageOffset());
            if (i1.sharesStorage(self)) {
                i1 = i1.clone();
            }
            put(s1, shape, zeroStride(s1, d), new Tensor[] {i1}, new long[] {s1.size(d)}, new long[] {s1.stride(d)},
                    values, add, 1);
        }
    }

    /** indexAdd and indexAdd_: {@code self[..., index[i], ...] += alpha * source[..., i, ...]} along {@code dim}. */
    static Tensor indexAdd(Tensor self, long dim, Tensor index, Tensor source, double alpha, boolean inPlace) {
        if (inPlace) {
            self.checkInPlaceAllowed("index_add_");
        }
        Tensor target = inPlace ? self : rawClone(self);
        indexAddRaw(target, dim, index, source, alpha);
        return Autograd.record(Primitive.INDEX_ADD, target, new Tensor[] {self, source},
                Shapes.normalizeDim(dim, self.dim()), atLeast1d(asInt64(index)), alpha);
    }

    private static void indexAddRaw(Tensor self, long dim, Tensor index, Tensor source, double alpha) {
        if (index.dim() > 1) {
            throw new TensorException("index_add_(): Index is supposed to be a vector, got shape "
                    + Arrays.toString(index.shape()));
        }
        checkIntegerIndex(index, "index_add_(): Expected dtype int32/int64 for index");
        self.checkSameDevice(index, "index_add_");
        self.checkSameDevice(source, "index_add_");
        if (source.dtype() != self.dtype()) {
            throw new TensorException("index_add_(): self (" + self.dtype() + ") and source (" + source.dtype()
                    + ") must have the same scalar type");
        }
        if (!self.dtype().isFloatingPoint() && alpha != Math.rint(alpha)) {
            throw new TensorException("For integral input tensors, argument alpha must not be a floating point number, got "
                    + alpha);
        }
        int d = Shapes.normalizeDim(dim, self.dim());
        Tensor s1 = atLeast1d(self);
        Tensor src1 = atLeast1d(source);
        long[] selfSlice = removeDim(s1.shape(), d);
        long[] srcSlice = src1.dim() == s1.dim() ? removeDim(src1.shape(), d) : null;
        if (srcSlice == null || !Arrays.equals(selfSlice, srcSlice)) {
            throw new TensorException("index_add_(): Source/destination tensor must have same slice shapes. "
                    + "Destination slice shape: " + Arrays.toString(selfSlice) + " at dimension " + d
                    + " and source slice shape: " + Arrays.toString(src1.dim() > 0 ? removeDim(src1.shape(), 0)
                    : src1.shape()) + " at dimension 0 (self shape " + Arrays.toString(self.shape())
                    + ", source shape " + Arrays.toString(source.shape()) + ")");
        }
        long n = index.numel();
        if (n != src1.size(d)) {
            throw new TensorException("index_add_(): Number of indices (" + n + ") should be equal to source.size(dim): ("
                    + src1.size(d) + "), for dim: " + d);
        }
        Tensor i1 = atLeast1d(asInt64(index));
        checkBounds(i1, 0, s1.size(d), d);
        TensorIterator.checkNoInternalOverlap(self);
        long[] shape = src1.shape();
        long[] idxStrides = new long[shape.length];
        idxStrides[d] = i1.stride(0);
        try (var _ = new Creation.NoGradScope()) {
            if (i1.sharesStorage(self)) {
                i1 = i1.clone();
            }
            Tensor idx = new Tensor(i1.storage(), shape, idxStrides, i1.storageOffset());
            put(s1, shape, zeroStride(s1, d), new Tensor[] {idx}, new long[] {s1.size(d)}, new long[] {s1.stride(d)},
                    src1, true, alpha);
        }
    }

    private static long[] removeDim(long[] shape, int d) {
        long[] r = new long[shape.length - 1];
        System.arraycopy(shape, 0, r, 0, d);
        System.arraycopy(shape, d + 1, r, d, shape.length - d - 1);
        return r;
    }
}
