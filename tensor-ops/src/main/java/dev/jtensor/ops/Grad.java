package dev.jtensor.ops;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Autograd;
import dev.jtensor.ops.autograd.TapeEngine;

/**
 * Autograd helpers beside {@link Tensor#backward()}: the no-grad scope, clearing gradients, and
 * gradients of an output with respect to chosen tensors ({@code torch.autograd.grad}).
 */
public final class Grad {
    private Grad() {}

    /**
     * Opens a scope in which nothing is recorded (PyTorch's {@code with torch.no_grad():}).
     *
     * @return the scope, to close
     */
    public static NoGrad noGrad() {
        return NoGrad.enter();
    }

    /** {@return whether ops are recorded on this thread (PyTorch's {@code torch.is_grad_enabled()})} */
    public static boolean isGradEnabled() {
        return Autograd.isGradEnabled();
    }

    /**
     * Clears the accumulated gradients of {@code tensors} (PyTorch's {@code optimizer.zero_grad()}):
     * with {@code setToNone} their {@code grad} becomes null, otherwise it is filled with zeros in place.
     *
     * @param tensors the tensors
     * @param setToNone whether to set the gradients to null rather than to zero
     */
    public static void zeroGrad(Iterable<? extends Tensor> tensors, boolean setToNone) {
        for (Tensor t : tensors) {
            Tensor g = t.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                t.setGrad(null);
            } else {
                g.zero_();
            }
        }
    }

    /**
     * Sets the gradients of {@code tensors} to null (PyTorch 2's default {@code zero_grad(set_to_none=True)}).
     *
     * @param tensors the tensors
     */
    public static void zeroGrad(Iterable<? extends Tensor> tensors) {
        zeroGrad(tensors, true);
    }

    /**
     * Sets the gradients of {@code tensors} to null.
     *
     * @param tensors the tensors
     */
    public static void zeroGrad(Tensor... tensors) {
        zeroGrad(java.util.Arrays.asList(tensors), true);
    }

    /**
     * The gradients of scalar {@code output} with respect to {@code inputs}, leaving every
     * {@code grad} untouched (PyTorch's {@code torch.autograd.grad(output, inputs)}); the graph is freed.
     *
     * @param output the output
     * @param inputs the inputs
     * @return the gradients of scalar {@code output} with respect to {@code inputs}, leaving every {@code grad}
     *     untouched (PyTorch's {@code torch.autograd.grad(output, inputs)})
     * @throws dev.jtensor.core.TensorException when an input is not used to compute {@code output}
     */
    public static Tensor[] grad(Tensor output, Tensor... inputs) {
        return TapeEngine.grad(output, inputs, null, false, false);
    }

    /**
     * The gradients of {@code output} seeded with {@code gradOutput} (null for a scalar output) with
     * respect to {@code inputs}; {@code retainGraph} keeps the graph for another pass, and with
     * {@code allowUnused} an input that {@code output} does not depend on gets null instead of an error.
     *
     * @param output the output
     * @param inputs the inputs
     * @param gradOutput the gradient of the output
     * @param retainGraph whether to keep the recorded graph for another backward pass
     * @param allowUnused whether inputs the outputs do not depend on are allowed (their gradient is null)
     * @return the gradients of {@code output} seeded with {@code gradOutput} (null for a scalar output) with
     *     respect to {@code inputs}
     */
    public static Tensor[] grad(Tensor output, Tensor[] inputs, Tensor gradOutput, boolean retainGraph,
            boolean allowUnused) {
        return TapeEngine.grad(output, inputs, gradOutput, retainGraph, allowUnused);
    }
}
