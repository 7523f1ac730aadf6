package dev.jtensor.ops.nn.internal;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.NoGrad;

/**
 * The backward formulas of the nn primitives ({@code SOFTMAX}, {@code LOG_SOFTMAX},
 * {@code CROSS_ENTROPY}, {@code EMBEDDING}, {@code EMBEDDING_BAG}), called by the table of
 * derivatives with the attributes recorded by {@link dev.jtensor.ops.nn.F}. Each returns the
 * gradient of each input (null where an input gets none) and runs its kernels under no-grad. Not
 * part of the public API (this package is not exported).
 */
public final class NnDerivatives {
    private NnDerivatives() {}

    /** Softmax or log-softmax: {@code y * (g - sum(g * y))} or {@code g - exp(y) * sum(g)} along {@code dim}. */
    public static Tensor softmax(Tensor grad, Tensor output, int dim, boolean log) {
        try (var _ = NoGrad.enter()) {
            Tensor g = grad.to(output.dtype()).contiguous();
            Tensor y = output.contiguous();
            Tensor gi = Tensor.emptyUninitialized(y.shape(), y.dtype(), y.device());
            if (y.numel() > 0) {
                y.device().backend().softmaxBackward(g, y, gi, dim, log);
            }
            return gi;
        }
    }

    /**
     * Cross-entropy: the fused backward over the logits rows. Attrs as recorded: target, weight,
     * ignoreIndex, labelSmoothing, reduction code, stats, total weight, the forward's scratch
     * buffer. On the graph's last use ({@code lastUse}) the gradient is written into that buffer.
     */
    public static Tensor crossEntropy(Tensor grad, Tensor logits, Object[] attrs, boolean lastUse) {
        Tensor target = (Tensor) attrs[0];
        Tensor weight = (Tensor) attrs[1];
        long ignoreIndex = (Long) attrs[2];
        double labelSmoothing = (Double) attrs[3];
        int reduction = (Integer) attrs[4];
        Tensor stats = (Tensor) attrs[5];
        double totalWeight = (Double) attrs[6];
        ScratchBuffer scratch = (ScratchBuffer) attrs[7];
        try (var _ = NoGrad.enter()) {
            Tensor g = grad.to(logits.dtype()).contiguous();
            Tensor probs = lastUse ? scratch.take() : scratch.peek();
            Tensor out = lastUse && probs != null ? probs : Tensor.empty(logits.shape(), logits.dtype(), logits.device());
            double scale = reduction == 1 ? 1.0 / totalWeight : 1.0;
            if (logits.numel() > 0) {
                logits.device().backend().crossEntropyBackward(logits, target, weight, ignoreIndex, labelSmoothing,
                        stats, probs, reduction == 0 ? g.reshape(-1) : g, scale, out);
            }
            return out;
        }
    }

    /**
     * Embedding: the output gradient's rows added into a zero weight gradient ({@code weightShape},
     * {@code dtype}) at their indices, except rows looked up at the padding index. Attrs as recorded:
     * indices (int64, flat), padding index (-1: none).
     */
    public static Tensor embedding(Tensor grad, long[] weightShape, DType dtype, Object[] attrs) {
        Tensor indices = (Tensor) attrs[0];
        long pad = (Long) attrs[1];
        try (var _ = NoGrad.enter()) {
            Tensor g = grad.to(dtype).reshape(-1, weightShape[1]);
            if (pad >= 0) {
                g = g.maskedFill(indices.eq(pad).unsqueeze(1), 0.0);
            }
            return Tensor.empty(weightShape, dtype, grad.device()).indexAdd_(0, indices, g);
        }
    }

    /**
     * Embedding bags: the weight gradient from the fused backward, and, when the per-sample weights
     * (the node's second input) need one, their gradient {@code sum_d grad[bag(l), d] * weight[indices[l], d]} (0 at padding).
     * Attrs: indices, offsets ({@code [B+1]}), mode code, per-sample weights (or null), padding index,
     * max indices (or null).
     */
    public static Tensor[] embeddingBag(Tensor grad, Tensor weight, boolean samplesNeedGrad, Object[] attrs) {
        Tensor indices = (Tensor) attrs[0];
        Tensor offsets = (Tensor) attrs[1];
        int mode = (Integer) attrs[2];
        Tensor samples = (Tensor) attrs[3];
        long pad = (Long) attrs[4];
        Tensor maxIndices = (Tensor) attrs[5];
        try (var _ = NoGrad.enter()) {
            Tensor g = grad.to(weight.dtype()).contiguous();
            Tensor gw = Tensor.empty(weight.shape(), weight.dtype(), weight.device());
            weight.device().backend().embeddingBagBackward(g, indices, offsets, mode, samples, pad, maxIndices, gw);
            if (!samplesNeedGrad) {
                return new Tensor[] {gw, null};
            }
            long[] offs = offsets.toLongArray();
            long[] bagOf = new long[(int) indices.numel()];
            for (int b = 0; b + 1 < offs.length; b++) {
                for (long l = offs[b]; l < offs[b + 1]; l++) {
                    bagOf[(int) l] = b;
                }
            }
            Tensor rows = weight.detach().indexSelect(0, indices);
            Tensor bagGrads = g.indexSelect(0, Tensor.fromArray(bagOf).to(g.device()));
            Tensor gs = rows.mul(bagGrads).sum(1);
            if (pad >= 0) {
                gs = gs.maskedFill(indices.eq(pad), 0.0);
            }
            return new Tensor[] {gw, gs};
        }
    }
}
