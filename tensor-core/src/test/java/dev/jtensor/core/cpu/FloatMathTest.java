package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FloatMath}'s accuracy against {@link StrictMath} on a spread of every float bit pattern, its
 * special values, and {@link PanamaFloatMath} against it bit for bit, before and after the JIT has
 * compiled the vector code (the property the two classes exist for).
 */
class FloatMathTest {
    /** Every 4093rd bit pattern: about a million floats of every sign, exponent and mantissa. */
    private static final int STRIDE = 4093;

    private static long ulps(float a, float b) {
        int ia = Float.floatToRawIntBits(a);
        int ib = Float.floatToRawIntBits(b);
        long la = ia < 0 ? -(long) (ia & 0x7fffffff) : ia;
        long lb = ib < 0 ? -(long) (ib & 0x7fffffff) : ib;
        return Math.abs(la - lb);
    }

    private static void accurate(String name, UnaryOperator<Float> f, DoubleUnaryOperator reference, long maxUlps) {
        long worst = 0;
        for (long bits = 0; bits <= 0xffffffffL; bits += STRIDE) {
            float x = Float.intBitsToFloat((int) bits);
            float got = f.apply(x);
            float want = (float) reference.applyAsDouble(x);
            if (Float.isNaN(want) || Float.isNaN(got)) {
                if (Float.isNaN(want) != Float.isNaN(got)) {
                    fail(name + "(" + x + ") = " + got + ", expected " + want);
                }
                continue;
            }
            long u = ulps(got, want);
            if (u > maxUlps) {
                fail(name + "(" + x + ") = " + got + ", expected " + want + ": " + u + " ulps apart");
            }
            worst = Math.max(worst, u);
        }
        assertTrue(worst <= maxUlps);
    }

    @Test
    void expIsWithinOneUlp() {
        accurate("exp", FloatMath::exp, StrictMath::exp, 1);
    }

    @Test
    void logIsWithinOneUlp() {
        accurate("log", FloatMath::log, StrictMath::log, 1);
    }

    @Test
    void tanhIsWithinTwoUlps() {
        accurate("tanh", FloatMath::tanh, StrictMath::tanh, 2);
    }

    @Test
    void sigmoidAndGeluAreWithinAFewUlps() {
        // Sigmoid in float, as PyTorch's float32 kernel: e^-x overflows to infinity below -88.7, so 0.
        accurate("sigmoid", FloatMath::sigmoid, x -> 1f / (1f + (float) StrictMath.exp(-x)), 2);
        // The tanh GELU: 1 + tanh(inner) cancels where tanh is near -1, so tanh's 2 ulps (of a number
        // near 1) become many ulps of the result; bound the error by them instead, |x|/2 * 2 ulp(1).
        for (long bits = 0; bits <= 0xffffffffL; bits += STRIDE) {
            float x = Float.intBitsToFloat((int) bits);
            float inner = (x * x * x * FloatMath.GELU_KAPPA + x) * FloatMath.GELU_BETA;
            float want = x * 0.5f * (1f + (float) StrictMath.tanh(inner));
            float got = FloatMath.geluTanh(x);
            boolean ok = Float.isNaN(want) ? Float.isNaN(got)
                    : ulps(got, want) <= 2 || Math.abs(got - want) <= Math.abs(x) * 0x1p-23f * 1.5f;
            if (!ok) {
                fail("geluTanh(" + x + ") = " + got + ", expected " + want);
            }
        }
    }

