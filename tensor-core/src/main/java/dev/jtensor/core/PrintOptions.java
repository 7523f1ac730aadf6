package dev.jtensor.core;

import java.util.Objects;

/**
 * How tensors are printed: the settings of PyTorch's {@code torch.set_printoptions}. Immutable; install
 * a set with {@link TensorPrinter#setPrintOptions}. The {@link #DEFAULT} values are PyTorch's.
 *
 * @param precision digits after the decimal point of floating values (PyTorch's {@code precision}, default 4)
 * @param threshold tensors with more elements than this are summarised with {@code ...} (default 1000;
 *     {@link Long#MAX_VALUE} never summarises)
 * @param edgeItems elements kept at each end of a summarised dim (default 3)
 * @param lineWidth characters per line before a 1-D row wraps (default 80)
 * @param sciMode whether floating values use scientific notation ({@link SciMode#AUTO} lets the values decide,
 *     as PyTorch's {@code sci_mode=None})
 */
public record PrintOptions(int precision, long threshold, int edgeItems, int lineWidth, SciMode sciMode) {
    /** PyTorch's defaults: precision 4, threshold 1000, 3 edge items, line width 80, automatic sci mode. */
    public static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, SciMode.AUTO);

    /** The choice of scientific notation for floating values (PyTorch's {@code sci_mode}: None, True, False). */
    public enum SciMode {
        /** Decided from the values, as PyTorch does by default. */
        AUTO,
        /** Always scientific ({@code sci_mode=True}). */
        ON,
        /** Never scientific ({@code sci_mode=False}). */
        OFF
    }

    /**
     * Validates the settings.
     *
     * @throws TensorException for a negative precision or threshold, fewer than one edge item, a line width below 1,
     *     or a null sci mode
     */
    public PrintOptions {
        if (precision < 0) {
            throw new TensorException("print precision must be >= 0, got " + precision);
        }
        if (threshold < 0) {
            throw new TensorException("print threshold must be >= 0, got " + threshold);
        }
        // PyTorch's slicing with edgeitems=0 prints every element after the "..." (self[-0:]); refuse it instead.
        if (edgeItems < 1) {
            throw new TensorException("print edgeItems must be >= 1, got " + edgeItems);
        }
        if (lineWidth < 1) {
            throw new TensorException("print lineWidth must be >= 1, got " + lineWidth);
        }
        Objects.requireNonNull(sciMode, "sciMode");
    }

    /**
     * One of PyTorch's named profiles: {@code "default"}, {@code "short"} (precision 2, 2 edge items) or
     * {@code "full"} (never summarise); the sci mode is {@link SciMode#AUTO}.
     *
     * @param name the name
     * @return one of PyTorch's named profiles
     * @throws TensorException naming an unknown profile
     */
    public static PrintOptions profile(String name) {
        return switch (name) {
            case "default" -> DEFAULT;
            case "short" -> new PrintOptions(2, 1000, 2, 80, SciMode.AUTO);
            case "full" -> new PrintOptions(4, Long.MAX_VALUE, 3, 80, SciMode.AUTO);
            default -> throw new TensorException("unknown print profile '" + name
                    + "': expected one of default, short, full");
        };
    }

    /**
     * {@return these options with another precision}
     *
     * @param value the value
     */
    public PrintOptions withPrecision(int value) {
        return new PrintOptions(value, threshold, edgeItems, lineWidth, sciMode);
    }

    /**
     * {@return these options with another summarisation threshold}
     *
     * @param value the value
     */
    public PrintOptions withThreshold(long value) {
        return new PrintOptions(precision, value, edgeItems, lineWidth, sciMode);
    }

    /**
     * {@return these options with another number of edge items}
     *
     * @param value the value
     */
    public PrintOptions withEdgeItems(int value) {
        return new PrintOptions(precision, threshold, value, lineWidth, sciMode);
    }

    /**
     * {@return these options with another line width}
     *
     * @param value the value
     */
    public PrintOptions withLineWidth(int value) {
        return new PrintOptions(precision, threshold, edgeItems, value, sciMode);
    }

    /**
     * {@return these options with another sci mode}
     *
     * @param value the value
     */
    public PrintOptions withSciMode(SciMode value) {
        return new PrintOptions(precision, threshold, edgeItems, lineWidth, value);
    }
}
