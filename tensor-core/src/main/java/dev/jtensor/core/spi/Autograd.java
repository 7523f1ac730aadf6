package dev.jtensor.core.spi;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.ServiceLoader;

/**
 * Core's side of autograd: the thread's grad mode, and the hook through which ops report
 * primitives to the engine that tensor-ops provides. Without tensor-ops, asking for gradients
 * fails with a message saying what to add.
 */
public final class Autograd {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});
    private static final AutogradEngine ENGINE = ServiceLoader.load(AutogradEngine.class,
            Autograd.class.getClassLoader()).findFirst().orElse(null);

    private Autograd() {}

    /** {@return whether gradients are recorded on this thread (PyTorch's {@code torch.is_grad_enabled()})} */
    public static boolean isGradEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * Turns recording on or off for this thread; returns the previous setting.
     *
     * @param on whether to turn it on
     * @return the previous setting
     */
    public static boolean setGradEnabled(boolean on) {
        boolean[] cell = ENABLED.get();
        boolean prev = cell[0];
        cell[0] = on;
        return prev;
    }

    /** {@return the installed engine, or a clear error when tensor-ops is not on the class or module path} */
    public static AutogradEngine engine() {
        if (ENGINE == null) {
            throw new TensorException("autograd needs the dev.jtensor:tensor-ops artifact (module dev.jtensor.ops) "
                    + "on the class or module path");
        }
        return ENGINE;
    }

    /** {@return whether an engine is installed} */
    public static boolean isAvailable() {
        return ENGINE != null;
    }

    /**
     * {@return whether an op on these inputs must be recorded}
     *
     * @param inputs the inputs
     */
    public static boolean needsRecord(Tensor... inputs) {
        if (ENGINE == null) {
            return false;
        }
        // The flags first: most ops see no input that requires grad, and then the thread's grad mode
        // (a ThreadLocal lookup) does not matter.
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return isGradEnabled();
            }
        }
        return false;
    }

    /**
     * Records {@code op} if needed and returns {@code output}.
     *
     * @param op the operation
     * @param output the output
     * @param inputs the inputs
     * @param attrs the attributes
     * @return the tensor
     */
    public static Tensor record(Primitive op, Tensor output, Tensor[] inputs, Object... attrs) {
        if (needsRecord(inputs)) {
            ENGINE.record(op, inputs, new Tensor[] {output}, attrs);
        }
        return output;
    }
}
