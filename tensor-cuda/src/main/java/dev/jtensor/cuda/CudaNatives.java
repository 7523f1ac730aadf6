package dev.jtensor.cuda;

import static org.bytedeco.cuda.global.cudart.cuGetErrorName;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMajor;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMinor;
import static org.bytedeco.cuda.global.cudart.cudaDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cudaDriverGetVersion;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorName;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaRuntimeGetVersion;

import dev.jtensor.core.TensorException;
import org.bytedeco.cuda.cudart.cudaDeviceProp;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The JavaCPP side of the backend's plumbing: status checks that turn CUDA, driver and cuBLAS
 * errors into {@link TensorException}s, device pointers as JavaCPP {@link Pointer}s, and the
 * probe's native steps. Only used after {@link CudaProbe} found the driver library.
 */
final class CudaNatives {
    private CudaNatives() {}

    /** A device address wrapped as a JavaCPP pointer (no deallocator: the allocator owns the memory). */
    static final class DevPtr extends Pointer {
        DevPtr(long address) {
            this.address = address;
        }
    }

    /** Throws unless a CUDA runtime call succeeded. */
    static void check(int status, String what) {
        if (status != 0) {
            throw new TensorException("CUDA error in " + what + ": " + cudaGetErrorName(status).getString()
                    + " (" + cudaGetErrorString(status).getString() + ")");
        }
    }

    /** Throws unless a CUDA driver API call succeeded. */
    static void checkDriver(int status, String what) {
        if (status != 0) {
            throw new TensorException("CUDA driver error in " + what + ": " + driverErrorName(status));
        }
    }

    /** The driver's name of a {@code CUresult} ({@code CUDA_ERROR_NO_BINARY_FOR_GPU}), or its number. */
    static String driverErrorName(int status) {
        String name = "CUresult " + status;
        try (PointerPointer<?> p = new PointerPointer<>(1L)) {
            if (cuGetErrorName(status, p) == 0 && p.get(0) != null) {
                name = p.getString(0);
            }
        }
        return name;
    }

    /** Throws unless a cuBLAS call succeeded. */
    static void checkBlas(int status, String what) {
        if (status != 0) {
            throw new TensorException("cuBLAS error in " + what + ": " + cublas.cublasGetStatusName(status).getString());
        }
    }

    /** The probe's native steps through the JavaCPP bindings. */
    static final class ProbeBindings implements CudaProbe.Natives {
        @Override
        public void loadRuntime() {
            Loader.load(cudart.class);
        }

        @Override
        public int driverVersion(int[] out) {
            return cudaDriverGetVersion(out);
        }

        @Override
        public int runtimeVersion(int[] out) {
            return cudaRuntimeGetVersion(out);
        }

        @Override
        public int deviceCount(int[] out) {
            return cudaGetDeviceCount(out);
        }

        @Override
        public String errorName(int status) {
            return cudaGetErrorName(status).getString();
        }

        @Override
        public void loadCublas() {
            Loader.load(cublas.class);
        }

        @Override
        public String describe(int device) {
            int[] major = new int[1];
            int[] minor = new int[1];
            check(cudaDeviceGetAttribute(major, cudaDevAttrComputeCapabilityMajor, device), "cudaDeviceGetAttribute");
            check(cudaDeviceGetAttribute(minor, cudaDevAttrComputeCapabilityMinor, device), "cudaDeviceGetAttribute");
            try (cudaDeviceProp p = new cudaDeviceProp()) {
                check(cudaGetDeviceProperties(p, device), "cudaGetDeviceProperties");
                return p.name().getString() + " (sm_" + major[0] + minor[0] + ", "
                        + (p.totalGlobalMem() >> 20) + " MiB)";
            }
        }
    }
}
