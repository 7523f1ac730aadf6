package dev.jtensor.core.cpu;

/**
 * float32 {@code exp}, {@code log} and {@code tanh} built only from IEEE operations that Java defines
 * exactly (add, multiply, divide, fused multiply-add, min/max and bit moves), so that a result never
 * depends on whether the code runs interpreted or compiled, with or without the Vector API.
 * {@code PanamaFloatMath} repeats every step lane-wise and gives the same bits; the float32
 * elementwise, softmax and cross-entropy kernels use one or the other. (Kernels that accumulate in
 * double, such as logsumexp, use {@link StrictMath}, whose results Java defines bit for bit on every
 * platform; {@link Math} may differ from one CPU to another.)
 *
 * <p>Why not the JDK's: the Vector API's {@code EXP}, {@code LOG} and {@code TANH} lane operations
 * run Java's {@code Math} methods lane by lane until the JIT compiles them to vector math routines
 * with other rounding, so the same training run gave different last digits from one launch to the
 * next. Accuracy, against {@link StrictMath} rounded to float ({@code FloatMathTest} checks a million
 * bit patterns; a side run checked every 7th of all 2^32): {@code exp} and {@code log} within 1 ulp,
 * {@code tanh} within 2 ulp (PyTorch's vectorised float32 functions are within 1).
 */
final class FloatMath {
    private FloatMath() {}

    /** {@code log2(e)}. */
    static final float LOG2E = 1.44269504088896341f;
    /** The high part of {@code ln 2}: few enough bits that {@code n * LN2_HI} is exact for |n| < 512. */
    static final float LN2_HI = 0.693145751953125f;
    /** {@code ln 2 - LN2_HI}. */
    static final float LN2_LO = 1.42860682030941723212e-6f;
    /** {@code 1.5 * 2^23}: adding it rounds a float below 2^22 in magnitude to an integer. */
    static final float ROUND = 12582912f;
    /** Below this {@code exp} is 0 in float32 (the smallest subnormal is {@code e^-103.28}). */
    static final float EXP_LOW = -104f;
    /** Above this {@code exp} overflows float32 ({@code ln(Float.MAX_VALUE)} is 88.72). */
    static final float EXP_HIGH = 89f;
    /** Beyond this {@code tanh} is +-1 in float32; clamping keeps {@code expm1(2|x|)} finite. */
    static final float TANH_CLAMP = 20f;
    /** {@code sqrt(0.5)}'s bits: mantissas are brought into [sqrt(0.5), sqrt(2)) for {@code log}. */
    static final int SQRT_HALF_BITS = 0x3f3504f3;

    // 1/k! for e^r on |r| <= ln2/2: the Taylor terms to r^7 leave 7e-9 relative error.
    static final float E2 = 1f / 2, E3 = 1f / 6, E4 = 1f / 24, E5 = 1f / 120, E6 = 1f / 720, E7 = 1f / 5040,
            E8 = 1f / 40320;
    // 2/(2k+1) for log(1+f) = 2 atanh(s), s = f/(2+f), |s| <= 0.1716: terms to s^9.
    static final float L3 = 2f / 3, L5 = 2f / 5, L7 = 2f / 7, L9 = 2f / 9;

    /** {@code e^x}: 0 below -104, infinity above 89, NaN for NaN. */
    static float exp(float x) {
        float c = Math.min(Math.max(x, EXP_LOW), EXP_HIGH);
        float t = Math.fma(c, LOG2E, ROUND);
        float n = t - ROUND;
        int k = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND);
        float r = Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, c));
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E7, r, E6), r, E5), r, E4), r, E3), r, E2),
                r, 1f);
        p = Math.fma(p, r, 1f);
        // 2^k in two normal factors, so that subnormal results are rounded once and 2^128 overflows.
        int k1 = k >> 1;
        return p * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k - k1 + 127) << 23);
    }

    /** {@code e^y - 1} for {@code 0 <= y <= 2 * TANH_CLAMP} (or NaN), accurate also for tiny y. */
    static float expm1NonNegative(float y) {
        float t = Math.fma(y, LOG2E, ROUND);
        float n = t - ROUND;
        int k = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND);
        float r = Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, y));
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E8, r, E7), r, E6), r, E5), r, E4), r, E3),
                r, E2);
        float q = Math.fma(r * r, p, r);
        float s = Float.intBitsToFloat((k + 127) << 23);
        return Math.fma(s, q, s - 1f);
    }

    /** {@code tanh x = expm1(2|x|) / (expm1(2|x|) + 2)} with the sign of x. */
    static float tanh(float x) {
        float y = Math.min(2f * Math.abs(x), 2f * TANH_CLAMP);
        float e = expm1NonNegative(y);
        float t = e / (e + 2f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(t) | (Float.floatToRawIntBits(x) & 0x80000000));
    }

    /** {@code ln x}: NaN below 0 and for NaN, -infinity at 0, infinity at infinity. */
    static float log(float x) {
        boolean subnormal = x < 0x1p-126f;
        int b = Float.floatToRawIntBits(subnormal ? x * 0x1p23f : x);
        int e = (b - SQRT_HALF_BITS) >> 23;
        float m = Float.intBitsToFloat(b - (e << 23));
        float k = e - (subnormal ? 23 : 0);
        float f = m - 1f;
        float s = f / (2f + f);
        float z = s * s;
        float hfsq = 0.5f * f * f;
        float r = z * Math.fma(Math.fma(Math.fma(L9, z, L7), z, L5), z, L3);
        // log(1+f) = f - hfsq + s*(hfsq + r), the small terms added first.
        float y = Math.fma(k, LN2_HI, f - (hfsq - Math.fma(s, hfsq + r, k * LN2_LO)));
        if (x > 0 && x < Float.POSITIVE_INFINITY) {
            return y;
        }
        return x == 0 ? Float.NEGATIVE_INFINITY : x == Float.POSITIVE_INFINITY ? x : Float.NaN;
    }

    /** {@code 1 / (1 + e^-x)}. */
    static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    /** GELU's tanh form in float32: {@code x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))}. */
    static float geluTanh(float x) {
        float inner = (x * x * x * GELU_KAPPA + x) * GELU_BETA;
        return x * 0.5f * (1f + tanh(inner));
    }

    static final float GELU_BETA = (float) 0.79788456080286535588;
    static final float GELU_KAPPA = (float) 0.044715;
}
