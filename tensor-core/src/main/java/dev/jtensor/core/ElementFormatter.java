package dev.jtensor.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats the elements of one tensor to one common width, deciding between integer-valued
 * ({@code 1.}), fixed ({@code 0.1000}) and scientific ({@code 1.0000e-05}) notation from the values
 * it is shown, as PyTorch's {@code _Formatter} does. Floating values are formatted from their exact
 * binary value with round-half-even, which is what Python's {@code format} does.
 */
final class ElementFormatter {
    private final double[] floats;
    private final long[] ints;
    private final boolean[] bools;
    private final int precision;
    private final boolean intMode;
    private final boolean sciMode;
    private final int maxWidth;

    /**
     * A formatter over the host array {@code values} (the elements that will be printed, i.e. the
     * summarised data of a summarised tensor).
     */
    ElementFormatter(Object values, PrintOptions options) {
        this.precision = options.precision();
        switch (values) {
            case float[] a -> {
                double[] d = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    d[i] = a[i];
                }
                floats = d;
                ints = null;
                bools = null;
            }
            case double[] a -> {
                floats = a;
                ints = null;
                bools = null;
            }
            case long[] a -> {
                floats = null;
                ints = a;
                bools = null;
            }
            case int[] a -> {
                long[] l = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    l[i] = a[i];
                }
                floats = null;
                ints = l;
                bools = null;
            }
            case boolean[] a -> {
                floats = null;
                ints = null;
                bools = a;
            }
            default -> throw new IllegalArgumentException("not a tensor host array: " + values.getClass());
        }
        if (floats == null) {
            intMode = true;
            sciMode = false;
            maxWidth = integerWidth();
            return;
        }
        // Magnitudes and integrality are judged on the non-zero finite values only.
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        int count = 0;
        boolean allIntegral = true;
        for (double v : floats) {
            if (Double.isFinite(v) && v != 0) {
                count++;
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                minAbs = Math.min(minAbs, a);
                if (v != Math.ceil(v)) {
                    allIntegral = false;
                }
            }
        }
        if (count == 0) {
            // PyTorch returns before applying the sci_mode option here: zeros, nan and inf print as "0.", "nan".
            intMode = true;
            sciMode = false;
            maxWidth = 1;
            return;
        }
        boolean sci;
        int width = 1;
        if (allIntegral) {
            sci = maxAbs / minAbs > 1000.0 || maxAbs > 1.0e8;
            for (double v : floats) {
                if (Double.isFinite(v) && v != 0) {
                    // +1 for the "." that marks a float.
                    width = Math.max(width, sci ? sci(v, precision).length() : fixed(v, 0).length() + 1);
                }
            }
        } else {
            sci = maxAbs / minAbs > 1000.0 || maxAbs > 1.0e8 || minAbs < 1.0e-4;
            for (double v : floats) {
                if (Double.isFinite(v) && v != 0) {
                    width = Math.max(width, sci ? sci(v, precision).length() : fixed(v, precision).length());
                }
            }
        }
        intMode = allIntegral;
        // As in PyTorch, a forced sci mode keeps the width measured for the automatic choice.
        sciMode = switch (options.sciMode()) {
            case AUTO -> sci;
            case ON -> true;
            case OFF -> false;
        };
        maxWidth = width;
    }

    private int integerWidth() {
        int width = 1;
        if (ints != null) {
            for (long v : ints) {
                width = Math.max(width, Long.toString(v).length());
            }
        } else {
            for (boolean v : bools) {
                width = Math.max(width, v ? 4 : 5);
            }
        }
        return width;
    }

    /** The common width of the formatted elements. */
    int width() {
        return maxWidth;
    }

    /** Element {@code i} of the values, right-aligned to {@link #width()} (longer texts are not cut). */
    String format(int i) {
        String s;
        if (floats != null) {
            double v = floats[i];
            if (sciMode) {
                s = sci(v, precision);
            } else if (intMode) {
                s = fixed(v, 0);
                if (Double.isFinite(v)) {
                    s += ".";
                }
            } else {
                s = fixed(v, precision);
            }
        } else if (ints != null) {
            s = Long.toString(ints[i]);
        } else {
            s = bools[i] ? "True" : "False";
        }
        return s.length() >= maxWidth ? s : " ".repeat(maxWidth - s.length()) + s;
    }

    /** Python's {@code "{:.<precision>f}".format(v)}: exact value rounded half-even, sign kept for -0. */
    static String fixed(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String digits = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return isNegative(v) ? "-" + digits : digits;
    }

    /** Python's {@code "{:.<precision>e}".format(v)}: e.g. {@code 1.0000e-05}, at least two exponent digits. */
    static String sci(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        int significant = precision + 1;
        String digits;
        int exponent;
        if (v == 0) {
            digits = "0".repeat(significant);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(significant, RoundingMode.HALF_EVEN));
            String unscaled = rounded.unscaledValue().toString();
            exponent = unscaled.length() - rounded.scale() - 1;
            // Exact values with few digits (e.g. 100) come back shorter than the precision: pad.
            digits = unscaled + "0".repeat(significant - unscaled.length());
        }
        StringBuilder sb = new StringBuilder(significant + 8);
        if (isNegative(v)) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.').append(digits, 1, significant);
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int absExp = Math.abs(exponent);
        if (absExp < 10) {
            sb.append('0');
        }
        return sb.append(absExp).toString();
    }

    private static boolean isNegative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
