package dev.jtensor.core.cpu;

/**
 * Special functions that {@link Math} lacks, in float64: the inverse error function, {@code lgamma},
 * digamma and trigamma, with PyTorch's values at the poles. Float32 kernels call these and round
 * once, so every vector width gives the same bits (these ops have scalar kernels only).
 */
final class SpecialMath {
    private SpecialMath() {}

    private static final double SQRT_PI = 1.7724538509055160273;
    private static final double LOG_PI = 1.1447298858494001741;

    /**
     * The inverse error function: Giles' single-precision approximation refined by Newton steps on
     * {@link ElementMath#erf} (whose error is a few ulps) for {@code |y| <= 0.5}, and on
     * {@code log(erfc(|x|)) = log(1 - |y|)} in the tails, where erf itself has no digits left.
     */
    static double erfinv(double y) {
        if (!(Math.abs(y) <= 1)) {
            return Double.NaN;
        }
        if (Math.abs(y) == 1) {
            return Math.copySign(Double.POSITIVE_INFINITY, y);
        }
        if (y == 0) {
            return y;
        }
        final double w0 = -StrictMath.log((1 - y) * (1 + y));
        double w = w0;
        double x;
        if (w < 5) {
            w -= 2.5;
            double p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
            x = p * y;
        } else {
            w = Math.sqrt(w) - 3;
            double p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
            x = p * y;
        }
        if (Math.abs(y) <= 0.5) {
            for (int i = 0; i < 3; i++) {
                x -= (ElementMath.erf(x) - y) / (2 / SQRT_PI * StrictMath.exp(-x * x));
            }
            return x;
        }
        // Tail: solve log(erfc(t)) = log(r) for t = |x| with r = 1 - |y| (exact). Newton on the
        // logarithm is well conditioned where erfc is tiny; the slope is -2/sqrt(pi) e^(-t^2) / erfc(t).
        double r = 1 - Math.abs(y);
        double t = w0 < 5 ? Math.abs(x) : Math.sqrt(-StrictMath.log(r));
        double logR = StrictMath.log(r);
        for (int i = 0; i < 60; i++) {
            double e = ElementMath.erfc(t);
            double step = (StrictMath.log(e) - logR) / (-2 / SQRT_PI * StrictMath.exp(-t * t) / e);
            t -= step;
            if (Math.abs(step) <= 1e-16 * t) {
                break;
            }
        }
        return Math.copySign(t, y);
    }

    // Lanczos approximation, g = 7, n = 9 (coefficients of Numerical Recipes / Godfrey).
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** {@code log|Gamma(x)|}: +inf at the poles (0 and the negative integers) and at +-inf. */
    static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == 1 || x == 2) {
            return 0;
        }
        if (x < 0.5) {
            // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
            return LOG_PI - StrictMath.log(Math.abs(sinPi(x))) - lgamma(1 - x);
        }
        if (x > 1e7) {
            // Stirling's series; the Lanczos sum would add nothing at this size.
            return (x - 0.5) * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * Math.PI) + 1 / (12 * x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return 0.5 * StrictMath.log(2 * Math.PI) + (z + 0.5) * StrictMath.log(t) - t + StrictMath.log(sum);
    }

    /** {@code sin(pi x)} with the argument reduced exactly first, so it is 0 at the integers. */
    private static double sinPi(double x) {
        double r = x - 2 * Math.floor(x / 2); // in [0, 2)
        return StrictMath.sin(Math.PI * r);
    }

    /** The digamma function; {@code -inf} at +0 and {@code +inf} at -0 (PyTorch), NaN at the negative integers. */
    static double digamma(double x) {
        if (x == 0) {
            return Math.copySign(Double.POSITIVE_INFINITY, -x);
        }
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < 0) {
            if (x == Math.rint(x)) {
                return Double.NaN;
            }
            // Reflection: psi(1 - x) - psi(x) = pi / tan(pi x).
            double r = x - Math.floor(x);
            return digamma(1 - x) - Math.PI / StrictMath.tan(Math.PI * r);
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        // Asymptotic series: ln x - 1/(2x) - sum B_2k / (2k x^2k).
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return result + StrictMath.log(x) - 0.5 / x - series;
    }

    /**
     * The trigamma function {@code psi'(x)}, computed as PyTorch's CPU kernel does (reflection below
     * 0.5, six steps of the recurrence, then four terms of the asymptotic series), so that gradients
     * of digamma agree with PyTorch's to their last digits (about 1e-10 relative; a longer series
     * would be more accurate but would not match).
     */
    static double trigamma(double x) {
        double sign = 1;
        double result = 0;
        if (x < 0.5) {
            sign = -1;
            double s = StrictMath.sin(Math.PI * x);
            result -= Math.PI * Math.PI / (s * s);
            x = 1 - x;
        }
        for (int i = 0; i < 6; i++) {
            result += 1 / (x * x);
            x += 1;
        }
        double ixx = 1 / (x * x);
        result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x;
        return sign * result;
    }
}
