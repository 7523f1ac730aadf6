package dev.jtensor.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarFloatSum} at a given width: the {@link #LANES} virtual
 * accumulators of {@link FloatSumKernel}'s order held in {@code 32 / lanes} vectors (2 at 512 bits,
 * 4 at 256, 8 at 128), the tree's levels down to one vector run as vector additions, the levels
 * inside that vector as additions of the vector and its lanes rotated by {@code h} (lane {@code j}
 * gets {@code acc[j] + acc[j + h]}, the tree's own operation, so the bits are the tree's), then the
 * scalar tail. At 512 bits the two blocks of the pairwise recursion's last step ({@link #pair}) are
 * read side by side: more independent additions and memory streams in flight, the same operations
 * on each accumulator.
 * Loaded by name from {@link FloatSumKernel} only when the incubator module is present.
 */
final class PanamaFloatSum extends FloatSumKernel {
    // One loop per width, each with its species as a constant: the Vector API compiles to vector
    // instructions only where the JIT sees the species as a constant (a species read from a field
    // made the row sum 7 times slower).
    private static final VectorSpecies<Float> S16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> S4 = FloatVector.SPECIES_128;

    // Lane j of v.rearrange(R<lanes>_<h>) is lane (j + h) mod lanes of v: one tree level is
    // v.add(v.rearrange(...)), exact in lanes j < h (the others are not read).
    private static final VectorShuffle<Float> R16_8 = VectorShuffle.iota(S16, 8, 1, true);
    private static final VectorShuffle<Float> R16_4 = VectorShuffle.iota(S16, 4, 1, true);
    private static final VectorShuffle<Float> R16_2 = VectorShuffle.iota(S16, 2, 1, true);
    private static final VectorShuffle<Float> R16_1 = VectorShuffle.iota(S16, 1, 1, true);
    private static final VectorShuffle<Float> R8_4 = VectorShuffle.iota(S8, 4, 1, true);
    private static final VectorShuffle<Float> R8_2 = VectorShuffle.iota(S8, 2, 1, true);
    private static final VectorShuffle<Float> R8_1 = VectorShuffle.iota(S8, 1, 1, true);
    private static final VectorShuffle<Float> R4_2 = VectorShuffle.iota(S4, 2, 1, true);
    private static final VectorShuffle<Float> R4_1 = VectorShuffle.iota(S4, 1, 1, true);

    private final int bits;

