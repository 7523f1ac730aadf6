package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)}, with
 * the operations, in order, of PyTorch's single-tensor ({@code foreach=False}) implementation:
 * <pre>
 * d = grad (+ weight_decay * param)
 * if momentum: buf = d.clone() on the first step, else buf = buf * momentum + (1 - dampening) * d
 *              d = d + momentum * buf (nesterov) or d = buf
 * param += -lr * d
 * </pre>
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final Tensor[] momentumBuffers;

    /**
     * {@code SGD(params, lr)}: plain gradient descent.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     */
    public SGD(Iterable<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /**
     * {@code SGD(params, lr, momentum)}.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     * @param momentum the momentum factor
     */
    public SGD(Iterable<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false);
    }

    /**
     * {@code SGD(params, lr, momentum, dampening, weight_decay, nesterov)}.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate
     * @param momentum the momentum factor
     * @param dampening the dampening for momentum
     * @param weightDecay the weight decay (L2 penalty)
     * @param nesterov whether to use Nesterov momentum
     */
    public SGD(Iterable<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        super(params, lr);
        if (!(momentum >= 0)) {
            throw new TensorException("Invalid momentum value: " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new TensorException("Invalid weight_decay value: " + weightDecay);
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new TensorException("Nesterov momentum requires a momentum and zero dampening (got momentum="
                    + momentum + ", dampening=" + dampening + ")");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.momentumBuffers = new Tensor[params().size()];
    }

    /**
     * {@return the momentum buffer of parameter {@code index} ({@code state[p]['momentum_buffer']}), or null
     * before its first step}
     *
     * @param index the index
     */
    public Tensor momentumBuffer(int index) {
        return momentumBuffers[index];
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor d = grad;
        if (weightDecay != 0) {
            d = d.add(param, weightDecay);
        }
        if (momentum != 0) {
            Tensor buf = momentumBuffers[index];
            if (buf == null) {
                buf = d.clone();
                momentumBuffers[index] = buf;
            } else {
                buf.mul_(momentum).add_(d, 1 - dampening);
            }
            d = nesterov ? d.add(buf, momentum) : buf;
        }
        param.add_(d, -lr());
    }
}
