package dev.jtensor.cuda;

import dev.jtensor.core.Device;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.Backends;

/**
 * Questions and housekeeping about the CUDA backend, like PyTorch's {@code torch.cuda} functions.
 * Tensors move with {@code tensor.to(Device.cuda())}; nothing here is needed for that.
 */
public final class Cuda {
    private Cuda() {}

    private static volatile boolean allowTf32;

    /**
     * Lets float32 matrix products on the GPU use TF32 tensor cores (PyTorch's
     * {@code torch.backends.cuda.matmul.allow_tf32}; off by default, as in PyTorch): much faster on
     * Ampere and later, with inputs rounded to 10 mantissa bits, so results differ from the CPU's by
     * about 1e-3 relative. Takes effect at the next product, on every device; float64 is unaffected.
     *
     * @param allow whether TF32 may be used
     */
    public static void setAllowTf32(boolean allow) {
        allowTf32 = allow;
    }

    /**
     * Whether float32 matrix products may use TF32 (see {@link #setAllowTf32(boolean)}).
     *
     * @return the current setting, false by default
     */
    public static boolean allowTf32() {
        return allowTf32;
    }

    /** {@return whether a GPU can be used (PyTorch's {@code torch.cuda.is_available()}); probed once per JVM} */
    public static boolean isAvailable() {
        return CudaProbe.isAvailable();
    }

    /**
     * {@return Why CUDA cannot be used here (no driver, no device, driver too old, libraries missing), or the
     * devices found}
     */
    public static String status() {
        return CudaProbe.reason();
    }

    /**
     * The caching allocator's counters of a device.
     *
     * @param allocatedBytes bytes held by live storages
     * @param cachedBytes bytes released and kept for reuse (PyTorch's reserved minus allocated)
     * @param peakAllocatedBytes the largest {@code allocatedBytes} so far
     * @param cudaMallocCalls raw device allocations made
     * @param cacheHits allocations served from the cache
     * @param reclaims allocations that first asked the garbage collector for unreachable storages (the
     *     reclaim threshold was passed, or the device was out of memory)
     */
    public record MemoryStats(long allocatedBytes, long cachedBytes, long peakAllocatedBytes, long cudaMallocCalls,
                              long cacheHits, long reclaims) {}

    /**
     * {@return the allocator's counters of {@code device} (PyTorch's {@code torch.cuda.memory_stats})}
     *
     * @param device the device
     */
    public static MemoryStats memoryStats(Device device) {
        CachingAllocator.Stats s = backend(device).gpu.allocator.stats();
        return new MemoryStats(s.allocatedBytes(), s.cachedBytes(), s.peakAllocatedBytes(), s.mallocCalls(), s.cacheHits(),
                s.reclaims());
    }

    /**
     * Sets the live bytes of {@code device} above which an allocation first lets the garbage collector find
     * unreachable tensors and waits briefly for their memory (as the JDK does for direct buffers). The
     * default is three quarters of the device's memory, or {@code -Djtensor.cuda.reclaimThreshold=<bytes>}.
     * A lower value keeps a loop that drops large temporaries to about that much device memory, at the cost
     * of collections; {@link #memoryScope()} frees a step's temporaries without any.
     *
     * @param device a CUDA device
     * @param bytes the threshold in bytes ({@code Long.MAX_VALUE}: only when out of memory)
     * @throws TensorException if {@code device} is not a CUDA device, or cannot be opened
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public static void setReclaimThreshold(Device device, long bytes) {
        backend(device).gpu.allocator.setReclaimThreshold(bytes);
    }

    /**
     * The reclaim threshold of {@code device} (see {@link #setReclaimThreshold}).
     *
     * @param device a CUDA device
     * @return the threshold in bytes
     * @throws TensorException if {@code device} is not a CUDA device, or cannot be opened
     */
    public static long reclaimThreshold(Device device) {
        return backend(device).gpu.allocator.reclaimThreshold();
    }

    /**
     * Opens a memory scope on this thread: when it is closed, the device memory of every CUDA tensor created
     * on this thread inside it is given back at once, except what was {@link MemoryScope#keep kept} (what
     * PyTorch's reference counting does for a training step's temporaries). Use it with try-with-resources.
     *
     * @return the new innermost scope of this thread
     */
    public static MemoryScope memoryScope() {
        return MemoryScope.open();
    }

    /**
     * Frees the cached, unused blocks of {@code device} (PyTorch's {@code torch.cuda.empty_cache()}); returns the
     * bytes freed.
     *
     * @param device the device
     * @return the bytes freed
     */
    public static long emptyCache(Device device) {
        return backend(device).gpu.allocator.emptyCache();
    }

    /**
     * Waits for all queued work of {@code device} (PyTorch's {@code torch.cuda.synchronize()}).
     *
     * @param device the device
     */
    public static void synchronize(Device device) {
        backend(device).gpu.synchronize();
    }

    private static CudaBackend backend(Device device) {
        if (!device.type().equals("cuda")) {
            throw new TensorException("expected a CUDA device, got " + device);
        }
        return (CudaBackend) Backends.backend(device);
    }
}
