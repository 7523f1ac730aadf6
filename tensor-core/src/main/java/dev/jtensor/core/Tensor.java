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
import java.util.Objects;

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
 *   <li>A storage holds at most {@code 2^31 - 9} elements. A view may have more logical elements
 *       (an {@link #expand}ed one costs no memory), as long as the count fits a {@code long}:
 *       reductions and matrix products of such views are computed in parts, and an op whose result
 *       would not fit a storage throws naming the size.</li>
 *   <li>A view with stride 0 on a dim of size &gt; 1 (from {@link #expand}) is read-only for ops
 *       that write: they reject it.</li>
 * </ol>
 *
 * <p>CPU tensors are plain garbage-collected objects: nothing to close.
 *
 * <p><b>Threads.</b> Tensors are not locked. What is safe from several threads at once: reading
 * shared tensors (any out-of-place op whose inputs nobody writes meanwhile); building and running
 * independent graphs (grad mode is per thread); and {@link #backward()} passes that meet in shared
 * leaves, e.g. one set of weights: accumulation into a leaf's {@link #grad()} is atomic per leaf,
 * as PyTorch's, so no update is lost (the order of the additions, and so the last bits of the
 * sum, may vary). What is not safe: in-place ops (including {@code setGrad}, zeroing gradients and
 * an optimizer's {@code step}) on a tensor another thread reads or writes at the same time, and two
 * backward passes through the same recorded non-leaf graph; synchronise these yourself, e.g. run
 * the optimizer step after the threads' backward passes have joined.
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
        this(Objects.requireNonNull(storage, "storage"), Objects.requireNonNull(shape, "shape").clone(),
                Objects.requireNonNull(strides, "strides").clone(), offset, true);
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
        boolean overflow = false;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) {
                throw new TensorException("negative size " + shape[d] + " in shape " + Arrays.toString(shape));
            }
            if (shape[d] == 0) {
                empty = true;
            } else {
                try {
                    long reach = Math.multiplyExact(shape[d] - 1, strides[d]);
                    if (reach >= 0) {
                        hi = Math.addExact(hi, reach);
                    } else {
                        lo = Math.addExact(lo, reach);
                    }
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        Shapes.numel(shape); // the element count must fit a long, even for an empty or expanded view
        if (!empty && (overflow || lo < 0 || hi >= storage.size())) {
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
        Objects.requireNonNull(data, "data");
        return Creation.fromData(data, null);
    }

    /**
     * {@return a tensor from Java data converted to {@code dtype}}
     *
     * @param data the data
     * @param dtype the dtype
     */
    public static Tensor tensor(Object data, DType dtype) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(array, "array");
        return fromArray(array, holderDType(array), java.lang.reflect.Array.getLength(array));
    }

    /** The dtype a Java array holds by default: byte[] is int8 and short[] int16 (Java's signed types). */
    private static DType holderDType(Object array) {
        return switch (array) {
            case float[] a -> DType.FLOAT32;
            case double[] a -> DType.FLOAT64;
            case long[] a -> DType.INT64;
            case int[] a -> DType.INT32;
            case boolean[] a -> DType.BOOL;
            case byte[] a -> DType.INT8;
            case short[] a -> DType.INT16;
            default -> throw new TensorException("cannot make a tensor of a " + array.getClass().getSimpleName()
                    + ": expected float[], double[], long[], int[], short[], byte[] or boolean[]");
        };
    }

    /**
     * {@return a tensor of {@code dtype} holding a copy of a primitive array of the dtype's holder type, viewed as
     * {@code shape}: {@code byte[]} for uint8 and int8, {@code short[]} for int16 and for the bits of float16 and
     * bfloat16 (e.g. from {@code Float.floatToFloat16}), the matching array otherwise}
     *
     * @param array the Java array
     * @param dtype the dtype of the elements
     * @param shape the shape (the size of each dim)
     */
    public static Tensor fromArray(Object array, DType dtype, long... shape) {
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        int n = java.lang.reflect.Array.getLength(array);
        Tensor flat = new Tensor(dev.jtensor.core.spi.Backends.cpu().fromHost(array, dtype), new long[] {n},
                new long[] {1}, 0);
        return shape.length == 1 && shape[0] == n ? flat : flat.view(shape);
    }

    /**
     * {@return a tensor holding a copy of a primitive array, viewed as {@code shape} (an empty shape gives a 0-d
     * tensor)}
     *
     * @param array the Java array
     * @param shape the shape (the size of each dim)
     */
    public static Tensor fromArray(Object array, long... shape) {
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        long[] s = Shapes.checkShape(shape);
        // s is checkShape's copy: the new tensor owns it.
        return new Tensor(device.backend().allocate(dtype, Shapes.numel(s)), s, Shapes.contiguousStrides(s), 0, true);
    }

    /**
     * {@return a contiguous tensor on a device whose elements have unspecified values, like PyTorch's
     * {@code torch.empty}} For a result that is written in full before any element is read (an op's
     * output): the device may hand out recycled memory holding an earlier tensor's values, which
     * saves clearing it. Use {@link #empty} or {@link #zeros} where zeros are needed.
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     * @param device the device
     */
    public static Tensor emptyUninitialized(long[] shape, DType dtype, Device device) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        long[] s = Shapes.checkShape(shape);
        return new Tensor(device.backend().allocateUninitialized(dtype, Shapes.numel(s)), s,
                Shapes.contiguousStrides(s), 0, true);
    }

    /**
     * {@return a float32 tensor of zeros}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor zeros(long... shape) {
        Objects.requireNonNull(shape, "shape");
        return zeros(shape, DType.FLOAT32);
    }

    /**
     * {@return a tensor of zeros of {@code dtype}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor zeros(long[] shape, DType dtype) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        return empty(shape, dtype, Device.CPU);
    }

    /**
     * {@return a float32 tensor of ones}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor ones(long... shape) {
        Objects.requireNonNull(shape, "shape");
        return full(shape, 1.0, DType.FLOAT32);
    }

    /**
     * {@return a tensor of ones of {@code dtype}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor ones(long[] shape, DType dtype) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        return full(shape, 1.0, dtype);
    }

    /**
     * {@return a float32 tensor filled with {@code value} (PyTorch infers float32 for a float fill value)}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     */
    public static Tensor full(long[] shape, double value) {
        Objects.requireNonNull(shape, "shape");
        return full(shape, value, DType.FLOAT32);
    }

    /**
     * {@return an int64 tensor filled with {@code value} (PyTorch infers int64 for an integer fill value)}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     */
    public static Tensor full(long[] shape, long value) {
        Objects.requireNonNull(shape, "shape");
        return zeros(shape, DType.INT64).fill_(value);
    }

    /**
     * {@return a tensor of {@code dtype} filled with the integer {@code value} (exact for int64; a value outside the
     * dtype's range is an error, as in PyTorch)}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     * @param dtype the dtype
     */
    public static Tensor full(long[] shape, long value, DType dtype) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        return zeros(shape, dtype).fill_(value);
    }

    /**
     * {@return a bool tensor filled with {@code value}}
     *
     * @param shape the shape (the size of each dim)
     * @param value the value
     */
    public static Tensor full(long[] shape, boolean value) {
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(t, "t");
        return empty(t.shape, t.dtype(), t.device());
    }

    /**
     * Ones with this tensor's shape, dtype and device.
     *
     * @param t the tensor
     * @return this tensor
     */
    public static Tensor onesLike(Tensor t) {
        Objects.requireNonNull(t, "t");
        return empty(t.shape, t.dtype(), t.device()).fill_(1L);
    }

    /**
     * {@return {@code value} with this tensor's shape, dtype and device}
     *
     * @param t the tensor
     * @param value the value
     */
    public static Tensor fullLike(Tensor t, double value) {
        Objects.requireNonNull(t, "t");
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
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
        if (dtype == dtype()) {
            return this;
        }
        Tensor out = emptyUninitialized(shape, dtype, device());
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
        Objects.requireNonNull(target, "target");
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
            out = new Tensor(target.backend().fromHost(host, dtype()), shape, strides.clone(), 0);
        } else {
            Tensor src = contiguous();
            Object host = src.backend().toHost(src.storage);
            out = new Tensor(target.backend().fromHost(host, dtype()), shape, Shapes.contiguousStrides(shape), src.offset);
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
        Tensor c = !dtype().isReduced() ? this : to(dtype().isFloatingPoint() ? DType.FLOAT64 : DType.INT64);
        Object host = c.contiguous().toHostArray();
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
            Tensor compact = emptyUninitialized(shape, dtype(), device());
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
        Elementwise.checkFits("fill_", value, dtype());
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
        Objects.requireNonNull(src, "src");
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
        Objects.requireNonNull(other, "other");
        return storage == other.storage;
    }

    /** A contiguous copy with its own storage (differentiable). */
    @Override
    public Tensor clone() {
        Tensor out = emptyUninitialized(shape, dtype(), device());
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(op, "op");
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
        Objects.requireNonNull(newShape, "newShape");
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
        Objects.requireNonNull(newShape, "newShape");
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
        Objects.requireNonNull(other, "other");
        return view(other.shape);
    }

    /**
     * {@return a reshape to the shape of {@code other}}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor reshapeAs(Tensor other) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(dims, "dims");
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
        Objects.requireNonNull(sizes, "sizes");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(sizes, "sizes");
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
        if (length < 0 || length > size - st) {
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
        long len = b > a ? (b - a - 1) / step + 1 : 0;
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
        int n = size == 0 ? 1 : pieces(Math.ceilDiv(size, splitSize), "split");
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
        Objects.requireNonNull(sizes, "sizes");
        int d = Shapes.normalizeDim(dim, dim());
        long sum = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw new TensorException("split_with_sizes expects split_sizes to be non-negative, got " + Arrays.toString(sizes));
            }
            // Saturating: sizes whose sum overflows are simply too large.
            sum = s > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + s;
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
        long splitSize = Math.ceilDiv(size, chunks);
        if (splitSize == 0 && size == 0) {
            long[] sizes = new long[pieces(chunks, "chunk")];
            return split(sizes, d);
        }
        return split(splitSize, d);
    }

    /** A number of pieces as an array length, or an error naming it. */
    private static int pieces(long n, String op) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new TensorException(op + ": " + n + " pieces are more than an array of tensors holds");
        }
        return (int) n;
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
        NullChecks.elements(tensors, "tensors");
        return Creation.cat(tensors, dim);
    }

    /**
     * {@return the tensors, all of one shape, stacked along a new dim {@code dim}}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor stack(Tensor[] tensors, long dim) {
        NullChecks.elements(tensors, "tensors");
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
        Objects.requireNonNull(repeats, "repeats");
        return Creation.repeat(this, repeats);
    }

    /**
     * {@return a copy with the order of elements reversed along {@code dims}}
     *
     * @param dims the dims (negative count from the end)
     */
    public Tensor flip(int... dims) {
        Objects.requireNonNull(dims, "dims");
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
        Tensor out = emptyUninitialized(shape, dtype(), device());
        backend().copy(TensorIterator.of(out, reversed));
        int[] norm = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            norm[i] = Shapes.normalizeDim(dims[i], dim());
        }
        return Autograd.record(Primitive.FLIP, out, new Tensor[] {this}, (Object) norm);
    }

    // ------------------------------------------------------------------ shape ops, einsum, tensordot
    // Section: shape ops of code ported from PyTorch (issue 20). Composed of the views above and
    // existing primitives in ShapeOps and Einsum; diagonal is the one new view primitive.
    // Methods of this area go between this comment and the end marker below.

    /**
     * The view of the diagonal with {@code offset} over dims {@code dim1} and {@code dim2}
     * ({@code torch.diagonal}): both dims are removed and the diagonal becomes the last dim, with
     * stride {@code stride(dim1) + stride(dim2)}. A positive offset takes a diagonal above the main
     * one (towards larger {@code dim2} indices), a negative one below; an offset past the edge gives
     * an empty diagonal.
     *
     * @param offset which diagonal: 0 the main one
     * @param dim1 the first dim of the 2-D planes (negative counts from the end)
     * @param dim2 the second dim of the 2-D planes
     * @return a view of this tensor's storage
     * @throws TensorException when a dim is out of range or both dims are the same dim
     */
    public Tensor diagonal(long offset, long dim1, long dim2) {
        int d1 = Shapes.normalizeDim(dim1, dim());
        int d2 = Shapes.normalizeDim(dim2, dim());
        if (d1 == d2) {
            throw new TensorException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        long size = offset >= 0 ? Math.min(shape[d1], shape[d2] - offset) : Math.min(shape[d1] + offset, shape[d2]);
        size = Math.max(size, 0);
        // An empty diagonal keeps this tensor's storage offset (it is never read).
        long off = size == 0 ? this.offset
                : offset >= 0 ? this.offset + offset * strides[d2] : this.offset - offset * strides[d1];
        long[] s = new long[dim() - 1];
        long[] st = new long[dim() - 1];
        int j = 0;
        for (int d = 0; d < dim(); d++) {
            if (d != d1 && d != d2) {
                s[j] = shape[d];
                st[j++] = strides[d];
            }
        }
        s[j] = size;
        st[j] = strides[d1] + strides[d2];
        Tensor v = viewOf(s, st, off);
        return requiresGrad ? Autograd.record(Primitive.DIAGONAL, v, new Tensor[] {this}, offset, d1, d2, shape.clone()) : v;
    }

    /**
     * The main diagonal over the first two dims, {@code diagonal(0, 0, 1)}.
     *
     * @return a view of this tensor's storage
     * @throws TensorException when this tensor has fewer than 2 dims
     */
    public Tensor diagonal() {
        return diagonal(0, 0, 1);
    }

    /**
     * {@code torch.diag}: a 1-D tensor becomes a square matrix with it on the diagonal {@code diagonal}
     * (zeros elsewhere); of a 2-D tensor, a copy of that diagonal.
     *
     * @param diagonal which diagonal: 0 the main one, positive above, negative below
     * @return a new tensor
     * @throws TensorException when this tensor is not 1-D or 2-D
     */
    public Tensor diag(long diagonal) {
        return ShapeOps.diag(this, diagonal);
    }

    /**
     * {@code torch.diag} of the main diagonal, {@code diag(0)}.
     *
     * @return a new tensor
     * @throws TensorException when this tensor is not 1-D or 2-D
     */
    public Tensor diag() {
        return ShapeOps.diag(this, 0);
    }

    /**
     * {@code torch.diag_embed}: the last dim written on the {@code offset} diagonal of two new dims
     * {@code dim1} and {@code dim2} of the result (one dim more than this tensor), zeros elsewhere;
     * {@code result.diagonal(offset, dim1, dim2)} gives this tensor back.
     *
     * @param offset which diagonal: 0 the main one
     * @param dim1 the result's first new dim (negative counts from the end of the result's dims)
     * @param dim2 the result's second new dim
     * @return a new tensor whose new dims have size {@code size(-1) + |offset|}
     * @throws TensorException when a dim is out of range or both are the same dim
     */
    public Tensor diagEmbed(long offset, long dim1, long dim2) {
        return ShapeOps.diagEmbed(this, offset, dim1, dim2);
    }

    /**
     * {@code torch.diag_embed} with its defaults: {@code diagEmbed(0, -2, -1)}.
     *
     * @return a new tensor with the last dim on the diagonal of two new last dims
     */
    public Tensor diagEmbed() {
        return ShapeOps.diagEmbed(this, 0, -2, -1);
    }

    /**
     * The sum of the main diagonal of a matrix ({@code torch.trace}); integer inputs give int64, as
     * {@code sum} does.
     *
     * @return a 0-d tensor
     * @throws TensorException when this tensor is not 2-D
     */
    public Tensor trace() {
        return ShapeOps.trace(this);
    }

    /**
     * The elements shifted by {@code shifts[i]} along {@code dims[i]}, wrapping around
     * ({@code torch.roll}); with no dims and one shift, the tensor is rolled as if flattened.
     *
     * @param shifts the shift per dim (negative shifts roll the other way)
     * @param dims the dims to roll, or an empty array to roll the flattened tensor
     * @return a new tensor
     * @throws TensorException when the arrays differ in length or a dim is out of range
     */
    public Tensor roll(long[] shifts, long[] dims) {
        Objects.requireNonNull(shifts, "shifts");
        Objects.requireNonNull(dims, "dims");
        return ShapeOps.roll(this, shifts, dims);
    }

    /**
     * The elements shifted by {@code shifts} along {@code dim}, wrapping around ({@code torch.roll}).
     *
     * @param shifts the shift (negative rolls the other way)
     * @param dim the dim to roll
     * @return a new tensor
     * @throws TensorException when the dim is out of range
     */
    public Tensor roll(long shifts, long dim) {
        return ShapeOps.roll(this, new long[] {shifts}, new long[] {dim});
    }

    /**
     * The flattened elements shifted by {@code shifts}, wrapping around, in this tensor's shape
     * ({@code torch.roll} without dims).
     *
     * @param shifts the shift (negative rolls the other way)
     * @return a new tensor
     */
    public Tensor roll(long shifts) {
        return ShapeOps.roll(this, new long[] {shifts}, new long[0]);
    }

    /**
     * Each element of the flattened tensor repeated {@code repeats} times in a row
     * ({@code torch.repeat_interleave(x, repeats)}).
     *
     * @param repeats the count, at least 0
     * @return a new 1-D tensor
     * @throws TensorException when {@code repeats} is negative
     */
    public Tensor repeatInterleave(long repeats) {
        return ShapeOps.repeatInterleave(this, repeats, null);
    }

    /**
     * Each slice along {@code dim} repeated {@code repeats} times in a row
     * ({@code torch.repeat_interleave(x, repeats, dim)}).
     *
     * @param repeats the count, at least 0
     * @param dim the dim to repeat along
     * @return a new tensor
     * @throws TensorException when {@code repeats} is negative or the dim is out of range
     */
    public Tensor repeatInterleave(long repeats, long dim) {
        return ShapeOps.repeatInterleave(this, repeats, dim);
    }

    /**
     * Element {@code i} of the flattened tensor repeated {@code repeats[i]} times (a 1-element
     * {@code repeats} applies to all).
     *
     * @param repeats an int64 or int32 tensor of non-negative counts, 0-d or 1-d
     * @return a new 1-D tensor
     * @throws TensorException for a bad dtype, shape or a negative count
     */
    public Tensor repeatInterleave(Tensor repeats) {
        Objects.requireNonNull(repeats, "repeats");
        return ShapeOps.repeatInterleave(this, repeats, null, null);
    }

    /**
     * Slice {@code i} along {@code dim} repeated {@code repeats[i]} times (a 1-element
     * {@code repeats} applies to all), gathered with {@code indexSelect}.
     *
     * @param repeats an int64 or int32 tensor of non-negative counts, 0-d or 1-d
     * @param dim the dim to repeat along
     * @return a new tensor
     * @throws TensorException for a bad dtype or shape, a negative count, or a count per slice whose
     *     length is not {@code size(dim)}
     */
    public Tensor repeatInterleave(Tensor repeats, long dim) {
        Objects.requireNonNull(repeats, "repeats");
        return ShapeOps.repeatInterleave(this, repeats, dim, null);
    }

    /**
     * {@link #repeatInterleave(Tensor, long)} with PyTorch's {@code output_size}, the expected size
     * of {@code dim} in the result.
     *
     * @param repeats an int64 or int32 tensor of non-negative counts, 0-d or 1-d
     * @param dim the dim to repeat along
     * @param outputSize the sum of the counts
     * @return a new tensor
     * @throws TensorException as {@link #repeatInterleave(Tensor, long)}, or when the counts do not
     *     add up to {@code outputSize}
     */
    public Tensor repeatInterleave(Tensor repeats, long dim, long outputSize) {
        Objects.requireNonNull(repeats, "repeats");
        return ShapeOps.repeatInterleave(this, repeats, dim, outputSize);
    }

    /**
     * {@code torch.repeat_interleave(repeats)} of this 1-D tensor of counts: each index {@code i}
     * repeated {@code this[i]} times, in this tensor's dtype.
     *
     * @return a new 1-D tensor of length {@code sum(this)}
     * @throws TensorException when this tensor is not a 1-D int64/int32 tensor of non-negative counts
     */
    public Tensor repeatInterleave() {
        return ShapeOps.repeatInterleaveCounts(this);
    }

    /**
     * The tensor repeated {@code dims[i]} times along dim {@code i} ({@code torch.tile}); unlike
     * {@link #repeat}, fewer counts than dims are padded with leading 1s.
     *
     * @param dims the count per dim
     * @return a new tensor
     * @throws TensorException for a negative count
     */
    public Tensor tile(long... dims) {
        Objects.requireNonNull(dims, "dims");
        return ShapeOps.tile(this, dims);
    }

    /**
     * A view with dims {@code source[i]} moved to positions {@code destination[i]}, the other dims
     * keeping their order ({@code torch.movedim}).
     *
     * @param source the dims to move
     * @param destination their new positions
     * @return a view (a permutation)
     * @throws TensorException when the arrays differ in length, hold a dim twice, or a dim is out of range
     */
    public Tensor movedim(long[] source, long[] destination) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        return ShapeOps.movedim(this, source, destination);
    }

    /**
     * A view with dim {@code source} moved to position {@code destination} ({@code torch.movedim}).
     *
     * @param source the dim to move
     * @param destination its new position
     * @return a view (a permutation)
     * @throws TensorException when a dim is out of range
     */
    public Tensor movedim(long source, long destination) {
        return ShapeOps.movedim(this, new long[] {source}, new long[] {destination});
    }

    /**
     * PyTorch's alias {@code moveaxis} of {@link #movedim(long[], long[])}.
     *
     * @param source the dims to move
     * @param destination their new positions
     * @return a view (a permutation)
     * @throws TensorException as {@link #movedim(long[], long[])}
     */
    public Tensor moveaxis(long[] source, long[] destination) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        return movedim(source, destination);
    }

    /**
     * PyTorch's alias {@code swapaxes} of {@link #transpose}: a view with two dims swapped.
     *
     * @param axis0 one dim
     * @param axis1 the other
     * @return a view
     * @throws TensorException when a dim is out of range
     */
    public Tensor swapaxes(long axis0, long axis1) {
        return transpose(axis0, axis1);
    }

    /**
     * PyTorch's alias {@code swapdims} of {@link #transpose}: a view with two dims swapped.
     *
     * @param dim0 one dim
     * @param dim1 the other
     * @return a view
     * @throws TensorException when a dim is out of range
     */
    public Tensor swapdims(long dim0, long dim1) {
        return transpose(dim0, dim1);
    }

    /**
     * The tensor rotated by 90 degrees {@code k} times in the plane of two dims, from the first
     * towards the second ({@code torch.rot90}).
     *
     * @param k the number of quarter turns (negative turns the other way)
     * @param dims the two dims of the plane
     * @return a new tensor (a transposed view of a flipped copy for odd {@code k})
     * @throws TensorException unless {@code dims} holds two different dims in range of a tensor of at
     *     least 2 dims
     */
    public Tensor rot90(long k, long... dims) {
        Objects.requireNonNull(dims, "dims");
        return ShapeOps.rot90(this, k, dims);
    }

    /**
     * One quarter turn in the plane of dims 0 and 1, {@code rot90(1, 0, 1)}.
     *
     * @return a new tensor
     * @throws TensorException when this tensor has fewer than 2 dims
     */
    public Tensor rot90() {
        return ShapeOps.rot90(this, 1, new long[] {0, 1});
    }

    /**
     * Views of {@code sections} consecutive pieces along {@code dim} ({@code torch.tensor_split});
     * the first {@code size % sections} pieces are one element longer.
     *
     * @param sections how many pieces, at least 1 (pieces may be empty)
     * @param dim the dim to split
     * @return the views
     * @throws TensorException for a 0-d tensor, {@code sections < 1}, or a dim out of range
     */
    public Tensor[] tensorSplit(long sections, long dim) {
        return ShapeOps.tensorSplit(this, sections, dim);
    }

    /**
     * {@link #tensorSplit(long, long)} along dim 0.
     *
     * @param sections how many pieces, at least 1
     * @return the views
     * @throws TensorException for a 0-d tensor or {@code sections < 1}
     */
    public Tensor[] tensorSplit(long sections) {
        return ShapeOps.tensorSplit(this, sections, 0);
    }

    /**
     * Views cut along {@code dim} at {@code indices} ({@code torch.tensor_split}): the pieces are
     * {@code [0, i0), [i0, i1), ..., [ilast, size)}, indices clamped and negative ones counted from the
     * end, as Python slices.
     *
     * @param indices where to cut
     * @param dim the dim to split
     * @return {@code indices.length + 1} views
     * @throws TensorException for a 0-d tensor or a dim out of range
     */
    public Tensor[] tensorSplit(long[] indices, long dim) {
        Objects.requireNonNull(indices, "indices");
        return ShapeOps.tensorSplit(this, indices, dim);
    }

    /**
     * {@link #tensorSplit(long[], long)} along dim 0.
     *
     * @param indices where to cut
     * @return {@code indices.length + 1} views
     * @throws TensorException for a 0-d tensor
     */
    public Tensor[] tensorSplit(long[] indices) {
        Objects.requireNonNull(indices, "indices");
        return ShapeOps.tensorSplit(this, indices, 0);
    }

    /**
     * {@code torch.tensor_split} with a tensor argument: a 0-d int64 tensor is a number of sections,
     * a 1-d one the indices to cut at.
     *
     * @param indicesOrSections a 0-d or 1-d int64 tensor
     * @param dim the dim to split
     * @return the views
     * @throws TensorException for a 0-d input, or an argument of another dtype or rank
     */
    public Tensor[] tensorSplit(Tensor indicesOrSections, long dim) {
        Objects.requireNonNull(indicesOrSections, "indicesOrSections");
        return ShapeOps.tensorSplit(this, indicesOrSections, dim);
    }

    /**
     * Views of {@code sections} equal pieces along dim 1 (dim 0 of a 1-D tensor), {@code torch.hsplit}.
     *
     * @param sections how many pieces; must divide the dim's size
     * @return the views
     * @throws TensorException for a 0-d tensor or a size that {@code sections} does not divide
     */
    public Tensor[] hsplit(long sections) {
        return ShapeOps.directionalSplit("hsplit", this, sections, 1, dim() == 1 ? 0 : 1);
    }

    /**
     * Views cut at {@code indices} along dim 1 (dim 0 of a 1-D tensor), {@code torch.hsplit}.
     *
     * @param indices where to cut, as {@link #tensorSplit(long[], long)}
     * @return the views
     * @throws TensorException for a 0-d tensor
     */
    public Tensor[] hsplit(long[] indices) {
        Objects.requireNonNull(indices, "indices");
        return ShapeOps.directionalSplit("hsplit", this, indices, 1, dim() == 1 ? 0 : 1);
    }

    /**
     * Views of {@code sections} equal pieces along dim 0 of a tensor of at least 2 dims ({@code torch.vsplit}).
     *
     * @param sections how many pieces; must divide the dim's size
     * @return the views
     * @throws TensorException for fewer than 2 dims or a size that {@code sections} does not divide
     */
    public Tensor[] vsplit(long sections) {
        return ShapeOps.directionalSplit("vsplit", this, sections, 2, 0);
    }

    /**
     * Views cut at {@code indices} along dim 0 of a tensor of at least 2 dims ({@code torch.vsplit}).
     *
     * @param indices where to cut, as {@link #tensorSplit(long[], long)}
     * @return the views
     * @throws TensorException for fewer than 2 dims
     */
    public Tensor[] vsplit(long[] indices) {
        Objects.requireNonNull(indices, "indices");
        return ShapeOps.directionalSplit("vsplit", this, indices, 2, 0);
    }

    /**
     * Views of {@code sections} equal pieces along dim 2 of a tensor of at least 3 dims ({@code torch.dsplit}).
     *
     * @param sections how many pieces; must divide the dim's size
     * @return the views
     * @throws TensorException for fewer than 3 dims or a size that {@code sections} does not divide
     */
    public Tensor[] dsplit(long sections) {
        return ShapeOps.directionalSplit("dsplit", this, sections, 3, 2);
    }

    /**
     * Views cut at {@code indices} along dim 2 of a tensor of at least 3 dims ({@code torch.dsplit}).
     *
     * @param indices where to cut, as {@link #tensorSplit(long[], long)}
     * @return the views
     * @throws TensorException for fewer than 3 dims
     */
    public Tensor[] dsplit(long[] indices) {
        Objects.requireNonNull(indices, "indices");
        return ShapeOps.directionalSplit("dsplit", this, indices, 3, 2);
    }

    /**
     * This tensor with at least 1 dim ({@code torch.atleast_1d}): a 0-d tensor becomes shape [1].
     *
     * @return this tensor, or a view
     */
    public Tensor atleast1d() {
        return ShapeOps.atleast1d(this);
    }

    /**
     * This tensor with at least 2 dims ({@code torch.atleast_2d}): [n] becomes [1, n].
     *
     * @return this tensor, or a view
     */
    public Tensor atleast2d() {
        return ShapeOps.atleast2d(this);
    }

    /**
     * This tensor with at least 3 dims ({@code torch.atleast_3d}): [n] becomes [1, n, 1], [m, n]
     * becomes [m, n, 1].
     *
     * @return this tensor, or a view
     */
    public Tensor atleast3d() {
        return ShapeOps.atleast3d(this);
    }

    /**
     * The tensors joined column-wise ({@code torch.hstack}): along dim 0 for 1-D tensors, else dim 1
     * (0-d tensors count as 1-D); dtypes are promoted as in {@link #cat}.
     *
     * @param tensors at least one tensor
     * @return a new tensor
     * @throws TensorException for an empty list or sizes that do not match
     */
    public static Tensor hstack(Tensor... tensors) {
        NullChecks.elements(tensors, "tensors");
        return ShapeOps.hstack(tensors);
    }

    /**
     * The tensors joined row-wise along dim 0 after {@link #atleast2d} ({@code torch.vstack}).
     *
     * @param tensors at least one tensor
     * @return a new tensor
     * @throws TensorException for an empty list or sizes that do not match
     */
    public static Tensor vstack(Tensor... tensors) {
        NullChecks.elements(tensors, "tensors");
        return ShapeOps.vstack(tensors);
    }

    /**
     * The tensors joined depth-wise along dim 2 after {@link #atleast3d} ({@code torch.dstack}).
     *
     * @param tensors at least one tensor
     * @return a new tensor
     * @throws TensorException for an empty list or sizes that do not match
     */
    public static Tensor dstack(Tensor... tensors) {
        NullChecks.elements(tensors, "tensors");
        return ShapeOps.dstack(tensors);
    }

    /**
     * The tensors joined as columns along dim 1 ({@code torch.column_stack}): 0-d and 1-d tensors
     * of n elements become [n, 1] columns.
     *
     * @param tensors at least one tensor
     * @return a new tensor
     * @throws TensorException for an empty list or sizes that do not match
     */
    public static Tensor columnStack(Tensor... tensors) {
        NullChecks.elements(tensors, "tensors");
        return ShapeOps.columnStack(tensors);
    }

    /**
     * Coordinate grids of 0-d or 1-d tensors ({@code torch.meshgrid}): output {@code i} holds input
     * {@code i} broadcast (an expanded view) over the shape {@code [n0, n1, ...]} with
     * {@code "ij"} indexing, or {@code [n1, n0, n2, ...]} with {@code "xy"} (Cartesian) indexing.
     *
     * @param tensors 0-d or 1-d tensors of one dtype and device
     * @param indexing {@code "ij"} or {@code "xy"}
     * @return one view per input
     * @throws TensorException for an empty list, a tensor of more than 1 dim, mixed dtypes or
     *     another indexing
     */
    public static Tensor[] meshgrid(Tensor[] tensors, String indexing) {
        NullChecks.elements(tensors, "tensors");
        Objects.requireNonNull(indexing, "indexing");
        return ShapeOps.meshgrid(tensors, indexing);
    }

    /**
     * {@link #meshgrid(Tensor[], String)} with {@code "ij"} indexing, PyTorch's default.
     *
     * @param tensors 0-d or 1-d tensors of one dtype and device
     * @return one view per input
     * @throws TensorException for an empty list, a tensor of more than 1 dim or mixed dtypes
     */
    public static Tensor[] meshgrid(Tensor... tensors) {
        NullChecks.elements(tensors, "tensors");
        return ShapeOps.meshgrid(tensors, "ij");
    }

    /**
     * The Cartesian product of 1-D tensors ({@code torch.cartesian_prod}): an [N, k] tensor of all
     * combinations, the last input varying fastest; one input is returned as it is.
     *
     * @param tensors 1-D tensors of one dtype
     * @return a new [N, k] tensor, or the single input
     * @throws TensorException when an input is not 1-D
     */
    public static Tensor cartesianProd(Tensor... tensors) {
        NullChecks.elements(tensors, "tensors");
        return ShapeOps.cartesianProd(tensors);
    }

    /**
     * The {@code r}-element combinations of this 1-D tensor's elements in lexicographic order of
     * their positions ({@code torch.combinations}), as an [N, r] tensor; {@code r = 0} gives an empty
     * 1-D tensor.
     *
     * @param r the combination length, at least 0
     * @param withReplacement whether an element may be repeated within a combination
     * @return a new tensor
     * @throws TensorException when this tensor is not 1-D or {@code r} is negative
     */
    public Tensor combinations(long r, boolean withReplacement) {
        return ShapeOps.combinations(this, r, withReplacement);
    }

    /**
     * {@link #combinations(long, boolean)} without replacement.
     *
     * @param r the combination length, at least 0
     * @return a new tensor
     * @throws TensorException when this tensor is not 1-D or {@code r} is negative
     */
    public Tensor combinations(long r) {
        return ShapeOps.combinations(this, r, false);
    }

    /**
     * The pairs of this 1-D tensor's elements, {@code combinations(2, false)}.
     *
     * @return a new [N, 2] tensor
     * @throws TensorException when this tensor is not 1-D
     */
    public Tensor combinations() {
        return ShapeOps.combinations(this, 2, false);
    }

    /**
     * The coordinates of the lower triangle of a {@code row x col} matrix, on and below the diagonal
     * {@code offset} ({@code torch.tril_indices}): a [2, N] tensor of row indices then column
     * indices, row by row.
     *
     * @param row the number of rows, at least 0
     * @param col the number of columns, at least 0
     * @param offset the diagonal bounding the triangle (0 the main one, positive above)
     * @param dtype INT64 or INT32
     * @return a new [2, N] tensor
     * @throws TensorException for a negative size or another dtype
     */
    public static Tensor trilIndices(long row, long col, long offset, DType dtype) {
        Objects.requireNonNull(dtype, "dtype");
        return ShapeOps.triangleIndices(row, col, offset, dtype, true);
    }

    /**
     * {@link #trilIndices(long, long, long, DType)} as int64.
     *
     * @param row the number of rows, at least 0
     * @param col the number of columns, at least 0
     * @param offset the diagonal bounding the triangle
     * @return a new int64 [2, N] tensor
     * @throws TensorException for a negative size
     */
    public static Tensor trilIndices(long row, long col, long offset) {
        return ShapeOps.triangleIndices(row, col, offset, DType.INT64, true);
    }

    /**
     * The coordinates of the upper triangle of a {@code row x col} matrix, on and above the diagonal
     * {@code offset} ({@code torch.triu_indices}): a [2, N] tensor, row by row.
     *
     * @param row the number of rows, at least 0
     * @param col the number of columns, at least 0
     * @param offset the diagonal bounding the triangle (0 the main one, positive above)
     * @param dtype INT64 or INT32
     * @return a new [2, N] tensor
     * @throws TensorException for a negative size or another dtype
     */
    public static Tensor triuIndices(long row, long col, long offset, DType dtype) {
        Objects.requireNonNull(dtype, "dtype");
        return ShapeOps.triangleIndices(row, col, offset, dtype, false);
    }

    /**
     * {@link #triuIndices(long, long, long, DType)} as int64.
     *
     * @param row the number of rows, at least 0
     * @param col the number of columns, at least 0
     * @param offset the diagonal bounding the triangle
     * @return a new int64 [2, N] tensor
     * @throws TensorException for a negative size
     */
    public static Tensor triuIndices(long row, long col, long offset) {
        return ShapeOps.triangleIndices(row, col, offset, DType.INT64, false);
    }

    /**
     * The Kronecker product ({@code torch.kron}): with both shapes padded to the same rank with
     * leading 1s, result dim {@code i} has size {@code a_i * b_i} and block {@code (j...)} is
     * {@code this[j...] * other}; dtypes are promoted as for {@code mul}.
     *
     * @param other the right operand
     * @return a new tensor
     */
    public Tensor kron(Tensor other) {
        Objects.requireNonNull(other, "other");
        return ShapeOps.kron(this, other);
    }

    /**
     * Einstein summation with PyTorch's equation syntax ({@code torch.einsum}): subscripts in
     * {@code [a-zA-Z]}, terms separated by commas, an optional {@code ->} and output (without it,
     * the output is the subscripts used once, in alphabetical order, upper-case first), {@code ...}
     * for broadcast dims, a subscript repeated within an operand for its diagonal; spaces are
     * ignored. Size-1 dims broadcast against a subscript's size elsewhere. Contractions run through
     * {@link #bmm} on permuted and reshaped operands; the operands must share a dtype where they
     * are multiplied.
     *
     * @param equation for example {@code "bij,bjk->bik"}
     * @param operands one tensor per term of the equation
     * @return the result (a view of the operand when one operand is only permuted or diagonalised)
     * @throws TensorException with PyTorch's {@code einsum(): ...} messages for a malformed equation,
     *     a wrong number of operands or subscripts, or sizes that do not match
     */
    public static Tensor einsum(String equation, Tensor... operands) {
        Objects.requireNonNull(equation, "equation");
        NullChecks.elements(operands, "operands");
        return Einsum.einsum(equation, operands);
    }

    /**
     * {@code torch.tensordot(a, b, dims)}: the sum over the last {@code dims} dims of {@code a} times
     * the first {@code dims} dims of {@code b}; the result has {@code a}'s other dims then {@code b}'s.
     *
     * @param a the left operand
     * @param b the right operand (same dtype)
     * @param dims how many dims to contract, at least 0
     * @return a new tensor
     * @throws TensorException for negative {@code dims}, more dims than an operand has, or contracted
     *     sizes that differ (and are not 1)
     */
    public static Tensor tensordot(Tensor a, Tensor b, long dims) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return Einsum.tensordot(a, b, dims);
    }

    /**
     * {@code torch.tensordot(a, b, dims=(dimsA, dimsB))}: dim {@code dimsA[i]} of {@code a} is
     * contracted with dim {@code dimsB[i]} of {@code b} (a size-1 side broadcasts); the result has
     * {@code a}'s other dims then {@code b}'s, in order.
     *
     * @param a the left operand
     * @param b the right operand (same dtype)
     * @param dimsA dims of {@code a}
     * @param dimsB dims of {@code b}, as many
     * @return a new tensor
     * @throws TensorException for lists of different lengths, a dim out of range or listed twice, or
     *     contracted sizes that differ (and are not 1)
     */
    public static Tensor tensordot(Tensor a, Tensor b, long[] dimsA, long[] dimsB) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(dimsA, "dimsA");
        Objects.requireNonNull(dimsB, "dimsB");
        return Einsum.tensordot(a, b, dimsA, dimsB);
    }

    // ------------------------------------------------------------------ end of shape ops, einsum, tensordot
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ elementwise
    // Section: elementwise math and comparisons (issue 3).
    // Methods of this area go between this comment and the end marker below.

    /**
     * {@return {@code this + other} with broadcasting and PyTorch's type promotion ({@code torch.add})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor add(Tensor other) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(out, "out");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(out, "out");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(out, "out");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(out, "out");
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
        Objects.requireNonNull(other, "other");
        return Elementwise.add(this, other, alpha);
    }

    /**
     * {@return {@code this + alpha * other} with an integer alpha}
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     */
    public Tensor add(Tensor other, long alpha) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
        return Elementwise.add_(this, other, alpha);
    }

    /**
     * In-place {@link #add(Tensor)}; the result's dtype must be castable to this tensor's ({@code add_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor add_(Tensor other) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
        return Elementwise.sub(this, other, alpha);
    }

    /**
     * {@return {@code this - alpha * other} with an integer alpha}
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the multiplier alpha
     */
    public Tensor sub(Tensor other, long alpha) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
        return Elementwise.sub_(this, other, alpha);
    }

    /**
     * In-place {@link #sub(Tensor)}; the result's dtype must be castable to this tensor's ({@code sub_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor sub_(Tensor other) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(exponent, "exponent");
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
        Objects.requireNonNull(exponent, "exponent");
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
        Objects.requireNonNull(exponent, "exponent");
        return Elementwise.pow(base, exponent);
    }

    /**
     * {@return {@code base ** exponent} for a Java integer base ({@code torch.pow(2, x)})}
     *
     * @param base the base
     * @param exponent the exponent
     */
    public static Tensor pow(long base, Tensor exponent) {
        Objects.requireNonNull(exponent, "exponent");
        return Elementwise.pow(base, exponent);
    }

    /**
     * {@return elementwise maximum with broadcasting and type promotion; NaN if either is NaN ({@code
     * torch.maximum})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor maximum(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.maximum(this, other);
    }

    /**
     * {@return elementwise minimum with broadcasting and type promotion; NaN if either is NaN ({@code
     * torch.minimum})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor minimum(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.minimum(this, other);
    }

    /**
     * {@return bool tensor of {@code this == other}, compared in the promoted dtype ({@code torch.eq})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor eq(Tensor other) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
        return Elementwise.logical("logical_and", BinaryOp.LOGICAL_AND, this, other);
    }

    /**
     * In-place {@link #logicalAnd(Tensor)} ({@code logical_and_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor logicalAnd_(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.binaryInPlace("logical_and_", BinaryOp.LOGICAL_AND, this, other, 1L);
    }

    /**
     * {@return logical or of the elements read as bools (non-zero is true), as a bool tensor ({@code
     * torch.logical_or})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor logicalOr(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.logical("logical_or", BinaryOp.LOGICAL_OR, this, other);
    }

    /**
     * In-place {@link #logicalOr(Tensor)} ({@code logical_or_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor
     */
    public Tensor logicalOr_(Tensor other) {
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(approximate, "approximate");
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
        Objects.requireNonNull(approximate, "approximate");
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
        Objects.requireNonNull(min, "min");
        return Elementwise.clamp(this, min, null);
    }

    /**
     * {@return {@code max(x, min)} for a tensor bound}
     *
     * @param min the lower bound
     */
    public Tensor clampMin(Tensor min) {
        Objects.requireNonNull(min, "min");
        return Elementwise.clamp(this, min, null);
    }

    /**
     * {@return {@code min(x, max)}, keeping NaN ({@code torch.clamp_max})}
     *
     * @param max the upper bound
     */
    public Tensor clampMax(Number max) {
        Objects.requireNonNull(max, "max");
        return Elementwise.clamp(this, null, max);
    }

    /**
     * {@return {@code min(x, max)} for a tensor bound}
     *
     * @param max the upper bound
     */
    public Tensor clampMax(Tensor max) {
        Objects.requireNonNull(max, "max");
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
        Objects.requireNonNull(min, "min");
        return Elementwise.clamp_(this, min, null);
    }

    /**
     * In-place {@link #clampMax(Number)} ({@code clamp_max_}).
     *
     * @param max the upper bound
     * @return this tensor
     */
    public Tensor clampMax_(Number max) {
        Objects.requireNonNull(max, "max");
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
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
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
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(x, "x");
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
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(y, "y");
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
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(x, "x");
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
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(y, "y");
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
        Objects.requireNonNull(condition, "condition");
        return condition.nonzeroAsTuple();
    }

    /**
     * {@return {@code condition ? this : other} (PyTorch's {@code x.where(condition, y)})}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor where(Tensor condition, Tensor other) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(other, "other");
        return Elementwise.where(condition, this, other);
    }

    /**
     * {@return {@code condition ? this : other} for a Java float {@code other}}
     *
     * @param condition the bool condition, broadcast with the operands
     * @param other the scalar operand
     */
    public Tensor where(Tensor condition, double other) {
        Objects.requireNonNull(condition, "condition");
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
        Objects.requireNonNull(mask, "mask");
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
        Objects.requireNonNull(mask, "mask");
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
        Objects.requireNonNull(mask, "mask");
        return Elementwise.maskedFill(this, mask, value);
    }

    /**
     * {@return {@code masked_fill} with a 0-d tensor value (how PyTorch passes non-finite or typed values)}
     *
     * @param mask the bool mask
     * @param value the value
     */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(value, "value");
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
        Objects.requireNonNull(mask, "mask");
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
        Objects.requireNonNull(mask, "mask");
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
        Objects.requireNonNull(mask, "mask");
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
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(value, "value");
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


    // ------------------------------------------------------------------ predicates
    // Section: predicates and comparisons (issue 20). Results are bool tensors (or a Java boolean)
    // and are not differentiable; nanToNum passes the gradient where the input is finite.

    /**
     * Whether each element is NaN ({@code torch.isnan}); false everywhere for integer and bool tensors.
     *
     * @return a bool tensor of this shape
     */
    public Tensor isnan() {
        return MathOps.isnan(this);
    }

    /**
     * Whether each element is +inf or -inf ({@code torch.isinf}).
     *
     * @return a bool tensor of this shape
     */
    public Tensor isinf() {
        return MathOps.isinf(this);
    }

    /**
     * Whether each element is +inf ({@code torch.isposinf}).
     *
     * @return a bool tensor of this shape
     */
    public Tensor isposinf() {
        return MathOps.isSignedInf(this, true);
    }

    /**
     * Whether each element is -inf ({@code torch.isneginf}).
     *
     * @return a bool tensor of this shape
     */
    public Tensor isneginf() {
        return MathOps.isSignedInf(this, false);
    }

    /**
     * Whether each element is finite, neither NaN nor infinite ({@code torch.isfinite}); true for
     * integer and bool tensors.
     *
     * @return a bool tensor of this shape
     */
    public Tensor isfinite() {
        return MathOps.isfinite(this);
    }

    /**
     * Whether each element's sign bit is set ({@code torch.signbit}): negative numbers, -0.0, -inf
     * and NaNs whose sign bit is set; for integers {@code x < 0}.
     *
     * @return a bool tensor of this shape
     */
    public Tensor signbit() {
        return MathOps.signbit(this);
    }

    /**
     * {@link #isclose(Tensor, double, double, boolean)} with PyTorch's defaults {@code rtol = 1e-5},
     * {@code atol = 1e-8}, NaN not equal to NaN.
     *
     * @param other a tensor of this dtype that broadcasts with this one
     * @return a bool tensor of the broadcast shape
     * @throws TensorException if the dtypes differ or the shapes do not broadcast
     */
    public Tensor isclose(Tensor other) {
        Objects.requireNonNull(other, "other");
        return MathOps.isclose(this, other, 1e-5, 1e-8, false);
    }

    /**
     * Whether each pair of elements is close ({@code torch.isclose}): equal, or both NaN when
     * {@code equalNan}, or {@code |self - other| <= atol + rtol * |other|} with a finite difference.
     *
     * @param other a tensor of this dtype that broadcasts with this one
     * @param rtol the relative tolerance, at least 0
     * @param atol the absolute tolerance, at least 0
     * @param equalNan whether two NaNs count as close
     * @return a bool tensor of the broadcast shape
     * @throws TensorException if the dtypes differ, a tolerance is negative or the shapes do not broadcast
     */
    public Tensor isclose(Tensor other, double rtol, double atol, boolean equalNan) {
        Objects.requireNonNull(other, "other");
        return MathOps.isclose(this, other, rtol, atol, equalNan);
    }

    /**
     * {@link #allclose(Tensor, double, double, boolean)} with PyTorch's defaults.
     *
     * @param other a tensor of this dtype that broadcasts with this one
     * @return whether every pair of elements is close
     * @throws TensorException if the dtypes differ or the shapes do not broadcast
     */
    public boolean allclose(Tensor other) {
        Objects.requireNonNull(other, "other");
        return allclose(other, 1e-5, 1e-8, false);
    }

    /**
     * Whether every pair of elements is close ({@code torch.allclose}), as {@link #isclose(Tensor,
     * double, double, boolean)}.
     *
     * @param other a tensor of this dtype that broadcasts with this one
     * @param rtol the relative tolerance, at least 0
     * @param atol the absolute tolerance, at least 0
     * @param equalNan whether two NaNs count as close
     * @return whether every pair of elements is close
     * @throws TensorException if the dtypes differ, a tolerance is negative or the shapes do not broadcast
     */
    public boolean allclose(Tensor other, double rtol, double atol, boolean equalNan) {
        Objects.requireNonNull(other, "other");
        return MathOps.isclose(this, other, rtol, atol, equalNan).all().itemBoolean();
    }

    /**
     * Whether both tensors have the same shape and equal elements ({@code torch.equal}); the dtypes
     * may differ (the values are compared after promotion); NaN is not equal to itself.
     *
     * @param other a tensor on this device
     * @return whether the tensors are equal
     * @throws TensorException if the tensors are on different devices
     */
    public boolean equal(Tensor other) {
        return MathOps.equal(this, other);
    }

    /**
     * {@link #nanToNum(Double, Double, Double)} with the defaults: NaN to 0, +inf and -inf to the
     * dtype's largest and lowest finite values.
     *
     * @return a new tensor of this dtype and shape
     */
    public Tensor nanToNum() {
        return MathOps.nanToNum(this, null, null, null);
    }

    /**
     * NaN, +inf and -inf replaced ({@code torch.nan_to_num}); integer and bool tensors come back as a
     * copy. The gradient passes where the input is finite.
     *
     * @param nan the value for NaN, or null for 0
     * @param posinf the value for +inf, or null for the dtype's largest finite value
     * @param neginf the value for -inf, or null for the dtype's lowest finite value
     * @return a new tensor of this dtype and shape
     */
    public Tensor nanToNum(Double nan, Double posinf, Double neginf) {
        return MathOps.nanToNum(this, nan, posinf, neginf);
    }

    // ------------------------------------------------------------------ end of predicates
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ math functions
    // Section: math functions, bitwise ops and shifts (issue 20). Math functions turn integer and
    // bool inputs into float32 (PyTorch's default dtype), as exp and log do.

    /**
     * Rounds toward zero ({@code torch.trunc}); integer tensors come back as a copy.
     *
     * @return a new tensor of this dtype
     * @throws TensorException for a bool tensor
     */
    public Tensor trunc() {
        return Elementwise.unary("trunc", UnaryOp.TRUNC, this);
    }

    /**
     * -1, 0 or 1 by the sign of each element ({@code torch.sign}); 0 for NaN and both zeros.
     *
     * @return a new tensor of this dtype
     * @throws TensorException for a bool tensor
     */
    public Tensor sign() {
        return Elementwise.unary("sign", UnaryOp.SIGN, this);
    }

    /**
     * {@link #sign()} ({@code torch.sgn}, which differs only for complex tensors).
     *
     * @return a new tensor of this dtype
     * @throws TensorException for a bool tensor
     */
    public Tensor sgn() {
        return Elementwise.unary("sgn", UnaryOp.SIGN, this);
    }

    /**
     * The fractional part {@code x - trunc(x)} ({@code torch.frac}).
     *
     * @return a new tensor of this dtype
     * @throws TensorException for a non-floating tensor
     */
    public Tensor frac() {
        return MathOps.frac(this);
    }

    /**
     * Tangent ({@code torch.tan}).
     *
     * @return a new floating tensor
     */
    public Tensor tan() {
        return Elementwise.unary("tan", UnaryOp.TAN, this);
    }

    /**
     * Arcsine, NaN outside [-1, 1] ({@code torch.asin}).
     *
     * @return a new floating tensor
     */
    public Tensor asin() {
        return Elementwise.unary("asin", UnaryOp.ASIN, this);
    }

    /**
     * Arccosine, NaN outside [-1, 1] ({@code torch.acos}).
     *
     * @return a new floating tensor
     */
    public Tensor acos() {
        return Elementwise.unary("acos", UnaryOp.ACOS, this);
    }

    /**
     * Arctangent ({@code torch.atan}).
     *
     * @return a new floating tensor
     */
    public Tensor atan() {
        return Elementwise.unary("atan", UnaryOp.ATAN, this);
    }

    /**
     * Hyperbolic sine ({@code torch.sinh}).
     *
     * @return a new floating tensor
     */
    public Tensor sinh() {
        return Elementwise.unary("sinh", UnaryOp.SINH, this);
    }

    /**
     * Hyperbolic cosine ({@code torch.cosh}).
     *
     * @return a new floating tensor
     */
    public Tensor cosh() {
        return Elementwise.unary("cosh", UnaryOp.COSH, this);
    }

    /**
     * Inverse hyperbolic sine ({@code torch.asinh}).
     *
     * @return a new floating tensor
     */
    public Tensor asinh() {
        return Elementwise.unary("asinh", UnaryOp.ASINH, this);
    }

    /**
     * Inverse hyperbolic cosine, NaN below 1 ({@code torch.acosh}).
     *
     * @return a new floating tensor
     */
    public Tensor acosh() {
        return Elementwise.unary("acosh", UnaryOp.ACOSH, this);
    }

    /**
     * Inverse hyperbolic tangent, +-inf at +-1 and NaN outside [-1, 1] ({@code torch.atanh}).
     *
     * @return a new floating tensor
     */
    public Tensor atanh() {
        return Elementwise.unary("atanh", UnaryOp.ATANH, this);
    }

    /**
     * Base-2 logarithm ({@code torch.log2}).
     *
     * @return a new floating tensor
     */
    public Tensor log2() {
        return Elementwise.unary("log2", UnaryOp.LOG2, this);
    }

    /**
     * Base-10 logarithm ({@code torch.log10}).
     *
     * @return a new floating tensor
     */
    public Tensor log10() {
        return Elementwise.unary("log10", UnaryOp.LOG10, this);
    }

    /**
     * {@code 2^x} ({@code torch.exp2}).
     *
     * @return a new floating tensor
     */
    public Tensor exp2() {
        return Elementwise.unary("exp2", UnaryOp.EXP2, this);
    }

    /**
     * {@code e^x - 1}, accurate near 0 ({@code torch.expm1}).
     *
     * @return a new floating tensor
     */
    public Tensor expm1() {
        return Elementwise.unary("expm1", UnaryOp.EXPM1, this);
    }

    /**
     * The error function ({@code torch.erf}).
     *
     * @return a new floating tensor
     */
    public Tensor erf() {
        return Elementwise.unary("erf", UnaryOp.ERF, this);
    }

    /**
     * The complementary error function {@code 1 - erf(x)} ({@code torch.erfc}).
     *
     * @return a new floating tensor
     */
    public Tensor erfc() {
        return Elementwise.unary("erfc", UnaryOp.ERFC, this);
    }

    /**
     * The inverse error function, +-inf at +-1 and NaN outside [-1, 1] ({@code torch.erfinv}).
     *
     * @return a new floating tensor
     */
    public Tensor erfinv() {
        return Elementwise.unary("erfinv", UnaryOp.ERFINV, this);
    }

    /**
     * {@code log|Gamma(x)|}, +inf at 0 and the negative integers ({@code torch.lgamma}).
     *
     * @return a new floating tensor
     */
    public Tensor lgamma() {
        return Elementwise.unary("lgamma", UnaryOp.LGAMMA, this);
    }

    /**
     * The digamma function, the derivative of {@code lgamma} ({@code torch.digamma}): -inf at +0,
     * +inf at -0, NaN at the negative integers.
     *
     * @return a new floating tensor
     */
    public Tensor digamma() {
        return Elementwise.unary("digamma", UnaryOp.DIGAMMA, this);
    }

    /**
     * The {@code n}-th derivative of digamma ({@code torch.polygamma(n, x)}), for {@code n} 0
     * (digamma) and 1 (trigamma, not itself differentiable here).
     *
     * @param n the order, 0 or 1
     * @return a new floating tensor
     * @throws TensorException for another order
     */
    public Tensor polygamma(long n) {
        return MathOps.polygamma(n, this);
    }

    /**
     * {@code x * x} ({@code torch.square}, PyTorch's {@code pow(x, 2)}: bool gives int64).
     *
     * @return a new tensor
     */
    public Tensor square() {
        return pow(2L);
    }

    /**
     * C's {@code fmod}: the remainder of truncated division, with the sign of this tensor
     * ({@code torch.fmod}).
     *
     * @param other the divisor, broadcasting with this tensor
     * @return a new tensor of the promoted dtype
     * @throws TensorException for bool operands, an integer division by zero, or shapes that do not broadcast
     */
    public Tensor fmod(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("fmod", BinaryOp.FMOD, this, other);
    }

    /**
     * {@link #fmod(Tensor)} with a scalar divisor.
     *
     * @param other the divisor (a Long or Double)
     * @return a new tensor of the promoted dtype
     * @throws TensorException for a bool tensor or an integer division by zero
     */
    public Tensor fmod(Number other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("fmod", BinaryOp.FMOD, this, other);
    }

    /**
     * The angle of the point {@code (other, this)}, {@code atan2(self, other)} ({@code torch.atan2}).
     *
     * @param other the x coordinates, broadcasting with this tensor
     * @return a new floating tensor
     * @throws TensorException if the shapes do not broadcast
     */
    public Tensor atan2(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("atan2", BinaryOp.ATAN2, this, other);
    }

    /**
     * {@code sqrt(self^2 + other^2)} without undue overflow ({@code torch.hypot}).
     *
     * @param other a tensor broadcasting with this one
     * @return a new floating tensor
     * @throws TensorException if the shapes do not broadcast
     */
    public Tensor hypot(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("hypot", BinaryOp.HYPOT, this, other);
    }

    /**
     * {@code log(e^self + e^other)}, computed stably ({@code torch.logaddexp}).
     *
     * @param other a tensor broadcasting with this one
     * @return a new floating tensor
     * @throws TensorException if the shapes do not broadcast
     */
    public Tensor logaddexp(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("logaddexp", BinaryOp.LOGADDEXP, this, other);
    }

    /**
     * {@code self * log(other)}, 0 where this is 0 unless {@code other} is NaN ({@code torch.xlogy}).
     *
     * @param other a tensor broadcasting with this one
     * @return a new floating tensor
     * @throws TensorException if the shapes do not broadcast
     */
    public Tensor xlogy(Tensor other) {
        Objects.requireNonNull(other, "other");
        return MathOps.xlogy(this, other);
    }

    /**
     * {@link #xlogy(Tensor)} with a scalar {@code other}.
     *
     * @param other a Long or Double
     * @return a new floating tensor
     */
    public Tensor xlogy(Number other) {
        Objects.requireNonNull(other, "other");
        return MathOps.xlogy(this, other);
    }

    /**
     * {@code x * log(other)} with a scalar {@code x} ({@code torch.xlogy(x, other)}).
     *
     * @param x a Long or Double
     * @param other the tensor
     * @return a new floating tensor
     */
    public static Tensor xlogy(Number x, Tensor other) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(other, "other");
        return MathOps.xlogy(x, other);
    }

    /**
     * {@code self ** exponent} computed in float64 ({@code torch.float_power}).
     *
     * @param exponent a tensor broadcasting with this one
     * @return a new float64 tensor
     * @throws TensorException if the shapes do not broadcast
     */
    public Tensor floatPower(Tensor exponent) {
        Objects.requireNonNull(exponent, "exponent");
        return MathOps.floatPower(this, exponent);
    }

    /**
     * {@link #floatPower(Tensor)} with a scalar exponent.
     *
     * @param exponent a Long or Double
     * @return a new float64 tensor
     */
    public Tensor floatPower(Number exponent) {
        Objects.requireNonNull(exponent, "exponent");
        return MathOps.floatPower(this, exponent);
    }

    /**
     * Linear interpolation {@code self + weight * (end - self)} ({@code torch.lerp}).
     *
     * @param end a tensor of this dtype broadcasting with this one
     * @param weight the weight
     * @return a new tensor of this dtype
     * @throws TensorException if the dtypes differ or the shapes do not broadcast
     */
    public Tensor lerp(Tensor end, double weight) {
        Objects.requireNonNull(end, "end");
        return MathOps.lerp(this, end, weight);
    }

    /**
     * {@link #lerp(Tensor, double)} with a weight per element.
     *
     * @param end a tensor of this dtype broadcasting with this one
     * @param weight a tensor of this dtype broadcasting with both
     * @return a new tensor of this dtype
     * @throws TensorException if the dtypes differ or the shapes do not broadcast
     */
    public Tensor lerp(Tensor end, Tensor weight) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(weight, "weight");
        return MathOps.lerp(this, end, weight);
    }

    /**
     * Bitwise and ({@code torch.bitwise_and}; logical for bool).
     *
     * @param other an integer or bool tensor broadcasting with this one
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating operands
     */
    public Tensor bitwiseAnd(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_and", BinaryOp.BITWISE_AND, this, other);
    }

    /**
     * {@link #bitwiseAnd(Tensor)} with a scalar.
     *
     * @param other a Long or Boolean
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating operands
     */
    public Tensor bitwiseAnd(Object other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_and", BinaryOp.BITWISE_AND, this, other);
    }

    /**
     * Bitwise or ({@code torch.bitwise_or}; logical for bool).
     *
     * @param other an integer or bool tensor broadcasting with this one
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating operands
     */
    public Tensor bitwiseOr(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_or", BinaryOp.BITWISE_OR, this, other);
    }

    /**
     * {@link #bitwiseOr(Tensor)} with a scalar.
     *
     * @param other a Long or Boolean
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating operands
     */
    public Tensor bitwiseOr(Object other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_or", BinaryOp.BITWISE_OR, this, other);
    }

    /**
     * Bitwise exclusive or ({@code torch.bitwise_xor}; logical for bool).
     *
     * @param other an integer or bool tensor broadcasting with this one
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating operands
     */
    public Tensor bitwiseXor(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_xor", BinaryOp.BITWISE_XOR, this, other);
    }

    /**
     * {@link #bitwiseXor(Tensor)} with a scalar.
     *
     * @param other a Long or Boolean
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating operands
     */
    public Tensor bitwiseXor(Object other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_xor", BinaryOp.BITWISE_XOR, this, other);
    }

    /**
     * Bitwise not ({@code torch.bitwise_not}, {@code ~x}; logical not for bool).
     *
     * @return a new tensor of this dtype
     * @throws TensorException for a floating tensor
     */
    public Tensor bitwiseNot() {
        return Elementwise.unary("bitwise_not", UnaryOp.BITWISE_NOT, this);
    }

    /**
     * {@code self << other} ({@code torch.bitwise_left_shift}); 0 for a shift that is negative or at
     * least the bit width.
     *
     * @param other the shifts, an integer tensor broadcasting with this one
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating or bool operands
     */
    public Tensor bitwiseLeftShift(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_left_shift", BinaryOp.SHIFT_LEFT, this, other);
    }

    /**
     * {@link #bitwiseLeftShift(Tensor)} by a scalar.
     *
     * @param other the shift
     * @return a new tensor of this dtype
     * @throws TensorException for a floating or bool tensor
     */
    public Tensor bitwiseLeftShift(long other) {
        return Elementwise.math("bitwise_left_shift", BinaryOp.SHIFT_LEFT, this, other);
    }

    /**
     * Arithmetic {@code self >> other} ({@code torch.bitwise_right_shift}); the sign fill for a shift
     * that is negative or at least the bit width.
     *
     * @param other the shifts, an integer tensor broadcasting with this one
     * @return a new tensor of the promoted dtype
     * @throws TensorException for floating or bool operands
     */
    public Tensor bitwiseRightShift(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math("bitwise_right_shift", BinaryOp.SHIFT_RIGHT, this, other);
    }

    /**
     * {@link #bitwiseRightShift(Tensor)} by a scalar.
     *
     * @param other the shift
     * @return a new tensor of this dtype
     * @throws TensorException for a floating or bool tensor
     */
    public Tensor bitwiseRightShift(long other) {
        return Elementwise.math("bitwise_right_shift", BinaryOp.SHIFT_RIGHT, this, other);
    }

    // In-place variants ({@code x.tan_()}, ...): written into this tensor, which must have the
    // result's dtype (a math function of an integer tensor cannot be written in place).

    /**
     * In-place {@link #trunc()} ({@code trunc_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor trunc_() {
        return Elementwise.unaryInPlace("trunc_", UnaryOp.TRUNC, this);
    }

    /**
     * In-place {@link #sign()} ({@code sign_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor sign_() {
        return Elementwise.unaryInPlace("sign_", UnaryOp.SIGN, this);
    }

    /**
     * In-place {@link #tan()} ({@code tan_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor tan_() {
        return Elementwise.unaryInPlace("tan_", UnaryOp.TAN, this);
    }

    /**
     * In-place {@link #asin()} ({@code asin_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor asin_() {
        return Elementwise.unaryInPlace("asin_", UnaryOp.ASIN, this);
    }

    /**
     * In-place {@link #acos()} ({@code acos_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor acos_() {
        return Elementwise.unaryInPlace("acos_", UnaryOp.ACOS, this);
    }

    /**
     * In-place {@link #atan()} ({@code atan_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor atan_() {
        return Elementwise.unaryInPlace("atan_", UnaryOp.ATAN, this);
    }

    /**
     * In-place {@link #sinh()} ({@code sinh_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor sinh_() {
        return Elementwise.unaryInPlace("sinh_", UnaryOp.SINH, this);
    }

    /**
     * In-place {@link #cosh()} ({@code cosh_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor cosh_() {
        return Elementwise.unaryInPlace("cosh_", UnaryOp.COSH, this);
    }

    /**
     * In-place {@link #asinh()} ({@code asinh_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor asinh_() {
        return Elementwise.unaryInPlace("asinh_", UnaryOp.ASINH, this);
    }

    /**
     * In-place {@link #acosh()} ({@code acosh_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor acosh_() {
        return Elementwise.unaryInPlace("acosh_", UnaryOp.ACOSH, this);
    }

    /**
     * In-place {@link #atanh()} ({@code atanh_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor atanh_() {
        return Elementwise.unaryInPlace("atanh_", UnaryOp.ATANH, this);
    }

    /**
     * In-place {@link #log2()} ({@code log2_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor log2_() {
        return Elementwise.unaryInPlace("log2_", UnaryOp.LOG2, this);
    }

    /**
     * In-place {@link #log10()} ({@code log10_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor log10_() {
        return Elementwise.unaryInPlace("log10_", UnaryOp.LOG10, this);
    }

    /**
     * In-place {@link #exp2()} ({@code exp2_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor exp2_() {
        return Elementwise.unaryInPlace("exp2_", UnaryOp.EXP2, this);
    }

    /**
     * In-place {@link #expm1()} ({@code expm1_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor expm1_() {
        return Elementwise.unaryInPlace("expm1_", UnaryOp.EXPM1, this);
    }

    /**
     * In-place {@link #erf()} ({@code erf_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor erf_() {
        return Elementwise.unaryInPlace("erf_", UnaryOp.ERF, this);
    }

    /**
     * In-place {@link #erfc()} ({@code erfc_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor erfc_() {
        return Elementwise.unaryInPlace("erfc_", UnaryOp.ERFC, this);
    }

    /**
     * In-place {@link #erfinv()} ({@code erfinv_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor erfinv_() {
        return Elementwise.unaryInPlace("erfinv_", UnaryOp.ERFINV, this);
    }

    /**
     * In-place {@link #lgamma()} ({@code lgamma_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor lgamma_() {
        return Elementwise.unaryInPlace("lgamma_", UnaryOp.LGAMMA, this);
    }

    /**
     * In-place {@link #digamma()} ({@code digamma_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor digamma_() {
        return Elementwise.unaryInPlace("digamma_", UnaryOp.DIGAMMA, this);
    }

    /**
     * In-place {@link #bitwiseNot()} ({@code bitwise_not_}).
     *
     * @return this tensor
     * @throws TensorException if the result's dtype cannot be written into this tensor, or it is a view autograd forbids writing
     */
    public Tensor bitwiseNot_() {
        return Elementwise.unaryInPlace("bitwise_not_", UnaryOp.BITWISE_NOT, this);
    }

    /**
     * In-place {@link #fmod(Tensor)} ({@code fmod_}).
     *
     * @param other a tensor broadcasting to this tensor's shape
     * @return this tensor
     * @throws TensorException if the result's dtype or shape cannot be written into this tensor
     */
    public Tensor fmod_(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math_("fmod_", BinaryOp.FMOD, this, other);
    }

    /**
     * In-place {@link #atan2(Tensor)} ({@code atan2_}).
     *
     * @param other a tensor broadcasting to this tensor's shape
     * @return this tensor
     * @throws TensorException if the result's dtype or shape cannot be written into this tensor
     */
    public Tensor atan2_(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math_("atan2_", BinaryOp.ATAN2, this, other);
    }

    /**
     * In-place {@link #hypot(Tensor)} ({@code hypot_}).
     *
     * @param other a tensor broadcasting to this tensor's shape
     * @return this tensor
     * @throws TensorException if the result's dtype or shape cannot be written into this tensor
     */
    public Tensor hypot_(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Elementwise.math_("hypot_", BinaryOp.HYPOT, this, other);
    }

    // ------------------------------------------------------------------ end of math functions
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


    // ------------------------------------------------------------------ scans and statistics
    // Section: scans and statistics (issue 20). A list of dims is an int[] (null or empty: all dims);
    // results with two parts (std_mean, aminmax) are two-element arrays in PyTorch's order.

    /**
     * The inclusive cumulative product along {@code dim} ({@code torch.cumprod}); integer and bool
     * tensors give int64.
     *
     * @param dim the dim, negative counting from the end
     * @return a new tensor of this shape
     * @throws TensorException if {@code dim} is out of range
     */
    public Tensor cumprod(long dim) {
        return ScanOps.cumprod(this, dim, null);
    }

    /**
     * {@link #cumprod(long)} computed in {@code dtype} (the input is cast first).
     *
     * @param dim the dim, negative counting from the end
     * @param dtype the dtype of the result, or null for {@link #cumprod(long)}'s (int64 for integer and
     *     bool input, else this tensor's)
     * @return a new tensor of this shape
     * @throws TensorException if {@code dim} is out of range
     */
    public Tensor cumprod(long dim, DType dtype) {
        return ScanOps.cumprod(this, dim, dtype);
    }

    /**
     * The running maximum along {@code dim} and the index of its last occurrence ({@code torch.cummax});
     * from the first NaN on, the values are NaN and the index is the latest NaN's.
     *
     * @param dim the dim, negative counting from the end
     * @return the values (this dtype) and the int64 indices, both of this shape
     * @throws TensorException if {@code dim} is out of range
     */
    public ValuesIndices cummax(long dim) {
        return ScanOps.cumExtreme(this, dim, true);
    }

    /**
     * The running minimum along {@code dim} and the index of its last occurrence ({@code torch.cummin}).
     *
     * @param dim the dim, negative counting from the end
     * @return the values (this dtype) and the int64 indices, both of this shape
     * @throws TensorException if {@code dim} is out of range
     */
    public ValuesIndices cummin(long dim) {
        return ScanOps.cumExtreme(this, dim, false);
    }

    /**
     * {@code log(cumsum(exp(x)))} along {@code dim}, computed stably ({@code torch.logcumsumexp}).
     *
     * @param dim the dim, negative counting from the end
     * @return a new floating tensor of this shape
     * @throws TensorException if {@code dim} is out of range or the tensor is not floating point
     */
    public Tensor logcumsumexp(long dim) {
        return ScanOps.logcumsumexp(this, dim);
    }

    /**
     * The standard deviation (Bessel-corrected) and the mean of all elements ({@code torch.std_mean}).
     *
     * @return {@code {std, mean}}, 0-d tensors
     * @throws TensorException if the tensor is not floating point
     */
    public Tensor[] stdMean() {
        return ScanOps.statMean("std_mean", this, null, 1, false, true);
    }

    /**
     * The standard deviation and the mean over dims ({@code torch.std_mean(x, dim, correction=, keepdim=)}).
     *
     * @param dims the dims, or null (or an empty array) for all dims
     * @param correction subtracted from the count in the divisor (1 = Bessel's, 0 = the population's)
     * @param keepdim whether the reduced dims stay as size 1
     * @return {@code {std, mean}}
     * @throws TensorException if the tensor is not floating point or a dim is out of range or repeated
     */
    public Tensor[] stdMean(int[] dims, double correction, boolean keepdim) {
        return ScanOps.statMean("std_mean", this, dims, correction, keepdim, true);
    }

    /**
     * The variance (Bessel-corrected) and the mean of all elements ({@code torch.var_mean}).
     *
     * @return {@code {var, mean}}, 0-d tensors
     * @throws TensorException if the tensor is not floating point
     */
    public Tensor[] varMean() {
        return ScanOps.statMean("var_mean", this, null, 1, false, false);
    }

    /**
     * The variance and the mean over dims ({@code torch.var_mean(x, dim, correction=, keepdim=)}).
     *
     * @param dims the dims, or null (or an empty array) for all dims
     * @param correction subtracted from the count in the divisor
     * @param keepdim whether the reduced dims stay as size 1
     * @return {@code {var, mean}}
     * @throws TensorException if the tensor is not floating point or a dim is out of range or repeated
     */
    public Tensor[] varMean(int[] dims, double correction, boolean keepdim) {
        return ScanOps.statMean("var_mean", this, dims, correction, keepdim, false);
    }

    /**
     * The Euclidean norm of all elements ({@code torch.norm(x)}, {@code torch.linalg.vector_norm(x)}).
     *
     * @return a 0-d tensor of this dtype
     * @throws TensorException if the tensor is not floating point
     */
    public Tensor norm() {
        return ScanOps.vectorNorm("norm", this, 2, null, false, null);
    }

    /**
     * The p-norm of all elements ({@code torch.norm(x, p)}).
     *
     * @param p the order: 0 (count of non-zeros), +-inf (largest or smallest |x|) or any other p
     * @return a 0-d tensor of this dtype
     * @throws TensorException if the tensor is not floating point
     */
    public Tensor norm(double p) {
        return ScanOps.vectorNorm("norm", this, p, null, false, null);
    }

    /**
     * The p-norm over dims ({@code torch.norm(x, p, dim, keepdim)}).
     *
     * @param p the order
     * @param dims the dims, or null (or an empty array) for all dims
     * @param keepdim whether the reduced dims stay as size 1
     * @return a new tensor of this dtype
     * @throws TensorException if the tensor is not floating point or a dim is out of range or repeated
     */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return ScanOps.vectorNorm("norm", this, p, dims, keepdim, null);
    }

    /**
     * {@code torch.norm} with a named order: {@code "fro"} (the Euclidean norm over the dims) or
     * {@code "nuc"} (the nuclear norm, which needs an SVD: not implemented, so it is refused).
     *
     * @param p {@code "fro"} or {@code "nuc"}
     * @param dims the dims, or null (or an empty array) for all dims
     * @param keepdim whether the reduced dims stay as size 1
     * @return a new tensor of this dtype
     * @throws TensorException for another name, for {@code "nuc"}, or for dims as in {@link #norm(double, int[], boolean)}
     */
    public Tensor norm(String p, int[] dims, boolean keepdim) {
        Objects.requireNonNull(p, "p");
        return switch (p) {
            case "fro" -> ScanOps.vectorNorm("norm", this, 2, dims, keepdim, null);
            case "nuc" -> {
                int n = dims == null || dims.length == 0 ? dim() : dims.length;
                if (n != 2) {
                    throw new TensorException("Expected a tensor with 2 dimensions, but got a tensor with " + n
                            + " dimension" + (n == 1 ? "" : "s") + " (the nuclear norm is a matrix norm)");
                }
                throw new TensorException("the nuclear norm (p='nuc') needs a singular value decomposition, "
                        + "which JTensor does not implement yet");
            }
            default -> throw new TensorException("norm: p must be a number, 'fro' or 'nuc', got '" + p + "'");
        };
    }

    /**
     * The vector norm of order {@code ord} over dims ({@code torch.linalg.vector_norm}).
     *
     * @param ord the order: 0, +-inf or any other p
     * @param dims the dims, or null (or an empty array) for all dims
     * @param keepdim whether the reduced dims stay as size 1
     * @param dtype the dtype to compute in (the input is cast first), or null for this tensor's
     * @return a new floating tensor
     * @throws TensorException if the tensor (or dtype) is not floating point or a dim is out of range or repeated
     */
    public Tensor vectorNorm(double ord, int[] dims, boolean keepdim, DType dtype) {
        return ScanOps.vectorNorm("linalg.vector_norm", this, ord, dims, keepdim, dtype);
    }

    /**
     * The number of elements that are not zero ({@code torch.count_nonzero}; NaN counts).
     *
     * @return a 0-d int64 tensor
     */
    public Tensor countNonzero() {
        return ScanOps.countNonzero(this, null);
    }

    /**
     * The number of non-zero elements over dims ({@code torch.count_nonzero(x, dim)}).
     *
     * @param dims the dims, or null (or an empty array) for all dims
     * @return an int64 tensor without the reduced dims
     * @throws TensorException if a dim is out of range or repeated
     */
    public Tensor countNonzero(int[] dims) {
        return ScanOps.countNonzero(this, dims);
    }

    /**
     * The sum of all elements with NaN taken as 0 ({@code torch.nansum}).
     *
     * @return a 0-d tensor (int64 for integer and bool input)
     */
    public Tensor nansum() {
        return ScanOps.nansum(this, null, false);
    }

    /**
     * The sum over dims with NaN taken as 0 ({@code torch.nansum(x, dim, keepdim)}).
     *
     * @param dims the dims, or null (or an empty array) for all dims
     * @param keepdim whether the reduced dims stay as size 1
     * @return a new tensor (int64 for integer and bool input)
     * @throws TensorException if a dim is out of range or repeated
     */
    public Tensor nansum(int[] dims, boolean keepdim) {
        return ScanOps.nansum(this, dims, keepdim);
    }

    /**
     * The mean of the elements that are not NaN ({@code torch.nanmean}); NaN if all are.
     *
     * @return a 0-d tensor
     * @throws TensorException if the tensor is not floating point
     */
    public Tensor nanmean() {
        return ScanOps.nanmean(this, null, false);
    }

    /**
     * The mean over dims of the elements that are not NaN ({@code torch.nanmean(x, dim, keepdim)}).
     *
     * @param dims the dims, or null (or an empty array) for all dims
     * @param keepdim whether the reduced dims stay as size 1
     * @return a new tensor
     * @throws TensorException if the tensor is not floating point or a dim is out of range or repeated
     */
    public Tensor nanmean(int[] dims, boolean keepdim) {
        return ScanOps.nanmean(this, dims, keepdim);
    }

    /**
     * The smallest and the largest element ({@code torch.aminmax}); NaN if there is one.
     *
     * @return {@code {min, max}}, 0-d tensors of this dtype
     * @throws TensorException if the tensor is empty
     */
    public Tensor[] aminmax() {
        return ScanOps.aminmax(this, null, false);
    }

    /**
     * The smallest and the largest element along {@code dim} ({@code torch.aminmax(x, dim=, keepdim=)}).
     *
     * @param dim the dim, negative counting from the end
     * @param keepdim whether the reduced dim stays as size 1
     * @return {@code {min, max}}
     * @throws TensorException if {@code dim} is out of range or has size 0
     */
    public Tensor[] aminmax(long dim, boolean keepdim) {
        return ScanOps.aminmax(this, dim, keepdim);
    }

    /**
     * The first forward difference along the last dim ({@code torch.diff}).
     *
     * @return a new tensor one shorter along the last dim
     * @throws TensorException for a 0-d tensor
     */
    public Tensor diff() {
        return ScanOps.diff(this, 1, -1, null, null);
    }

    /**
     * The {@code n}-th forward difference along {@code dim} of {@code prepend}, this tensor and
     * {@code append} concatenated ({@code torch.diff(x, n, dim, prepend, append)}); bool tensors use
     * exclusive or.
     *
     * @param n the order, at least 0
     * @param dim the dim, negative counting from the end
     * @param prepend a tensor matching this one except along {@code dim}, or null for none
     * @param append a tensor matching this one except along {@code dim}, or null for none
     * @return a new tensor
     * @throws TensorException for a 0-d tensor, a negative order, a dim out of range, or mismatched shapes
     */
    public Tensor diff(long n, long dim, Tensor prepend, Tensor append) {
        return ScanOps.diff(this, n, dim, prepend, append);
    }

    // ------------------------------------------------------------------ end of scans and statistics
    // (keep this blank-line gap: it separates the areas for merges)


    // ------------------------------------------------------------------ sorting and selection
    // Section: sorting and selection (issue 20). Ascending order puts NaN last, descending first;
    // every sort is stable (a valid result for stable=false too). Values are gathered with the
    // indices, so gradients flow back to the chosen elements.

    /**
     * Sorts along the last dim, ascending ({@code torch.sort(x)}).
     *
     * @return the sorted values and the int64 indices they came from
     */
    public ValuesIndices sort() {
        return Sorting.sort(this, -1, false);
    }

    /**
     * Sorts along {@code dim} ({@code torch.sort(x, dim, descending)}); equal elements keep their order.
     *
     * @param dim the dim, negative counting from the end
     * @param descending whether the largest come first (then NaN first)
     * @return the sorted values and the int64 indices they came from
     * @throws TensorException if {@code dim} is out of range
     */
    public ValuesIndices sort(long dim, boolean descending) {
        return Sorting.sort(this, dim, descending);
    }

    /**
     * {@link #sort(long, boolean)} with PyTorch's {@code stable} flag (JTensor's sort is always stable).
     *
     * @param dim the dim, negative counting from the end
     * @param descending whether the largest come first
     * @param stable accepted for PyTorch's signature; equal elements always keep their order
     * @return the sorted values and the int64 indices they came from
     * @throws TensorException if {@code dim} is out of range
     */
    public ValuesIndices sort(long dim, boolean descending, boolean stable) {
        return Sorting.sort(this, dim, descending);
    }

    /**
     * The indices that sort along {@code dim} ({@code torch.argsort}).
     *
     * @param dim the dim, negative counting from the end
     * @param descending whether the largest come first
     * @return an int64 tensor of this shape
     * @throws TensorException if {@code dim} is out of range
     */
    public Tensor argsort(long dim, boolean descending) {
        return Sorting.sortIndices(this, dim, descending);
    }

    /**
     * {@link #argsort(long, boolean)} with PyTorch's {@code stable} flag (always stable here).
     *
     * @param dim the dim, negative counting from the end
     * @param descending whether the largest come first
     * @param stable accepted for PyTorch's signature
     * @return an int64 tensor of this shape
     * @throws TensorException if {@code dim} is out of range
     */
    public Tensor argsort(long dim, boolean descending, boolean stable) {
        return Sorting.sortIndices(this, dim, descending);
    }

    /**
     * The {@code k} largest elements along the last dim, largest first ({@code torch.topk(x, k)}).
     *
     * @param k how many, at most the dim's size
     * @return the values and their int64 indices
     * @throws TensorException if {@code k} is out of range
     */
    public ValuesIndices topk(long k) {
        return Sorting.topk(this, k, -1, true);
    }

    /**
     * The {@code k} largest (or smallest) elements along {@code dim} ({@code torch.topk}); the result
     * is always in order, which is a valid result for {@code sorted=False} too.
     *
     * @param k how many, at most the dim's size
     * @param dim the dim, negative counting from the end
     * @param largest whether the largest (else the smallest) are wanted
     * @param sorted accepted for PyTorch's signature; the result is sorted
     * @return the values and their int64 indices
     * @throws TensorException if {@code k} or {@code dim} is out of range
     */
    public ValuesIndices topk(long k, long dim, boolean largest, boolean sorted) {
        return Sorting.topk(this, k, dim, largest);
    }

    /**
     * The {@code k}-th smallest element along the last dim ({@code torch.kthvalue(x, k)}).
     *
     * @param k the rank, from 1
     * @return the values and their int64 indices, without the dim
     * @throws TensorException if {@code k} is out of range
     */
    public ValuesIndices kthvalue(long k) {
        return Sorting.kthvalue(this, k, -1, false);
    }

    /**
     * The {@code k}-th smallest element along {@code dim} ({@code torch.kthvalue(x, k, dim, keepdim)}).
     *
     * @param k the rank, from 1
     * @param dim the dim, negative counting from the end
     * @param keepdim whether the dim stays as size 1
     * @return the values and their int64 indices
     * @throws TensorException if {@code k} or {@code dim} is out of range
     */
    public ValuesIndices kthvalue(long k, long dim, boolean keepdim) {
        return Sorting.kthvalue(this, k, dim, keepdim);
    }

    /**
     * Sorted along the first dim, ascending ({@code torch.msort}).
     *
     * @return the sorted values
     */
    public Tensor msort() {
        return Sorting.sort(this, 0, false).values();
    }

    /**
     * The sorted distinct elements ({@code torch.unique(x)}).
     *
     * @return a 1-d tensor of this dtype
     */
    public Tensor unique() {
        return Sorting.unique(this, null, false, false).get(0);
    }

    /**
     * The sorted distinct elements, or distinct slices along {@code dim}, with the inverse indices
     * and counts when asked for ({@code torch.unique(x, sorted, return_inverse, return_counts, dim)});
     * NaN is never equal to NaN, so each NaN is its own element.
     *
     * @param sorted accepted for PyTorch's signature; the result is always sorted
     * @param returnInverse whether to return, for each element (or slice), the index of its value in the result
     * @param returnCounts whether to return how often each value occurs
     * @param dim the dim whose slices are compared, or null to compare elements of the flattened tensor
     * @return the values, then the inverse indices and the counts (int64) when asked for
     * @throws TensorException if {@code dim} is out of range
     */
    public Tensor[] unique(boolean sorted, boolean returnInverse, boolean returnCounts, Long dim) {
        return Sorting.unique(this, dim, returnInverse, returnCounts).toArray(new Tensor[0]);
    }

    /**
     * For each of {@code values}, its insertion position in this sorted sequence
     * ({@code torch.searchsorted(self, values)}), left side.
     *
     * @param values the values, of this dtype
     * @return an int64 tensor of the values' shape
     * @throws TensorException if the shapes or dtypes do not match
     */
    public Tensor searchsorted(Tensor values) {
        Objects.requireNonNull(values, "values");
        return Sorting.searchsorted(this, values, false, false, null);
    }

    /**
     * {@code torch.searchsorted(self, values, out_int32=, right=, sorter=)}: this tensor is 1-d, or
     * has the leading dims of {@code values}; NaN values go after every boundary.
     *
     * @param values the values, of this dtype
     * @param right whether to return the position after equal boundaries (else before)
     * @param outInt32 whether the result is int32 (else int64)
     * @param sorter int64 indices that sort this tensor along its last dim, or null when it is sorted
     * @return the positions, of the values' shape
     * @throws TensorException if the shapes or dtypes do not match
     */
    public Tensor searchsorted(Tensor values, boolean right, boolean outInt32, Tensor sorter) {
        Objects.requireNonNull(values, "values");
        return Sorting.searchsorted(this, values, right, outInt32, sorter);
    }

    /**
     * {@code torch.searchsorted} with both of PyTorch's side arguments: {@code right} and
     * {@code side} ("left" or "right"); either may be null, and set together they must agree.
     *
     * @param values the values, of this dtype
     * @param right whether to return the position after equal boundaries, or null to leave it to {@code side}
     * @param side "left" or "right", or null to leave it to {@code right} (left when both are null)
     * @param outInt32 whether the result is int32 (else int64)
     * @param sorter int64 indices that sort this tensor along its last dim, or null when it is sorted
     * @return the positions, of the values' shape
     * @throws TensorException for an unknown side, a side contradicting {@code right}, or shapes or dtypes that do not match
     */
    public Tensor searchsorted(Tensor values, Boolean right, String side, boolean outInt32, Tensor sorter) {
        Objects.requireNonNull(values, "values");
        boolean r = right != null && right;
        if (side != null) {
            if (!side.equals("left") && !side.equals("right")) {
                throw new TensorException("torch.searchsorted(): side can only be 'left' or 'right' but got " + side);
            }
            if (right != null && right != side.equals("right")) {
                throw new TensorException("torch.searchsorted(): side and right can't be set to opposites, got side of "
                        + side + " while right was " + right);
            }
            r = side.equals("right");
        }
        return Sorting.searchsorted(this, values, r, outInt32, sorter);
    }

    /**
     * {@link #searchsorted(Tensor, boolean, boolean, Tensor)} of one scalar value: a 0-d result.
     *
     * @param value the value (converted to this dtype)
     * @param right whether to return the position after equal boundaries
     * @param outInt32 whether the result is int32
     * @return a 0-d tensor
     */
    public Tensor searchsorted(Number value, boolean right, boolean outInt32) {
        Objects.requireNonNull(value, "value");
        Tensor v = Tensor.full(new long[0], value.doubleValue(), DType.FLOAT64).to(dtype()).to(device());
        return Sorting.searchsorted(this, v, right, outInt32, null);
    }

    /**
     * The bucket of each element among 1-d sorted {@code boundaries} ({@code torch.bucketize}).
     *
     * @param boundaries a sorted 1-d tensor of this dtype
     * @param right whether an element equal to a boundary goes to the next bucket
     * @param outInt32 whether the result is int32 (else int64)
     * @return the bucket indices, of this shape
     * @throws TensorException if {@code boundaries} is not 1-d
     */
    public Tensor bucketize(Tensor boundaries, boolean right, boolean outInt32) {
        Objects.requireNonNull(boundaries, "boundaries");
        if (boundaries.dim() != 1) {
            throw new TensorException("boundaries tensor must be 1 dimension, but got dim(" + boundaries.dim() + ")");
        }
        return Sorting.searchsorted(boundaries, this, right, outInt32, null);
    }

    /**
     * The lower median of all elements ({@code torch.median(x)}); NaN if there is one.
     *
     * @return a 0-d tensor
     */
    public Tensor median() {
        return Sorting.medianAll("median", this, false);
    }

    /**
     * The lower median along {@code dim} and its index ({@code torch.median(x, dim, keepdim)}); a line
     * holding NaN gives its first NaN.
     *
     * @param dim the dim, negative counting from the end
     * @param keepdim whether the dim stays as size 1
     * @return the values and their int64 indices
     * @throws TensorException if {@code dim} is out of range or has size 0
     */
    public ValuesIndices median(long dim, boolean keepdim) {
        return Sorting.median("median", this, dim, keepdim, false);
    }

    /**
     * The lower median of the elements that are not NaN ({@code torch.nanmedian(x)}).
     *
     * @return a 0-d tensor (NaN if all are NaN)
     */
    public Tensor nanmedian() {
        return Sorting.medianAll("nanmedian", this, true);
    }

    /**
     * The lower median along {@code dim} ignoring NaN, and its index ({@code torch.nanmedian(x, dim, keepdim)}).
     *
     * @param dim the dim, negative counting from the end
     * @param keepdim whether the dim stays as size 1
     * @return the values and their int64 indices
     * @throws TensorException if {@code dim} is out of range or has size 0
     */
    public ValuesIndices nanmedian(long dim, boolean keepdim) {
        return Sorting.median("median", this, dim, keepdim, true);
    }

    /**
     * The most frequent value along the last dim ({@code torch.mode(x)}).
     *
     * @return the values and their int64 indices
     */
    public ValuesIndices mode() {
        return Sorting.mode(this, -1, false);
    }

    /**
     * The most frequent value along {@code dim} (the smallest of those tied) and the index of its last
     * occurrence ({@code torch.mode(x, dim, keepdim)}).
     *
     * @param dim the dim, negative counting from the end
     * @param keepdim whether the dim stays as size 1
     * @return the values and their int64 indices
     * @throws TensorException if {@code dim} is out of range
     */
    public ValuesIndices mode(long dim, boolean keepdim) {
        return Sorting.mode(this, dim, keepdim);
    }

    /**
     * The {@code q}-quantile of all elements, linearly interpolated ({@code torch.quantile(x, q)}).
     *
     * @param q in [0, 1]
     * @return a 0-d tensor
     * @throws TensorException if {@code q} is out of range or the tensor is not floating point or empty
     */
    public Tensor quantile(double q) {
        return quantile(q, null, false, "linear");
    }

    /**
     * {@code torch.quantile(x, q, dim, keepdim, interpolation)} with one q.
     *
     * @param q in [0, 1]
     * @param dim the dim, or null for all elements
     * @param keepdim whether the dim stays as size 1
     * @param interpolation "linear", "lower", "higher", "midpoint" or "nearest" (half to even)
     * @return the quantiles; NaN for lines holding NaN
     * @throws TensorException for a q out of range, an unknown interpolation, or an input that is not floating point or empty
     */
    public Tensor quantile(double q, Long dim, boolean keepdim, String interpolation) {
        Objects.requireNonNull(interpolation, "interpolation");
        Tensor qt = Tensor.full(new long[0], q, DType.FLOAT64).to(dtype().isFloatingPoint() ? dtype() : DType.FLOAT64);
        return Sorting.quantile(this, qt, dim, keepdim, interpolation);
    }

    /**
     * {@code torch.quantile(x, q, dim, keepdim, interpolation)} with a 0-d or 1-d tensor of q (of
     * this dtype); a 1-d q adds a leading dim of its length.
     *
     * @param q the quantiles, each in [0, 1]
     * @param dim the dim, or null for all elements
     * @param keepdim whether the dim stays as size 1
     * @param interpolation "linear", "lower", "higher", "midpoint" or "nearest"
     * @return the quantiles
     * @throws TensorException for a q out of range or of another shape or dtype, an unknown interpolation, or an input that is not floating point or empty
     */
    public Tensor quantile(Tensor q, Long dim, boolean keepdim, String interpolation) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(interpolation, "interpolation");
        return Sorting.quantile(this, q, dim, keepdim, interpolation);
    }

    // ------------------------------------------------------------------ end of sorting and selection
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
        NullChecks.elements(items, "items");
        return Indexing.index(this, items.clone());
    }

    /**
     * {@return PyTorch's {@code x[t]} for one index tensor (int64/int32 indices into dim 0, or a bool mask)}
     *
     * @param indices the indices
     */
    public Tensor index(Tensor indices) {
        Objects.requireNonNull(indices, "indices");
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
        // A null item is Index.from's to explain (Python's None is Index.newAxis()).
        Objects.requireNonNull(items, "items");
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
        NullChecks.elements(items, "items");
        Objects.requireNonNull(value, "value");
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
        NullChecks.elements(items, "items");
        Objects.requireNonNull(value, "value");
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
        NullChecks.elements(items, "items");
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
        NullChecks.elements(items, "items");
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
        NullChecks.elements(items, "items");
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
        NullChecks.elements(items, "items");
        Objects.requireNonNull(value, "value");
        return Indexing.indexPut(this, items, value, accumulate, false);
    }

    /**
     * {@return a copy with {@code copy[items] = value} (PyTorch's {@code index_put})}
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     */
    public Tensor indexPut(Index[] items, Tensor value) {
        NullChecks.elements(items, "items");
        Objects.requireNonNull(value, "value");
        return Indexing.indexPut(this, items, value, false, false);
    }

    /**
     * {@return a copy with {@code copy[items] = value} for a scalar}
     *
     * @param items the index items, one per indexed dim
     * @param value the value
     */
    public Tensor indexPut(Index[] items, double value) {
        NullChecks.elements(items, "items");
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
        Objects.requireNonNull(mask, "mask");
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
        Objects.requireNonNull(index, "index");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(src, "src");
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
        Objects.requireNonNull(index, "index");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(src, "src");
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
        Objects.requireNonNull(index, "index");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(src, "src");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(src, "src");
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
        Objects.requireNonNull(index, "index");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(source, "source");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(source, "source");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(source, "source");
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
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(source, "source");
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
        Objects.requireNonNull(index, "index");
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
        Objects.requireNonNull(indices, "indices");
        return Indexing.takeAlongDim(this, indices, dim);
    }

    /**
     * {@return PyTorch's {@code take_along_dim} without a dim: both tensors flattened}
     *
     * @param indices the indices
     */
    public Tensor takeAlongDim(Tensor indices) {
        Objects.requireNonNull(indices, "indices");
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
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        return empty(shape, dtype, Device.CPU).uniform_(0, 1, generator);
    }

    /**
     * {@return float32 standard normal values, like {@code torch.randn(*shape)} (PyTorch's values bit for bit; see
     * {@link #normal_(double, double, Generator)} for the two algorithms)}
     *
     * @param shape the shape (the size of each dim)
     */
    public static Tensor randn(long... shape) {
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
        return randn(shape, DType.FLOAT32, generator);
    }

    /**
     * {@return standard normal values of a floating {@code dtype}, like {@code torch.randn(shape, dtype=dtype)}}
     *
     * @param shape the shape (the size of each dim)
     * @param dtype the dtype
     */
    public static Tensor randn(long[] shape, DType dtype) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        return empty(shape, dtype, Device.CPU).normal_(0, 1, generator);
    }

    /**
     * {@return int64 values uniform in {@code [0, high)}, like {@code torch.randint(high, shape)}}
     *
     * @param high the upper bound (exclusive)
     * @param shape the shape (the size of each dim)
     */
    public static Tensor randint(long high, long[] shape) {
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(dtype, "dtype");
        return RandomOps.randperm(n, dtype, generator);
    }

    /**
     * {@return uniform {@code [0, 1)} values with x's shape, dtype, device and layout, like {@code
     * torch.rand_like(x)}: a transposed x gives a transposed result, filled in memory order}
     *
     * @param x the input tensor
     */
    public static Tensor randLike(Tensor x) {
        Objects.requireNonNull(x, "x");
        return randLike(x, x.dtype(), null);
    }

    /**
     * {@return {@link #randLike(Tensor)} drawing from {@code generator}}
     *
     * @param x the input tensor
     * @param generator the random number generator to draw from
     */
    public static Tensor randLike(Tensor x, Generator generator) {
        Objects.requireNonNull(x, "x");
        return randLike(x, x.dtype(), generator);
    }

    /**
     * {@return {@link #randLike(Tensor)} with another floating {@code dtype}}
     *
     * @param x the input tensor
     * @param dtype the dtype
     */
    public static Tensor randLike(Tensor x, DType dtype) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dtype, "dtype");
        return RandomOps.emptyLike(x, dtype).uniform_(0, 1, generator);
    }

    /**
     * {@return standard normal values with x's shape, dtype, device and layout, like {@code torch.randn_like(x)}
     * (a non-contiguous layout takes PyTorch's scalar path even for 16 or more elements)}
     *
     * @param x the input tensor
     */
    public static Tensor randnLike(Tensor x) {
        Objects.requireNonNull(x, "x");
        return randnLike(x, x.dtype(), null);
    }

    /**
     * {@return {@link #randnLike(Tensor)} drawing from {@code generator}}
     *
     * @param x the input tensor
     * @param generator the random number generator to draw from
     */
    public static Tensor randnLike(Tensor x, Generator generator) {
        Objects.requireNonNull(x, "x");
        return randnLike(x, x.dtype(), generator);
    }

    /**
     * {@return {@link #randnLike(Tensor)} with another floating {@code dtype}}
     *
     * @param x the input tensor
     * @param dtype the dtype
     */
    public static Tensor randnLike(Tensor x, DType dtype) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(x, "x");
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
        Objects.requireNonNull(x, "x");
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
        Objects.requireNonNull(x, "x");
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
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dtype, "dtype");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(other, "other");
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
        Objects.requireNonNull(mat2, "mat2");
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
        Objects.requireNonNull(mat2, "mat2");
        return Linalg.bmm(this, mat2);
    }

    /**
     * {@return the inner product of two 1-D tensors of equal length and dtype, a 0-d tensor ({@code torch.dot})}
     *
     * @param other the other operand, broadcast with this tensor
     */
    public Tensor dot(Tensor other) {
        Objects.requireNonNull(other, "other");
        return Linalg.dot(this, other);
    }

    /**
     * {@return the product of this 2-D matrix and a 1-D vector ({@code torch.mv}), {@code [n, k] @ [k] -> [n]}}
     *
     * @param vec the vector
     */
    public Tensor mv(Tensor vec) {
        Objects.requireNonNull(vec, "vec");
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
        Objects.requireNonNull(vec2, "vec2");
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
     * Replaces the accumulated gradient (null clears it). As PyTorch's {@code .grad =}, the new
     * gradient must match this tensor's dtype, device and shape.
     *
     * @param g the new gradient, or null
     * @throws TensorException when {@code g} is this tensor itself, or differs in dtype, device or shape
     */
    public void setGrad(Tensor g) {
        if (g != null) {
            if (g == this) {
                throw new TensorException("can't assign Variable as its own grad");
            }
            if (g.dtype() != dtype()) {
                throw new TensorException("assigned grad has data of a different type: grad " + g.dtype()
                        + " vs tensor " + dtype());
            }
            if (!g.device().equals(device())) {
                throw new TensorException("assigned grad has data located on a different device: grad "
                        + g.device() + " vs tensor " + device());
            }
            if (!Arrays.equals(g.shape, shape)) {
                throw new TensorException("assigned grad has data of a different size: grad " + Arrays.toString(g.shape)
                        + " vs tensor " + Arrays.toString(shape));
            }
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
