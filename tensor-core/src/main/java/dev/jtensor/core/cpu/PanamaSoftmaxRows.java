package dev.jtensor.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarSoftmaxRows}: each loop runs over whole vectors of the
 * preferred species (exponentials through {@link PanamaFloatMath}, the lane-wise {@link FloatMath}, so
 * vector lanes and the scalar tail round alike whether the code runs interpreted or compiled), then a
 * scalar tail. Reductions keep two vector accumulators and add
 * their lanes in lane order ({@link PanamaFloatSum#inLaneOrder}): {@code reduceLanes(ADD)} may add
 * them in another order once the JIT compiles it, which made training runs differ in their last
 * digits from one launch to the next. Loaded by name
 * from {@link SoftmaxRows} only when the incubator module is present; refuses (so the scalar loops
 * are used) when the preferred vectors are narrower than 128 bits.
 */
final class PanamaSoftmaxRows extends SoftmaxRows {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    PanamaSoftmaxRows() {
        if (S.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + S.vectorBitSize()
                    + " bits, below 128");
        }
    }

    @Override
    float max(float[] a, int off, int n) {
        int i = 0;
        float m = Float.NEGATIVE_INFINITY;
        if (n >= 2 * L) {
            FloatVector m0 = FloatVector.fromArray(S, a, off);
            FloatVector m1 = FloatVector.fromArray(S, a, off + L);
            for (i = 2 * L; i + 2 * L <= n; i += 2 * L) {
                m0 = m0.max(FloatVector.fromArray(S, a, off + i));
                m1 = m1.max(FloatVector.fromArray(S, a, off + i + L));
            }
            FloatVector mv = m0.max(m1);
            // Lane-wise max keeps NaN (Math.max's rule); say so explicitly rather than rely on the
            // lane reduction's NaN behaviour.
            m = mv.test(VectorOperators.IS_NAN).anyTrue() ? Float.NaN : mv.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    // The exponentials go through PanamaFloatMath.exp's one loop; the scalar tails through FloatMath
    // with the same steps: (a * 1 - shift) - 0 has the bits of a - shift.

    @Override
    float expSumInto(float[] a, int aOff, float[] out, int oOff, int n, float shift) {
        int nv = n - n % L;
        float s = PanamaFloatMath.exp(a, aOff, 1f, shift, 0f, out, oOff, 1f, null, 0, nv);
        for (int i = nv; i < n; i++) {
            float e = FloatMath.exp(a[aOff + i] - shift);
            out[oOff + i] = e;
            s += e;
        }
        return s;
    }

    @Override
    float expSum(float[] a, int aOff, int n, float shift) {
        int nv = n - n % L;
        float s = PanamaFloatMath.exp(a, aOff, 1f, shift, 0f, null, 0, 1f, null, 0, nv);
        for (int i = nv; i < n; i++) {
            s += FloatMath.exp(a[aOff + i] - shift);
        }
        return s;
    }

    @Override
    void scale(float[] out, int off, int n, float k) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, out, off + i).mul(k).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            out[off + i] *= k;
        }
    }

    @Override
    void subtract2(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, a, aOff + i).sub(s1).sub(s2).intoArray(out, oOff + i);
        }
        for (; i < n; i++) {
            out[oOff + i] = (a[aOff + i] - s1) - s2;
        }
    }

    @Override
    void expScale(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2, float k) {
        int i = n - n % L;
        PanamaFloatMath.exp(a, aOff, 1f, s1, s2, out, oOff, k, null, 0, i);
        for (; i < n; i++) {
            out[oOff + i] = FloatMath.exp((a[aOff + i] - s1) - s2) * k;
        }
    }

    @Override
    float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int i = 0;
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        for (; i + 2 * L <= n; i += 2 * L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
            s1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), s1);
        }
        for (; i + L <= n; i += L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
        }
        float s = PanamaFloatSum.inLaneOrder(s0.add(s1));
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    float sum(float[] a, int off, int n) {
        int i = 0;
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        for (; i + 2 * L <= n; i += 2 * L) {
            s0 = s0.add(FloatVector.fromArray(S, a, off + i));
            s1 = s1.add(FloatVector.fromArray(S, a, off + i + L));
        }
        for (; i + L <= n; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, a, off + i));
        }
        float s = PanamaFloatSum.inLaneOrder(s0.add(s1));
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @Override
    void softmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float c) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yOff + i);
            yv.mul(FloatVector.fromArray(S, g, gOff + i).sub(c)).intoArray(out, oOff + i);
        }
        for (; i < n; i++) {
            out[oOff + i] = y[yOff + i] * (g[gOff + i] - c);
        }
    }

    @Override
    void logSoftmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float s) {
        int i = n - n % L;
        PanamaFloatMath.exp(y, yOff, 1f, 0f, 0f, out, oOff, s, g, gOff, i);
        for (; i < n; i++) {
            out[oOff + i] = g[gOff + i] - FloatMath.exp(y[yOff + i]) * s;
        }
    }

    @Override
    String name() {
        return "Vector API, " + S.vectorBitSize() + "-bit";
    }
}
