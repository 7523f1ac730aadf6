package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.GradNode;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import java.util.Arrays;

/**
 * A strided, n-dimensional array with PyTorch's semantics.
 *
 * <p>A tensor is a view of a {@link Storage}: element {@code (i0, i1, ...)} lives at storage index
 * {@code storageOffset + i0*stride[0] + i1*stride[1] + ...}. Views ({@link #view}, {@link #transpose},
 * {@link #select}, slicing, {@link #expand}, ...) share the storage, so writing through a view is
 * visible in its base. Layout invariants, kept by every op:
 * <ol>
 *   <li>{@code shape} and {@code stride} have the same length, the tensor's {@link #dim()}; sizes are
 *       {@code >= 0}.</li>
 *   <li>Every reachable storage index lies in {@code [0, storage.size())}.</li>
 *   <li>The element count fits an int: a storage holds at most {@code 2^31 - 9} elements.</li>
 *   <li>A view with stride 0 on a dim of size &gt; 1 (from {@link #expand}) is read-only for ops
 *       that write: they reject it.</li>
 * </ol>
 *
 * <p>CPU tensors are plain garbage-collected objects: nothing to close.
 */
public final class Tensor {
    private final Storage storage;
    private final long[] shape;
    private final long[] strides;
    private final long offset;
    private boolean requiresGrad;
    private Tensor grad;
    private GradNode gradFn;
    private int outputNr;

    /**
     * A tensor over {@code storage} with the given layout; the layout is validated against the
     * storage's size.
     */
    public Tensor(Storage storage, long[] shape, long[] strides, long offset) {
        this(storage, shape.clone(), strides.clone(), offset, true);
    }

