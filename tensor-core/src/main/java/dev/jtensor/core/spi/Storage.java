package dev.jtensor.core.spi;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;

/**
 * A flat block of elements of one dtype on one device; tensors are strided views of a storage.
 *
 * <p>A storage also carries the version counter shared by every view of it: each in-place write
 * bumps it, so that autograd can detect that a tensor saved for backward was modified.
 */
public abstract class Storage {
    private final DType dtype;
    private final int size;
    private int version;

    /**
     * A storage of {@code size} elements of {@code dtype}.
     *
     * @param dtype the dtype
     * @param size the size
     */
    protected Storage(DType dtype, int size) {
        this.dtype = dtype;
        this.size = size;
    }

    /** {@return the element type} */
    public final DType dtype() {
        return dtype;
    }

    /** {@return the number of elements} */
    public final int size() {
        return size;
    }

    /** {@return the device the elements live on} */
    public abstract Device device();

    /** {@return the version counter: how many in-place writes this storage has seen} */
    public final int version() {
        return version;
    }

    /** Records one in-place write. */
    public final void bumpVersion() {
        version++;
    }
}
