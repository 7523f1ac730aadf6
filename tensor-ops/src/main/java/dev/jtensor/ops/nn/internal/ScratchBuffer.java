package dev.jtensor.ops.nn.internal;

import dev.jtensor.core.Tensor;

/**
 * A buffer that a forward kernel hands to its backward through the graph: the cross-entropy's
 * softmax rows. The autograd engine does not look inside it when it decides whether a gradient
 * shares memory with what a node holds, so on the graph's last use the backward may {@link #take}
 * the buffer, write the gradient into it and return it: from then on nothing else refers to it,
 * and a leaf can keep it as its {@code grad} without a copy. Not part of the public API.
 */
public final class ScratchBuffer {
    private Tensor tensor;

    /** Holds {@code tensor}. */
    public ScratchBuffer(Tensor tensor) {
        this.tensor = tensor;
    }

    /** The buffer, still held (a later backward through a retained graph reads it again); null once taken. */
    public Tensor peek() {
        return tensor;
    }

    /** The buffer, no longer held; null if it was taken before. */
    public Tensor take() {
        Tensor t = tensor;
        tensor = null;
        return t;
    }
}
