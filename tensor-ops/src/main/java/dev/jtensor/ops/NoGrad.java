package dev.jtensor.ops;

import dev.jtensor.core.spi.Autograd;

/**
 * A scope in which ops are not recorded for autograd (PyTorch's {@code with torch.no_grad():}):
 * {@code try (var g = NoGrad.enter()) { ... }}. Scopes nest; closing restores the previous mode.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = Autograd.setGradEnabled(false);
    }

    /**
     * Turns recording off on this thread until {@link #close()}.
     *
     * @return the scope, to close
     */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Restores the grad mode that was in force when this scope was entered. */
    @Override
    public void close() {
        Autograd.setGradEnabled(previous);
    }
}
