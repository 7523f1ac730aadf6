package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Index;
import dev.jtensor.core.Shapes;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.ops.NoGrad;
import dev.jtensor.ops.nn.internal.ScratchBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The functional neural-network ops, PyTorch's {@code torch.nn.functional}: each method names the
 * call it mirrors and has its gradient. Softmax, log-softmax, class-index cross-entropy, embeddings
 * and embedding bags are fused device primitives ({@link Backend}'s nn section) with entries of their
 * own in the table of derivatives; the rest are composed from core ops, which give their gradients.
 * Arguments are checked here, before any kernel runs, with PyTorch's messages.
 */
public final class F {
    private F() {}

    // ------------------------------------------------------------------ activations

    /** {@code F.relu(x)}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** {@code torch.tanh(x)} / {@code F.tanh(x)}. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** {@code torch.sigmoid(x)} / {@code F.sigmoid(x)}. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** {@code F.gelu(x)} (the exact, erf-based form). */
    public static Tensor gelu(Tensor x) {
        return x.gelu();
    }

    /** {@code F.gelu(x, approximate=approximate)} with {@code "none"} or {@code "tanh"}. */
    public static Tensor gelu(Tensor x, String approximate) {
        return x.gelu(approximate);
    }

    // ------------------------------------------------------------------ softmax

    /** {@code F.softmax(x, dim)}: {@code exp(x) / sum(exp(x))} along {@code dim}, computed stably (max subtracted). */
    public static Tensor softmax(Tensor x, long dim) {
        return softmax(x, dim, false, "softmax");
    }

    /** {@code F.softmax(x, dim, dtype=dtype)}: the input is cast to {@code dtype} first. */
    public static Tensor softmax(Tensor x, long dim, DType dtype) {
        return softmax(x.to(dtype), dim, false, "softmax");
    }

    /** {@code F.log_softmax(x, dim)}: {@code x - max - log(sum(exp(x - max)))} along {@code dim}. */
    public static Tensor logSoftmax(Tensor x, long dim) {
        return softmax(x, dim, true, "log_softmax");
    }

    /** {@code F.log_softmax(x, dim, dtype=dtype)}: the input is cast to {@code dtype} first. */
    public static Tensor logSoftmax(Tensor x, long dim, DType dtype) {
        return softmax(x.to(dtype), dim, true, "log_softmax");
    }

    private static Tensor softmax(Tensor x, long dim, boolean log, String op) {
        int d = Shapes.normalizeDim(dim, x.dim());
        requireFloating(x, op);
        Tensor in = x.contiguous();
        Tensor out = Tensor.empty(in.shape(), in.dtype(), in.device());
        if (in.numel() > 0) {
            in.device().backend().softmax(in, out, d, log);
        }
        return Autograd.record(log ? Primitive.LOG_SOFTMAX : Primitive.SOFTMAX, out, new Tensor[] {in}, d);
    }

    // ------------------------------------------------------------------ losses

    /** {@code F.cross_entropy(input, target)} with PyTorch's defaults (mean over targets not equal to -100). */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, new CrossEntropyOptions());
    }

    /** {@code F.cross_entropy(input, target, reduction=...)}. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return crossEntropy(input, target, new CrossEntropyOptions().reduction(reduction));
    }

    /**
     * {@code F.cross_entropy(input, target, weight=, ignore_index=, reduction=, label_smoothing=)}.
     * {@code input} holds logits of shape {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}. A
     * {@code target} of the input's shape and a floating dtype holds class probabilities; otherwise
     * it holds int64 class indices of shape {@code ()}, {@code (N)} or {@code (N, d1, ...)}. With
     * weights, the mean divides by the summed weights of the targets not ignored (PyTorch's weighted
     * mean); a batch whose targets are all ignored has a NaN mean. Class-index targets run through one
     * fused kernel (log-softmax and pick in one pass; backward: softmax minus the smoothed one-hot).
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, CrossEntropyOptions options) {
        double ls = options.labelSmoothing();
        if (!(ls >= 0.0 && ls <= 1.0)) {
            throw new TensorException("label_smoothing must be between 0.0 and 1.0. Got: " + ls);
        }
        requireFloating(input, "cross_entropy");
        if (input.dim() == 0) {
            throw new TensorException("cross_entropy: expected input of at least 1 dimension (the classes), got a 0-d tensor");
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        long classes = input.size(classDim);
        if (options.weight() != null) {
            input.checkSameDevice(options.weight(), "cross_entropy");
        }
        Tensor weight = classWeights(options.weight(), classes, input.dtype());
        if (Arrays.equals(input.shape(), target.shape()) && target.dim() > 0 && target.dtype().isFloatingPoint()) {
            return crossEntropyProbabilities(input, target, weight, classDim, classes, ls, options.reduction());
        }
        ClassTargets ct = classTargets("cross_entropy", input, target);
        checkTargetValues(ct.target, classes, options.ignoreIndex());
        Tensor logits = ct.logits;
        long rows = logits.size(0);
        Tensor stats = Tensor.empty(new long[] {rows, 2}, logits.dtype(), logits.device());
        Reduction r = options.reduction();
        Tensor loss = Tensor.empty(r == Reduction.NONE ? new long[] {rows} : new long[0], logits.dtype(),
                logits.device());
        int code = reductionCode(r);
        // With a backward to come, the forward may leave the softmax rows in a scratch buffer for it.
        Tensor probs = Autograd.needsRecord(logits) ? Tensor.empty(logits.shape(), logits.dtype(), logits.device())
                : null;
        double totalWeight = logits.device().backend().crossEntropyForward(logits, ct.target, weight,
                options.ignoreIndex(), ls, code, stats, probs, loss);
        Autograd.record(Primitive.CROSS_ENTROPY, loss, new Tensor[] {logits}, ct.target, weight,
                options.ignoreIndex(), ls, code, stats, totalWeight, new ScratchBuffer(probs));
        return r == Reduction.NONE ? loss.view(ct.targetShape) : loss;
    }

    /** The kernels' reduction code: 0 none, 1 mean, 2 sum. */
    private static int reductionCode(Reduction r) {
        return switch (r) {
            case NONE -> 0;
            case MEAN -> 1;
            case SUM -> 2;
        };
    }

    /** PyTorch's {@code cross_entropy_loss_prob_target}, composed from core ops. */
    private static Tensor crossEntropyProbabilities(Tensor input, Tensor target, Tensor weight, int classDim,
            long classes, double ls, Reduction reduction) {
        Tensor logp = logSoftmax(input, classDim);
        Tensor t = target.to(input.dtype());
        if (ls > 0) {
            t = t.mul(1 - ls).add(ls / classes);
        }
        Tensor prod = logp.mul(t);
        if (weight != null) {
            long[] shape = new long[input.dim()];
            Arrays.fill(shape, 1);
            shape[classDim] = classes;
            prod = prod.mul(weight.view(shape));
        }
        return switch (reduction) {
            case NONE -> prod.sum(classDim).neg();
            case SUM -> prod.sum().neg();
            case MEAN -> input.numel() == 0 ? prod.sum().neg().mul(Double.NaN)
                    : prod.sum().neg().div((double) (input.numel() / classes));
        };
    }

    /** {@code F.nll_loss(input, target)} with PyTorch's defaults. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, new NllLossOptions());
    }

    /**
     * {@code F.nll_loss(input, target, weight=, ignore_index=, reduction=)}: the negative of the
     * input (log-probabilities, shape {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}) at each
     * int64 target class, weighted; the mean divides by the summed weights of the targets not ignored.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, NllLossOptions options) {
        requireFloating(input, "nll_loss");
        if (input.dim() == 0) {
            throw new TensorException("nll_loss: expected input of at least 1 dimension (the classes), got a 0-d tensor");
        }
        long classes = input.size(input.dim() == 1 ? 0 : 1);
        Tensor weight = classWeights(options.weight(), classes, input.dtype());
        ClassTargets ct = classTargets("nll_loss", input, target);
        checkTargetValues(ct.target, classes, options.ignoreIndex());
        Tensor t = ct.target;
        Tensor ignored = t.eq(options.ignoreIndex());
        // Ignored rows pick class 0 (any valid index), then get weight 0.
        Tensor safe = t.maskedFill(ignored, 0L);
        Tensor picked = classes == 0 ? Tensor.zeros(new long[] {t.numel()}, input.dtype())
                : ct.logits.gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor w = weight == null ? Tensor.ones(new long[] {t.numel()}, input.dtype()) : weight.indexSelect(0, safe);
        w = w.maskedFill(ignored, 0.0);
        Tensor losses = picked.mul(w).neg();
        return switch (options.reduction()) {
            case NONE -> losses.view(ct.targetShape);
            case SUM -> losses.sum();
            case MEAN -> losses.sum().div(w.sum());
        };
    }

    /** {@code F.mse_loss(input, target)}: the mean of the squared differences (shapes broadcast). */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** {@code F.mse_loss(input, target, reduction=...)}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        Tensor diff = input.sub(target);
        Tensor sq = diff.mul(diff);
        return switch (reduction) {
            case NONE -> sq;
            case SUM -> sq.sum();
            case MEAN -> sq.mean();
        };
    }

    /** The class weights as a contiguous {@code [C]} tensor of {@code dtype}, or null; PyTorch's check and message. */
    private static Tensor classWeights(Tensor weight, long classes, DType dtype) {
        if (weight == null) {
            return null;
        }
        if (weight.dim() != 1 || weight.numel() != classes) {
            throw new TensorException("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Arrays.toString(weight.shape()));
        }
        return weight.detach().to(dtype).contiguous();
    }

    /** Logits as contiguous rows {@code [M, C]}, targets as contiguous int64 {@code [M]}, and the target shape. */
    private record ClassTargets(Tensor logits, Tensor target, long[] targetShape) {}

    private static ClassTargets classTargets(String op, Tensor input, Tensor target) {
        input.checkSameDevice(target, op);
        if (target.dtype() != DType.INT64) {
            throw new TensorException(op + ": expected scalar type Long but found " + scalarTypeName(target.dtype())
                    + " (class-index targets must be int64; class probabilities must have the input's shape "
                    + Arrays.toString(input.shape()) + ", got target of shape " + Arrays.toString(target.shape()) + ")");
        }
        long[] is = input.shape();
        long[] ts = target.shape();
        Tensor logits;
        if (input.dim() == 1) {
            if (target.dim() != 0) {
                throw new TensorException(op + ": 0D or 1D target tensor expected, multi-target not supported (input of shape "
                        + Arrays.toString(is) + " needs a 0-d target, got shape " + Arrays.toString(ts) + ")");
            }
            logits = input.unsqueeze(0);
        } else if (input.dim() == 2) {
            if (target.dim() != 1) {
                throw new TensorException(op + ": 0D or 1D target tensor expected, multi-target not supported (input of shape "
                        + Arrays.toString(is) + ", target of shape " + Arrays.toString(ts) + ")");
            }
            if (ts[0] != is[0]) {
                throw new TensorException("Expected input batch_size (" + is[0] + ") to match target batch_size ("
                        + ts[0] + ").");
            }
            logits = input;
        } else {
            long[] expected = new long[is.length - 1];
            expected[0] = is[0];
            System.arraycopy(is, 2, expected, 1, is.length - 2);
            if (!Arrays.equals(expected, ts)) {
                throw new TensorException("Expected target size " + Arrays.toString(expected) + ", got "
                        + Arrays.toString(ts) + " (input of shape " + Arrays.toString(is) + ")");
            }
            // Classes last: (N, C, d1, ...) -> (N, d1, ..., C) -> (M, C), rows in the target's order.
            int[] perm = new int[is.length];
            perm[0] = 0;
            for (int d = 2; d < is.length; d++) {
                perm[d - 1] = d;
            }
            perm[is.length - 1] = 1;
            logits = input.permute(perm).reshape(-1, is[1]);
        }
        return new ClassTargets(logits.contiguous(), target.reshape(-1).contiguous(), ts);
    }

    /** Every target is the ignore index or a class in {@code [0, classes)}; PyTorch's message otherwise. */
    private static void checkTargetValues(Tensor target, long classes, long ignoreIndex) {
        for (long t : target.toLongArray()) {
            if (t != ignoreIndex && (t < 0 || t >= classes)) {
                throw new TensorException("Target " + t + " is out of bounds. (classes are 0 to " + (classes - 1)
                        + ", ignore_index is " + ignoreIndex + ")");
            }
        }
    }

    private static String scalarTypeName(DType d) {
        return switch (d) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case INT32 -> "Int";
            case BOOL -> "Bool";
        };
    }

    private static void requireFloating(Tensor x, String op) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException(op + ": expected a floating-point input (float32 or float64), got "
                    + x.dtype() + " of shape " + Arrays.toString(x.shape()));
        }
    }

    // ------------------------------------------------------------------ embeddings

    /** {@code F.embedding(input, weight)}: rows of {@code weight} ({@code [num, dim]}) at the int64 indices. */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return embedding(input, weight, new EmbeddingOptions());
    }

    /** {@code F.embedding(input, weight, padding_idx=paddingIdx)}: that row receives no gradient. */
    public static Tensor embedding(Tensor input, Tensor weight, long paddingIdx) {
        return embedding(input, weight, new EmbeddingOptions().paddingIdx(paddingIdx));
    }

    /**
     * {@code F.embedding(input, weight, padding_idx=, max_norm=, norm_type=)}: output shape is the
     * input's shape plus {@code [dim]}. With a max norm, the looked-up rows whose norm exceeds it are
     * first rescaled in place in {@code weight} (not recorded), as PyTorch does.
     */
    public static Tensor embedding(Tensor input, Tensor weight, EmbeddingOptions options) {
        Tensor idx = indexTensor(input, "embedding");
        if (weight.dim() != 2) {
            throw new TensorException("embedding: 'weight' must be 2-D, got shape " + Arrays.toString(weight.shape()));
        }
        long num = weight.size(0);
        long pad = paddingIndex(options.paddingIdx(), num);
        Tensor flat = idx.reshape(-1).contiguous();
        long[] values = flat.toLongArray();
        for (long v : values) {
            if (v < 0 || v >= num) {
                throw new TensorException("index out of range in self (index " + v + " into an embedding of "
                        + num + " rows)");
            }
        }
        if (options.maxNorm() != null) {
            renorm_(weight, values, options.maxNorm(), options.normType());
        }
        long[] outShape = Arrays.copyOf(input.shape(), input.dim() + 1);
        outShape[input.dim()] = weight.size(1);
        Tensor out;
        try (var _ = NoGrad.enter()) {
            out = weight.indexSelect(0, flat).view(outShape);
        }
        return Autograd.record(Primitive.EMBEDDING, out, new Tensor[] {weight}, flat, pad);
    }

    /** {@code F.embedding_bag(input, weight, offsets, mode=mode)} for 1-D input. */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, EmbeddingBagMode mode) {
        return embeddingBag(input, weight, new EmbeddingBagOptions().offsets(offsets).mode(mode));
    }

    /**
     * {@code F.embedding_bag(input, weight, offsets=, max_norm=, norm_type=, mode=,
     * per_sample_weights=, include_last_offset=, padding_idx=)}: bags of rows of {@code weight}
     * reduced by sum, mean or max, one output row per bag ({@code [B, dim]}). A 2-D input is {@code B}
     * bags of equal length; a 1-D input is cut into bags at {@code offsets} (the first must be 0). Entries
     * equal to the padding index are left out (the mean counts only the rest), and an empty bag gives
     * zeros. Per-sample weights (sum mode only) scale each row and get a gradient too.
     */
    public static Tensor embeddingBag(Tensor input, Tensor weight, EmbeddingBagOptions options) {
        Tensor idx = indexTensor(input, "embedding_bag");
        weight.checkSameDevice(idx, "embedding_bag");
        if (options.perSampleWeights() != null) {
            weight.checkSameDevice(options.perSampleWeights(), "embedding_bag");
        }
        if (weight.dim() != 2) {
            throw new TensorException("embedding_bag: 'weight' must be 2-D, got shape " + Arrays.toString(weight.shape()));
        }
        EmbeddingBagMode mode = options.mode();
        Tensor psw = options.perSampleWeights();
        if (psw != null && mode != EmbeddingBagMode.SUM) {
            throw new TensorException("embedding_bag: per_sample_weights was not None. per_sample_weights is only "
                    + "supported for mode='sum' (got mode='" + mode.name().toLowerCase(java.util.Locale.ROOT) + "')");
        }
        if (psw != null && !Arrays.equals(psw.shape(), idx.shape())) {
            throw new TensorException("embedding_bag: per_sample_weights (shape " + Arrays.toString(psw.shape())
                    + ") must have the same shape as the input (shape " + Arrays.toString(idx.shape()) + ")");
        }
        long num = weight.size(0);
        long dimSize = weight.size(1);
        long[] offs;
        Tensor flat;
        if (idx.dim() == 2) {
            if (options.offsets() != null) {
                throw new TensorException("if input is 2D, then offsets has to be None, as input is treated is a "
                        + "mini-batch of fixed length sequences. However, found offsets of shape "
                        + Arrays.toString(options.offsets().shape()));
            }
            long bags = idx.size(0);
            long len = idx.size(1);
            offs = new long[(int) bags + 1];
            for (int b = 0; b <= bags; b++) {
                offs[b] = b * len;
            }
            flat = idx.reshape(-1).contiguous();
        } else if (idx.dim() == 1) {
            Tensor o = options.offsets();
            if (o == null) {
                throw new TensorException("offsets has to be a 1D Tensor but got None (1-D input of shape "
                        + Arrays.toString(idx.shape()) + " needs offsets)");
            }
            if (o.dim() != 1) {
                throw new TensorException("offsets has to be a 1D Tensor, got shape " + Arrays.toString(o.shape()));
            }
            if (o.dtype() != DType.INT64 && o.dtype() != DType.INT32) {
                throw new TensorException("embedding_bag: offsets must be int64 or int32, got " + o.dtype());
            }
            long[] given = o.toLongArray();
            long total = idx.numel();
            if (given.length > 0 && given[0] != 0) {
                throw new TensorException("offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to "
                        + "start from position 0. However, got " + given[0]);
            }
            if (options.includeLastOffset()) {
                if (given.length == 0) {
                    throw new TensorException("include_last_offset: number of offset should be at least 1");
                }
                offs = given;
            } else {
                offs = Arrays.copyOf(given, given.length + 1);
                offs[given.length] = total;
            }
            for (int b = 1; b < offs.length; b++) {
                if (offs[b] < offs[b - 1] || offs[b] > total) {
                    throw new TensorException("embedding_bag: offsets must be non-decreasing and at most the input "
                            + "length " + total + ", got offsets " + Arrays.toString(given));
                }
            }
            flat = idx.contiguous();
        } else {
            throw new TensorException("input has to be 1D or 2D Tensor, but got Tensor of dimension " + idx.dim());
        }
        long[] values = flat.toLongArray();
        for (int l = 0; l < values.length; l++) {
            if (values[l] < 0 || values[l] >= num) {
                throw new TensorException("embedding_bag: Index " + l + " is out of bounds: " + values[l]
                        + ", range 0 to " + num);
            }
        }
        long pad = paddingIndex(options.paddingIdx(), num);
        if (options.maxNorm() != null) {
            renorm_(weight, values, options.maxNorm(), options.normType());
        }
        Tensor offsets = Tensor.fromArray(offs).to(weight.device());
        int bags = offs.length - 1;
        Tensor w = weight.contiguous();
        Tensor samples = psw == null ? null : psw.to(w.dtype()).reshape(-1).contiguous();
        Tensor out = Tensor.empty(new long[] {bags, dimSize}, w.dtype(), w.device());
        Tensor maxIdx = mode == EmbeddingBagMode.MAX
                ? Tensor.empty(new long[] {bags, dimSize}, DType.INT64, w.device()) : null;
        int code = mode.ordinal();
        w.device().backend().embeddingBag(w, flat, offsets, code, samples, pad < 0 ? -1 : pad, out, maxIdx);
        Tensor[] inputs = samples == null ? new Tensor[] {w} : new Tensor[] {w, samples};
        return Autograd.record(Primitive.EMBEDDING_BAG, out, inputs, flat, offsets, code, samples,
                pad < 0 ? -1L : pad, maxIdx);
    }

    private static Tensor indexTensor(Tensor input, String op) {
        if (input.dtype() == DType.INT32) {
            return input.to(DType.INT64);
        }
        if (input.dtype() != DType.INT64) {
            throw new TensorException("Expected tensor for argument #1 'indices' to have one of the following scalar "
                    + "types: Long, Int; but got " + input.dtype() + " instead (while checking arguments for " + op + ")");
        }
        return input;
    }

    /** The padding index made non-negative, or -1 for none; PyTorch's range check. */
    private static long paddingIndex(Long paddingIdx, long num) {
        if (paddingIdx == null) {
            return -1;
        }
        long p = paddingIdx;
        if (p >= num || p < -num) {
            throw new TensorException("Padding_idx must be within num_embeddings (padding_idx " + p + ", num_embeddings "
                    + num + ")");
        }
        return p < 0 ? p + num : p;
    }

    /**
     * PyTorch's {@code embedding_renorm_}: each distinct row looked up whose {@code p}-norm exceeds
     * {@code maxNorm} is scaled by {@code maxNorm / (norm + 1e-7)}, in place, unrecorded.
     */
    private static void renorm_(Tensor weight, long[] indices, double maxNorm, double p) {
        Set<Long> distinct = new LinkedHashSet<>();
        for (long v : indices) {
            distinct.add(v);
        }
        if (distinct.isEmpty()) {
            return;
        }
        long[] rows = distinct.stream().mapToLong(Long::longValue).toArray();
        try (var _ = NoGrad.enter()) {
            Tensor ri = Tensor.fromArray(rows).to(weight.device());
            Tensor sel = weight.indexSelect(0, ri);
            Tensor norms = sel.abs().pow(p).sum(1).pow(1.0 / p);
            Tensor scale = Tensor.where(norms.gt(maxNorm), norms.add(1e-7).reciprocal().mul(maxNorm),
                    Tensor.onesLike(norms));
            weight.indexPut_(new Index[] {Index.tensor(ri)}, sel.mul(scale.unsqueeze(1)));
        }
    }

    // ------------------------------------------------------------------ resampling (interpolate)

    /**
     * {@code F.interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None,
     * recompute_scale_factor=None)} of PyTorch 1.13 on an {@code (N, C, d1[, d2[, d3]])} input. Modes:
     * {@code nearest}, {@code nearest-exact}, {@code area} (3-d to 5-d inputs), {@code linear} (3-d),
     * {@code bilinear} and {@code bicubic} (4-d), {@code trilinear} (5-d). A one-element {@code size} or
     * {@code scaleFactor} stands for every spatial dim (PyTorch's single number); otherwise it has one entry per
     * spatial dim. With {@code scaleFactor} the output size is {@code floor(in * scale)}, and the kernels use the
     * given scale unless {@code recomputeScaleFactor} is true (then the size ratio, as {@code area} always does).
     *
     * @param input the tensor to resample, {@code (N, C, ...)}; floating point except for the nearest modes
     * @param size the output's spatial sizes, or null when {@code scaleFactor} is given
     * @param scaleFactor the multipliers of the spatial sizes, or null when {@code size} is given
     * @param mode the resampling mode (null: {@code nearest})
     * @param alignCorners for the interpolating modes: map the corner pixels' centres onto each other (null:
     *     false); must be null for {@code nearest}, {@code nearest-exact} and {@code area}
     * @param recomputeScaleFactor whether the kernels use the size ratio instead of {@code scaleFactor} (null:
     *     false)
     * @return the resampled tensor, {@code (N, C, o1, ...)}, of the input's dtype
     * @throws dev.jtensor.core.TensorException with PyTorch's message when both or neither of {@code size} and
     *     {@code scaleFactor} are given, their length does not match the spatial dims, {@code alignCorners} is
     *     set for a non-interpolating mode, the mode does not fit the input's rank, or an output size is 0
     */
    public static Tensor interpolate(Tensor input, long[] size, double[] scaleFactor, String mode,
            Boolean alignCorners, Boolean recomputeScaleFactor) {
        return Interpolate.interpolate(input, size, scaleFactor, mode, alignCorners, recomputeScaleFactor);
    }

    /**
     * {@code F.interpolate(input, size=size, mode=mode)}.
     *
     * @param input the tensor to resample, {@code (N, C, ...)}
     * @param size the output's spatial sizes (one entry: every spatial dim)
     * @param mode the resampling mode
     * @return the resampled tensor
     * @throws dev.jtensor.core.TensorException as {@link #interpolate(Tensor, long[], double[], String, Boolean,
     *     Boolean)}
     */
    public static Tensor interpolate(Tensor input, long[] size, String mode) {
        return interpolate(input, size, null, mode, null, null);
    }

    /**
     * {@code F.interpolate(input, scale_factor=scaleFactor, mode=mode)}.
     *
     * @param input the tensor to resample, {@code (N, C, ...)}
     * @param scaleFactor the multiplier of every spatial size
     * @param mode the resampling mode
     * @return the resampled tensor
     * @throws dev.jtensor.core.TensorException as {@link #interpolate(Tensor, long[], double[], String, Boolean,
     *     Boolean)}
     */
    public static Tensor interpolate(Tensor input, double scaleFactor, String mode) {
        return interpolate(input, null, new double[] {scaleFactor}, mode, null, null);
    }

    // ------------------------------------------------------------------ layers

    /** {@code F.linear(x, weight)}: {@code x @ weight.T}, with {@code weight} of shape {@code [out, in]}. */
    public static Tensor linear(Tensor x, Tensor weight) {
        return linear(x, weight, null);
    }

    /** {@code F.linear(x, weight, bias)}: {@code x @ weight.T + bias} (a null bias is none). */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (weight.dim() != 2 && weight.dim() != 1) {
            throw new TensorException("linear: weight must be 1-D or 2-D, got shape " + Arrays.toString(weight.shape()));
        }
        Tensor y = x.matmul(weight.dim() == 2 ? weight.t() : weight);
        if (bias != null) {
            long[] ys = y.shape();
            if (!Shapes.broadcastable(bias.shape(), ys) || !Arrays.equals(Shapes.broadcast(bias.shape(), ys), ys)) {
                throw new TensorException("The expanded size of the tensor (" + (ys.length == 0 ? 1 : ys[ys.length - 1])
                        + ") must match the existing size (" + (bias.dim() == 0 ? 1 : bias.size(-1))
                        + ") at non-singleton dimension " + Math.max(0, ys.length - 1) + ".  Target sizes: "
                        + Arrays.toString(ys) + ".  Tensor sizes: " + Arrays.toString(bias.shape()));
            }
            y = y.add(bias);
        }
        return y;
    }

    /** {@code F.layer_norm(x, normalized_shape)}: normalise over the last dims, eps 1e-5, no affine part. */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape) {
        return layerNorm(x, normalizedShape, null, null, 1e-5);
    }

    /**
     * {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}: over the last
     * {@code normalizedShape.length} dims, {@code (x - mean) / sqrt(var + eps) * weight + bias} with the
     * biased variance; a null weight or bias is left out.
     */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        long[] xs = x.shape();
        boolean ok = k >= 1 && k <= xs.length;
        for (int i = 0; ok && i < k; i++) {
            ok = xs[xs.length - k + i] == normalizedShape[i];
        }
        if (!ok) {
            long[] star = Arrays.copyOf(normalizedShape, normalizedShape.length);
            throw new TensorException("Given normalized_shape=" + Arrays.toString(star)
                    + ", expected input with shape [*" + (star.length == 0 ? "" : ", ")
                    + Arrays.toString(star).replaceAll("[\\[\\]]", "") + "], but got input of size"
                    + Arrays.toString(xs));
        }
        if (weight != null && !Arrays.equals(weight.shape(), normalizedShape)) {
            throw new TensorException("Expected weight to be of same shape as normalized_shape, but got weight of shape "
                    + Arrays.toString(weight.shape()) + " and normalized_shape = " + Arrays.toString(normalizedShape));
        }
        if (bias != null && !Arrays.equals(bias.shape(), normalizedShape)) {
            throw new TensorException("Expected bias to be of same shape as normalized_shape, but got bias of shape "
                    + Arrays.toString(bias.shape()) + " and normalized_shape = " + Arrays.toString(normalizedShape));
        }
        requireFloating(x, "layer_norm");
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = xs.length - k + i;
        }
        Tensor mean = x.mean(dims, true);
        Tensor xc = x.sub(mean);
        Tensor var = xc.mul(xc).mean(dims, true);
        Tensor y = xc.mul(var.add(eps).rsqrt());
        if (weight != null) {
            y = y.mul(weight);
        }
        if (bias != null) {
            y = y.add(bias);
        }
        return y;
    }

    /** {@code F.dropout(x, p, training)} drawing from the default generator. */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        return dropout(x, p, training, Generator.defaultGenerator());
    }

    /**
     * {@code F.dropout(x, p, training)} drawing from {@code generator}: in training, each element is
     * kept with probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, else zeroed; the identity
     * otherwise. The mask is PyTorch's {@code bernoulli_(1 - p)} without MKL: one uniform double per
     * element, kept when below {@code 1 - p}.
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new TensorException("dropout probability has to be between 0 and 1, but got " + p);
        }
        requireFloating(x, "dropout");
        if (!training || p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0.0);
        }
        Tensor noise = Tensor.rand(x.shape(), DType.FLOAT64, generator).lt(1 - p).to(x.dtype()).div(1 - p);
        return x.mul(noise.to(x.device()));
    }
}