    @Test
    void specialValues() {
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(1f, FloatMath.exp(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(88.73f));
        assertEquals((float) StrictMath.exp(88.72f), FloatMath.exp(88.72f));
        assertEquals(Float.MIN_VALUE, FloatMath.exp(-103.5f)); // a subnormal result, rounded once
        assertEquals(0f, FloatMath.exp(-104f));
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));

        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(0f));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(-0f));
        assertEquals(0f, FloatMath.log(1f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.log(-1f)));
        assertTrue(Float.isNaN(FloatMath.log(Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(FloatMath.log(Float.NaN)));
        assertEquals((float) StrictMath.log(Float.MIN_VALUE), FloatMath.log(Float.MIN_VALUE));

        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatMath.tanh(-0f)));
        assertEquals(0f, FloatMath.tanh(0f));
        assertEquals(1f, FloatMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(-1e30f));
        assertEquals(1e-30f, FloatMath.tanh(1e-30f));
        assertTrue(Float.isNaN(FloatMath.tanh(Float.NaN)));
    }

    private static float[] sample() {
        float[] special = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, 88.72f, 88.73f, -103.5f, -104f, 9f, -9f, 20f, 1e-30f};
        int n = 1 << 16;
        float[] a = new float[n];
        System.arraycopy(special, 0, a, 0, special.length);
        long bits = 12345;
        for (int i = special.length; i < n; i++) {
            bits = bits * 6364136223846793005L + 1442695040888963407L;
            // Half of them bit patterns of every kind, half in the range where the functions are busy.
            a[i] = (i & 1) == 0 ? Float.intBitsToFloat((int) (bits >>> 32)) : (float) ((bits >>> 40) / (double) (1L << 24) * 40 - 20);
        }
        return a;
    }

    private interface Loop {
        void run(float[] a, float[] out, int n);
    }

    private static void sameBits(String name, Loop vector, UnaryOperator<Float> scalar) {
        float[] a = sample();
        int n = a.length;
        float[] cold = new float[n];
        vector.run(a, cold, n);
        for (int i = 0; i < n; i++) {
            float want = scalar.apply(a[i]);
            boolean same = Float.isNaN(want) ? Float.isNaN(cold[i])
                    : Float.floatToRawIntBits(want) == Float.floatToRawIntBits(cold[i]);
            if (!same) {
                fail(name + "(" + a[i] + "): vector lane " + cold[i] + ", scalar " + want);
            }
        }
        // Enough calls for C2 to compile the loop; its results must not move by a bit.
        float[] warm = new float[n];
        for (int round = 0; round < 200; round++) {
            vector.run(a, warm, n);
        }
        for (int i = 0; i < n; i++) {
            if (Float.floatToRawIntBits(warm[i]) != Float.floatToRawIntBits(cold[i])
                    && !(Float.isNaN(warm[i]) && Float.isNaN(cold[i]))) {
                fail(name + "(" + a[i] + ") changed once compiled: " + cold[i] + " -> " + warm[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void vectorLanesHaveTheScalarBitsColdAndWarm(int bits) {
        PanamaFloatMath m = PanamaFloatMath.at(bits);
        sameBits("exp", (a, out, n) -> m.exp(a, 0, 1f, 0f, 0f, out, 0, 1f, null, 0, n), FloatMath::exp);
        sameBits("exp(-x)", (a, out, n) -> m.exp(a, 0, -1f, 0f, 0f, out, 0, 1f, null, 0, n),
                x -> FloatMath.exp(-x));
        sameBits("log", (a, out, n) -> m.log(a, 0, out, 0, n), FloatMath::log);
        sameBits("tanh", (a, out, n) -> m.tanh(a, 0, out, 0, n, false), FloatMath::tanh);
        sameBits("geluTanh", (a, out, n) -> m.tanh(a, 0, out, 0, n, true), FloatMath::geluTanh);
    }

    /** Every awkward length and offset: whole vectors, then the tail, each element with FloatMath's bits. */
    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void theExponentialLoopShiftsScalesAndSubtractsAtAnyLengthAndOffset(int bits) {
        PanamaFloatMath math = PanamaFloatMath.at(bits);
        for (int n : Widths.SIZES) {
            for (int off : Widths.OFFSETS) {
                float[] a = new float[n + off];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) Math.sin(i * 0.37) * 12f;
                }
                float[] g = new float[n + 5];
                for (int i = 0; i < g.length; i++) {
                    g[i] = i * 0.25f - 7f;
                }
                float s1 = 1.5f;
                float s2 = -0.375f;
                float k = 0.3f;
                float[] scaled = new float[n + 4];
                float[] subtracted = new float[n + 4];
                math.exp(a, off, 1f, s1, s2, scaled, 3, k, null, 0, n);
                math.exp(a, off, 1f, s1, s2, subtracted, 3, k, g, 5, n);
                String at = bits + " bits, n=" + n + ", offset " + off + ": ";
                for (int i = 0; i < n; i++) {
                    float e = FloatMath.exp((a[off + i] - s1) - s2);
                    assertEquals(Float.floatToRawIntBits(e * k), Float.floatToRawIntBits(scaled[3 + i]), at + "scaled " + i);
                    assertEquals(Float.floatToRawIntBits(g[5 + i] - e * k), Float.floatToRawIntBits(subtracted[3 + i]),
                            at + "subtracted " + i);
                }
                assertEquals(0f, scaled[0], at + "before the run");
                assertEquals(0f, scaled[n + 3], at + "after the run");
            }
        }
    }
}
