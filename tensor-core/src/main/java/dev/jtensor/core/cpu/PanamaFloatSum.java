package dev.jtensor.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarFloatSum}: a block is summed with four vector accumulators
 * of the preferred species, then a lane reduction and a scalar tail. Loaded by name from
 * {@link FloatSumKernel} only when the incubator module is present; refuses (so the scalar kernel
 * is used) when the preferred vectors are narrower than 128 bits.
 */
final class PanamaFloatSum extends FloatSumKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    PanamaFloatSum() {
        if (SPECIES.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + SPECIES.vectorBitSize()
                    + " bits, below 128");
        }
    }

    @Override
    float block(float[] a, int off, int n) {
        int lanes = SPECIES.length();
        int i = 0;
        FloatVector v0 = FloatVector.zero(SPECIES);
        FloatVector v1 = FloatVector.zero(SPECIES);
        FloatVector v2 = FloatVector.zero(SPECIES);
        FloatVector v3 = FloatVector.zero(SPECIES);
        for (; i + 4 * lanes <= n; i += 4 * lanes) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, a, off + i));
            v1 = v1.add(FloatVector.fromArray(SPECIES, a, off + i + lanes));
            v2 = v2.add(FloatVector.fromArray(SPECIES, a, off + i + 2 * lanes));
            v3 = v3.add(FloatVector.fromArray(SPECIES, a, off + i + 3 * lanes));
        }
        for (; i + lanes <= n; i += lanes) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, a, off + i));
        }
        // Lanes are added one by one, in lane order: reduceLanes(ADD) leaves the order to the
        // implementation, and the interpreted and compiled forms differ, which would make a sum
        // depend on JIT warm-up.
        FloatVector v = v0.add(v1).add(v2.add(v3));
        float s = 0;
        for (int lane = 0; lane < lanes; lane++) {
            s += v.lane(lane);
        }
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @Override
    String name() {
        return "Vector API, " + SPECIES.vectorBitSize() + "-bit, 4 accumulators";
    }
}
