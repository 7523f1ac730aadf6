package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of epoch-based learning-rate schedules, PyTorch's {@code torch.optim.lr_scheduler._LRScheduler}
 * for one parameter group. The optimizer's first rate is remembered as {@code initial_lr} in its
 * parameter group (shared by every schedule built on it); construction performs the first
 * {@link #step()} (epoch 0), and each later {@code step()} advances one epoch and writes the new
 * rate into the optimizer, computed as PyTorch computes it (mostly from the current rate: the
 * "chainable" form).
 */
public abstract class LRScheduler {
    /** The optimizer whose rate is scheduled. */
    protected final Optimizer optimizer;
    /** The rate before any schedule ({@code base_lrs[0]}). */
    protected final double baseLr;
    /** The current epoch ({@code last_epoch}); -1 before the first step. */
    protected long lastEpoch = -1;
    private double lastLr;

    /**
     * A schedule of {@code optimizer}'s rate; subclasses finish with {@link #initialStep()}.
     *
     * @param optimizer the optimizer
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
        optimizer.paramGroup().putIfAbsent("initial_lr", optimizer.lr());
        this.baseLr = ((Number) optimizer.paramGroup().get("initial_lr")).doubleValue();
    }

    /** Performs the step made at construction (epoch 0). */
    protected final void initialStep() {
        step();
    }

    /**
     * The rate for {@link #lastEpoch}, PyTorch's {@code get_lr()}, from the optimizer's current rate.
     *
     * @return the result
     */
    protected abstract double computeLr();

    /**
     * The rate at epoch {@link #lastEpoch} in closed form ({@code _get_closed_form_lr}), used by
     * {@link #step(long)}; by default {@link #computeLr()}.
     *
     * @return the rate
     */
    protected double closedFormLr() {
        return computeLr();
    }

    /** Advances one epoch and sets the optimizer's rate ({@code scheduler.step()}). */
    public void step() {
        lastEpoch++;
        apply(computeLr());
    }

    /**
     * Jumps to {@code epoch} and sets the rate from the closed form ({@code scheduler.step(epoch)}, as
     * {@code SequentialLR} uses it).
     *
     * @param epoch the epoch
     */
    public void step(long epoch) {
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    /**
     * Writes {@code lr} into the optimizer and remembers it.
     *
     * @param lr the learning rate
     */
    protected void apply(double lr) {
        optimizer.paramGroup().put("lr", lr);
        lastLr = lr;
    }

    /**
     * The rate set by the last step ({@code get_last_lr()[0]}).
     *
     * @return the rate
     */
    public double lastLr() {
        return lastLr;
    }

    /**
     * The current epoch ({@code last_epoch}).
     *
     * @return the epoch
     */
    public long lastEpoch() {
        return lastEpoch;
    }

    /**
     * The optimizer's current rate ({@code group['lr']}).
     *
     * @return the result
     */
    protected final double groupLr() {
        return optimizer.lr();
    }

    /**
     * The schedule's state ({@code state_dict()}): {@code last_epoch}, {@code base_lrs} and {@code _last_lr}.
     *
     * @return a new map
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("last_epoch", lastEpoch);
        out.put("base_lrs", new double[] {baseLr});
        out.put("_last_lr", new double[] {lastLr});
        return out;
    }

    /**
     * Restores a {@link #stateDict()} ({@code load_state_dict}); the optimizer's rate is not changed.
     *
     * @param state the state
     * @throws TensorException if a key is missing
     */
    public void loadStateDict(Map<String, Object> state) {
        if (!state.containsKey("last_epoch") || !state.containsKey("_last_lr")) {
            throw new TensorException("scheduler state dict needs 'last_epoch' and '_last_lr', got " + state.keySet());
        }
        lastEpoch = ((Number) state.get("last_epoch")).longValue();
        lastLr = ((double[]) state.get("_last_lr"))[0];
    }
}
