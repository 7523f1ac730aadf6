package dev.jtensor.core.spi;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.util.Arrays;

/**
 * The one widen/compute/narrow path of the small dtypes (uint8, int8, int16, float16, bfloat16): a backend's
 * arithmetic primitive that meets one of them copies each such operand into its {@link DType#computeType() compute
 * type} (float32, or int32 for the small integers), runs the same primitive on the copies, and casts the results back
 * with the backend's own {@link Backend#copy copy}, which rounds to nearest even (float16, bfloat16) or wraps around
 * (the integers). That is what PyTorch's CPU kernels do for float16 and bfloat16 (load, compute in float, round once),
 * and it is exactly the small integers' modular arithmetic. A backend therefore implements only storage, copies
 * (casts), fills and the data-movement kernels (where, gather, index put, nonzero) for these dtypes, and no arithmetic
 * kernel of its own; each of its arithmetic primitives starts with one call here, which returns {@code false} (and does
 * nothing) when no operand has a small dtype.
 *
 * <p>Reductions keep their result dtype rules in the op layer ({@code sum} of an int8 tensor is int64 there, so the
 * kernel sees int64); here a float16 {@code sum} adds in float32 and rounds the result once, as PyTorch does.
 */
public final class Widening {
    private Widening() {}

    /**
     * {@return {@code t} copied into its compute type (a new contiguous tensor on the same device), or {@code t}
     * itself (also null) when it has no small dtype}
     *
     * @param b the backend that copies (a tensor on another device, a CPU scalar joining a GPU op, is copied by its own)
     * @param t the tensor, or null
     */
    public static Tensor widen(Backend b, Tensor t) {
        if (t == null || !t.dtype().isReduced()) {
            return t;
        }
        Tensor r = Tensor.empty(t.shape(), t.dtype().computeType(), t.device());
        // A 0-dim CPU tensor may join another device's op (PyTorch's CPU scalars): it is widened where it lives.
        Backend own = t.device().type().equals(b.type()) ? b : t.device().backend();
        own.copy(TensorIterator.of(r, t));
        return r;
    }

    /** A new, unfilled tensor of {@code t}'s shape in its compute type, or {@code t} itself when it is not small. */
    private static Tensor output(Tensor t) {
        return t == null || !t.dtype().isReduced() ? t : Tensor.empty(t.shape(), t.dtype().computeType(), t.device());
    }

    /** Casts {@code wide} back into {@code t} (rounding or wrapping) when they differ. */
    private static void narrow(Backend b, Tensor t, Tensor wide) {
        if (t != wide) {
            b.copy(TensorIterator.of(t, wide));
        }
    }

