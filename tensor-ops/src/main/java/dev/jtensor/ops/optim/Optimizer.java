package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The base of optimizers, PyTorch's {@code torch.optim.Optimizer} with one parameter group: a list of
 * parameters, a learning rate that schedules may change between steps, {@link #zeroGrad()}, and
 * {@link #step()}, which updates each parameter that has a gradient in place, under no-grad.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private double lr;

    /**
     * An optimizer over {@code params} (each a floating leaf tensor requiring grad, listed once) with
     * learning rate {@code lr >= 0}.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     */
    protected Optimizer(Iterable<Tensor> params, double lr) {
        if (!(lr >= 0)) {
            throw new TensorException("Invalid learning rate: " + lr);
        }
        List<Tensor> list = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor p : params) {
            if (!p.isLeaf()) {
                throw new TensorException("can't optimize a non-leaf Tensor (shape "
                        + java.util.Arrays.toString(p.shape()) + ")");
            }
            if (!seen.add(p)) {
                throw new TensorException("some parameters appear in more than one parameter group");
            }
            list.add(p);
        }
        if (list.isEmpty()) {
            throw new TensorException("optimizer got an empty parameter list");
        }
        this.params = Collections.unmodifiableList(list);
        this.lr = lr;
    }

    /** {@return the parameters, in the order given} */
    public List<Tensor> params() {
        return params;
    }

    /** {@return the learning rate ({@code param_groups[0]['lr']})} */
    public double lr() {
        return lr;
    }

    /**
     * Sets the learning rate for the following steps (what an LR schedule does); returns this.
     *
     * @param lr the learning rate
     * @return this optimizer
     */
    public Optimizer lr(double lr) {
        if (!(lr >= 0)) {
            throw new TensorException("Invalid learning rate: " + lr);
        }
        this.lr = lr;
        return this;
    }

    /** Clears the gradients: {@code zero_grad()} with PyTorch 2's {@code set_to_none=True}. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code zero_grad(set_to_none)}: drop the gradients, or fill them with zeros in place.
     *
     * @param setToNone whether to set the gradients to null rather than to zero
     */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                try (var _ = NoGrad.enter()) {
                    g.zero_();
                }
            }
        }
    }

    /** One update of every parameter that has a gradient ({@code optimizer.step()}), in place, under no-grad. */
    public final void step() {
        try (var _ = NoGrad.enter()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.grad() != null) {
                    update(i, p, p.grad());
                }
            }
        }
    }

    /**
     * Updates parameter {@code index} in place from its gradient; runs under no-grad.
     *
     * @param index the index
     * @param param the parameter
     * @param grad the gradient
     */
    protected abstract void update(int index, Tensor param, Tensor grad);
}
