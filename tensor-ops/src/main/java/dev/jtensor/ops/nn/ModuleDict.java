package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nn.ModuleDict(modules)}: holds modules under string keys, in insertion order, so that their
 * parameters are registered ({@code "encoder.weight"}); it has no forward of its own, as in PyTorch.
 */
public final class ModuleDict extends Module {
    private final Map<String, Module> modules = new LinkedHashMap<>();

    /**
     * A dict of {@code modules}, in the map's order.
     *
     * @param modules the modules by key
     */
    public ModuleDict(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /**
     * Adds a module under {@code key} ({@code dict[key] = module}).
     *
     * @param key the name (not empty, without dots)
     * @param module the module
     * @return this
     * @throws TensorException for a bad or repeated name
     */
    public ModuleDict put(String key, Module module) {
        registerModule(key, module);
        modules.put(key, module);
        return this;
    }

    /**
     * The module under {@code key} ({@code dict[key]}).
     *
     * @param key the name
     * @return the module
     * @throws TensorException if there is none
     */
    public Module get(String key) {
        Module m = modules.get(key);
        if (m == null) {
            throw new TensorException("ModuleDict has no key '" + key + "'; it has " + modules.keySet());
        }
        return m;
    }

    /**
     * The modules by key.
     *
     * @return an unmodifiable view
     */
    public Map<String, Module> modules() {
        return Collections.unmodifiableMap(modules);
    }

    /**
     * Always throws: a module dict is a container.
     *
     * @throws TensorException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new TensorException("ModuleDict has no forward(); apply its modules by key (input of shape "
                + java.util.Arrays.toString(input.shape()) + ")");
    }
}
