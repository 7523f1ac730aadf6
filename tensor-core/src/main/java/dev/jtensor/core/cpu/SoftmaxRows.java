package dev.jtensor.core.cpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contiguous-run loops behind softmax, log-softmax and cross-entropy (forward and backward):
 * a row max, sums of shifted exponentials, scaling, and the two softmax gradients. {@link NnKernels}
 * composes them per row; they never check arguments (the op code has).
 *
 * <p>The float32 loops exist twice: here as plain scalar loops ({@link ScalarSoftmaxRows}, always
 * present) and as Vector API loops in {@code PanamaSoftmaxRows}, used when the
 * {@code jdk.incubator.vector} module is present. {@link #best()} is chosen once and a missing Vector
 * API is logged with its reason (the Lucene {@code VectorizationProvider} pattern). The float64
 * loops are scalar only: they accumulate in double as PyTorch does, and are not on a benchmarked path.
 */
abstract class SoftmaxRows {
    // ------------------------------------------------------------------ float32

    /** The largest of {@code a[off .. off+n)} (NaN if any is NaN); {@code -inf} for an empty run. */
    abstract float max(float[] a, int off, int n);

    /** Writes {@code exp(a[i] - shift)} to {@code out} and returns their sum. */
    abstract float expSumInto(float[] a, int aOff, float[] out, int oOff, int n, float shift);

    /** The sum of {@code exp(a[i] - shift)}. */
    abstract float expSum(float[] a, int aOff, int n, float shift);

    /** {@code out[i] *= k}. */
    abstract void scale(float[] out, int off, int n, float k);

    /** {@code out[i] = (a[i] - s1) - s2} (log-softmax: subtract the max, then the log of the sum). */
    abstract void subtract2(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2);

    /** {@code out[i] = exp((a[i] - s1) - s2) * k} (cross-entropy backward: scaled probabilities). */
    abstract void expScale(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2, float k);

    /** The sum of {@code a[i] * b[i]}. */
    abstract float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** The sum of {@code a[i]}. */
    abstract float sum(float[] a, int off, int n);

    /** Softmax backward: {@code out[i] = y[i] * (g[i] - c)} with {@code c = sum(g * y)}. */
    abstract void softmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float c);

    /** Log-softmax backward: {@code out[i] = g[i] - exp(y[i]) * s} with {@code s = sum(g)}. */
    abstract void logSoftmaxGrad(float[] y, int yOff, float[] g, int gOff, float[] out, int oOff, int n, float s);

    /** Which implementation this is, for logs and tests. */
    abstract String name();

    // ------------------------------------------------------------------ float64 (scalar, shared)

    static double max(double[] a, int off, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = off, end = off + n; i < end; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    static double expSumInto(double[] a, int aOff, double[] out, int oOff, int n, double shift) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(a[aOff + i] - shift);
            out[oOff + i] = e;
            s += e;
        }
        return s;
    }

    static double expSum(double[] a, int aOff, int n, double shift) {
        double s = 0;
        for (int i = aOff, end = aOff + n; i < end; i++) {
            s += Math.exp(a[i] - shift);
        }
        return s;
    }

    static void scale(double[] out, int off, int n, double k) {
        for (int i = off, end = off + n; i < end; i++) {
            out[i] *= k;
        }
    }

    static void subtract2(double[] a, int aOff, double[] out, int oOff, int n, double s1, double s2) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = (a[aOff + i] - s1) - s2;
        }
    }

    static void expScale(double[] a, int aOff, double[] out, int oOff, int n, double s1, double s2, double k) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = Math.exp((a[aOff + i] - s1) - s2) * k;
        }
    }

    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    static double sum(double[] a, int off, int n) {
        double s = 0;
        for (int i = off, end = off + n; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    static void softmaxGrad(double[] y, int yOff, double[] g, int gOff, double[] out, int oOff, int n, double c) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = y[yOff + i] * (g[gOff + i] - c);
        }
    }

    static void logSoftmaxGrad(double[] y, int yOff, double[] g, int gOff, double[] out, int oOff, int n, double s) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = g[gOff + i] - Math.exp(y[yOff + i]) * s;
        }
    }

    // ------------------------------------------------------------------ choice of implementation

    /** The scalar implementation. */
    static SoftmaxRows scalar() {
        return ScalarSoftmaxRows.INSTANCE;
    }

    /** The Vector API implementation if it can run here, else the scalar one (chosen once). */
    static SoftmaxRows best() {
        return Holder.BEST;
    }

    /** The Vector API implementation, or null (the reason was logged). */
    static SoftmaxRows panamaOrNull() {
        return Holder.PANAMA;
    }

    /** Lazy holder: the lookup runs once, on first use. */
    private static final class Holder {
        private static final Logger LOG = LoggerFactory.getLogger(SoftmaxRows.class);
        static final SoftmaxRows PANAMA = lookupPanama();
        static final SoftmaxRows BEST = PANAMA != null ? PANAMA : ScalarSoftmaxRows.INSTANCE;

        private static SoftmaxRows lookupPanama() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                LOG.warn("Vector API not available (start the JVM with '--add-modules jdk.incubator.vector'): "
                        + "softmax and cross-entropy use the scalar kernels");
                return null;
            }
            try {
                // Loaded by name so that this class never links against the incubator module.
                Class<?> c = Class.forName(SoftmaxRows.class.getPackageName() + ".PanamaSoftmaxRows");
                SoftmaxRows k = (SoftmaxRows) c.getDeclaredConstructor().newInstance();
                LOG.debug("softmax and cross-entropy use the Vector API kernels ({})", k.name());
                return k;
            } catch (LinkageError | ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                LOG.warn("Vector API not usable ({}): softmax and cross-entropy use the scalar kernels",
                        cause.toString());
                return null;
            }
        }
    }
}
