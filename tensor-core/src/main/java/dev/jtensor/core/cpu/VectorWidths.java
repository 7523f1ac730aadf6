package dev.jtensor.core.cpu;

import jdk.incubator.vector.FloatVector;

/**
 * What {@link Simd} asks the Vector API, loaded by name so that {@code Simd} itself never links
 * against the incubator module.
 */
final class VectorWidths {
    private VectorWidths() {}

    /** The preferred vector size of this machine, in bits. */
    static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
