package dev.jtensor.ops.autograd;

import dev.jtensor.core.Shapes;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.AutogradEngine;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.Storage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JTensor's reverse-mode autograd engine, installed into tensor-core through
 * {@link java.util.ServiceLoader}; user code reaches it through {@link Tensor#backward()} and
 * {@link dev.jtensor.ops.Grad}, not directly.
 *
 * <p>Recording creates one {@link Node} per primitive application. {@link #backward} collects the
 * nodes reachable from the root with an explicit stack (no recursion, so graphs of millions of
 * nodes are fine), runs them by decreasing sequence number (reverse recording order, a topological
 * order), sums fan-in, fixes each input gradient's shape and dtype in one place, and accumulates
 * into the leaves' {@code grad}. Formulas run with grad mode off.
 */
public final class TapeEngine implements AutogradEngine {
    private static final AtomicLong RUNS = new AtomicLong();
    private static final Comparator<Node> LATEST_FIRST = Comparator.comparingLong((Node n) -> n.seq).reversed();

    /** Creates the engine; called by {@link java.util.ServiceLoader}. */
    public TapeEngine() {}

    @Override
    public void record(Primitive op, Tensor[] inputs, Tensor[] outputs, Object[] attrs) {
        for (Tensor out : outputs) {
            checkNotAViewWrittenInPlace(out);
        }
        Node node = new Node(op, inputs, outputs, attrs);
        for (int k = 0; k < outputs.length; k++) {
            // Integer outputs (e.g. the indices of max along a dim) are not differentiable.
            if (outputs[k].dtype().isFloatingPoint()) {
                outputs[k].attachGradFn(node, k);
            }
        }
    }

    /**
     * An output that already has a node was written in place. If that node made it a view of a
     * tensor in the graph, PyTorch would re-route the base's gradient through the write
     * ({@code CopySlices}); this engine does not, so it refuses rather than give the base a wrong
     * gradient later.
     */
    private static void checkNotAViewWrittenInPlace(Tensor out) {
        if (out.gradFn() instanceof Node previous && (Derivatives.traits(previous.op) & Derivatives.VIEW) != 0) {
            throw new TensorException("a view of a tensor that requires grad (output " + out.outputNr() + " of "
                    + previous.name() + ", of shape " + Arrays.toString(out.shape()) + ") was modified by an in-place "
                    + "operation; JTensor's autograd does not re-route the gradient of the view's base through such a "
                    + "write (PyTorch's CopySlices). Call clone() on the view before writing, or compute the result "
                    + "out of place.");
        }
    }

    @Override
    public void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        run(root, gradient, retainGraph, null);
    }

    /**
     * The gradients of {@code output} with respect to {@code inputs}, without touching any
     * {@code grad} (PyTorch's {@code torch.autograd.grad}); see {@link dev.jtensor.ops.Grad#grad}.
     *
     * @param output the output
     * @param inputs the inputs
     * @param gradOutput the gradient of the output
     * @param retainGraph whether to keep the recorded graph for another backward pass
     * @param allowUnused whether inputs the outputs do not depend on are allowed (their gradient is null)
     * @return the gradients of {@code output} with respect to {@code inputs}, without touching any {@code grad}
     *     (PyTorch's {@code torch.autograd.grad})
     * @throws TensorException when an input requires no grad, or (unless {@code allowUnused}) is
     *     not reached from {@code output}
     */
    public static Tensor[] grad(Tensor output, Tensor[] inputs, Tensor gradOutput, boolean retainGraph,
            boolean allowUnused) {
        for (int j = 0; j < inputs.length; j++) {
            if (!inputs[j].requiresGrad()) {
                throw new TensorException("One of the differentiated Tensors does not require grad (input " + j
                        + " of shape " + Arrays.toString(inputs[j].shape()) + ")");
            }
        }
        Tensor[] grads = run(output, gradOutput, retainGraph, inputs);
        for (int j = 0; j < grads.length; j++) {
            if (grads[j] == null && !allowUnused) {
                throw new TensorException("One of the differentiated Tensors appears to not have been used in the graph "
                        + "(input " + j + " of shape " + Arrays.toString(inputs[j].shape())
                        + "). Set allowUnused if this is the desired behavior.");
            }
        }
        return grads;
    }

    /**
     * Back-propagates from {@code root}. With {@code captureFor} null, leaf gradients accumulate
     * into {@code grad}; otherwise nothing is accumulated and the gradients reaching each tensor of
     * {@code captureFor} are returned (null where none arrives), as {@code torch.autograd.grad}.
     */
    static Tensor[] run(Tensor root, Tensor gradient, boolean retainGraph, Tensor[] captureFor) {
        if (!root.requiresGrad()) {
            throw new TensorException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        boolean previous = Autograd.setGradEnabled(false);
        try {
            return execute(root, seed(root, gradient), retainGraph, captureFor);
        } finally {
            Autograd.setGradEnabled(previous);
        }
    }

    private static Tensor seed(Tensor root, Tensor gradient) {
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new TensorException("grad can be implicitly created only for scalar outputs, but got shape "
                        + Arrays.toString(root.shape()));
            }
            return Tensor.onesLike(root);
        }
        if (!Arrays.equals(gradient.shape(), root.shape())) {
            throw new TensorException("Mismatch in shape: grad_output[0] has a shape of " + Arrays.toString(gradient.shape())
                    + " and output[0] has a shape of " + Arrays.toString(root.shape()) + ".");
        }
        if (!gradient.dtype().isFloatingPoint()) {
            throw new TensorException("grad_output[0] must be a floating point tensor to back-propagate into "
                    + root.dtype() + ", got " + gradient.dtype());
        }
        return gradient.dtype() == root.dtype() ? gradient : gradient.to(root.dtype());
    }

    private static Tensor[] execute(Tensor root, Tensor seed, boolean retainGraph, Tensor[] captureFor) {
        Map<Tensor, Tensor> leafGrads = new IdentityHashMap<>();
        Tensor[] captured = captureFor == null ? null : new Tensor[captureFor.length];
        Ownership owned = captureFor == null ? new Ownership() : null;
        Node rootNode = (Node) root.gradFn();
        if (rootNode == null) {
            leafGrads.put(root, seed);
        } else {
            List<Node> order = reachable(rootNode);
            Map<Node, Tensor[]> pending = new IdentityHashMap<>();
            Tensor[] rootGrads = new Tensor[rootNode.outputCount()];
            rootGrads[root.outputNr()] = seed;
            pending.put(rootNode, rootGrads);
            for (Node node : order) {
                Tensor[] gradOutputs = pending.remove(node);
                if (gradOutputs == null) {
                    continue;
                }
                if (captureFor != null) {
                    capture(node, gradOutputs, captureFor, captured);
                }
                node.lastUse = !retainGraph;
                Tensor[] gradInputs = Derivatives.backward(node, gradOutputs);
                boolean[] fresh = owned == null ? null : Ownership.fresh(node, gradOutputs, gradInputs);
                if (!retainGraph) {
                    node.release();
                }
                propagate(node, gradInputs, fresh, pending, leafGrads, owned);
            }
        }
        if (captureFor != null) {
            for (int j = 0; j < captureFor.length; j++) {
                if (captureFor[j].isLeaf() && leafGrads.containsKey(captureFor[j])) {
                    captured[j] = leafGrads.get(captureFor[j]);
                }
            }
            return captured;
        }
        for (Map.Entry<Tensor, Tensor> e : leafGrads.entrySet()) {
            accumulate(e.getKey(), e.getValue(), owned.isExclusive(e.getValue()));
        }
        return null;
    }

    /**
     * Which gradients of this run nothing but the engine refers to, so that a leaf may keep one as
     * its {@code grad} without copying it (PyTorch's AccumulateGrad steals such a buffer too). A
     * gradient qualifies when a rule (or the fan-in sum, or conform) made it in a storage that none
     * of the tensors the rule could return a view of lives in (the rule's output gradients, and the
     * node's saved tensors and attributes: the seed, user data and graph tensors all reach a rule
     * only that way), and when no other gradient of the run was handed on in the same storage.
     */
    private static final class Ownership {
        private final Map<Tensor, Boolean> fresh = new IdentityHashMap<>();
        private final Map<Storage, Integer> uses = new IdentityHashMap<>();

        /** Per input gradient of {@code node}: whether the rule made it in a storage of its own. */
        static boolean[] fresh(Node node, Tensor[] gradOutputs, Tensor[] gradInputs) {
            boolean[] out = new boolean[gradInputs.length];
            for (int i = 0; i < gradInputs.length; i++) {
                Tensor g = gradInputs[i];
                out[i] = g != null && !sharesStorage(g, gradOutputs) && !node.refersTo(g.storage());
            }
            return out;
        }

        private static boolean sharesStorage(Tensor g, Tensor[] others) {
            for (Tensor o : others) {
                if (o != null && o.storage() == g.storage()) {
                    return true;
                }
            }
            return false;
        }

        /** Records that {@code g} is handed on along an edge; {@code isFresh} when it has a storage of its own. */
        void handOn(Tensor g, boolean isFresh) {
            uses.merge(g.storage(), 1, Integer::sum);
            if (isFresh) {
                fresh.put(g, Boolean.TRUE);
            }
        }

        /**
         * Whether a leaf may keep {@code g} itself: fresh, the only gradient handed on in its storage,
         * and laid out as the copy would be (contiguous strides over exactly its own storage).
         */
        boolean isExclusive(Tensor g) {
            return fresh.containsKey(g) && uses.get(g.storage()) == 1 && g.storageOffset() == 0
                    && g.storage().size() == g.numel()
                    && Arrays.equals(g.stride(), Shapes.contiguousStrides(g.shape()));
        }
    }

    /**
     * The nodes reachable from {@code root} through edges, found with an explicit stack, latest
     * first. Nodes are marked with this run's token instead of being kept in a set (cheaper for
     * millions of nodes); if another thread's backward overwrites a mark, a node is merely listed
     * twice, and the duplicate is dropped after sorting.
     */
    private static List<Node> reachable(Node root) {
        long token = RUNS.incrementAndGet();
        List<Node> found = new ArrayList<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        root.mark = token;
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            found.add(n);
            for (Object next : n.next) {
                if (next instanceof Node node && node.mark != token) {
                    node.mark = token;
                    stack.push(node);
                }
            }
        }
        found.sort(LATEST_FIRST);
        List<Node> unique = new ArrayList<>(found.size());
        for (Node n : found) {
            if (unique.isEmpty() || unique.getLast() != n) {
                unique.add(n);
            }
        }
        return unique;
    }

    private static void capture(Node node, Tensor[] gradOutputs, Tensor[] targets, Tensor[] captured) {
        for (int j = 0; j < targets.length; j++) {
            if (targets[j].gradFn() == node && gradOutputs[targets[j].outputNr()] != null) {
                captured[j] = gradOutputs[targets[j].outputNr()];
            }
        }
    }

    /**
     * Sends each input gradient along its edge, fixed to the input's shape and dtype, summing fan-in.
     * With {@code owned} (when leaf gradients accumulate), records which gradients are the engine's
     * own ({@code fresh} says which rule results are).
     */
    private static void propagate(Node node, Tensor[] gradInputs, boolean[] fresh, Map<Node, Tensor[]> pending,
            Map<Tensor, Tensor> leafGrads, Ownership owned) {
        for (int i = 0; i < gradInputs.length; i++) {
            Tensor made = gradInputs[i];
            if (made == null || !node.needsGrad(i)) {
                continue;
            }
            Tensor g = Derivatives.conform(node, i, made);
            if (owned != null) {
                // conform's sum or cast is a new storage; a reshape shares the rule result's.
                owned.handOn(g, g.storage() != made.storage() || fresh[i]);
            }
            Tensor previous;
            Tensor summed;
            if (node.next[i] instanceof Node next) {
                Tensor[] slots = pending.computeIfAbsent(next, n -> new Tensor[n.outputCount()]);
                int slot = node.nextSlots[i];
                previous = slots[slot];
                summed = previous == null ? g : Derivatives.sum(previous, g);
                slots[slot] = summed;
            } else {
                Tensor leaf = (Tensor) node.next[i];
                previous = leafGrads.get(leaf);
                summed = previous == null ? g : Derivatives.sum(previous, g);
                leafGrads.put(leaf, summed);
            }
            if (owned != null && previous != null) {
                owned.handOn(summed, true);
            }
        }
    }

    /**
     * Adds {@code g} into a leaf's {@code grad}: the first gradient is stored as a fresh copy (so it
     * never aliases a caller's tensor) unless it is {@code exclusive}ly the engine's, later ones are
     * added in place, as PyTorch's AccumulateGrad.
     *
     * <p>The read of {@code grad} and the write or in-place add form one step under the leaf's
     * monitor (PyTorch's AccumulateGrad holds a per-leaf mutex), so backward passes running on
     * several threads through a shared leaf (e.g. one set of weights) lose no update; the dtype cast
     * runs outside the lock.
     */
    private static void accumulate(Tensor leaf, Tensor g, boolean exclusive) {
        Tensor fixed = g.dtype() == leaf.dtype() ? g : g.to(leaf.dtype());
        synchronized (leaf) {
            Tensor current = leaf.grad();
            if (current == null) {
                // A gradient only the engine refers to is kept as is: the copy would hold the same values.
                leaf.setGrad(exclusive && fixed == g ? g : fixed.clone());
            } else {
                Derivatives.addInto(current, fixed);
            }
        }
    }
}
