package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False)},
 * with the operations, in order, of PyTorch's single-tensor ({@code foreach=False}) implementation:
 * <pre>
 * d = grad (negated if maximize) (+ weight_decay * param)
 * if momentum: buf = d.clone() on the first step, else buf = buf * momentum + (1 - dampening) * d
 *              d = d + momentum * buf (nesterov) or d = buf
 * param += -lr * d
 * </pre>
 */
public final class SGD extends Optimizer {
    /**
     * {@code SGD(params, lr)}: plain gradient descent.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws TensorException for an invalid argument
     */
    public SGD(Iterable<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /**
     * {@code SGD(params, lr, momentum)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param momentum the momentum factor
     * @throws TensorException for an invalid argument
     */
    public SGD(Iterable<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false);
    }

    /**
     * {@code SGD(params, lr, momentum, dampening, weight_decay, nesterov)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param momentum the momentum factor, not negative
     * @param dampening the dampening of the momentum
     * @param weightDecay the L2 penalty, not negative
     * @param nesterov whether to use Nesterov momentum (needs a momentum and zero dampening)
     * @throws TensorException for an invalid argument
     */
    public SGD(Iterable<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        super(params, lr);
        checkNonNegative(momentum, "momentum");
        checkNonNegative(weightDecay, "weight_decay");
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new TensorException("Nesterov momentum requires a momentum and zero dampening (got momentum="
                    + momentum + ", dampening=" + dampening + ")");
        }
        setHyper("momentum", momentum);
        setHyper("dampening", dampening);
        setHyper("weight_decay", weightDecay);
        setHyper("nesterov", nesterov);
        setHyper("maximize", false);
    }

    /**
     * The momentum buffer of parameter {@code index} ({@code state[p]['momentum_buffer']}).
     *
     * @param index the parameter's position
     * @return the buffer, or null before its first step with momentum
     */
    public Tensor momentumBuffer(int index) {
        return (Tensor) state(index).get("momentum_buffer");
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor d = direction(grad);
        double weightDecay = hyper("weight_decay");
        double momentum = hyper("momentum");
        if (weightDecay != 0) {
            d = d.add(param, weightDecay);
        }
        if (momentum != 0) {
            Tensor buf = momentumBuffer(index);
            if (buf == null) {
                buf = d.clone();
                state(index).put("momentum_buffer", buf);
            } else {
                buf.mul_(momentum).add_(d, 1 - hyper("dampening"));
            }
            d = flag("nesterov") ? d.add(buf, momentum) : buf;
        }
        param.add_(d, -lr());
    }
}
