package dev.jtensor.core.random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides once, at class initialisation, whether the random kernels use the Vector API, and logs
 * why when they do not. The vectorised Box–Muller needs 8 float lanes (256-bit vectors, as in
 * PyTorch's AVX2 kernel) in the preferred species; with narrower hardware vectors the incubator API
 * would emulate them slowly, so the scalar twin runs instead. Both give identical bits.
 */
final class VectorAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(VectorAvailability.class);

    /** Whether {@link NormalVectorKernel} is used for the float32 block path. */
    static final boolean NORMAL_VECTOR = detect();

    private VectorAvailability() {}

    private static boolean detect() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.info("Vector API absent (start the JVM with --add-modules jdk.incubator.vector): "
                    + "random normals use the scalar Box-Muller kernel, with identical results");
            return false;
        }
        try {
            int bits = NormalVectorKernel.preferredBits();
            if (bits < 256) {
                LOG.info("preferred vector size is {} bits (< 256): random normals use the scalar Box-Muller kernel", bits);
                return false;
            }
            return true;
        } catch (LinkageError e) {
            LOG.info("Vector API not usable ({}): random normals use the scalar Box-Muller kernel", e.toString());
            return false;
        }
    }
}
