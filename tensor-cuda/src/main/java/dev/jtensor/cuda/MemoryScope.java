package dev.jtensor.cuda;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Storage;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A region of one thread's code whose CUDA tensors give their device memory back when it ends,
 * without waiting for the garbage collector: what PyTorch's reference counting does for a training
 * step's temporaries. Opened with {@link Cuda#memoryScope()}, used with try-with-resources:
 *
 * <pre>{@code
 * for (int step = 0; step < steps; step++) {
 *     try (MemoryScope scope = Cuda.memoryScope()) {
 *         opt.zeroGrad();
 *         Tensor loss = F.crossEntropy(model.forward(x), y);
 *         loss.backward();
 *         opt.step();
 *         losses[step] = loss.item();
 *     }   // activations, gradients' temporaries, the loss: back in the allocator's cache
 * }
 * }</pre>
 *
 * <p>Closing the scope closes every {@link CudaStorage} created on this thread while it was the
 * innermost open scope, except those of tensors passed to {@link #keep(Tensor)}; kept storages of a
 * nested scope pass to the enclosing one. Tensors created before the scope (parameters updated in
 * place, for instance) are not touched. A tensor whose storage was closed throws when used, so
 * anything that must outlive the step and is created inside it - optimizer state built on the first
 * step, gradients read after the step - has to be kept (or created before the scope). Storages
 * created by other threads are never affected. A scope refers to its storages weakly, so one left
 * open around a long loop keeps nothing alive: unreachable storages still go back through their
 * cleaners (and the reclaim threshold) meanwhile.
 */
public final class MemoryScope implements AutoCloseable {
    private static final ThreadLocal<MemoryScope> CURRENT = new ThreadLocal<>();

    private final MemoryScope parent;
    private final Thread owner;
    /** Weakly: a scope never keeps a dropped storage from its cleaner (a scope around a whole loop must not leak). */
    private final List<WeakReference<CudaStorage>> created = new ArrayList<>();
    private final Set<Storage> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private MemoryScope(MemoryScope parent) {
        this.parent = parent;
        this.owner = Thread.currentThread();
    }

    /** Opens a scope nested in this thread's current one. */
    static MemoryScope open() {
        MemoryScope s = new MemoryScope(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    /** Records a new storage in this thread's innermost open scope, if any. */
    static void register(CudaStorage storage) {
        MemoryScope s = CURRENT.get();
        if (s != null) {
            s.created.add(new WeakReference<>(storage));
        }
    }

    /**
     * Keeps {@code tensor}'s memory when this scope closes (it passes to the enclosing scope, if any).
     *
     * @param tensor a tensor created in this scope (others are not affected by it anyway)
     * @return {@code tensor}, for chaining
     * @throws IllegalStateException if the scope is closed
     */
    public Tensor keep(Tensor tensor) {
        if (closed) {
            throw new IllegalStateException("keep on a closed memory scope");
        }
        kept.add(tensor.storage());
        return tensor;
    }

    /**
     * Keeps every tensor of {@code tensors} (see {@link #keep(Tensor)}).
     *
     * @param tensors tensors to keep; null entries are skipped (e.g. parameters without a gradient)
     * @throws IllegalStateException if the scope is closed
     */
    public void keepAll(Iterable<Tensor> tensors) {
        for (Tensor t : tensors) {
            if (t != null) {
                keep(t);
            }
        }
    }

    /**
     * The number of storages this scope will release when closed, so far.
     *
     * @return storages created in the scope and not kept
     */
    public int pending() {
        int n = 0;
        for (WeakReference<CudaStorage> r : created) {
            CudaStorage s = r.get();
            n += s == null || kept.contains(s) || s.isClosed() ? 0 : 1;
        }
        return n;
    }

    /**
     * Gives back the device memory of the storages created in this scope and not kept, and makes the
     * enclosing scope current again; idempotent.
     *
     * @throws IllegalStateException when called from another thread, or while a scope nested in this one is open
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a memory scope must be closed by the thread that opened it ("
                    + owner.getName() + "), not " + Thread.currentThread().getName());
        }
        if (CURRENT.get() != this) {
            throw new IllegalStateException("a memory scope nested in this one is still open: close it first");
        }
        closed = true;
        if (parent == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(parent);
        }
        for (WeakReference<CudaStorage> r : created) {
            CudaStorage s = r.get();
            if (s == null) {
                continue; // unreachable already: its cleaner gives the memory back
            }
            if (kept.contains(s)) {
                if (parent != null) {
                    parent.created.add(r);
                }
            } else {
                s.close();
            }
        }
        created.clear();
        kept.clear();
    }
}
