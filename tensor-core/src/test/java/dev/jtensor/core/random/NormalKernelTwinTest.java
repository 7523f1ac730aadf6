package dev.jtensor.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vectorised Box–Muller block against its scalar twin, bit for bit. */
class NormalKernelTwinTest {
    private static void assertSameBits(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                throw new AssertionError(what + ": element " + i + " scalar " + want[i] + " vector " + got[i]);
            }
        }
    }

    private static void compare(float[] uniforms, int blocks, float mean, float std, String what) {
        float[] s = uniforms.clone();
        float[] v = uniforms.clone();
        NormalKernels.transformBlocksScalar(s, 0, blocks, mean, std);
        NormalVectorKernel.transformBlocks(v, 0, blocks, mean, std);
        assertSameBits(s, v, what);
    }

    @Test
    void vectorKernelIsChosenWhereVectorsAreWideEnough() {
        // The build runs tests with --add-modules jdk.incubator.vector; -Djtensor.simd may force a width.
        assertEquals(dev.jtensor.core.cpu.Simd.bits() >= 256, VectorAvailability.NORMAL_VECTOR);
    }

    @Test
    void twinsAgreeAtAwkwardSizes() {
        SplittableRandom r = new SplittableRandom(1);
        for (int blocks : new int[] {0, 1, 7, 13, 207, 4099}) {
            float[] u = new float[16 * blocks + 5];
            for (int i = 0; i < u.length; i++) {
                u[i] = (r.nextInt() & 0xFFFFFF) * 0x1.0p-24f;
            }
            compare(u, blocks, 0f, 1f, "blocks=" + blocks);
            compare(u, blocks, 2.5f, 0.3f, "blocks=" + blocks + " mean/std");
        }
    }

    @Test
    void twinsAgreeOnEdgeAndSweptInputs() {
        // Every 97th of the 2^24 possible uniforms, in both the radius and the angle lanes, plus the ends.
        int count = (1 << 24) / 97 + 2;
        float[] u = new float[((count + 7) / 8) * 16];
        int k = 0;
        for (int b = 0; b < u.length / 16; b++) {
            for (int j = 0; j < 8; j++) {
                int idx = Math.min(k++ * 97, (1 << 24) - 1);
                float w = idx * 0x1.0p-24f;
                u[16 * b + j] = w;
                u[16 * b + 8 + j] = ((1 << 24) - 1 - idx) * 0x1.0p-24f;
            }
        }
        u[0] = 0f;
        u[8] = ((1 << 24) - 1) * 0x1.0p-24f;
        compare(u, u.length / 16, 0f, 1f, "sweep");
        compare(u, u.length / 16, -1f, 3f, "sweep mean/std");
    }

    @Test
    void fillMatchesPerDrawDefinition() {
        // The bulk path (fillUnitFloats + blocks + tail) equals drawing uniforms one by one.
        for (int n : new int[] {16, 17, 31, 32, 33, 207, 4099}) {
            MersenneTwister a = new MersenneTwister(n);
            MersenneTwister b = new MersenneTwister(n);
            float[] got = new float[n];
            NormalKernels.fillFloatBlock(a, got, 0, n, 0f, 1f);
            float[] want = new float[n];
            for (int i = 0; i < n; i++) {
                want[i] = b.unitFloat();
            }
            NormalKernels.transformBlocksScalar(want, 0, n / 16, 0f, 1f);
            if (n % 16 != 0) {
                for (int i = n - 16; i < n; i++) {
                    want[i] = b.unitFloat();
                }
                NormalKernels.transformBlocksScalar(want, n - 16, 1, 0f, 1f);
            }
            assertSameBits(want, got, "n=" + n);
            assertEquals(b.nextInt(), a.nextInt());
        }
    }

    @Test
    void bulkUniformsMatchSingleDraws() {
        MersenneTwister a = new MersenneTwister(3);
        MersenneTwister b = new MersenneTwister(3);
        float[] got = new float[3000];
        a.fillUnitFloats(got, 0, 1);
        a.fillUnitFloats(got, 1, 622);
        a.fillUnitFloats(got, 623, 2377);
        float[] want = new float[3000];
        for (int i = 0; i < want.length; i++) {
            want[i] = b.unitFloat();
        }
        assertTrue(Arrays.equals(want, got));
        assertEquals(b.left(), a.left());
        assertEquals(b.nextIndex(), a.nextIndex());
    }
}
