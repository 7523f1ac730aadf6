package dev.jtensor.core.random;

/**
 * PyTorch's CPU {@code normal_} (AVX2 profile), in its two paths.
 *
 * <p><b>Block path</b> (contiguous, at least 16 elements): one uniform per element, then Box–Muller
 * on blocks of 16 where element {@code j} (radius input) pairs with {@code j + 8} (angle input);
 * when the size is not a multiple of 16 the last 16 positions are redrawn and transformed again.
 * float32 reproduces the vectorised kernel lane for lane: the Cephes-style polynomial {@code log}
 * and {@code sincos} of {@code avx_mathfun.h} with FMAs exactly where GCC contracted them, so the
 * output is bit-identical. float64 uses the JDK's {@code log}/{@code sin}/{@code cos}, which differ
 * from glibc's in the last bit for a fraction of a percent of the values.
 *
 * <p><b>Scalar path</b> (everything else): the double-precision Box–Muller of
 * {@code normal_distribution<double>}, one fresh pair per two samples, whose sine half is cached in
 * the generator and returned by the next scalar-path sample, then cast to the element type.
 */
public final class NormalKernels {
    private NormalKernels() {}

    // float32 constants of avx_mathfun.h (bit patterns in the comments).
    static final float MIN_NORM = Float.MIN_NORMAL; // 0x00800000
    static final float SQRTHF = 0.707106781186547524f; // 0x3F3504F3
    static final float P0 = 7.0376836292E-2f; // 0x3D9021BB
    static final float P1 = -1.1514610310E-1f; // 0xBDEBD1B8
    static final float P2 = 1.1676998740E-1f; // 0x3DEF251A
    static final float P3 = -1.2420140846E-1f; // 0xBDFE5D4F
    static final float P4 = 1.4249322787E-1f; // 0x3E11E9BF
    static final float P5 = -1.6668057665E-1f; // 0xBE2AAE50
    static final float P6 = 2.0000714765E-1f; // 0x3E4CCEAC
    static final float P7 = -2.4999993993E-1f; // 0xBE7FFFFC
    static final float P8 = 3.3333331174E-1f; // 0x3EAAAAAA
    static final float Q1 = -2.12194440e-4f; // 0xB95E8083
    static final float Q2 = 0.693359375f; // 0x3F318000
    static final float FOPI = 1.27323954473516f; // 0x3FA2F983, 4/pi
    static final float DP1 = 0.78515625f; // 0x3F490000
    static final float DP2 = 2.4187564849853515625e-4f; // 0x397DA000
    static final float DP3 = 3.77489497744594108e-8f; // 0x33222169
    static final float S0 = -1.9515295891E-4f; // 0xB94CA1F9
    static final float S1 = 8.3321608736E-3f; // 0x3C08839E
    static final float S2 = -1.6666654611E-1f; // 0xBE2AAAA3
    static final float C0 = 2.443315711809948E-5f; // 0x37CCF5CE
    static final float C1 = -1.388731625493765E-3f; // 0xBAB6061A
    static final float C2 = 4.166664568298827E-2f; // 0x3D2AAAA5
    static final float TWO_PI_F = (float) (2 * Math.PI); // 0x40C90FDB

    // ------------------------------------------------------------------ block path, float32

    /**
     * Fills {@code a[off..off+n)} ({@code n >= 16}) with PyTorch's block-path float32 normals; draws
     * {@code n} words, plus 16 more when {@code n} is not a multiple of 16.
     */
    public static void fillFloatBlock(MersenneTwister mt, float[] a, int off, int n, float mean, float std) {
        mt.fillUnitFloats(a, off, n);
        transformBlocks(a, off, n >>> 4, mean, std);
        if ((n & 15) != 0) {
            // The last 16 slots are redrawn and transformed again, overlapping the last full block.
            int t = off + n - 16;
            mt.fillUnitFloats(a, t, 16);
            transformBlocks(a, t, 1, mean, std);
        }
    }

    /** Box–Muller on {@code blocks} consecutive 16-element blocks from {@code a[off]}, vectorised when possible. */
    static void transformBlocks(float[] a, int off, int blocks, float mean, float std) {
        if (VectorAvailability.NORMAL_VECTOR) {
            NormalVectorKernel.transformBlocks(a, off, blocks, mean, std);
        } else {
            transformBlocksScalar(a, off, blocks, mean, std);
        }
    }

    /** The scalar twin of {@link NormalVectorKernel#transformBlocks}. */
    static void transformBlocksScalar(float[] a, int off, int blocks, float mean, float std) {
        for (int b = 0; b < blocks; b++) {
            block16(a, off + 16 * b, mean, std);
        }
    }

