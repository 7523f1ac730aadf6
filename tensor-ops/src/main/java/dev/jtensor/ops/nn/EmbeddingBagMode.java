package dev.jtensor.ops.nn;

import dev.jtensor.core.TensorException;

/** How an embedding bag combines its rows: PyTorch's {@code mode='sum' | 'mean' | 'max'}. */
public enum EmbeddingBagMode {
    /** The (per-sample weighted) sum of the rows. */
    SUM,
    /** The mean of the rows (PyTorch's default). */
    MEAN,
    /** The elementwise max of the rows. */
    MAX;

    /**
     * Parses PyTorch's spelling: {@code "sum"}, {@code "mean"} or {@code "max"}.
     *
     * @param name the name
     * @return the mode
     */
    public static EmbeddingBagMode of(String name) {
        return switch (name) {
            case "sum" -> SUM;
            case "mean" -> MEAN;
            case "max" -> MAX;
            default -> throw new TensorException("mode has to be one of sum, mean or max, got '" + name + "'");
        };
    }
}
