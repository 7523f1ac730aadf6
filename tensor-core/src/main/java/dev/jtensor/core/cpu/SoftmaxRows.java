package dev.jtensor.core.cpu;

/**
 * The contiguous-run loops behind softmax, log-softmax and cross-entropy (forward and backward):
 * a row max, exponentials, scaling, and the two softmax gradients. {@link NnKernels} composes them
 * per row; they never check arguments (the op code has).
 *
 * <p>Every sum here (the softmax denominators, {@code sum(g)} and {@code sum(g * y)} of the
 * backward passes) is {@link FloatSumKernel}'s sum, in its one documented order, of values that
 * each path computes with the same bits (exponentials through {@link FloatMath} or its lane-wise
 * twin {@code PanamaFloatMath}, products rounded to float32), so every width gives the same bits.
 *
 * <p>The float32 loops exist twice: here as plain scalar loops ({@link ScalarSoftmaxRows}, always
 * present) and as Vector API loops in {@code PanamaSoftmaxRows}, at the width {@link Simd} chose.
 * The float64 loops are scalar only: they accumulate in double, one element after the other, as
 * PyTorch does, and are not on a benchmarked path.
 */
abstract class SoftmaxRows {
    private final FloatSumKernel summer;

    /** Loops whose sums are {@code summer}'s (the same width as the subclass's loops). */
    SoftmaxRows(FloatSumKernel summer) {
        this.summer = summer;
    }

    // ------------------------------------------------------------------ float32

    /** The largest of {@code a[off .. off+n)} (NaN if any is NaN); {@code -inf} for an empty run. */
    abstract float max(float[] a, int off, int n);

    /** Writes {@code exp(a[i] - shift)} to {@code out}. */
    abstract void expInto(float[] a, int aOff, float[] out, int oOff, int n, float shift);

    /** Writes {@code exp(a[i] - shift)} to {@code out} and returns their sum ({@link #sum} of {@code out}). */
    final float expSumInto(float[] a, int aOff, float[] out, int oOff, int n, float shift) {
        expInto(a, aOff, out, oOff, n, shift);
        return sum(out, oOff, n);
    }

    /** {@code out[i] *= k}. */
    abstract void scale(float[] out, int off, int n, float k);

    /** {@code out[i] = (a[i] - s1) - s2} (log-softmax: subtract the max, then the log of the sum). */
    abstract void subtract2(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2);

    /** {@code out[i] = exp((a[i] - s1) - s2) * k} (cross-entropy backward: scaled probabilities). */
    abstract void expScale(float[] a, int aOff, float[] out, int oOff, int n, float s1, float s2, float k);

    /** {@code out[i] = a[i] * b[i]}. */
    abstract void multiply(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

    /**
     * The sum of {@code a[i] * b[i]}: the products, each rounded to float32, are written to
     * {@code scratch} and summed there by {@link #sum}.
     */
    final float dot(float[] a, int aOff, float[] b, int bOff, int n, float[] scratch, int sOff) {
        multiply(a, aOff, b, bOff, scratch, sOff, n);
        return sum(scratch, sOff, n);
    }

    /** The sum of {@code a[i]}, in {@link FloatSumKernel}'s order. */
    final float sum(float[] a, int off, int n) {
        return summer.sum(a, off, n);
    }

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
            double e = StrictMath.exp(a[aOff + i] - shift);
            out[oOff + i] = e;
            s += e;
        }
        return s;
    }

    static double expSum(double[] a, int aOff, int n, double shift) {
        double s = 0;
        for (int i = aOff, end = aOff + n; i < end; i++) {
            s += StrictMath.exp(a[i] - shift);
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
            out[oOff + i] = StrictMath.exp((a[aOff + i] - s1) - s2) * k;
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
            out[oOff + i] = g[gOff + i] - StrictMath.exp(y[yOff + i]) * s;
        }
    }

    // ------------------------------------------------------------------ choice of implementation

    /** The scalar implementation. */
    static SoftmaxRows scalar() {
        return ScalarSoftmaxRows.INSTANCE;
    }

    /** The implementation at the width {@link Simd} chose (chosen once). */
    static SoftmaxRows best() {
        return Holder.BEST;
    }

    /**
     * The Vector API loops at {@code bits} (128, 256 or 512), or the scalar ones for 0. Only where
     * the Vector API module is present for {@code bits > 0}.
     */
    static SoftmaxRows at(int bits) {
        if (bits == 0) {
            return ScalarSoftmaxRows.INSTANCE;
        }
        try {
            // Loaded by name so that this class never links against the incubator module.
            return (SoftmaxRows) Class.forName(SoftmaxRows.class.getPackageName() + ".PanamaSoftmaxRows")
                    .getDeclaredConstructor(int.class).newInstance(bits);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API softmax loops could not be created at " + bits
                    + " bits", e);
        }
    }

    /** Lazy holder: the choice is made once, on first use. */
    private static final class Holder {
        static final SoftmaxRows BEST = at(Simd.bits());
    }
}
