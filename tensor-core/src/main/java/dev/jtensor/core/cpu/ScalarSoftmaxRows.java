package dev.jtensor.core.cpu;

/**
 * The scalar twin of {@code PanamaSoftmaxRows}: plain loops, exponentials through
 * {@link FloatMath#exp(float)}, sums through {@link ScalarFloatSum}.
 */
final class ScalarSoftmaxRows extends SoftmaxRows {
    static final ScalarSoftmaxRows INSTANCE = new ScalarSoftmaxRows();

    private ScalarSoftmaxRows() {
        super(ScalarFloatSum.INSTANCE);
    }

    @Override
    float max(float[] a, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = off, end = off + n; i < end; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    @Override
    void expInto(float[] a, int aOff, float[] out, int oOff, int n, float shift) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = FloatMath.exp(a[aOff + i] - shift);
        }
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
    void multiply(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = a[aOff + i] * b[bOff + i];
        }
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
