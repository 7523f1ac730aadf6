package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.Storage;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A storage in GPU memory, from the device's {@link CachingAllocator}. Bool elements take one byte.
 *
 * <p>{@link #close()} gives the memory back at once (to the allocator's cache, for reuse); a
 * {@link Cleaner} does the same when the storage becomes unreachable, so forgetting to close only
 * delays reuse until the garbage collector runs. Using a tensor whose storage was closed throws.
 */
public final class CudaStorage extends Storage implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Device device;
    private final Release release;
    private final Cleaner.Cleanable cleanable;

    /** Gives the block back once, from {@link #close()} or from the cleaner; references nothing of the storage. */
    private static final class Release implements Runnable {
        private final CachingAllocator allocator;
        private final CachingAllocator.Block block;
        private final AtomicBoolean done = new AtomicBoolean();

        Release(CachingAllocator allocator, CachingAllocator.Block block) {
            this.allocator = allocator;
            this.block = block;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                allocator.release(block);
            }
        }
    }

    /** A storage of {@code size} elements over {@code block}, which {@code allocator} handed out. */
    CudaStorage(DType dtype, int size, Device device, CachingAllocator allocator, CachingAllocator.Block block) {
        super(dtype, size);
        this.device = device;
        this.release = new Release(allocator, block);
        this.cleanable = CLEANER.register(this, release);
        MemoryScope.register(this);
    }

    @Override
    public Device device() {
        return device;
    }

    /** {@return the size of the elements in bytes} */
    public long byteSize() {
        return (long) size() * dtype().itemSize();
    }

    /** {@return whether the memory was given back} */
    public boolean isClosed() {
        return release.done.get();
    }

    /** Gives the memory back to the device's allocator now; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /**
     * The device address of element 0.
     *
     * @throws TensorException when the storage was closed
     */
    long address() {
        if (release.done.get()) {
            throw new TensorException("a " + dtype().torchName() + " storage of " + size() + " elements on " + device
                    + " was used after close()");
        }
        return release.block.address();
    }

    @Override
    public String toString() {
        return "CudaStorage[" + dtype() + " x " + size() + " on " + device + (isClosed() ? ", closed]" : "]");
    }
}
