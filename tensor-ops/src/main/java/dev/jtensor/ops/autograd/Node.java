package dev.jtensor.ops.autograd;

import dev.jtensor.core.DType;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.GradNode;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One recorded application of a {@link Primitive} (PyTorch's autograd {@code Node}): the op, its
 * attributes, the tensors its derivative may read (saved with their storage versions), the metadata
 * of inputs and outputs, and one edge per input to where that input's gradient goes.
 *
 * <p>Sequence numbers grow with recording order, which is a topological order: every node's inputs
 * were produced by nodes with smaller numbers. Backward runs nodes by decreasing number.
 */
final class Node implements GradNode {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final Primitive op;
    final long seq;
    private final Object[] attrs;
    private final int inputCount;
    private String name; // computed on first use: most nodes are never asked

    // Per operand, inputs first then outputs (one array each keeps a node small: graphs can have
    // millions of nodes). Only the tensors the derivative reads are saved (Derivatives.traits), so
    // other intermediates can be collected; saved tensors are dropped on release, metadata stays.
    private static final Tensor[] NONE_SAVED = new Tensor[0];
    private Tensor[] saved; // NONE_SAVED when the rule reads nothing, null once released
    private final int[] versions;
    private final long[][] shapes;
    private final DType[] dtypes;
    /** Which inputs were CPU scalars (0-dim CPU tensors joining an op on another device); null when none was. */
    private boolean[] cpuScalarInputs;

    /** Where each input's gradient goes: a {@link Node} (at slot {@link #nextSlots}), a leaf {@link Tensor}, or null. */
    final Object[] next;
    final int[] nextSlots;
    /** The token of the last backward run that reached this node (see TapeEngine#reachable). */
    long mark;
    /** Set by the engine before this node's backward runs: true when the graph will not be run again. */
    boolean lastUse;

    Node(Primitive op, Tensor[] inputs, Tensor[] outputs, Object[] attrs) {
        this.op = op;
        this.seq = SEQUENCE.getAndIncrement();
        this.attrs = attrs == null ? new Object[0] : attrs;
        int n = inputs.length;
        int total = n + outputs.length;
        inputCount = n;
        int keep = Derivatives.traits(op) & (Derivatives.INPUTS | Derivatives.OUTPUTS);
        saved = keep == 0 ? NONE_SAVED : new Tensor[total];
        versions = new int[total];
        shapes = new long[total][];
        dtypes = new DType[total];
        next = new Object[n];
        nextSlots = new int[n];
        for (int i = 0; i < total; i++) {
            Tensor t = i < n ? inputs[i] : outputs[i - n];
            if (t == null) {
                continue;
            }
            if ((keep & (i < n ? Derivatives.INPUTS : Derivatives.OUTPUTS)) != 0) {
                saved[i] = t;
            }
            versions[i] = t.storage().version();
            shapes[i] = t.shape();
            dtypes[i] = t.dtype();
            if (i < n && TensorIterator.isCpuScalar(t)) {
                if (cpuScalarInputs == null) {
                    cpuScalarInputs = new boolean[n];
                }
                cpuScalarInputs[i] = true;
            }
            if (i < n) {
                if (t.gradFn() instanceof Node producer) {
                    checkNotWrittenSinceProduced(t, producer, outputs);
                    next[i] = producer;
                    nextSlots[i] = t.outputNr();
                } else if (t.requiresGrad()) {
                    next[i] = t;
                }
            }
        }
    }

    /**
     * Refuses an input whose storage was written since its node produced it, unless this very
     * record is that write (in-place ops record the written tensor as an output). A write that
     * autograd recorded gives the tensor a new node, so what remains is a write the graph does not
     * know about (fill_, zero_, a write under noGrad or through detach(), or a recorded write
     * through another view of the same storage): back-propagating through the old node would
     * silently give a wrong gradient.
     */
    private static void checkNotWrittenSinceProduced(Tensor t, Node producer, Tensor[] outputs) {
        int produced = producer.versions[producer.inputCount + t.outputNr()];
        int now = t.storage().version();
        if (now == produced) {
            return;
        }
        for (Tensor out : outputs) {
            if (out == t) {
                return;
            }
        }
        throw new TensorException("a tensor of shape " + Arrays.toString(t.shape()) + " (output " + t.outputNr()
                + " of " + producer.name() + ") was modified in place by a write autograd did not record (version "
                + now + ", produced at version " + produced + "): fill_, zero_, a write under noGrad or through "
                + "detach(), or an in-place op on another view of its storage. Its gradient would be wrong: clone() it "
                + "before writing, or use a recorded out-of-place op.");
    }

    /** PyTorch's {@code grad_fn} name, e.g. {@code "AddBackward0"}. */
    @Override
    public String name() {
        if (name == null) {
            name = Derivatives.name(this);
        }
        return name;
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }

    /** The primitive this node records. */
    Primitive op() {
        return op;
    }

    /** The number of inputs (including non-differentiable ones such as index tensors). */
    int inputCount() {
        return inputCount;
    }

    /** The number of outputs. */
    int outputCount() {
        return shapes.length - inputCount;
    }

    /** Whether the gradient of input {@code i} is wanted (it leads to a leaf that requires grad). */
    boolean needsGrad(int i) {
        return next[i] != null;
    }

    /** Attribute {@code i} as the primitive's recording site passed it. */
    Object attr(int i) {
        return attrs[i];
    }

    /** The number of attributes. */
    int attrCount() {
        return attrs.length;
    }

    /** Attribute {@code i} as a long (recording sites pass dims and indices as int or long). */
    long longAttr(int i) {
        return ((Number) attrs[i]).longValue();
    }

    /** Attribute {@code i} as an int (a dim). */
    int intAttr(int i) {
        return ((Number) attrs[i]).intValue();
    }

    /** Attribute {@code i} as a long[] (shapes, sizes). */
    long[] longsAttr(int i) {
        return switch (attrs[i]) {
            case long[] a -> a.clone();
            case int[] a -> Arrays.stream(a).asLongStream().toArray();
            default -> throw new IllegalStateException(op + ": attribute " + i + " is not an array of integers");
        };
    }

    /** Attribute {@code i} as an int[] (dims, permutations). */
    int[] intsAttr(int i) {
        return switch (attrs[i]) {
            case int[] a -> a.clone();
            case long[] a -> Arrays.stream(a).mapToInt(Math::toIntExact).toArray();
            default -> throw new IllegalStateException(op + ": attribute " + i + " is not an array of integers");
        };
    }

    /** The shape input {@code i} had when recorded. */
    long[] inputShape(int i) {
        return shapes[i].clone();
    }

    /** The dtype input {@code i} had when recorded. */
    DType inputDtype(int i) {
        return dtypes[i];
    }

    /** Whether input {@code i} was a CPU scalar, whose gradient goes back to the CPU whatever the op's device. */
    boolean inputIsCpuScalar(int i) {
        return cpuScalarInputs != null && cpuScalarInputs[i];
    }

    /** The shape of output {@code k}. */
    long[] outputShape(int k) {
        return shapes[inputCount + k].clone();
    }

    /** The dtype of output {@code k}. */
    DType outputDtype(int k) {
        return dtypes[inputCount + k];
    }

    /** Input {@code i} as recorded; fails if it was modified in place since, or freed by an earlier backward. */
    Tensor input(int i) {
        checkNotReleased();
        Tensor t = i < saved.length ? saved[i] : null;
        if (t == null && shapes[i] != null) {
            throw new IllegalStateException("the derivative of " + name() + " reads input " + i
                    + ", which Derivatives.traits does not save for " + op);
        }
        if (t != null) {
            checkVersion(t, versions[i], next[i] instanceof Node producer ? producer : null, nextSlots[i]);
        }
        return t;
    }

    /** Output {@code k} as recorded; fails if it was modified in place since, or freed by an earlier backward. */
    Tensor output(int k) {
        checkNotReleased();
        Tensor t = inputCount + k < saved.length ? saved[inputCount + k] : null;
        if (t == null) {
            throw new IllegalStateException("the derivative of " + name() + " reads output " + k
                    + ", which Derivatives.traits does not save for " + op);
        }
        checkVersion(t, versions[inputCount + k], this, k);
        return t;
    }

    /**
     * Whether a tensor this node keeps (a saved input or output, or a tensor among its attributes,
     * such as a mask or an index) lives in {@code storage}: what the node's rule may return a view of.
     */
    boolean refersTo(Storage storage) {
        if (saved != null) {
            for (Tensor t : saved) {
                if (t != null && t.storage() == storage) {
                    return true;
                }
            }
        }
        for (Object a : attrs) {
            if (holds(a, storage)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Object attr, Storage storage) {
        return switch (attr) {
            case null -> false;
            case Tensor t -> t.storage() == storage;
            case Index.TensorIndex i -> i.tensor().storage() == storage;
            case Object[] items -> {
                for (Object item : items) {
                    if (holds(item, storage)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    /** Drops the saved tensors (PyTorch's {@code release_variables}); metadata stays. */
    void release() {
        saved = null;
    }

    private void checkNotReleased() {
        if (saved == null) {
            throw new TensorException("Trying to backward through the graph a second time (or directly access saved "
                    + "tensors after they have already been freed). Saved intermediate values of the graph are freed "
                    + "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward "
                    + "through the graph a second time or if you need to access saved tensors after calling backward. "
                    + "(in " + name() + ")");
        }
    }

    /**
     * Fails if {@code t} was written since it was saved at version {@code expected}; the message
     * names it as output {@code slot} of {@code producer} when there is one (built only to throw).
     */
    private static void checkVersion(Tensor t, int expected, Node producer, int slot) {
        int now = t.storage().version();
        if (now != expected) {
            String origin = producer == null ? null : "output " + slot + " of " + producer.name();
            throw new TensorException("one of the variables needed for gradient computation has been modified by an "
                    + "inplace operation: [" + torchTypeName(t.dtype()) + " " + Arrays.toString(t.shape()) + "]"
                    + (origin == null ? "" : ", which is " + origin + ",") + " is at version " + now
                    + "; expected version " + expected + " instead.");
        }
    }

    /** PyTorch's legacy tensor type name used in autograd messages, e.g. {@code torch.FloatTensor}. */
    private static String torchTypeName(DType dtype) {
        return "torch." + dtype.scalarTypeName() + "Tensor";
    }
}
