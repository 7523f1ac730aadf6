package dev.jtensor.cuda;

import dev.jtensor.core.spi.BackendProvider.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether CUDA can be used in this JVM, and if not, why. Probed once and cached.
 *
 * <p>The steps, each with its own reason on failure: the {@code jtensor.cuda.disable} property; the
 * NVIDIA driver ({@code libcuda.so.1}, opened with the FFM API so that no JavaCPP class is touched
 * on a machine without one: a failed JavaCPP class initialisation is permanent for the JVM); the
 * CUDA 13 runtime libraries (loading the JavaCPP bindings); the driver's CUDA version (too old, or
 * the toolkit's stub library); a visible device; cuBLAS.
 */
final class CudaProbe {
    /** Set this system property to {@code true} to turn the CUDA backend off. */
    static final String DISABLE_PROPERTY = "jtensor.cuda.disable";
    /** The NVIDIA driver's library. */
    static final String DRIVER_LIBRARY = "libcuda.so.1";
    /** The oldest driver API version the CUDA 13 runtime accepts (CUDA 13.0, driver 580). */
    static final int MIN_DRIVER_VERSION = 13000;

    // CUDA runtime error codes (cuda_runtime_api.h); kept here so the logic loads no binding class.
    static final int CUDA_SUCCESS = 0;
    static final int ERROR_STUB_LIBRARY = 34;
    static final int ERROR_INSUFFICIENT_DRIVER = 35;
    static final int ERROR_NO_DEVICE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CudaProbe.class);
    private static Availability cached;

    private CudaProbe() {}

    /** Opens a shared library by name, or throws {@link IllegalArgumentException} with the loader's reason. */
    @FunctionalInterface
    interface LibraryCheck {
        void open(String library);
    }

    /** The native steps after the driver library was found (the JavaCPP bindings, or fakes in tests). */
    interface Natives {
        /** Loads the CUDA runtime bindings; throws a {@link LinkageError} when libraries are missing. */
        void loadRuntime();

        /** {@code cudaDriverGetVersion}: the status, with the version in {@code out[0]}. */
        int driverVersion(int[] out);

        /** {@code cudaRuntimeGetVersion}: the status, with the version in {@code out[0]}. */
        int runtimeVersion(int[] out);

        /** {@code cudaGetDeviceCount}: the status, with the count in {@code out[0]}. */
        int deviceCount(int[] out);

        /** The name of a CUDA runtime status. */
        String errorName(int status);

        /** Loads the cuBLAS bindings; throws a {@link LinkageError} when cuBLAS is missing. */
        void loadCublas();

        /** A one-line description of a device: name, compute capability, memory. */
        String describe(int device);
    }

    /** The cached result: available with a description, or unavailable with the reason. */
    static synchronized Availability availability() {
        if (cached == null) {
            long t0 = System.nanoTime();
            cached = probe(Boolean.getBoolean(DISABLE_PROPERTY), CudaProbe::openWithFfm, CudaProbe::bindings);
            LOG.info("CUDA {} ({} ms): {}", cached.available() ? "available" : "unavailable",
                    (System.nanoTime() - t0) / 1_000_000, cached.reason());
        }
        return cached;
    }

    /** Whether CUDA can be used. */
    static boolean isAvailable() {
        return availability().available();
    }

    /** Why CUDA cannot be used, or a description of the devices when it can. */
    static String reason() {
        return availability().reason();
    }

    /** The probe's logic, with its native steps passed in. */
    static Availability probe(boolean disabled, LibraryCheck libraries, java.util.function.Supplier<Natives> bindings) {
        if (disabled) {
            return Availability.no("CUDA disabled by -D" + DISABLE_PROPERTY + "=true");
        }
        try {
            libraries.open(DRIVER_LIBRARY);
        } catch (IllegalArgumentException e) {
            return Availability.no("no NVIDIA driver: " + DRIVER_LIBRARY + " cannot be loaded (" + e.getMessage() + ")");
        }
        Natives n;
        try {
            n = bindings.get();
            n.loadRuntime();
        } catch (LinkageError | RuntimeException e) {
            return Availability.no("CUDA 13 runtime libraries missing or unloadable: " + rootMessage(e)
                    + " (install the CUDA 13 toolkit, or NVIDIA's pip wheels, and add their lib folder to LD_LIBRARY_PATH)");
        }
        int[] v = new int[1];
        int rc = n.driverVersion(v);
        if (rc == ERROR_STUB_LIBRARY) {
            return Availability.no(DRIVER_LIBRARY + " is the CUDA toolkit's stub library, not an NVIDIA driver ("
                    + n.errorName(rc) + ")");
        }
        if (rc != CUDA_SUCCESS) {
            return Availability.no("cudaDriverGetVersion failed: " + n.errorName(rc));
        }
        int driver = v[0];
        if (driver < MIN_DRIVER_VERSION) {
            return Availability.no("NVIDIA driver too old: it supports CUDA " + versionString(driver)
                    + ", tensor-cuda needs CUDA " + versionString(MIN_DRIVER_VERSION) + " (driver 580 or newer)");
        }
        rc = n.deviceCount(v);
        if (rc == ERROR_INSUFFICIENT_DRIVER) {
            return Availability.no("NVIDIA driver too old for the CUDA runtime found (" + n.errorName(rc)
                    + "; the driver supports CUDA " + versionString(driver) + ")");
        }
        if (rc == ERROR_NO_DEVICE || (rc == CUDA_SUCCESS && v[0] == 0)) {
            return Availability.no("NVIDIA driver present (CUDA " + versionString(driver)
                    + ") but no CUDA device is visible" + (rc == CUDA_SUCCESS ? "" : " (" + n.errorName(rc) + ")"));
        }
        if (rc != CUDA_SUCCESS) {
            return Availability.no("cudaGetDeviceCount failed: " + n.errorName(rc));
        }
        int count = v[0];
        try {
            n.loadCublas();
        } catch (LinkageError | RuntimeException e) {
            return Availability.no("cuBLAS 13 missing: " + rootMessage(e) + " (install the CUDA 13 toolkit, or pip install "
                    + "nvidia-cublas and add its lib folder, site-packages/nvidia/cu13/lib, to LD_LIBRARY_PATH)");
        }
        String runtime = n.runtimeVersion(v) == CUDA_SUCCESS ? versionString(v[0]) : "unknown";
        return Availability.yes(count + " CUDA device(s), driver supports CUDA " + versionString(driver)
                + ", runtime " + runtime + "; cuda:0 = " + n.describe(0));
    }

    /** {@code 13010} as {@code 13.1}. */
    static String versionString(int version) {
        return version / 1000 + "." + (version % 1000) / 10;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m;
    }

    private static void openWithFfm(String library) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(library, arena);
        }
    }

    private static Natives bindings() {
        // Only reached once libcuda.so.1 was found: the first class of this module that touches JavaCPP.
        return new CudaNatives.ProbeBindings();
    }
}
