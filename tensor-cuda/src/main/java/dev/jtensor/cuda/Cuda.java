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

    /** Whether a GPU can be used (PyTorch's {@code torch.cuda.is_available()}); probed once per JVM. */
    public static boolean isAvailable() {
        return CudaProbe.isAvailable();
    }

    /** Why CUDA cannot be used here (no driver, no device, driver too old, libraries missing), or the devices found. */
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
     */
    public record MemoryStats(long allocatedBytes, long cachedBytes, long peakAllocatedBytes, long cudaMallocCalls,
                              long cacheHits) {}

    /** The allocator's counters of {@code device} (PyTorch's {@code torch.cuda.memory_stats}). */
    public static MemoryStats memoryStats(Device device) {
        CachingAllocator.Stats s = backend(device).gpu.allocator.stats();
        return new MemoryStats(s.allocatedBytes(), s.cachedBytes(), s.peakAllocatedBytes(), s.mallocCalls(), s.cacheHits());
    }

    /** Frees the cached, unused blocks of {@code device} (PyTorch's {@code torch.cuda.empty_cache()}); returns the bytes freed. */
    public static long emptyCache(Device device) {
        return backend(device).gpu.allocator.emptyCache();
    }

    /** Waits for all queued work of {@code device} (PyTorch's {@code torch.cuda.synchronize()}). */
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
