package dev.jtensor.cuda;

import static dev.jtensor.cuda.CudaNatives.check;
import static dev.jtensor.cuda.CudaNatives.checkBlas;
import static dev.jtensor.cuda.CudaNatives.checkDriver;
import static org.bytedeco.cuda.global.cudart.cuCtxSetCurrent;
import static org.bytedeco.cuda.global.cudart.cuDeviceGet;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRetain;
import static org.bytedeco.cuda.global.cudart.cuInit;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrMultiProcessorCount;
import static org.bytedeco.cuda.global.cudart.cudaDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cudaErrorMemoryAllocation;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetLastError;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemGetInfo;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemsetAsync;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreateWithFlags;
import static org.bytedeco.cuda.global.cudart.cudaStreamNonBlocking;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.TensorException;
import dev.jtensor.cuda.CudaNatives.DevPtr;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GPU as the backend uses it: its primary context (made current on whichever thread calls),
 * one non-blocking stream on which every kernel, copy and cuBLAS call is queued (so ordering needs
 * no events), the kernels' module loaded from the bundled PTX, the caching allocator, and a cuBLAS
 * handle bound to the stream.
 */
final class CudaDevice {
    private static final Logger LOG = LoggerFactory.getLogger(CudaDevice.class);

    final Device device;
    final int multiprocessors;
    final CachingAllocator allocator;
    private final CUctx_st context;
    private final CUstream_st stream;
    private final CUmod_st module;
    private final Map<String, CUfunc_st> functions = new ConcurrentHashMap<>();
    private cublasContext blas;
    /** The math mode last set on {@link #blas}, -1 before the first. */
    private int blasMathMode = -1;

    private CudaDevice(int index) {
        this.device = new Device("cuda", index);
        int[] count = new int[1];
        check(cudaGetDeviceCount(count), "cudaGetDeviceCount");
        if (index >= count[0]) {
            throw new TensorException("CUDA device index " + index + " is out of range: " + count[0]
                    + " device(s) visible (cuda:0 to cuda:" + (count[0] - 1) + ")");
        }
        checkDriver(cuInit(0), "cuInit");
        int[] dev = new int[1];
        checkDriver(cuDeviceGet(dev, index), "cuDeviceGet");
        context = new CUctx_st();
        // The primary context is the one the runtime API uses too, so both APIs share memory and streams.
        checkDriver(cuDevicePrimaryCtxRetain(context, dev[0]), "cuDevicePrimaryCtxRetain");
        checkDriver(cuCtxSetCurrent(context), "cuCtxSetCurrent");
        check(cudaSetDevice(index), "cudaSetDevice");
        stream = new CUstream_st();
        check(cudaStreamCreateWithFlags(stream, cudaStreamNonBlocking), "cudaStreamCreateWithFlags");
        int[] sms = new int[1];
        check(cudaDeviceGetAttribute(sms, cudaDevAttrMultiProcessorCount, index), "cudaDeviceGetAttribute");
        multiprocessors = sms[0];
        PtxResource ptx = PtxResource.load();
        module = new CUmod_st();
        long start = System.nanoTime();
        // Machine code from the fatbin when it has this GPU's architecture (no JIT), else the PTX (JIT-compiled).
        String loaded = KernelImages.load(image -> {
            try (BytePointer p = new BytePointer(image)) {
                return cuModuleLoadData(module, p);
            }
        }, KernelImages.loadFatbin(), ptx, System.getProperty(KernelImages.PROPERTY, "auto"), CudaNatives::driverErrorName);
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        allocator = new CachingAllocator(new RawMemory(), CudaDevice::reclaim);
        long totalBytes;
        try (org.bytedeco.javacpp.SizeTPointer free = new org.bytedeco.javacpp.SizeTPointer(1);
                org.bytedeco.javacpp.SizeTPointer total = new org.bytedeco.javacpp.SizeTPointer(1)) {
            check(cudaMemGetInfo(free, total), "cudaMemGetInfo");
            totalBytes = total.get();
        }
        allocator.setReclaimThreshold(reclaimThreshold(System.getProperty(RECLAIM_PROPERTY), totalBytes));
        LOG.info("opened {} with {} multiprocessors; kernels from {} in {} ms", device, multiprocessors, loaded,
                loadMillis);
    }

    /** Opens device {@code index}. */
    static CudaDevice open(int index) {
        return new CudaDevice(index);
    }

    /** {@code cudaMalloc}/{@code cudaFree} for the caching allocator; the device's context must be current. */
    private final class RawMemory implements CachingAllocator.RawMemory {
        @Override
        public long malloc(long bytes) {
            makeCurrent();
            Pointer p = new Pointer();
            int rc = cudaMalloc(p, bytes);
            if (rc == cudaErrorMemoryAllocation) {
                cudaGetLastError(); // out of memory is not sticky: clear it so later calls do not see it
                return 0;
            }
            check(rc, "cudaMalloc(" + bytes + ")");
            return p.address();
        }

        @Override
        public void free(long address) {
            makeCurrent();
            check(cudaFree(new DevPtr(address)), "cudaFree");
        }
    }

    /** System property: the live bytes above which allocations first reclaim (see {@link Cuda#setReclaimThreshold}). */
    static final String RECLAIM_PROPERTY = "jtensor.cuda.reclaimThreshold";

