package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.Sequential(m0, m1, ...)}: applies its modules in order; they are named {@code "0"}, {@code "1"}, .... */
public final class Sequential extends Module {
    private final Module[] layers;

    /**
     * The modules, applied in this order.
     *
     * @param modules the modules
     */
    public Sequential(Module... modules) {
        layers = modules.clone();
        for (int i = 0; i < layers.length; i++) {
            registerModule(Integer.toString(i), layers[i]);
        }
    }

    /**
     * {@return the {@code i}-th module ({@code seq[i]})}
     *
     * @param i the index i
     */
    public Module get(int i) {
        return layers[i];
    }

    /** {@return the number of modules ({@code len(seq)})} */
    public int size() {
        return layers.length;
    }

    /** Each module's output is the next one's input. */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : layers) {
            x = m.forward(x);
        }
        return x;
    }
}
