package dev.jtensor.core.spi;

import dev.jtensor.core.Tensor;

/**
 * The autograd tape, provided by tensor-ops through {@link java.util.ServiceLoader}. Core's
 * differentiable ops report each application of a {@link Primitive} here; the engine records a
 * node and sets the outputs' {@link Tensor#gradFn()}.
 */
public interface AutogradEngine {
    /**
     * Records that {@code outputs} were computed from {@code inputs} by {@code op}. Called only
     * when grad mode is on and some input requires grad.
     *
     * @param attrs op-specific values the derivative needs (dims, shapes, index tensors)
     * @param op the operation
     * @param inputs the inputs
     * @param outputs the outputs
     */
    void record(Primitive op, Tensor[] inputs, Tensor[] outputs, Object[] attrs);

    /**
     * Back-propagates from {@code root}, seeding it with {@code gradient} (ones for a scalar), and
     * accumulates into the {@code grad} of leaves that require grad.
     *
     * @param root the root
     * @param gradient the gradient
     * @param retainGraph whether to keep the recorded graph for another backward pass
     */
    void backward(Tensor root, Tensor gradient, boolean retainGraph);
}
