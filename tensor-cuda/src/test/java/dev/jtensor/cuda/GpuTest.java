package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that need a GPU: each test is skipped, visibly and with the probe's reason, when
 * CUDA cannot be used (an assumption per test, not in {@code @BeforeAll}, which Surefire would hide).
 */
abstract class GpuTest {
    /** The GPU the tests run on. */
    Device gpu;

    @BeforeEach
    void requireGpu() {
        assumeTrue(Cuda.isAvailable(), Cuda::status);
        gpu = Device.cuda();
    }

    /**
     * The GPU result equals the CPU result: same dtype and shape, the GPU tensor on the GPU, integers
     * and bools exactly, floats within a tolerance (summation orders differ).
     */
    void assertSame(Tensor cpu, Tensor gpuResult, String what) {
        assertSame(cpu, gpuResult, what, cpu.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12);
    }

    /** {@link #assertSame(Tensor, Tensor, String)} with a relative tolerance for floats (absolute: a tenth of it). */
    void assertSame(Tensor cpu, Tensor gpuResult, String what, double rtol) {
        assertEquals(gpu, gpuResult.device(), what + ": result device");
        assertEquals(cpu.dtype(), gpuResult.dtype(), what + ": dtype");
        assertArrayEquals(cpu.shape(), gpuResult.shape(), what + ": shape");
        double[] want = cpu.toDoubleArray();
        double[] got = gpuResult.toDoubleArray();
        double atol = rtol / 10;
        for (int i = 0; i < want.length; i++) {
            boolean ok = cpu.dtype().isFloatingPoint()
                    ? (Double.isNaN(want[i]) ? Double.isNaN(got[i])
                            : want[i] == got[i] || Math.abs(want[i] - got[i]) <= atol + rtol * Math.abs(want[i]))
                    : want[i] == got[i];
            assertTrue(ok, what + ": element " + i + " is " + got[i] + " on the GPU, " + want[i] + " on the CPU");
        }
    }

    /** A float tensor of {@code shape} with values in [-2, 2) from a fixed seed. */
    static Tensor randomFloats(long seed, DType dtype, long... shape) {
        java.util.Random rnd = new java.util.Random(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round((rnd.nextDouble() * 4 - 2) * 1000) / 1000.0;
        }
        return Tensor.fromArray(v, shape).to(dtype);
    }
}
