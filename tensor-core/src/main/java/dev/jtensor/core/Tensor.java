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
     *
     * @param storage the storage
     * @param shape the shape (the size of each dim)
     * @param strides the element strides
     * @param offset the storage offset
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

    /** {@return the storage this tensor views} */
    public Storage storage() {
        return storage;
    }

    /** {@return the element type} */
    public DType dtype() {
        return storage.dtype();
    }

    /** {@return the device of the storage} */
    public Device device() {
        return storage.device();
    }

    /** {@return the sizes of the dims (a copy)} */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The sizes of the dims as PyTorch's {@code x.size()} and {@code x.shape} give them: a {@link Size},
     * compared by value and printed {@code torch.Size([2, 3])}. Use {@link #shape()} for a {@code long[]}.
     *
     * @return the size, sharing this tensor's (never written) shape array
     */
    public Size size() {
        return Size.wrap(shape);
    }

    /**
     * {@return the size of one dim (negative dims count from the end)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public long size(long dim) {
        return shape[Shapes.normalizeDim(dim, shape.length)];
    }

    /** {@return the element strides of the dims (a copy)} */
    public long[] stride() {
        return strides.clone();
    }

    /**
     * {@return the element stride of one dim (negative dims count from the end)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public long stride(long dim) {
        return strides[Shapes.normalizeDim(dim, shape.length)];
    }

    /** {@return the storage index of the first element} */
    public long storageOffset() {
        return offset;
    }

    /** Whether the shape equals {@code s}, without copying it. */
    boolean hasShape(long[] s) {
        return Arrays.equals(shape, s);
    }

    /** {@return the number of dims} */
    public int dim() {
        return shape.length;
    }

    /** {@return the number of elements} */
    public long numel() {
        return Shapes.numel(shape);
    }

    /** {@return whether the elements are laid out row-major without gaps (size-1 dims may have any stride)} */
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
     * @param data the data
     * @return a tensor from Java data with PyTorch's dtype inference
     * @throws TensorException for ragged nesting (naming the expected and found lengths) or unsupported types
     */
    public static Tensor tensor(Object data) {
        return Creation.fromData(data, null);
    }

    /**
     * {@return a tensor from Java data converted to {@code dtype}}
     *
     * @param data the data
     * @param dtype the dtype
     */
    public static Tensor tensor(Object data, DType dtype) {
        return Creation.fromData(data, dtype);
    }

    /**
     * {@return a 0-d float32 tensor}
     *
     * @param value the value
     */
    public static Tensor scalar(double value) {
        return Creation.fromData(value, DType.FLOAT32);
    }

    /**
     * {@return a 0-d tensor of the given dtype}
     *
     * @param value the value
     * @param dtype the dtype
     */
    public static Tensor scalar(double value, DType dtype) {
        return Creation.fromData(value, dtype);
    }

    /**
     * {@return a 0-d int64 tensor}
     *
     * @param value the value
     */
    public static Tensor scalar(long value) {
        return Creation.fromData(value, DType.INT64);
    }

    /**
     * {@return a 0-d bool tensor}
     *
     * @param value the value
     */
    public static Tensor scalar(boolean value) {
        return Creation.fromData(value, DType.BOOL);
    }

    /**
     * {@return a 1-D tensor holding a copy of a primitive array ({@code float[]}, {@code double[]}, {@code
     * long[]}, {@code int[]}, {@code boolean[]})}
     *
     * @param array the Java array
     */
    public static Tensor fromArray(Object array) {
        return new Tensor(dev.jtensor.core.spi.Backends.cpu().fromHost(array),
                new long[] {java.lang.reflect.Array.getLength(array)}, new long[] {1}, 0);
    }

    /**
     * {@return a tensor holding a copy of a primitive array, viewed as {@code shape} (an empty shape gives a 0-d
     * tensor)}
     *
     * @param array the Java array
     * @param shape the shape (the size of each dim)
     */
    public static Tensor fromArray(Object array, long... shape) {
        Tensor flat = fromArray(array);
        return shape.length == 1 && shape[0] == flat.numel() ? flat : flat.view(shape);
    }

    /**
     * {@return an uninitialised-by-contract (here: zero-filled) contiguous tensor on a device}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     * @param device the device
     */
    public static Tensor empty(long[] shape, DType dtype, Device device) {
        long[] s = Shapes.checkShape(shape);
        // s is checkShape's copy: the new tensor owns it.
        return new Tensor(device.backend().allocate(dtype, Shapes.numel(s)), s, Shapes.contiguousStrides(s), 0, true);
    }

    /**
     * {@return a float32 tensor of zeros}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor zeros(long... shape) {
        return zeros(shape, DType.FLOAT32);
    }

    /**
     * {@return a tensor of zeros of {@code dtype}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor zeros(long[] shape, DType dtype) {
        return empty(shape, dtype, Device.CPU);
    }

    /**
     * {@return a float32 tensor of ones}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor ones(long... shape) {
        return full(shape, 1.0, DType.FLOAT32);
    }

    /**
     * {@return a tensor of ones of {@code dtype}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor ones(long[] shape, DType dtype) {
        return full(shape, 1.0, dtype);
    }

    /**
     * {@return a float32 tensor filled with {@code value} (PyTorch infers float32 for a float fill value)}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     */
    public static Tensor full(long[] shape, double value) {
        return full(shape, value, DType.FLOAT32);
    }

    /**
     * {@return an int64 tensor filled with {@code value} (PyTorch infers int64 for an integer fill value)}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     */
    public static Tensor full(long[] shape, long value) {
        return zeros(shape, DType.INT64).fill_(value);
    }

    /**
     * {@return a bool tensor filled with {@code value}}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     */
    public static Tensor full(long[] shape, boolean value) {
        return zeros(shape, DType.BOOL).fill_(value);
    }

    /**
     * {@return a tensor of {@code dtype} filled with {@code value}}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     * @param dtype the dtype
     */
    public static Tensor full(long[] shape, double value, DType dtype) {
        return zeros(shape, dtype).fill_(value);
    }

    /**
     * {@return {@code [0, 1, ..., end-1]} as int64}
     *
     * @param end the end
     */
    public static Tensor arange(long end) {
        return arange(0, end, 1);
    }

    /**
     * {@return {@code [start, start+1, ..., end-1]} as int64}
     *
     * @param start the start
     * @param end the end
     */
    public static Tensor arange(long start, long end) {
        return arange(start, end, 1);
    }

    /**
     * {@return int64 values from {@code start} up to (excluding) {@code end} by {@code step}}
     *
     * @param start the start
     * @param end the end
     * @param step the step
     */
    public static Tensor arange(long start, long end, long step) {
        return Creation.arange(start, end, step, DType.INT64);
    }

    /**
     * {@return float32 values from {@code start} up to (excluding) {@code end} by {@code step}}
     *
     * @param start the start
     * @param end the end
     * @param step the step
     */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.FLOAT32);
    }

    /**
     * {@return values from {@code start} up to (excluding) {@code end} by {@code step}, of {@code dtype}}
     *
     * @param start the start
     * @param end the end
     * @param step the step
     * @param dtype the dtype
     */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return Creation.arange(start, end, step, dtype);
    }

    /**
     * {@return {@code steps} float32 values evenly spaced from {@code start} to {@code end} inclusive}
     *
     * @param start the start
     * @param end the end
     * @param steps the number of steps
     */
    public static Tensor linspace(double start, double end, long steps) {
        return Creation.linspace(start, end, steps, DType.FLOAT32);
    }

    /**
     * {@return {@code steps} values of {@code dtype} evenly spaced from {@code start} to {@code end} inclusive}
     *
     * @param start the start
     * @param end the end
     * @param steps the number of steps
     * @param dtype the dtype
     */
    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        return Creation.linspace(start, end, steps, dtype);
    }

    /**
     * {@return the float32 {@code n x n} identity}
     *
     * @param n the count
     */
    public static Tensor eye(long n) {
        return eye(n, n, DType.FLOAT32);
    }

    /**
     * {@return the float32 {@code n x m} matrix with ones on the diagonal}
     *
     * @param n the count
     * @param m the count m
     */
    public static Tensor eye(long n, long m) {
        return eye(n, m, DType.FLOAT32);
    }

    /**
     * {@return the {@code n x m} matrix of {@code dtype} with ones on the diagonal}
     *
     * @param n the count
     * @param m the count m
     * @param dtype the dtype
     */
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

    /**
     * Zeros with this tensor's shape, dtype and device.
     *
     * @param t the tensor
     * @return this tensor
     */
    public static Tensor zerosLike(Tensor t) {
        return empty(t.shape, t.dtype(), t.device());
    }

    /**
     * Ones with this tensor's shape, dtype and device.
     *
     * @param t the tensor
     * @return this tensor
     */
    public static Tensor onesLike(Tensor t) {
        return empty(t.shape, t.dtype(), t.device()).fill_(1L);
    }

    /**
     * {@return {@code value} with this tensor's shape, dtype and device}
     *
     * @param t the tensor
     * @param value the value
     */
    public static Tensor fullLike(Tensor t, double value) {
        return empty(t.shape, t.dtype(), t.device()).fill_(value);
    }

    /**
     * {@return {@code value} with this tensor's shape and device, of {@code dtype}}
     *
     * @param t the tensor
     * @param value the value
     * @param dtype the dtype
     */
    public static Tensor fullLike(Tensor t, double value, DType dtype) {
        return empty(t.shape, dtype, t.device()).fill_(value);
    }

    // ------------------------------------------------------------------ conversion and data access

    /**
     * A copy converted to {@code dtype} (PyTorch's casts: float to integer truncates toward zero); this tensor if
     * the dtype already matches.
     *
     * @param dtype the dtype
     * @return a copy converted to {@code dtype} (PyTorch's casts: float to integer truncates toward zero)
     */
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
     * {@return a copy on {@code device}; this tensor if it is already there}
     *
     * @param target the target
     */
    public Tensor to(Device target) {
        if (target.equals(device())) {
            return this;
        }
        Tensor src = contiguous();
        Object host = src.backend().toHost(src.storage);
        Storage moved = target.backend().fromHost(host);
        Tensor out = new Tensor(moved, shape, Shapes.contiguousStrides(shape), src.offset);
        return Autograd.record(Primitive.CAST, out, new Tensor[] {this}, dtype(), device());
    }

    /**
     * Same as {@link #to(DType) to(FLOAT32)}.
     *
     * @return this tensor
     */
    public Tensor float_() {
        return to(DType.FLOAT32);
    }

    /**
     * Same as {@link #to(DType) to(INT64)}.
     *
     * @return this tensor
     */
    public Tensor long_() {
        return to(DType.INT64);
    }

    /** {@return the value of a one-element tensor as a double} */
    public double item() {
        requireOneElement("item");
        return switch (scalarObject()) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.doubleValue();
            default -> throw new IllegalStateException();
        };
    }

    /** {@return the value of a one-element integer or bool tensor as a long (floats truncate)} */
    public long itemLong() {
        requireOneElement("itemLong");
        return switch (scalarObject()) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.longValue();
            default -> throw new IllegalStateException();
        };
    }

    /** {@return the value of a one-element tensor as a boolean ({@code != 0})} */
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

    /** {@return the elements in row-major order as a host array of the dtype's primitive type (a copy)} */
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

    /** {@return the elements in row-major order converted to float} */
    public float[] toFloatArray() {
        return (float[]) to(DType.FLOAT32).toHostArray();
    }

    /** {@return the elements in row-major order converted to double} */
    public double[] toDoubleArray() {
        return (double[]) to(DType.FLOAT64).toHostArray();
    }

    /** {@return the elements in row-major order converted to long} */
    public long[] toLongArray() {
        return (long[]) to(DType.INT64).toHostArray();
    }

    /** {@return the elements in row-major order converted to int} */
    public int[] toIntArray() {
        return (int[]) to(DType.INT32).toHostArray();
    }

    /** {@return the elements in row-major order converted to boolean} */
    public boolean[] toBooleanArray() {
        return (boolean[]) to(DType.BOOL).toHostArray();
    }

    /**
     * Fills this tensor in place with {@code value}; returns this.
     *
     * @param value the value
     * @return this tensor
     */
    public Tensor fill_(double value) {
        return fillWith(value);
    }

    /**
     * Fills this tensor in place with an integer {@code value} (exact for int64); returns this.
     *
     * @param value the value
     * @return this tensor
     */
    public Tensor fill_(long value) {
        return fillWith(value);
    }

    /**
     * Fills this tensor in place with {@code value}; returns this.
     *
     * @param value the value
     * @return this tensor
     */
    public Tensor fill_(boolean value) {
        return fillWith(value);
    }

    private Tensor fillWith(Object value) {
        checkInPlaceAllowed("fill_");
        backend().fill(TensorIterator.of(this), value);
        storage.bumpVersion();
        return this;
    }

    /**
     * Sets every element to zero; returns this.
     *
     * @return this tensor
     */
    public Tensor zero_() {
        return fill_(0L);
    }

    /**
     * Copies {@code src} (broadcast to this shape, converted to this dtype) into this tensor in
     * place; returns this.
     *
     * @param src the source values
     * @return this tensor
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

    /**
     * {@return whether two tensors view the same storage}
     *
     * @param other the other operand, broadcast with this tensor
     */
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

    /** {@return this tensor if contiguous, else a contiguous copy} */
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
     *
     * @param other the other operand, broadcast with this tensor
     * @param op the operation
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
     * {@return a view with a new shape (one size may be -1) over the same storage}
     *
     * @param newShape the new shape
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

    /**
     * {@return a view with a new shape when the strides allow one, else a contiguous copy (PyTorch's reshape)}
     *
     * @param newShape the new shape
     */
    public Tensor reshape(long... newShape) {
        long[] s = Shapes.inferSize(newShape, numel());
        long[] st = Shapes.viewStrides(shape, strides, s);
        if (st != null) {
            return view(s);
        }
        return clone().view(s);
    }

    /**
     * {@return a view of the same shape as {@code other}}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor viewAs(Tensor other) {
        return view(other.shape);
    }

    /**
     * {@return a reshape to the shape of {@code other}}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor reshapeAs(Tensor other) {
        return reshape(other.shape);
    }

    /**
     * {@return a view with dims {@code dim0} and {@code dim1} swapped}
     *
     * @param dim0 the first dim
     * @param dim1 the second dim
     */
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

    /**
     * {@return a view with the dims reordered: result dim {@code i} is input dim {@code dims[i]}}
     *
     * @param dims the dims (negative count from the end)
     */
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

    /** {@return the transpose of a tensor of at most 2 dims (PyTorch's {@code t()})} */
    public Tensor t() {
        if (dim() > 2) {
            throw new TensorException("t() expects a tensor with <= 2 dimensions, but self is " + dim() + "D");
        }
        return dim() < 2 ? view(shape) : transpose(0, 1);
    }

    /** {@return PyTorch's {@code .T}: all dims reversed} */
    public Tensor T() {
        int[] perm = new int[dim()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = perm.length - 1 - i;
        }
        return permute(perm);
    }

    /** {@return a view without the dims of size 1} */
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

    /**
     * {@return a view without dim {@code dim} if its size is 1 (else the same shape)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor squeeze(long dim) {
        int d = Shapes.normalizeDim(dim, dim());
        if (dim() == 0 || shape[d] != 1) {
            return aliasView(shape, strides);
        }
        return aliasView(remove(shape, d), remove(strides, d));
    }

    /**
     * {@return a view with a new dim of size 1 at position {@code dim} (in {@code [-dim()-1, dim()]})}
     *
     * @param dim the dim (negative counts from the end)
     */
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
     *
     * @param sizes the size of each dim
     * @return a view broadcast to {@code sizes} (-1 keeps a size; new dims are added in front)
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

    /**
     * {@return a view expanded to {@code other}'s shape}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /** {@return All dims flattened into one} */
    public Tensor flatten() {
        return flatten(0, -1);
    }

    /**
     * Dims {@code startDim..endDim} (inclusive) flattened into one (a view when possible).
     *
     * @param startDim the first dim to flatten
     * @param endDim the last dim to flatten
     * @return this tensor
     */
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

    /**
     * {@return Dim {@code dim} split into {@code sizes} (one may be -1)}
     *
     * @param dim the dim (negative counts from the end)
     * @param sizes the size of each dim
     */
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

    /**
     * {@return a view of {@code length} elements of dim {@code dim} from {@code start} (negative start counts from
     * the end)}
     *
     * @param dim the dim (negative counts from the end)
     * @param start the start
     * @param length the length
     */
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
     *
     * @param dim the dim (negative counts from the end)
     * @param start the start
     * @param stop the stop
     * @param step the step
     * @return Python's {@code x[..., start:stop:step, ...]} along one dim
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

    /**
     * {@return the view at {@code index} of dim {@code dim}, which is removed (negative index counts from the
     * end)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the index
     */
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

    /**
     * {@return views of consecutive pieces of {@code splitSize} along {@code dim} (the last may be smaller)}
     *
     * @param splitSize the size of each piece
     * @param dim the dim (negative counts from the end)
     */
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

    /**
     * {@return views of pieces with the given sizes along {@code dim}; the sizes must add up to the dim's size}
     *
     * @param sizes the size of each dim
     * @param dim the dim (negative counts from the end)
     */
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

    /**
     * {@return {@code chunks} views of equal size along {@code dim} (the last may be smaller; fewer if the dim is
     * short)}
     *
     * @param chunks the number of chunks
     * @param dim the dim (negative counts from the end)
     */
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

    /**
     * {@return the views along {@code dim}, each without that dim}
     *
     * @param dim the dim (negative counts from the end)
     */
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
     * {@return the tensors joined along {@code dim}; they must match in every other dim, and their dtypes are
     * promoted} PyTorch's legacy rule lets 1-D empty tensors of shape {@code [0]} take part.
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor cat(Tensor[] tensors, long dim) {
        return Creation.cat(tensors, dim);
    }

    /**
     * {@return the tensors, all of one shape, stacked along a new dim {@code dim}}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
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

    /**
     * {@return the tensor tiled {@code repeats[i]} times along dim {@code i} (new leading dims as needed)}
     *
     * @param repeats the number of repetitions
     */
    public Tensor repeat(long... repeats) {
        return Creation.repeat(this, repeats);
    }

    /**
     * {@return a copy with the order of elements reversed along {@code dims}}
     *
     * @param dims the dims (negative count from the end)
     */
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

    /**
     * {@return {@code this + other} with broadcasting and PyTorch's type promotion ({@code torch.add})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor add(Tensor other) {
        return Elementwise.add(this, other, 1L);
    }

    /**
     * {@code this + other} written into {@code out} ({@code torch.add(this, other, out=out)}): {@code out}
     * must have the broadcast shape; returns {@code out}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param out the tensor to write the result into
     * @return {@code this + other} written into {@code out} ({@code torch.add(this, other, out=out)})
     */
    public Tensor add(Tensor other, Tensor out) {
        return Elementwise.binaryOut("add", BinaryOp.ADD, this, other, 1L, out);
    }

    /**
     * {@code this - other} written into {@code out} ({@code torch.sub(this, other, out=out)}); returns {@code
     * out}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param out the tensor to write the result into
     * @return {@code out}
     */
    public Tensor sub(Tensor other, Tensor out) {
        return Elementwise.binaryOut("sub", BinaryOp.SUB, this, other, 1L, out);
    }

    /**
     * {@code this * other} written into {@code out} ({@code torch.mul(this, other, out=out)}); returns {@code
     * out}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param out the tensor to write the result into
     * @return {@code out}
     */
    public Tensor mul(Tensor other, Tensor out) {
        return Elementwise.binaryOut("mul", BinaryOp.MUL, this, other, 1L, out);
    }

    /**
     * {@code this / other} (true division) written into {@code out} ({@code torch.div(this, other, out=out)});
     * returns {@code out}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param out the tensor to write the result into
     * @return {@code this / other} (true division) written into {@code out} ({@code torch.div(this, other,
     *     out=out)})
     */
    public Tensor div(Tensor other, Tensor out) {
        return Elementwise.binaryOut("div", BinaryOp.DIV, this, other, 1L, out);
    }

    /**
     * {@code this + alpha * other} ({@code torch.add(this, other, alpha=alpha)}); a floating alpha needs a
     * floating result.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     * @return {@code this + alpha * other} ({@code torch.add(this, other, alpha=alpha)})
     */
    public Tensor add(Tensor other, double alpha) {
        return Elementwise.add(this, other, alpha);
    }

    /**
     * {@return {@code this + alpha * other} with an integer alpha}
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     */
    public Tensor add(Tensor other, long alpha) {
        return Elementwise.add(this, other, alpha);
    }

    /**
     * {@return {@code this + other} for a Java float: an integer or bool tensor gives float32 ({@code x + 2.5})}
     *
     * @param other the scalar operand
     */
    public Tensor add(double other) {
        return Elementwise.add(this, other, 1L);
    }

    /**
     * {@return {@code this + other} for a Java integer: keeps an integer tensor's dtype ({@code int32 + 2} stays
     * int32)}
     *
     * @param other the scalar operand
     */
    public Tensor add(long other) {
        return Elementwise.add(this, other, 1L);
    }

    /**
     * {@return {@code this + other} for a Java boolean (counted as 0 or 1)}
     *
     * @param other the scalar operand
     */
    public Tensor add(boolean other) {
        return Elementwise.add(this, other, 1L);
    }

    /**
     * {@code this + alpha * other} for Java numbers ({@code x.add(2.5, alpha=2)}); a floating alpha needs a
     * floating result.
     *
     * @param other the scalar operand
     * @param alpha the multiplier alpha
     * @return {@code this + alpha * other} for Java numbers ({@code x.add(2.5, alpha=2)})
     */
    public Tensor add(Number other, Number alpha) {
        return Elementwise.add(this, other, alpha);
    }

    /**
     * In-place {@link #add(Number, Number)}.
     *
     * @param other the scalar operand
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor add_(Number other, Number alpha) {
        return Elementwise.add_(this, other, alpha);
    }

    /**
     * In-place {@link #add(Tensor)}; the result's dtype must be castable to this tensor's ({@code add_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor add_(Tensor other) {
        return Elementwise.add_(this, other, 1L);
    }

    /**
     * In-place {@link #add(Tensor, double)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor add_(Tensor other, double alpha) {
        return Elementwise.add_(this, other, alpha);
    }

    /**
     * In-place {@link #add(Tensor, long)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor add_(Tensor other, long alpha) {
        return Elementwise.add_(this, other, alpha);
    }

    /**
     * In-place {@link #add(double)}.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor add_(double other) {
        return Elementwise.add_(this, other, 1L);
    }

    /**
     * In-place {@link #add(long)}.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor add_(long other) {
        return Elementwise.add_(this, other, 1L);
    }

    /**
     * In-place {@link #add(boolean)}.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor add_(boolean other) {
        return Elementwise.add_(this, other, 1L);
    }

    /**
     * {@return {@code this - other} with broadcasting and PyTorch's type promotion ({@code torch.sub})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor sub(Tensor other) {
        return Elementwise.sub(this, other, 1L);
    }

    /**
     * {@code this - alpha * other} ({@code torch.sub(this, other, alpha=alpha)}); a floating alpha needs a
     * floating result.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     * @return {@code this - alpha * other} ({@code torch.sub(this, other, alpha=alpha)})
     */
    public Tensor sub(Tensor other, double alpha) {
        return Elementwise.sub(this, other, alpha);
    }

    /**
     * {@return {@code this - alpha * other} with an integer alpha}
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     */
    public Tensor sub(Tensor other, long alpha) {
        return Elementwise.sub(this, other, alpha);
    }

    /**
     * {@return {@code this - other} for a Java float: an integer or bool tensor gives float32 ({@code x - 2.5})}
     *
     * @param other the scalar operand
     */
    public Tensor sub(double other) {
        return Elementwise.sub(this, other, 1L);
    }

    /**
     * {@return {@code this - other} for a Java integer: keeps an integer tensor's dtype ({@code int32 - 2} stays
     * int32)}
     *
     * @param other the scalar operand
     */
    public Tensor sub(long other) {
        return Elementwise.sub(this, other, 1L);
    }

    /**
     * {@return {@code this - other} for a Java boolean (counted as 0 or 1)}
     *
     * @param other the scalar operand
     */
    public Tensor sub(boolean other) {
        return Elementwise.sub(this, other, 1L);
    }

    /**
     * {@code this - alpha * other} for Java numbers ({@code x.sub(2.5, alpha=2)}); a floating alpha needs a
     * floating result.
     *
     * @param other the scalar operand
     * @param alpha the multiplier alpha
     * @return {@code this - alpha * other} for Java numbers ({@code x.sub(2.5, alpha=2)})
     */
    public Tensor sub(Number other, Number alpha) {
        return Elementwise.sub(this, other, alpha);
    }

    /**
     * In-place {@link #sub(Number, Number)}.
     *
     * @param other the scalar operand
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor sub_(Number other, Number alpha) {
        return Elementwise.sub_(this, other, alpha);
    }

    /**
     * In-place {@link #sub(Tensor)}; the result's dtype must be castable to this tensor's ({@code sub_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor sub_(Tensor other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /**
     * In-place {@link #sub(Tensor, double)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor sub_(Tensor other, double alpha) {
        return Elementwise.sub_(this, other, alpha);
    }

    /**
     * In-place {@link #sub(Tensor, long)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor sub_(Tensor other, long alpha) {
        return Elementwise.sub_(this, other, alpha);
    }

    /**
     * In-place {@link #sub(double)}.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor sub_(double other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /**
     * In-place {@link #sub(long)}.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor sub_(long other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /**
     * In-place {@link #sub(boolean)}.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor sub_(boolean other) {
        return Elementwise.sub_(this, other, 1L);
    }

    /**
     * Product {@code this * other} with broadcasting and type promotion ({@code torch.mul}); bool tensors multiply
     * as logical and.
     *
     * @param other the other operand, broadcast with this tensor
     * @return product {@code this * other} with broadcasting and type promotion ({@code torch.mul})
     */
    public Tensor mul(Tensor other) {
        return Elementwise.mul(this, other);
    }

    /**
     * {@return {@code this * other} for a Java float ({@code int64 * 2.5} is float32)}
     *
     * @param other the scalar operand
     */
    public Tensor mul(double other) {
        return Elementwise.mul(this, other);
    }

    /**
     * {@return {@code this * other} for a Java integer (keeps an integer tensor's dtype)}
     *
     * @param other the scalar operand
     */
    public Tensor mul(long other) {
        return Elementwise.mul(this, other);
    }

    /**
     * {@return {@code this * other} for a Java boolean}
     *
     * @param other the scalar operand
     */
    public Tensor mul(boolean other) {
        return Elementwise.mul(this, other);
    }

    /**
     * In-place {@link #mul(Tensor)} ({@code mul_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor mul_(Tensor other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /**
     * In-place {@link #mul(double)} ({@code mul_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor mul_(double other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /**
     * In-place {@link #mul(long)} ({@code mul_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor mul_(long other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /**
     * In-place {@link #mul(boolean)} ({@code mul_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor mul_(boolean other) {
        return Elementwise.binaryInPlace("mul_", BinaryOp.MUL, this, other, 1L);
    }

    /**
     * {@return true division {@code this / other} ({@code torch.div}): integer and bool inputs give float32}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor div(Tensor other) {
        return Elementwise.div(this, other, null);
    }

    /**
     * {@return {@code this / other} for a Java float}
     *
     * @param other the scalar operand
     */
    public Tensor div(double other) {
        return Elementwise.div(this, other, null);
    }

    /**
     * {@return {@code this / other} for a Java integer (still true division)}
     *
     * @param other the scalar operand
     */
    public Tensor div(long other) {
        return Elementwise.div(this, other, null);
    }

    /**
     * {@return {@code this / other} for a Java boolean}
     *
     * @param other the scalar operand
     */
    public Tensor div(boolean other) {
        return Elementwise.div(this, other, null);
    }

    /**
     * Division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code "floor"}
     * (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)}); integer
     * division by zero throws.
     *
     * @param other the other operand, broadcast with this tensor
     * @param roundingMode the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}
     * @return division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code
     *     "floor"} (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)})
     */
    public Tensor div(Tensor other, String roundingMode) {
        return Elementwise.div(this, other, roundingMode);
    }

    /**
     * Division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code "floor"}
     * (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)}); integer
     * division by zero throws.
     *
     * @param other the scalar operand
     * @param roundingMode the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}
     * @return division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code
     *     "floor"} (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)})
     */
    public Tensor div(double other, String roundingMode) {
        return Elementwise.div(this, other, roundingMode);
    }

    /**
     * Division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code "floor"}
     * (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)}); integer
     * division by zero throws.
     *
     * @param other the scalar operand
     * @param roundingMode the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}
     * @return division with {@code rounding_mode} null (true division), {@code "trunc"} (toward zero) or {@code
     *     "floor"} (Python's {@code //}), which keep integer dtypes ({@code torch.div(a, b, rounding_mode=...)})
     */
    public Tensor div(long other, String roundingMode) {
        return Elementwise.div(this, other, roundingMode);
    }

    /**
     * In-place {@link #div(Tensor)} ({@code div_}); an integer tensor cannot hold the float quotient.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor div_(Tensor other) {
        return Elementwise.div_(this, other, null);
    }

    /**
     * In-place {@link #div(double)} ({@code div_}); an integer tensor cannot hold the float quotient.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor div_(double other) {
        return Elementwise.div_(this, other, null);
    }

    /**
     * In-place {@link #div(long)} ({@code div_}); an integer tensor cannot hold the float quotient.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor div_(long other) {
        return Elementwise.div_(this, other, null);
    }

    /**
     * In-place {@link #div(boolean)} ({@code div_}); an integer tensor cannot hold the float quotient.
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor div_(boolean other) {
        return Elementwise.div_(this, other, null);
    }

    /**
     * In-place {@link #div(Tensor, String)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @param roundingMode the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}
     * @return this tensor
     */
    public Tensor div_(Tensor other, String roundingMode) {
        return Elementwise.div_(this, other, roundingMode);
    }

    /**
     * In-place {@link #div(double, String)}.
     *
     * @param other the scalar operand
     * @param roundingMode the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}
     * @return this tensor
     */
    public Tensor div_(double other, String roundingMode) {
        return Elementwise.div_(this, other, roundingMode);
    }

    /**
     * In-place {@link #div(long, String)}.
     *
     * @param other the scalar operand
     * @param roundingMode the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}
     * @return this tensor
     */
    public Tensor div_(long other, String roundingMode) {
        return Elementwise.div_(this, other, roundingMode);
    }

    /**
     * Python's modulus {@code this % other}, with the sign of {@code other} ({@code torch.remainder}); integer
     * division by zero throws.
     *
     * @param other the other operand, broadcast with this tensor
     * @return Python's modulus {@code this % other}, with the sign of {@code other} ({@code torch.remainder})
     */
    public Tensor remainder(Tensor other) {
        return Elementwise.remainder(this, other);
    }

    /**
     * {@return {@code this % other} for a Java float}
     *
     * @param other the scalar operand
     */
    public Tensor remainder(double other) {
        return Elementwise.remainder(this, other);
    }

    /**
     * {@return {@code this % other} for a Java integer}
     *
     * @param other the scalar operand
     */
    public Tensor remainder(long other) {
        return Elementwise.remainder(this, other);
    }

    /**
     * In-place {@link #remainder(Tensor)} ({@code remainder_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor remainder_(Tensor other) {
        return Elementwise.binaryInPlace("remainder_", BinaryOp.REMAINDER, this, other, 1L);
    }

    /**
     * In-place {@link #remainder(double)} ({@code remainder_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor remainder_(double other) {
        return Elementwise.binaryInPlace("remainder_", BinaryOp.REMAINDER, this, other, 1L);
    }

    /**
     * In-place {@link #remainder(long)} ({@code remainder_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor remainder_(long other) {
        return Elementwise.binaryInPlace("remainder_", BinaryOp.REMAINDER, this, other, 1L);
    }

    /**
     * {@code this ** exponent} with broadcasting and type promotion ({@code torch.pow}); C's {@code pow} for
     * floats, exact integer powers for integers.
     *
     * @param exponent the exponent
     * @return {@code this ** exponent} with broadcasting and type promotion ({@code torch.pow})
     */
    public Tensor pow(Tensor exponent) {
        return Elementwise.pow(this, exponent);
    }

    /**
     * {@return {@code this ** exponent} for a Java float (an integer tensor gives float32)}
     *
     * @param exponent the exponent
     */
    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    /**
     * {@return {@code this ** exponent} for a Java integer; a negative exponent of an integer tensor throws, as in
     * PyTorch}
     *
     * @param exponent the exponent
     */
    public Tensor pow(long exponent) {
        return Elementwise.pow(this, exponent);
    }

    /**
     * In-place {@link #pow(Tensor)} ({@code pow_}).
     *
     * @param exponent the exponent
     * @return this tensor
     */
    public Tensor pow_(Tensor exponent) {
        return Elementwise.binaryInPlace("pow_", BinaryOp.POW, this, exponent, 1L);
    }

    /**
     * In-place {@link #pow(double)} ({@code pow_}).
     *
     * @param exponent the exponent
     * @return this tensor
     */
    public Tensor pow_(double exponent) {
        return Elementwise.binaryInPlace("pow_", BinaryOp.POW, this, exponent, 1L);
    }

    /**
     * In-place {@link #pow(long)} ({@code pow_}).
     *
     * @param exponent the exponent
     * @return this tensor
     */
    public Tensor pow_(long exponent) {
        return Elementwise.binaryInPlace("pow_", BinaryOp.POW, this, exponent, 1L);
    }

    /**
     * {@return {@code base ** exponent} for a Java float base ({@code torch.pow(2.0, x)})}
     *
     * @param base the base
     * @param exponent the exponent
     */
    public static Tensor pow(double base, Tensor exponent) {
        return Elementwise.pow(base, exponent);
    }

    /**
     * {@return {@code base ** exponent} for a Java integer base ({@code torch.pow(2, x)})}
     *
     * @param base the base
     * @param exponent the exponent
     */
    public static Tensor pow(long base, Tensor exponent) {
        return Elementwise.pow(base, exponent);
    }

    /**
     * {@return elementwise maximum with broadcasting and type promotion; NaN if either is NaN ({@code
     * torch.maximum})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor maximum(Tensor other) {
        return Elementwise.maximum(this, other);
    }

    /**
     * {@return elementwise minimum with broadcasting and type promotion; NaN if either is NaN ({@code
     * torch.minimum})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor minimum(Tensor other) {
        return Elementwise.minimum(this, other);
    }

    /**
     * {@return bool tensor of {@code this == other}, compared in the promoted dtype ({@code torch.eq})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor eq(Tensor other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /**
     * {@return {@code this == other} for a Java double, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor eq(double other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /**
     * {@return {@code this == other} for a Java long, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor eq(long other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /**
     * {@return {@code this == other} for a Java boolean, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor eq(boolean other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /**
     * In-place {@link #eq(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code eq_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor eq_(Tensor other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /**
     * In-place {@link #eq(double)}: writes 1 or 0 in this tensor's dtype ({@code eq_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor eq_(double other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /**
     * In-place {@link #eq(long)}: writes 1 or 0 in this tensor's dtype ({@code eq_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor eq_(long other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /**
     * In-place {@link #eq(boolean)}: writes 1 or 0 in this tensor's dtype ({@code eq_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor eq_(boolean other) {
        return Elementwise.binaryInPlace("eq_", BinaryOp.EQ, this, other, 1L);
    }

    /**
     * {@return bool tensor of {@code this != other}, compared in the promoted dtype ({@code torch.ne})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor ne(Tensor other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /**
     * {@return {@code this != other} for a Java double, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor ne(double other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /**
     * {@return {@code this != other} for a Java long, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor ne(long other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /**
     * {@return {@code this != other} for a Java boolean, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor ne(boolean other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /**
     * In-place {@link #ne(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code ne_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor ne_(Tensor other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /**
     * In-place {@link #ne(double)}: writes 1 or 0 in this tensor's dtype ({@code ne_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor ne_(double other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /**
     * In-place {@link #ne(long)}: writes 1 or 0 in this tensor's dtype ({@code ne_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor ne_(long other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /**
     * In-place {@link #ne(boolean)}: writes 1 or 0 in this tensor's dtype ({@code ne_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor ne_(boolean other) {
        return Elementwise.binaryInPlace("ne_", BinaryOp.NE, this, other, 1L);
    }

    /**
     * {@return bool tensor of {@code this < other}, compared in the promoted dtype ({@code torch.lt})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor lt(Tensor other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /**
     * {@return {@code this < other} for a Java double, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor lt(double other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /**
     * {@return {@code this < other} for a Java long, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor lt(long other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /**
     * In-place {@link #lt(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code lt_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor lt_(Tensor other) {
        return Elementwise.binaryInPlace("lt_", BinaryOp.LT, this, other, 1L);
    }

    /**
     * In-place {@link #lt(double)}: writes 1 or 0 in this tensor's dtype ({@code lt_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor lt_(double other) {
        return Elementwise.binaryInPlace("lt_", BinaryOp.LT, this, other, 1L);
    }

    /**
     * In-place {@link #lt(long)}: writes 1 or 0 in this tensor's dtype ({@code lt_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor lt_(long other) {
        return Elementwise.binaryInPlace("lt_", BinaryOp.LT, this, other, 1L);
    }

    /**
     * {@return bool tensor of {@code this <= other}, compared in the promoted dtype ({@code torch.le})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor le(Tensor other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /**
     * {@return {@code this <= other} for a Java double, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor le(double other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /**
     * {@return {@code this <= other} for a Java long, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor le(long other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /**
     * In-place {@link #le(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code le_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor le_(Tensor other) {
        return Elementwise.binaryInPlace("le_", BinaryOp.LE, this, other, 1L);
    }

    /**
     * In-place {@link #le(double)}: writes 1 or 0 in this tensor's dtype ({@code le_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor le_(double other) {
        return Elementwise.binaryInPlace("le_", BinaryOp.LE, this, other, 1L);
    }

    /**
     * In-place {@link #le(long)}: writes 1 or 0 in this tensor's dtype ({@code le_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor le_(long other) {
        return Elementwise.binaryInPlace("le_", BinaryOp.LE, this, other, 1L);
    }

    /**
     * {@return bool tensor of {@code this > other}, compared in the promoted dtype ({@code torch.gt})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor gt(Tensor other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /**
     * {@return {@code this > other} for a Java double, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor gt(double other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /**
     * {@return {@code this > other} for a Java long, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor gt(long other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /**
     * In-place {@link #gt(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code gt_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor gt_(Tensor other) {
        return Elementwise.binaryInPlace("gt_", BinaryOp.GT, this, other, 1L);
    }

    /**
     * In-place {@link #gt(double)}: writes 1 or 0 in this tensor's dtype ({@code gt_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor gt_(double other) {
        return Elementwise.binaryInPlace("gt_", BinaryOp.GT, this, other, 1L);
    }

    /**
     * In-place {@link #gt(long)}: writes 1 or 0 in this tensor's dtype ({@code gt_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor gt_(long other) {
        return Elementwise.binaryInPlace("gt_", BinaryOp.GT, this, other, 1L);
    }

    /**
     * {@return bool tensor of {@code this >= other}, compared in the promoted dtype ({@code torch.ge})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor ge(Tensor other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /**
     * {@return {@code this >= other} for a Java double, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor ge(double other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /**
     * {@return {@code this >= other} for a Java long, as a bool tensor}
     *
     * @param other the scalar operand
     */
    public Tensor ge(long other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /**
     * In-place {@link #ge(Tensor)}: writes 1 or 0 in this tensor's dtype ({@code ge_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor ge_(Tensor other) {
        return Elementwise.binaryInPlace("ge_", BinaryOp.GE, this, other, 1L);
    }

    /**
     * In-place {@link #ge(double)}: writes 1 or 0 in this tensor's dtype ({@code ge_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor ge_(double other) {
        return Elementwise.binaryInPlace("ge_", BinaryOp.GE, this, other, 1L);
    }

    /**
     * In-place {@link #ge(long)}: writes 1 or 0 in this tensor's dtype ({@code ge_}).
     *
     * @param other the scalar operand
     * @return this tensor
     */
    public Tensor ge_(long other) {
        return Elementwise.binaryInPlace("ge_", BinaryOp.GE, this, other, 1L);
    }

    /**
     * {@return logical and of the elements read as bools (non-zero is true), as a bool tensor ({@code
     * torch.logical_and})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor logicalAnd(Tensor other) {
        return Elementwise.logical("logical_and", BinaryOp.LOGICAL_AND, this, other);
    }

    /**
     * In-place {@link #logicalAnd(Tensor)} ({@code logical_and_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor logicalAnd_(Tensor other) {
        return Elementwise.binaryInPlace("logical_and_", BinaryOp.LOGICAL_AND, this, other, 1L);
    }

    /**
     * {@return logical or of the elements read as bools (non-zero is true), as a bool tensor ({@code
     * torch.logical_or})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor logicalOr(Tensor other) {
        return Elementwise.logical("logical_or", BinaryOp.LOGICAL_OR, this, other);
    }

    /**
     * In-place {@link #logicalOr(Tensor)} ({@code logical_or_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor logicalOr_(Tensor other) {
        return Elementwise.binaryInPlace("logical_or_", BinaryOp.LOGICAL_OR, this, other, 1L);
    }

    /** {@return logical not of the elements read as bools, as a bool tensor ({@code torch.logical_not})} */
    public Tensor logicalNot() {
        return Elementwise.unary("logical_not", UnaryOp.LOGICAL_NOT, this);
    }

    /**
     * In-place {@link #logicalNot()} ({@code logical_not_}).
     *
     * @return this tensor
     */
    public Tensor logicalNot_() {
        return Elementwise.unaryInPlace("logical_not_", UnaryOp.LOGICAL_NOT, this);
    }

    /** {@return {@code -this}; not for bool ({@code torch.neg})} */
    public Tensor neg() {
        return Elementwise.unary("neg", UnaryOp.NEG, this);
    }

    /**
     * In-place {@link #neg()} ({@code neg_}).
     *
     * @return this tensor
     */
    public Tensor neg_() {
        return Elementwise.unaryInPlace("neg_", UnaryOp.NEG, this);
    }

    /** {@return Absolute value ({@code torch.abs})} */
    public Tensor abs() {
        return Elementwise.unary("abs", UnaryOp.ABS, this);
    }

    /**
     * In-place {@link #abs()} ({@code abs_}).
     *
     * @return this tensor
     */
    public Tensor abs_() {
        return Elementwise.unaryInPlace("abs_", UnaryOp.ABS, this);
    }

    /** {@return {@code e^x}; integer and bool tensors give float32 ({@code torch.exp})} */
    public Tensor exp() {
        return Elementwise.unary("exp", UnaryOp.EXP, this);
    }

    /**
     * In-place {@link #exp()} ({@code exp_}).
     *
     * @return this tensor
     */
    public Tensor exp_() {
        return Elementwise.unaryInPlace("exp_", UnaryOp.EXP, this);
    }

    /** {@return Natural logarithm; integer and bool tensors give float32 ({@code torch.log})} */
    public Tensor log() {
        return Elementwise.unary("log", UnaryOp.LOG, this);
    }

    /**
     * In-place {@link #log()} ({@code log_}).
     *
     * @return this tensor
     */
    public Tensor log_() {
        return Elementwise.unaryInPlace("log_", UnaryOp.LOG, this);
    }

    /** {@return {@code log(1 + x)}, accurate near 0; integer and bool tensors give float32 ({@code torch.log1p})} */
    public Tensor log1p() {
        return Elementwise.unary("log1p", UnaryOp.LOG1P, this);
    }

    /**
     * In-place {@link #log1p()} ({@code log1p_}).
     *
     * @return this tensor
     */
    public Tensor log1p_() {
        return Elementwise.unaryInPlace("log1p_", UnaryOp.LOG1P, this);
    }

    /** {@return Square root; integer and bool tensors give float32 ({@code torch.sqrt})} */
    public Tensor sqrt() {
        return Elementwise.unary("sqrt", UnaryOp.SQRT, this);
    }

    /**
     * In-place {@link #sqrt()} ({@code sqrt_}).
     *
     * @return this tensor
     */
    public Tensor sqrt_() {
        return Elementwise.unaryInPlace("sqrt_", UnaryOp.SQRT, this);
    }

    /** {@return {@code 1 / sqrt(x)}; integer and bool tensors give float32 ({@code torch.rsqrt})} */
    public Tensor rsqrt() {
        return Elementwise.unary("rsqrt", UnaryOp.RSQRT, this);
    }

    /**
     * In-place {@link #rsqrt()} ({@code rsqrt_}).
     *
     * @return this tensor
     */
    public Tensor rsqrt_() {
        return Elementwise.unaryInPlace("rsqrt_", UnaryOp.RSQRT, this);
    }

    /** {@return Sine; integer and bool tensors give float32 ({@code torch.sin})} */
    public Tensor sin() {
        return Elementwise.unary("sin", UnaryOp.SIN, this);
    }

    /**
     * In-place {@link #sin()} ({@code sin_}).
     *
     * @return this tensor
     */
    public Tensor sin_() {
        return Elementwise.unaryInPlace("sin_", UnaryOp.SIN, this);
    }

    /** {@return Cosine; integer and bool tensors give float32 ({@code torch.cos})} */
    public Tensor cos() {
        return Elementwise.unary("cos", UnaryOp.COS, this);
    }

    /**
     * In-place {@link #cos()} ({@code cos_}).
     *
     * @return this tensor
     */
    public Tensor cos_() {
        return Elementwise.unaryInPlace("cos_", UnaryOp.COS, this);
    }

    /** {@return Hyperbolic tangent; integer and bool tensors give float32 ({@code torch.tanh})} */
    public Tensor tanh() {
        return Elementwise.unary("tanh", UnaryOp.TANH, this);
    }

    /**
     * In-place {@link #tanh()} ({@code tanh_}).
     *
     * @return this tensor
     */
    public Tensor tanh_() {
        return Elementwise.unaryInPlace("tanh_", UnaryOp.TANH, this);
    }

    /** {@return {@code 1 / (1 + e^-x)}; integer and bool tensors give float32 ({@code torch.sigmoid})} */
    public Tensor sigmoid() {
        return Elementwise.unary("sigmoid", UnaryOp.SIGMOID, this);
    }

    /**
     * In-place {@link #sigmoid()} ({@code sigmoid_}).
     *
     * @return this tensor
     */
    public Tensor sigmoid_() {
        return Elementwise.unaryInPlace("sigmoid_", UnaryOp.SIGMOID, this);
    }

    /** {@return {@code max(x, 0)}, keeping NaN ({@code torch.relu})} */
    public Tensor relu() {
        return Elementwise.unary("relu", UnaryOp.RELU, this);
    }

    /**
     * In-place {@link #relu()} ({@code relu_}).
     *
     * @return this tensor
     */
    public Tensor relu_() {
        return Elementwise.unaryInPlace("relu_", UnaryOp.RELU, this);
    }

    /** {@return round toward negative infinity (a copy for integer tensors) ({@code torch.floor})} */
    public Tensor floor() {
        return Elementwise.unary("floor", UnaryOp.FLOOR, this);
    }

    /**
     * In-place {@link #floor()} ({@code floor_}).
     *
     * @return this tensor
     */
    public Tensor floor_() {
        return Elementwise.unaryInPlace("floor_", UnaryOp.FLOOR, this);
    }

    /** {@return round toward positive infinity (a copy for integer tensors) ({@code torch.ceil})} */
    public Tensor ceil() {
        return Elementwise.unary("ceil", UnaryOp.CEIL, this);
    }

    /**
     * In-place {@link #ceil()} ({@code ceil_}).
     *
     * @return this tensor
     */
    public Tensor ceil_() {
        return Elementwise.unaryInPlace("ceil_", UnaryOp.CEIL, this);
    }

    /** {@return {@code 1 / x}; integer and bool tensors give float32 ({@code torch.reciprocal})} */
    public Tensor reciprocal() {
        return Elementwise.unary("reciprocal", UnaryOp.RECIPROCAL, this);
    }

    /**
     * In-place {@link #reciprocal()} ({@code reciprocal_}).
     *
     * @return this tensor
     */
    public Tensor reciprocal_() {
        return Elementwise.unaryInPlace("reciprocal_", UnaryOp.RECIPROCAL, this);
    }

    /** {@return round half to even ({@code torch.round}); a copy for integer tensors} */
    public Tensor round() {
        return Elementwise.round(this, 0);
    }

    /**
     * {@return round half to even at {@code decimals} decimal places, negative for tens, hundreds..} ({@code
     * torch.round(x, decimals=d)}).
     *
     * @param decimals the number of decimal places
     */
    public Tensor round(long decimals) {
        return Elementwise.round(this, decimals);
    }

    /**
     * In-place {@link #round()} ({@code round_}).
     *
     * @return this tensor
     */
    public Tensor round_() {
        return Elementwise.round_(this, 0);
    }

    /**
     * In-place {@link #round(long)}.
     *
     * @param decimals the number of decimal places
     * @return this tensor
     */
    public Tensor round_(long decimals) {
        return Elementwise.round_(this, decimals);
    }

    /** {@return the exact GELU, {@code x * Phi(x)} ({@code torch.nn.functional.gelu}); floating tensors only} */
    public Tensor gelu() {
        return Elementwise.gelu(this, "none");
    }

    /**
     * {@return GELU with PyTorch's {@code approximate} argument: {@code "none"} (exact) or {@code "tanh"}}
     *
     * @param approximate the approximation: {@code "none"} or {@code "tanh"}
     */
    public Tensor gelu(String approximate) {
        return Elementwise.gelu(this, approximate);
    }

    /**
     * In-place {@link #gelu()}.
     *
     * @return this tensor
     */
    public Tensor gelu_() {
        return Elementwise.gelu_(this, "none");
    }

    /**
     * In-place {@link #gelu(String)}.
     *
     * @param approximate the approximation: {@code "none"} or {@code "tanh"}
     * @return this tensor
     */
    public Tensor gelu_(String approximate) {
        return Elementwise.gelu_(this, approximate);
    }

    /**
     * Each element clamped to {@code [min, max]} ({@code torch.clamp}); a null bound is absent (not both); the
     * bounds take part in type promotion ({@code int64.clamp(0.5, null)} is float32); if {@code min > max} every
     * element is {@code max}.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return Each element clamped to {@code [min, max]} ({@code torch.clamp})
     */
    public Tensor clamp(Number min, Number max) {
        return Elementwise.clamp(this, min, max);
    }

    /**
     * {@return Clamped to tensor bounds that broadcast with this tensor; a null bound is absent}
     *
     * @param min the lower bound
     * @param max the upper bound
     */
    public Tensor clamp(Tensor min, Tensor max) {
        return Elementwise.clamp(this, min, max);
    }

    /**
     * {@return {@code max(x, min)}, keeping NaN ({@code torch.clamp_min})}
     *
     * @param min the lower bound
     */
    public Tensor clampMin(Number min) {
        return Elementwise.clamp(this, min, null);
    }

    /**
     * {@return {@code max(x, min)} for a tensor bound}
     *
     * @param min the lower bound
     */
    public Tensor clampMin(Tensor min) {
        return Elementwise.clamp(this, min, null);
    }

    /**
     * {@return {@code min(x, max)}, keeping NaN ({@code torch.clamp_max})}
     *
     * @param max the upper bound
     */
    public Tensor clampMax(Number max) {
        return Elementwise.clamp(this, null, max);
    }

    /**
     * {@return {@code min(x, max)} for a tensor bound}
     *
     * @param max the upper bound
     */
    public Tensor clampMax(Tensor max) {
        return Elementwise.clamp(this, null, max);
    }

    /**
     * In-place {@link #clamp(Number, Number)} ({@code clamp_}).
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor
     */
    public Tensor clamp_(Number min, Number max) {
        return Elementwise.clamp_(this, min, max);
    }

    /**
     * In-place {@link #clamp(Tensor, Tensor)}.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor
     */
    public Tensor clamp_(Tensor min, Tensor max) {
        return Elementwise.clamp_(this, min, max);
    }

    /**
     * In-place {@link #clampMin(Number)} ({@code clamp_min_}).
     *
     * @param min the lower bound
     * @return this tensor
     */
    public Tensor clampMin_(Number min) {
        return Elementwise.clamp_(this, min, null);
    }

    /**
     * In-place {@link #clampMax(Number)} ({@code clamp_max_}).
     *
     * @param max the upper bound
     * @return this tensor
     */
    public Tensor clampMax_(Number max) {
        return Elementwise.clamp_(this, null, max);
    }

    /**
     * {@code condition ? x : y} elementwise, all three broadcast together ({@code torch.where(cond, x, y)});
     * {@code condition} must be bool, and x and y are promoted to a common dtype.
     *
     * @param condition the bool condition, broadcast with the operands
     * @param x the input tensor
     * @param y the second tensor
     * @return {@code condition ? x : y} elementwise, all three broadcast together ({@code torch.where(cond, x,
     *     y)})
     */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /**
     * {@return {@link #where(Tensor, Tensor, Tensor)} with a Java float for {@code y}}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param x the input tensor
     * @param y the value
     */
    public static Tensor where(Tensor condition, Tensor x, double y) {
        return Elementwise.where(condition, x, y);
    }

    /**
     * {@return {@link #where(Tensor, Tensor, Tensor)} with a Java float for {@code x}}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param x the input
     * @param y the second tensor
     */
    public static Tensor where(Tensor condition, double x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /**
     * {@return {@link #where(Tensor, Tensor, Tensor)} with a Java integer for {@code y}}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param x the input tensor
     * @param y the value
     */
    public static Tensor where(Tensor condition, Tensor x, long y) {
        return Elementwise.where(condition, x, y);
    }

    /**
     * {@return {@link #where(Tensor, Tensor, Tensor)} with a Java integer for {@code x}}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param x the input
     * @param y the second tensor
     */
    public static Tensor where(Tensor condition, long x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /**
     * The coordinates of the true (non-zero) elements of {@code condition}, one int64 tensor per
     * dim: PyTorch's one-argument {@code torch.where(condition)}, the same as {@link #nonzeroAsTuple()}.
     *
     * @param condition the bool condition, broadcast with the operands
     * @return the coordinates of the true (non-zero) elements of {@code condition}, one int64 tensor per dim
     */
    public static Tensor[] where(Tensor condition) {
        return condition.nonzeroAsTuple();
    }

    /**
     * {@return {@code condition ? this : other} (PyTorch's {@code x.where(condition, y)})}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor where(Tensor condition, Tensor other) {
        return Elementwise.where(condition, this, other);
    }

    /**
     * {@return {@code condition ? this : other} for a Java float {@code other}}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param other the scalar operand
     */
    public Tensor where(Tensor condition, double other) {
        return Elementwise.where(condition, this, other);
    }

    /**
     * A copy with {@code value} where the bool {@code mask} is true ({@code masked_fill}); mask and tensor
     * broadcast together, and the value is converted to this tensor's dtype.
     *
     * @param mask the bool mask
     * @param value the value
     * @return a copy with {@code value} where the bool {@code mask} is true ({@code masked_fill})
     */
    public Tensor maskedFill(Tensor mask, double value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /**
     * A copy with {@code value} where the bool {@code mask} is true ({@code masked_fill}); mask and tensor
     * broadcast together, and the value is converted to this tensor's dtype.
     *
     * @param mask the bool mask
     * @param value the value
     * @return a copy with {@code value} where the bool {@code mask} is true ({@code masked_fill})
     */
    public Tensor maskedFill(Tensor mask, long value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /**
     * A copy with {@code value} where the bool {@code mask} is true ({@code masked_fill}); mask and tensor
     * broadcast together, and the value is converted to this tensor's dtype.
     *
     * @param mask the bool mask
     * @param value the value
     * @return a copy with {@code value} where the bool {@code mask} is true ({@code masked_fill})
     */
    public Tensor maskedFill(Tensor mask, boolean value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /**
     * {@return {@code masked_fill} with a 0-d tensor value (how PyTorch passes non-finite or typed values)}
     *
     * @param mask the bool mask
     * @param value the value
     */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /**
     * In-place {@link #maskedFill(Tensor, double)} ({@code masked_fill_}); the mask must broadcast to this
     * tensor's shape.
     *
     * @param mask the bool mask
     * @param value the value
     * @return this tensor
     */
    public Tensor maskedFill_(Tensor mask, double value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /**
     * In-place {@link #maskedFill(Tensor, long)} ({@code masked_fill_}); the mask must broadcast to this tensor's
     * shape.
     *
     * @param mask the bool mask
     * @param value the value
     * @return this tensor
     */
    public Tensor maskedFill_(Tensor mask, long value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /**
     * In-place {@link #maskedFill(Tensor, boolean)} ({@code masked_fill_}); the mask must broadcast to this
     * tensor's shape.
     *
     * @param mask the bool mask
     * @param value the value
     * @return this tensor
     */
    public Tensor maskedFill_(Tensor mask, boolean value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /**
     * In-place {@link #maskedFill(Tensor, Tensor)} ({@code masked_fill_}); the mask must broadcast to this
     * tensor's shape.
     *
     * @param mask the bool mask
     * @param value the value
     * @return this tensor
     */
    public Tensor maskedFill_(Tensor mask, Tensor value) {
        return Elementwise.maskedFill_(this, mask, value);
    }

    /** {@return the lower triangle of the last two dims (with the diagonal), zero elsewhere ({@code torch.tril})} */
    public Tensor tril() {
        return Elementwise.triangle(this, 0, true);
    }

    /**
     * {@return the lower triangle with the diagonal shifted by {@code diagonal} (positive: above the main
     * diagonal)}
     *
     * @param diagonal the diagonal offset (0 the main diagonal, positive above it)
     */
    public Tensor tril(long diagonal) {
        return Elementwise.triangle(this, diagonal, true);
    }

    /**
     * In-place {@link #tril()} ({@code tril_}).
     *
     * @return this tensor
     */
    public Tensor tril_() {
        return Elementwise.triangle_(this, 0, true);
    }

    /**
     * In-place {@link #tril(long)}.
     *
     * @param diagonal the diagonal offset (0 the main diagonal, positive above it)
     * @return this tensor
     */
    public Tensor tril_(long diagonal) {
        return Elementwise.triangle_(this, diagonal, true);
    }

    /** {@return the upper triangle of the last two dims (with the diagonal), zero elsewhere ({@code torch.triu})} */
    public Tensor triu() {
        return Elementwise.triangle(this, 0, false);
    }

    /**
     * {@return the upper triangle with the diagonal shifted by {@code diagonal} (positive: above the main
     * diagonal)}
     *
     * @param diagonal the diagonal offset (0 the main diagonal, positive above it)
     */
    public Tensor triu(long diagonal) {
        return Elementwise.triangle(this, diagonal, false);
    }

    /**
     * In-place {@link #triu()} ({@code triu_}).
     *
     * @return this tensor
     */
    public Tensor triu_() {
        return Elementwise.triangle_(this, 0, false);
    }

    /**
     * In-place {@link #triu(long)}.
     *
     * @param diagonal the diagonal offset (0 the main diagonal, positive above it)
     * @return this tensor
     */
    public Tensor triu_(long diagonal) {
        return Elementwise.triangle_(this, diagonal, false);
    }

    // ------------------------------------------------------------------ end of elementwise
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ reductions
    // Section: reductions (issue 3).
    // Methods of this area go between this comment and the end marker below.

    /**
     * {@return the sum of all elements as a 0-d tensor ({@code torch.sum(x)}); integer and bool tensors give
     * int64}
     */
    public Tensor sum() {
        return Reductions.sum(this, null, false, null);
    }

    /**
     * {@return the sum of all elements, computed in {@code dtype} (the input is cast first, {@code
     * sum(dtype=...)})}
     *
     * @param dtype the dtype
     */
    public Tensor sum(DType dtype) {
        return Reductions.sum(this, null, false, dtype);
    }

    /**
     * {@return the sum over {@code dim} (negative counts from the end), which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor sum(long dim) {
        return sum(dim, false);
    }

    /**
     * {@return the sum over {@code dim}, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor sum(long dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {Shapes.normalizeDim(dim, dim())}, keepdim, null);
    }

    /**
     * {@return the sum over several dims ({@code null} or empty: all dims); a repeated dim is an error}
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim, null);
    }

    /**
     * {@return the sum over several dims computed in {@code dtype} ({@code null}: int64 for integers, else the
     * input's)}
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     * @param dtype the dtype
     */
    public Tensor sum(int[] dims, boolean keepdim, DType dtype) {
        return Reductions.sum(this, dims, keepdim, dtype);
    }

    /** {@return the mean of all elements; the dtype must be floating (PyTorch rejects integer means)} */
    public Tensor mean() {
        return Reductions.mean(this, null, false, null);
    }

    /**
     * {@return the mean of all elements computed in the floating {@code dtype} (the input is cast first)}
     *
     * @param dtype the dtype
     */
    public Tensor mean(DType dtype) {
        return Reductions.mean(this, null, false, dtype);
    }

    /**
     * {@return the mean over {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor mean(long dim) {
        return mean(dim, false);
    }

    /**
     * {@return the mean over {@code dim}, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor mean(long dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {Shapes.normalizeDim(dim, dim())}, keepdim, null);
    }

    /**
     * {@return the mean over several dims ({@code null} or empty: all dims)}
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim, null);
    }

    /**
     * {@return the mean over several dims computed in the floating {@code dtype} ({@code null}: the input's)}
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     * @param dtype the dtype
     */
    public Tensor mean(int[] dims, boolean keepdim, DType dtype) {
        return Reductions.mean(this, dims, keepdim, dtype);
    }

    /** {@return the product of all elements; integer and bool tensors give int64 (wrapping on overflow)} */
    public Tensor prod() {
        return Reductions.prod(this, null, false, null);
    }

    /**
     * {@return the product of all elements computed in {@code dtype}}
     *
     * @param dtype the dtype
     */
    public Tensor prod(DType dtype) {
        return Reductions.prod(this, null, false, dtype);
    }

    /**
     * {@return the product over {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor prod(long dim) {
        return Reductions.prod(this, dim, false, null);
    }

    /**
     * {@return the product over {@code dim}, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor prod(long dim, boolean keepdim) {
        return Reductions.prod(this, dim, keepdim, null);
    }

    /**
     * {@return the product over {@code dim} computed in {@code dtype} ({@code null}: int64 for integers, else the
     * input's)}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     * @param dtype the dtype
     */
    public Tensor prod(long dim, boolean keepdim, DType dtype) {
        return Reductions.prod(this, dim, keepdim, dtype);
    }

    /**
     * {@return the largest element as a 0-d tensor, NaN if there is one ({@code torch.max(x)}); an empty tensor is
     * an error}
     */
    public Tensor max() {
        return Reductions.extremum(this, true);
    }

    /**
     * {@return the largest values along {@code dim} (removed) and the index of their first occurrence ({@code
     * torch.max(x, dim)})}
     *
     * @param dim the dim (negative counts from the end)
     */
    public ValuesIndices max(long dim) {
        return max(dim, false);
    }

    /**
     * The largest values along {@code dim} and the int64 index of their first occurrence (of the first
     * NaN in a slice holding one); {@code dim} is kept with size 1 when {@code keepdim}.
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the largest values along {@code dim} and the int64 index of their first occurrence (of the first NaN
     *     in a slice holding one)
     * @throws TensorException if {@code dim} is empty
     */
    public ValuesIndices max(long dim, boolean keepdim) {
        return Reductions.extremum(this, dim, keepdim, true);
    }

    /** {@return the smallest element as a 0-d tensor, NaN if there is one ({@code torch.min(x)})} */
    public Tensor min() {
        return Reductions.extremum(this, false);
    }

    /**
     * {@return the smallest values along {@code dim} (removed) and the index of their first occurrence}
     *
     * @param dim the dim (negative counts from the end)
     */
    public ValuesIndices min(long dim) {
        return min(dim, false);
    }

    /**
     * {@return the smallest values along {@code dim} and the index of their first occurrence, as {@link #max(long,
     * boolean)}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public ValuesIndices min(long dim, boolean keepdim) {
        return Reductions.extremum(this, dim, keepdim, false);
    }

    /** {@return the int64 index of the first largest element of the flattened tensor (of the first NaN, if any)} */
    public Tensor argmax() {
        return Reductions.argExtremum(this, true);
    }

    /**
     * {@return the int64 indices of the first largest elements along {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor argmax(long dim) {
        return argmax(dim, false);
    }

    /**
     * {@return the int64 indices of the first largest elements along {@code dim}, kept with size 1 when {@code
     * keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor argmax(long dim, boolean keepdim) {
        return Reductions.argExtremum(this, dim, keepdim, true);
    }

    /** {@return the int64 index of the first smallest element of the flattened tensor (of the first NaN, if any)} */
    public Tensor argmin() {
        return Reductions.argExtremum(this, false);
    }

    /**
     * {@return the int64 indices of the first smallest elements along {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor argmin(long dim) {
        return argmin(dim, false);
    }

    /**
     * {@return the int64 indices of the first smallest elements along {@code dim}, kept with size 1 when {@code
     * keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor argmin(long dim, boolean keepdim) {
        return Reductions.argExtremum(this, dim, keepdim, false);
    }

    /** {@return the largest element as a 0-d tensor ({@code torch.amax(x)}); NaN propagates} */
    public Tensor amax() {
        return Reductions.amax(this, null, false, true);
    }

    /**
     * {@return the largest values over {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor amax(long dim) {
        return amax(new int[] {Shapes.normalizeDim(dim, dim())}, false);
    }

    /**
     * {@return the largest values over {@code dim}, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor amax(long dim, boolean keepdim) {
        return amax(new int[] {Shapes.normalizeDim(dim, dim())}, keepdim);
    }

    /**
     * {@return the largest values over several dims ({@code null} or empty: all dims); NaN propagates}
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Reductions.amax(this, dims, keepdim, true);
    }

    /** {@return the smallest element as a 0-d tensor ({@code torch.amin(x)}); NaN propagates} */
    public Tensor amin() {
        return Reductions.amax(this, null, false, false);
    }

    /**
     * {@return the smallest values over {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor amin(long dim) {
        return amin(new int[] {Shapes.normalizeDim(dim, dim())}, false);
    }

    /**
     * {@return the smallest values over {@code dim}, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor amin(long dim, boolean keepdim) {
        return amin(new int[] {Shapes.normalizeDim(dim, dim())}, keepdim);
    }

    /**
     * {@return the smallest values over several dims ({@code null} or empty: all dims); NaN propagates}
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor amin(int[] dims, boolean keepdim) {
        return Reductions.amax(this, dims, keepdim, false);
    }

    /**
     * {@return {@code log(sum(exp(x)))} over {@code dim} (removed), computed stably for large inputs}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor logsumexp(long dim) {
        return logsumexp(new int[] {Shapes.normalizeDim(dim, dim())}, false);
    }

    /**
     * {@return {@code log(sum(exp(x)))} over {@code dim}, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor logsumexp(long dim, boolean keepdim) {
        return logsumexp(new int[] {Shapes.normalizeDim(dim, dim())}, keepdim);
    }

    /**
     * {@code log(sum(exp(x)))} over several dims, as {@code m + log(sum(exp(x - m)))} with {@code m}
     * the maximum, so large inputs do not overflow; integer inputs give float32.
     *
     * @param dims the dims (negative count from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     * @return {@code log(sum(exp(x)))} over several dims, as {@code m + log(sum(exp(x - m)))} with {@code m} the
     *     maximum, so large inputs do not overflow
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Reductions.logsumexp(this, dims, keepdim);
    }

    /** {@return the unbiased (correction 1) variance of all elements; floating dtypes only} */
    public Tensor var() {
        return Reductions.stdVar(this, null, 1, false, false);
    }

    /**
     * {@return the variance of all elements, unbiased (divisor n-1) or not (divisor n)}
     *
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     */
    public Tensor var(boolean unbiased) {
        return Reductions.stdVar(this, null, unbiased ? 1 : 0, false, false);
    }

    /**
     * {@return the unbiased variance over {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor var(long dim) {
        return var(dim, true, false);
    }

    /**
     * {@return the variance over {@code dim}, unbiased or not, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor var(long dim, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, new int[] {Shapes.normalizeDim(dim, dim())}, unbiased ? 1 : 0, keepdim, false);
    }

    /**
     * {@return the variance over several dims ({@code null} or empty: all), unbiased or not}
     *
     * @param dims the dims (negative count from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, dims, unbiased ? 1 : 0, keepdim, false);
    }

    /**
     * {@return the variance over several dims ({@code null} or empty: all) with divisor {@code max(0, n -
     * correction)} ({@code torch.var(x, dims, correction=c)})}
     *
     * @param dims the dims (negative count from the end)
     * @param correction the difference between the sample size and the divisor (1 for Bessel's correction)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor var(int[] dims, double correction, boolean keepdim) {
        return Reductions.stdVar(this, dims, correction, keepdim, false);
    }

    /** {@return the unbiased (correction 1) standard deviation of all elements; floating dtypes only} */
    public Tensor std() {
        return Reductions.stdVar(this, null, 1, false, true);
    }

    /**
     * {@return the standard deviation of all elements, unbiased or not}
     *
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     */
    public Tensor std(boolean unbiased) {
        return Reductions.stdVar(this, null, unbiased ? 1 : 0, false, true);
    }

    /**
     * {@return the unbiased standard deviation over {@code dim}, which is removed}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor std(long dim) {
        return std(dim, true, false);
    }

    /**
     * {@return the standard deviation over {@code dim}, unbiased or not, kept with size 1 when {@code keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor std(long dim, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, new int[] {Shapes.normalizeDim(dim, dim())}, unbiased ? 1 : 0, keepdim, true);
    }

    /**
     * {@return the standard deviation over several dims ({@code null} or empty: all), unbiased or not}
     *
     * @param dims the dims (negative count from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.stdVar(this, dims, unbiased ? 1 : 0, keepdim, true);
    }

    /**
     * {@return the standard deviation over several dims with divisor {@code max(0, n - correction)}}
     *
     * @param dims the dims (negative count from the end)
     * @param correction the difference between the sample size and the divisor (1 for Bessel's correction)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor std(int[] dims, double correction, boolean keepdim) {
        return Reductions.stdVar(this, dims, correction, keepdim, true);
    }

    /** {@return whether every element is non-zero, as a 0-d bool tensor (true for an empty tensor)} */
    public Tensor all() {
        return Reductions.allAny(this, null, false, true);
    }

    /**
     * {@return whether every element along {@code dim} (removed) is non-zero}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor all(long dim) {
        return all(dim, false);
    }

    /**
     * {@return whether every element along {@code dim} is non-zero, {@code dim} kept with size 1 when {@code
     * keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor all(long dim, boolean keepdim) {
        return Reductions.allAny(this, dim, keepdim, true);
    }

    /** {@return whether some element is non-zero, as a 0-d bool tensor (false for an empty tensor)} */
    public Tensor any() {
        return Reductions.allAny(this, null, false, false);
    }

    /**
     * {@return whether some element along {@code dim} (removed) is non-zero}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor any(long dim) {
        return any(dim, false);
    }

    /**
     * {@return whether some element along {@code dim} is non-zero, {@code dim} kept with size 1 when {@code
     * keepdim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     */
    public Tensor any(long dim, boolean keepdim) {
        return Reductions.allAny(this, dim, keepdim, false);
    }

    /**
     * {@return the inclusive cumulative sum along {@code dim}; integer and bool tensors give int64}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor cumsum(long dim) {
        return Reductions.cumsum(this, dim, null);
    }

    /**
     * {@return the inclusive cumulative sum along {@code dim} computed in {@code dtype} (the input is cast first)}
     *
     * @param dim the dim (negative counts from the end)
     * @param dtype the dtype
     */
    public Tensor cumsum(long dim, DType dtype) {
        return Reductions.cumsum(this, dim, dtype);
    }

    // ------------------------------------------------------------------ end of reductions
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ indexing
    // Section: indexing, gather and scatter (issue 4).
    // Methods of this area go between this comment and the end marker below.

    /**
     * {@return PyTorch's {@code x[items]}: {@code x.index(Index.all(), Index.at(0))} is {@code x[:, 0]}}
     * Integers, slices, {@link Index#ellipsis()} and {@link Index#newAxis()} alone give a view (built
     * from {@link #select}, {@link #slice} and {@link #unsqueeze}); any tensor item (int64/int32
     * indices or a bool mask) gives a copy, laid out by PyTorch's advanced-indexing rules. See
     * {@link Index} for the items.
     *
     * @param items the index items, one per indexed dim
     * @throws TensorException for too many items, an index out of bounds (naming the index, the dim
     *     and its size), a mask whose shape does not match, index tensors that do not broadcast, or
     *     an index tensor of another dtype
     */
    public Tensor index(Index... items) {
        return Indexing.index(this, items.clone());
    }

    /**
     * {@return PyTorch's {@code x[t]} for one index tensor (int64/int32 indices into dim 0, or a bool mask)}
     *
     * @param indices the indices
     */
    public Tensor index(Tensor indices) {
        return Indexing.index(this, new Index[] {Index.tensor(indices)});
    }

    /**
     * {@link #index(Index...)} with convenience items: {@link Long}/{@link Integer} for
     * {@link Index#at}, a {@link Tensor} for {@link Index#tensor}, an {@link Index} as is; e.g.
     * {@code prob.index(Tensor.arange(24), target)} is {@code prob[torch.arange(24), target]}.
     *
     * @param items the index items, one per indexed dim
     * @return {@link #index(Index...)} with convenience items
     */
    public Tensor index(Object... items) {
        return Indexing.index(this, Index.of(items));
    }

    /**
     * PyTorch's {@code x[items] = value} ({@code index_put_}), in place: {@code value} is converted to
     * this dtype and broadcast to the indexed shape; with {@code accumulate}, values are added instead
     * (duplicate indices add up). Every index is checked before anything is written. Returns this.
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     * @param accumulate whether to add to the existing values instead of replacing them
     * @return this tensor
     * @throws TensorException for a bad index (see {@link #index(Index...)}) or a value that does not
     *     broadcast to the indexed shape
     */
    public Tensor indexPut_(Index[] items, Tensor value, boolean accumulate) {
        return Indexing.indexPut(this, items, value, accumulate, true);
    }

    /**
     * {@code x[items] = value} in place (PyTorch's {@code index_put_} without accumulate); returns this.
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     * @return this tensor
     */
    public Tensor indexPut_(Index[] items, Tensor value) {
        return Indexing.indexPut(this, items, value, false, true);
    }

    /**
     * {@code x[items] = value} in place for a scalar, e.g. {@code x[:, 1] = 0}; returns this.
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     * @return this tensor
     */
    public Tensor indexPut_(Index[] items, double value) {
        return Indexing.indexPut(this, items, scalar(value, dtype()).to(device()), false, true);
    }

    /**
     * {@code x[items] = value} in place for an integer scalar (exact for int64); returns this.
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     * @return this tensor
     */
    public Tensor indexPut_(Index[] items, long value) {
        return Indexing.indexPut(this, items, scalar(value).to(device()), false, true);
    }

    /**
     * {@code x[items] = value} in place for a bool scalar; returns this.
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     * @return this tensor
     */
    public Tensor indexPut_(Index[] items, boolean value) {
        return Indexing.indexPut(this, items, scalar(value).to(device()), false, true);
    }

    /**
     * {@return the out-of-place {@link #indexPut_(Index[], Tensor, boolean)}: a copy with the values written}
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     * @param accumulate whether to add to the existing values instead of replacing them
     */
    public Tensor indexPut(Index[] items, Tensor value, boolean accumulate) {
        return Indexing.indexPut(this, items, value, accumulate, false);
    }

    /**
     * {@return a copy with {@code copy[items] = value} (PyTorch's {@code index_put})}
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     */
    public Tensor indexPut(Index[] items, Tensor value) {
        return Indexing.indexPut(this, items, value, false, false);
    }

    /**
     * {@return a copy with {@code copy[items] = value} for a scalar}
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     */
    public Tensor indexPut(Index[] items, double value) {
        return Indexing.indexPut(this, items, scalar(value, dtype()).to(device()), false, false);
    }

    /**
     * The coordinates of the non-zero elements, one row each, in row-major order: an int64 tensor of
     * shape {@code [n, dim()]} (PyTorch's {@code nonzero()}).
     *
     * @return the coordinates of the non-zero elements, one row each, in row-major order
     */
    public Tensor nonzero() {
        return Indexing.nonzero(this);
    }

    /**
     * PyTorch's {@code nonzero(as_tuple=True)}: one int64 tensor of {@code n} coordinates per dim (a
     * 0-d tensor counts as 1-d), ready to be used as index items.
     *
     * @return PyTorch's {@code nonzero(as_tuple=True)}
     */
    public Tensor[] nonzeroAsTuple() {
        return Indexing.nonzeroAsTuple(this);
    }

    /**
     * The elements where the bool {@code mask} is true, as a 1-d copy; this tensor and the mask
     * broadcast together first (PyTorch's {@code masked_select}).
     *
     * @param mask the bool mask
     * @return the elements where the bool {@code mask} is true, as a 1-d copy
     */
    public Tensor maskedSelect(Tensor mask) {
        return Indexing.maskedSelect(this, mask);
    }

    /**
     * {@code out[i][j][k] = this[i][index[i][j][k]][k]} for {@code dim = 1} (PyTorch's {@code gather}):
     * the result has {@code index}'s shape; {@code index} has this tensor's number of dims and is no
     * larger in any dim but {@code dim}.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @return {@code out[i][j][k] = this[i][index[i][j][k]][k]} for {@code dim = 1} (PyTorch's {@code gather})
     * @throws TensorException for a dim out of range, mismatched dims or sizes, a non-integer index,
     *     or an index outside {@code [0, size(dim))}
     */
    public Tensor gather(long dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /**
     * A copy with {@code copy[i][index[i][j][k]][k] = src[i][j][k]} for {@code dim = 1} (PyTorch's
     * {@code scatter}); {@code src} has this dtype and is at least as large as {@code index}.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param src the source values
     * @return a copy with {@code copy[i][index[i][j][k]][k] = src[i][j][k]} for {@code dim = 1} (PyTorch's {@code
     *     scatter})
     */
    public Tensor scatter(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, false, false);
    }

    /**
     * {@return a copy with {@code value} written at the positions {@code index} selects along {@code dim}}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param value the value
     */
    public Tensor scatter(long dim, Tensor index, double value) {
        return Indexing.scatter(this, dim, index, null, value, false, false);
    }

    /**
     * The in-place {@link #scatter(long, Tensor, Tensor)}; returns this.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param src the source values
     * @return this tensor
     */
    public Tensor scatter_(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, false, true);
    }

    /**
     * The in-place {@link #scatter(long, Tensor, double)}; returns this.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param value the value
     * @return this tensor
     */
    public Tensor scatter_(long dim, Tensor index, double value) {
        return Indexing.scatter(this, dim, index, null, value, false, true);
    }

    /**
     * A copy with {@code copy[i][index[i][j][k]][k] += src[i][j][k]} for {@code dim = 1}: duplicate
     * indices add up (PyTorch's {@code scatter_add}).
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param src the source values
     * @return a copy with {@code copy[i][index[i][j][k]][k] += src[i][j][k]} for {@code dim = 1}
     */
    public Tensor scatterAdd(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, true, false);
    }

    /**
     * The in-place {@link #scatterAdd}; returns this.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param src the source values
     * @return this tensor
     */
    public Tensor scatterAdd_(long dim, Tensor index, Tensor src) {
        return Indexing.scatter(this, dim, index, src, 0, true, true);
    }

    /**
     * The slices at positions {@code index} (1-d, int64 or int32) along {@code dim}, copied: the result
     * has {@code index.numel()} entries in that dim (PyTorch's {@code index_select}).
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @return the slices at positions {@code index} (1-d, int64 or int32) along {@code dim}, copied
     */
    public Tensor indexSelect(long dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /**
     * {@return a copy with slice {@code i} of {@code source} along {@code dim} added to slice {@code index[i]}
     * (duplicates add up; PyTorch's {@code index_add})}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param source the source
     */
    public Tensor indexAdd(long dim, Tensor index, Tensor source) {
        return Indexing.indexAdd(this, dim, index, source, 1, false);
    }

    /**
     * {@return {@link #indexAdd(long, Tensor, Tensor)} with {@code source} scaled by {@code alpha}}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param source the source
     * @param alpha the multiplier alpha
     */
    public Tensor indexAdd(long dim, Tensor index, Tensor source, double alpha) {
        return Indexing.indexAdd(this, dim, index, source, alpha, false);
    }

    /**
     * The in-place {@link #indexAdd(long, Tensor, Tensor)}; returns this.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param source the source
     * @return this tensor
     */
    public Tensor indexAdd_(long dim, Tensor index, Tensor source) {
        return Indexing.indexAdd(this, dim, index, source, 1, true);
    }

    /**
     * The in-place {@link #indexAdd(long, Tensor, Tensor, double)}; returns this.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (int64)
     * @param source the source
     * @param alpha the multiplier alpha
     * @return this tensor
     */
    public Tensor indexAdd_(long dim, Tensor index, Tensor source, double alpha) {
        return Indexing.indexAdd(this, dim, index, source, alpha, true);
    }

    /**
     * The elements at flat (row-major) positions {@code index}, in {@code index}'s shape; negative
     * positions count from the end (PyTorch's {@code take}).
     *
     * @param index the indices (int64)
     * @return the elements at flat (row-major) positions {@code index}, in {@code index}'s shape
     */
    public Tensor take(Tensor index) {
        return Indexing.take(this, index);
    }

    /**
     * {@return {@link #gather} after broadcasting this tensor and {@code indices} against each other in every dim
     * but {@code dim} (PyTorch's {@code take_along_dim})}
     *
     * @param indices the indices
     * @param dim the dim (negative counts from the end)
     */
    public Tensor takeAlongDim(Tensor indices, long dim) {
        return Indexing.takeAlongDim(this, indices, dim);
    }

    /**
     * {@return PyTorch's {@code take_along_dim} without a dim: both tensors flattened}
     *
     * @param indices the indices
     */
    public Tensor takeAlongDim(Tensor indices) {
        return Indexing.gather(reshape(-1), 0, indices.reshape(-1));
    }

    // ------------------------------------------------------------------ end of indexing
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ random
    // Section: random numbers (issue 5).
    // Methods of this area go between this comment and the end marker below.

    /**
     * Seeds the default generator, like {@code torch.manual_seed(seed)}; returns it.
     *
     * @param seed the seed
     * @return this generator
     */
    public static Generator manualSeed(long seed) {
        return Generator.manualSeed(seed);
    }

    /**
     * {@return float32 values uniform in {@code [0, 1)}, like {@code torch.rand(*shape)} (PyTorch's values bit for
     * bit)}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor rand(long... shape) {
        return rand(shape, DType.FLOAT32, null);
    }

    /**
     * {@return {@link #rand(long...)} drawing from {@code generator}, like {@code torch.rand(*shape,
     * generator=g)}}
     *
     * @param generator the random number generator to draw from
     * @param shape the shape (the size of each dim)
     */
    public static Tensor rand(Generator generator, long... shape) {
        return rand(shape, DType.FLOAT32, generator);
    }

    /**
     * {@return uniform {@code [0, 1)} values of a floating {@code dtype}, like {@code torch.rand(shape,
     * dtype=dtype)}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor rand(long[] shape, DType dtype) {
        return rand(shape, dtype, null);
    }

    /**
     * {@return uniform {@code [0, 1)} values of {@code dtype} from {@code generator} (null: the default
     * generator)}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor rand(long[] shape, DType dtype, Generator generator) {
        return empty(shape, dtype, Device.CPU).uniform_(0, 1, generator);
    }

    /**
     * {@return float32 standard normal values, like {@code torch.randn(*shape)} (PyTorch's values bit for bit; see
     * {@link #normal_(double, double, Generator)} for the two algorithms)}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor randn(long... shape) {
        return randn(shape, DType.FLOAT32, null);
    }

    /**
     * {@return {@link #randn(long...)} drawing from {@code generator}, like {@code torch.randn(*shape,
     * generator=g)}}
     *
     * @param generator the random number generator to draw from
     * @param shape the shape (the size of each dim)
     */
    public static Tensor randn(Generator generator, long... shape) {
        return randn(shape, DType.FLOAT32, generator);
    }

    /**
     * {@return standard normal values of a floating {@code dtype}, like {@code torch.randn(shape, dtype=dtype)}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor randn(long[] shape, DType dtype) {
        return randn(shape, dtype, null);
    }

    /**
     * {@return standard normal values of {@code dtype} from {@code generator} (null: the default generator)}
     * float64 values may differ from PyTorch's in the last bit (the JDK's log/sin/cos are not glibc's).
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor randn(long[] shape, DType dtype, Generator generator) {
        return empty(shape, dtype, Device.CPU).normal_(0, 1, generator);
    }

    /**
     * {@return int64 values uniform in {@code [0, high)}, like {@code torch.randint(high, shape)}}
     *
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     */
    public static Tensor randint(long high, long[] shape) {
        return randint(0, high, shape, DType.INT64, null);
    }

    /**
     * {@return {@link #randint(long, long[])} drawing from {@code generator}}
     *
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     * @param generator the random number generator to draw from
     */
    public static Tensor randint(long high, long[] shape, Generator generator) {
        return randint(0, high, shape, DType.INT64, generator);
    }

    /**
     * {@return int64 values uniform in {@code [low, high)}, like {@code torch.randint(low, high, shape)}; any
     * int64 range works, and the values match PyTorch's exactly (for ranges in {@code [2^28, 2^32)} they depend on
     * the {@linkplain Generator#setCompatibility PyTorch version})}
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     * @throws TensorException if {@code low >= high}
     */
    public static Tensor randint(long low, long high, long[] shape) {
        return randint(low, high, shape, DType.INT64, null);
    }

    /**
     * {@return {@link #randint(long, long, long[])} drawing from {@code generator}}
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     * @param generator the random number generator to draw from
     */
    public static Tensor randint(long low, long high, long[] shape, Generator generator) {
        return randint(low, high, shape, DType.INT64, generator);
    }

    /**
     * {@return values uniform in {@code [low, high)} stored as {@code dtype}, like {@code torch.randint(low, high,
     * shape, dtype=dtype)}}
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor randint(long low, long high, long[] shape, DType dtype) {
        return randint(low, high, shape, dtype, null);
    }

    /**
     * {@return values uniform in {@code [low, high)} as {@code dtype} from {@code generator} (null: the default
     * generator)}
     *
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor randint(long low, long high, long[] shape, DType dtype, Generator generator) {
        return empty(shape, dtype, Device.CPU).random_(low, high, generator);
    }

    /**
     * {@return a random permutation of {@code 0..n-1} as int64, like {@code torch.randperm(n)}}
     *
     * @param n the count
     */
    public static Tensor randperm(long n) {
        return RandomOps.randperm(n, DType.INT64, null);
    }

    /**
     * {@return {@link #randperm(long)} drawing from {@code generator}}
     *
     * @param n the count
     * @param generator the random number generator to draw from
     */
    public static Tensor randperm(long n, Generator generator) {
        return RandomOps.randperm(n, DType.INT64, generator);
    }

    /**
     * {@return a random permutation of {@code 0..n-1} stored as {@code dtype}, like {@code torch.randperm(n,
     * dtype=dtype)}}
     *
     * @param n the count
     * @param dtype the dtype
     */
    public static Tensor randperm(long n, DType dtype) {
        return RandomOps.randperm(n, dtype, null);
    }

    /**
     * {@return a random permutation of {@code 0..n-1} as {@code dtype} from {@code generator} (null: the default
     * generator)}
     *
     * @param n the count
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor randperm(long n, DType dtype, Generator generator) {
        return RandomOps.randperm(n, dtype, generator);
    }

    /**
     * {@return uniform {@code [0, 1)} values with x's shape, dtype, device and layout, like {@code
     * torch.rand_like(x)}: a transposed x gives a transposed result, filled in memory order}
     *
     * @param x the input tensor
     */
    public static Tensor randLike(Tensor x) {
        return randLike(x, x.dtype(), null);
    }

    /**
     * {@return {@link #randLike(Tensor)} drawing from {@code generator}}
     *
     * @param x the input tensor
     * @param generator the random number generator to draw from
     */
    public static Tensor randLike(Tensor x, Generator generator) {
        return randLike(x, x.dtype(), generator);
    }

    /**
     * {@return {@link #randLike(Tensor)} with another floating {@code dtype}}
     *
     * @param x the input tensor
     * @param dtype the dtype
     */
    public static Tensor randLike(Tensor x, DType dtype) {
        return randLike(x, dtype, null);
    }

    /**
     * {@return {@link #randLike(Tensor)} with {@code dtype} from {@code generator} (null: the default generator)}
     *
     * @param x the input tensor
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor randLike(Tensor x, DType dtype, Generator generator) {
        return RandomOps.emptyLike(x, dtype).uniform_(0, 1, generator);
    }

    /**
     * {@return standard normal values with x's shape, dtype, device and layout, like {@code torch.randn_like(x)}
     * (a non-contiguous layout takes PyTorch's scalar path even for 16 or more elements)}
     *
     * @param x the input tensor
     */
    public static Tensor randnLike(Tensor x) {
        return randnLike(x, x.dtype(), null);
    }

    /**
     * {@return {@link #randnLike(Tensor)} drawing from {@code generator}}
     *
     * @param x the input tensor
     * @param generator the random number generator to draw from
     */
    public static Tensor randnLike(Tensor x, Generator generator) {
        return randnLike(x, x.dtype(), generator);
    }

    /**
     * {@return {@link #randnLike(Tensor)} with another floating {@code dtype}}
     *
     * @param x the input tensor
     * @param dtype the dtype
     */
    public static Tensor randnLike(Tensor x, DType dtype) {
        return randnLike(x, dtype, null);
    }

    /**
     * {@return {@link #randnLike(Tensor)} with {@code dtype} from {@code generator} (null: the default generator)}
     *
     * @param x the input tensor
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor randnLike(Tensor x, DType dtype, Generator generator) {
        return RandomOps.emptyLike(x, dtype).normal_(0, 1, generator);
    }

    /**
     * {@return integers in {@code [0, high)} with x's shape, dtype (kept, as PyTorch does), device and layout,
     * like {@code torch.randint_like(x, high)}}
     *
     * @param x the input tensor
     * @param high the upper bound (exclusive)
     */
    public static Tensor randintLike(Tensor x, long high) {
        return randintLike(x, 0, high, x.dtype(), null);
    }

    /**
     * {@return integers in {@code [low, high)} with x's shape, dtype, device and layout, like {@code
     * torch.randint_like(x, low, high)}}
     *
     * @param x the input tensor
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     */
    public static Tensor randintLike(Tensor x, long low, long high) {
        return randintLike(x, low, high, x.dtype(), null);
    }

    /**
     * {@return {@link #randintLike(Tensor, long, long)} drawing from {@code generator}}
     *
     * @param x the input tensor
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param generator the random number generator to draw from
     */
    public static Tensor randintLike(Tensor x, long low, long high, Generator generator) {
        return randintLike(x, low, high, x.dtype(), generator);
    }

    /**
     * {@return {@link #randintLike(Tensor, long, long)} stored as {@code dtype}, from {@code generator} (null: the
     * default generator)}
     *
     * @param x the input tensor
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param dtype the dtype
     * @param generator the random number generator to draw from
     */
    public static Tensor randintLike(Tensor x, long low, long high, DType dtype, Generator generator) {
        return RandomOps.emptyLike(x, dtype).random_(low, high, generator);
    }

    /**
     * Fills this floating tensor with uniform {@code [0, 1)} values in place, like {@code x.uniform_()}; returns
     * this.
     *
     * @return this tensor
     */
    public Tensor uniform_() {
        return RandomOps.uniform_(this, 0, 1, null);
    }

    /**
     * Fills this floating tensor with values uniform in {@code [from, to)} in place, like {@code x.uniform_(from,
     * to)}; returns this.
     *
     * @param from the start
     * @param to the target
     * @return this tensor
     */
    public Tensor uniform_(double from, double to) {
        return RandomOps.uniform_(this, from, to, null);
    }

    /**
     * {@link #uniform_(double, double)} drawing from {@code generator} (null: the default generator).
     * The bounds are rounded to the dtype first and each element is {@code fma(u, to - from, from)}.
     *
     * @param from the start
     * @param to the target
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws TensorException for a non-floating dtype, non-finite bounds or {@code from > to}
     */
    public Tensor uniform_(double from, double to, Generator generator) {
        return RandomOps.uniform_(this, from, to, generator);
    }

    /**
     * Fills this floating tensor with standard normal values in place, like {@code x.normal_()}; returns this.
     *
     * @return this tensor
     */
    public Tensor normal_() {
        return RandomOps.normal_(this, 0, 1, null);
    }

    /**
     * Fills this floating tensor with normal values in place, like {@code x.normal_(mean, std)}; returns this.
     *
     * @param mean the mean
     * @param std the standard deviation
     * @return this tensor
     */
    public Tensor normal_(double mean, double std) {
        return RandomOps.normal_(this, mean, std, null);
    }

    /**
     * {@link #normal_(double, double)} drawing from {@code generator} (null: the default generator).
     * As in PyTorch, a contiguous tensor of at least 16 elements takes the vectorised Box–Muller path
     * (float32 bit-exact), anything else the scalar path, which may leave a cached sample in the
     * generator for the next scalar-path call.
     *
     * @param mean the mean
     * @param std the standard deviation
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws TensorException for a non-floating dtype or {@code std < 0}
     */
    public Tensor normal_(double mean, double std, Generator generator) {
        return RandomOps.normal_(this, mean, std, generator);
    }

    /**
     * Fills this tensor with random integers in place, like {@code x.random_()}: int64 in
     * {@code [0, 2^63)}, int32 in {@code [0, 2^31)}, float32 in {@code [0, 2^24]}, float64 in
     * {@code [0, 2^53]}, bool either; returns this.
     *
     * @return this tensor
     */
    public Tensor random_() {
        return RandomOps.random_(this, null);
    }

    /**
     * {@link #random_()} drawing from {@code generator} (null: the default generator).
     *
     * @param generator the random number generator to draw from
     * @return this tensor
     */
    public Tensor random_(Generator generator) {
        return RandomOps.random_(this, generator);
    }

    /**
     * Fills this tensor with integers uniform in {@code [0, to)} in place, like {@code x.random_(to)}; returns
     * this.
     *
     * @param to the target
     * @return this tensor
     */
    public Tensor random_(long to) {
        return RandomOps.random_(this, 0, to, null);
    }

    /**
     * Fills this tensor with integers uniform in {@code [from, to)} in place, like {@code x.random_(from, to)};
     * returns this.
     *
     * @param from the start
     * @param to the target
     * @return this tensor
     */
    public Tensor random_(long from, long to) {
        return RandomOps.random_(this, from, to, null);
    }

    /**
     * {@link #random_(long, long)} drawing from {@code generator} (null: the default generator).
     *
     * @param from the start
     * @param to the target
     * @param generator the random number generator to draw from
     * @return this tensor
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
     *
     * @param numSamples the number of samples
     * @param replacement whether to draw with replacement
     * @param generator the random number generator to draw from
     * @return {@code torch.multinomial(self, numSamples, replacement, generator=generator)}
     */
    public Tensor multinomial(long numSamples, boolean replacement, Generator generator) {
        return Multinomial.sample(this, numSamples, replacement, generator);
    }

    /**
     * {@return {@code torch.multinomial(self, numSamples)}: without replacement, from the default generator}
     *
     * @param numSamples the number of samples
     */
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
     * @param other the other operand, broadcast with this tensor
     * @return the matrix product with PyTorch's rank rules ({@code torch.matmul}, Python's {@code @})
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
     * @param other the other operand, broadcast with this tensor
     * @param out the tensor to write the result into
     * @return {@link #matmul(Tensor)} written into {@code out} (PyTorch's {@code out=} argument), which must
     *     already have the result's shape and dtype
     * @throws TensorException when {@code out} has another shape or dtype, is an expanded view, or
     *     an argument requires grad
     */
    public Tensor matmul(Tensor other, Tensor out) {
        return Linalg.matmul(this, other, out);
    }

    /**
     * The product of two 2-D matrices ({@code torch.mm}), {@code [n, k] @ [k, m] -> [n, m]}; no
     * broadcasting, same dtypes.
     *
     * @param mat2 the second matrix
     * @return the product of two 2-D matrices ({@code torch.mm}), {@code [n, k] @ [k, m] -> [n, m]}
     */
    public Tensor mm(Tensor mat2) {
        return Linalg.mm(this, mat2);
    }

    /**
     * The batched product of two 3-D tensors with equal batch sizes ({@code torch.bmm}),
     * {@code [b, n, k] @ [b, k, m] -> [b, n, m]}; no broadcasting, same dtypes.
     *
     * @param mat2 the second matrix
     * @return the batched product of two 3-D tensors with equal batch sizes ({@code torch.bmm}), {@code [b, n, k]
     *     @ [b, k, m] -> [b, n, m]}
     */
    public Tensor bmm(Tensor mat2) {
        return Linalg.bmm(this, mat2);
    }

    /**
     * {@return the inner product of two 1-D tensors of equal length and dtype, a 0-d tensor ({@code torch.dot})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor dot(Tensor other) {
        return Linalg.dot(this, other);
    }

    /**
     * {@return the product of this 2-D matrix and a 1-D vector ({@code torch.mv}), {@code [n, k] @ [k] -> [n]}}
     *
     * @param vec the vector
     */
    public Tensor mv(Tensor vec) {
        return Linalg.mv(this, vec);
    }

    /**
     * The outer product of two 1-D tensors ({@code torch.outer}), {@code out[i, j] = this[i] * vec2[j]};
     * the dtypes are promoted as for {@code mul}.
     *
     * @param vec2 the second vector
     * @return the outer product of two 1-D tensors ({@code torch.outer}), {@code out[i, j] = this[i] * vec2[j]}
     */
    public Tensor outer(Tensor vec2) {
        return Linalg.outer(this, vec2);
    }

    // ------------------------------------------------------------------ end of linalg
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ autograd

    /** {@return whether gradients are computed for this tensor} */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf tensor as requiring gradients (needs tensor-ops on the path); returns this.
     *
     * @param on whether to turn it on
     * @return this tensor
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

    /** {@return the accumulated gradient, or null} */
    public Tensor grad() {
        return grad;
    }

    /**
     * Replaces the accumulated gradient (null clears it).
     *
     * @param g the generator
     */
    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw new TensorException("assigned grad has data of a different size: grad " + Arrays.toString(g.shape)
                    + " vs tensor " + Arrays.toString(shape));
        }
        this.grad = g;
    }

    /** {@return the node that produced this tensor (PyTorch's {@code grad_fn}), or null for leaves} */
    public GradNode gradFn() {
        return gradFn;
    }

    /** {@return whether this tensor was not produced by a recorded op} */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** {@return Which output of its node this tensor is (for ops with several outputs)} */
    public int outputNr() {
        return outputNr;
    }

    /**
     * Engine-only: attaches the node that produced this tensor. Called by the autograd engine in
     * tensor-ops when it records an op.
     *
     * @param node the node
     * @param outputIndex the index of the output
     */
    public void attachGradFn(GradNode node, int outputIndex) {
        this.gradFn = node;
        this.outputNr = outputIndex;
        this.requiresGrad = node != null;
    }

    /** {@return a tensor sharing this storage, cut from the graph (no grad)} */
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
     *
     * @param gradient the gradient
     * @param retainGraph whether to keep the recorded graph for another backward pass
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
