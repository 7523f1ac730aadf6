package dev.jtensor.core.spi;

/**
 * The autograd node that produced a tensor (PyTorch's {@code grad_fn}); implemented by tensor-ops.
 */
public interface GradNode {
    /** {@return PyTorch-style name, e.g. {@code "AddBackward0"}} */
    String name();
}
