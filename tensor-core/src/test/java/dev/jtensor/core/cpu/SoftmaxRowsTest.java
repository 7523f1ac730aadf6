package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API softmax loops against their scalar twin at awkward sizes (tails of every length),
 * at an unaligned offset, and the whole row compositions against a float64 reference.
 */
class SoftmaxRowsTest {
    private static final int OFF = 3;

    private static float[] data(int n, long seed, double scale) {
        Random r = new Random(seed);
        float[] a = new float[n + 2 * OFF];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextGaussian() * scale);
        }
        return a;
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.abs(expected) + 1e-6,
                what + ": expected " + expected + " but got " + actual);
    }

    private static void closeArrays(float[] expected, float[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertTrue(Float.isNaN(actual[i]), what + "[" + i + "] should be NaN");
            } else {
                close(expected[i], actual[i], rel, what + "[" + i + "]");
            }
        }
    }

    @Test
    void vectorLoopsLoadWhenTheModuleIsAdded() {
        // Tests run with --add-modules jdk.incubator.vector, so the fast path must be the one chosen.
        assertNotNull(SoftmaxRows.panamaOrNull(), "the Vector API loops should load in tests");
        assertEquals(SoftmaxRows.panamaOrNull(), SoftmaxRows.best());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 13, 207, 4099})
    void everyLoopMatchesItsScalarTwin(int n) {
        SoftmaxRows v = SoftmaxRows.panamaOrNull();
        assertNotNull(v);
        SoftmaxRows s = SoftmaxRows.scalar();
        for (long seed = 0; seed < 3; seed++) {
            float[] a = data(n, seed, 3);
            float[] b = data(n, seed + 100, 1);
            double sumTol = 1e-5;
            assertEquals(s.max(a, OFF, n), v.max(a, OFF, n), "max");
            float shift = n == 0 ? 0 : s.max(a, OFF, n);
            close(s.expSum(a, OFF, n, shift), v.expSum(a, OFF, n, shift), sumTol, "expSum");
            float[] o1 = new float[a.length];
            float[] o2 = new float[a.length];
            close(s.expSumInto(a, OFF, o1, OFF, n, shift), v.expSumInto(a, OFF, o2, OFF, n, shift), sumTol,
                    "expSumInto");
            closeArrays(o1, o2, 2e-6, "expSumInto out");
            s.scale(o1, OFF, n, 0.37f);
            v.scale(o2, OFF, n, 0.37f);
            closeArrays(o1, o2, 2e-6, "scale");
            s.subtract2(a, OFF, o1, OFF, n, 1.25f, -0.5f);
            v.subtract2(a, OFF, o2, OFF, n, 1.25f, -0.5f);
            closeArrays(o1, o2, 0, "subtract2");
            s.expScale(a, OFF, o1, OFF, n, shift, 0.75f, -1.5f);
            v.expScale(a, OFF, o2, OFF, n, shift, 0.75f, -1.5f);
            closeArrays(o1, o2, 2e-6, "expScale");
            close(s.dot(a, OFF, b, OFF, n), v.dot(a, OFF, b, OFF, n), 1e-4, "dot");
            close(s.sum(a, OFF, n), v.sum(a, OFF, n), 1e-4, "sum");
            s.softmaxGrad(o1, OFF, b, OFF, a, OFF, n, 0.3f);
            float[] a2 = data(n, seed, 3);
            v.softmaxGrad(o1, OFF, b, OFF, a2, OFF, n, 0.3f);
            closeArrays(a, a2, 0, "softmaxGrad");
            float[] y = data(n, seed + 7, 1);
            for (int i = 0; i < y.length; i++) {
                y[i] = -Math.abs(y[i]);
            }
            s.logSoftmaxGrad(y, OFF, b, OFF, o1, OFF, n, 0.9f);
            v.logSoftmaxGrad(y, OFF, b, OFF, o2, OFF, n, 0.9f);
            closeArrays(o1, o2, 2e-6, "logSoftmaxGrad");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 13, 207, 4099})
    void rowSoftmaxMatchesFloat64Reference(int n) {
        for (SoftmaxRows k : new SoftmaxRows[] {SoftmaxRows.scalar(), SoftmaxRows.panamaOrNull()}) {
            float[] a = data(n, n, 1e3);
            double m = Double.NEGATIVE_INFINITY;
            for (int i = OFF; i < OFF + n; i++) {
                m = Math.max(m, a[i]);
            }
            double sum = 0;
            for (int i = OFF; i < OFF + n; i++) {
                sum += Math.exp(a[i] - m);
            }
            float[] soft = new float[a.length];
            float[] logSoft = new float[a.length];
            NnKernels.softmaxRow(k, a, OFF, soft, OFF, n, false);
            NnKernels.softmaxRow(k, a, OFF, logSoft, OFF, n, true);
            for (int i = OFF; i < OFF + n; i++) {
                double p = Math.exp(a[i] - m) / sum;
                close(p, soft[i], 1e-5, k.name() + " softmax[" + i + "]");
                close((a[i] - m) - Math.log(sum), logSoft[i], 1e-5, k.name() + " logSoftmax[" + i + "]");
            }
        }
    }

    @Test
    void nanAndInfinityFollowTheScalarRules() {
        SoftmaxRows v = SoftmaxRows.panamaOrNull();
        float[] a = new float[40];
        a[17] = Float.NaN;
        assertTrue(Float.isNaN(v.max(a, 0, 40)), "a NaN lane makes the max NaN");
        float[] inf = new float[40];
        java.util.Arrays.fill(inf, Float.NEGATIVE_INFINITY);
        assertEquals(Float.NEGATIVE_INFINITY, v.max(inf, 0, 40));
        float[] out = new float[40];
        NnKernels.softmaxRow(v, inf, 0, out, 0, 40, false);
        assertTrue(Float.isNaN(out[0]) && Float.isNaN(out[39]), "softmax of all -inf is NaN, as in PyTorch");
    }

    @Test
    void vectorSumAndDotGiveTheSameBitsBeforeAndAfterJitWarmUp() {
        // reduceLanes(ADD) may order the lanes differently once compiled; these loops must not,
        // or a training run's last digits would depend on when the JIT got to them.
        SoftmaxRows v = SoftmaxRows.panamaOrNull();
        float[] a = data(1031, 11, 1.0);
        float[] b = data(1031, 12, 1.0);
        int coldSum = Float.floatToRawIntBits(v.sum(a, OFF, 1027));
        int coldDot = Float.floatToRawIntBits(v.dot(a, OFF, b, OFF, 1027));
        float sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += v.sum(a, OFF, 1027) + v.dot(a, OFF, b, OFF, 1027);
        }
        assertTrue(Float.isFinite(sink));
        assertEquals(coldSum, Float.floatToRawIntBits(v.sum(a, OFF, 1027)), "sum");
        assertEquals(coldDot, Float.floatToRawIntBits(v.dot(a, OFF, b, OFF, 1027)), "dot");
    }
}