    /**
     * The public constructor without its copies: the tensor takes ownership of {@code shape} and
     * {@code strides}, which must be arrays nobody writes afterwards (fresh ones, or another
     * tensor's: a tensor never writes its own). The layout is validated all the same.
     */
    private Tensor(Storage storage, long[] shape, long[] strides, long offset, boolean owned) {
        if (shape.length != strides.length) {
            throw new TensorException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in length");
        }
        long lo = offset;
        long hi = offset;
        boolean empty = false;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) {
                throw new TensorException("negative size " + shape[d] + " in shape " + Arrays.toString(shape));
            }
            if (shape[d] == 0) {
                empty = true;
            } else if (strides[d] >= 0) {
                hi += (shape[d] - 1) * strides[d];
            } else {
                lo += (shape[d] - 1) * strides[d];
            }
        }
        if (!empty && (lo < 0 || hi >= storage.size())) {
            throw new TensorException("layout shape " + Arrays.toString(shape) + " strides "
                    + Arrays.toString(strides) + " offset " + offset + " reaches outside a storage of "
                    + storage.size() + " elements");
        }
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ------------------------------------------------------------------ layout accessors

    /** The storage this tensor views. */
    public Storage storage() {
        return storage;
    }

    /** The element type. */
    public DType dtype() {
        return storage.dtype();
    }

    /** The device of the storage. */
    public Device device() {
        return storage.device();
    }

    /** The sizes of the dims (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Same as {@link #shape()}, PyTorch's {@code size()}. */
    public long[] size() {
        return shape.clone();
    }

    /** The size of one dim (negative dims count from the end). */
    public long size(long dim) {
        return shape[Shapes.normalizeDim(dim, shape.length)];
    }

    /** The element strides of the dims (a copy). */
    public long[] stride() {
        return strides.clone();
    }

    /** The element stride of one dim (negative dims count from the end). */
    public long stride(long dim) {
        return strides[Shapes.normalizeDim(dim, shape.length)];
    }

    /** The storage index of the first element. */
    public long storageOffset() {
        return offset;
    }

    /** Whether the shape equals {@code s}, without copying it. */
    boolean hasShape(long[] s) {
        return Arrays.equals(shape, s);
    }

    /** The number of dims. */
    public int dim() {
        return shape.length;
    }

    /** The number of elements. */
    public long numel() {
        return Shapes.numel(shape);
    }

    /** Whether the elements are laid out row-major without gaps (size-1 dims may have any stride). */
    public boolean isContiguous() {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 0) {
                return true;
            }
            if (shape[d] != 1) {
                if (strides[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        }
        return true;
    }

    /** The backend of this tensor's device. */
    Backend backend() {
        return device().backend();
    }

    // ------------------------------------------------------------------ creation

    /**
     * A tensor from Java data with PyTorch's dtype inference: nested arrays of {@code int}/{@code long}
     * give int64, of {@code float}/{@code double} give float32, of {@code boolean} give bool; boxed
     * {@link Number}s and {@link java.util.List}s are accepted too, and a single number gives a 0-d tensor.
     *
     * @throws TensorException for ragged nesting (naming the expected and found lengths) or unsupported types
     */
    public static Tensor tensor(Object data) {
        return Creation.fromData(data, null);
    }

    /** A tensor from Java data converted to {@code dtype}. */
    public static Tensor tensor(Object data, DType dtype) {
        return Creation.fromData(data, dtype);
    }

    /** A 0-d float32 tensor. */
    public static Tensor scalar(double value) {
        return Creation.fromData(value, DType.FLOAT32);
    }

    /** A 0-d tensor of the given dtype. */
    public static Tensor scalar(double value, DType dtype) {
        return Creation.fromData(value, dtype);
    }

    /** A 0-d int64 tensor. */
    public static Tensor scalar(long value) {
        return Creation.fromData(value, DType.INT64);
    }

    /** A 0-d bool tensor. */
    public static Tensor scalar(boolean value) {
        return Creation.fromData(value, DType.BOOL);
    }

    /** A 1-D tensor holding a copy of a primitive array ({@code float[]}, {@code double[]}, {@code long[]}, {@code int[]}, {@code boolean[]}). */
    public static Tensor fromArray(Object array) {
        return new Tensor(dev.jtensor.core.spi.Backends.cpu().fromHost(array),
                new long[] {java.lang.reflect.Array.getLength(array)}, new long[] {1}, 0);
    }

    /** A tensor holding a copy of a primitive array, viewed as {@code shape} (an empty shape gives a 0-d tensor). */
    public static Tensor fromArray(Object array, long... shape) {
        Tensor flat = fromArray(array);
        return shape.length == 1 && shape[0] == flat.numel() ? flat : flat.view(shape);
    }

    /** An uninitialised-by-contract (here: zero-filled) contiguous tensor on a device. */
    public static Tensor empty(long[] shape, DType dtype, Device device) {
        long[] s = Shapes.checkShape(shape);
        // s is checkShape's copy: the new tensor owns it.
        return new Tensor(device.backend().allocate(dtype, Shapes.numel(s)), s, Shapes.contiguousStrides(s), 0, true);
    }

    /** A float32 tensor of zeros. */
    public static Tensor zeros(long... shape) {
        return zeros(shape, DType.FLOAT32);
    }

    /** A tensor of zeros of {@code dtype}. */
    public static Tensor zeros(long[] shape, DType dtype) {
        return empty(shape, dtype, Device.CPU);
    }

    /** A float32 tensor of ones. */
    public static Tensor ones(long... shape) {
        return full(shape, 1.0, DType.FLOAT32);
    }

    /** A tensor of ones of {@code dtype}. */
    public static Tensor ones(long[] shape, DType dtype) {
        return full(shape, 1.0, dtype);
    }

    /** A float32 tensor filled with {@code value} (PyTorch infers float32 for a float fill value). */
    public static Tensor full(long[] shape, double value) {
        return full(shape, value, DType.FLOAT32);
    }

    /** An int64 tensor filled with {@code value} (PyTorch infers int64 for an integer fill value). */
    public static Tensor full(long[] shape, long value) {
        return zeros(shape, DType.INT64).fill_(value);
    }

    /** A bool tensor filled with {@code value}. */
    public static Tensor full(long[] shape, boolean value) {
        return zeros(shape, DType.BOOL).fill_(value);
    }

    /** A tensor of {@code dtype} filled with {@code value}. */
    public static Tensor full(long[] shape, double value, DType dtype) {
        return zeros(shape, dtype).fill_(value);
    }

    /** {@code [0, 1, ..., end-1]} as int64. */
    public static Tensor arange(long end) {
        return arange(0, end, 1);
    }

    /** {@code [start, start+1, ..., end-1]} as int64. */
    public static Tensor arange(long start, long end) {
        return arange(start, end, 1);
    }

    /** int64 values from {@code start} up to (excluding) {@code end} by {@code step}. */
    public static Tensor arange(long start, long end, long step) {
        return Creation.arange(start, end, step, DType.INT64);
    }

    /** float32 values from {@code start} up to (excluding) {@code end} by {@code step}. */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.FLOAT32);
    }

    /** Values from {@code start} up to (excluding) {@code end} by {@code step}, of {@code dtype}. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return Creation.arange(start, end, step, dtype);
    }

    /** {@code steps} float32 values evenly spaced from {@code start} to {@code end} inclusive. */
    public static Tensor linspace(double start, double end, long steps) {
        return Creation.linspace(start, end, steps, DType.FLOAT32);
    }

    /** {@code steps} values of {@code dtype} evenly spaced from {@code start} to {@code end} inclusive. */
    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        return Creation.linspace(start, end, steps, dtype);
    }

    /** The float32 {@code n x n} identity. */
    public static Tensor eye(long n) {
        return eye(n, n, DType.FLOAT32);
    }

    /** The float32 {@code n x m} matrix with ones on the diagonal. */
    public static Tensor eye(long n, long m) {
        return eye(n, m, DType.FLOAT32);
    }

    /** The {@code n x m} matrix of {@code dtype} with ones on the diagonal. */
    public static Tensor eye(long n, long m, DType dtype) {
        if (n < 0 || m < 0) {
            throw new TensorException("eye: n and m must be non-negative, got n=" + n + ", m=" + m);
        }
        Tensor out = zeros(new long[] {n, m}, dtype);
        long k = Math.min(n, m);
        if (k > 0) {
            // The diagonal is a strided view with stride m + 1.
            new Tensor(out.storage, new long[] {k}, new long[] {m + 1}, 0).fill_(1L);
        }
        return out;
    }

    /** Zeros with this tensor's shape, dtype and device. */
    public static Tensor zerosLike(Tensor t) {
        return empty(t.shape, t.dtype(), t.device());
    }

    /** Ones with this tensor's shape, dtype and device. */
    public static Tensor onesLike(Tensor t) {
        return empty(t.shape, t.dtype(), t.device()).fill_(1L);
    }

    /** {@code value} with this tensor's shape, dtype and device. */
    public static Tensor fullLike(Tensor t, double value) {
        return empty(t.shape, t.dtype(), t.device()).fill_(value);
    }

    /** {@code value} with this tensor's shape and device, of {@code dtype}. */
    public static Tensor fullLike(Tensor t, double value, DType dtype) {
        return empty(t.shape, dtype, t.device()).fill_(value);
    }

    // ------------------------------------------------------------------ conversion and data access

    /** A copy converted to {@code dtype} (PyTorch's casts: float to integer truncates toward zero); this tensor if the dtype already matches. */
    public Tensor to(DType dtype) {
        if (dtype == dtype()) {
            return this;
        }
        Tensor out = empty(shape, dtype, device());
        TensorIterator it = TensorIterator.of(out, this);
        backend().copy(it);
        return requiresGrad ? Autograd.record(Primitive.CAST, out, new Tensor[] {this}, dtype()) : out;
    }

    /**
     * A copy on {@code target} (differentiable); this tensor if it is already there. As PyTorch's
     * {@code preserve_format}, a dense, non-overlapping tensor keeps its strides (a transposed tensor
     * arrives transposed); other layouts arrive contiguous.
     *
     * @param target the device
     * @return the tensor on {@code target}
     * @throws TensorException if {@code target} is not available (with the backend's reason)
     */
    public Tensor to(Device target) {
        if (target.equals(device())) {
            return this;
        }
        Tensor out;
        if (isDenseWithNonNegativeStrides()) {
            // PyTorch's preserve_format: a dense, non-overlapping tensor keeps its strides (a transposed
            // tensor stays transposed, so view() fails or succeeds on the device as it does here), and
            // only its own elements travel.
            Object host = backend().toHost(storage);
            if (offset != 0 || java.lang.reflect.Array.getLength(host) != numel()) {
                Object slice = java.lang.reflect.Array.newInstance(host.getClass().getComponentType(), (int) numel());
                System.arraycopy(host, (int) offset, slice, 0, (int) numel());
                host = slice;
            }
            out = new Tensor(target.backend().fromHost(host), shape, strides.clone(), 0);
        } else {
            Tensor src = contiguous();
            Object host = src.backend().toHost(src.storage);
            out = new Tensor(target.backend().fromHost(host), shape, Shapes.contiguousStrides(shape), src.offset);
        }
        return Autograd.record(Primitive.CAST, out, new Tensor[] {this}, dtype(), device());
    }

    /** Whether the elements fill {@code [offset, offset + numel)} of the storage exactly once, with no negative stride. */
    private boolean isDenseWithNonNegativeStrides() {
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] > 1 && strides[d] < 0) {
                return false;
            }
        }
        return TensorIterator.isNonOverlappingAndDense(this);
    }

    /** Same as {@link #to(DType) to(FLOAT32)}. */
    public Tensor float_() {
        return to(DType.FLOAT32);
    }

    /** Same as {@link #to(DType) to(INT64)}. */
    public Tensor long_() {
        return to(DType.INT64);
    }

    /** The value of a one-element tensor as a double. */
    public double item() {
        requireOneElement("item");
        return switch (scalarObject()) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.doubleValue();
            default -> throw new IllegalStateException();
        };
    }

    /** The value of a one-element integer or bool tensor as a long (floats truncate). */
    public long itemLong() {
        requireOneElement("itemLong");
        return switch (scalarObject()) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.longValue();
            default -> throw new IllegalStateException();
        };
    }

    /** The value of a one-element tensor as a boolean ({@code != 0}). */
    public boolean itemBoolean() {
        requireOneElement("itemBoolean");
        return switch (scalarObject()) {
            case Boolean b -> b;
            case Double d -> d != 0;
            case Float f -> f != 0;
            case Number n -> n.longValue() != 0;
            default -> throw new IllegalStateException();
        };
    }

    private void requireOneElement(String what) {
        if (numel() != 1) {
            throw new TensorException("a Tensor with " + numel() + " elements cannot be converted to Scalar ("
                    + what + " of a tensor of shape " + Arrays.toString(shape) + ")");
        }
    }

    private Object scalarObject() {
        Object host = contiguous().toHostArray();
        return switch (host) {
            case float[] a -> a[0];
            case double[] a -> a[0];
            case long[] a -> a[0];
            case int[] a -> a[0];
            case boolean[] a -> a[0];
            default -> throw new IllegalStateException();
        };
    }

    /** The elements in row-major order as a host array of the dtype's primitive type (a copy). */
    public Object toHostArray() {
        Tensor c = contiguous();
        int n = (int) c.numel();
        if (n > 0 && c.storage.size() - n > n) {
            // Most of the storage lies outside this tensor (a row of a batch, a slice): copy the
            // elements out on the device first, so that only they travel to the host.
            Tensor compact = empty(shape, dtype(), device());
            backend().copy(TensorIterator.of(compact, c));
            c = compact;
        }
        Object all = c.backend().toHost(c.storage);
        if (c.offset == 0 && java.lang.reflect.Array.getLength(all) == n) {
            return all;
        }
        Object out = java.lang.reflect.Array.newInstance(all.getClass().getComponentType(), n);
        if (n > 0) {
            // An empty view may carry an offset past the end of its (empty) storage.
            System.arraycopy(all, (int) c.offset, out, 0, n);
        }
        return out;
    }

    /** The elements in row-major order converted to float. */
    public float[] toFloatArray() {
        return (float[]) to(DType.FLOAT32).toHostArray();
    }

    /** The elements in row-major order converted to double. */
    public double[] toDoubleArray() {
        return (double[]) to(DType.FLOAT64).toHostArray();
    }

    /** The elements in row-major order converted to long. */
    public long[] toLongArray() {
        return (long[]) to(DType.INT64).toHostArray();
    }

    /** The elements in row-major order converted to int. */
    public int[] toIntArray() {
        return (int[]) to(DType.INT32).toHostArray();
    }

    /** The elements in row-major order converted to boolean. */
    public boolean[] toBooleanArray() {
        return (boolean[]) to(DType.BOOL).toHostArray();
    }

    /** Fills this tensor in place with {@code value}; returns this. */
    public Tensor fill_(double value) {
        return fillWith(value);
    }

    /** Fills this tensor in place with an integer {@code value} (exact for int64); returns this. */
    public Tensor fill_(long value) {
        return fillWith(value);
    }

    /** Fills this tensor in place with {@code value}; returns this. */
    public Tensor fill_(boolean value) {
        return fillWith(value);
    }

    private Tensor fillWith(Object value) {
        checkInPlaceAllowed("fill_");
        backend().fill(TensorIterator.of(this), value);
        storage.bumpVersion();
        return this;
    }

    /** Sets every element to zero; returns this. */
    public Tensor zero_() {
        return fill_(0L);
    }

    /**
     * Copies {@code src} (broadcast to this shape, converted to this dtype) into this tensor in
     * place; returns this.
     */
    public Tensor copy_(Tensor src) {
        checkInPlaceAllowed("copy_");
        checkSameDevice(src, "copy_");
        Tensor from = src;
        if (sharesStorage(src)) {
            from = src.clone();
        }
        backend().copy(TensorIterator.of(this, from));
        storage.bumpVersion();
        // Differentiable as in PyTorch: the gradient of this tensor flows to src (summed over broadcast dims).
        return Autograd.record(Primitive.CLONE, this, new Tensor[] {src});
    }

    /** Whether two tensors view the same storage. */
    public boolean sharesStorage(Tensor other) {
        return storage == other.storage;
    }

    /** A contiguous copy with its own storage (differentiable). */
    @Override
    public Tensor clone() {
        Tensor out = empty(shape, dtype(), device());
        backend().copy(TensorIterator.of(out, this));
        return requiresGrad ? Autograd.record(Primitive.CLONE, out, new Tensor[] {this}) : out;
    }

    /** This tensor if contiguous, else a contiguous copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : clone();
    }

    void checkInPlaceAllowed(String op) {
        if (requiresGrad && gradFn == null && Autograd.isGradEnabled()) {
            throw new TensorException("a leaf Variable that requires grad is being used in an in-place operation ("
                    + op + " on a tensor of shape " + Arrays.toString(shape) + ")");
        }
    }

    /**
     * Throws PyTorch's "Expected all tensors to be on the same device" error, naming both devices
     * and {@code op}, unless {@code other} is on this tensor's device. Ops outside core that hand
     * several tensors to one backend primitive call it first.
     */
    public void checkSameDevice(Tensor other, String op) {
        if (!device().equals(other.device())) {
            throw new TensorException("Expected all tensors to be on the same device, but found at least two devices, "
                    + device() + " and " + other.device() + "! (in " + op + ")");
        }
    }

    // ------------------------------------------------------------------ views

    /** A view over this storage; the callers pass fresh arrays (or this tensor's own), which it adopts. */
    private Tensor viewOf(long[] newShape, long[] newStrides, long newOffset) {
        return new Tensor(storage, newShape, newStrides, newOffset, true);
    }

    /**
     * A view with a new shape (one size may be -1) over the same storage.
     *
     * @throws TensorException when the sizes do not match, or when the strides make a view
     *     impossible ("view size is not compatible with input tensor's size and stride ...; use .reshape(...)")
     */
    public Tensor view(long... newShape) {
        long[] s = Shapes.inferSize(newShape, numel());
        long[] st = Shapes.viewStrides(shape, strides, s);
        if (st == null) {
            throw new TensorException("view size is not compatible with input tensor's size and stride "
                    + "(at least one dimension spans across two contiguous subspaces): input shape "
                    + Arrays.toString(shape) + " with strides " + Arrays.toString(strides) + " cannot be viewed as "
                    + Arrays.toString(s) + ". Use .reshape(...) instead.");
        }
        Tensor v = viewOf(s, st, offset);
        // Only a tensor that requires grad can be recorded: skip building the record's arguments otherwise.
        return requiresGrad ? Autograd.record(Primitive.VIEW, v, new Tensor[] {this}, (Object) shape.clone()) : v;
    }

    /** A view with a new shape when the strides allow one, else a contiguous copy (PyTorch's reshape). */
    public Tensor reshape(long... newShape) {
        long[] s = Shapes.inferSize(newShape, numel());
        long[] st = Shapes.viewStrides(shape, strides, s);
        if (st != null) {
            return view(s);
        }
        return clone().view(s);
    }

    /** A view of the same shape as {@code other}. */
    public Tensor viewAs(Tensor other) {
        return view(other.shape);
    }

    /** A reshape to the shape of {@code other}. */
    public Tensor reshapeAs(Tensor other) {
        return reshape(other.shape);
    }

    /** A view with dims {@code dim0} and {@code dim1} swapped. */
    public Tensor transpose(long dim0, long dim1) {
        int a = Shapes.normalizeDim(dim0, dim());
        int b = Shapes.normalizeDim(dim1, dim());
        if (dim() == 0) {
            return permute();
        }
        int[] perm = new int[dim()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(perm);
    }

    /** A view with the dims reordered: result dim {@code i} is input dim {@code dims[i]}. */
    public Tensor permute(int... dims) {
        if (dims.length != dim()) {
            throw new TensorException("permute(sparse_coo): number of dimensions in the tensor input does not match "
                    + "the length of the desired ordering of dimensions i.e. input.dim() = " + dim()
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] perm = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        long[] s = new long[dims.length];
        long[] st = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.normalizeDim(dims[i], dim());
            if (seen[d]) {
                throw new TensorException("permute(): duplicate dims are not allowed: " + Arrays.toString(dims));
            }
            seen[d] = true;
            perm[i] = d;
            s[i] = shape[d];
            st[i] = strides[d];
        }
        Tensor v = viewOf(s, st, offset);
        return requiresGrad ? Autograd.record(Primitive.PERMUTE, v, new Tensor[] {this}, (Object) perm) : v;
    }

    /** The transpose of a tensor of at most 2 dims (PyTorch's {@code t()}). */
    public Tensor t() {
        if (dim() > 2) {
            throw new TensorException("t() expects a tensor with <= 2 dimensions, but self is " + dim() + "D");
        }
        return dim() < 2 ? view(shape) : transpose(0, 1);
    }

    /** PyTorch's {@code .T}: all dims reversed. */
    public Tensor T() {
        int[] perm = new int[dim()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = perm.length - 1 - i;
        }
        return permute(perm);
    }

    /** A view without the dims of size 1. */
    public Tensor squeeze() {
        int n = 0;
        for (long s : shape) {
            if (s != 1) {
                n++;
            }
        }
        long[] s = new long[n];
        long[] st = new long[n];
        int j = 0;
        for (int d = 0; d < dim(); d++) {
            if (shape[d] != 1) {
                s[j] = shape[d];
                st[j++] = strides[d];
            }
        }
        return aliasView(s, st);
    }

    /** A view without dim {@code dim} if its size is 1 (else the same shape). */
    public Tensor squeeze(long dim) {
        int d = Shapes.normalizeDim(dim, dim());
        if (dim() == 0 || shape[d] != 1) {
            return aliasView(shape, strides);
        }
        return aliasView(remove(shape, d), remove(strides, d));
    }

    /** A view with a new dim of size 1 at position {@code dim} (in {@code [-dim()-1, dim()]}). */
    public Tensor unsqueeze(long dim) {
        int d = Shapes.normalizeDim(dim, dim() + 1);
        long st = d < dim() ? strides[d] * shape[d] : 1;
        return aliasView(insert(shape, d, 1), insert(strides, d, st));
    }

    private Tensor aliasView(long[] s, long[] st) {
        Tensor v = viewOf(s, st, offset);
        return requiresGrad ? Autograd.record(Primitive.RESHAPE_ALIAS, v, new Tensor[] {this}, (Object) shape.clone()) : v;
    }

    private static long[] remove(long[] a, int i) {
        long[] r = new long[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    private static long[] insert(long[] a, int i, long v) {
        long[] r = new long[a.length + 1];
        System.arraycopy(a, 0, r, 0, i);
        r[i] = v;
        System.arraycopy(a, i, r, i + 1, a.length - i);
        return r;
    }

    /**
     * A view broadcast to {@code sizes} (-1 keeps a size; new dims are added in front); broadcast
     * dims get stride 0, so the result is read-only for in-place ops.
     */
    public Tensor expand(long... sizes) {
        if (sizes.length < dim()) {
            throw new TensorException("expand: the number of sizes provided (" + sizes.length + ") must be greater or "
                    + "equal to the number of dimensions in the tensor (" + dim() + "): shape " + Arrays.toString(shape)
                    + " cannot expand to " + Arrays.toString(sizes));
        }
        long[] s = new long[sizes.length];
        long[] st = new long[sizes.length];
        int shift = sizes.length - dim();
        for (int i = 0; i < sizes.length; i++) {
            int d = i - shift;
            long target = sizes[i];
            if (d < 0) {
                if (target < 0) {
                    throw new TensorException("expand: -1 is not allowed in a leading, non-existing dimension "
                            + i + " (expanding " + Arrays.toString(shape) + " to " + Arrays.toString(sizes) + ")");
                }
                s[i] = target;
                st[i] = 0;
            } else if (target == -1 || target == shape[d]) {
                s[i] = shape[d];
                st[i] = strides[d];
            } else if (shape[d] == 1) {
                if (target < 0) {
                    throw new TensorException("expand: invalid size " + target + " in " + Arrays.toString(sizes));
                }
                s[i] = target;
                st[i] = 0;
            } else {
                throw new TensorException("The expanded size of the tensor (" + target + ") must match the existing size ("
                        + shape[d] + ") at non-singleton dimension " + i + ".  Target sizes: " + Arrays.toString(sizes)
                        + ".  Tensor sizes: " + Arrays.toString(shape));
            }
        }
        Tensor v = viewOf(s, st, offset);
        return requiresGrad ? Autograd.record(Primitive.EXPAND, v, new Tensor[] {this}, (Object) shape.clone()) : v;
    }

    /** A view expanded to {@code other}'s shape. */
    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /** All dims flattened into one. */
    public Tensor flatten() {
        return flatten(0, -1);
    }

    /** Dims {@code startDim..endDim} (inclusive) flattened into one (a view when possible). */
    public Tensor flatten(long startDim, long endDim) {
        if (dim() == 0) {
            return reshape(1);
        }
        int a = Shapes.normalizeDim(startDim, dim());
        int b = Shapes.normalizeDim(endDim, dim());
        if (a > b) {
            throw new TensorException("flatten() has invalid args: start_dim (" + startDim
                    + ") cannot come after end_dim (" + endDim + ")");
        }
        long[] s = new long[dim() - (b - a)];
        long prod = 1;
        for (int d = a; d <= b; d++) {
            prod *= shape[d];
        }
        System.arraycopy(shape, 0, s, 0, a);
        s[a] = prod;
        System.arraycopy(shape, b + 1, s, a + 1, dim() - b - 1);
        return reshape(s);
    }

    /** Dim {@code dim} split into {@code sizes} (one may be -1). */
    public Tensor unflatten(long dim, long... sizes) {
        int d = Shapes.normalizeDim(dim, dim());
        if (sizes.length == 0) {
            throw new TensorException("unflatten: sizes must be non-empty");
        }
        long[] inner;
        try {
            inner = Shapes.inferSize(sizes, shape[d]);
        } catch (TensorException e) {
            throw new TensorException("unflatten: Provided sizes " + Arrays.toString(sizes)
                    + " don't multiply up to the size of dim " + dim + " (" + shape[d] + ") in the input tensor of shape "
                    + Arrays.toString(shape));
        }
        long[] s = new long[dim() - 1 + inner.length];
        System.arraycopy(shape, 0, s, 0, d);
        System.arraycopy(inner, 0, s, d, inner.length);
        System.arraycopy(shape, d + 1, s, d + inner.length, dim() - d - 1);
        return view(s);
    }

    /** A view of {@code length} elements of dim {@code dim} from {@code start} (negative start counts from the end). */
    public Tensor narrow(long dim, long start, long length) {
        int d = Shapes.normalizeDim(dim, dim());
        if (dim() == 0) {
            throw new TensorException("narrow() cannot be applied to a 0-dim tensor.");
        }
        long size = shape[d];
        if (start < -size || start > size) {
            throw new TensorException("start out of range (expected to be in range of [" + -size + ", " + size
                    + "], but got " + start + ")");
        }
        long st = start < 0 ? start + size : start;
        if (length < 0 || st + length > size) {
            throw new TensorException("start (" + st + ") + length (" + length + ") exceeds dimension size (" + size + ").");
        }
        return slice(d, st, st + length, 1);
    }

    /**
     * Python's {@code x[..., start:stop:step, ...]} along one dim: bounds are clamped and may be
     * negative (counting from the end); {@code step} must be positive.
     */
    public Tensor slice(long dim, long start, long stop, long step) {
        int d = Shapes.normalizeDim(dim, dim());
        if (dim() == 0) {
            throw new TensorException("slice() cannot be applied to a 0-dim tensor.");
        }
        if (step <= 0) {
            throw new TensorException("slice step must be positive, got " + step);
        }
        long size = shape[d];
        long a = start < 0 ? Math.max(start + size, 0) : Math.min(start, size);
        long b = stop < 0 ? Math.max(stop + size, 0) : Math.min(stop, size);
        long len = b > a ? (b - a + step - 1) / step : 0;
        long[] s = shape.clone();
        long[] st = strides.clone();
        s[d] = len;
        st[d] = strides[d] * step;
        long off = len == 0 ? offset : offset + a * strides[d];
        Tensor v = viewOf(s, st, off);
        return requiresGrad ? Autograd.record(Primitive.SLICE, v, new Tensor[] {this}, d, a, step, shape.clone()) : v;
    }

    /** The view at {@code index} of dim {@code dim}, which is removed (negative index counts from the end). */
    public Tensor select(long dim, long index) {
        if (dim() == 0) {
            throw new TensorException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.normalizeDim(dim, dim());
        long size = shape[d];
        if (index < -size || index >= size) {
            throw new TensorException("index " + index + " is out of bounds for dimension " + d + " with size " + size);
        }
        long i = index < 0 ? index + size : index;
        Tensor v = viewOf(remove(shape, d), remove(strides, d), offset + i * strides[d]);
        return requiresGrad ? Autograd.record(Primitive.SELECT, v, new Tensor[] {this}, d, i, shape.clone()) : v;
    }

    /** Views of consecutive pieces of {@code splitSize} along {@code dim} (the last may be smaller). */
    public Tensor[] split(long splitSize, long dim) {
        int d = Shapes.normalizeDim(dim, dim());
        if (splitSize < 0 || (splitSize == 0 && shape[d] != 0)) {
            throw new TensorException("split_size can only be 0 if dimension size is 0, but got split_size="
                    + splitSize + " for dimension " + d + " of size " + shape[d]);
        }
        long size = shape[d];
        int n = size == 0 ? 1 : (int) ((size + splitSize - 1) / splitSize);
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) {
            long start = i * splitSize;
            out[i] = narrow(d, start, Math.min(splitSize, size - start));
        }
        return out;
    }

    /** Views of pieces with the given sizes along {@code dim}; the sizes must add up to the dim's size. */
    public Tensor[] split(long[] sizes, long dim) {
        int d = Shapes.normalizeDim(dim, dim());
        long sum = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw new TensorException("split_with_sizes expects split_sizes to be non-negative, got " + Arrays.toString(sizes));
            }
            sum += s;
        }
        if (sum != shape[d]) {
            throw new TensorException("split_with_sizes expects split_sizes to sum exactly to " + shape[d]
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Arrays.toString(sizes));
        }
        Tensor[] out = new Tensor[sizes.length];
        long start = 0;
        for (int i = 0; i < sizes.length; i++) {
            out[i] = narrow(d, start, sizes[i]);
            start += sizes[i];
        }
        return out;
    }

    /** {@code chunks} views of equal size along {@code dim} (the last may be smaller; fewer if the dim is short). */
    public Tensor[] chunk(long chunks, long dim) {
        if (chunks <= 0) {
            throw new TensorException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int d = Shapes.normalizeDim(dim, dim());
        long size = shape[d];
        long splitSize = (size + chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) {
            long[] sizes = new long[(int) chunks];
            return split(sizes, d);
        }
        return split(splitSize, d);
    }

    /** The views along {@code dim}, each without that dim. */
    public Tensor[] unbind(long dim) {
        if (dim() == 0) {
            throw new TensorException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        int d = Shapes.normalizeDim(dim, dim());
        Tensor[] out = new Tensor[(int) shape[d]];
        for (int i = 0; i < out.length; i++) {
            out[i] = select(d, i);
        }
        return out;
    }

    /**
     * The tensors joined along {@code dim}; they must match in every other dim, and their dtypes are
     * promoted. PyTorch's legacy rule lets 1-D empty tensors of shape {@code [0]} take part.
     */
    public static Tensor cat(Tensor[] tensors, long dim) {
        return Creation.cat(tensors, dim);
    }

    /** The tensors, all of one shape, stacked along a new dim {@code dim}. */
    public static Tensor stack(Tensor[] tensors, long dim) {
        if (tensors.length == 0) {
            throw new TensorException("stack expects a non-empty TensorList");
        }
        int d = Shapes.normalizeDim(dim, tensors[0].dim() + 1);
        Tensor[] parts = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape, tensors[0].shape)) {
                throw new TensorException("stack expects each tensor to be equal size, but got "
                        + Arrays.toString(tensors[0].shape) + " at entry 0 and " + Arrays.toString(tensors[i].shape)
                        + " at entry " + i);
            }
            parts[i] = tensors[i].unsqueeze(d);
        }
        return cat(parts, d);
    }

    /** The tensor tiled {@code repeats[i]} times along dim {@code i} (new leading dims as needed). */
    public Tensor repeat(long... repeats) {
        return Creation.repeat(this, repeats);
    }

    /** A copy with the order of elements reversed along {@code dims}. */
    public Tensor flip(int... dims) {
        long[] st = strides.clone();
        long off = offset;
        boolean[] seen = new boolean[dim()];
        for (int dd : dims) {
            int d = Shapes.normalizeDim(dd, dim());
            if (seen[d]) {
                throw new TensorException("dim " + d + " appears multiple times in the list of dims " + Arrays.toString(dims));
            }
            seen[d] = true;
            if (shape[d] > 0) {
                off += (shape[d] - 1) * strides[d];
            }
            st[d] = -strides[d];
        }
        // A negative-stride view is never handed out: it is only the source of a copy.
        Tensor reversed = new Tensor(storage, shape, st, off);
        Tensor out = empty(shape, dtype(), device());
        backend().copy(TensorIterator.of(out, reversed));
        int[] norm = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            norm[i] = Shapes.normalizeDim(dims[i], dim());
        }
        return Autograd.record(Primitive.FLIP, out, new Tensor[] {this}, (Object) norm);
    }

    // ------------------------------------------------------------------ elementwise
    // Section: elementwise math and comparisons (issue 3).
    // Methods of this area go between this comment and the end marker below.

    /** {@code this + other} with broadcasting and PyTorch's type promotion ({@code torch.add}). */
    public Tensor add(Tensor other) {
        return Elementwise.add(this, other, 1L);
    }

    /**
     * {@code this + other} written into {@code out} ({@code torch.add(this, other, out=out)}): {@code out}
     * must have the broadcast shape; returns {@code out}.
     */
    public Tensor add(Tensor other, Tensor out) {
        return Elementwise.binaryOut("add", BinaryOp.ADD, this, other, 1L, out);
    }

    /** {@code this - other} written into {@code out} ({@code torch.sub(this, other, out=out)}); returns {@code out}. */
    public Tensor sub(Tensor other, Tensor out) {
        return Elementwise.binaryOut("sub", BinaryOp.SUB, this, other, 1L, out);
    }

    /** {@code this * other} written into {@code out} ({@code torch.mul(this, other, out=out)}); returns {@code out}. */
    public Tensor mul(Tensor other, Tensor out) {
        return Elementwise.binaryOut("mul", BinaryOp.MUL, this, other, 1L, out);
    }

    /** {@code this / other} (true division) written into {@code out} ({@code torch.div(this, other, out=out)}); returns {@code out}. */
    public Tensor div(Tensor other, Tensor out) {
        return Elementwise.binaryOut("div", BinaryOp.DIV, this, other, 1L, out);
    }

    /** {@code this + alpha * other} ({@code torch.add(this, other, alpha=alpha)}); a floating alpha needs a floating result. */
    public Tensor add(Tensor other, double alpha) {
        return Elementwise.add(this, other, alpha);
    }

    /** {@code this + alpha * other} with an integer alpha. */
    public Tensor add(Tensor other, long alpha) {
        return Elementwise.add(this, other, alpha);
    }

    /** {@code this + other} for a Java float: an integer or bool tensor gives float32 ({@code x + 2.5}). */
    public Tensor add(double other) {
        return Elementwise.add(this, other, 1L);
    }

    /** {@code this + other} for a Java integer: keeps an integer tensor's dtype ({@code int32 + 2} stays int32). */
    public Tensor add(long other) {
        return Elementwise.add(this, other, 1L);
    }

    /** {@code this + other} for a Java boolean (counted as 0 or 1). */
    public Tensor add(boolean other) {
        return Elementwise.add(this, other, 1L);
    }

    /** {@code this + alpha * other} for Java numbers ({@code x.add(2.5, alpha=2)}); a floating alpha needs a floating result. */
    public Tensor add(Number other, Number alpha) {
        return Elementwise.add(this, other, alpha);
    }

    /** In-place {@link #add(Number, Number)}. */
    public Tensor add_(Number other, Number alpha) {
        return Elementwise.add_(this, other, alpha);
    }

    /** In-place {@link #add(Tensor)}; the result's dtype must be castable to this tensor's ({@code add_}). */
    public Tensor add_(Tensor other) {
        return Elementwise.add_(this, other, 1L);
    }

    /** In-place {@link #add(Tensor, double)}. */
    public Tensor add_(Tensor other, double alpha) {
        return Elementwise.add_(this, other, alpha);
    }

    /** In-place {@link #add(Tensor, long)}. */
    public Tensor add_(Tensor other, long alpha) {
        return Elementwise.add_(this, other, alpha);
    }

    /** In-place {@link #add(double)}. */
    public Tensor add_(double other) {
        return Elementwise.add_(this, other, 1L);
    }

    /** In-place {@link #add(long)}. */
    public Tensor add_(long other) {
        return Elementwise.add_(this, other, 1L);
    }

    /** In-place {@link #add(boolean)}. */
    public Tensor add_(boolean other) {
        return Elementwise.add_(this, other, 1L);
    }

    /** {@code this - other} with broadcasting and PyTorch's type promotion ({@code torch.sub}). */
    public Tensor sub(Tensor other) {
        return Elementwise.sub(this, other, 1L);
    }

    /** {@code this - alpha * other} ({@code torch.sub(this, other, alpha=alpha)}); a floating alpha needs a floating result. */
    public Tensor sub(Tensor other, double alpha) {
        return Elementwise.sub(this, other, alpha);
    }

    /** {@code this - alpha * other} with an integer alpha. */
    public Tensor sub(Tensor other, long alpha) {
        return Elementwise.sub(this, other, alpha);
    }

    /** {@code this - other} for a Java float: an integer or bool tensor gives float32 ({@code x - 2.5}). */
    public Tensor sub(double other) {
        return Elementwise.sub(this, other, 1L);
    }

    /** {@code this - other} for a Java integer: keeps an integer tensor's dtype ({@code int32 - 2} stays int32). */
    public Tensor sub(long other) {
        return Elementwise.sub(this, other, 1L);
    }

    /** {@code this - other} for a Java boolean (counted as 0 or 1). */
    public Tensor sub(boolean other) {
        return Elementwise.sub(this, other, 1L);
    }

    /** {@code this - alpha * other} for Java numbers ({@code x.sub(2.5, alpha=2)}); a floating alpha needs a floating result. */
    public Tensor sub(Number other, Number alpha) {
        return Elementwise.sub(this, other, alpha);
    }

    /** In-place {@link #sub(Number, Number)}. */
    public Tensor sub_(Number other, Number alpha) {
        return Elementwise.sub_(this, other, alpha);
    }

    /** In-place {@link #sub(Tensor)}; the result's dtype must be castable to this tensor's ({@code sub_}). */
    public Tensor sub_(Tensor other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /** In-place {@link #sub(Tensor, double)}. */
    public Tensor sub_(Tensor other, double alpha) {
        return Elementwise.sub_(this, other, alpha);
    }

    /** In-place {@link #sub(Tensor, long)}. */
    public Tensor sub_(Tensor other, long alpha) {
        return Elementwise.sub_(this, other, alpha);
    }

    /** In-place {@link #sub(double)}. */
    public Tensor sub_(double other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /** In-place {@link #sub(long)}. */
    public Tensor sub_(long other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /** In-place {@link #sub(boolean)}. */
    public Tensor sub_(boolean other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /** Product {@code this * other} with broadcasting and type promotion ({@code torch.mul}); bool tensors multiply as logical and. */
    public Tensor mul(Tensor other) {
        return Elementwise.mul(this, other);
    }

    /** {@code this * other} for a Java float ({@code int64 * 2.5} is float32). */
    public Tensor mul(double other) {
        return Elementwise.mul(this, other);
    }

    /** {@code this * other} for a Java integer (keeps an integer tensor's dtype). */
    public Tensor mul(long other) {
        return Elementwise.mul(this, other);
    }

    /** {@code this * other} for a Java boolean. */
    public Tensor mul(boolean other) {
        return Elementwise.mul(this, other);
    }

    /** In-place {@link #mul(Tensor)} ({@code mul_}). */
    public Tensor mul_(Tensor other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /** In-place {@link #mul(double)} ({@code mul_}). */
    public Tensor mul_(double other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /** In-place {@link #mul(long)} ({@code mul_}). */
    public Tensor mul_(long other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /** In-place {@link #mul(boolean)} ({@code mul_}). */
    public Tensor mul_(boolean other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /** True division {@code this / other} ({@code torch.div}): integer and bool inputs give float32. */
    public Tensor div(Tensor other) {
        return Elementwise.div(this, other, null);
    }

    /** {@code this / other} for a Java float. */
    public Tensor div(double other) {
        return Elementwise.div(this, other, null);
    }

    /** {@code this / other} for a Java integer (still true division). */
    public Tensor div(long other) {
        return Elementwise.div(this, other, null);
    }

    /** {@code this / other} for a Java boolean. */
    public Tensor div(boolean other) {
        return Elementwise.div(this, other, null);
    }

    /** Division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code "floor"} (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)}); integer division by zero throws. */
    public Tensor div(Tensor other, String roundingMode) {
        return Elementwise.div(this, other, roundingMode);
    }

    /** Division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code "floor"} (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)}); integer division by zero throws. */
    public Tensor div(double other, String roundingMode) {
        return Elementwise.div(this, other, roundingMode);
    }

    /** Division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code "floor"} (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)}); integer division by zero throws. */
    public Tensor div(long other, String roundingMode) {
        return Elementwise.div(this, other, roundingMode);
    }

    /** In-place {@link #div(Tensor)} ({@code div_}); an integer tensor cannot hold the float quotient. */
    public Tensor div_(Tensor other) {
        return Elementwise.div_(this, other, null);
    }

    /** In-place {@link #div(double)} ({@code div_}); an integer tensor cannot hold the float quotient. */
    public Tensor div_(double other) {
        return Elementwise.div_(this, other, null);
    }

    /** In-place {@link #div(long)} ({@code div_}); an integer tensor cannot hold the float quotient. */
    public Tensor div_(long other) {
        return Elementwise.div_(this, other, null);
    }

    /** In-place {@link #div(boolean)} ({@code div_}); an integer tensor cannot hold the float quotient. */
    public Tensor div_(boolean other) {
        return Elementwise.div_(this, other, null);
    }

    /** In-place {@link #div(Tensor, String)}. */
    public Tensor div_(Tensor other, String roundingMode) {
        return Elementwise.div_(this, other, roundingMode);
    }

    /** In-place {@link #div(double, String)}. */
    public Tensor div_(double other, String roundingMode) {
        return Elementwise.div_(this, other, roundingMode);
    }

    /** In-place {@link #div(long, String)}. */
    public Tensor div_(long other, String roundingMode) {
        return Elementwise.div_(this, other, roundingMode);
    }

    /** Python's modulus {@code this % other}, with the sign of {@code other} ({@code torch.remainder}); integer division by zero throws. */
    public Tensor remainder(Tensor other) {
        return Elementwise.remainder(this, other);
    }

    /** {@code this % other} for a Java float. */
    public Tensor remainder(double other) {
        return Elementwise.remainder(this, other);
    }

    /** {@code this % other} for a Java integer. */
    public Tensor remainder(long other) {
        return Elementwise.remainder(this, other);
    }

    /** In-place {@link #remainder(Tensor)} ({@code remainder_}). */
    public Tensor remainder_(Tensor other) {
        return Elementwise.binaryInPlace("remainder_", BinaryOp.REMAINDER, this, other, 1L);
    }

    /** In-place {@link #remainder(double)} ({@code remainder_}). */
    public Tensor remainder_(double other) {
        return Elementwise.binaryInPlace("remainder_", BinaryOp.REMAINDER, this, other, 1L);
    }

    /** In-place {@link #remainder(long)} ({@code remainder_}). */
    public Tensor remainder_(long other) {
        return Elementwise.binaryInPlace("remainder_", BinaryOp.REMAINDER, this, other, 1L);
    }

    /** {@code this ** exponent} with broadcasting and type promotion ({@code torch.pow}); C's {@code pow} for floats, exact integer powers for integers. */
    public Tensor pow(Tensor exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this ** exponent} for a Java float (an integer tensor gives float32). */
    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this ** exponent} for a Java integer; a negative exponent of an integer tensor throws, as in PyTorch. */
    public Tensor pow(long exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** In-place {@link #pow(Tensor)} ({@code pow_}). */
    public Tensor pow_(Tensor exponent) {
        return Elementwise.binaryInPlace("pow_", BinaryOp.POW, this, exponent, 1L);
    }

    /** In-place {@link #pow(double)} ({@code pow_}). */
    public Tensor pow_(double exponent) {
        return Elementwise.binaryInPlace("pow_", BinaryOp.POW, this, exponent, 1L);
    }

    /** In-place {@link #pow(long)} ({@code pow_}). */
    public Tensor pow_(long exponent) {
        return Elementwise.binaryInPlace("pow_", BinaryOp.POW, this, exponent, 1L);
    }

    /** {@code base ** exponent} for a Java float base ({@code torch.pow(2.0, x)}). */
    public static Tensor pow(double base, Tensor exponent) {
        return Elementwise.pow(base, exponent);
    }

    /** {@code base ** exponent} for a Java integer base ({@code torch.pow(2, x)}). */
    public static Tensor pow(long base, Tensor exponent) {
        return Elementwise.pow(base, exponent);
    }

    /** Elementwise maximum with broadcasting and type promotion; NaN if either is NaN ({@code torch.maximum}). */
    public Tensor maximum(Tensor other) {
        return Elementwise.maximum(this, other);
    }

    /** Elementwise minimum with broadcasting and type promotion; NaN if either is NaN ({@code torch.minimum}). */
    public Tensor minimum(Tensor other) {
        return Elementwise.minimum(this, other);
    }

    /** Bool tensor of {@code this == other}, compared in the promoted dtype ({@code torch.eq}). */
    public Tensor eq(Tensor other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /** {@code this == other} for a Java double, as a bool tensor. */
    public Tensor eq(double other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /** {@code this == other} for a Java long, as a bool tensor. */
    public Tensor eq(long other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /** {@code this == other} for a Java boolean, as a bool tensor. */
    public Tensor eq(boolean other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /** In-place {@link #eq(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code eq_}). */
    public Tensor eq_(Tensor other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /** In-place {@link #eq(double)}: writes 1 or 0 in this tensor's dtype ({@code eq_}). */
    public Tensor eq_(double other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /** In-place {@link #eq(long)}: writes 1 or 0 in this tensor's dtype ({@code eq_}). */
    public Tensor eq_(long other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /** In-place {@link #eq(boolean)}: writes 1 or 0 in this tensor's dtype ({@code eq_}). */
    public Tensor eq_(boolean other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /** Bool tensor of {@code this != other}, compared in the promoted dtype ({@code torch.ne}). */
    public Tensor ne(Tensor other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /** {@code this != other} for a Java double, as a bool tensor. */
    public Tensor ne(double other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /** {@code this != other} for a Java long, as a bool tensor. */
    public Tensor ne(long other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /** {@code this != other} for a Java boolean, as a bool tensor. */
    public Tensor ne(boolean other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /** In-place {@link #ne(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code ne_}). */
    public Tensor ne_(Tensor other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /** In-place {@link #ne(double)}: writes 1 or 0 in this tensor's dtype ({@code ne_}). */
    public Tensor ne_(double other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /** In-place {@link #ne(long)}: writes 1 or 0 in this tensor's dtype ({@code ne_}). */
    public Tensor ne_(long other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /** In-place {@link #ne(boolean)}: writes 1 or 0 in this tensor's dtype ({@code ne_}). */
    public Tensor ne_(boolean other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /** Bool tensor of {@code this < other}, compared in the promoted dtype ({@code torch.lt}). */
    public Tensor lt(Tensor other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /** {@code this < other} for a Java double, as a bool tensor. */
    public Tensor lt(double other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /** {@code this < other} for a Java long, as a bool tensor. */
    public Tensor lt(long other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /** In-place {@link #lt(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code lt_}). */
    public Tensor lt_(Tensor other) {
        return Elementwise.binaryInPlace("lt_", BinaryOp.LT, this, other, 1L);
    }

    /** In-place {@link #lt(double)}: writes 1 or 0 in this tensor's dtype ({@code lt_}). */
    public Tensor lt_(double other) {
        return Elementwise.binaryInPlace("lt_", BinaryOp.LT, this, other, 1L);
    }

    /** In-place {@link #lt(long)}: writes 1 or 0 in this tensor's dtype ({@code lt_}). */
    public Tensor lt_(long other) {
        return Elementwise.binaryInPlace("lt_", BinaryOp.LT, this, other, 1L);
    }

    /** Bool tensor of {@code this <= other}, compared in the promoted dtype ({@code torch.le}). */
    public Tensor le(Tensor other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /** {@code this <= other} for a Java double, as a bool tensor. */
    public Tensor le(double other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /** {@code this <= other} for a Java long, as a bool tensor. */
    public Tensor le(long other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /** In-place {@link #le(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code le_}). */
    public Tensor le_(Tensor other) {
        return Elementwise.binaryInPlace("le_", BinaryOp.LE, this, other, 1L);
    }

    /** In-place {@link #le(double)}: writes 1 or 0 in this tensor's dtype ({@code le_}). */
    public Tensor le_(double other) {
        return Elementwise.binaryInPlace("le_", BinaryOp.LE, this, other, 1L);
    }

    /** In-place {@link #le(long)}: writes 1 or 0 in this tensor's dtype ({@code le_}). */
    public Tensor le_(long other) {
        return Elementwise.binaryInPlace("le_", BinaryOp.LE, this, other, 1L);
    }

    /** Bool tensor of {@code this > other}, compared in the promoted dtype ({@code torch.gt}). */
    public Tensor gt(Tensor other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /** {@code this > other} for a Java double, as a bool tensor. */
    public Tensor gt(double other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /** {@code this > other} for a Java long, as a bool tensor. */
    public Tensor gt(long other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /** In-place {@link #gt(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code gt_}). */
    public Tensor gt_(Tensor other) {
        return Elementwise.binaryInPlace("gt_", BinaryOp.GT, this, other, 1L);
    }

    /** In-place {@link #gt(double)}: writes 1 or 0 in this tensor's dtype ({@code gt_}). */
    public Tensor gt_(double other) {
        return Elementwise.binaryInPlace("gt_", BinaryOp.GT, this, other, 1L);
    }

    /** In-place {@link #gt(long)}: writes 1 or 0 in this tensor's dtype ({@code gt_}). */
    public Tensor gt_(long other) {
        return Elementwise.binaryInPlace("gt_", BinaryOp.GT, this, other, 1L);
    }

    /** Bool tensor of {@code this >= other}, compared in the promoted dtype ({@code torch.ge}). */
    public Tensor ge(Tensor other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /** {@code this >= other} for a Java double, as a bool tensor. */
    public Tensor ge(double other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /** {@code this >= other} for a Java long, as a bool tensor. */
    public Tensor ge(long other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /** In-place {@link #ge(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code ge_}). */
    public Tensor ge_(Tensor other) {
        return Elementwise.binaryInPlace("ge_", BinaryOp.GE, this, other, 1L);
    }

    /** In-place {@link #ge(double)}: writes 1 or 0 in this tensor's dtype ({@code ge_}). */
    public Tensor ge_(double other) {
        return Elementwise.binaryInPlace("ge_", BinaryOp.GE, this, other, 1L);
    }

    /** In-place {@link #ge(long)}: writes 1 or 0 in this tensor's dtype ({@code ge_}). */
    public Tensor ge_(long other) {
        return Elementwise.binaryInPlace("ge_", BinaryOp.GE, this, other, 1L);
    }

    /** Logical and of the elements read as bools (non-zero is true), as a bool tensor ({@code torch.logical_and}). */
    public Tensor logicalAnd(Tensor other) {
        return Elementwise.logical("logical_and", BinaryOp.LOGICAL_AND, this, other);
    }

    /** In-place {@link #logicalAnd(Tensor)} ({@code logical_and_}). */
    public Tensor logicalAnd_(Tensor other) {
        return Elementwise.binaryInPlace("logical_and_", BinaryOp.LOGICAL_AND, this, other, 1L);
    }

    /** Logical or of the elements read as bools (non-zero is true), as a bool tensor ({@code torch.logical_or}). */
    public Tensor logicalOr(Tensor other) {
        return Elementwise.logical("logical_or", BinaryOp.LOGICAL_OR, this, other);
    }

    /** In-place {@link #logicalOr(Tensor)} ({@code logical_or_}). */
    public Tensor logicalOr_(Tensor other) {
        return Elementwise.binaryInPlace("logical_or_", BinaryOp.LOGICAL_OR, this, other, 1L);
    }

    /** Logical not of the elements read as bools, as a bool tensor ({@code torch.logical_not}). */
    public Tensor logicalNot() {
        return Elementwise.unary("logical_not", UnaryOp.LOGICAL_NOT, this);
    }

    /** In-place {@link #logicalNot()} ({@code logical_not_}). */
    public Tensor logicalNot_() {
        return Elementwise.unaryInPlace("logical_not_", UnaryOp.LOGICAL_NOT, this);
    }

    /** {@code -this}; not for bool ({@code torch.neg}). */
    public Tensor neg() {
        return Elementwise.unary("neg", UnaryOp.NEG, this);
    }

    /** In-place {@link #neg()} ({@code neg_}). */
    public Tensor neg_() {
        return Elementwise.unaryInPlace("neg_", UnaryOp.NEG, this);
    }

    /** Absolute value ({@code torch.abs}). */
    public Tensor abs() {
        return Elementwise.unary("abs", UnaryOp.ABS, this);
    }

    /** In-place {@link #abs()} ({@code abs_}). */
    public Tensor abs_() {
        return Elementwise.unaryInPlace("abs_", UnaryOp.ABS, this);
    }

    /** {@code e^x}; integer and bool tensors give float32 ({@code torch.exp}). */
    public Tensor exp() {
        return Elementwise.unary("exp", UnaryOp.EXP, this);
    }

    /** In-place {@link #exp()} ({@code exp_}). */
    public Tensor exp_() {
        return Elementwise.unaryInPlace("exp_", UnaryOp.EXP, this);
    }

    /** Natural logarithm; integer and bool tensors give float32 ({@code torch.log}). */
    public Tensor log() {
        return Elementwise.unary("log", UnaryOp.LOG, this);
    }

    /** In-place {@link #log()} ({@code log_}). */
    public Tensor log_() {
        return Elementwise.unaryInPlace("log_", UnaryOp.LOG, this);
    }

    /** {@code log(1 + x)}, accurate near 0; integer and bool tensors give float32 ({@code torch.log1p}). */
    public Tensor log1p() {
        return Elementwise.unary("log1p", UnaryOp.LOG1P, this);
    }

    /** In-place {@link #log1p()} ({@code log1p_}). */
    public Tensor log1p_() {
        return Elementwise.unaryInPlace("log1p_", UnaryOp.LOG1P, this);
    }

    /** Square root; integer and bool tensors give float32 ({@code torch.sqrt}). */
    public Tensor sqrt() {
        return Elementwise.unary("sqrt", UnaryOp.SQRT, this);
    }

    /** In-place {@link #sqrt()} ({@code sqrt_}). */
    public Tensor sqrt_() {
        return Elementwise.unaryInPlace("sqrt_", UnaryOp.SQRT, this);
    }

    /** {@code 1 / sqrt(x)}; integer and bool tensors give float32 ({@code torch.rsqrt}). */
    public Tensor rsqrt() {
        return Elementwise.unary("rsqrt", UnaryOp.RSQRT, this);
    }

    /** In-place {@link #rsqrt()} ({@code rsqrt_}). */
    public Tensor rsqrt_() {
        return Elementwise.unaryInPlace("rsqrt_", UnaryOp.RSQRT, this);
    }

    /** Sine; integer and bool tensors give float32 ({@code torch.sin}). */
    public Tensor sin() {
        return Elementwise.unary("sin", UnaryOp.SIN, this);
    }

    /** In-place {@link #sin()} ({@code sin_}). */
    public Tensor sin_() {
        return Elementwise.unaryInPlace("sin_", UnaryOp.SIN, this);
    }

    /** Cosine; integer and bool tensors give float32 ({@code torch.cos}). */
    public Tensor cos() {
        return Elementwise.unary("cos", UnaryOp.COS, this);
    }

    /** In-place {@link #cos()} ({@code cos_}). */
    public Tensor cos_() {
        return Elementwise.unaryInPlace("cos_", UnaryOp.COS, this);
    }

    /** Hyperbolic tangent; integer and bool tensors give float32 ({@code torch.tanh}). */
    public Tensor tanh() {
        return Elementwise.unary("tanh", UnaryOp.TANH, this);
    }

    /** In-place {@link #tanh()} ({@code tanh_}). */
    public Tensor tanh_() {
        return Elementwise.unaryInPlace("tanh_", UnaryOp.TANH, this);
    }

    /** {@code 1 / (1 + e^-x)}; integer and bool tensors give float32 ({@code torch.sigmoid}). */
    public Tensor sigmoid() {
        return Elementwise.unary("sigmoid", UnaryOp.SIGMOID, this);
    }

    /** In-place {@link #sigmoid()} ({@code sigmoid_}). */
    public Tensor sigmoid_() {
        return Elementwise.unaryInPlace("sigmoid_", UnaryOp.SIGMOID, this);
    }

    /** {@code max(x, 0)}, keeping NaN ({@code torch.relu}). */
    public Tensor relu() {
        return Elementwise.unary("relu", UnaryOp.RELU, this);
    }

    /** In-place {@link #relu()} ({@code relu_}). */
    public Tensor relu_() {
        return Elementwise.unaryInPlace("relu_", UnaryOp.RELU, this);
    }

    /** Round toward negative infinity (a copy for integer tensors) ({@code torch.floor}). */
    public Tensor floor() {
        return Elementwise.unary("floor", UnaryOp.FLOOR, this);
    }

    /** In-place {@link #floor()} ({@code floor_}). */
    public Tensor floor_() {
        return Elementwise.unaryInPlace("floor_", UnaryOp.FLOOR, this);
    }

    /** Round toward positive infinity (a copy for integer tensors) ({@code torch.ceil}). */
    public Tensor ceil() {
        return Elementwise.unary("ceil", UnaryOp.CEIL, this);
    }

    /** In-place {@link #ceil()} ({@code ceil_}). */
    public Tensor ceil_() {
        return Elementwise.unaryInPlace("ceil_", UnaryOp.CEIL, this);
    }

    /** {@code 1 / x}; integer and bool tensors give float32 ({@code torch.reciprocal}). */
    public Tensor reciprocal() {
        return Elementwise.unary("reciprocal", UnaryOp.RECIPROCAL, this);
    }

    /** In-place {@link #reciprocal()} ({@code reciprocal_}). */
    public Tensor reciprocal_() {
        return Elementwise.unaryInPlace("reciprocal_", UnaryOp.RECIPROCAL, this);
    }

    /** Round half to even ({@code torch.round}); a copy for integer tensors. */
    public Tensor round() {
        return Elementwise.round(this, 0);
    }

    /** Round half to even at {@code decimals} decimal places, negative for tens, hundreds... ({@code torch.round(x, decimals=d)}). */
    public Tensor round(long decimals) {
        return Elementwise.round(this, decimals);
    }

    /** In-place {@link #round()} ({@code round_}). */
    public Tensor round_() {
        return Elementwise.round_(this, 0);
    }

    /** In-place {@link #round(long)}. */
    public Tensor round_(long decimals) {
        return Elementwise.round_(this, decimals);
    }

    /** The exact GELU, {@code x * Phi(x)} ({@code torch.nn.functional.gelu}); floating tensors only. */
    public Tensor gelu() {
        return Elementwise.gelu(this, "none");
    }

    /** GELU with PyTorch's {@code approximate} argument: {@code "none"} (exact) or {@code "tanh"}. */
    public Tensor gelu(String approximate) {
        return Elementwise.gelu(this, approximate);
    }

    /** In-place {@link #gelu()}. */
    public Tensor gelu_() {
        return Elementwise.gelu_(this, "none");
    }

    /** In-place {@link #gelu(String)}. */
    public Tensor gelu_(String approximate) {
        return Elementwise.gelu_(this, approximate);
    }

    /** Each element clamped to {@code [min, max]} ({@code torch.clamp}); a null bound is absent (not both); the bounds take part in type promotion ({@code int64.clamp(0.5, null)} is float32); if {@code min > max} every element is {@code max}. */
    public Tensor clamp(Number min, Number max) {
        return Elementwise.clamp(this, min, max);
    }

    /** Clamped to tensor bounds that broadcast with this tensor; a null bound is absent. */
    public Tensor clamp(Tensor min, Tensor max) {
        return Elementwise.clamp(this, min, max);
    }

    /** {@code max(x, min)}, keeping NaN ({@code torch.clamp_min}). */
    public Tensor clampMin(Number min) {
        return Elementwise.clamp(this, min, null);
    }

    /** {@code max(x, min)} for a tensor bound. */
    public Tensor clampMin(Tensor min) {
        return Elementwise.clamp(this, min, null);
    }

    /** {@code min(x, max)}, keeping NaN ({@code torch.clamp_max}). */
    public Tensor clampMax(Number max) {
        return Elementwise.clamp(this, null, max);
    }

    /** {@code min(x, max)} for a tensor bound. */
    public Tensor clampMax(Tensor max) {
        return Elementwise.clamp(this, null, max);
    }

    /** In-place {@link #clamp(Number, Number)} ({@code clamp_}). */
    public Tensor clamp_(Number min, Number max) {
        return Elementwise.clamp_(this, min, max);
    }

    /** In-place {@link #clamp(Tensor, Tensor)}. */
    public Tensor clamp_(Tensor min, Tensor max) {
        return Elementwise.clamp_(this, min, max);
    }

    /** In-place {@link #clampMin(Number)} ({@code clamp_min_}). */
    public Tensor clampMin_(Number min) {
        return Elementwise.clamp_(this, min, null);
    }

    /** In-place {@link #clampMax(Number)} ({@code clamp_max_}). */
    public Tensor clampMax_(Number max) {
        return Elementwise.clamp_(this, null, max);
    }

    /**
     * {@code condition ? x : y} elementwise, all three broadcast together ({@code torch.where(cond, x, y)});
     * {@code condition} must be bool, and x and y are promoted to a common dtype.
     */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /** {@link #where(Tensor, Tensor, Tensor)} with a Java float for {@code y}. */
    public static Tensor where(Tensor condition, Tensor x, double y) {
        return Elementwise.where(condition, x, y);
    }

    /** {@link #where(Tensor, Tensor, Tensor)} with a Java float for {@code x}. */
    public static Tensor where(Tensor condition, double x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /** {@link #where(Tensor, Tensor, Tensor)} with a Java integer for {@code y}. */
    public static Tensor where(Tensor condition, Tensor x, long y) {
        return Elementwise.where(condition, x, y);
    }

    /** {@link #where(Tensor, Tensor, Tensor)} with a Java integer for {@code x}. */
    public static Tensor where(Tensor condition, long x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /**
     * The coordinates of the true (non-zero) elements of {@code condition}, one int64 tensor per
     * dim: PyTorch's one-argument {@code torch.where(condition)}, the same as {@link #nonzeroAsTuple()}.
     */
    public static Tensor[] where(Tensor condition) {
        return condition.nonzeroAsTuple();
    }

    /** {@code condition ? this : other} (PyTorch's {@code x.where(condition, y)}). */
    public Tensor where(Tensor condition, Tensor other) {
        return Elementwise.where(condition, this, other);
    }

    /** {@code condition ? this : other} for a Java float {@code other}. */
    public Tensor where(Tensor condition, double other) {
        return Elementwise.where(condition, this, other);
    }

    /** A copy with {@code value} where the bool {@code mask} is true ({@code masked_fill}); mask and tensor broadcast together, and the value is converted to this tensor's dtype. */
    public Tensor maskedFill(Tensor mask, double value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /** A copy with {@code value} where the bool {@code mask} is true ({@code masked_fill}); mask and tensor broadcast together, and the value is converted to this tensor's dtype. */
    public Tensor maskedFill(Tensor mask, long value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /** A copy with {@code value} where the bool {@code mask} is true ({@code masked_fill}); mask and tensor broadcast together, and the value is converted to this tensor's dtype. */
    public Tensor maskedFill(Tensor mask, boolean value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /** {@code masked_fill} with a 0-d tensor value (how PyTorch passes non-finite or typed values). */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /** In-place {@link #maskedFill(Tensor, double)} ({@code masked_fill_}); the mask must broadcast to this tensor's shape. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /** In-place {@link #maskedFill(Tensor, long)} ({@code masked_fill_}); the mask must broadcast to this tensor's shape. */
    public Tensor maskedFill_(Tensor mask, long value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /** In-place {@link #maskedFill(Tensor, boolean)} ({@code masked_fill_}); the mask must broadcast to this tensor's shape. */
    public Tensor maskedFill_(Tensor mask, boolean value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /** In-place {@link #maskedFill(Tensor, Tensor)} ({@code masked_fill_}); the mask must broadcast to this tensor's shape. */
    public Tensor maskedFill_(Tensor mask, Tensor value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /** The lower triangle of the last two dims (with the diagonal), zero elsewhere ({@code torch.tril}). */
    public Tensor tril() {
        return Elementwise.triangle(this, 0, true);
    }

    /** The lower triangle with the diagonal shifted by {@code diagonal} (positive: above the main diagonal). */
    public Tensor tril(long diagonal) {
        return Elementwise.triangle(this, diagonal, true);
    }

    /** In-place {@link #tril()} ({@code tril_}). */
    public Tensor tril_() {
        return Elementwise.triangle_(this, 0, true);
    }

    /** In-place {@link #tril(long)}. */
    public Tensor tril_(long diagonal) {
        return Elementwise.triangle_(this, diagonal, true);
    }

    /** The upper triangle of the last two dims (with the diagonal), zero elsewhere ({@code torch.triu}). */
    public Tensor triu() {
        return Elementwise.triangle(this, 0, false);
    }

    /** The upper triangle with the diagonal shifted by {@code diagonal} (positive: above the main diagonal). */
    public Tensor triu(long diagonal) {
        return Elementwise.triangle(this, diagonal, false);
    }

    /** In-place {@link #triu()} ({@code triu_}). */
    public Tensor triu_() {
        return Elementwise.triangle_(this, 0, false);
    }

    /** In-place {@link #triu(long)}. */
    public Tensor triu_(long diagonal) {
        return Elementwise.triangle_(this, diagonal, false);
    }

    // ------------------------------------------------------------------ end of elementwise
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ reductions
    // Section: reductions (issue 3).
    // Methods of this area go between this comment and the end marker below.

    /** The sum of all elements as a 0-d tensor ({@code torch.sum(x)}); integer and bool tensors give int64. */
    public Tensor sum() {
        return Reductions.sum(this, null, false, null);
    }

    /** The sum of all elements, computed in {@code dtype} (the input is cast first, {@code sum(dtype=...)}). */
    public Tensor sum(DType dtype) {
        return Reductions.sum(this, null, false, dtype);
    }

    /** The sum over {@code dim} (negative counts from the end), which is removed. */
    public Tensor sum(long dim) {
        return sum(dim, false);
    }

    /** The sum over {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor sum(long dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {Shapes.normalizeDim(dim, dim())}, keepdim, null);
    }

    /** The sum over several dims ({@code null} or empty: all dims); a repeated dim is an error. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim, null);
    }

    /** The sum over several dims computed in {@code dtype} ({@code null}: int64 for integers, else the input's). */
    public Tensor sum(int[] dims, boolean keepdim, DType dtype) {
        return Reductions.sum(this, dims, keepdim, dtype);
    }

    /** The mean of all elements; the dtype must be floating (PyTorch rejects integer means). */
    public Tensor mean() {
        return Reductions.mean(this, null, false, null);
    }

    /** The mean of all elements computed in the floating {@code dtype} (the input is cast first). */
    public Tensor mean(DType dtype) {
        return Reductions.mean(this, null, false, dtype);
    }

    /** The mean over {@code dim}, which is removed. */
    public Tensor mean(long dim) {
        return mean(dim, false);
    }

    /** The mean over {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor mean(long dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {Shapes.normalizeDim(dim, dim())}, keepdim, null);
    }

    /** The mean over several dims ({@code null} or empty: all dims). */
    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim, null);
    }

    /** The mean over several dims computed in the floating {@code dtype} ({@code null}: the input's). */
    public Tensor mean(int[] dims, boolean keepdim, DType dtype) {
        return Reductions.mean(this, dims, keepdim, dtype);
    }

    /** The product of all elements; integer and bool tensors give int64 (wrapping on overflow). */
    public Tensor prod() {
        return Reductions.prod(this, null, false, null);
    }

    /** The product of all elements computed in {@code dtype}. */
    public Tensor prod(DType dtype) {
        return Reductions.prod(this, null, false, dtype);
    }

    /** The product over {@code dim}, which is removed. */
    public Tensor prod(long dim) {
        return Reductions.prod(this, dim, false, null);
    }

    /** The product over {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor prod(long dim, boolean keepdim) {
        return Reductions.prod(this, dim, keepdim, null);
    }

    /** The product over {@code dim} computed in {@code dtype} ({@code null}: int64 for integers, else the input's). */
    public Tensor prod(long dim, boolean keepdim, DType dtype) {
        return Reductions.prod(this, dim, keepdim, dtype);
    }

    /** The largest element as a 0-d tensor, NaN if there is one ({@code torch.max(x)}); an empty tensor is an error. */
    public Tensor max() {
        return Reductions.extremum(this, true);
    }

    /** The largest values along {@code dim} (removed) and the index of their first occurrence ({@code torch.max(x, dim)}). */
    public ValuesIndices max(long dim) {
        return max(dim, false);
    }

    /**
     * The largest values along {@code dim} and the int64 index of their first occurrence (of the first
     * NaN in a slice holding one); {@code dim} is kept with size 1 when {@code keepdim}.
     *
     * @throws TensorException if {@code dim} is empty
     */
    public ValuesIndices max(long dim, boolean keepdim) {
        return Reductions.extremum(this, dim, keepdim, true);
    }

    /** The smallest element as a 0-d tensor, NaN if there is one ({@code torch.min(x)}). */
    public Tensor min() {
        return Reductions.extremum(this, false);
    }

    /** The smallest values along {@code dim} (removed) and the index of their first occurrence. */
    public ValuesIndices min(long dim) {
        return min(dim, false);
    }

    /** The smallest values along {@code dim} and the index of their first occurrence, as {@link #max(long, boolean)}. */
    public ValuesIndices min(long dim, boolean keepdim) {
        return Reductions.extremum(this, dim, keepdim, false);
    }

    /** The int64 index of the first largest element of the flattened tensor (of the first NaN, if any). */
    public Tensor argmax() {
        return Reductions.argExtremum(this, true);
    }

    /** The int64 indices of the first largest elements along {@code dim}, which is removed. */
    public Tensor argmax(long dim) {
        return argmax(dim, false);
    }

    /** The int64 indices of the first largest elements along {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor argmax(long dim, boolean keepdim) {
        return Reductions.argExtremum(this, dim, keepdim, true);
    }

    /** The int64 index of the first smallest element of the flattened tensor (of the first NaN, if any). */
    public Tensor argmin() {
        return Reductions.argExtremum(this, false);
    }

    /** The int64 indices of the first smallest elements along {@code dim}, which is removed. */
    public Tensor argmin(long dim) {
        return argmin(dim, false);
    }

    /** The int64 indices of the first smallest elements along {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor argmin(long dim, boolean keepdim) {
        return Reductions.argExtremum(this, dim, keepdim, false);
    }

    /** The largest element as a 0-d tensor ({@code torch.amax(x)}); NaN propagates. */
    public Tensor amax() {
        return Reductions.amax(this, null, false, true);
    }

    /** The largest values over {@code dim}, which is removed. */
    public Tensor amax(long dim) {
        return amax(new int[] {Shapes.normalizeDim(dim, dim())}, false);
    }

    /** The largest values over {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor amax(long dim, boolean keepdim) {
        return amax(new int[] {Shapes.normalizeDim(dim, dim())}, keepdim);
    }

    /** The largest values over several dims ({@code null} or empty: all dims); NaN propagates. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Reductions.amax(this, dims, keepdim, true);
    }

    /** The smallest element as a 0-d tensor ({@code torch.amin(x)}); NaN propagates. */
    public Tensor amin() {
        return Reductions.amax(this, null, false, false);
    }

    /** The smallest values over {@code dim}, which is removed. */
    public Tensor amin(long dim) {
        return amin(new int[] {Shapes.normalizeDim(dim, dim())}, false);
    }

    /** The smallest values over {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor amin(long dim, boolean keepdim) {
        return amin(new int[] {Shapes.normalizeDim(dim, dim())}, keepdim);
    }

    /** The smallest values over several dims ({@code null} or empty: all dims); NaN propagates. */
    public Tensor amin(int[] dims, boolean keepdim) {
        return Reductions.amax(this, dims, keepdim, false);
    }

    /** {@code log(sum(exp(x)))} over {@code dim} (removed), computed stably for large inputs. */
    public Tensor logsumexp(long dim) {
        return logsumexp(new int[] {Shapes.normalizeDim(dim, dim())}, false);
    }

    /** {@code log(sum(exp(x)))} over {@code dim}, kept with size 1 when {@code keepdim}. */
    public Tensor logsumexp(long dim, boolean keepdim) {
        return logsumexp(new int[] {Shapes.normalizeDim(dim, dim())}, keepdim);
    }

    /**
     * {@code log(sum(exp(x)))} over several dims, as {@code m + log(sum(exp(x - m)))} with {@code m}
     * the maximum, so large inputs do not overflow; integer inputs give float32.
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Reductions.logsumexp(this, dims, keepdim);
    }

    /** The unbiased (correction 1) variance of all elements; floating dtypes only. */
    public Tensor var() {
        return Reductions.stdVar(this, null, 1, false, false);
    }

    /** The variance of all elements, unbiased (divisor n-1) or not (divisor n). */
    public Tensor var(boolean unbiased) {
        return Reductions.stdVar(this, null, unbiased ? 1 : 0, false, false);
    }

    /** The unbiased variance over {@code dim}, which is removed. */
    public Tensor var(long dim) {
        return var(dim, true, false);
    }

    /** The variance over {@code dim}, unbiased or not, kept with size 1 when {@code keepdim}. */
    public Tensor var(long dim, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, new int[] {Shapes.normalizeDim(dim, dim())}, unbiased ? 1 : 0, keepdim, false);
    }

    /** The variance over several dims ({@code null} or empty: all), unbiased or not. */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, dims, unbiased ? 1 : 0, keepdim, false);
    }

    /**
     * The variance over several dims ({@code null} or empty: all) with divisor
     * {@code max(0, n - correction)} ({@code torch.var(x, dims, correction=c)}).
     */
    public Tensor var(int[] dims, double correction, boolean keepdim) {
        return Reductions.stdVar(this, dims, correction, keepdim, false);
    }

    /** The unbiased (correction 1) standard deviation of all elements; floating dtypes only. */
    public Tensor std() {
        return Reductions.stdVar(this, null, 1, false, true);
    }

    /** The standard deviation of all elements, unbiased or not. */
    public Tensor std(boolean unbiased) {
        return Reductions.stdVar(this, null, unbiased ? 1 : 0, false, true);
    }

    /** The unbiased standard deviation over {@code dim}, which is removed. */
    public Tensor std(long dim) {
        return std(dim, true, false);
    }

    /** The standard deviation over {@code dim}, unbiased or not, kept with size 1 when {@code keepdim}. */
    public Tensor std(long dim, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, new int[] {Shapes.normalizeDim(dim, dim())}, unbiased ? 1 : 0, keepdim, true);
    }

    /** The standard deviation over several dims ({@code null} or empty: all), unbiased or not. */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, dims, unbiased ? 1 : 0, keepdim, true);
    }

    /** The standard deviation over several dims with divisor {@code max(0, n - correction)}. */
    public Tensor std(int[] dims, double correction, boolean keepdim) {
        return Reductions.stdVar(this, dims, correction, keepdim, true);
    }

    /** Whether every element is non-zero, as a 0-d bool tensor (true for an empty tensor). */
    public Tensor all() {
        return Reductions.allAny(this, null, false, true);
    }

    /** Whether every element along {@code dim} (removed) is non-zero. */
    public Tensor all(long dim) {
        return all(dim, false);
    }

    /** Whether every element along {@code dim} is non-zero, {@code dim} kept with size 1 when {@code keepdim}. */
    public Tensor all(long dim, boolean keepdim) {
        return Reductions.allAny(this, dim, keepdim, true);
    }

    /** Whether some element is non-zero, as a 0-d bool tensor (false for an empty tensor). */
    public Tensor any() {
        return Reductions.allAny(this, null, false, false);
    }

    /** Whether some element along {@code dim} (removed) is non-zero. */
    public Tensor any(long dim) {
        return any(dim, false);
    }

    /** Whether some element along {@code dim} is non-zero, {@code dim} kept with size 1 when {@code keepdim}. */
    public Tensor any(long dim, boolean keepdim) {
        return Reductions.allAny(this, dim, keepdim, false);
    }

    /** The inclusive cumulative sum along {@code dim}; integer and bool tensors give int64. */
    public Tensor cumsum(long dim) {
        return Reductions.cumsum(this, dim, null);
    }

    /** The inclusive cumulative sum along {@code dim} computed in {@code dtype} (the input is cast first). */
    public Tensor cumsum(long dim, DType dtype) {
        return Reductions.cumsum(this, dim, dtype);
    }

    // ------------------------------------------------------------------ end of reductions
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ indexing
    // Section: indexing, gather and scatter (issue 4).
    // Methods of this area go between this comment and the end marker below.

    /**
     * PyTorch's {@code x[items]}: {@code x.index(Index.all(), Index.at(0))} is {@code x[:, 0]}.
     * Integers, slices, {@link Index#ellipsis()} and {@link Index#newAxis()} alone give a view (built
     * from {@link #select}, {@link #slice} and {@link #unsqueeze}); any tensor item (int64/int32
     * indices or a bool mask) gives a copy, laid out by PyTorch's advanced-indexing rules. See
     * {@link Index} for the items.
     *
     * @throws TensorException for too many items, an index out of bounds (naming the index, the dim
     *     and its size), a mask whose shape does not match, index tensors that do not broadcast, or
     *     an index tensor of another dtype
     */
    public Tensor index(Index... items) {
        return Indexing.index(this, items.clone());
    }

    /** PyTorch's {@code x[t]} for one index tensor (int64/int32 indices into dim 0, or a bool mask). */
    public Tensor index(Tensor indices) {
        return Indexing.index(this, new Index[] {Index.tensor(indices)});
    }

    /**
     * {@link #index(Index...)} with convenience items: {@link Long}/{@link Integer} for
     * {@link Index#at}, a {@link Tensor} for {@link Index#tensor}, an {@link Index} as is; e.g.
     * {@code prob.index(Tensor.arange(24), target)} is {@code prob[torch.arange(24), target]}.
     */
    public Tensor index(Object... items) {
        return Indexing.index(this, Index.of(items));
    }

    /**
     * PyTorch's {@code x[items] = value} ({@code index_put_}), in place: {@code value} is converted to
     * this dtype and broadcast to the indexed shape; with {@code accumulate}, values are added instead
     * (duplicate indices add up). Every index is checked before anything is written. Returns this.
     *
     * @throws TensorException for a bad index (see {@link #index(Index...)}) or a value that does not
     *     broadcast to the indexed shape
     */
    public Tensor indexPut_(Index[] items, Tensor value, boolean accumulate) {
        return Indexing.indexPut(this, items, value, accumulate, true);
    }

    /** {@code x[items] = value} in place (PyTorch's {@code index_put_} without accumulate); returns this. */
    public Tensor indexPut_(Index[] items, Tensor value) {
        return Indexing.indexPut(this, items, value, false, true);
    }

    /** {@code x[items] = value} in place for a scalar, e.g. {@code x[:, 1] = 0}; returns this. */
    public Tensor indexPut_(Index[] items, double value) {
        return Indexing.indexPut(this, items, scalar(value, dtype()).to(device()), false, true);
    }

    /** {@code x[items] = value} in place for an integer scalar (exact for int64); returns this. */
    public Tensor indexPut_(Index[] items, long value) {
        return Indexing.indexPut(this, items, scalar(value).to(device()), false, true);
    }

    /** {@code x[items] = value} in place for a bool scalar; returns this. */
    public Tensor indexPut_(Index[] items, boolean value) {
        return Indexing.indexPut(this, items, scalar(value).to(device()), false, true);
    }

    /** The out-of-place {@link #indexPut_(Index[], Tensor, boolean)}: a copy with the values written. */
    public Tensor indexPut(Index[] items, Tensor value, boolean accumulate) {
        return Indexing.indexPut(this, items, value, accumulate, false);
    }

    /** A copy with {@code copy[items] = value} (PyTorch's {@code index_put}). */
    public Tensor indexPut(Index[] items, Tensor value) {
        return Indexing.indexPut(this, items, value, false, false);
    }

    /** A copy with {@code copy[items] = value} for a scalar. */
    public Tensor indexPut(Index[] items, double value) {
        return Indexing.indexPut(this, items, scalar(value, dtype()).to(device()), false, false);
    }

    /**
     * The coordinates of the non-zero elements, one row each, in row-major order: an int64 tensor of
     * shape {@code [n, dim()]} (PyTorch's {@code nonzero()}).
     */
    public Tensor nonzero() {
        return Indexing.nonzero(this);
    }

    /**
     * PyTorch's {@code nonzero(as_tuple=True)}: one int64 tensor of {@code n} coordinates per dim (a
     * 0-d tensor counts as 1-d), ready to be used as index items.
     */
    public Tensor[] nonzeroAsTuple() {
        return Indexing.nonzeroAsTuple(this);
    }

    /**
     * The elements where the bool {@code mask} is true, as a 1-d copy; this tensor and the mask
     * broadcast together first (PyTorch's {@code masked_select}).
     */
    public Tensor maskedSelect(Tensor mask) {
        return Indexing.maskedSelect(this, mask);
    }

    /**
     * {@code out[i][j][k] = this[i][index[i][j][k]][k]} for {@code dim = 1} (PyTorch's {@code gather}):
     * the result has {@code index}'s shape; {@code index} has this tensor's number of dims and is no
     * larger in any dim but {@code dim}.
     *
     * @throws TensorException for a dim out of range, mismatched dims or sizes, a non-integer index,
     *     or an index outside {@code [0, size(dim))}
     */
    public Tensor gather(long dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /**
     * A copy with {@code copy[i][index[i][j][k]][k] = src[i][j][k]} for {@code dim = 1} (PyTorch's
     * {@code scatter}); {@code src} has this dtype and is at least as large as {@code index}.
     */
    public Tensor scatter(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, false, false);
    }

    /** A copy with {@code value} written at the positions {@code index} selects along {@code dim}. */
    public Tensor scatter(long dim, Tensor index, double value) {
        return Indexing.scatter(this, dim, index, null, value, false, false);
    }

    /** The in-place {@link #scatter(long, Tensor, Tensor)}; returns this. */
    public Tensor scatter_(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, false, true);
    }

    /** The in-place {@link #scatter(long, Tensor, double)}; returns this. */
    public Tensor scatter_(long dim, Tensor index, double value) {
        return Indexing.scatter(this, dim, index, null, value, false, true);
    }

    /**
     * A copy with {@code copy[i][index[i][j][k]][k] += src[i][j][k]} for {@code dim = 1}: duplicate
     * indices add up (PyTorch's {@code scatter_add}).
     */
    public Tensor scatterAdd(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, true, false);
    }

    /** The in-place {@link #scatterAdd}; returns this. */
    public Tensor scatterAdd_(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, true, true);
    }

    /**
     * The slices at positions {@code index} (1-d, int64 or int32) along {@code dim}, copied: the result
     * has {@code index.numel()} entries in that dim (PyTorch's {@code index_select}).
     */
    public Tensor indexSelect(long dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /**
     * A copy with slice {@code i} of {@code source} along {@code dim} added to slice {@code index[i]}
     * (duplicates add up; PyTorch's {@code index_add}).
     */
    public Tensor indexAdd(long dim, Tensor index, Tensor source) {
        return Indexing.indexAdd(this, dim, index, source, 1, false);
    }

    /** {@link #indexAdd(long, Tensor, Tensor)} with {@code source} scaled by {@code alpha}. */
    public Tensor indexAdd(long dim, Tensor index, Tensor source, double alpha) {
        return Indexing.indexAdd(this, dim, index, source, alpha, false);
    }

    /** The in-place {@link #indexAdd(long, Tensor, Tensor)}; returns this. */
    public Tensor indexAdd_(long dim, Tensor index, Tensor source) {
        return Indexing.indexAdd(this, dim, index, source, 1, true);
    }

    /** The in-place {@link #indexAdd(long, Tensor, Tensor, double)}; returns this. */
    public Tensor indexAdd_(long dim, Tensor index, Tensor source, double alpha) {
        return Indexing.indexAdd(this, dim, index, source, alpha, true);
    }

    /**
     * The elements at flat (row-major) positions {@code index}, in {@code index}'s shape; negative
     * positions count from the end (PyTorch's {@code take}).
     */
    public Tensor take(Tensor index) {
        return Indexing.take(this, index);
    }

    /**
     * {@link #gather} after broadcasting this tensor and {@code indices} against each other in every
     * dim but {@code dim} (PyTorch's {@code take_along_dim}).
     */
    public Tensor takeAlongDim(Tensor indices, long dim) {
        return Indexing.takeAlongDim(this, indices, dim);
    }

    /** PyTorch's {@code take_along_dim} without a dim: both tensors flattened. */
    public Tensor takeAlongDim(Tensor indices) {
        return Indexing.gather(reshape(-1), 0, indices.reshape(-1));
    }

    // ------------------------------------------------------------------ end of indexing
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ random
    // Section: random numbers (issue 5).
    // Methods of this area go between this comment and the end marker below.

    /** Seeds the default generator, like {@code torch.manual_seed(seed)}; returns it. */
    public static Generator manualSeed(long seed) {
        return Generator.manualSeed(seed);
    }

    /** float32 values uniform in {@code [0, 1)}, like {@code torch.rand(*shape)} (PyTorch's values bit for bit). */
    public static Tensor rand(long... shape) {
        return rand(shape, DType.FLOAT32, null);
    }

    /** {@link #rand(long...)} drawing from {@code generator}, like {@code torch.rand(*shape, generator=g)}. */
    public static Tensor rand(Generator generator, long... shape) {
        return rand(shape, DType.FLOAT32, generator);
    }

    /** Uniform {@code [0, 1)} values of a floating {@code dtype}, like {@code torch.rand(shape, dtype=dtype)}. */
    public static Tensor rand(long[] shape, DType dtype) {
        return rand(shape, dtype, null);
    }

    /** Uniform {@code [0, 1)} values of {@code dtype} from {@code generator} (null: the default generator). */
    public static Tensor rand(long[] shape, DType dtype, Generator generator) {
        return empty(shape, dtype, Device.CPU).uniform_(0, 1, generator);
    }

    /**
     * float32 standard normal values, like {@code torch.randn(*shape)} (PyTorch's values bit for bit;
     * see {@link #normal_(double, double, Generator)} for the two algorithms).
     */
    public static Tensor randn(long... shape) {
        return randn(shape, DType.FLOAT32, null);
    }

    /** {@link #randn(long...)} drawing from {@code generator}, like {@code torch.randn(*shape, generator=g)}. */
    public static Tensor randn(Generator generator, long... shape) {
        return randn(shape, DType.FLOAT32, generator);
    }

    /** Standard normal values of a floating {@code dtype}, like {@code torch.randn(shape, dtype=dtype)}. */
    public static Tensor randn(long[] shape, DType dtype) {
        return randn(shape, dtype, null);
    }

    /**
     * Standard normal values of {@code dtype} from {@code generator} (null: the default generator).
     * float64 values may differ from PyTorch's in the last bit (the JDK's log/sin/cos are not glibc's).
     */
    public static Tensor randn(long[] shape, DType dtype, Generator generator) {
        return empty(shape, dtype, Device.CPU).normal_(0, 1, generator);
    }

    /** int64 values uniform in {@code [0, high)}, like {@code torch.randint(high, shape)}. */
    public static Tensor randint(long high, long[] shape) {
        return randint(0, high, shape, DType.INT64, null);
    }

    /** {@link #randint(long, long[])} drawing from {@code generator}. */
    public static Tensor randint(long high, long[] shape, Generator generator) {
        return randint(0, high, shape, DType.INT64, generator);
    }

    /**
     * int64 values uniform in {@code [low, high)}, like {@code torch.randint(low, high, shape)}; any
     * int64 range works, and the values match PyTorch's exactly (for ranges in {@code [2^28, 2^32)}
     * they depend on the {@linkplain Generator#setCompatibility PyTorch version}).
     *
     * @throws TensorException if {@code low >= high}
     */
    public static Tensor randint(long low, long high, long[] shape) {
        return randint(low, high, shape, DType.INT64, null);
    }

    /** {@link #randint(long, long, long[])} drawing from {@code generator}. */
    public static Tensor randint(long low, long high, long[] shape, Generator generator) {
        return randint(low, high, shape, DType.INT64, generator);
    }

    /** Values uniform in {@code [low, high)} stored as {@code dtype}, like {@code torch.randint(low, high, shape, dtype=dtype)}. */
    public static Tensor randint(long low, long high, long[] shape, DType dtype) {
        return randint(low, high, shape, dtype, null);
    }

    /** Values uniform in {@code [low, high)} as {@code dtype} from {@code generator} (null: the default generator). */
    public static Tensor randint(long low, long high, long[] shape, DType dtype, Generator generator) {
        return empty(shape, dtype, Device.CPU).random_(low, high, generator);
    }

    /** A random permutation of {@code 0..n-1} as int64, like {@code torch.randperm(n)}. */
    public static Tensor randperm(long n) {
        return RandomOps.randperm(n, DType.INT64, null);
    }

    /** {@link #randperm(long)} drawing from {@code generator}. */
    public static Tensor randperm(long n, Generator generator) {
        return RandomOps.randperm(n, DType.INT64, generator);
    }

    /** A random permutation of {@code 0..n-1} stored as {@code dtype}, like {@code torch.randperm(n, dtype=dtype)}. */
    public static Tensor randperm(long n, DType dtype) {
        return RandomOps.randperm(n, dtype, null);
    }

    /** A random permutation of {@code 0..n-1} as {@code dtype} from {@code generator} (null: the default generator). */
    public static Tensor randperm(long n, DType dtype, Generator generator) {
        return RandomOps.randperm(n, dtype, generator);
    }

    /**
     * Uniform {@code [0, 1)} values with x's shape, dtype, device and layout, like
     * {@code torch.rand_like(x)}: a transposed x gives a transposed result, filled in memory order.
     */
    public static Tensor randLike(Tensor x) {
        return randLike(x, x.dtype(), null);
    }

    /** {@link #randLike(Tensor)} drawing from {@code generator}. */
    public static Tensor randLike(Tensor x, Generator generator) {
        return randLike(x, x.dtype(), generator);
    }

    /** {@link #randLike(Tensor)} with another floating {@code dtype}. */
    public static Tensor randLike(Tensor x, DType dtype) {
        return randLike(x, dtype, null);
    }

    /** {@link #randLike(Tensor)} with {@code dtype} from {@code generator} (null: the default generator). */
    public static Tensor randLike(Tensor x, DType dtype, Generator generator) {
        return RandomOps.emptyLike(x, dtype).uniform_(0, 1, generator);
    }

    /**
     * Standard normal values with x's shape, dtype, device and layout, like {@code torch.randn_like(x)}
     * (a non-contiguous layout takes PyTorch's scalar path even for 16 or more elements).
     */
    public static Tensor randnLike(Tensor x) {
        return randnLike(x, x.dtype(), null);
    }

    /** {@link #randnLike(Tensor)} drawing from {@code generator}. */
    public static Tensor randnLike(Tensor x, Generator generator) {
        return randnLike(x, x.dtype(), generator);
    }

    /** {@link #randnLike(Tensor)} with another floating {@code dtype}. */
    public static Tensor randnLike(Tensor x, DType dtype) {
        return randnLike(x, dtype, null);
    }

    /** {@link #randnLike(Tensor)} with {@code dtype} from {@code generator} (null: the default generator). */
    public static Tensor randnLike(Tensor x, DType dtype, Generator generator) {
        return RandomOps.emptyLike(x, dtype).normal_(0, 1, generator);
    }

    /** Integers in {@code [0, high)} with x's shape, dtype (kept, as PyTorch does), device and layout, like {@code torch.randint_like(x, high)}. */
    public static Tensor randintLike(Tensor x, long high) {
        return randintLike(x, 0, high, x.dtype(), null);
    }

    /** Integers in {@code [low, high)} with x's shape, dtype, device and layout, like {@code torch.randint_like(x, low, high)}. */
    public static Tensor randintLike(Tensor x, long low, long high) {
        return randintLike(x, low, high, x.dtype(), null);
    }

    /** {@link #randintLike(Tensor, long, long)} drawing from {@code generator}. */
    public static Tensor randintLike(Tensor x, long low, long high, Generator generator) {
        return randintLike(x, low, high, x.dtype(), generator);
    }

    /** {@link #randintLike(Tensor, long, long)} stored as {@code dtype}, from {@code generator} (null: the default generator). */
    public static Tensor randintLike(Tensor x, long low, long high, DType dtype, Generator generator) {
        return RandomOps.emptyLike(x, dtype).random_(low, high, generator);
    }

    /** Fills this floating tensor with uniform {@code [0, 1)} values in place, like {@code x.uniform_()}; returns this. */
    public Tensor uniform_() {
        return RandomOps.uniform_(this, 0, 1, null);
    }

    /** Fills this floating tensor with values uniform in {@code [from, to)} in place, like {@code x.uniform_(from, to)}; returns this. */
    public Tensor uniform_(double from, double to) {
        return RandomOps.uniform_(this, from, to, null);
    }

    /**
     * {@link #uniform_(double, double)} drawing from {@code generator} (null: the default generator).
     * The bounds are rounded to the dtype first and each element is {@code fma(u, to - from, from)}.
     *
     * @throws TensorException for a non-floating dtype, non-finite bounds or {@code from > to}
     */
    public Tensor uniform_(double from, double to, Generator generator) {
        return RandomOps.uniform_(this, from, to, generator);
    }

    /** Fills this floating tensor with standard normal values in place, like {@code x.normal_()}; returns this. */
    public Tensor normal_() {
        return RandomOps.normal_(this, 0, 1, null);
    }

    /** Fills this floating tensor with normal values in place, like {@code x.normal_(mean, std)}; returns this. */
    public Tensor normal_(double mean, double std) {
        return RandomOps.normal_(this, mean, std, null);
    }

    /**
     * {@link #normal_(double, double)} drawing from {@code generator} (null: the default generator).
     * As in PyTorch, a contiguous tensor of at least 16 elements takes the vectorised Box–Muller path
     * (float32 bit-exact), anything else the scalar path, which may leave a cached sample in the
     * generator for the next scalar-path call.
     *
     * @throws TensorException for a non-floating dtype or {@code std < 0}
     */
    public Tensor normal_(double mean, double std, Generator generator) {
        return RandomOps.normal_(this, mean, std, generator);
    }

    /**
     * Fills this tensor with random integers in place, like {@code x.random_()}: int64 in
     * {@code [0, 2^63)}, int32 in {@code [0, 2^31)}, float32 in {@code [0, 2^24]}, float64 in
     * {@code [0, 2^53]}, bool either; returns this.
     */
    public Tensor random_() {
        return RandomOps.random_(this, null);
    }

    /** {@link #random_()} drawing from {@code generator} (null: the default generator). */
    public Tensor random_(Generator generator) {
        return RandomOps.random_(this, generator);
    }

    /** Fills this tensor with integers uniform in {@code [0, to)} in place, like {@code x.random_(to)}; returns this. */
    public Tensor random_(long to) {
        return RandomOps.random_(this, 0, to, null);
    }

    /** Fills this tensor with integers uniform in {@code [from, to)} in place, like {@code x.random_(from, to)}; returns this. */
    public Tensor random_(long from, long to) {
        return RandomOps.random_(this, from, to, null);
    }

    /**
     * {@link #random_(long, long)} drawing from {@code generator} (null: the default generator).
     *
     * @throws TensorException if {@code from >= to} or the bounds do not fit the dtype
     */
    public Tensor random_(long from, long to, Generator generator) {
        return RandomOps.random_(this, from, to, generator);
    }

    /**
     * {@code torch.multinomial(self, numSamples, replacement, generator=generator)}: indices drawn
     * from the categories of each row of this 1-D or 2-D tensor of non-negative weights (rows need not
     * sum to one), as int64 of shape {@code [numSamples]} or {@code [rows, numSamples]}. Follows
     * PyTorch's CPU algorithms without MKL (exponential race without replacement, and for one
     * sample under {@link TorchVersion#V2}; cumulative-sum search otherwise), following the generator's
     * {@link Generator#torchVersion()}. A null generator means the default one.
     */
    public Tensor multinomial(long numSamples, boolean replacement, Generator generator) {
        return Multinomial.sample(this, numSamples, replacement, generator);
    }

    /** {@code torch.multinomial(self, numSamples)}: without replacement, from the default generator. */
    public Tensor multinomial(long numSamples) {
        return Multinomial.sample(this, numSamples, false, null);
    }

    // ------------------------------------------------------------------ end of random
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ linalg
    // Section: matrix products (issue 6).
    // Methods of this area go between this comment and the end marker below.

    /**
     * The matrix product with PyTorch's rank rules ({@code torch.matmul}, Python's {@code @}):
     * 1-D by 1-D is a dot product (0-d result); 2-D by 2-D a matrix product; a 1-D operand is
     * treated as a row (left) or column (right) vector and its dim removed from the result; with
     * more dims, the leading (batch) dims broadcast, e.g. {@code [2, 1, 3, 4] @ [5, 4, 2]} gives
     * {@code [2, 5, 3, 2]}. Both operands must have the same dtype (float32, float64, int64 or
     * int32): like PyTorch, matmul does not promote.
     *
     * @throws TensorException for 0-d operands, mismatched inner sizes, batch dims that do not
     *     broadcast, or different dtypes; the message names both shapes
     */
    public Tensor matmul(Tensor other) {
        return Linalg.matmul(this, other, null);
    }

    /**
     * {@link #matmul(Tensor)} written into {@code out} (PyTorch's {@code out=} argument), which must
     * already have the result's shape and dtype; returns {@code out}. Not differentiable.
     *
     * @throws TensorException when {@code out} has another shape or dtype, is an expanded view, or
     *     an argument requires grad
     */
    public Tensor matmul(Tensor other, Tensor out) {
        return Linalg.matmul(this, other, out);
    }

    /**
     * The product of two 2-D matrices ({@code torch.mm}), {@code [n, k] @ [k, m] -> [n, m]}; no
     * broadcasting, same dtypes.
     */
    public Tensor mm(Tensor mat2) {
        return Linalg.mm(this, mat2);
    }

    /**
     * The batched product of two 3-D tensors with equal batch sizes ({@code torch.bmm}),
     * {@code [b, n, k] @ [b, k, m] -> [b, n, m]}; no broadcasting, same dtypes.
     */
    public Tensor bmm(Tensor mat2) {
        return Linalg.bmm(this, mat2);
    }

    /** The inner product of two 1-D tensors of equal length and dtype, a 0-d tensor ({@code torch.dot}). */
    public Tensor dot(Tensor other) {
        return Linalg.dot(this, other);
    }

    /** The product of this 2-D matrix and a 1-D vector ({@code torch.mv}), {@code [n, k] @ [k] -> [n]}. */
    public Tensor mv(Tensor vec) {
        return Linalg.mv(this, vec);
    }

    /**
     * The outer product of two 1-D tensors ({@code torch.outer}), {@code out[i, j] = this[i] * vec2[j]};
     * the dtypes are promoted as for {@code mul}.
     */
    public Tensor outer(Tensor vec2) {
        return Linalg.outer(this, vec2);
    }

    // ------------------------------------------------------------------ end of linalg
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ autograd

    /** Whether gradients are computed for this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf tensor as requiring gradients (needs tensor-ops on the path); returns this.
     *
     * @throws TensorException for a non-floating dtype, or a non-leaf tensor
     */
    public Tensor requiresGrad(boolean on) {
        if (on) {
            if (!dtype().isFloatingPoint()) {
                throw new TensorException("only Tensors of floating point dtype can require gradients, got " + dtype());
            }
            Autograd.engine();
        }
        if (gradFn != null && !on) {
            throw new TensorException("you can only change requires_grad flags of leaf variables. If you want to use a "
                    + "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        requiresGrad = on;
        return this;
    }

    /** The accumulated gradient, or null. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the accumulated gradient (null clears it). */
    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw new TensorException("assigned grad has data of a different size: grad " + Arrays.toString(g.shape)
                    + " vs tensor " + Arrays.toString(shape));
        }
        this.grad = g;
    }

    /** The node that produced this tensor (PyTorch's {@code grad_fn}), or null for leaves. */
    public GradNode gradFn() {
        return gradFn;
    }

    /** Whether this tensor was not produced by a recorded op. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Which output of its node this tensor is (for ops with several outputs). */
    public int outputNr() {
        return outputNr;
    }

    /**
     * Engine-only: attaches the node that produced this tensor. Called by the autograd engine in
     * tensor-ops when it records an op.
     */
    public void attachGradFn(GradNode node, int outputIndex) {
        this.gradFn = node;
        this.outputNr = outputIndex;
        this.requiresGrad = node != null;
    }

    /** A tensor sharing this storage, cut from the graph (no grad). */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset, true);
    }

    /** Back-propagates from this scalar tensor into the leaves' {@link #grad()}. */
    public void backward() {
        if (numel() != 1) {
            throw new TensorException("grad can be implicitly created only for scalar outputs, but got shape "
                    + Arrays.toString(shape));
        }
        backward(null, false);
    }

    /**
     * Back-propagates with an explicit output gradient ({@code null} means ones for a scalar);
     * {@code retainGraph} keeps the graph for another backward.
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        if (!requiresGrad) {
            throw new TensorException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        Autograd.engine().backward(this, gradient, retainGraph);
    }

    // ------------------------------------------------------------------ printing

    /**
     * The same text PyTorch's {@code repr} prints for this tensor, e.g. {@code tensor([0.1000, 1.2000])},
     * with the options of {@link TensorPrinter#setPrintOptions}.
     */
    @Override
    public String toString() {
        return TensorPrinter.repr(this);
    }
}
