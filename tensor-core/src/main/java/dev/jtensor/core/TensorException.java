package dev.jtensor.core;

/**
 * The one exception type of JTensor: thrown for bad input (shapes that do not broadcast, a dim
 * out of range, an index out of bounds, a dtype that cannot be used, a view that would need a copy,
 * an unavailable device). Its message always names the values involved, as PyTorch's messages do.
 */
public class TensorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message the message
     */
    public TensorException(String message) {
        super(message);
    }

    /**
     * An exception with the given message and cause.
     *
     * @param message the message
     * @param cause the cause
     */
    public TensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