    /** One Box–Muller block in place: lanes {@code j} (radius) and {@code j + 8} (angle), j = 0..7. */
    static void block16(float[] d, int o, float mean, float std) {
        for (int j = o; j < o + 8; j++) {
            float u1 = 1.0f - d[j];
            float u2 = d[j + 8];
            float radius = (float) Math.sqrt(-2.0f * logAvx(u1));
            float theta = TWO_PI_F * u2;

            // sincos256_ps, one lane: theta is in [0, 2*pi) here, so its sign bit is clear.
            float x = theta;
            int q = (int) (x * FOPI);
            q = (q + 1) & ~1;
            float y = q;
            boolean negS = (q & 4) != 0;
            boolean negC = ((q - 2) & 4) == 0;
            x = Math.fma(y, -DP1, x);
            x = Math.fma(y, -DP2, x);
            x = Math.fma(y, -DP3, x);
            float z = x * x;
            float cp = Math.fma(Math.fma(C0, z, C1), z, C2);
            cp = cp * z;
            cp = Math.fma(cp, z, -(z * 0.5f));
            cp = cp + 1.0f;
            float sp = Math.fma(Math.fma(S0, z, S1), z, S2);
            sp = sp * z;
            sp = Math.fma(sp, x, x);
            boolean swap = (q & 2) != 0;
            float s = swap ? cp : sp;
            float c = swap ? sp : cp;
            if (negS) {
                s = -s;
            }
            if (negC) {
                c = -c;
            }
            d[j] = Math.fma(radius * c, std, mean);
            d[j + 8] = Math.fma(radius * s, std, mean);
        }
    }

    /** {@code log256_ps}, one lane, for {@code x > 0}: Cephes' logf with GCC's FMA placement. */
    static float logAvx(float xin) {
        float x = Math.max(xin, MIN_NORM);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 127) + 1.0f;
        float m = Float.intBitsToFloat((bits & 0x807FFFFF) | 0x3F000000);
        float t = 0.0f;
        if (m < SQRTHF) {
            t = m;
            e = e - 1.0f;
        }
        m = (m - 1.0f) + t;
        float z = m * m;
        float p = Math.fma(P0, m, P1);
        p = Math.fma(p, m, P2);
        p = Math.fma(p, m, P3);
        p = Math.fma(p, m, P4);
        p = Math.fma(p, m, P5);
        p = Math.fma(p, m, P6);
        p = Math.fma(p, m, P7);
        p = Math.fma(p, m, P8);
        p = p * m;
        // GCC fused p*z into the addition of the separately rounded e*Q1 (not e*Q1 into p*z).
        p = Math.fma(p, z, e * Q1);
        p = p - z * 0.5f;
        float r = m + p;
        return r + e * Q2;
    }

    // ------------------------------------------------------------------ block path, float64

    /**
     * Fills {@code a[off..off+n)} ({@code n >= 16}) with PyTorch's block-path float64 normals (two
     * words per uniform); the JDK's log/sin/cos may differ from glibc's in the last bit.
     */
    public static void fillDoubleBlock(MersenneTwister mt, double[] a, int off, int n, double mean, double std) {
        int full = n & ~15;
        for (int b = off; b < off + full; b += 16) {
            for (int i = b; i < b + 16; i++) {
                a[i] = mt.unitDouble();
            }
            block16(a, b, mean, std);
        }
        if (full != n) {
            for (int i = full; i < n; i++) {
                mt.nextLong();
            }
            int t = off + n - 16;
            for (int i = t; i < t + 16; i++) {
                a[i] = mt.unitDouble();
            }
            block16(a, t, mean, std);
        }
    }

    private static void block16(double[] d, int o, double mean, double std) {
        for (int j = o; j < o + 8; j++) {
            double radius = Math.sqrt(-2 * Math.log(1 - d[j]));
            double theta = 2.0 * Math.PI * d[j + 8];
            d[j] = Math.fma(radius * Math.cos(theta), std, mean);
            d[j + 8] = Math.fma(radius * Math.sin(theta), std, mean);
        }
    }

    // ------------------------------------------------------------------ scalar path

    /**
     * Fills {@code a[off..off+n)} with scalar-path normals cast to float. Uses {@code StrictMath},
     * which matched glibc on every float32 output tested.
     */
    public static void fillFloatScalar(GeneratorState s, float[] a, int off, int n, double mean, double std, boolean log1p) {
        for (int i = off; i < off + n; i++) {
            a[i] = (float) Math.fma(standard(s, log1p, true), std, mean);
        }
    }

    /**
     * Fills {@code a[off..off+n)} with scalar-path normals. Uses {@code Math}, the JDK's closest match
     * to glibc for doubles; a value may still differ from PyTorch's in the last bit.
     */
    public static void fillDoubleScalar(GeneratorState s, double[] a, int off, int n, double mean, double std, boolean log1p) {
        for (int i = off; i < off + n; i++) {
            a[i] = Math.fma(standard(s, log1p, false), std, mean);
        }
    }

    /**
     * One standard normal from {@code normal_distribution<double>}: the cached sine half if present,
     * else a fresh pair whose first uniform is the angle and second the radius input.
     */
    static double standard(GeneratorState s, boolean log1p, boolean strict) {
        if (s.hasCachedNormal) {
            s.hasCachedNormal = false;
            return s.cachedNormal;
        }
        MersenneTwister mt = s.engine;
        double u1 = mt.unitDouble();
        double u2 = mt.unitDouble();
        double l;
        if (log1p) {
            l = StrictMath.log1p(-u2);
        } else {
            l = strict ? StrictMath.log(1.0 - u2) : Math.log(1.0 - u2);
        }
        double r = Math.sqrt(-2.0 * l);
        double theta = 2.0 * Math.PI * u1;
        s.cachedNormal = r * (strict ? StrictMath.sin(theta) : Math.sin(theta));
        s.hasCachedNormal = true;
        return r * (strict ? StrictMath.cos(theta) : Math.cos(theta));
    }
}
