package dev.jtensor.examples;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * How Python's {@code print} shows the values the examples print, so that their output reads like
 * the post's: {@code True}/{@code False}, floats as Python's {@code repr} writes them
 * ({@code 104.0}, {@code 1e-05}), a shape ({@code long[]}) as {@code torch.Size([2, 2])}, lists
 * in brackets, and everything else (tensors, dtypes, devices) by its {@code toString}, which
 * JTensor already writes as PyTorch does.
 */
public final class Python {
    private Python() {
    }

    /** What Python's {@code str(value)} gives for the Java counterpart of a Python value. */
    public static String str(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> s;
            default -> repr(value);
        };
    }

    /** What Python's {@code repr(value)} gives (strings quoted, as inside a printed list). */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Double d -> floatRepr(d);
            case Float f -> floatRepr(f.doubleValue());
            case String s -> "'" + s + "'";
            case long[] shape -> size(shape);
            case Object[] items -> list(java.util.Arrays.asList(items));
            case Collection<?> items -> list(items);
            default -> value.toString();
        };
    }

    /** PyTorch's {@code torch.Size([2, 3])} for a shape. */
    public static String size(long[] shape) {
        StringJoiner j = new StringJoiner(", ", "torch.Size([", "])");
        for (long s : shape) {
            j.add(Long.toString(s));
        }
        return j.toString();
    }

    private static String list(Collection<?> items) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Object item : items) {
            j.add(repr(item));
        }
        return j.toString();
    }

    /**
     * Python's {@code repr} of a float: the shortest digits that read back to the same double
     * (Java's {@link Double#toString} finds the same digits), positional for decimal exponents from
     * -5 to 15 and scientific ({@code 1e-05}, {@code 1.5e+16}) outside.
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal digits = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String unscaled = digits.unscaledValue().abs().toString();
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            String sign = d < 0 ? "-" : "";
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = digits.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
