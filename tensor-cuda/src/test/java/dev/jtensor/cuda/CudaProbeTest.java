package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.BackendProvider.Availability;
import dev.jtensor.core.spi.Backends;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The probe's reasons, each failure with its own, through fake native steps; and the real probe on this machine. */
class CudaProbeTest {
    /** Native steps that succeed unless a field says otherwise. */
    static class FakeNatives implements CudaProbe.Natives {
        RuntimeException runtimeFailure;
        LinkageError runtimeLinkError;
        int driverRc;
        int driverVersion = 13010;
        int countRc;
        int count = 2;
        LinkageError cublasError;

        @Override
        public void loadRuntime() {
            if (runtimeLinkError != null) {
                throw runtimeLinkError;
            }
            if (runtimeFailure != null) {
                throw runtimeFailure;
            }
        }

        @Override
        public int driverVersion(int[] out) {
            out[0] = driverVersion;
            return driverRc;
        }

        @Override
        public int runtimeVersion(int[] out) {
            out[0] = 13010;
            return 0;
        }

        @Override
        public int deviceCount(int[] out) {
            out[0] = count;
            return countRc;
        }

        @Override
        public String errorName(int status) {
            return switch (status) {
                case 34 -> "cudaErrorStubLibrary";
                case 35 -> "cudaErrorInsufficientDriver";
                case 100 -> "cudaErrorNoDevice";
                default -> "cudaError" + status;
            };
        }

        @Override
        public void loadCublas() {
            if (cublasError != null) {
                throw cublasError;
            }
        }

        @Override
        public String describe(int device) {
            return "NVIDIA H100 80GB HBM3 (sm_90, 81079 MiB)";
        }
    }

    private static final CudaProbe.LibraryCheck DRIVER_PRESENT = lib -> {};

    private static Availability probe(FakeNatives n) {
        return CudaProbe.probe(false, DRIVER_PRESENT, () -> n);
    }

    @Test
    void disabledByProperty() {
        Availability a = CudaProbe.probe(true, lib -> fail("must not look for the driver"), () -> fail("no bindings"));
        assertEquals(Availability.no("CUDA disabled by -Djtensor.cuda.disable=true"), a);
    }

    @Test
    void noDriverNeverTouchesTheBindings() {
        Supplier<CudaProbe.Natives> bindings = () -> fail("the bindings must not be touched without a driver");
        Availability a = CudaProbe.probe(false, lib -> {
            throw new IllegalArgumentException("Cannot open library: " + lib);
        }, bindings);
        assertFalse(a.available());
        assertEquals("no NVIDIA driver: libcuda.so.1 cannot be loaded (Cannot open library: libcuda.so.1)", a.reason());
    }

    @Test
    void runtimeLibrariesMissing() {
        FakeNatives n = new FakeNatives();
        n.runtimeLinkError = new UnsatisfiedLinkError("no jnicudart in java.library.path");
        n.runtimeLinkError.initCause(new UnsatisfiedLinkError("libcudart.so.13: cannot open shared object file"));
        Availability a = probe(n);
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("CUDA 13 runtime libraries missing or unloadable: "
                + "libcudart.so.13: cannot open shared object file"), a.reason());
        assertTrue(a.reason().contains("LD_LIBRARY_PATH"), a.reason());
    }

    @Test
    void stubLibraryInsteadOfADriver() {
        FakeNatives n = new FakeNatives();
        n.driverRc = 34;
        assertEquals("libcuda.so.1 is the CUDA toolkit's stub library, not an NVIDIA driver (cudaErrorStubLibrary)",
                probe(n).reason());
    }

    @Test
    void driverTooOld() {
        FakeNatives n = new FakeNatives();
        n.driverVersion = 12040;
        assertEquals("NVIDIA driver too old: it supports CUDA 12.4, tensor-cuda needs CUDA 13.0 (driver 580 or newer)",
                probe(n).reason());
        n.driverVersion = 13000;
        n.countRc = 35;
        assertEquals("NVIDIA driver too old for the CUDA runtime found (cudaErrorInsufficientDriver; "
                + "the driver supports CUDA 13.0)", probe(n).reason());
    }

    @Test
    void noDevice() {
        FakeNatives n = new FakeNatives();
        n.countRc = 100;
        assertEquals("NVIDIA driver present (CUDA 13.1) but no CUDA device is visible (cudaErrorNoDevice)",
                probe(n).reason());
        n.countRc = 0;
        n.count = 0;
        assertEquals("NVIDIA driver present (CUDA 13.1) but no CUDA device is visible", probe(n).reason());
    }

    @Test
    void cublasMissing() {
        FakeNatives n = new FakeNatives();
        n.cublasError = new UnsatisfiedLinkError("libcublas.so.13: cannot open shared object file");
        Availability a = probe(n);
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("cuBLAS 13 missing: libcublas.so.13: cannot open shared object file"), a.reason());
        assertTrue(a.reason().contains("nvidia-cublas"), a.reason());
    }

    @Test
    void availableDescribesTheDevices() {
        Availability a = probe(new FakeNatives());
        assertTrue(a.available());
        assertEquals("2 CUDA device(s), driver supports CUDA 13.1, runtime 13.1; cuda:0 = NVIDIA H100 80GB HBM3 "
                + "(sm_90, 81079 MiB)", a.reason());
    }

    private static boolean driverLibraryPresent() {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup("libcuda.so.1", arena);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void thisMachinesProbeIsCachedAndExplainsItself() {
        Availability a = CudaProbe.availability();
        assertTrue(a == CudaProbe.availability(), "probed once, cached");
        assertEquals(a, Backends.availability("cuda"), "core reaches this provider through ServiceLoader");
        if (!driverLibraryPresent()) {
            assertFalse(a.available());
            assertTrue(a.reason().startsWith("no NVIDIA driver: libcuda.so.1 cannot be loaded ("), a.reason());
        }
        assertEquals(a.available(), Cuda.isAvailable());
        assertEquals(a.reason(), Cuda.status());
    }

    @Test
    void deviceCudaThrowsWithTheReasonAndNothingElseIsAffected() {
        if (Cuda.isAvailable()) {
            assertEquals("cuda:0", Device.cuda().toString());
            return;
        }
        TensorException e = assertThrows(TensorException.class, Device::cuda);
        assertEquals("device cuda:0 is not available: " + Cuda.status(), e.getMessage());
        assertThrows(TensorException.class, () -> Device.of("cuda:1"));
        assertThrows(TensorException.class, () -> Tensor.ones(2).to(new Device("cuda", 0)));
        // The CPU path is untouched.
        assertEquals(6, Tensor.ones(2, 3).toDoubleArray().length);
        assertEquals(Device.CPU, Tensor.ones(2).to(Device.cpu()).device());
    }
}
