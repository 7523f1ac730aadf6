package dev.jtensor.core.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link FloatMath}: the same steps lane-wise, so each lane has the bits the
 * scalar function gives for it, interpreted or compiled (the constants and the reasons are there).
 *
 * <p>Each function is written out inside the one loop that uses it, and no method here takes or
 * returns a vector. C2 inlines the Vector API's own methods whatever the size of the caller, but a
 * helper of ours that takes vectors is inlined only while the caller is under C2's inlining node
 * budget; past it the helper is called, its vectors are boxed on the heap, and the loop runs ten
 * times slower (seen when the unary kernel inlined the tanh loop). So the exponential loop takes the
 * parameters that cover all its callers: elementwise exp and sigmoid, and the softmax and
 * cross-entropy rows. An instance runs at one width ({@link #at}; tests run each width on any
 * machine), and every function handles any {@code n}: whole vectors first, then the tail with {@link FloatMath},
 * whose bits the lanes have. Loaded only by the Vector API kernels, so only when the incubator
 * module is present.
 */
abstract class PanamaFloatMath {
    private PanamaFloatMath() {}

    /**
     * The species this instance runs at, a constant in each subclass: the Vector API compiles to
     * vector instructions only where the JIT sees the species as a constant, and with one subclass
     * loaded (a JVM runs one width) the JIT inlines this method as one.
     */
    abstract VectorSpecies<Float> sp();

    /** The float64 species of the same width (for the float64 loops of the same kernels). */
    abstract VectorSpecies<Double> dp();

    /** The functions at {@code bits} (128, 256 or 512) bits. */
    static PanamaFloatMath at(int bits) {
        return switch (bits) {
            case 512 -> new W512();
            case 256 -> new W256();
            case 128 -> new W128();
            default -> throw new IllegalArgumentException("vector width " + bits + " is not 128, 256 or 512");
        };
    }

    private static final class W512 extends PanamaFloatMath {
        @Override
        VectorSpecies<Float> sp() {
            return FloatVector.SPECIES_512;
        }

        @Override
        VectorSpecies<Double> dp() {
            return DoubleVector.SPECIES_512;
        }
    }

    private static final class W256 extends PanamaFloatMath {
        @Override
        VectorSpecies<Float> sp() {
            return FloatVector.SPECIES_256;
        }

        @Override
        VectorSpecies<Double> dp() {
            return DoubleVector.SPECIES_256;
        }
    }

    private static final class W128 extends PanamaFloatMath {
        @Override
        VectorSpecies<Float> sp() {
            return FloatVector.SPECIES_128;
        }

        @Override
        VectorSpecies<Double> dp() {
            return DoubleVector.SPECIES_128;
        }
    }

    private static final int ROUND_BITS = Float.floatToRawIntBits(FloatMath.ROUND);

    /**
     * For {@code 0 <= i < n}: {@code e = exp((a[x+i] * sign - s1) - s2)}; stores {@code e * k} to
     * {@code out[o+i]}, or {@code minuend[m+i] - e * k} when {@code minuend} is not null.
     * {@code sign} is 1 or -1 and the shifts 0 where a caller has none: those steps are then exact.
     */
    final void exp(float[] a, int x, float sign, float s1, float s2, float[] out, int o,
            float k, float[] minuend, int m, int n) {
        VectorSpecies<Float> sp = sp();
        int bound = sp.loopBound(n);
        FloatVector ln2Hi = FloatVector.broadcast(sp, FloatMath.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(sp, FloatMath.LN2_LO);
        for (int i = 0; i < bound; i += sp.length()) {
            FloatVector v = FloatVector.fromArray(sp, a, x + i).mul(sign).sub(s1).sub(s2);
            // Clamped by compare and blend, which keeps NaN as Math.max/min do, in two instructions each.
            FloatVector c = v.blend(FloatMath.EXP_LOW, v.compare(VectorOperators.LT, FloatMath.EXP_LOW));
            c = c.blend(FloatMath.EXP_HIGH, c.compare(VectorOperators.GT, FloatMath.EXP_HIGH));
            FloatVector t = c.fma(FloatMath.LOG2E, FloatMath.ROUND);
            FloatVector minusN = t.sub(FloatMath.ROUND).neg();
            IntVector kk = t.reinterpretAsInts().sub(ROUND_BITS);
            FloatVector r = minusN.fma(ln2Lo, minusN.fma(ln2Hi, c));
            FloatVector p = r.fma(FloatMath.E7, FloatMath.E6)
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E5))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E4))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E3))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E2))
                    .fma(r, FloatVector.broadcast(sp, 1f))
                    .fma(r, FloatVector.broadcast(sp, 1f));
            // 2^k as two normal factors (see FloatMath.exp).
            IntVector k1 = kk.lanewise(VectorOperators.ASHR, 1);
            FloatVector scale1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector scale2 = kk.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.mul(scale1).mul(scale2);
            if (minuend != null) {
                FloatVector.fromArray(sp, minuend, m + i).sub(e.mul(k)).intoArray(out, o + i);
            } else {
                e.mul(k).intoArray(out, o + i);
            }
        }
        for (int i = bound; i < n; i++) {
            float e = FloatMath.exp((a[x + i] * sign - s1) - s2);
            out[o + i] = minuend != null ? minuend[m + i] - e * k : e * k;
        }
    }

    /**
     * For {@code i < n}: {@code out[o+i] = tanh(a[x+i])}, or with {@code gelu} the tanh GELU of
     * {@code a[x+i]} ({@link FloatMath#geluTanh}).
     */
    final void tanh(float[] a, int x, float[] out, int o, int n, boolean gelu) {
        VectorSpecies<Float> sp = sp();
        int bound = sp.loopBound(n);
        VectorMask<Float> geluLanes = sp.maskAll(gelu);
        FloatVector ln2Hi = FloatVector.broadcast(sp, FloatMath.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(sp, FloatMath.LN2_LO);
        for (int i = 0; i < bound; i += sp.length()) {
            FloatVector v = FloatVector.fromArray(sp, a, x + i);
            FloatVector inner = v.mul(v).mul(v).mul(FloatMath.GELU_KAPPA).add(v).mul(FloatMath.GELU_BETA);
            FloatVector w = v.blend(inner, geluLanes);
            FloatVector y = w.abs().mul(2f);
            y = y.blend(2f * FloatMath.TANH_CLAMP, y.compare(VectorOperators.GT, 2f * FloatMath.TANH_CLAMP));
            FloatVector t = y.fma(FloatMath.LOG2E, FloatMath.ROUND);
            FloatVector minusN = t.sub(FloatMath.ROUND).neg();
            IntVector kk = t.reinterpretAsInts().sub(ROUND_BITS);
            FloatVector r = minusN.fma(ln2Lo, minusN.fma(ln2Hi, y));
            FloatVector p = r.fma(FloatMath.E8, FloatMath.E7)
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E6))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E5))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E4))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E3))
                    .fma(r, FloatVector.broadcast(sp, FloatMath.E2));
            FloatVector q = r.mul(r).fma(p, r);
            FloatVector s = kk.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector em1 = s.fma(q, s.sub(1f));
            FloatVector th = em1.div(em1.add(2f));
            IntVector sign = w.reinterpretAsInts().and(0x80000000);
            th = th.reinterpretAsInts().or(sign).reinterpretAsFloats();
            th.blend(v.mul(0.5f).mul(th.add(1f)), geluLanes).intoArray(out, o + i);
        }
        for (int i = bound; i < n; i++) {
            out[o + i] = gelu ? FloatMath.geluTanh(a[x + i]) : FloatMath.tanh(a[x + i]);
        }
    }

    /** For {@code i < n}: {@code out[o+i] = log(a[x+i])}. */
    final void log(float[] a, int x, float[] out, int o, int n) {
        VectorSpecies<Float> sp = sp();
        int bound = sp.loopBound(n);
        for (int i = 0; i < bound; i += sp.length()) {
            FloatVector v = FloatVector.fromArray(sp, a, x + i);
            VectorMask<Float> subnormal = v.compare(VectorOperators.LT, 0x1p-126f);
            IntVector b = v.blend(v.mul(0x1p23f), subnormal).reinterpretAsInts();
            IntVector e = b.sub(FloatMath.SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 23);
            FloatVector mant = b.sub(e.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
            // e as a float: its bits added to ROUND's are ROUND + e (exact for |e| < 2^22).
            FloatVector ke = e.add(ROUND_BITS).reinterpretAsFloats().sub(FloatMath.ROUND);
            FloatVector k = ke.blend(ke.sub(23f), subnormal);
            FloatVector f = mant.sub(1f);
            FloatVector s = f.div(f.add(2f));
            FloatVector z = s.mul(s);
            FloatVector hfsq = f.mul(0.5f).mul(f);
            FloatVector r = z.mul(z.fma(FloatMath.L9, FloatMath.L7).fma(z, FloatVector.broadcast(sp, FloatMath.L5))
                    .fma(z, FloatVector.broadcast(sp, FloatMath.L3)));
            FloatVector small = s.fma(hfsq.add(r), k.mul(FloatMath.LN2_LO));
            FloatVector y = k.fma(FloatVector.broadcast(sp, FloatMath.LN2_HI), f.sub(hfsq.sub(small)));
            // Outside (0, inf): NaN, then -inf at 0 and inf at inf (NaN lanes fail every test and stay NaN).
            VectorMask<Float> regular = v.compare(VectorOperators.GT, 0f)
                    .and(v.compare(VectorOperators.LT, Float.POSITIVE_INFINITY));
            y = y.blend(Float.NaN, regular.not());
            y = y.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, 0f));
            y.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY))
                    .intoArray(out, o + i);
        }
        for (int i = bound; i < n; i++) {
            out[o + i] = FloatMath.log(a[x + i]);
        }
    }
}
