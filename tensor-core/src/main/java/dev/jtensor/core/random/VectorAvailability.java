package dev.jtensor.core.random;

import dev.jtensor.core.cpu.Simd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides once, at class initialisation, whether the random kernels use the Vector API, following
 * {@link Simd}'s choice of width. The vectorised Box–Muller needs 8 float lanes (256-bit vectors, as
 * in PyTorch's AVX2 kernel); at 128 bits or in the scalar mode the scalar twin runs instead. Both give
 * identical bits.
 */
final class VectorAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(VectorAvailability.class);

    /** Whether {@link NormalVectorKernel} is used for the float32 block path. */
    static final boolean NORMAL_VECTOR = detect();

    private VectorAvailability() {}

    private static boolean detect() {
        // Simd has logged why when it chose the scalar kernels (no Vector API, or -Djtensor.simd=scalar).
        int bits = Simd.bits();
        if (bits != 0 && bits < 256) {
            LOG.info("vector width is {} bits (< 256): random normals use the scalar Box-Muller kernel, with "
                    + "identical results", bits);
        }
        return bits >= 256;
    }
}
