package dev.jtensor.core.cpu;

/**
 * The scalar twin of {@code PanamaSoftmaxRows}: plain loops, exponentials through
 * {@link FloatMath#exp(float)}, sums accumulated in double.
 */
final class ScalarSoftmaxRows extends SoftmaxRows {
    static final ScalarSoftmaxRows INSTANCE = new ScalarSoftmaxRows();

    private ScalarSoftmaxRows() {}

    @Override
    float max(float[] a, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = off, end = off + n; i < end; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    @Override
    float expSumInto(float[] a, int aOff, float[] out, int oOff, int n, float shift) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            float e = FloatMath.exp(a[aOff + i] - shift);
            out[oOff + i] = e;
            s += e;
        }
        return (float) s;
    }

    @Override
    float expSum(float[] a, int aOff, int n, float shift) {
        double s = 0;
        for (int i = aOff, end = aOff + n; i < end; i++) {
            s += FloatMath.exp(a[i] - shift);
        }
        return (float) s;
    }

    @Override
    void scale(float[] out, int off, int n, float k) {
        for (int i = off, end = off + n; i < end; i++) {
            out[i] *= k;
        }
    }

    @Override
    void subtract2(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = (a[aOff + i] - s1) - s2;
        }
    }

    @Override
    void expScale(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2, float k) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = FloatMath.exp((a[aOff + i] - s1) - s2) * k;
        }
    }

    @Override
    float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return (float) s;
    }

    @Override
    float sum(float[] a, int off, int n) {
        double s = 0;
        for (int i = off, end = off + n; i < end; i++) {
            s += a[i];
        }
        return (float) s;
    }

    @Override
    void softmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float c) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = y[yOff + i] * (g[gOff + i] - c);
        }
    }

    @Override
    void logSoftmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float s) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = g[gOff + i] - FloatMath.exp(y[yOff + i]) * s;
        }
    }

    @Override
    String name() {
        return "scalar";
    }
}
