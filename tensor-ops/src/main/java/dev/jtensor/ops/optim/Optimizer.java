package dev.jtensor.ops.optim;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of optimizers, PyTorch's {@code torch.optim.Optimizer} with one parameter group: a list of
 * parameters, the group's hyperparameters by PyTorch's names ({@code "lr"}, {@code "momentum"},
 * {@code "betas"} as a {@code double[2]}, {@code "weight_decay"}, {@code "maximize"}, ...), which
 * learning-rate schedules may change between steps, per-parameter state by PyTorch's names
 * ({@code "step"}, {@code "exp_avg"}, {@code "momentum_buffer"}, ...), {@link #zeroGrad()},
 * {@link #stateDict()} / {@link #loadStateDict(Map)}, and {@link #step()}, which updates each parameter
 * that has a gradient in place, under no-grad.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private final Map<String, Object> group = new LinkedHashMap<>();
    private final List<Map<String, Object>> state = new ArrayList<>();

    /**
     * An optimizer over {@code params} with learning rate {@code lr}.
     *
     * @param params floating leaf tensors requiring grad, each listed once
     * @param lr the learning rate, not negative
     * @throws TensorException for a negative rate, a non-leaf or repeated parameter, or no parameters
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
            state.add(new LinkedHashMap<>());
        }
        if (list.isEmpty()) {
            throw new TensorException("optimizer got an empty parameter list");
        }
        this.params = Collections.unmodifiableList(list);
        group.put("lr", lr);
    }

    /**
     * The parameters, in the order given.
     *
     * @return the result
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * The learning rate ({@code param_groups[0]['lr']}).
     *
     * @return the result
     */
    public double lr() {
        return hyper("lr");
    }

    /**
     * Sets the learning rate for the following steps (what an LR schedule does).
     *
     * @param lr the new rate, not negative
     * @return this
     * @throws TensorException for a negative rate
     */
    public Optimizer lr(double lr) {
        if (!(lr >= 0)) {
            throw new TensorException("Invalid learning rate: " + lr);
        }
        group.put("lr", lr);
        return this;
    }

    /**
     * Whether to maximise the objective ({@code maximize=True}: steps follow the gradient, not its negative).
     *
     * @param on the flag
     * @return this
     */
    public Optimizer maximize(boolean on) {
        group.put("maximize", on);
        return this;
    }

    /**
     * The parameter group's hyperparameters ({@code param_groups[0]} without {@code params}); a live view.
     *
     * @return the result
     */
    public Map<String, Object> paramGroup() {
        return group;
    }

    /**
     * Hyperparameter {@code name} as a number.
     *
     * @param name the hyperparameter's name
     * @return the result
     */
    protected final double hyper(String name) {
        return ((Number) group.get(name)).doubleValue();
    }

    /**
     * Hyperparameter {@code name} as a flag (absent: false).
     *
     * @param name the hyperparameter's name
     * @return the result
     */
    protected final boolean flag(String name) {
        return Boolean.TRUE.equals(group.get(name));
    }

    /**
     * The {@code i}-th of the {@code "betas"} hyperparameter.
     *
     * @param i the position
     * @return the result
     */
    protected final double beta(int i) {
        return ((double[]) group.get("betas"))[i];
    }

    /**
     * Sets hyperparameter {@code name} (constructors register their defaults).
     *
     * @param name the hyperparameter's name
     * @param value the value
     */
    protected final void setHyper(String name, Object value) {
        group.put(name, value);
    }

    /**
     * The state of parameter {@code index} ({@code state[p]}), empty before its first step; a live view.
     *
     * @param index the parameter's position
     * @return the result
     */
    public Map<String, Object> state(int index) {
        return state.get(index);
    }

    /**
     * The gradient as the step uses it: negated under {@code maximize}.
     *
     * @param grad the gradient
     * @return the result
     */
    protected final Tensor direction(Tensor grad) {
        return flag("maximize") ? grad.neg() : grad;
    }

    /** Clears the gradients: {@code zero_grad()} with PyTorch 2's {@code set_to_none=True}. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code zero_grad(set_to_none)}: drop the gradients, or fill them with zeros in place.
     *
     * @param setToNone whether to drop rather than zero
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
     * @param index the parameter's position
     * @param param the parameter
     * @param grad its gradient
     */
    protected abstract void update(int index, Tensor param, Tensor grad);

    /**
     * The optimizer's state ({@code state_dict()}): {@code "state"} maps each parameter's index to a copy
     * of its state (tensors cloned), {@code "param_groups"} is a one-element list holding a copy of the
     * hyperparameters and {@code "params"}, the indices {@code [0, n)}.
     *
     * @return a new map
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> states = new LinkedHashMap<>();
        for (int i = 0; i < state.size(); i++) {
            if (!state.get(i).isEmpty()) {
                states.put(Integer.toString(i), copy(state.get(i)));
            }
        }
        Map<String, Object> g = copy(group);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            indices.add(i);
        }
        g.put("params", indices);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", states);
        out.put("param_groups", List.of(g));
        return out;
    }

    /**
     * Restores a {@link #stateDict()} of an optimizer of the same kind over parameters of the same
     * shapes ({@code load_state_dict}); tensors are copied to each parameter's device and dtype.
     *
     * @param dict the state
     * @throws TensorException if the parameter count or a state tensor's shape differs
     */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> dict) {
        Map<String, Object> g = ((List<Map<String, Object>>) dict.get("param_groups")).get(0);
        List<?> indices = (List<?>) g.get("params");
        if (indices.size() != params.size()) {
            throw new TensorException("loaded state dict contains a parameter group that doesn't match the size of "
                    + "optimizer's group: " + indices.size() + " parameters, expected " + params.size());
        }
        Map<String, Object> states = (Map<String, Object>) dict.get("state");
        List<Map<String, Object>> restored = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Map<String, Object> s = (Map<String, Object>) states.get(Integer.toString(i));
            Map<String, Object> r = new LinkedHashMap<>();
            if (s != null) {
                for (var e : s.entrySet()) {
                    Object v = e.getValue();
                    if (v instanceof Tensor t) {
                        Tensor p = params.get(i);
                        if (t.dim() > 0 && !java.util.Arrays.equals(t.shape(), p.shape())) {
                            throw new TensorException("state '" + e.getKey() + "' of parameter " + i + " has shape "
                                    + java.util.Arrays.toString(t.shape()) + " but the parameter has shape "
                                    + java.util.Arrays.toString(p.shape()));
                        }
                        v = t.detach().to(p.device()).to(p.dtype()).clone();
                    }
                    r.put(e.getKey(), v);
                }
            }
            restored.add(r);
        }
        for (int i = 0; i < params.size(); i++) {
            state.set(i, restored.get(i));
        }
        Map<String, Object> hypers = copy(g);
        hypers.remove("params");
        group.clear();
        group.putAll(hypers);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Tensor t) {
                v = t.detach().clone();
            } else if (v instanceof double[] d) {
                v = d.clone();
            } else if (v instanceof long[] l) {
                v = l.clone();
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Checks a hyperparameter is not negative, with PyTorch's message {@code "Invalid <what> value: <v>"}. */
    static void checkNonNegative(double v, String what) {
        if (!(v >= 0)) {
            throw new TensorException("Invalid " + what + " value: " + v);
        }
    }

    /** Checks {@code betas} lie in [0, 1), with PyTorch's messages. */
    static double[] checkBetas(double beta1, double beta2) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new TensorException("Invalid beta parameter at index 0: " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new TensorException("Invalid beta parameter at index 1: " + beta2);
        }
        return new double[] {beta1, beta2};
    }

    /**
     * Parameter {@code index}'s step count, incremented ({@code state['step'] += 1}).
     *
     * @param index the parameter's position
     * @return the result
     */
    protected final long nextStep(int index) {
        long step = ((Number) state(index).getOrDefault("step", 0L)).longValue() + 1;
        state(index).put("step", step);
        return step;
    }

    /**
     * Parameter {@code index}'s state tensor {@code name}, created as zeros like the parameter when absent.
     *
     * @param index the parameter's position
     * @param name the hyperparameter's name
     * @param param the parameter
     * @return the result
     */
    protected final Tensor buffer(int index, String name, Tensor param) {
        return (Tensor) state(index).computeIfAbsent(name, k -> Tensor.zerosLike(param));
    }
}
