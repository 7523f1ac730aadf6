package dev.jtensor.core.cpu;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which vector width the CPU kernels run at, decided once per JVM from the system property
 * {@value #PROPERTY}: {@code auto} (the default: the Vector API's preferred width when the
 * {@code jdk.incubator.vector} module is present, else scalar), {@code scalar}, {@code 128},
 * {@code 256} or {@code 512}. A forced width runs even where the hardware's vectors are narrower
 * (the Vector API then emulates them, correctly but slowly); without the module every mode runs
 * the scalar kernels. The choice changes speed only: every kernel computes the same bits at every
 * width (see {@link FloatSumKernel} for the summation order that makes this so).
 *
 * <p>Public only so that the random kernels in {@code dev.jtensor.core.random} can read it; the
 * package is not exported.
 */
public final class Simd {
    /** The system property that forces a vector width or the scalar kernels. */
    public static final String PROPERTY = "jtensor.simd";

    private static final Logger LOG = LoggerFactory.getLogger(Simd.class);
    private static final int BITS = choose(System.getProperty(PROPERTY, "auto"));

    private Simd() {}

    /**
     * The vector width the kernels run at in this JVM.
     *
     * @return 0 for the scalar kernels, else 128, 256 or 512
     */
    public static int bits() {
        return BITS;
    }

    /** Whether the {@code jdk.incubator.vector} module is in the boot layer. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Parses a value of {@value #PROPERTY} and resolves it against this JVM.
     *
     * @param value {@code auto}, {@code scalar}, {@code 128}, {@code 256} or {@code 512}
     * @return 0 for scalar, else the width in bits
     * @throws IllegalArgumentException for any other value
     */
    static int choose(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int requested = switch (v) {
            case "auto", "" -> -1;
            case "scalar" -> 0;
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                    + " is not a valid value: expected auto, scalar, 128, 256 or 512");
        };
        if (requested == 0) {
            LOG.info("JTensor uses scalar CPU kernels (-D{}=scalar)", PROPERTY);
            return 0;
        }
        if (!vectorModulePresent()) {
            LOG.warn("JTensor uses scalar CPU kernels: the Vector API module jdk.incubator.vector is not present; "
                    + "start the JVM with --add-modules jdk.incubator.vector for vectorised kernels "
                    + "(results are the same bits either way)");
            return 0;
        }
        int preferred;
        try {
            // Loaded by name so that this class never links against the incubator module.
            preferred = (int) Class.forName(Simd.class.getPackageName() + ".VectorWidths")
                    .getDeclaredMethod("preferredBits").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("JTensor uses scalar CPU kernels: the Vector API could not be loaded ({})", e.toString());
            return 0;
        }
        if (requested > 0) {
            if (requested > preferred) {
                LOG.info("JTensor runs {}-bit vector kernels (-D{}); this machine's vectors are {} bits, so the "
                        + "Vector API emulates them slowly", requested, PROPERTY, preferred);
            }
            return requested;
        }
        if (preferred < 128) {
            LOG.info("JTensor uses scalar CPU kernels: the preferred vector size is {} bits, below 128", preferred);
            return 0;
        }
        return Math.min(preferred, 512);
    }
}
