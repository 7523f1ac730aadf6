package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Npy;
import dev.jtensor.core.Safetensors;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.TorchCheckpoint;
import dev.jtensor.ops.NoGrad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of neural-network layers, PyTorch's {@code nn.Module}: named parameters, buffers and
 * child modules in registration order, training/evaluation mode, gradient clearing, a state dict
 * that saves to and loads from {@code .npy} files or one {@code .npz} archive, and moving to a device.
 *
 * <p>Names are PyTorch's dotted names ({@code "0.weight"}, {@code "encoder.bias"}). Subclasses
 * register their tensors in the constructor and read them back by name (so that {@link #to(Device)}
 * can replace them), then implement {@link #forward}.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** A module with nothing registered, in training mode. */
    protected Module() {}

    /**
     * Applies the module, PyTorch's {@code module(input)} / {@code forward(input)}.
     *
     * @param input the input tensor
     * @return the tensor
     */
    public abstract Tensor forward(Tensor input);

    // ------------------------------------------------------------------ registration

    /**
     * Registers a parameter ({@code register_parameter}): a floating tensor that now requires grad, or
     * null for an absent optional one (as {@code bias=False}); returns it.
     *
     * @param name the name
     * @param value the value
     * @return the tensor
     */
    protected Tensor registerParameter(String name, Tensor value) {
        checkName(name);
        if (value != null) {
            if (!value.isLeaf()) {
                throw new TensorException("cannot register parameter '" + name + "': it was computed by an op "
                        + "(a non-leaf tensor); register a leaf, e.g. value.detach()");
            }
            value.requiresGrad(true);
        }
        parameters.put(name, value);
        return value;
    }

    /**
     * Registers a buffer ({@code register_buffer}): state saved in the state dict but not trained; returns it.
     *
     * @param name the name
     * @param value the value
     * @return this tensor
     */
    protected Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    /**
     * Registers a child module ({@code add_module}); its names get the prefix {@code name + "."}; returns it.
     *
     * @param <M> the type of the module
     * @param name the name
     * @param module the module
     * @return the child module
     */
    protected <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new TensorException("module attribute name can't be empty or contain \".\", got \"" + name + "\"");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new TensorException("attribute '" + name + "' already exists in " + getClass().getSimpleName());
        }
    }

    /**
     * {@return this module's own parameter {@code name} (not a child's), or null when registered as absent}
     *
     * @param name the name
     */
    public Tensor parameter(String name) {
        if (!parameters.containsKey(name)) {
            throw new TensorException(getClass().getSimpleName() + " has no parameter '" + name + "'; it has "
                    + parameters.keySet());
        }
        return parameters.get(name);
    }

    /**
     * {@return this module's own buffer {@code name}}
     *
     * @param name the name
     */
    public Tensor buffer(String name) {
        if (!buffers.containsKey(name)) {
            throw new TensorException(getClass().getSimpleName() + " has no buffer '" + name + "'; it has "
                    + buffers.keySet());
        }
        return buffers.get(name);
    }

    // ------------------------------------------------------------------ traversal

    /** {@return the direct children with their names, in registration order ({@code named_children})} */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /**
     * {@return this module and all below it, depth first, with dotted names ({@code named_modules}; this one is
     * {@code ""})}
     */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectModules(String prefix, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(this)) {
            return;
        }
        out.put(prefix, this);
        for (var e : children.entrySet()) {
            if (e.getValue() != null) {
                e.getValue().collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out, seen);
            }
        }
    }

    /**
     * Every parameter with its dotted name, in PyTorch's order ({@code named_parameters}): a module's
     * own parameters in registration order, then each child's, depth first; a tensor shared by two
     * modules is listed once; absent (null) parameters are skipped.
     *
     * @return every parameter with its dotted name, in PyTorch's order ({@code named_parameters})
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) {
                    out.put(qualified(m.getKey(), p.getKey()), p.getValue());
                }
            }
        }
        return out;
    }

    /** {@return the parameters in {@link #namedParameters()} order ({@code parameters()}), e.g. for an optimizer} */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** {@return every buffer with its dotted name ({@code named_buffers})} */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null) {
                    out.put(qualified(m.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return out;
    }

    private static String qualified(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    // ------------------------------------------------------------------ modes and gradients

    /**
     * Applies {@code fn} to every module below this one and then to this one, children first
     * ({@code module.apply(fn)}, e.g. for a custom initialisation).
     *
     * @param fn the function
     * @return this
     */
    public Module apply(java.util.function.Consumer<Module> fn) {
        for (Module child : children.values()) {
            if (child != null) {
                child.apply(fn);
            }
        }
        fn.accept(this);
        return this;
    }

    /**
     * Sets whether every parameter requires grad ({@code requires_grad_(on)}, e.g. to freeze a part).
     *
     * @param on whether gradients are recorded for the parameters
     * @return this
     */
    public Module requiresGrad_(boolean on) {
        for (Tensor p : parameters()) {
            p.requiresGrad(on);
        }
        return this;
    }

    /**
     * Sets training mode on this module and all below it ({@code train()}); returns this.
     *
     * @return this module
     */
    public Module train() {
        return train(true);
    }

    /**
     * Sets training ({@code true}) or evaluation mode on this module and all below it; returns this.
     *
     * @param on whether to turn it on
     * @return this module
     */
    public Module train(boolean on) {
        for (Module m : namedModules().values()) {
            m.training = on;
        }
        return this;
    }

    /**
     * Sets evaluation mode ({@code eval()}): dropout becomes the identity; returns this.
     *
     * @return this module
     */
    public Module eval() {
        return train(false);
    }

    /** {@return whether this module is in training mode ({@code self.training})} */
    public boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient: {@code zero_grad()} with PyTorch 2's {@code set_to_none=True}. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code zero_grad(set_to_none)}: drop the gradients, or fill them with zeros in place.
     *
     * @param setToNone whether to set the gradients to null rather than to zero
     */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            clearGrad(p, setToNone);
        }
    }

    static void clearGrad(Tensor p, boolean setToNone) {
        Tensor g = p.grad();
        if (g == null) {
            return;
        }
        if (setToNone) {
            p.setGrad(null);
        } else {
            try (var _ = NoGrad.enter()) {
                g.zero_();
            }
        }
    }

    // ------------------------------------------------------------------ state dict

    /**
     * Parameters and buffers by dotted name ({@code state_dict()}): for each module, depth first, its
     * parameters then its buffers, with PyTorch's keys ({@code "0.weight"}, {@code "layers.1.bias"},
     * {@code "bn.running_mean"}). A module or tensor reachable under two names is listed under both, as
     * PyTorch lists it. The tensors are detached views of the module's own storage.
     *
     * @return the state, in PyTorch's key order
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectState("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectState(String prefix, Map<String, Tensor> out, Set<Module> ancestors) {
        if (!ancestors.add(this)) {
            throw new TensorException("module " + getClass().getSimpleName() + " at '" + prefix
                    + "' contains itself; a state dict needs a tree of modules");
        }
        for (var p : parameters.entrySet()) {
            if (p.getValue() != null) {
                out.put(prefix + p.getKey(), p.getValue().detach());
            }
        }
        for (var b : buffers.entrySet()) {
            if (b.getValue() != null) {
                out.put(prefix + b.getKey(), b.getValue().detach());
            }
        }
        for (var c : children.entrySet()) {
            if (c.getValue() != null) {
                c.getValue().collectState(prefix + c.getKey() + ".", out, ancestors);
            }
        }
        ancestors.remove(this);
    }

    /**
     * The keys {@link #loadStateDict(Map, boolean)} did not match, PyTorch's {@code _IncompatibleKeys}.
     *
     * @param missingKeys the module's keys absent from the loaded state, in {@link #stateDict()} order
     * @param unexpectedKeys the loaded state's keys the module does not have, in the state's order
     */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
        /**
         * The lists, copied.
         *
         * @param missingKeys the module's keys absent from the loaded state
         * @param unexpectedKeys the loaded state's keys the module does not have
         */
        public IncompatibleKeys {
            missingKeys = List.copyOf(missingKeys);
            unexpectedKeys = List.copyOf(unexpectedKeys);
        }
    }

    /**
     * {@code load_state_dict(state)} with {@code strict=True}: every key must match, with equal shapes.
     *
     * @param state tensors by dotted name, e.g. from {@link #stateDict()}, a safetensors file or a
     *     {@code torch.save}d state dict
     * @throws TensorException as {@link #loadStateDict(Map, boolean)} with {@code strict}
     */
    public void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /**
     * Copies {@code state} into this module's parameters and buffers in place, under no-grad
     * ({@code load_state_dict}); the tensors keep their identity, so optimizers built on them stay
     * valid. Values are converted to each tensor's dtype and device. Nothing is copied when an error
     * is reported.
     *
     * @param state tensors by dotted name
     * @param strict whether missing and unexpected keys are errors (shape mismatches always are)
     * @return the missing and unexpected keys (both empty when {@code strict})
     * @throws TensorException listing, as PyTorch does, the missing keys, unexpected keys (when
     *     {@code strict}) and size mismatches, or for a null state or value
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> state, boolean strict) {
        if (state == null) {
            throw new TensorException("load_state_dict expected a state dict, got null");
        }
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        for (String key : own.keySet()) {
            if (!state.containsKey(key)) {
                missing.add(key);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (var e : state.entrySet()) {
            if (!own.containsKey(e.getKey())) {
                unexpected.add(e.getKey());
            } else if (e.getValue() == null) {
                throw new TensorException("load_state_dict: the value of '" + e.getKey() + "' is null, not a tensor");
            }
        }
        List<String> errors = new ArrayList<>();
        if (strict && !missing.isEmpty()) {
            errors.add("Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (strict && !unexpected.isEmpty()) {
            errors.add("Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
        }
        for (var e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            Tensor dst = e.getValue();
            if (src != null && !Arrays.equals(src.shape(), dst.shape())) {
                errors.add("size mismatch for " + e.getKey() + ": copying a param with shape "
                        + torchSize(src.shape()) + " from checkpoint, the shape in current model is "
                        + torchSize(dst.shape()) + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw new TensorException("Error(s) in loading state_dict for " + getClass().getSimpleName() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        try (var _ = NoGrad.enter()) {
            for (var e : own.entrySet()) {
                Tensor src = state.get(e.getKey());
                if (src != null) {
                    e.getValue().copy_(src.to(e.getValue().device()));
                }
            }
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.isEmpty() ? "" : ", ").append('"').append(k).append('"');
        }
        return sb.toString();
    }

    private static String torchSize(long[] shape) {
        return "torch.Size(" + Arrays.toString(shape) + ")";
    }

    /**
     * Saves the state dict: as safetensors when {@code path} ends with {@code .safetensors}
     * ({@code save_file(model.state_dict(), path)}), as {@code torch.save(model.state_dict(), path)} does
     * when it ends with {@code .pt} or {@code .pth}, as one {@code .npz} archive when it ends with
     * {@code .npz}, otherwise into the directory {@code path} as one {@code <name>.npy} file per entry.
     *
     * @param path the file or directory to write
     * @throws IOException when writing fails
     */
    public void save(Path path) throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : stateDict().entrySet()) {
            state.put(e.getKey(), e.getValue().to(Device.CPU));
        }
        if (hasSuffix(path, ".safetensors")) {
            Safetensors.save(state, path);
            return;
        }
        if (hasSuffix(path, ".pt") || hasSuffix(path, ".pth")) {
            TorchCheckpoint.save(state, path);
            return;
        }
        if (isArchive(path)) {
            Npy.saveAll(state, path);
            return;
        }
        Files.createDirectories(path);
        for (var e : state.entrySet()) {
            Npy.save(e.getValue(), path.resolve(e.getKey() + ".npy"));
        }
    }

    /**
     * Loads a state dict with {@link #loadStateDict(Map)} (strict) from {@code path}: a safetensors file
     * ({@code .safetensors}), a {@code torch.save}d state dict ({@code .pt} or {@code .pth}, read by
     * {@link TorchCheckpoint}), an {@code .npz} archive, or a directory of one {@code <name>.npy} per entry.
     *
     * @param path the file or directory to read
     * @throws IOException when reading fails or the file is malformed
     */
    public void load(Path path) throws IOException {
        if (hasSuffix(path, ".safetensors")) {
            loadStateDict(Safetensors.load(path));
            return;
        }
        if (hasSuffix(path, ".pt") || hasSuffix(path, ".pth")) {
            loadStateDict(TorchCheckpoint.loadStateDict(path));
            return;
        }
        if (isArchive(path)) {
            loadStateDict(Npy.loadAll(path));
            return;
        }
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String name : stateDict().keySet()) {
            Path file = path.resolve(name + ".npy");
            if (Files.exists(file)) {
                state.put(name, Npy.load(file));
            }
        }
        loadStateDict(state);
    }

    private static boolean hasSuffix(Path path, String suffix) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(suffix);
    }

    private static boolean isArchive(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".npz");
    }

    // ------------------------------------------------------------------ devices and dtypes

    /**
     * Moves every parameter and buffer to {@code device} ({@code module.to(device)}); returns this.
     * Parameters that move are replaced by new leaves (requiring grad, gradients dropped), so build
     * optimizers after moving, as PyTorch advises.
     *
     * @param device the device
     * @return this module
     */
    public Module to(Device device) {
        for (Module m : namedModules().values()) {
            m.replaceAll(t -> t.device().equals(device) ? t : t.detach().to(device));
        }
        return this;
    }

    /**
     * Converts floating parameters and buffers to {@code dtype} ({@code module.to(dtype)}, e.g. {@code double()});
     * returns this.
     *
     * @param dtype the dtype
     * @return this module
     */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new TensorException("nn.Module.to only accepts floating point dtypes, but got desired dtype=" + dtype);
        }
        for (Module m : namedModules().values()) {
            m.replaceAll(t -> !t.dtype().isFloatingPoint() || t.dtype() == dtype ? t : t.detach().to(dtype));
        }
        return this;
    }

    private void replaceAll(java.util.function.UnaryOperator<Tensor> f) {
        for (var e : parameters.entrySet()) {
            Tensor t = e.getValue();
            if (t != null) {
                Tensor moved = f.apply(t);
                if (moved != t) {
                    e.setValue(moved.requiresGrad(true));
                }
            }
        }
        for (var e : buffers.entrySet()) {
            if (e.getValue() != null) {
                e.setValue(f.apply(e.getValue()));
            }
        }
    }

    /** The class name and children, like PyTorch's module repr (without per-layer arguments unless a layer adds them). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(').append(extraRepr());
        if (!children.isEmpty()) {
            sb.append('\n');
            for (var e : children.entrySet()) {
                String child = String.valueOf(e.getValue()).replace("\n", "\n  ");
                sb.append("  (").append(e.getKey()).append("): ").append(child).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    /** {@return the layer's arguments for {@link #toString()}, PyTorch's {@code extra_repr()}; empty by default} */
    protected String extraRepr() {
        return "";
    }
}
