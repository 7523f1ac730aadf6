package dev.jtensor.ops.nn;

import dev.jtensor.core.TensorException;

/** How a loss reduces its per-element values: PyTorch's {@code reduction='none' | 'mean' | 'sum'}. */
public enum Reduction {
    /** Keep one loss per element ({@code 'none'}). */
    NONE,
    /** The (possibly weighted) mean ({@code 'mean'}, PyTorch's default). */
    MEAN,
    /** The sum ({@code 'sum'}). */
    SUM;

    /**
     * Parses PyTorch's spelling: {@code "none"}, {@code "mean"} or {@code "sum"}.
     *
     * @param name the name
     * @return the reduction
     */
    public static Reduction of(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new TensorException(name + " is not a valid value for reduction: expected 'none', 'mean' or 'sum'");
        };
    }

    /** {@return PyTorch's spelling of this reduction} */
    public String pytorchName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
