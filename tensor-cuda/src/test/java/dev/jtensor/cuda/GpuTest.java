package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtensor.core.Device;
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
}
