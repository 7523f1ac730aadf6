package dev.jtensor.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarFloatSum} at a given width: the {@link #LANES} virtual
 * accumulators of {@link FloatSumKernel}'s order held in {@code 32 / lanes} vectors (2 at 512 bits,
 * 4 at 256, 8 at 128), the tree's levels down to one vector run as vector additions, the rest lane
 * by lane, then the scalar tail. Loaded by name from {@link FloatSumKernel} only when the incubator
 * module is present.
 */
final class PanamaFloatSum extends FloatSumKernel {
    // One loop per width, each with its species as a constant: the Vector API compiles to vector
    // instructions only where the JIT sees the species as a constant (a species read from a field
    // made the row sum 7 times slower).
    private static final VectorSpecies<Float> S16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> S4 = FloatVector.SPECIES_128;

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

    @Override
    void block2(float[] a, int p, int q, int n, float[] out) {
        switch (bits) {
            case 512 -> block16x2(a, p, q, n, out);
            case 256 -> block8x2(a, p, q, n, out);
            default -> {
                out[0] = block4(a, p, n);
                out[1] = block4(a, q, n);
            }
        }
    }

    // The tree's last levels run lane by lane inside each loop's method: a method that takes a
    // vector argument is not always inlined, and then its vectors are boxed on the heap (a row sum
    // ran twice as slow with such a helper).

    /** {@code s} plus {@code a[from .. to)} one by one. */
    private static float tail(float s, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** The tree's levels h = 4, 2, 1 over eight accumulators (lanes {@code t[j] + t[j + h]}). */
    private static float tree8(float t0, float t1, float t2, float t3, float t4, float t5, float t6, float t7) {
        return ((t0 + t4) + (t2 + t6)) + ((t1 + t5) + (t3 + t7));
    }

    /** 16 lanes: the accumulators in 2 vectors. */
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
        FloatVector v = v0.add(v1);
        return tail(tree8(v.lane(0) + v.lane(8), v.lane(1) + v.lane(9), v.lane(2) + v.lane(10),
                v.lane(3) + v.lane(11), v.lane(4) + v.lane(12), v.lane(5) + v.lane(13),
                v.lane(6) + v.lane(14), v.lane(7) + v.lane(15)), a, off + full, off + n);
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
        FloatVector v = v0.add(v2).add(v1.add(v3));
        return tail(tree8(v.lane(0), v.lane(1), v.lane(2), v.lane(3), v.lane(4), v.lane(5),
                v.lane(6), v.lane(7)), a, off + full, off + n);
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
        FloatVector v = w0.add(w1);
        return tail((v.lane(0) + v.lane(2)) + (v.lane(1) + v.lane(3)), a, off + full, off + n);
    }

    /**
     * Two runs side by side (two memory streams, which lets the processor overlap their cache
     * misses), each with exactly the operations of {@link #block16}.
     */
    private static void block16x2(float[] a, int p, int q, int n, float[] out) {
        int full = n - n % LANES;
        FloatVector v0 = FloatVector.zero(S16);
        FloatVector v1 = v0;
        FloatVector w0 = v0;
        FloatVector w1 = v0;
        // A full block with a constant trip count: the JIT unrolls it whole (no pre- and post-loops).
        if (full == BLOCK) {
            for (int g = 0; g < BLOCK; g += LANES) {
                v0 = v0.add(FloatVector.fromArray(S16, a, p + g));
                w0 = w0.add(FloatVector.fromArray(S16, a, q + g));
                v1 = v1.add(FloatVector.fromArray(S16, a, p + g + 16));
                w1 = w1.add(FloatVector.fromArray(S16, a, q + g + 16));
            }
        } else {
            for (int g = 0; g < full; g += LANES) {
                v0 = v0.add(FloatVector.fromArray(S16, a, p + g));
                w0 = w0.add(FloatVector.fromArray(S16, a, q + g));
                v1 = v1.add(FloatVector.fromArray(S16, a, p + g + 16));
                w1 = w1.add(FloatVector.fromArray(S16, a, q + g + 16));
            }
        }
        FloatVector v = v0.add(v1);
        FloatVector w = w0.add(w1);
        out[0] = tail(tree8(v.lane(0) + v.lane(8), v.lane(1) + v.lane(9), v.lane(2) + v.lane(10),
                v.lane(3) + v.lane(11), v.lane(4) + v.lane(12), v.lane(5) + v.lane(13),
                v.lane(6) + v.lane(14), v.lane(7) + v.lane(15)), a, p + full, p + n);
        out[1] = tail(tree8(w.lane(0) + w.lane(8), w.lane(1) + w.lane(9), w.lane(2) + w.lane(10),
                w.lane(3) + w.lane(11), w.lane(4) + w.lane(12), w.lane(5) + w.lane(13),
                w.lane(6) + w.lane(14), w.lane(7) + w.lane(15)), a, q + full, q + n);
    }

    /** {@link #block16x2} with the operations of {@link #block8}. */
    private static void block8x2(float[] a, int p, int q, int n, float[] out) {
        int full = n - n % LANES;
        FloatVector v0 = FloatVector.zero(S8);
        FloatVector v1 = v0;
        FloatVector v2 = v0;
        FloatVector v3 = v0;
        FloatVector w0 = v0;
        FloatVector w1 = v0;
        FloatVector w2 = v0;
        FloatVector w3 = v0;
        // A full block with a constant trip count: the JIT unrolls it whole (no pre- and post-loops).
        if (full == BLOCK) {
            for (int g = 0; g < BLOCK; g += LANES) {
                v0 = v0.add(FloatVector.fromArray(S8, a, p + g));
                w0 = w0.add(FloatVector.fromArray(S8, a, q + g));
                v1 = v1.add(FloatVector.fromArray(S8, a, p + g + 8));
                w1 = w1.add(FloatVector.fromArray(S8, a, q + g + 8));
                v2 = v2.add(FloatVector.fromArray(S8, a, p + g + 16));
                w2 = w2.add(FloatVector.fromArray(S8, a, q + g + 16));
                v3 = v3.add(FloatVector.fromArray(S8, a, p + g + 24));
                w3 = w3.add(FloatVector.fromArray(S8, a, q + g + 24));
            }
        } else {
            for (int g = 0; g < full; g += LANES) {
                v0 = v0.add(FloatVector.fromArray(S8, a, p + g));
                w0 = w0.add(FloatVector.fromArray(S8, a, q + g));
                v1 = v1.add(FloatVector.fromArray(S8, a, p + g + 8));
                w1 = w1.add(FloatVector.fromArray(S8, a, q + g + 8));
                v2 = v2.add(FloatVector.fromArray(S8, a, p + g + 16));
                w2 = w2.add(FloatVector.fromArray(S8, a, q + g + 16));
                v3 = v3.add(FloatVector.fromArray(S8, a, p + g + 24));
                w3 = w3.add(FloatVector.fromArray(S8, a, q + g + 24));
            }
        }
        FloatVector v = v0.add(v2).add(v1.add(v3));
        FloatVector w = w0.add(w2).add(w1.add(w3));
        out[0] = tail(tree8(v.lane(0), v.lane(1), v.lane(2), v.lane(3), v.lane(4), v.lane(5),
                v.lane(6), v.lane(7)), a, p + full, p + n);
        out[1] = tail(tree8(w.lane(0), w.lane(1), w.lane(2), w.lane(3), w.lane(4), w.lane(5),
                w.lane(6), w.lane(7)), a, q + full, q + n);
    }

    @Override
    String name() {
        return "Vector API, " + bits + "-bit, " + LANES + " accumulators";
    }
}
