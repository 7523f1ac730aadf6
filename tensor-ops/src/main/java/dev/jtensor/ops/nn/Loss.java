package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * The base of loss modules, PyTorch's {@code nn.modules.loss._Loss}: a module holding a reduction
 * whose {@code forward} takes the input together with its target (and, for some losses, more tensors),
 * so the one-input {@link #forward(Tensor)} is an error, as calling a PyTorch loss with one argument is.
 */
public abstract class Loss extends Module {
    /** How the per-element losses are reduced. */
    protected final Reduction reduction;

    /**
     * A loss with {@code reduction}.
     *
     * @param reduction how to reduce the per-element losses
     */
    protected Loss(Reduction reduction) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
    }

    /**
     * The reduction ({@code self.reduction}).
     *
     * @return the result
     */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Always throws: a loss needs its target.
     *
     * @param input the input
     * @return the result
     * @throws TensorException always, naming the missing argument
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new TensorException(getClass().getSimpleName() + ".forward() missing 1 required positional argument: "
                + "'target' (input of shape " + java.util.Arrays.toString(input.shape()) + ")");
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction.pytorchName();
    }
}
