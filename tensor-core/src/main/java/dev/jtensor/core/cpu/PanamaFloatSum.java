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
        if (n == BLOCK) {
            return fullBlock(a, off);
        }
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
        float s = inLaneOrder(v0.add(v1).add(v2.add(v3)));
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    /**
     * {@link #block} of exactly {@link #BLOCK} elements, the same operations in the same order. The
     * constant trip count lets C2 unroll the loop with no remainder loops, which keeps more loads in
     * flight: a row-wise sum of [4096, 1024] ran 1.5-2x faster than through the general loop, and
     * faster than the general method called with the constant (C2 did not specialise that).
     */
    private static float fullBlock(float[] a, int off) {
        int lanes = SPECIES.length();
        FloatVector v0 = FloatVector.zero(SPECIES);
        FloatVector v1 = v0;
        FloatVector v2 = v0;
        FloatVector v3 = v0;
        for (int i = 0; i < BLOCK; i += 4 * lanes) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, a, off + i));
            v1 = v1.add(FloatVector.fromArray(SPECIES, a, off + i + lanes));
            v2 = v2.add(FloatVector.fromArray(SPECIES, a, off + i + 2 * lanes));
            v3 = v3.add(FloatVector.fromArray(SPECIES, a, off + i + 3 * lanes));
        }
        return inLaneOrder(v0.add(v1).add(v2.add(v3)));
    }

    /** {@link #block2} of exactly {@link #BLOCK} elements each (see {@link #fullBlock}). */
    private static void fullBlock2(float[] a, int p, int q, float[] out) {
        int lanes = SPECIES.length();
        FloatVector v0 = FloatVector.zero(SPECIES);
        FloatVector v1 = v0;
        FloatVector v2 = v0;
        FloatVector v3 = v0;
        FloatVector w0 = v0;
        FloatVector w1 = v0;
        FloatVector w2 = v0;
        FloatVector w3 = v0;
        for (int i = 0; i < BLOCK; i += 4 * lanes) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, a, p + i));
            w0 = w0.add(FloatVector.fromArray(SPECIES, a, q + i));
            v1 = v1.add(FloatVector.fromArray(SPECIES, a, p + i + lanes));
            w1 = w1.add(FloatVector.fromArray(SPECIES, a, q + i + lanes));
            v2 = v2.add(FloatVector.fromArray(SPECIES, a, p + i + 2 * lanes));
            w2 = w2.add(FloatVector.fromArray(SPECIES, a, q + i + 2 * lanes));
            v3 = v3.add(FloatVector.fromArray(SPECIES, a, p + i + 3 * lanes));
            w3 = w3.add(FloatVector.fromArray(SPECIES, a, q + i + 3 * lanes));
        }
        out[0] = inLaneOrder(v0.add(v1).add(v2.add(v3)));
        out[1] = inLaneOrder(w0.add(w1).add(w2.add(w3)));
    }

    /**
     * The lanes of {@code v} added one by one, in lane order: reduceLanes(ADD) leaves the order to
     * the implementation, and the interpreted and compiled forms differ, which would make a sum
     * depend on JIT warm-up.
     */
    static float inLaneOrder(FloatVector v) {
        float s = 0;
        for (int lane = 0; lane < SPECIES.length(); lane++) {
            s += v.lane(lane);
        }
        return s;
    }

    /**
     * Two runs interleaved, each with the four accumulators, lane order and tail of {@link #block},
     * so each result has the same bits as {@code block} gives it.
     */
    @Override
    void block2(float[] a, int p, int q, int n, float[] out) {
        if (n == BLOCK) {
            fullBlock2(a, p, q, out);
            return;
        }
        int lanes = SPECIES.length();
        int i = 0;
        FloatVector v0 = FloatVector.zero(SPECIES);
        FloatVector v1 = v0;
        FloatVector v2 = v0;
        FloatVector v3 = v0;
        FloatVector w0 = v0;
        FloatVector w1 = v0;
        FloatVector w2 = v0;
        FloatVector w3 = v0;
        for (; i + 4 * lanes <= n; i += 4 * lanes) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, a, p + i));
            w0 = w0.add(FloatVector.fromArray(SPECIES, a, q + i));
            v1 = v1.add(FloatVector.fromArray(SPECIES, a, p + i + lanes));
            w1 = w1.add(FloatVector.fromArray(SPECIES, a, q + i + lanes));
            v2 = v2.add(FloatVector.fromArray(SPECIES, a, p + i + 2 * lanes));
            w2 = w2.add(FloatVector.fromArray(SPECIES, a, q + i + 2 * lanes));
            v3 = v3.add(FloatVector.fromArray(SPECIES, a, p + i + 3 * lanes));
            w3 = w3.add(FloatVector.fromArray(SPECIES, a, q + i + 3 * lanes));
        }
        for (; i + lanes <= n; i += lanes) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, a, p + i));
            w0 = w0.add(FloatVector.fromArray(SPECIES, a, q + i));
        }
        float s = inLaneOrder(v0.add(v1).add(v2.add(v3)));
        float t = inLaneOrder(w0.add(w1).add(w2.add(w3)));
        for (; i < n; i++) {
            s += a[p + i];
            t += a[q + i];
        }
        out[0] = s;
        out[1] = t;
    }

    @Override
    String name() {
        return "Vector API, " + SPECIES.vectorBitSize() + "-bit, 4 accumulators";
    }
}