    /**
     * The reclaim threshold: the property's bytes when set, else three quarters of the device's memory.
     *
     * @param property the system property's value, or null
     * @param totalBytes the device's memory
     * @return the threshold in bytes
     * @throws TensorException if the property is not a positive number of bytes
     */
    static long reclaimThreshold(String property, long totalBytes) {
        if (property == null || property.isBlank()) {
            return Math.max(1, totalBytes / 4 * 3);
        }
        try {
            long bytes = Long.parseLong(property.strip());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TensorException("-D" + RECLAIM_PROPERTY + "=" + property + " is not a positive number of bytes");
    }

    /**
     * Lets the garbage collector find unreachable storages so their cleaners return memory; the
     * allocator then waits for the releases (what the JDK does for direct buffers).
     */
    private static void reclaim(int attempt) {
        System.gc();
    }

    /** Makes this device's context current on the calling thread (contexts are per thread). */
    void makeCurrent() {
        checkDriver(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    /** A storage of {@code numel} elements, zero-filled when asked. */
    CudaStorage allocate(DType dtype, long numel, boolean zero) {
        if (numel < 0 || numel > Integer.MAX_VALUE - 8) {
            throw new TensorException("cannot allocate a " + dtype + " storage of " + numel + " elements on " + device
                    + ": a storage holds 0 to " + (Integer.MAX_VALUE - 8) + " elements");
        }
        long bytes = numel * dtype.itemSize();
        CachingAllocator.Block block = allocator.allocate(bytes);
        CudaStorage s = new CudaStorage(dtype, (int) numel, device, allocator, block);
        if (zero && bytes > 0) {
            makeCurrent();
            check(cudaMemsetAsync(new DevPtr(block.address()), 0, bytes, stream), "cudaMemsetAsync");
        }
        return s;
    }

    /** Host to device, then waits (the host buffer is freed by the caller). */
    void upload(long dst, Pointer host, long bytes) {
        if (bytes == 0) {
            return;
        }
        makeCurrent();
        check(cudaMemcpyAsync(new DevPtr(dst), host, bytes, cudaMemcpyHostToDevice, stream), "cudaMemcpyAsync(H2D)");
        synchronize();
    }

    /** Device to host, after all queued work; waits for the copy. */
    void download(Pointer host, long src, long bytes) {
        if (bytes == 0) {
            return;
        }
        makeCurrent();
        check(cudaMemcpyAsync(host, new DevPtr(src), bytes, cudaMemcpyDeviceToHost, stream), "cudaMemcpyAsync(D2H)");
        synchronize();
    }

    /** Queues a device-to-device copy of {@code bytes} bytes. */
    void copyDeviceToDevice(long dst, long src, long bytes) {
        if (bytes == 0) {
            return;
        }
        makeCurrent();
        check(cudaMemcpyAsync(new DevPtr(dst), new DevPtr(src), bytes, cudaMemcpyDeviceToDevice, stream),
                "cudaMemcpyAsync(D2D)");
    }

    /** Waits until every queued kernel and copy of this device finished; reports asynchronous kernel faults. */
    void synchronize() {
        makeCurrent();
        check(cudaStreamSynchronize(stream), "cudaStreamSynchronize (an earlier kernel may have failed)");
    }

    /** Queues kernel {@code name} over {@code n} elements with a grid-stride configuration. */
    void launch(String name, long n, KernelArgs args) {
        launch(name, LaunchConfig.forElements(n, multiprocessors), 0, args);
    }

    /** Queues kernel {@code name} with an explicit configuration and dynamic shared memory. */
    void launch(String name, LaunchConfig config, int sharedBytes, KernelArgs args) {
        makeCurrent();
        CUfunc_st fn = functions.computeIfAbsent(name, this::function);
        // The PointerPointer overload: its void** parameters pass the table's address as is. The Pointer overload
        // is @ByPtrPtr, so it would pass the address of a pointer (extra = non-NULL pointer to NULL), and the driver
        // rejects a launch with both kernelParams and extra set (CUDA_ERROR_INVALID_VALUE). LaunchOverloadTest pins it.
        checkDriver(cuLaunchKernel(fn, config.blocks(), 1, 1, config.threads(), 1, 1, sharedBytes, stream,
                args.params(), (PointerPointer<?>) null), "cuLaunchKernel(" + name + ")");
    }

    private CUfunc_st function(String name) {
        CUfunc_st fn = new CUfunc_st();
        checkDriver(cuModuleGetFunction(fn, module, name), "cuModuleGetFunction(" + name + ")");
        return fn;
    }

    /**
     * The cuBLAS handle, created on first use and bound to this device's stream, in the math mode
     * {@link #mathMode(boolean)} gives for {@code allowTf32} (set again only when it changes).
     */
    synchronized cublasContext blas(boolean allowTf32) {
        if (blas == null) {
            makeCurrent();
            cublasContext h = new cublasContext();
            checkBlas(cublas.cublasCreate_v2(h), "cublasCreate");
            checkBlas(cublas.cublasSetStream_v2(h, stream), "cublasSetStream");
            blas = h;
        }
        int mode = mathMode(allowTf32);
        if (mode != blasMathMode) {
            checkBlas(cublas.cublasSetMathMode(blas, mode), "cublasSetMathMode(" + mode + ")");
            blasMathMode = mode;
        }
        return blas;
    }

    /**
     * cuBLAS's math mode for float32 products: plain FP32 ({@code CUBLAS_DEFAULT_MATH}, so results match the
     * CPU backend within summation order) unless TF32 tensor-core math is allowed
     * ({@code CUBLAS_TF32_TENSOR_OP_MATH}: inputs rounded to 10-bit mantissas, as PyTorch with
     * {@code allow_tf32=True}). Float64 products are unaffected by either.
     */
    static int mathMode(boolean allowTf32) {
        return allowTf32 ? cublas.CUBLAS_TF32_TENSOR_OP_MATH : cublas.CUBLAS_DEFAULT_MATH;
    }
}
