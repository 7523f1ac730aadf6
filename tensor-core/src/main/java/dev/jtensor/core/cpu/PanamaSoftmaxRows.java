package dev.jtensor.core.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarSoftmaxRows} at a given width: each loop runs over whole
 * vectors (exponentials through {@link PanamaFloatMath}, the lane-wise {@link FloatMath}, so vector
 * lanes and the scalar tail round alike whether the code runs interpreted or compiled), then a
 * scalar tail; sums go through {@link PanamaFloatSum} at the same width, in {@link FloatSumKernel}'s
 * order. Loaded by name from {@link SoftmaxRows} only when the incubator module is present.
 */
final class PanamaSoftmaxRows extends SoftmaxRows {
    private final PanamaFloatMath math;

    /** The loops at {@code bits} (128, 256 or 512) bits. */
    PanamaSoftmaxRows(int bits) {
        super(new PanamaFloatSum(bits));
        this.math = PanamaFloatMath.at(bits);
    }

    @Override
    float max(float[] a, int off, int n) {
        VectorSpecies<Float> sp = math.sp();
        int lanes = sp.length();
        int i = 0;
        float m = Float.NEGATIVE_INFINITY;
        if (n >= 2 * lanes) {
            FloatVector m0 = FloatVector.fromArray(sp, a, off);
            FloatVector m1 = FloatVector.fromArray(sp, a, off + lanes);
            for (i = 2 * lanes; i + 2 * lanes <= n; i += 2 * lanes) {
                m0 = m0.max(FloatVector.fromArray(sp, a, off + i));
                m1 = m1.max(FloatVector.fromArray(sp, a, off + i + lanes));
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

    @Override
    void expInto(float[] a, int aOff, float[] out, int oOff, int n, float shift) {
        // (a * 1 - shift) - 0 has the bits of a - shift.
        math.exp(a, aOff, 1f, shift, 0f, out, oOff, 1f, null, 0, n);
    }

    @Override
    void multiply(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
        VectorSpecies<Float> sp = math.sp();
        int lanes = sp.length();
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            FloatVector.fromArray(sp, a, aOff + i).mul(FloatVector.fromArray(sp, b, bOff + i)).intoArray(out, oOff + i);
        }
        for (; i < n; i++) {
            out[oOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    void scale(float[] out, int off, int n, float k) {
        VectorSpecies<Float> sp = math.sp();
        int lanes = sp.length();
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            FloatVector.fromArray(sp, out, off + i).mul(k).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            out[off + i] *= k;
        }
    }

    @Override
    void subtract2(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2) {
        VectorSpecies<Float> sp = math.sp();
        int lanes = sp.length();
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            FloatVector.fromArray(sp, a, aOff + i).sub(s1).sub(s2).intoArray(out, oOff + i);
        }
        for (; i < n; i++) {
            out[oOff + i] = (a[aOff + i] - s1) - s2;
        }
    }

    @Override
    void expScale(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2, float k) {
        math.exp(a, aOff, 1f, s1, s2, out, oOff, k, null, 0, n);
    }

    @Override
    void softmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float c) {
        VectorSpecies<Float> sp = math.sp();
        int lanes = sp.length();
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            FloatVector yv = FloatVector.fromArray(sp, y, yOff + i);
            yv.mul(FloatVector.fromArray(sp, g, gOff + i).sub(c)).intoArray(out, oOff + i);
        }
        for (; i < n; i++) {
            out[oOff + i] = y[yOff + i] * (g[gOff + i] - c);
        }
    }

    @Override
    void logSoftmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float s) {
        math.exp(y, yOff, 1f, 0f, 0f, out, oOff, s, g, gOff, n);
    }

    @Override
    String name() {
        return "Vector API, " + math.sp().vectorBitSize() + "-bit";
    }
}
