package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.Storage;

/**
 * CPU storage: a Java heap array of the dtype's primitive type ({@code float[]}, {@code double[]},
 * {@code long[]}, {@code int[]}, {@code boolean[]}; {@code byte[]} for uint8 and int8, {@code short[]} for int16 and
 * the bits of float16 and bfloat16). Garbage collected; nothing to close.
 */
public final class CpuStorage extends Storage {
    /** The largest storage JTensor allocates: Java arrays are indexed by int. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final Object array;

    private CpuStorage(DType dtype, Object array, int size) {
        super(dtype, size);
        this.array = array;
    }

    /** A zero-filled storage of {@code numel} elements. */
    public static CpuStorage allocate(DType dtype, long numel) {
        return allocate(dtype, numel, true);
    }

    /**
     * A storage of {@code numel} elements: zero-filled when {@code zeroed}, else with unspecified
     * contents (a recycled array's, see {@link CpuArrayPool}) for a caller that writes every element
     * before reading it.
     */
    public static CpuStorage allocate(DType dtype, long numel, boolean zeroed) {
        return CpuArrayPool.shared().allocate(dtype, numel, zeroed);
    }

    /** A storage over a new (zero-filled) array; the size checks of every allocation. */
    static CpuStorage allocateFresh(DType dtype, long numel) {
        if (numel < 0 || numel > MAX_ELEMENTS) {
            throw new TensorException("cannot allocate a " + dtype + " storage of " + numel
                    + " elements: a CPU storage holds 0 to " + MAX_ELEMENTS + " elements");
        }
        int n = (int) numel;
        Object array = switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case INT32 -> new int[n];
            case BOOL -> new boolean[n];
            case UINT8, INT8 -> new byte[n];
            case INT16, FLOAT16, BFLOAT16 -> new short[n];
        };
        return new CpuStorage(dtype, array, n);
    }

    /**
     * Wraps an existing primitive array (not copied) as a storage of {@code dtype}, whose holder type it must be
     * ({@code byte[]} for uint8/int8, {@code short[]} for int16/float16/bfloat16, ...).
     */
    public static CpuStorage wrap(Object array, DType dtype) {
        CpuStorage s = wrap(array);
        if (s.dtype() == dtype) {
            return s;
        }
        boolean bytes = array instanceof byte[] && dtype.itemSize() == 1 && !dtype.isBool();
        boolean shorts = array instanceof short[] && dtype.itemSize() == 2;
        if (!bytes && !shorts) {
            throw new TensorException("cannot wrap " + array.getClass().getSimpleName() + " as a " + dtype
                    + " storage: a " + dtype + " storage holds " + s.dtype() + "'s array type only if they match");
        }
        return new CpuStorage(dtype, array, s.size());
    }

    /** A storage over {@code array} (of {@code dtype}'s type, not reachable from anywhere else). */
    static CpuStorage over(DType dtype, Object array) {
        return new CpuStorage(dtype, array, java.lang.reflect.Array.getLength(array));
    }

    /**
     * Wraps an existing primitive array (not copied) as a storage of the matching dtype ({@code byte[]} is int8 and
     * {@code short[]} int16, Java's signed types; {@link #wrap(Object, DType)} reads them as another dtype).
     */
    public static CpuStorage wrap(Object array) {
        return switch (array) {
            case float[] a -> new CpuStorage(DType.FLOAT32, a, a.length);
            case double[] a -> new CpuStorage(DType.FLOAT64, a, a.length);
            case long[] a -> new CpuStorage(DType.INT64, a, a.length);
            case int[] a -> new CpuStorage(DType.INT32, a, a.length);
            case boolean[] a -> new CpuStorage(DType.BOOL, a, a.length);
            case byte[] a -> new CpuStorage(DType.INT8, a, a.length);
            case short[] a -> new CpuStorage(DType.INT16, a, a.length);
            default -> throw new TensorException("cannot wrap " + array.getClass().getSimpleName()
                    + " as a storage: expected float[], double[], long[], int[], short[], byte[] or boolean[]");
        };
    }

    /**
     * {@return the bytes of recycled arrays the storage pool holds for reuse now} (a diagnostic: at
     * most {@code -Djtensor.pool.bytes}, a quarter of the maximum heap by default; see
     * {@link CpuArrayPool})
     */
    public static long pooledBytes() {
        return CpuArrayPool.shared().heldBytes();
    }

    /** The backing array; its type matches {@link #dtype()}. */
    public Object array() {
        return array;
    }

    @Override
    public Device device() {
        return Device.CPU;
    }
}
