package dev.jtensor.examples;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * What an f-string's {@code {value}} gives: a 0-d tensor formats as its Python number
     * ({@code 54}, not {@code tensor(54)}), as {@code Tensor.__format__} does; anything else as
     * {@link #str}.
     *
     * @param value the interpolated value
     * @return its text in an f-string
     */
    public static String format(Object value) {
        if (value instanceof Tensor t && t.dim() == 0) {
            if (t.dtype() == DType.BOOL) {
                return repr(t.itemBoolean());
            }
            return t.dtype().isFloatingPoint() ? floatRepr(t.item()) : Long.toString(t.itemLong());
        }
        return str(value);
    }

    /**
     * Python's {@code type(value)} as printed ({@code <class 'list'>}) for the Java counterparts of
     * the Python values the examples print the type of.
     *
     * @param value a list, tensor or number
     * @return the printed class
     * @throws IllegalArgumentException for a value with no Python counterpart here
     */
    public static String type(Object value) {
        return switch (value) {
            case Tensor t -> "<class 'torch.Tensor'>";
            case Collection<?> c -> "<class 'list'>";
            case Double d -> "<class 'float'>";
            case Float f -> "<class 'float'>";
            case Long l -> "<class 'int'>";
            case Integer i -> "<class 'int'>";
            case Boolean b -> "<class 'bool'>";
            case null, default -> throw new IllegalArgumentException("no Python type for " + value);
        };
    }

    /**
     * Python's {@code f"{value:.Nf}"}: the exact binary value rounded half-even to {@code digits}
     * decimals, keeping the minus sign of a negative value that rounds to zero ({@code -0.00}).
     *
     * @param value the number
     * @param digits decimals after the point
     * @return the fixed-point text
     */
    public static String fixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return floatRepr(value);
        }
        String text = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).abs().toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative ? "-" + text : text;
    }

    /**
     * How Python shows a module's weight, an {@code nn.Parameter}: {@code Parameter containing:} on a
     * line of its own, then the tensor.
     *
     * @param weight a module's weight
     * @return the weight's repr as a parameter
     */
    public static String parameter(Tensor weight) {
        return "Parameter containing:\n" + weight;
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
