package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API softmax loops at every width against their scalar twin, bit for bit, at awkward
 * sizes (tails of every length) and offsets, and the whole row compositions against a float64
 * reference.
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

    private static void sameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), what + "[" + i + "]");
        }
    }

    private static void sameBits(float expected, float actual, String what) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), what);
    }

    /** Every implementation: the scalar twin and the Vector API loops at each width. */
    private static List<SoftmaxRows> all() {
        List<SoftmaxRows> all = new ArrayList<>();
        all.add(SoftmaxRows.scalar());
        for (int bits : Widths.VECTOR_BITS) {
            all.add(SoftmaxRows.at(bits));
        }
        return all;
    }

    @Test
    void everyLoopAtEveryWidthGivesTheBitsOfItsScalarTwin() {
        SoftmaxRows s = SoftmaxRows.scalar();
        for (int n : Widths.SIZES) {
            for (int off : Widths.OFFSETS) {
                float[] a = data(n + off, n, 3);
                float[] b = data(n + off, n + 100, 1);
                float[] y = data(n + off, n + 7, 1);
                for (int i = 0; i < y.length; i++) {
                    y[i] = -Math.abs(y[i]);
                }
                float shift = s.max(a, off, n);
                for (SoftmaxRows v : all()) {
                    String at = v.name() + ", n=" + n + ", offset " + off + ": ";
                    sameBits(s.max(a, off, n), v.max(a, off, n), at + "max");
                    float[] o1 = new float[a.length];
                    float[] o2 = new float[a.length];
                    sameBits(s.expSumInto(a, off, o1, off, n, shift), v.expSumInto(a, off, o2, off, n, shift),
                            at + "expSumInto");
                    sameBits(o1, o2, at + "expSumInto out");
                    s.scale(o1, off, n, 0.37f);
                    v.scale(o2, off, n, 0.37f);
                    sameBits(o1, o2, at + "scale");
                    s.subtract2(a, off, o1, off, n, 1.25f, -0.5f);
                    v.subtract2(a, off, o2, off, n, 1.25f, -0.5f);
                    sameBits(o1, o2, at + "subtract2");
                    s.expScale(a, off, o1, off, n, shift, 0.75f, -1.5f);
                    v.expScale(a, off, o2, off, n, shift, 0.75f, -1.5f);
                    sameBits(o1, o2, at + "expScale");
                    sameBits(s.dot(a, off, b, off, n, o1, off), v.dot(a, off, b, off, n, o2, off), at + "dot");
                    sameBits(o1, o2, at + "dot products");
                    sameBits(s.sum(a, off, n), v.sum(a, off, n), at + "sum");
                    s.softmaxGrad(y, off, b, off, o1, off, n, 0.3f);
                    v.softmaxGrad(y, off, b, off, o2, off, n, 0.3f);
                    sameBits(o1, o2, at + "softmaxGrad");
                    s.logSoftmaxGrad(y, off, b, off, o1, off, n, 0.9f);
                    v.logSoftmaxGrad(y, off, b, off, o2, off, n, 0.9f);
                    sameBits(o1, o2, at + "logSoftmaxGrad");
                    s.multiply(a, off, b, off, o1, off, n);
                    v.multiply(a, off, b, off, o2, off, n);
                    sameBits(o1, o2, at + "multiply");
                    for (boolean log : new boolean[] {false, true}) {
                        NnKernels.softmaxRow(s, a, off, o1, off, n, log);
                        NnKernels.softmaxRow(v, a, off, o2, off, n, log);
                        sameBits(o1, o2, at + (log ? "logSoftmax row" : "softmax row"));
                        NnKernels.softmaxGradRow(s, b, off, y, off, o1, off, n, log);
                        NnKernels.softmaxGradRow(v, b, off, y, off, o2, off, n, log);
                        sameBits(o1, o2, at + (log ? "logSoftmax backward row" : "softmax backward row"));
                    }
                }
            }
        }
    }

    @Test
    void sumsFollowTheDocumentedOrder() {
        float[] a = data(4099, 5, 2);
        float[] b = data(4099, 6, 2);
        float[] products = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            products[i] = a[i] * b[i];
        }
        float[] scratch = new float[a.length];
        for (SoftmaxRows k : all()) {
            sameBits(FloatSumKernelTest.documented(a, OFF, 4093), k.sum(a, OFF, 4093), k.name() + " sum");
            sameBits(FloatSumKernelTest.documented(products, OFF, 4093), k.dot(a, OFF, b, OFF, 4093, scratch, 0),
                    k.name() + " dot");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 13, 207, 4099})
    void rowSoftmaxMatchesFloat64Reference(int n) {
        for (SoftmaxRows k : all()) {
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
        SoftmaxRows v = SoftmaxRows.best();
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
        SoftmaxRows v = SoftmaxRows.best();
        float[] scratch = new float[1031];
        float[] a = data(1031, 11, 1.0);
        float[] b = data(1031, 12, 1.0);
        int coldSum = Float.floatToRawIntBits(v.sum(a, OFF, 1027));
        int coldDot = Float.floatToRawIntBits(v.dot(a, OFF, b, OFF, 1027, scratch, 0));
        float sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += v.sum(a, OFF, 1027) + v.dot(a, OFF, b, OFF, 1027, scratch, 0);
        }
        assertTrue(Float.isFinite(sink));
        assertEquals(coldSum, Float.floatToRawIntBits(v.sum(a, OFF, 1027)), "sum");
        assertEquals(coldDot, Float.floatToRawIntBits(v.dot(a, OFF, b, OFF, 1027, scratch, 0)), "dot");
    }
}
