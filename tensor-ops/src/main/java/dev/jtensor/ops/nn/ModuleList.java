package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code nn.ModuleList(modules)}: holds modules under the names {@code "0"}, {@code "1"}, ... so that their
 * parameters are registered ({@code layers.0.weight}); it has no forward of its own, as in PyTorch.
 */
public final class ModuleList extends Module {
    private final List<Module> modules = new ArrayList<>();

    /**
     * A list of {@code modules}, in order.
     *
     * @param modules the modules
     */
    public ModuleList(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /**
     * Appends a module ({@code append}); it is named by its position.
     *
     * @param module the module
     * @return this
     */
    public ModuleList append(Module module) {
        registerModule(Integer.toString(modules.size()), module);
        modules.add(module);
        return this;
    }

    /**
     * The {@code i}-th module ({@code list[i]}).
     *
     * @param i the position
     * @return the module
     */
    public Module get(int i) {
        return modules.get(i);
    }

    /**
     * The number of modules ({@code len(list)}).
     *
     * @return the count
     */
    public int size() {
        return modules.size();
    }

    /**
     * The modules, in order.
     *
     * @return an unmodifiable view
     */
    public List<Module> modules() {
        return Collections.unmodifiableList(modules);
    }

    /**
     * Always throws: a module list is a container, its modules are applied by the module holding it.
     *
     * @throws TensorException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new TensorException("ModuleList has no forward(); apply its modules one by one (input of shape "
                + java.util.Arrays.toString(input.shape()) + ")");
    }
}