    /** The kernel at {@code bits} (128, 256 or 512) bits. */
    PanamaFloatSum(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("vector width " + bits + " is not 128, 256 or 512");
        }
        this.bits = bits;
    }

    @Override
    float block(float[] a, int off, int n) {
        return switch (bits) {
            case 512 -> block16(a, off, n);
            case 256 -> block8(a, off, n);
            default -> block4(a, off, n);
        };
    }

    // Below 512 bits the pair step sums one block at a time: two blocks side by side need 8
    // accumulator vectors at 256 bits and 16 at 128 (AVX2 has 16 registers), and at 256 bits under
    // -XX:UseAVX=2 they measured slower (tensor-bench/scripts/analysis.md, ReductionBench.sumDim1).

    @Override
    float pair(float[] a, int off, int n) {
        return bits == 512 ? pair16(a, off, n) : super.pair(a, off, n);
    }

    /** {@code s} plus {@code a[from .. to)} one by one. */
    private static float tail(float s, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    // The tree's levels inside one vector. Small enough that the JIT always inlines them (a vector
    // argument of a method that is not inlined is boxed on the heap: check the allocation rate of
    // ReductionBench with -prof gc after a change here).

    /** Levels h = 8, 4, 2, 1 of the tree over the 16 accumulators in {@code v}: their sum, {@code acc[0]}. */
    private static float fold16(FloatVector v) {
        v = v.add(v.rearrange(R16_8));
        v = v.add(v.rearrange(R16_4));
        v = v.add(v.rearrange(R16_2));
        return v.add(v.rearrange(R16_1)).lane(0);
    }

    /** Levels h = 4, 2, 1 of the tree over the 8 accumulators in {@code v}. */
    private static float fold8(FloatVector v) {
        v = v.add(v.rearrange(R8_4));
        v = v.add(v.rearrange(R8_2));
        return v.add(v.rearrange(R8_1)).lane(0);
    }

    /** Levels h = 2, 1 of the tree over the 4 accumulators in {@code v}. */
    private static float fold4(FloatVector v) {
        v = v.add(v.rearrange(R4_2));
        return v.add(v.rearrange(R4_1)).lane(0);
    }

    /** 16 lanes: the accumulators in 2 vectors (accumulators 0-15 and 16-31). */
    private static float block16(float[] a, int off, int n) {
        int full = n - n % LANES;
        FloatVector v0 = FloatVector.zero(S16);
        FloatVector v1 = v0;
        // A full block with a constant trip count: the JIT unrolls it whole (no pre- and post-loops).
        if (full == BLOCK) {
            for (int i = 0; i < BLOCK; i += LANES) {
                int g = off + i;
                v0 = v0.add(FloatVector.fromArray(S16, a, g));
                v1 = v1.add(FloatVector.fromArray(S16, a, g + 16));
            }
        } else {
            for (int g = off, end = off + full; g < end; g += LANES) {
                v0 = v0.add(FloatVector.fromArray(S16, a, g));
                v1 = v1.add(FloatVector.fromArray(S16, a, g + 16));
            }
        }
        return tail(fold16(v0.add(v1)), a, off + full, off + n);
    }

    /** 8 lanes: the accumulators in 4 vectors. */
    private static float block8(float[] a, int off, int n) {
        int full = n - n % LANES;
        FloatVector v0 = FloatVector.zero(S8);
        FloatVector v1 = v0;
        FloatVector v2 = v0;
        FloatVector v3 = v0;
        // A full block with a constant trip count: the JIT unrolls it whole (no pre- and post-loops).
        if (full == BLOCK) {
            for (int i = 0; i < BLOCK; i += LANES) {
                int g = off + i;
                v0 = v0.add(FloatVector.fromArray(S8, a, g));
                v1 = v1.add(FloatVector.fromArray(S8, a, g + 8));
                v2 = v2.add(FloatVector.fromArray(S8, a, g + 16));
                v3 = v3.add(FloatVector.fromArray(S8, a, g + 24));
            }
        } else {
            for (int g = off, end = off + full; g < end; g += LANES) {
                v0 = v0.add(FloatVector.fromArray(S8, a, g));
                v1 = v1.add(FloatVector.fromArray(S8, a, g + 8));
                v2 = v2.add(FloatVector.fromArray(S8, a, g + 16));
                v3 = v3.add(FloatVector.fromArray(S8, a, g + 24));
            }
        }
        // Level h = 16: (v0 + v2), (v1 + v3); level h = 8: their sum.
        return tail(fold8(v0.add(v2).add(v1.add(v3))), a, off + full, off + n);
    }

    /** 4 lanes: the accumulators in 8 vectors. */
    private static float block4(float[] a, int off, int n) {
        int full = n - n % LANES;
        FloatVector v0 = FloatVector.zero(S4);
        FloatVector v1 = v0;
        FloatVector v2 = v0;
        FloatVector v3 = v0;
        FloatVector v4 = v0;
        FloatVector v5 = v0;
        FloatVector v6 = v0;
        FloatVector v7 = v0;
        for (int g = off, end = off + full; g < end; g += LANES) {
            v0 = v0.add(FloatVector.fromArray(S4, a, g));
            v1 = v1.add(FloatVector.fromArray(S4, a, g + 4));
            v2 = v2.add(FloatVector.fromArray(S4, a, g + 8));
            v3 = v3.add(FloatVector.fromArray(S4, a, g + 12));
            v4 = v4.add(FloatVector.fromArray(S4, a, g + 16));
            v5 = v5.add(FloatVector.fromArray(S4, a, g + 20));
            v6 = v6.add(FloatVector.fromArray(S4, a, g + 24));
            v7 = v7.add(FloatVector.fromArray(S4, a, g + 28));
        }
        // Levels h = 16, 8, 4 as vector additions: (v0+v4) + (v2+v6), (v1+v5) + (v3+v7), then those two.
        FloatVector w0 = v0.add(v4).add(v2.add(v6));
        FloatVector w1 = v1.add(v5).add(v3.add(v7));
        return tail(fold4(w0.add(w1)), a, off + full, off + n);
    }

    /**
     * {@link #pair} at 16 lanes: the full left block at {@code off} and the right block of
     * {@code n - BLOCK} values at {@code off + BLOCK}, read side by side, each with exactly the
     * operations of {@link #block16}.
     */
    private static float pair16(float[] a, int off, int n) {
        int r = off + BLOCK;
        int m = n - BLOCK;
        int full = m - m % LANES;
        FloatVector v0 = FloatVector.zero(S16);
        FloatVector v1 = v0;
        FloatVector w0 = v0;
        FloatVector w1 = v0;
        int g = 0;
        for (; g < full; g += LANES) {
            v0 = v0.add(FloatVector.fromArray(S16, a, off + g));
            w0 = w0.add(FloatVector.fromArray(S16, a, r + g));
            v1 = v1.add(FloatVector.fromArray(S16, a, off + g + 16));
            w1 = w1.add(FloatVector.fromArray(S16, a, r + g + 16));
        }
        for (; g < BLOCK; g += LANES) {
            v0 = v0.add(FloatVector.fromArray(S16, a, off + g));
            v1 = v1.add(FloatVector.fromArray(S16, a, off + g + 16));
        }
        return fold16(v0.add(v1)) + tail(fold16(w0.add(w1)), a, r + full, r + m);
    }

    @Override
    String name() {
        return "Vector API, " + bits + "-bit, " + LANES + " accumulators";
    }
}