    private static boolean anyReduced(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null && t.dtype().isReduced()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyReduced(TensorIterator it) {
        for (int k = 0; k < it.operandCount(); k++) {
            if (it.operand(k).dtype().isReduced()) {
                return true;
            }
        }
        return false;
    }

    /** The iterator's inputs widened, output 0 replaced by a wide output; the wide output is element 0. */
    private static Tensor[] wideOperands(Backend b, TensorIterator it) {
        Tensor[] w = new Tensor[it.operandCount()];
        w[0] = output(it.operand(0));
        for (int k = 1; k < w.length; k++) {
            w[k] = widen(b, it.operand(k));
        }
        return w;
    }

    private static TensorIterator iterator(Tensor[] w) {
        return TensorIterator.of(w[0], Arrays.copyOfRange(w, 1, w.length));
    }

    /**
     * {@link Backend#unary} through the compute type when an operand is small.
     *
     * @param b the backend
     * @param op the op
     * @param it the iterator
     * @return whether it ran (an operand was small)
     */
    public static boolean unary(Backend b, UnaryOp op, TensorIterator it) {
        if (!anyReduced(it)) {
            return false;
        }
        Tensor[] w = wideOperands(b, it);
        b.unary(op, iterator(w));
        narrow(b, it.operand(0), w[0]);
        return true;
    }

    /**
     * {@link Backend#binary} through the compute type when an operand is small.
     *
     * @param b the backend
     * @param op the op
     * @param it the iterator
     * @param alpha the alpha
     * @return whether it ran (an operand was small)
     */
    public static boolean binary(Backend b, BinaryOp op, TensorIterator it, Number alpha) {
        if (!anyReduced(it)) {
            return false;
        }
        Tensor[] w = wideOperands(b, it);
        b.binary(op, iterator(w), alpha);
        narrow(b, it.operand(0), w[0]);
        return true;
    }

    /** The plan's outputs replaced by wide ones (only the small ones). */
    private static Tensor[] outputs(ReducePlan plan) {
        Tensor[] w = new Tensor[plan.outputCount()];
        for (int k = 0; k < w.length; k++) {
            w[k] = output(plan.output(k));
        }
        return w;
    }

    private static boolean anyReduced(ReducePlan plan) {
        for (int k = 0; k < plan.outputCount(); k++) {
            if (plan.output(k).dtype().isReduced()) {
                return true;
            }
        }
        return plan.source().dtype().isReduced();
    }

    private static void narrowAll(Backend b, ReducePlan plan, Tensor[] w) {
        for (int k = 0; k < w.length; k++) {
            narrow(b, plan.output(k), w[k]);
        }
    }

    /**
     * {@link Backend#reduce} through the compute type when the input or an output is small.
     *
     * @param b the backend
     * @param op the op
     * @param plan the plan
     * @return whether it ran
     */
    public static boolean reduce(Backend b, ReduceOp op, ReducePlan plan) {
        if (!anyReduced(plan)) {
            return false;
        }
        Tensor[] w = outputs(plan);
        b.reduce(op, plan.with(widen(b, plan.source()), w));
        narrowAll(b, plan, w);
        return true;
    }

    /**
     * {@link Backend#stdVar} through the compute type when the input or the output is small.
     *
     * @param b the backend
     * @param plan the plan
     * @param correction the correction
     * @param std whether std (else var)
     * @return whether it ran
     */
    public static boolean stdVar(Backend b, ReducePlan plan, double correction, boolean std) {
        if (!anyReduced(plan)) {
            return false;
        }
        Tensor[] w = outputs(plan);
        b.stdVar(plan.with(widen(b, plan.source()), w), correction, std);
        narrowAll(b, plan, w);
        return true;
    }

    /**
     * {@link Backend#cumsum} through the compute type when the input or the output is small.
     *
     * @param b the backend
     * @param plan the plan
     * @return whether it ran
     */
    public static boolean cumsum(Backend b, ReducePlan plan) {
        if (!anyReduced(plan)) {
            return false;
        }
        Tensor[] w = outputs(plan);
        b.cumsum(plan.with(widen(b, plan.source()), w));
        narrowAll(b, plan, w);
        return true;
    }

    /**
     * {@link Backend#gemm} in the compute type when the spec's dtype is small: the three operands' views are widened
     * (C too, for {@code beta}), and C's view is narrowed back.
     *
     * @param b the backend
     * @param spec the spec
     * @return whether it ran
     */
    public static boolean gemm(Backend b, GemmSpec spec) {
        if (!spec.dtype().isReduced()) {
            return false;
        }
        Tensor c = view(spec, spec.c(), spec.m(), spec.n());
        Tensor wa = widen(b, view(spec, spec.a(), spec.m(), spec.k()));
        Tensor wb = widen(b, view(spec, spec.b(), spec.k(), spec.n()));
        Tensor wc = widen(b, c);
        b.gemm(new GemmSpec(spec.dtype().computeType(), spec.batchShape(), spec.m(), spec.n(), spec.k(), operand(wa),
                operand(wb), operand(wc), spec.alpha(), spec.beta()));
        narrow(b, c, wc);
        return true;
    }

    /** The elements a gemm operand addresses, as a tensor of shape {@code batch + [rows, cols]}. */
    private static Tensor view(GemmSpec spec, GemmSpec.Operand o, long rows, long cols) {
        long[] batch = spec.batchShape();
        int nb = batch.length;
        long[] shape = Arrays.copyOf(batch, nb + 2);
        long[] strides = Arrays.copyOf(o.batchStrides(), nb + 2);
        shape[nb] = rows;
        shape[nb + 1] = cols;
        strides[nb] = o.rowStride();
        strides[nb + 1] = o.colStride();
        return new Tensor(o.storage(), shape, strides, o.offset());
    }

    private static GemmSpec.Operand operand(Tensor t) {
        long[] st = t.stride();
        int nb = st.length - 2;
        return new GemmSpec.Operand(t.storage(), t.storageOffset(), st[nb], st[nb + 1], Arrays.copyOf(st, nb));
    }

    /**
     * {@link Backend#softmax} in the compute type when the input is small.
     *
     * @param b the backend
     * @param input the input
     * @param output the output
     * @param dim the dim
     * @param log whether log-softmax
     * @return whether it ran
     */
    public static boolean softmax(Backend b, Tensor input, Tensor output, int dim, boolean log) {
        if (!anyReduced(input, output)) {
            return false;
        }
        Tensor wo = output(output);
        b.softmax(widen(b, input), wo, dim, log);
        narrow(b, output, wo);
        return true;
    }

    /**
     * {@link Backend#softmaxBackward} in the compute type when a tensor is small.
     *
     * @param b the backend
     * @param gradOutput the output gradient
     * @param output the forward's output
     * @param gradInput the input gradient (written)
     * @param dim the dim
     * @param log whether log-softmax
     * @return whether it ran
     */
    public static boolean softmaxBackward(Backend b, Tensor gradOutput, Tensor output, Tensor gradInput, int dim,
            boolean log) {
        if (!anyReduced(gradOutput, output, gradInput)) {
            return false;
        }
        Tensor wg = output(gradInput);
        b.softmaxBackward(widen(b, gradOutput), widen(b, output), wg, dim, log);
        narrow(b, gradInput, wg);
        return true;
    }

    /**
     * {@link Backend#crossEntropyForward} in the compute type when the logits are small; the scratch
     * {@code probs} and {@code stats} are cast back for the backward pass.
     *
     * @param b the backend
     * @param logits the logits
     * @param target the target
     * @param weight the class weights, or null
     * @param ignoreIndex the ignored target
     * @param labelSmoothing the label smoothing
     * @param reduction the reduction code
     * @param stats the per-row statistics (written)
     * @param probs the scratch buffer, or null
     * @param loss the loss (written)
     * @return the total weight, or NaN when the logits are not small (nothing ran)
     */
    public static double crossEntropyForward(Backend b, Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
            double labelSmoothing, int reduction, Tensor stats, Tensor probs, Tensor loss) {
        Tensor ws = output(stats);
        Tensor wp = output(probs);
        Tensor wl = output(loss);
        double total = b.crossEntropyForward(widen(b, logits), target, widen(b, weight), ignoreIndex, labelSmoothing,
                reduction, ws, wp, wl);
        narrow(b, stats, ws);
        if (probs != null) {
            narrow(b, probs, wp);
        }
        narrow(b, loss, wl);
        return total;
    }

    /**
     * {@return whether {@link #crossEntropyForward} or {@link #crossEntropyBackward} applies: the logits are small}
     *
     * @param logits the logits
     */
    public static boolean applies(Tensor logits) {
        return logits.dtype().isReduced();
    }

    /**
     * {@link Backend#crossEntropyBackward} in the compute type (call when {@link #applies} the logits).
     *
     * @param b the backend
     * @param logits the logits
     * @param target the target
     * @param weight the class weights, or null
     * @param ignoreIndex the ignored target
     * @param labelSmoothing the label smoothing
     * @param stats the forward's per-row statistics
     * @param probs the forward's scratch buffer, or null
     * @param gradLoss the loss gradient
     * @param scale the scale
     * @param gradLogits the logits gradient (written)
     */
    public static void crossEntropyBackward(Backend b, Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
            double labelSmoothing, Tensor stats, Tensor probs, Tensor gradLoss, double scale, Tensor gradLogits) {
        Tensor wg = output(gradLogits);
        b.crossEntropyBackward(widen(b, logits), target, widen(b, weight), ignoreIndex, labelSmoothing,
                widen(b, stats), widen(b, probs), widen(b, gradLoss), scale, wg);
        narrow(b, gradLogits, wg);
    }

    /**
     * {@link Backend#embeddingBag} in the compute type when the weight is small.
     *
     * @param b the backend
     * @param weight the weight
     * @param indices the indices
     * @param offsets the offsets
     * @param mode the mode code
     * @param perSampleWeights the per-sample weights, or null
     * @param paddingIdx the padding index
     * @param output the output (written)
     * @param maxIndices the max indices (written), or null
     * @return whether it ran
     */
    public static boolean embeddingBag(Backend b, Tensor weight, Tensor indices, Tensor offsets, int mode,
            Tensor perSampleWeights, long paddingIdx, Tensor output, Tensor maxIndices) {
        if (!anyReduced(weight, output)) {
            return false;
        }
        Tensor wo = output(output);
        b.embeddingBag(widen(b, weight), indices, offsets, mode, widen(b, perSampleWeights), paddingIdx, wo,
                maxIndices);
        narrow(b, output, wo);
        return true;
    }

    /**
     * {@link Backend#embeddingBagBackward} in the compute type when the weight gradient is small.
     *
     * @param b the backend
     * @param gradOutput the output gradient
     * @param indices the indices
     * @param offsets the offsets
     * @param mode the mode code
     * @param perSampleWeights the per-sample weights, or null
     * @param paddingIdx the padding index
     * @param maxIndices the forward's max indices, or null
     * @param gradWeight the weight gradient (written)
     * @return whether it ran
     */
    public static boolean embeddingBagBackward(Backend b, Tensor gradOutput, Tensor indices, Tensor offsets, int mode,
            Tensor perSampleWeights, long paddingIdx, Tensor maxIndices, Tensor gradWeight) {
        if (!anyReduced(gradOutput, gradWeight)) {
            return false;
        }
        Tensor wg = output(gradWeight);
        b.embeddingBagBackward(widen(b, gradOutput), indices, offsets, mode, widen(b, perSampleWeights), paddingIdx,
                maxIndices, wg);
        narrow(b, gradWeight, wg);
        return true;
    }
}
