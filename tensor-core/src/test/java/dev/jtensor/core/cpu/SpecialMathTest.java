package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The special functions of {@link SpecialMath} against identities and reference values. */
class SpecialMathTest {
    @Test
    void erfinvInvertsErfAcrossTheRange() {
        for (double x = -5.5; x <= 5.5; x += 0.01) {
            double y = ElementMath.erf(x);
            if (Math.abs(y) == 1) {
                continue;
            }
            double back = SpecialMath.erfinv(y);
            // Near |y| = 1 the rounded y no longer determines x: check the equation's residual, erfc(|x'|) = 1 - |y|.
            double err = Math.abs(x) < 1 ? Math.abs(back - x) / Math.max(Math.abs(x), 1e-300)
                    : Math.abs(ElementMath.erfc(Math.abs(back)) - (1 - Math.abs(y))) / (1 - Math.abs(y));
            assertTrue(err < 1e-13, "erfinv(erf(" + x + ")) = " + back + " (relative error " + err + ")");
        }
        assertEquals(Double.POSITIVE_INFINITY, SpecialMath.erfinv(1));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialMath.erfinv(-1));
        assertTrue(Double.isNaN(SpecialMath.erfinv(1.5)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(SpecialMath.erfinv(-0.0)));
    }

    @Test
    void lgammaMatchesLogFactorialsAndTheReflection() {
        double logFactorial = 0;
        for (int n = 1; n < 170; n++) {
            // lgamma(n + 1) = log(n!)
            logFactorial += Math.log(n);
            double got = SpecialMath.lgamma(n + 1);
            assertEquals(logFactorial, got, 1e-13 * Math.max(1, Math.abs(logFactorial)), "lgamma(" + (n + 1) + ")");
        }
        assertEquals(0.5 * Math.log(Math.PI), SpecialMath.lgamma(0.5), 1e-15); // Gamma(1/2) = sqrt(pi)
        assertEquals(Math.log(4 * Math.sqrt(Math.PI) / 3), SpecialMath.lgamma(-1.5), 1e-14); // Gamma(-3/2) = 4 sqrt(pi)/3
        assertEquals(Double.POSITIVE_INFINITY, SpecialMath.lgamma(0));
        assertEquals(Double.POSITIVE_INFINITY, SpecialMath.lgamma(-3));
        assertEquals(Double.POSITIVE_INFINITY, SpecialMath.lgamma(Double.NEGATIVE_INFINITY));
    }

    @Test
    void digammaFollowsItsRecurrenceAndKnownValues() {
        double eulerGamma = 0.57721566490153286061;
        assertEquals(-eulerGamma, SpecialMath.digamma(1), 1e-15);
        assertEquals(-eulerGamma - 2 * Math.log(2), SpecialMath.digamma(0.5), 1e-14);
        for (double x = -7.3; x < 30; x += 0.37) {
            // psi(x + 1) = psi(x) + 1/x
            double lhs = SpecialMath.digamma(x + 1);
            double rhs = SpecialMath.digamma(x) + 1 / x;
            assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)), "digamma recurrence at " + x);
        }
        assertEquals(Double.NEGATIVE_INFINITY, SpecialMath.digamma(0.0));
        assertEquals(Double.POSITIVE_INFINITY, SpecialMath.digamma(-0.0));
        assertTrue(Double.isNaN(SpecialMath.digamma(-2)));
    }

    @Test
    void trigammaIsTheDerivativeOfDigamma() {
        assertEquals(Math.PI * Math.PI / 6, SpecialMath.trigamma(1), 1e-9);
        for (double x = -3.7; x < 20; x += 0.41) {
            double h = 1e-5;
            double numeric = (SpecialMath.digamma(x + h) - SpecialMath.digamma(x - h)) / (2 * h);
            assertEquals(numeric, SpecialMath.trigamma(x), 1e-6 * Math.max(1, Math.abs(numeric)), "trigamma at " + x);
        }
    }

    @Test
    void inverseHyperbolicFunctionsInvertTheirFunctions() {
        for (double x = -20; x <= 20; x += 0.13) {
            assertEquals(x, MathKernels.asinh(Math.sinh(x)), 1e-13 * Math.max(1, Math.abs(x)), "asinh at " + x);
            assertEquals(Math.abs(x), MathKernels.acosh(Math.cosh(x)), 1e-9 * Math.max(1, Math.abs(x)), "acosh at " + x);
        }
        for (double x = -0.99; x < 1; x += 0.01) {
            assertEquals(x, MathKernels.atanh(Math.tanh(x)), 1e-13, "atanh at " + x);
        }
        assertEquals(Double.POSITIVE_INFINITY, MathKernels.atanh(1));
        assertTrue(Double.isNaN(MathKernels.acosh(0.5)));
        assertEquals(10.0, MathKernels.log2(1024));
        assertEquals(-1074.0, MathKernels.log2(Double.MIN_VALUE));
    }
}
