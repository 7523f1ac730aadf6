package dev.jtensor.core.spi;

/**
 * The reductions a backend implements through {@link Backend#reduce(ReduceOp, ReducePlan)}. Each
 * output element is computed from one line of {@link ReducePlan#reduceSize()} input elements
 * ({@code reduceSize >= 1}: device-neutral code handles empty reductions itself).
 *
 * <p>Dtypes are settled before the call (the op code casts its input): the table below is what a
 * backend may assume. NaN propagates through every floating reduction as in PyTorch.
 */
public enum ReduceOp {
    /** Sum; input and output float32, float64 or int64 (float32 accumulates in float, PyTorch-style). */
    SUM,
    /** Sum divided by the line length; input and output float32 or float64. */
    MEAN,
    /** Product; input and output float32, float64 or int64 (integers wrap on overflow). */
    PROD,
    /** Largest element (NaN if the line holds one); any dtype, output of the input's dtype. */
    AMAX,
    /** Smallest element (NaN if the line holds one); any dtype, output of the input's dtype. */
    AMIN,
    /**
     * Largest element and its position: output 0 gets the value (input dtype), output 1 the int64
     * index of its first occurrence along the line, or of the first NaN. Used with one reduced dim.
     */
    MAX,
    /** Smallest element and its position, as {@link #MAX}. */
    MIN,
    /** int64 index of the first largest element (or of the first NaN); any input dtype. */
    ARGMAX,
    /** int64 index of the first smallest element (or of the first NaN); any input dtype. */
    ARGMIN,
    /** Whether every element is true; input and output bool. */
    ALL,
    /** Whether some element is true; input and output bool. */
    ANY,
    /**
     * {@code log(sum(exp(x)))} computed stably as {@code m + log(sum(exp(x - m)))} with {@code m}
     * the line's maximum (0 when it is infinite); input and output float32 or float64.
     */
    LOGSUMEXP
}
