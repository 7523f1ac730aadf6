package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-element functions that Java lacks, against reference values (mpmath, 30 digits) and C/Python semantics. */
class ElementMathTest {
    private static void assertRel(double expected, double actual, double rel) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected), "expected " + expected + " but got " + actual);
    }

    @Test
    void erfAndErfcAreAccurate() {
        double[][] cases = {
            {1e-10, 1.12837916709551262e-10, 0.999999999887162083},
            {0.1, 0.112462916018284898, 0.887537083981715102},
            {0.5, 0.520499877813046538, 0.479500122186953462},
            {0.99, 0.8385080695553698, 0.1614919304446302},
            {1.0, 0.842700792949714869, 0.157299207050285131},
            {1.5, 0.966105146475310727, 0.0338948535246892729},
            {2.9, 0.999958902121900541, 0.000041097878099458858},
            {3.2, 0.999993974238848238, 6.02576115176208781e-6},
            {5.9, 0.999999999999999928, 7.19040978355047772e-17},
            {6.5, 1.0, 3.84214832712064747e-20},
            {10.0, 1.0, 2.08848758376254476e-45},
            {26.0, 1.0, 5.66319240885614285e-296},
        };
        for (double[] c : cases) {
            assertRel(c[1], ElementMath.erf(c[0]), 4e-16);
            assertRel(-c[1], ElementMath.erf(-c[0]), 4e-16);
            assertRel(c[2], ElementMath.erfc(c[0]), 2e-15);
            assertRel(1 + c[1], ElementMath.erfc(-c[0]), 4e-16);
        }
        assertEquals(0.0, ElementMath.erfc(30));
        assertEquals(2.0, ElementMath.erfc(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(ElementMath.erf(Double.NaN)));
    }

    @Test
    void geluIsAccurateIncludingItsTail() {
        assertRel(-0.168108611394734536, ElementMath.gelu(-0.8475), 1e-15);
        assertRel(-0.00404969409489028358, ElementMath.gelu(-3.0), 4e-15);
        assertRel(-7.61985302416052607e-23, ElementMath.gelu(-10.0), 4e-14);
        assertRel(2.99595030590510972, ElementMath.gelu(3.0), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, ElementMath.gelu(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(ElementMath.gelu(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void pythonDivisionAndModulus() {
        assertEquals(-4f, ElementMath.floorDivide(-7.5f, 2f));
        assertEquals(3f, ElementMath.floorDivide(7.5f, 2f));
        assertEquals(-1.0, ElementMath.floorDivide(-1.0, 3.0));
        assertEquals(-0.0, ElementMath.floorDivide(-0.0, 3.0));
        assertEquals(Double.POSITIVE_INFINITY, ElementMath.floorDivide(1.0, 0.0));
        assertEquals(-3f, ElementMath.truncDivide(-7.5f, 2f));
        assertEquals(0.5f, ElementMath.remainder(-5.5f, 2f));
        assertEquals(-1.5f, ElementMath.remainder(-5.5f, -2f));
        assertEquals(2L, ElementMath.remainder(-7L, 3L));
        assertEquals(-2, ElementMath.remainder(7, -3));
    }

    @Test
    void powersFollowC() {
        assertEquals(1.0, ElementMath.pow(1.0, Double.NaN));
        assertEquals(1.0, ElementMath.pow(-1.0, Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(ElementMath.pow(-8.0, 1.0 / 3)));
        assertEquals(Double.POSITIVE_INFINITY, ElementMath.pow(0.0, -1.0));
        assertEquals(1024L, ElementMath.pow(2L, 10L));
        assertEquals(0L, ElementMath.pow(2L, 64L));
        assertEquals(-1L, ElementMath.pow(-1L, -3L));
        assertEquals(0, ElementMath.pow(3, -2));
        assertEquals(-27, ElementMath.pow(-3, 3));
    }
}
