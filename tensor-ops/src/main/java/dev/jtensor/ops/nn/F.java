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

    /**
     * {@return {@code F.relu(x)}}
     *
     * @param x the input tensor
     */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /**
     * {@return {@code torch.tanh(x)} / {@code F.tanh(x)}}
     *
     * @param x the input tensor
     */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /**
     * {@return {@code torch.sigmoid(x)} / {@code F.sigmoid(x)}}
     *
     * @param x the input tensor
     */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /**
     * {@return {@code F.gelu(x)} (the exact, erf-based form)}
     *
     * @param x the input tensor
     */
    public static Tensor gelu(Tensor x) {
        return x.gelu();
    }

    /**
     * {@return {@code F.gelu(x, approximate=approximate)} with {@code "none"} or {@code "tanh"}}
     *
     * @param x the input tensor
     * @param approximate the approximation: {@code "none"} or {@code "tanh"}
     */
    public static Tensor gelu(Tensor x, String approximate) {
        return x.gelu(approximate);
    }

    // ------------------------------------------------------------------ softmax

    /**
     * {@return {@code F.softmax(x, dim)}: {@code exp(x) / sum(exp(x))} along {@code dim}, computed stably (max
     * subtracted)}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor softmax(Tensor x, long dim) {
        return softmax(x, dim, false, "softmax");
    }

    /**
     * {@return {@code F.softmax(x, dim, dtype=dtype)}: the input is cast to {@code dtype} first}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param dtype the dtype
     */
    public static Tensor softmax(Tensor x, long dim, DType dtype) {
        return softmax(x.to(dtype), dim, false, "softmax");
    }

    /**
     * {@return {@code F.log_softmax(x, dim)}: {@code x - max - log(sum(exp(x - max)))} along {@code dim}}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor logSoftmax(Tensor x, long dim) {
        return softmax(x, dim, true, "log_softmax");
    }

    /**
     * {@return {@code F.log_softmax(x, dim, dtype=dtype)}: the input is cast to {@code dtype} first}
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param dtype the dtype
     */
    public static Tensor logSoftmax(Tensor x, long dim, DType dtype) {
        return softmax(x.to(dtype), dim, true, "log_softmax");
    }

    private static Tensor softmax(Tensor x, long dim, boolean log, String op) {
        int d = Shapes.normalizeDim(dim, x.dim());
        requireFloating(x, op);
        Tensor in = x.contiguous();
        Tensor out = Tensor.emptyUninitialized(in.shape(), in.dtype(), in.device());
        if (in.numel() > 0) {
            in.device().backend().softmax(in, out, d, log);
        }
        return Autograd.record(log ? Primitive.LOG_SOFTMAX : Primitive.SOFTMAX, out, new Tensor[] {in}, d);
    }

    // ------------------------------------------------------------------ losses

    /**
     * {@return {@code F.cross_entropy(input, target)} with PyTorch's defaults (mean over targets not equal to
     * -100)}
     *
     * @param input the input tensor
     * @param target the target
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, new CrossEntropyOptions());
    }

    /**
     * {@return {@code F.cross_entropy(input, target, reduction=...)}}
     *
     * @param input the input tensor
     * @param target the target
     * @param reduction how the per-element results are reduced
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
        return crossEntropy(input, target, new CrossEntropyOptions().reduction(reduction));
    }

    /**
     * {@return {@code F.cross_entropy(input, target, weight=, ignore_index=, reduction=, label_smoothing=)}}
     * {@code input} holds logits of shape {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}. A
     * {@code target} of the input's shape and a floating dtype holds class probabilities; otherwise
     * it holds int64 class indices of shape {@code ()}, {@code (N)} or {@code (N, d1, ...)}. With
     * weights, the mean divides by the summed weights of the targets not ignored (PyTorch's weighted
     * mean); a batch whose targets are all ignored has a NaN mean. Class-index targets run through one
     * fused kernel (log-softmax and pick in one pass; backward: softmax minus the smoothed one-hot).
     *
     * @param input the input tensor
     * @param target the target
     * @param options the options
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

    /**
     * {@return {@code F.nll_loss(input, target)} with PyTorch's defaults}
     *
     * @param input the input tensor
     * @param target the target
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, new NllLossOptions());
    }

    /**
     * {@code F.nll_loss(input, target, weight=, ignore_index=, reduction=)}: the negative of the
     * input (log-probabilities, shape {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}) at each
     * int64 target class, weighted; the mean divides by the summed weights of the targets not ignored.
     *
     * @param input the input tensor
     * @param target the target
     * @param options the options
     * @return {@code F.nll_loss(input, target, weight=, ignore_index=, reduction=)}
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
        // Helper tensors live on the input's device, so the ops below never mix devices.
        Tensor picked = classes == 0 ? Tensor.empty(new long[] {t.numel()}, input.dtype(), input.device())
                : ct.logits.gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor w = weight == null ? Tensor.empty(new long[] {t.numel()}, input.dtype(), input.device()).fill_(1.0)
                : weight.indexSelect(0, safe);
        w = w.maskedFill(ignored, 0.0);
        Tensor losses = picked.mul(w).neg();
        return switch (options.reduction()) {
            case NONE -> losses.view(ct.targetShape);
            case SUM -> losses.sum();
            case MEAN -> losses.sum().div(w.sum());
        };
    }

    /**
     * {@return {@code F.mse_loss(input, target)}: the mean of the squared differences (shapes broadcast)}
     *
     * @param input the input tensor
     * @param target the target
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /**
     * {@return {@code F.mse_loss(input, target, reduction=...)}}
     *
     * @param input the input tensor
     * @param target the target
     * @param reduction how the per-element results are reduced
     */
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
            throw new TensorException(op + ": expected scalar type Long but found " + target.dtype().scalarTypeName()
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

    private static void requireFloating(Tensor x, String op) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException(op + ": expected a floating-point input (float16, bfloat16, float32 or float64), got "
                    + x.dtype() + " of shape " + Arrays.toString(x.shape()));
        }
    }

    // ------------------------------------------------------------------ embeddings

    /**
     * {@return {@code F.embedding(input, weight)}: rows of {@code weight} ({@code [num, dim]}) at the int64
     * indices}
     *
     * @param input the input tensor
     * @param weight the weight
     */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return embedding(input, weight, new EmbeddingOptions());
    }

    /**
     * {@return {@code F.embedding(input, weight, padding_idx=paddingIdx)}: that row receives no gradient}
     *
     * @param input the input tensor
     * @param weight the weight
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     */
    public static Tensor embedding(Tensor input, Tensor weight, long paddingIdx) {
        return embedding(input, weight, new EmbeddingOptions().paddingIdx(paddingIdx));
    }

    /**
     * {@code F.embedding(input, weight, padding_idx=, max_norm=, norm_type=)}: output shape is the
     * input's shape plus {@code [dim]}. With a max norm, the looked-up rows whose norm exceeds it are
     * first rescaled in place in {@code weight} (not recorded), as PyTorch does.
     *
     * @param input the input tensor
     * @param weight the weight
     * @param options the options
     * @return {@code F.embedding(input, weight, padding_idx=, max_norm=, norm_type=)}
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

    /**
     * {@return {@code F.embedding_bag(input, weight, offsets, mode=mode)} for 1-D input}
     *
     * @param input the input tensor
     * @param weight the weight
     * @param offsets the offsets
     * @param mode the mode
     */
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
     *
     * @param input the input tensor
     * @param weight the weight
     * @param options the options
     * @return {@code F.embedding_bag(input, weight, offsets=, max_norm=, norm_type=, mode=, per_sample_weights=,
     *     include_last_offset=, padding_idx=)}
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

    /**
     * {@return {@code F.linear(x, weight)}: {@code x @ weight.T}, with {@code weight} of shape {@code [out, in]}}
     *
     * @param x the input tensor
     * @param weight the weight
     */
    public static Tensor linear(Tensor x, Tensor weight) {
        return linear(x, weight, null);
    }

    /**
     * {@return {@code F.linear(x, weight, bias)}: {@code x @ weight.T + bias} (a null bias is none)}
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias
     */
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

    /**
     * {@return {@code F.layer_norm(x, normalized_shape)}: normalise over the last dims, eps 1e-5, no affine part}
     *
     * @param x the input tensor
     * @param normalizedShape the shape of the trailing dims to normalize
     */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape) {
        return layerNorm(x, normalizedShape, null, null, 1e-5);
    }

    /**
     * {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}: over the last
     * {@code normalizedShape.length} dims, {@code (x - mean) / sqrt(var + eps) * weight + bias} with the
     * biased variance; a null weight or bias is left out.
     *
     * @param x the input tensor
     * @param normalizedShape the shape of the trailing dims to normalize
     * @param weight the weight
     * @param bias the bias
     * @param eps the epsilon added for numerical stability
     * @return {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}
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

    /**
     * {@return {@code F.dropout(x, p, training)} drawing from the default generator}
     *
     * @param x the input tensor
     * @param p the probability p
     * @param training whether in training mode
     */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        return dropout(x, p, training, Generator.defaultGenerator());
    }

    /**
     * {@code F.dropout(x, p, training)} drawing from {@code generator}: in training, each element is
     * kept with probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, else zeroed; the identity
     * otherwise. The mask is PyTorch's {@code bernoulli_(1 - p)} without MKL: one uniform double per
     * element, kept when below {@code 1 - p}.
     *
     * @param x the input tensor
     * @param p the probability p
     * @param training whether in training mode
     * @param generator the random number generator to draw from
     * @return {@code F.dropout(x, p, training)} drawing from {@code generator}
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

    // ================================================================== nn2 (issue 21): more activations,
    // distances, padding and losses. Each is composed from differentiable core ops, so its gradient comes
    // from the core rules; where PyTorch's backward has its own convention at a kink (which side a
    // boundary point belongs to), the composition uses explicit masks that reproduce it, and branches
    // that are not taken are fed clamped values so that their gradients stay finite.

    /**
     * {@code F.silu(x)}: {@code x * sigmoid(x)}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor silu(Tensor x) {
        requireFloatingNn(x, "silu");
        return x.mul(x.sigmoid());
    }

    /**
     * {@code F.mish(x)}: {@code x * tanh(softplus(x))}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor mish(Tensor x) {
        requireFloatingNn(x, "mish");
        return x.mul(softplus(x, 1.0, 20.0).tanh());
    }

    /**
     * {@code F.leaky_relu(x)} with PyTorch's slope 0.01.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.01);
    }

    /**
     * {@code F.leaky_relu(x, negative_slope)}: {@code x} where {@code x > 0}, else {@code negativeSlope * x}.
     *
     * @param x a floating-point tensor
     * @param negativeSlope the slope for {@code x <= 0}
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point
     */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        requireFloatingNn(x, "leaky_relu");
        return Tensor.where(x.gt(0L), x, x.mul(negativeSlope));
    }

    /**
     * {@code F.elu(x)} with {@code alpha = 1}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor elu(Tensor x) {
        return elu(x, 1.0);
    }

    /**
     * {@code F.elu(x, alpha)}: {@code x} where {@code x > 0}, else {@code alpha * (exp(x) - 1)}.
     *
     * @param x a floating-point tensor
     * @param alpha the scale of the negative part
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point
     */
    public static Tensor elu(Tensor x, double alpha) {
        requireFloatingNn(x, "elu");
        return eluFamily(x, alpha, 1.0, 1.0);
    }

    /**
     * {@code F.selu(x)}: {@code scale * elu(x, alpha)} with PyTorch's two constants.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor selu(Tensor x) {
        requireFloatingNn(x, "selu");
        double alpha = 1.6732632423543772848170429916717;
        double scale = 1.0507009873554804934193349852946;
        return eluFamily(x, alpha * scale, scale, 1.0);
    }

    /**
     * {@code F.celu(x)} with {@code alpha = 1}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor celu(Tensor x) {
        return celu(x, 1.0);
    }

    /**
     * {@code F.celu(x, alpha)}: {@code max(0, x) + min(0, alpha * (exp(x / alpha) - 1))}.
     *
     * @param x a floating-point tensor
     * @param alpha the scale, not zero
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point or {@code alpha} is zero
     */
    public static Tensor celu(Tensor x, double alpha) {
        requireFloatingNn(x, "celu");
        if (alpha == 0) {
            throw new TensorException("ZeroDivisionError: alpha cannot be 0 for CELU");
        }
        Tensor y = eluFamily(x, alpha, 1.0, 1.0 / alpha);
        // PyTorch's CELU backward scales by 1 / (float) alpha rather than 1 / alpha: the same values,
        // with that gradient (which differs in float64).
        double inScale = 1.0 / (float) alpha;
        Tensor surrogate = x.clampMax(0.0).mul(inScale).exp().mul(alpha);
        return Tensor.where(x.gt(0L), y, withGradientOf(y, surrogate));
    }

    /** {@code value}'s values with {@code surrogate}'s gradient: {@code value + (s - s)}, exact for finite {@code s}. */
    private static Tensor withGradientOf(Tensor value, Tensor surrogate) {
        return value.detach().add(surrogate.sub(surrogate.detach()));
    }

    /** PyTorch's ELU kernel: {@code x > 0 ? x * pos : (exp(x * inScale) - 1) * neg}; the derivative at 0 is the negative side's. */
    private static Tensor eluFamily(Tensor x, double neg, double pos, double inScale) {
        Tensor negative = x.clampMax(0.0).mul(inScale).exp().sub(1.0).mul(neg);
        return Tensor.where(x.gt(0L), pos == 1.0 ? x : x.mul(pos), negative);
    }

    /**
     * {@code F.softplus(x)} with {@code beta = 1}, {@code threshold = 20}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor softplus(Tensor x) {
        return softplus(x, 1.0, 20.0);
    }

    /**
     * {@code F.softplus(x, beta, threshold)}: {@code log(1 + exp(beta * x)) / beta}, and {@code x} itself
     * where {@code beta * x > threshold}.
     *
     * @param x a floating-point tensor
     * @param beta the sharpness
     * @param threshold above this {@code beta * x} the function is linear
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException("\"softplus_cpu\" not implemented for '" + x.dtype() + "': softplus needs a "
                    + "floating-point input, got shape " + Arrays.toString(x.shape()));
        }
        Tensor scaled = x.mul(beta);
        Tensor smooth = scaled.clampMax(threshold).exp().log1p().div(beta);
        return Tensor.where(scaled.gt(threshold), x, smooth);
    }

    /**
     * {@code F.softsign(x)}: {@code x / (1 + |x|)}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor softsign(Tensor x) {
        requireFloatingNn(x, "softsign");
        return x.div(x.abs().add(1.0));
    }

    /**
     * {@code F.hardtanh(x)}: {@code clamp(x, -1, 1)}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor hardtanh(Tensor x) {
        return hardtanh(x, -1.0, 1.0);
    }

    /**
     * {@code F.hardtanh(x, min_val, max_val)}: {@code x} clamped to {@code [minVal, maxVal]}; the gradient
     * is zero at and beyond the bounds, as in PyTorch.
     *
     * @param x a floating-point tensor
     * @param minVal the lower bound
     * @param maxVal the upper bound, at least {@code minVal}
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point or {@code minVal > maxVal}
     */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        requireFloatingNn(x, "hardtanh");
        if (minVal > maxVal) {
            throw new TensorException("hardtanh: min_val (" + minVal + ") must not be greater than max_val (" + maxVal + ")");
        }
        return Tensor.where(x.le(minVal), minVal, Tensor.where(x.ge(maxVal), maxVal, x));
    }

    /**
     * {@code F.relu6(x)}: {@code hardtanh(x, 0, 6)}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor relu6(Tensor x) {
        return hardtanh(x, 0.0, 6.0);
    }

    /**
     * {@code F.hardsigmoid(x)}: {@code relu6(x + 3) / 6}; the gradient is {@code 1/6} strictly inside (-3, 3).
     *
     * @param x the input
     * @return the result
     */
    public static Tensor hardsigmoid(Tensor x) {
        requireFloatingNn(x, "hardsigmoid");
        // PyTorch's backward multiplies by (float) 1/6 also in float64: the exact values, that gradient.
        Tensor middle = withGradientOf(x.add(3.0).div(6.0), x.mul((double) (1.0f / 6.0f)));
        return Tensor.where(x.le(-3.0), 0.0, Tensor.where(x.ge(3.0), 1.0, middle));
    }

    /**
     * {@code F.hardswish(x)}: {@code x * relu6(x + 3) / 6}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor hardswish(Tensor x) {
        requireFloatingNn(x, "hardswish");
        // x * clamp(x + 3, 0, 6) / 6; clamp passes the gradient at both bounds, which gives PyTorch's
        // derivative at x = -3 (-0.5) and x = 3 (1.5).
        return x.mul(x.add(3.0).clampMin(0.0).clampMax(6.0)).div(6.0);
    }

    /**
     * {@code F.logsigmoid(x)}: {@code log(sigmoid(x)) = min(x, 0) - log(1 + exp(-|x|))}, stable for large {@code |x|}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor logsigmoid(Tensor x) {
        requireFloatingNn(x, "log_sigmoid");
        Tensor negative = x.lt(0L);
        Tensor minusAbs = Tensor.where(negative, x, x.neg());
        return Tensor.where(negative, x, 0.0).sub(minusAbs.exp().log1p());
    }

    /**
     * {@code F.tanhshrink(x)}: {@code x - tanh(x)}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor tanhshrink(Tensor x) {
        requireFloatingNn(x, "tanhshrink");
        return x.sub(x.tanh());
    }

    /**
     * {@code F.softshrink(x)} with {@code lambd = 0.5}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor softshrink(Tensor x) {
        return softshrink(x, 0.5);
    }

    /**
     * {@code F.softshrink(x, lambd)}: {@code x - lambd} above {@code lambd}, {@code x + lambd} below
     * {@code -lambd}, zero between.
     *
     * @param x a floating-point tensor
     * @param lambd the threshold, not negative
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point or {@code lambd} is negative
     */
    public static Tensor softshrink(Tensor x, double lambd) {
        requireFloatingNn(x, "softshrink");
        if (lambd < 0) {
            throw new TensorException("lambda must be greater or equal to 0, but found to be " + lambd + ".");
        }
        return Tensor.where(x.gt(lambd), x.sub(lambd), Tensor.where(x.lt(-lambd), x.add(lambd), 0.0));
    }

    /**
     * {@code F.hardshrink(x)} with {@code lambd = 0.5}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor hardshrink(Tensor x) {
        return hardshrink(x, 0.5);
    }

    /**
     * {@code F.hardshrink(x, lambd)}: {@code x} where {@code |x| > lambd}, else zero.
     *
     * @param x a floating-point tensor
     * @param lambd the threshold
     * @return the activation, the shape of {@code x}
     * @throws TensorException if {@code x} is not floating point
     */
    public static Tensor hardshrink(Tensor x, double lambd) {
        requireFloatingNn(x, "hardshrink");
        return Tensor.where(x.ge(-lambd).logicalAnd(x.le(lambd)), 0.0, x);
    }

    /**
     * {@code F.glu(x)} along the last dim.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor glu(Tensor x) {
        return glu(x, -1);
    }

    /**
     * {@code F.glu(x, dim)}: splits {@code x} in halves {@code a, b} along {@code dim} and returns
     * {@code a * sigmoid(b)}.
     *
     * @param x a floating-point tensor with an even size at {@code dim}
     * @param dim the dim to halve
     * @return a tensor half as long at {@code dim}
     * @throws TensorException for a 0-d input, an odd size or a bad dim
     */
    public static Tensor glu(Tensor x, long dim) {
        if (x.dim() == 0) {
            throw new TensorException("glu does not support scalars because halving size must be even");
        }
        int d = Shapes.normalizeDim(dim, x.dim());
        long n = x.size(d);
        if (n % 2 != 0) {
            throw new TensorException("Halving dimension must be even, but dimension " + d + " is size " + n);
        }
        requireFloatingNn(x, "glu");
        return x.narrow(d, 0, n / 2).mul(x.narrow(d, n / 2, n / 2).sigmoid());
    }

    /**
     * {@code F.softmin(x, dim)}: {@code softmax(-x, dim)}.
     *
     * @param x the input
     * @param dim the dim
     * @return the result
     */
    public static Tensor softmin(Tensor x, long dim) {
        return softmax(x.neg(), dim);
    }

    /**
     * {@code F.softmin(x, dim, dtype=dtype)}: the input is cast to {@code dtype} first.
     *
     * @param x the input
     * @param dim the dim
     * @param dtype the dtype the input is cast to first
     * @return the result
     */
    public static Tensor softmin(Tensor x, long dim, DType dtype) {
        return softmax(x.neg(), dim, dtype);
    }

    /**
     * {@code F.one_hot(x)}: the number of classes is {@code x.max() + 1}.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor oneHot(Tensor x) {
        return oneHot(x, -1);
    }

    /**
     * {@code F.one_hot(x, num_classes)}: an int64 tensor of shape {@code x.shape + [numClasses]} with a
     * one at each class index.
     *
     * @param x an int64 tensor of class indices
     * @param numClasses the number of classes, or -1 to use {@code x.max() + 1}
     * @return the one-hot encoding
     * @throws TensorException for a non-int64 input, a negative class, a class of at least {@code numClasses},
     *     or an empty input without {@code numClasses}
     */
    public static Tensor oneHot(Tensor x, long numClasses) {
        if (x.dtype() != DType.INT64) {
            throw new TensorException("one_hot is only applicable to index tensor, got " + x.dtype());
        }
        if (x.numel() == 0) {
            if (numClasses < 0) {
                throw new TensorException("Can not infer total number of classes from empty tensor.");
            }
        } else {
            if (x.min().itemLong() < 0) {
                throw new TensorException("Class values must be non-negative.");
            }
            long max = x.max().itemLong();
            if (numClasses < 0) {
                numClasses = max + 1;
            } else if (max >= numClasses) {
                throw new TensorException("Class values must be smaller than num_classes.");
            }
        }
        Tensor classes = Tensor.arange(numClasses).to(x.device());
        return x.unsqueeze(-1).eq(classes).to(DType.INT64);
    }

    /**
     * {@code F.normalize(x)}: divides by the 2-norm along dim 1.
     *
     * @param x the input
     * @return the result
     */
    public static Tensor normalize(Tensor x) {
        return normalize(x, 2.0, 1, 1e-12);
    }

    /**
     * {@code F.normalize(x, p, dim, eps)}: {@code x / max(||x||_p, eps)} along {@code dim}.
     *
     * @param x a floating-point tensor
     * @param p the norm's order
     * @param dim the dim to normalise along
     * @param eps the smallest denominator
     * @return a tensor of the shape of {@code x}
     * @throws TensorException for a bad dim
     */
    public static Tensor normalize(Tensor x, double p, long dim, double eps) {
        int d = Shapes.normalizeDim(dim, x.dim());
        requireFloatingNn(x, "normalize");
        return x.div(vectorNorm(x, p, new int[] {d}, true).clampMin(eps));
    }

    /**
     * The p-norm of {@code x} over {@code dims} ({@code torch.linalg.vector_norm}), with PyTorch's
     * gradient conventions: zero where the norm is zero, and for {@code p = inf} split evenly among
     * the largest entries. {@code p = 0} counts the nonzero entries.
     */
    static Tensor vectorNorm(Tensor x, double p, int[] dims, boolean keepdim) {
        Tensor a = x.abs();
        if (p == Double.POSITIVE_INFINITY) {
            return a.amax(dims, keepdim);
        }
        if (p == Double.NEGATIVE_INFINITY) {
            return a.amin(dims, keepdim);
        }
        if (p == 0) {
            return x.ne(0L).to(x.dtype()).sum(dims, keepdim);
        }
        if (p == 1) {
            return a.sum(dims, keepdim);
        }
        Tensor powered = p == 2 ? x.mul(x) : safePow(a, p);
        Tensor sum = powered.sum(dims, keepdim);
        Tensor zero = sum.eq(0L);
        Tensor safe = Tensor.where(zero, 1.0, sum);
        Tensor root = p == 2 ? safe.sqrt() : safe.pow(1.0 / p);
        return Tensor.where(zero, 0.0, root);
    }

    /** {@code a^p} for {@code a >= 0} whose gradient is zero (not NaN) at {@code a = 0} when {@code p < 1}. */
    private static Tensor safePow(Tensor a, double p) {
        if (p >= 1) {
            return a.pow(p);
        }
        Tensor zero = a.eq(0L);
        return Tensor.where(zero, 0.0, Tensor.where(zero, 1.0, a).pow(p));
    }

    /**
     * {@code F.pad(x, pad)} with zeros.
     *
     * @param x the input
     * @param pad the padding amounts, two per padded dim, the last dim first
     * @return the result
     */
    public static Tensor pad(Tensor x, long[] pad) {
        return pad(x, pad, "constant", 0.0);
    }

    /**
     * {@code F.pad(x, pad, mode, value)}: pads the last {@code pad.length / 2} dims, the last dim first
     * ({@code (left, right, top, bottom, ...)}). Modes: {@code "constant"} (with {@code value}; negative
     * amounts crop), {@code "reflect"} (mirrored without the edge), {@code "replicate"} (the edge
     * repeated) and {@code "circular"} (wrapped around).
     *
     * @param x the input
     * @param pad the amounts, two per padded dim
     * @param mode the padding mode
     * @param value the fill value of {@code "constant"}
     * @return the padded tensor
     * @throws TensorException for an odd or too long {@code pad}, an unknown mode, amounts a mode cannot
     *     give (reflect: at least the size; circular: more than the size), or a negative result size
     */
    public static Tensor pad(Tensor x, long[] pad, String mode, double value) {
        if (pad.length % 2 != 0) {
            throw new TensorException("Padding length must be divisible by 2, got " + Arrays.toString(pad));
        }
        if (pad.length / 2 > x.dim()) {
            throw new TensorException("Padding length too large: " + pad.length + " values for a " + x.dim()
                    + "-d input of shape " + Arrays.toString(x.shape()));
        }
        if (!mode.equals("constant") && !mode.equals("reflect") && !mode.equals("replicate") && !mode.equals("circular")) {
            throw new TensorException("Unrecognised padding mode " + mode
                    + ": expected 'constant', 'reflect', 'replicate' or 'circular'");
        }
        if (!mode.equals("constant") && (x.dim() < 2 || x.dim() > 5 || pad.length / 2 > x.dim() - 1)) {
            throw new TensorException("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now; "
                    + "got pad " + Arrays.toString(pad) + " for an input of shape " + Arrays.toString(x.shape()));
        }
        Tensor out = x;
        for (int k = 0; k < pad.length / 2; k++) {
            int d = x.dim() - 1 - k;
            long left = pad[2 * k];
            long right = pad[2 * k + 1];
            long n = out.size(d);
            switch (mode) {
                case "constant" -> out = padConstant(out, d, left, right, value);
                case "reflect" -> {
                    if (left >= n || right >= n || left < 0 || right < 0) {
                        throw new TensorException("Argument #4: Padding size should be less than the corresponding "
                                + "input dimension, but got: padding (" + left + ", " + right + ") at dimension " + d
                                + " of input " + Arrays.toString(x.shape()));
                    }
                    out = Tensor.cat(new Tensor[] {out.narrow(d, 1, left).flip(d), out,
                        out.narrow(d, n - 1 - right, right).flip(d)}, d);
                }
                case "replicate" -> {
                    if (n == 0) {
                        throw new TensorException("replicate padding needs a non-empty dimension " + d + " of input "
                                + Arrays.toString(x.shape()));
                    }
                    Tensor core = out.narrow(d, Math.max(0, -left), checkedLength(n + Math.min(0, left) + Math.min(0, right), n, left, right));
                    long m = core.size(d);
                    out = Tensor.cat(new Tensor[] {repeatEdge(core, d, 0, Math.max(0, left)), core,
                        repeatEdge(core, d, m - 1, Math.max(0, right))}, d);
                }
                default -> {
                    if (left > n || right > n) {
                        throw new TensorException("Padding value causes wrapping around more than once: padding ("
                                + left + ", " + right + ") at dimension " + d + " of input " + Arrays.toString(x.shape()));
                    }
                    Tensor core = out.narrow(d, Math.max(0, -left), checkedLength(n + Math.min(0, left) + Math.min(0, right), n, left, right));
                    long m = core.size(d);
                    out = Tensor.cat(new Tensor[] {core.narrow(d, m - Math.max(0, left), Math.max(0, left)), core,
                        core.narrow(d, 0, Math.max(0, right))}, d);
                }
            }
        }
        return out;
    }

    private static long checkedLength(long length, long n, long left, long right) {
        if (length < 0) {
            throw new TensorException("start (" + Math.max(0, -left) + ") + length (" + length
                    + ") exceeds dimension size (" + n + "): padding (" + left + ", " + right + ")");
        }
        return length;
    }

    private static Tensor padConstant(Tensor x, int d, long left, long right, double value) {
        long n = x.size(d);
        long start = Math.max(0, -left);
        long length = checkedLength(n - start - Math.max(0, -right), n, left, right);
        Tensor core = x.narrow(d, start, length);
        if (left <= 0 && right <= 0) {
            return core;
        }
        return Tensor.cat(new Tensor[] {constantBlock(core, d, Math.max(0, left), value), core,
            constantBlock(core, d, Math.max(0, right), value)}, d);
    }

    private static Tensor constantBlock(Tensor like, int d, long length, double value) {
        long[] shape = like.shape().clone();
        shape[d] = length;
        Tensor block = Tensor.empty(shape, like.dtype(), like.device());
        return like.dtype().isFloatingPoint() ? block.fill_(value) : block.fill_((long) value);
    }

    private static Tensor repeatEdge(Tensor x, int d, long index, long times) {
        long[] shape = x.shape().clone();
        shape[d] = times;
        if (times == 0) {
            return x.narrow(d, 0, 0);
        }
        return x.narrow(d, index, 1).expand(shape);
    }

    /**
     * {@code F.cosine_similarity(x1, x2)} along dim 1 with {@code eps = 1e-8}.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors
     * @return the result
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2) {
        return cosineSimilarity(x1, x2, 1, 1e-8);
    }

    /**
     * {@code F.cosine_similarity(x1, x2, dim, eps)}: {@code sum(x1 * x2) / sqrt(max(sum(x1^2) * sum(x2^2), eps^2))}
     * along {@code dim} (PyTorch 1.13's formula), inputs broadcast.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors, broadcastable with {@code x1}
     * @param dim the vector dim
     * @param eps the smallest norm product's square root
     * @return the similarities, without {@code dim}
     * @throws TensorException if the shapes do not broadcast or the dim is out of range
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, long dim, double eps) {
        long[] shape = Shapes.broadcast(x1.shape(), x2.shape());
        int d = Shapes.normalizeDim(dim, shape.length);
        Tensor a = x1.expand(shape);
        Tensor b = x2.expand(shape);
        Tensor w12 = a.mul(b).sum(d);
        Tensor w1 = a.mul(a).sum(d);
        Tensor w2 = b.mul(b).sum(d);
        return w12.div(w1.mul(w2).clampMin(eps * eps).sqrt());
    }

    /**
     * {@code F.pairwise_distance(x1, x2)}: the 2-norm of {@code x1 - x2 + 1e-6} over the last dim.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors
     * @return the result
     */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2) {
        return pairwiseDistance(x1, x2, 2.0, 1e-6, false);
    }

    /**
     * {@code F.pairwise_distance(x1, x2, p, eps, keepdim)}: the p-norm of {@code x1 - x2 + eps} over the
     * last dim of the broadcast shape.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors, broadcastable with {@code x1}
     * @param p the norm's order (may be infinite)
     * @param eps added to the difference to avoid a zero norm
     * @param keepdim whether to keep the reduced dim
     * @return the distances
     * @throws TensorException if the shapes do not broadcast
     */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        Tensor diff = x1.sub(x2).add(eps);
        int last = Math.max(x1.dim(), x2.dim()) - 1;
        return vectorNorm(diff, p, last < 0 ? new int[0] : new int[] {last}, keepdim);
    }

    /**
     * {@code torch.cdist(x1, x2)} with {@code p = 2}.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors
     * @return the result
     */
    public static Tensor cdist(Tensor x1, Tensor x2) {
        return cdist(x1, x2, 2.0);
    }

    /**
     * {@code torch.cdist(x1, x2, p)}: the p-norm distance between each row of {@code x1} ({@code [..., P, M]})
     * and each row of {@code x2} ({@code [..., R, M]}), batch dims broadcast; the result is {@code [..., P, R]}.
     * Distances are computed directly (PyTorch's {@code donot_use_mm_for_euclid_dist}), which agrees with
     * its matrix-product path to rounding.
     *
     * @param x1 the first rows, at least 2-d
     * @param x2 the second rows, at least 2-d, as many columns
     * @param p the norm's order, not negative (may be infinite)
     * @return the distances
     * @throws TensorException for fewer than 2 dims, different column counts or a negative {@code p}
     */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        if (x1.dim() < 2 || x2.dim() < 2) {
            throw new TensorException("cdist only supports at least 2D tensors, X1 got: " + x1.dim() + "D, X2 got: "
                    + x2.dim() + "D");
        }
        if (x1.size(-1) != x2.size(-1)) {
            throw new TensorException("X1 and X2 must have the same number of columns. X1: " + x1.size(-1)
                    + " X2: " + x2.size(-1));
        }
        if (!(p >= 0)) {
            throw new TensorException("cdist only supports non-negative p values, got " + p);
        }
        requireFloatingNn(x1, "cdist");
        Tensor diff = x1.unsqueeze(-2).sub(x2.unsqueeze(-3));
        return vectorNorm(diff, p, new int[] {diff.dim() - 1}, false);
    }

    // ------------------------------------------------------------------ nn2 losses

    /** Applies a loss reduction to per-element losses. */
    private static Tensor reduce(Tensor losses, Reduction reduction) {
        return switch (reduction) {
            case NONE -> losses;
            case SUM -> losses.sum();
            case MEAN -> losses.mean();
        };
    }

    /**
     * {@code F.binary_cross_entropy(input, target)} with the mean reduction.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /**
     * {@code F.binary_cross_entropy(input, target, weight, reduction)}:
     * {@code -weight * (t * log(x) + (1 - t) * log(1 - x))}, each log clamped at -100 as in PyTorch.
     *
     * @param input probabilities in [0, 1]
     * @param target targets of the same shape
     * @param weight per-element weights broadcastable to the input, or null
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException if the shapes differ or an input lies outside [0, 1]
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new TensorException("Using a target size (torch.Size(" + Arrays.toString(target.shape())
                    + ")) that is different to the input size (torch.Size(" + Arrays.toString(input.shape())
                    + ")) is deprecated. Please ensure they have the same size.");
        }
        requireFloatingNn(input, "binary_cross_entropy");
        if (input.numel() > 0 && input.detach().lt(0L).logicalOr(input.detach().gt(1L)).any().itemBoolean()) {
            throw new TensorException("all elements of input should be between 0 and 1");
        }
        Tensor logX = input.log().clampMin(-100.0);
        Tensor log1mX = input.neg().add(1.0).log().clampMin(-100.0);
        Tensor losses = target.mul(logX).add(target.neg().add(1.0).mul(log1mX)).neg();
        if (weight != null) {
            losses = losses.mul(weight);
        }
        return reduce(losses, reduction);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target)} with the mean reduction.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)}: the binary
     * cross-entropy of {@code sigmoid(input)}, computed stably in PyTorch's order of operations;
     * {@code posWeight} scales the positive term.
     *
     * @param input logits
     * @param target targets of the same shape
     * @param weight per-element weights broadcastable to the input, or null
     * @param posWeight weights of positive examples broadcastable to the input (one per class in the
     *     last dim), or null
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException if the shapes differ
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            Reduction reduction) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new TensorException("Target size (torch.Size(" + Arrays.toString(target.shape())
                    + ")) must be the same as input size (torch.Size(" + Arrays.toString(input.shape()) + "))");
        }
        requireFloatingNn(input, "binary_cross_entropy_with_logits");
        Tensor maxVal = input.neg().clampMin(0.0);
        Tensor logTerm = maxVal.neg().exp().add(input.neg().sub(maxVal).exp()).log();
        Tensor oneMinusT = target.neg().add(1.0);
        Tensor losses;
        if (posWeight != null) {
            Tensor logWeight = posWeight.sub(1.0).mul(target).add(1.0);
            losses = oneMinusT.mul(input).add(logWeight.mul(logTerm.add(maxVal)));
        } else {
            losses = oneMinusT.mul(input).add(maxVal).add(logTerm);
        }
        if (weight != null) {
            losses = losses.mul(weight);
        }
        return reduce(losses, reduction);
    }

    /**
     * {@code F.l1_loss(input, target)} with the mean reduction.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /**
     * {@code F.l1_loss(input, target, reduction)}: {@code |input - target|} (shapes broadcast).
     *
     * @param input the input
     * @param target the targets
     * @param reduction how to reduce the per-element losses
     * @return the result
     */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return reduce(input.sub(target).abs(), reduction);
    }

    /**
     * {@code F.smooth_l1_loss(input, target)} with {@code beta = 1} and the mean reduction.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * {@code F.smooth_l1_loss(input, target, reduction, beta)}: {@code 0.5 d^2 / beta} where
     * {@code |d| < beta}, else {@code |d| - 0.5 beta}; {@code beta = 0} is the L1 loss.
     *
     * @param input the predictions
     * @param target the targets, broadcastable with the input
     * @param reduction how to reduce
     * @param beta the switch point, not negative
     * @return the loss
     * @throws TensorException for a negative {@code beta} or shapes that do not broadcast
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) {
            throw new TensorException("smooth_l1_loss does not support negative values for beta, got " + beta);
        }
        if (beta == 0) {
            return l1Loss(input, target, reduction);
        }
        Tensor d = input.sub(target);
        Tensor a = d.abs();
        return reduce(Tensor.where(a.lt(beta), d.mul(d).mul(0.5).div(beta), a.sub(0.5 * beta)), reduction);
    }

    /**
     * {@code F.huber_loss(input, target)} with {@code delta = 1} and the mean reduction.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return huberLoss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * {@code F.huber_loss(input, target, reduction, delta)}: {@code 0.5 d^2} where {@code |d| < delta},
     * else {@code delta * (|d| - 0.5 delta)}.
     *
     * @param input the predictions
     * @param target the targets, broadcastable with the input
     * @param reduction how to reduce
     * @param delta the switch point, positive
     * @return the loss
     * @throws TensorException for a delta that is not positive or shapes that do not broadcast
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (!(delta > 0)) {
            throw new TensorException("huber_loss does not support non-positive values for delta, got " + delta);
        }
        Tensor d = input.sub(target);
        Tensor a = d.abs();
        return reduce(Tensor.where(a.lt(delta), d.mul(d).mul(0.5), a.sub(0.5 * delta).mul(delta)), reduction);
    }

    /**
     * {@code F.kl_div(input, target)} with the mean reduction and a probability target.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return klDiv(input, target, "mean", false);
    }

    /**
     * {@code F.kl_div(input, target, reduction, log_target)}: with log-probabilities {@code input}, the
     * pointwise {@code target * (log(target) - input)} ({@code exp(target) * (target - input)} when
     * {@code logTarget}), reduced by {@code "none"}, {@code "mean"}, {@code "sum"} or {@code "batchmean"}
     * (the sum divided by the batch size, the KL divergence's definition).
     *
     * @param input log-probabilities
     * @param target probabilities (or log-probabilities), broadcastable with the input
     * @param reduction the reduction's name
     * @param logTarget whether the target holds log-probabilities
     * @return the loss
     * @throws TensorException for an unknown reduction
     */
    public static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
        if (!reduction.equals("batchmean")) {
            Reduction.of(reduction);
        }
        Tensor losses;
        if (logTarget) {
            losses = target.exp().mul(target.sub(input));
        } else {
            Tensor zero = target.eq(0L);
            Tensor xlogx = Tensor.where(zero, 0.0, target.mul(Tensor.where(zero, 1.0, target).log()));
            losses = xlogx.sub(target.mul(input));
        }
        if (reduction.equals("batchmean")) {
            return input.dim() == 0 ? losses.sum() : losses.sum().div((double) input.size(0));
        }
        return reduce(losses, Reduction.of(reduction));
    }

    /**
     * {@code F.cosine_embedding_loss(x1, x2, target)} with {@code margin = 0} and the mean reduction.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors
     * @param target the targets
     * @return the result
     */
    public static Tensor cosineEmbeddingLoss(Tensor x1, Tensor x2, Tensor target) {
        return cosineEmbeddingLoss(x1, x2, target, 0.0, Reduction.MEAN);
    }

    /**
     * {@code F.cosine_embedding_loss(x1, x2, target, margin, reduction)}: {@code 1 - cos} for target 1,
     * {@code max(0, cos - margin)} for target -1, where {@code cos} is the cosine similarity of the rows.
     *
     * @param x1 the first vectors ({@code [N, D]}, or {@code [D]} with a 0-d target)
     * @param x2 the second vectors
     * @param target 1 or -1 per pair ({@code [N]} or 0-d)
     * @param margin the margin of dissimilar pairs
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException for inputs whose dims do not fit the target's
     */
    public static Tensor cosineEmbeddingLoss(Tensor x1, Tensor x2, Tensor target, double margin, Reduction reduction) {
        int td = target.dim();
        if (td > 1) {
            throw new TensorException("0D or 1D target tensor expected, multi-target not supported, got "
                    + Arrays.toString(target.shape()));
        }
        if (td == 1 && (x1.dim() != 2 || x2.dim() != 2)) {
            throw new TensorException("1D target tensor expects 2D input tensors, but found inputs with sizes "
                    + Arrays.toString(x1.shape()) + " and " + Arrays.toString(x2.shape()) + ".");
        }
        if (td == 0 && (x1.dim() != 1 || x2.dim() != 1)) {
            throw new TensorException("0D target tensor expects 1D input tensors, but found inputs with sizes "
                    + Arrays.toString(x1.shape()) + " and " + Arrays.toString(x2.shape()) + ".");
        }
        Tensor prodSum = x1.mul(x2).sum(td);
        Tensor mag1 = x1.mul(x1).sum(td).add(1e-12);
        Tensor mag2 = x2.mul(x2).sum(td).add(1e-12);
        Tensor cos = prodSum.div(mag1.mul(mag2).sqrt());
        Tensor pos = cos.neg().add(1.0);
        Tensor neg = cos.sub(margin).clampMin(0.0);
        Tensor losses = Tensor.where(target.eq(1L), pos, 0.0).add(Tensor.where(target.eq(-1L), neg, 0.0));
        return reduce(losses, reduction);
    }

    /**
     * {@code F.margin_ranking_loss(x1, x2, target)} with {@code margin = 0} and the mean reduction.
     *
     * @param x1 the first vectors
     * @param x2 the second vectors
     * @param target the targets
     * @return the result
     */
    public static Tensor marginRankingLoss(Tensor x1, Tensor x2, Tensor target) {
        return marginRankingLoss(x1, x2, target, 0.0, Reduction.MEAN);
    }

    /**
     * {@code F.margin_ranking_loss(x1, x2, target, margin, reduction)}: {@code max(0, -target * (x1 - x2) + margin)}.
     *
     * @param x1 the first scores
     * @param x2 the second scores
     * @param target 1 where {@code x1} should rank higher, -1 where lower
     * @param margin the margin
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException if the shapes do not broadcast
     */
    public static Tensor marginRankingLoss(Tensor x1, Tensor x2, Tensor target, double margin, Reduction reduction) {
        return reduce(target.neg().mul(x1.sub(x2)).add(margin).clampMin(0.0), reduction);
    }

    /**
     * {@code F.triplet_margin_loss(anchor, positive, negative)} with margin 1, p 2 and the mean reduction.
     *
     * @param anchor the anchors
     * @param positive the positive examples
     * @param negative the negative examples
     * @return the result
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative) {
        return tripletMarginLoss(anchor, positive, negative, 1.0, 2.0, 1e-6, false, Reduction.MEAN);
    }

    /**
     * {@code F.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, reduction)}:
     * {@code max(0, margin + d(a, p) - d(a, n))} with the pairwise distance {@code d}; with {@code swap},
     * {@code d(a, n)} is replaced by {@code min(d(a, n), d(p, n))}.
     *
     * @param anchor the anchors
     * @param positive the positive examples
     * @param negative the negative examples
     * @param margin the margin
     * @param p the distance's norm order
     * @param eps added to differences in the distance
     * @param swap whether to use the distance swap
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException if the inputs' dims differ or shapes do not broadcast
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, double margin, double p,
            double eps, boolean swap, Reduction reduction) {
        if (anchor.dim() != positive.dim() || anchor.dim() != negative.dim()) {
            throw new TensorException("All inputs should have same dimension but got " + anchor.dim() + "D, "
                    + positive.dim() + "D and " + negative.dim() + "D inputs.");
        }
        Tensor distPos = pairwiseDistance(anchor, positive, p, eps, false);
        Tensor distNeg = pairwiseDistance(anchor, negative, p, eps, false);
        if (swap) {
            distNeg = distNeg.minimum(pairwiseDistance(positive, negative, p, eps, false));
        }
        return reduce(distPos.add(margin).sub(distNeg).clampMin(0.0), reduction);
    }

    /**
     * {@code F.poisson_nll_loss(input, target)}: log input, no Stirling term, {@code eps = 1e-8}, mean.
     *
     * @param input the input
     * @param target the targets
     * @return the result
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target) {
        return poissonNllLoss(input, target, true, false, 1e-8, Reduction.MEAN);
    }

    /**
     * {@code F.poisson_nll_loss(input, target, log_input, full, eps, reduction)}: {@code exp(input) - target * input}
     * for a log-rate input, else {@code input - target * log(input + eps)}; {@code full} adds Stirling's
     * approximation {@code t log t - t + 0.5 log(2 pi t)} where the target exceeds 1.
     *
     * @param input rates or log-rates
     * @param target counts
     * @param logInput whether the input is a log-rate
     * @param full whether to add the Stirling term
     * @param eps added inside the log of a rate input
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException if the shapes do not broadcast
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target, boolean logInput, boolean full, double eps,
            Reduction reduction) {
        Tensor loss = logInput ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add(eps).log()));
        if (full) {
            Tensor stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
            loss = loss.add(Tensor.where(target.le(1L), 0.0, stirling));
        }
        return reduce(loss, reduction);
    }

    /**
     * {@code F.gaussian_nll_loss(input, target, var)}: no constant term, {@code eps = 1e-6}, mean.
     *
     * @param input the input
     * @param target the targets
     * @param var the variances
     * @return the result
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var) {
        return gaussianNllLoss(input, target, var, false, 1e-6, Reduction.MEAN);
    }

    /**
     * {@code F.gaussian_nll_loss(input, target, var, full, eps, reduction)}:
     * {@code 0.5 * (log(var) + (input - target)^2 / var)} (plus {@code 0.5 log(2 pi)} when {@code full}),
     * with {@code var} clamped below at {@code eps} for the value only (the gradient passes as if
     * unclamped, as PyTorch's no-grad clamp does). A {@code var} one dim short of the input, or with a
     * last dim of 1, is shared over the input's last dim.
     *
     * @param input the means
     * @param target the observations
     * @param var the variances, not negative
     * @param full whether to add the constant term
     * @param eps the smallest variance used
     * @param reduction how to reduce
     * @return the loss
     * @throws TensorException if {@code var} has a wrong size or a negative entry
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, boolean full, double eps,
            Reduction reduction) {
        long[] in = input.shape();
        long[] vs = var.shape();
        if (!Arrays.equals(in, vs)) {
            long[] inHead = Arrays.copyOf(in, Math.max(0, in.length - 1));
            if (in.length > 0 && Arrays.equals(inHead, vs)) {
                var = var.unsqueeze(-1);
            } else if (!(in.length > 0 && vs.length == in.length && vs[vs.length - 1] == 1
                    && Arrays.equals(inHead, Arrays.copyOf(vs, vs.length - 1)))) {
                throw new TensorException("var is of incorrect size: " + Arrays.toString(vs) + " for an input of shape "
                        + Arrays.toString(in));
            }
        }
        if (var.numel() > 0 && var.detach().lt(0L).any().itemBoolean()) {
            throw new TensorException("var has negative entry/entries");
        }
        // The clamped value with an identity gradient: c + (v - v) is exactly c.
        Tensor clamped = var.detach().clampMin(eps).add(var.sub(var.detach()));
        Tensor d = input.sub(target);
        Tensor loss = clamped.log().add(d.mul(d).div(clamped)).mul(0.5);
        if (full) {
            loss = loss.add(0.5 * Math.log(2 * Math.PI));
        }
        return reduce(loss, reduction);
    }

    /**
     * {@code F.ctc_loss(logProbs, targets, inputLengths, targetLengths)} with blank 0 and the mean reduction.
     *
     * @param logProbs log-probabilities [T, N, C]
     * @param targets the targets
     * @param inputLengths the length of each input
     * @param targetLengths the length of each target
     * @return the result
     */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return ctcLoss(logProbs, targets, inputLengths, targetLengths, 0, Reduction.MEAN, false);
    }

    /**
     * {@code F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction, zero_infinity)}:
     * the connectionist temporal classification loss, {@code -log} of the total probability of all
     * alignments of each target, by the forward (alpha) recursion in log space over the blank-extended
     * target. The recursion is composed of differentiable ops, so the gradient is the true partial
     * derivative with respect to {@code logProbs} (PyTorch's own CTC gradient assumes the inputs came
     * from a log-softmax). {@code "mean"} divides each loss by its target length (at least 1) and then
     * averages over the batch.
     *
     * @param logProbs log-probabilities {@code [T, N, C]} (or {@code [T, C]} for one sequence)
     * @param targets padded targets {@code [N, S]}, or all targets concatenated in one 1-d tensor
     * @param inputLengths the length of each input, at most {@code T}
     * @param targetLengths the length of each target
     * @param blank the blank class
     * @param reduction how to reduce
     * @param zeroInfinity whether infinite losses (impossible alignments) become zero
     * @return the loss
     * @throws TensorException for inconsistent shapes or lengths, or a bad blank
     */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths, long blank,
            Reduction reduction, boolean zeroInfinity) {
        boolean batched = logProbs.dim() == 3;
        if (!batched && logProbs.dim() != 2) {
            throw new TensorException("ctc_loss: log_probs must be [T, N, C] or [T, C], got "
                    + Arrays.toString(logProbs.shape()));
        }
        requireFloatingNn(logProbs, "ctc_loss");
        Tensor lp = batched ? logProbs : logProbs.unsqueeze(1);
        long time = lp.size(0);
        int batch = Math.toIntExact(lp.size(1));
        long classes = lp.size(2);
        if (blank < 0 || blank >= classes) {
            throw new TensorException("blank must be in label range: blank " + blank + " for " + classes + " classes");
        }
        long[] inLens = inputLengths.reshape(-1).toLongArray();
        long[] tgLens = targetLengths.reshape(-1).toLongArray();
        if (inLens.length != batch || tgLens.length != batch) {
            throw new TensorException("input_lengths must be of size batch_size (" + batch + "), got "
                    + inLens.length + "; target_lengths " + tgLens.length);
        }
        long[] tg = targets.to(DType.INT64).reshape(-1).toLongArray();
        boolean concatenated = batched && targets.dim() == 1;
        long stride = targets.dim() == 2 ? targets.size(1) : 0;
        Tensor[] losses = new Tensor[batch];
        long offset = 0;
        for (int n = 0; n < batch; n++) {
            if (inLens[n] > time) {
                throw new TensorException("Expected input_lengths to have value at most " + time + ", but got value "
                        + inLens[n] + " (while checking arguments for ctc_loss_cpu)");
            }
            if (tgLens[n] < 0 || inLens[n] < 0) {
                throw new TensorException("ctc_loss: lengths must not be negative, got input length " + inLens[n]
                        + " and target length " + tgLens[n]);
            }
            long start = concatenated ? offset : n * stride;
            if (!concatenated && targets.dim() == 2 && tgLens[n] > stride) {
                throw new TensorException("Expected tensor to have size at least " + tgLens[n] + " at dimension 1, but got size "
                        + stride + " for argument #2 'targets' (while checking arguments for ctc_loss_cpu)");
            }
            if (start + tgLens[n] > tg.length) {
                throw new TensorException("ctc_loss: targets hold " + tg.length + " labels, fewer than the target lengths need");
            }
            long[] ext = new long[(int) (2 * tgLens[n] + 1)];
            Arrays.fill(ext, blank);
            for (int k = 0; k < tgLens[n]; k++) {
                long label = tg[(int) (start + k)];
                if (label < 0 || label >= classes) {
                    throw new TensorException("ctc_loss: target label " + label + " out of range for " + classes + " classes");
                }
                ext[2 * k + 1] = label;
            }
            offset += tgLens[n];
            losses[n] = ctcSequence(lp.select(1, n), inLens[n], ext, blank);
        }
        Tensor loss = Tensor.stack(losses, 0);
        if (zeroInfinity) {
            loss = Tensor.where(loss.eq(Double.POSITIVE_INFINITY), 0.0, loss);
        }
        if (!batched) {
            loss = loss.squeeze(0);
        }
        return switch (reduction) {
            case NONE -> loss;
            case SUM -> loss.sum();
            case MEAN -> {
                double[] lens = new double[batch];
                for (int n = 0; n < batch; n++) {
                    lens[n] = Math.max(1, tgLens[n]);
                }
                Tensor divisor = Tensor.fromArray(lens).to(loss.dtype()).to(loss.device());
                yield loss.reshape(batch).div(divisor).mean();
            }
        };
    }

    /** One sequence's CTC loss: {@code lp} is {@code [T, C]}, {@code ext} the blank-extended target. */
    private static Tensor ctcSequence(Tensor lp, long length, long[] ext, long blank) {
        int states = ext.length;
        Tensor ninf = Tensor.empty(new long[] {states}, lp.dtype(), lp.device()).fill_(Double.NEGATIVE_INFINITY);
        if (length == 0) {
            // No frames: only the empty target has an alignment (probability 1).
            return ninf.select(0, 0).fill_(states == 1 ? 0.0 : Double.POSITIVE_INFINITY);
        }
        Tensor index = Tensor.fromArray(ext).to(lp.device());
        Tensor picked = lp.narrow(0, 0, length).indexSelect(1, index);
        boolean[] skip = new boolean[states];
        for (int s = 2; s < states; s++) {
            skip[s] = ext[s] != blank && ext[s] != ext[s - 2];
        }
        Tensor skipMask = Tensor.fromArray(skip).to(lp.device());
        Tensor first = picked.select(0, 0);
        Tensor keep = Tensor.fromArray(states > 1 ? new boolean[] {true, true} : new boolean[] {true}).to(lp.device());
        Tensor alpha = Tensor.where(Tensor.cat(new Tensor[] {keep, Tensor.zeros(new long[] {Math.max(0, states - 2)},
                DType.BOOL).to(lp.device())}, 0), first, Double.NEGATIVE_INFINITY);
        for (long t = 1; t < length; t++) {
            Tensor one = shiftRight(alpha, 1, ninf);
            Tensor two = Tensor.where(skipMask, shiftRight(alpha, 2, ninf), Double.NEGATIVE_INFINITY);
            alpha = logSumExpSafe(Tensor.stack(new Tensor[] {alpha, one, two}, 0)).add(picked.select(0, t));
        }
        Tensor tail = states > 1 ? alpha.narrow(0, states - 2, 2) : alpha;
        return logSumExpSafe(tail.unsqueeze(1)).neg().squeeze(0);
    }

    private static Tensor shiftRight(Tensor x, int k, Tensor ninf) {
        long n = x.size(0);
        if (k >= n) {
            return ninf.narrow(0, 0, n);
        }
        return Tensor.cat(new Tensor[] {ninf.narrow(0, 0, k), x.narrow(0, 0, n - k)}, 0);
    }

    /** {@code log(sum(exp(x)))} over dim 0, giving -inf (with a zero, not NaN, gradient) where every entry is -inf. */
    private static Tensor logSumExpSafe(Tensor x) {
        Tensor m = x.detach().amax(new int[] {0}, false);
        Tensor finite = m.ne(Double.NEGATIVE_INFINITY);
        Tensor shift = Tensor.where(finite, m, 0.0);
        Tensor sum = x.sub(shift).exp().sum(0);
        Tensor empty = sum.eq(0L);
        Tensor log = Tensor.where(empty, Double.NEGATIVE_INFINITY, Tensor.where(empty, 1.0, sum).log());
        return log.add(shift);
    }

    // ------------------------------------------------------------------ nn2 attention

    /**
     * {@code F.scaled_dot_product_attention(q, k, v)} (PyTorch 2.0): {@code softmax(q @ k^T / sqrt(E)) @ v}.
     *
     * @param q queries {@code [..., L, E]}
     * @param k keys {@code [..., S, E]}
     * @param v values {@code [..., S, Ev]}
     * @return the attention output {@code [..., L, Ev]}
     * @throws TensorException if the shapes do not fit
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v) {
        return scaledDotProductAttention(q, k, v, null, 0.0, false, null);
    }

    /**
     * {@code F.scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal, scale)} (PyTorch 2.0):
     * {@code softmax(q @ k^T * scale + M) @ v}. A bool {@code attnMask} keeps its {@code true} positions
     * (the others get {@code -inf}), a float mask is added; {@code isCausal} keeps the lower triangle of
     * {@code [L, S]}. Dropout ({@code dropoutP > 0}) is applied to the attention weights with the default
     * generator.
     *
     * @param q queries {@code [..., L, E]}
     * @param k keys {@code [..., S, E]}
     * @param v values {@code [..., S, Ev]}
     * @param attnMask a bool or float mask broadcastable to {@code [..., L, S]}, or null
     * @param dropoutP the dropout probability of the weights
     * @param isCausal whether to mask future positions (not with an explicit mask)
     * @param scale the scale of the scores, or null for {@code 1 / sqrt(E)}
     * @return the attention output {@code [..., L, Ev]}
     * @throws TensorException if the shapes do not fit, or for a causal attention with an explicit mask
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP,
            boolean isCausal, Double scale) {
        if (isCausal && attnMask != null) {
            throw new TensorException("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True");
        }
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2) {
            throw new TensorException("scaled_dot_product_attention: expected q, k, v with at least 2 dims, got shapes "
                    + Arrays.toString(q.shape()) + ", " + Arrays.toString(k.shape()) + ", " + Arrays.toString(v.shape()));
        }
        double s = scale != null ? scale : 1.0 / Math.sqrt(q.size(-1));
        Tensor scores = q.matmul(k.transpose(-2, -1)).mul(s);
        if (isCausal) {
            long l = q.size(-2);
            long src = k.size(-2);
            Tensor keep = Tensor.ones(new long[] {l, src}, DType.BOOL).tril().to(q.device());
            scores = Tensor.where(keep, scores, Double.NEGATIVE_INFINITY);
        } else if (attnMask != null) {
            scores = attnMask.dtype() == DType.BOOL ? Tensor.where(attnMask, scores, Double.NEGATIVE_INFINITY)
                    : scores.add(attnMask);
        }
        Tensor weights = softmax(scores, -1);
        if (dropoutP > 0) {
            weights = dropout(weights, dropoutP, true);
        }
        return weights.matmul(v);
    }

    // ------------------------------------------------------------------ nn2 convolution, pooling, fold

    /** A per-spatial-dim argument: one value repeated, or one value per dim. */
    private static long[] perDim(long[] v, int spatial, String name) {
        if (v.length == spatial) {
            return v.clone();
        }
        if (v.length == 1) {
            long[] out = new long[spatial];
            Arrays.fill(out, v[0]);
            return out;
        }
        throw new TensorException("expected " + name + " to be a single integer value or a list of " + spatial
                + " values to match the convolution dimensions, but got " + name + "=" + Arrays.toString(v));
    }

    /** As {@code [a, b]} for the 2-d kernels: a 1-d op's values get a leading 1 ({@code fill} for its H dim). */
    private static long[] two(long[] v, int spatial, long fill) {
        return spatial == 1 ? new long[] {fill, v[0]} : v;
    }

    /**
     * {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}.
     *
     * @param input {@code [N, C, L]} or unbatched {@code [C, L]}
     * @param weight {@code [O, C / groups, K]}
     * @param bias {@code [O]}, or null
     * @param stride the stride (one value)
     * @param padding the zero padding on both sides (one value)
     * @param dilation the kernel dilation (one value)
     * @param groups the number of channel groups
     * @return {@code [N, O, L_out]}
     * @throws TensorException for inconsistent shapes or arguments, with PyTorch's messages
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
            long groups) {
        return convNd(input, weight, bias, stride, padding, null, dilation, groups, 1);
    }

    /**
     * {@code F.conv1d(input, weight, bias, stride, padding="same" | "valid", dilation, groups)}.
     *
     * @param input {@code [N, C, L]} or unbatched {@code [C, L]}
     * @param weight {@code [O, C / groups, K]}
     * @param bias {@code [O]}, or null
     * @param stride the stride (must be 1 with {@code "same"})
     * @param padding {@code "same"} (output as long as the input) or {@code "valid"} (no padding)
     * @param dilation the kernel dilation
     * @param groups the number of channel groups
     * @return {@code [N, O, L_out]}
     * @throws TensorException for an unknown padding string, a strided {@code "same"}, or inconsistent shapes
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation,
            long groups) {
        return convNd(input, weight, bias, stride, null, padding, dilation, groups, 1);
    }

    /**
     * {@code F.conv2d(input, weight, bias)} with stride 1, no padding.
     *
     * @param input {@code [N, C, H, W]} or unbatched {@code [C, H, W]}
     * @param weight {@code [O, C, KH, KW]}
     * @param bias {@code [O]}, or null
     * @return {@code [N, O, H_out, W_out]}
     * @throws TensorException for inconsistent shapes
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new long[] {1}, new long[] {0}, new long[] {1}, 1);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}, lowered onto one batched
     * matrix product of the weights with the input's sliding windows.
     *
     * @param input {@code [N, C, H, W]} or unbatched {@code [C, H, W]}
     * @param weight {@code [O, C / groups, KH, KW]}
     * @param bias {@code [O]}, or null
     * @param stride one value or (height, width)
     * @param padding zero padding, one value or (height, width), on both sides
     * @param dilation one value or (height, width)
     * @param groups the number of channel groups
     * @return {@code [N, O, H_out, W_out]}
     * @throws TensorException for inconsistent shapes or arguments, with PyTorch's messages
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
            long groups) {
        return convNd(input, weight, bias, stride, padding, null, dilation, groups, 2);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding="same" | "valid", dilation, groups)}.
     *
     * @param input {@code [N, C, H, W]} or unbatched {@code [C, H, W]}
     * @param weight {@code [O, C / groups, KH, KW]}
     * @param bias {@code [O]}, or null
     * @param stride one value or (height, width); 1 with {@code "same"}
     * @param padding {@code "same"} or {@code "valid"}
     * @param dilation one value or (height, width)
     * @param groups the number of channel groups
     * @return {@code [N, O, H_out, W_out]}
     * @throws TensorException for an unknown padding string, a strided {@code "same"}, or inconsistent shapes
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation,
            long groups) {
        return convNd(input, weight, bias, stride, null, padding, dilation, groups, 2);
    }

    private static Tensor convNd(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, String mode,
            long[] dilation, long groups, int spatial) {
        String op = "conv" + spatial + "d";
        if (input.dim() != spatial + 1 && input.dim() != spatial + 2) {
            throw new TensorException("Expected " + (spatial + 1) + "D (unbatched) or " + (spatial + 2) + "D (batched) input to "
                    + op + ", but got input of size: " + Arrays.toString(input.shape()));
        }
        if (weight.dim() != spatial + 2) {
            throw new TensorException(op + ": expected a " + (spatial + 2) + "-d weight, got shape "
                    + Arrays.toString(weight.shape()));
        }
        requireFloatingNn(input, op);
        boolean unbatched = input.dim() == spatial + 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        long[] s = perDim(stride, spatial, "stride");
        long[] d = perDim(dilation, spatial, "dilation");
        long[] pad = new long[2 * spatial];
        if (mode != null) {
            if (mode.equals("same")) {
                for (int i = 0; i < spatial; i++) {
                    if (s[i] != 1) {
                        throw new TensorException("padding='same' is not supported for strided convolutions");
                    }
                    long total = d[i] * (weight.size(2 + i) - 1);
                    pad[2 * i] = total / 2;
                    pad[2 * i + 1] = total - total / 2;
                }
            } else if (!mode.equals("valid")) {
                throw new TensorException("Invalid padding string: '" + mode + "'");
            }
        } else {
            long[] p = perDim(padding, spatial, "padding");
            for (int i = 0; i < spatial; i++) {
                if (p[i] < 0) {
                    throw new TensorException("negative padding is not supported, got padding=" + Arrays.toString(padding));
                }
                pad[2 * i] = p[i];
                pad[2 * i + 1] = p[i];
            }
        }
        long[] pad4 = spatial == 1 ? new long[] {0, 0, pad[0], pad[1]} : pad;
        Tensor y = Conv.conv2d(Conv.as4d(x, spatial), Conv.as4d(weight, spatial), bias, two(s, spatial, 1), pad4,
                two(d, spatial, 1), groups, spatial, x.shape(), weight.shape());
        if (spatial == 1) {
            y = y.squeeze(2);
        }
        return unbatched ? y.squeeze(0) : y;
    }

    /**
     * {@code F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)}.
     *
     * @param input {@code [N, C, L]} or unbatched {@code [C, L]}
     * @param weight {@code [C, O / groups, K]}
     * @param bias {@code [O]}, or null
     * @param stride the stride
     * @param padding the implicit padding removed from both ends
     * @param outputPadding extra size added at the end, smaller than the stride or the dilation
     * @param groups the number of channel groups
     * @param dilation the kernel dilation
     * @return {@code [N, O, (L - 1) stride - 2 padding + dilation (K - 1) + outputPadding + 1]}
     * @throws TensorException for inconsistent shapes or arguments
     */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] outputPadding, long groups, long[] dilation) {
        return convTransposeNd(input, weight, bias, stride, padding, outputPadding, groups, dilation, 1);
    }

    /**
     * {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}: the
     * gradient of {@code conv2d} with respect to its input, as a layer.
     *
     * @param input {@code [N, C, H, W]} or unbatched {@code [C, H, W]}
     * @param weight {@code [C, O / groups, KH, KW]}
     * @param bias {@code [O]}, or null
     * @param stride one value or (height, width)
     * @param padding one value or (height, width)
     * @param outputPadding one value or (height, width)
     * @param groups the number of channel groups
     * @param dilation one value or (height, width)
     * @return the upsampled output
     * @throws TensorException for inconsistent shapes or arguments
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] outputPadding, long groups, long[] dilation) {
        return convTransposeNd(input, weight, bias, stride, padding, outputPadding, groups, dilation, 2);
    }

    private static Tensor convTransposeNd(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] outputPadding, long groups, long[] dilation, int spatial) {
        String op = "conv_transpose" + spatial + "d";
        if (input.dim() != spatial + 1 && input.dim() != spatial + 2) {
            throw new TensorException("Expected " + (spatial + 1) + "D (unbatched) or " + (spatial + 2) + "D (batched) input to "
                    + op + ", but got input of size: " + Arrays.toString(input.shape()));
        }
        if (weight.dim() != spatial + 2) {
            throw new TensorException(op + ": expected a " + (spatial + 2) + "-d weight, got shape "
                    + Arrays.toString(weight.shape()));
        }
        requireFloatingNn(input, op);
        boolean unbatched = input.dim() == spatial + 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor y = Conv.convTranspose2d(Conv.as4d(x, spatial), Conv.as4d(weight, spatial), bias,
                two(perDim(stride, spatial, "stride"), spatial, 1), two(perDim(padding, spatial, "padding"), spatial, 0),
                two(perDim(outputPadding, spatial, "output_padding"), spatial, 0), groups,
                two(perDim(dilation, spatial, "dilation"), spatial, 1), x.shape(), weight.shape());
        if (spatial == 1) {
            y = y.squeeze(2);
        }
        return unbatched ? y.squeeze(0) : y;
    }

    /**
     * {@code F.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode)}.
     *
     * @param input {@code [N, C, L]} or {@code [C, L]}
     * @param kernelSize the window
     * @param stride the stride, or null for the window
     * @param padding the implicit {@code -inf} padding, at most half the window
     * @param dilation the window dilation
     * @param ceilMode whether to round the output size up
     * @return the pooled values
     * @throws TensorException for invalid arguments
     */
    public static Tensor maxPool1d(Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
            boolean ceilMode) {
        return maxPoolNd(input, kernelSize, stride, padding, dilation, ceilMode, false, 1)[0];
    }

    /**
     * {@code F.max_pool1d(..., return_indices=True)}: the values and the flat input index of each.
     *
     * @param input {@code [N, C, L]} or {@code [C, L]}
     * @param kernelSize the window
     * @param stride the stride, or null for the window
     * @param padding the implicit {@code -inf} padding
     * @param dilation the window dilation
     * @param ceilMode whether to round the output size up
     * @return {values, int64 indices}
     * @throws TensorException for invalid arguments
     */
    public static Tensor[] maxPool1dWithIndices(Tensor input, long[] kernelSize, long[] stride, long[] padding,
            long[] dilation, boolean ceilMode) {
        return maxPoolNd(input, kernelSize, stride, padding, dilation, ceilMode, true, 1);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize one value or (height, width)
     * @param stride the stride, or null for the window
     * @param padding the implicit {@code -inf} padding, at most half the window
     * @param dilation the window dilation
     * @param ceilMode whether to round the output size up
     * @return the pooled values
     * @throws TensorException for invalid arguments
     */
    public static Tensor maxPool2d(Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
            boolean ceilMode) {
        return maxPoolNd(input, kernelSize, stride, padding, dilation, ceilMode, false, 2)[0];
    }

    /**
     * {@code F.max_pool2d(..., return_indices=True)}: the values and the flat index ({@code h * W + w}) of each.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize one value or (height, width)
     * @param stride the stride, or null for the window
     * @param padding the implicit {@code -inf} padding
     * @param dilation the window dilation
     * @param ceilMode whether to round the output size up
     * @return {values, int64 indices}
     * @throws TensorException for invalid arguments
     */
    public static Tensor[] maxPool2dWithIndices(Tensor input, long[] kernelSize, long[] stride, long[] padding,
            long[] dilation, boolean ceilMode) {
        return maxPoolNd(input, kernelSize, stride, padding, dilation, ceilMode, true, 2);
    }

    private static Tensor[] maxPoolNd(Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
            boolean ceilMode, boolean indices, int spatial) {
        String op = "max_pool" + spatial + "d";
        Conv.checkPoolInput(input, spatial, op);
        Conv.checkFloating(input, op);
        boolean unbatched = input.dim() == spatial + 1;
        Tensor x = Conv.as4d(unbatched ? input.unsqueeze(0) : input, spatial);
        long[] k = perDim(kernelSize, spatial, "kernel_size");
        long[] s = stride == null || stride.length == 0 ? k : perDim(stride, spatial, "stride");
        Tensor[] r = Conv.maxPool(x, two(k, spatial, 1), two(s, spatial, 1), two(perDim(padding, spatial, "padding"), spatial, 0),
                two(perDim(dilation, spatial, "dilation"), spatial, 1), ceilMode, indices, spatial);
        for (int i = 0; i < r.length; i++) {
            Tensor t = spatial == 1 ? r[i].squeeze(2) : r[i];
            r[i] = unbatched ? t.squeeze(0) : t;
        }
        return r;
    }

    /**
     * {@code F.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)}.
     *
     * @param input {@code [N, C, L]} or {@code [C, L]}
     * @param kernelSize the window
     * @param stride the stride, or null for the window
     * @param padding the implicit zero padding, at most half the window
     * @param ceilMode whether to round the output size up
     * @param countIncludePad whether padded zeros count in the divisor
     * @return the pooled values
     * @throws TensorException for invalid arguments
     */
    public static Tensor avgPool1d(Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
            boolean countIncludePad) {
        return avgPoolNd(input, kernelSize, stride, padding, ceilMode, countIncludePad, null, 1);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize one value or (height, width)
     * @param stride the stride, or null for the window
     * @param padding the implicit zero padding, at most half the window
     * @param ceilMode whether to round the output size up
     * @param countIncludePad whether padded zeros count in the divisor
     * @param divisorOverride the divisor of every window, or null
     * @return the pooled values
     * @throws TensorException for invalid arguments (a zero divisor among them)
     */
    public static Tensor avgPool2d(Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
            boolean countIncludePad, Long divisorOverride) {
        return avgPoolNd(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride, 2);
    }

    private static Tensor avgPoolNd(Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
            boolean countIncludePad, Long divisorOverride, int spatial) {
        String op = "avg_pool" + spatial + "d";
        Conv.checkPoolInput(input, spatial, op);
        Conv.checkFloating(input, op);
        boolean unbatched = input.dim() == spatial + 1;
        Tensor x = Conv.as4d(unbatched ? input.unsqueeze(0) : input, spatial);
        long[] k = perDim(kernelSize, spatial, "kernel_size");
        long[] s = stride == null || stride.length == 0 ? k : perDim(stride, spatial, "stride");
        Tensor y = Conv.avgPool(x, two(k, spatial, 1), two(s, spatial, 1), two(perDim(padding, spatial, "padding"), spatial, 0),
                ceilMode, countIncludePad, divisorOverride, spatial);
        y = spatial == 1 ? y.squeeze(2) : y;
        return unbatched ? y.squeeze(0) : y;
    }

    /**
     * {@code F.adaptive_avg_pool1d(input, output_size)}: output {@code i} averages input
     * {@code [floor(i L / O), ceil((i + 1) L / O))}.
     *
     * @param input {@code [N, C, L]} or {@code [C, L]}
     * @param outputSize the output length
     * @return the pooled values
     * @throws TensorException for invalid arguments
     */
    public static Tensor adaptiveAvgPool1d(Tensor input, long outputSize) {
        return adaptiveNd(input, new Long[] {outputSize}, false, false, 1)[0];
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param outputSize (height, width); a null entry keeps the input's size
     * @return the pooled values
     * @throws TensorException for invalid arguments
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, Long[] outputSize) {
        return adaptiveNd(input, outputSize, false, false, 2)[0];
    }

    /**
     * {@code F.adaptive_max_pool1d(input, output_size, return_indices)}.
     *
     * @param input {@code [N, C, L]} or {@code [C, L]}
     * @param outputSize the output length
     * @param returnIndices whether to return the flat indices too
     * @return the values (and int64 indices)
     * @throws TensorException for invalid arguments
     */
    public static Tensor[] adaptiveMaxPool1d(Tensor input, long outputSize, boolean returnIndices) {
        return adaptiveNd(input, new Long[] {outputSize}, true, returnIndices, 1);
    }

    /**
     * {@code F.adaptive_max_pool2d(input, output_size, return_indices)}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param outputSize (height, width); a null entry keeps the input's size
     * @param returnIndices whether to return the flat indices too
     * @return the values (and int64 indices)
     * @throws TensorException for invalid arguments
     */
    public static Tensor[] adaptiveMaxPool2d(Tensor input, Long[] outputSize, boolean returnIndices) {
        return adaptiveNd(input, outputSize, true, returnIndices, 2);
    }

    private static Tensor[] adaptiveNd(Tensor input, Long[] outputSize, boolean max, boolean indices, int spatial) {
        String op = "adaptive_" + (max ? "max" : "avg") + "_pool" + spatial + "d";
        if (outputSize.length != spatial) {
            throw new TensorException(op + "() argument 'output_size' should contain " + (spatial == 1 ? "one int" : spatial
                    + " ints") + " (got " + outputSize.length + ")");
        }
        Conv.checkPoolInput(input, spatial, op);
        Conv.checkFloating(input, op);
        boolean unbatched = input.dim() == spatial + 1;
        Tensor x = Conv.as4d(unbatched ? input.unsqueeze(0) : input, spatial);
        long oh = spatial == 1 ? 1 : outputSize[0] == null ? x.size(2) : outputSize[0];
        Long last = outputSize[spatial - 1];
        long ow = last == null ? x.size(3) : last;
        if (oh < 0 || ow < 0) {
            throw new TensorException(op + ": output_size must not be negative, got " + Arrays.toString(outputSize));
        }
        Tensor[] r = max ? Conv.adaptiveMax(x, oh, ow) : new Tensor[] {Conv.adaptiveAvg(x, oh, ow)};
        if (!indices && r.length > 1) {
            r = new Tensor[] {r[0]};
        }
        for (int i = 0; i < r.length; i++) {
            Tensor t = spatial == 1 ? r[i].squeeze(2) : r[i];
            r[i] = unbatched ? t.squeeze(0) : t;
        }
        return r;
    }

    /**
     * {@code F.unfold(input, kernel_size, dilation, padding, stride)} (im2col): every sliding window as a
     * column, {@code [N, C * KH * KW, L]}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize one value or (height, width)
     * @param dilation one value or (height, width)
     * @param padding one value or (height, width)
     * @param stride one value or (height, width)
     * @return the columns
     * @throws TensorException if there are no windows
     */
    public static Tensor unfold(Tensor input, long[] kernelSize, long[] dilation, long[] padding, long[] stride) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new TensorException("Input Error: Only 3D or 4D input Tensors are supported (got " + input.dim() + "D)");
        }
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        long[] k = perDim(kernelSize, 2, "kernel_size");
        long[] d = perDim(dilation, 2, "dilation");
        long[] p = perDim(padding, 2, "padding");
        long[] s = perDim(stride, 2, "stride");
        long oh = Conv.outSize(x.size(2), k[0], s[0], p[0], p[0], d[0], false);
        long ow = Conv.outSize(x.size(3), k[1], s[1], p[1], p[1], d[1], false);
        if (oh < 1 || ow < 1) {
            throw new TensorException("Given input with spatial size (" + x.size(2) + ", " + x.size(3) + "), kernel_size=("
                    + k[0] + ", " + k[1] + "), dilation=(" + d[0] + ", " + d[1] + "), padding=(" + p[0] + ", " + p[1]
                    + "), calculated shape of the array of sliding blocks as (" + oh + ", " + ow
                    + "), but its components must be at least one.");
        }
        Tensor padded = pad(x, new long[] {p[1], p[1], p[0], p[0]}, "constant", 0);
        Tensor cols = Conv.windows(padded, k[0], k[1], s[0], s[1], d[0], d[1], oh, ow)
                .reshape(x.size(0), x.size(1) * k[0] * k[1], oh * ow);
        return unbatched ? cols.squeeze(0) : cols;
    }

    /**
     * {@code F.fold(input, output_size, kernel_size, dilation, padding, stride)} (col2im): sums the columns
     * of {@link #unfold} back into {@code [N, C, H, W]}, overlapping windows adding up.
     *
     * @param input {@code [N, C * KH * KW, L]} or {@code [C * KH * KW, L]}
     * @param outputSize one value or (height, width)
     * @param kernelSize one value or (height, width)
     * @param dilation one value or (height, width)
     * @param padding one value or (height, width)
     * @param stride one value or (height, width)
     * @return the folded tensor
     * @throws TensorException if the sizes do not fit
     */
    public static Tensor fold(Tensor input, long[] outputSize, long[] kernelSize, long[] dilation, long[] padding,
            long[] stride) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new TensorException("Input Error: Only unbatched (2D) or batched (3D) input Tensors are supported (got "
                    + input.dim() + "D)");
        }
        boolean unbatched = input.dim() == 2;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        long[] o = perDim(outputSize, 2, "output_size");
        long[] k = perDim(kernelSize, 2, "kernel_size");
        long[] d = perDim(dilation, 2, "dilation");
        long[] p = perDim(padding, 2, "padding");
        long[] s = perDim(stride, 2, "stride");
        long oh = Conv.outSize(o[0], k[0], s[0], p[0], p[0], d[0], false);
        long ow = Conv.outSize(o[1], k[1], s[1], p[1], p[1], d[1], false);
        String given = "Given output_size=(" + o[0] + ", " + o[1] + "), kernel_size=(" + k[0] + ", " + k[1] + "), dilation=("
                + d[0] + ", " + d[1] + "), padding=(" + p[0] + ", " + p[1] + "), stride=(" + s[0] + ", " + s[1] + "), ";
        if (x.size(1) % (k[0] * k[1]) != 0) {
            throw new TensorException("Expected size of input's dimension 1 to be divisible by the product of kernel_size, "
                    + "but got input.size(1)=" + x.size(1) + " and kernel_size=(" + k[0] + ", " + k[1] + ")");
        }
        if (oh < 1 || ow < 1 || x.size(2) != oh * ow) {
            throw new TensorException(given + "expected size of input's dimension 2 to match the calculated number of "
                    + "sliding blocks " + oh + " * " + ow + " = " + oh * ow + ", but got input.size(2)=" + x.size(2) + ".");
        }
        long c = x.size(1) / (k[0] * k[1]);
        Tensor cols = x.reshape(x.size(0), c, k[0] * k[1], oh, ow);
        Tensor full = Conv.overlapAdd(cols, k[0], k[1], s[0], s[1], d[0], d[1], oh, ow, o[0] + 2 * p[0], o[1] + 2 * p[1]);
        Tensor out = full.narrow(2, p[0], o[0]).narrow(3, p[1], o[1]);
        return unbatched ? out.squeeze(0) : out;
    }

    // ------------------------------------------------------------------ nn2 normalisation and channel dropout

    /** The dims of {@code x} other than dim 1 (the channels): batch and spatial dims. */
    private static int[] allButChannels(Tensor x) {
        int[] dims = new int[x.dim() - 1];
        dims[0] = 0;
        for (int d = 2; d < x.dim(); d++) {
            dims[d - 1] = d;
        }
        return dims;
    }

    /** A per-channel {@code [C]} tensor shaped to broadcast over {@code x} ({@code [1, C, 1, ...]}). */
    private static Tensor perChannel(Tensor v, Tensor x) {
        long[] shape = new long[x.dim()];
        Arrays.fill(shape, 1);
        shape[1] = v.numel();
        return v.reshape(shape);
    }

    /**
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}: normalises
     * each channel (dim 1) over the batch and spatial dims. In training, with the batch's mean and biased
     * variance; the running statistics, when given, are updated in place (no gradient) with the unbiased
     * variance, {@code r = (1 - momentum) r + momentum * batch}. Otherwise with the running statistics.
     *
     * @param input {@code [N, C, ...]}
     * @param runningMean {@code [C]}, or null (then training statistics are used)
     * @param runningVar {@code [C]}, or null
     * @param weight the per-channel scale, or null
     * @param bias the per-channel shift, or null
     * @param training whether to use (and update) batch statistics
     * @param momentum the running statistics' update factor
     * @param eps added to the variance
     * @return the normalised input
     * @throws TensorException for fewer than 2 dims, statistics of the wrong size, or one value per channel in training
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        if (input.dim() < 2) {
            throw new TensorException("batch_norm: expected an input with at least 2 dims [N, C, ...], got shape "
                    + Arrays.toString(input.shape()));
        }
        requireFloatingNn(input, "batch_norm");
        long channels = input.size(1);
        for (Tensor[] named : new Tensor[][] {{runningMean}, {runningVar}, {weight}, {bias}}) {
            Tensor t = named[0];
            if (t != null && t.numel() != channels) {
                String which = t == runningMean ? "running_mean" : t == runningVar ? "running_var" : t == weight ? "weight" : "bias";
                throw new TensorException(which + " should contain " + channels + " elements not " + t.numel());
            }
        }
        if (!training && (runningMean == null || runningVar == null)) {
            throw new TensorException("batch_norm: running_mean and running_var must be defined in evaluation mode");
        }
        Tensor mean;
        Tensor var;
        if (training) {
            long count = input.numel() / Math.max(1, channels);
            if (count <= 1) {
                throw new TensorException("Expected more than 1 value per channel when training, got input size torch.Size("
                        + Arrays.toString(input.shape()) + ")");
            }
            int[] dims = allButChannels(input);
            mean = input.mean(dims, true, null);
            var = input.var(dims, 0, true);
            if (runningMean != null && runningVar != null) {
                try (var _ = NoGrad.enter()) {
                    Tensor batchMean = mean.detach().reshape(channels).to(runningMean.dtype());
                    Tensor unbiased = var.detach().reshape(channels).mul((double) count / (count - 1)).to(runningVar.dtype());
                    runningMean.mul_(1 - momentum).add_(batchMean, momentum);
                    runningVar.mul_(1 - momentum).add_(unbiased, momentum);
                }
            }
        } else {
            mean = perChannel(runningMean.detach(), input);
            var = perChannel(runningVar.detach(), input);
        }
        Tensor y = input.sub(mean).div(var.add(eps).sqrt());
        if (weight != null) {
            y = y.mul(perChannel(weight, input));
        }
        if (bias != null) {
            y = y.add(perChannel(bias, input));
        }
        return y;
    }

    /**
     * {@code F.group_norm(input, num_groups, weight, bias, eps)}: splits the channels into
     * {@code numGroups} groups and normalises each group of each sample over its channels and spatial
     * dims, then applies the per-channel affine part.
     *
     * @param input {@code [N, C, ...]}
     * @param numGroups the number of groups, dividing {@code C}
     * @param weight the per-channel scale, or null
     * @param bias the per-channel shift, or null
     * @param eps added to the variance
     * @return the normalised input
     * @throws TensorException if {@code C} is not divisible by {@code numGroups}
     */
    public static Tensor groupNorm(Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
        if (input.dim() < 2 || numGroups <= 0 || input.size(1) % numGroups != 0) {
            throw new TensorException("Expected number of channels in input to be divisible by num_groups, but got input "
                    + "of shape " + Arrays.toString(input.shape()) + " and num_groups=" + numGroups);
        }
        requireFloatingNn(input, "group_norm");
        long n = input.size(0);
        Tensor grouped = input.reshape(n, numGroups, -1);
        Tensor mean = grouped.mean(new int[] {2}, true, null);
        Tensor var = grouped.var(new int[] {2}, 0, true);
        Tensor y = grouped.sub(mean).div(var.add(eps).sqrt()).reshape(input.shape());
        if (weight != null) {
            y = y.mul(perChannel(weight, input));
        }
        if (bias != null) {
            y = y.add(perChannel(bias, input));
        }
        return y;
    }

    /**
     * {@code F.instance_norm(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)}:
     * normalises each channel of each sample over its spatial dims. With {@code useInputStats} the
     * instance statistics are used and the running statistics, when given, are updated in place with
     * their batch average (unbiased variance); otherwise the running statistics are used.
     *
     * @param input {@code [N, C, ...]} with at least one spatial dim
     * @param runningMean {@code [C]}, or null
     * @param runningVar {@code [C]}, or null
     * @param weight the per-channel scale, or null
     * @param bias the per-channel shift, or null
     * @param useInputStats whether to normalise with the instance statistics
     * @param momentum the running statistics' update factor
     * @param eps added to the variance
     * @return the normalised input
     * @throws TensorException for fewer than 3 dims, or statistics needed but missing
     */
    public static Tensor instanceNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean useInputStats, double momentum, double eps) {
        if (input.dim() < 3) {
            throw new TensorException("instance_norm: expected an input with at least 3 dims [N, C, ...], got shape "
                    + Arrays.toString(input.shape()));
        }
        requireFloatingNn(input, "instance_norm");
        long channels = input.size(1);
        Tensor mean;
        Tensor var;
        if (useInputStats) {
            int[] spatial = new int[input.dim() - 2];
            for (int d = 2; d < input.dim(); d++) {
                spatial[d - 2] = d;
            }
            mean = input.mean(spatial, true, null);
            var = input.var(spatial, 0, true);
            if (runningMean != null && runningVar != null) {
                long count = input.numel() / Math.max(1, input.size(0) * channels);
                try (var _ = NoGrad.enter()) {
                    Tensor batchMean = mean.detach().reshape(input.size(0), channels).mean(new int[] {0}, false, null);
                    Tensor unbiased = var.detach().reshape(input.size(0), channels).mul((double) count / (count - 1))
                            .mean(new int[] {0}, false, null);
                    runningMean.mul_(1 - momentum).add_(batchMean.to(runningMean.dtype()), momentum);
                    runningVar.mul_(1 - momentum).add_(unbiased.to(runningVar.dtype()), momentum);
                }
            }
        } else {
            if (runningMean == null || runningVar == null) {
                throw new TensorException("Expected running_mean and running_var to be defined when use_input_stats is false");
            }
            mean = perChannel(runningMean.detach(), input);
            var = perChannel(runningVar.detach(), input);
        }
        Tensor y = input.sub(mean).div(var.add(eps).sqrt());
        if (weight != null) {
            y = y.mul(perChannel(weight, input));
        }
        if (bias != null) {
            y = y.add(perChannel(bias, input));
        }
        return y;
    }

    /**
     * {@code F.rms_norm(input, normalized_shape, weight, eps)} (PyTorch 2.4):
     * {@code x / sqrt(mean(x^2 over the normalized dims) + eps) * weight}.
     *
     * @param input the input, whose trailing dims are {@code normalizedShape}
     * @param normalizedShape the normalised trailing dims
     * @param weight the elementwise scale of shape {@code normalizedShape}, or null
     * @param eps added to the mean square, or null for the machine epsilon of the input's dtype
     * @return the normalised input
     * @throws TensorException if the trailing dims do not match
     */
    public static Tensor rmsNorm(Tensor input, long[] normalizedShape, Tensor weight, Double eps) {
        int k = normalizedShape.length;
        long[] shape = input.shape();
        boolean matches = k <= shape.length
                && Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape);
        if (!matches) {
            throw new TensorException("rms_norm: normalized_shape " + Arrays.toString(normalizedShape)
                    + " does not match the input's trailing dims " + Arrays.toString(shape));
        }
        requireFloatingNn(input, "rms_norm");
        double e = eps != null ? eps : input.dtype() == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = shape.length - k + i;
        }
        Tensor y = input.mul(input.mul(input).mean(dims, true, null).add(e).rsqrt());
        return weight == null ? y : y.mul(weight);
    }

    /**
     * {@code F.dropout1d(input, p, training)}: zeroes whole channels ({@code [N, C, L]} or unbatched
     * {@code [C, L]}) with probability {@code p}, scaling the rest by {@code 1 / (1 - p)}.
     *
     * @param input a 2-d or 3-d tensor
     * @param p the probability of zeroing a channel
     * @param training whether to drop (else the identity)
     * @return the result
     * @throws TensorException for another number of dims or {@code p} outside [0, 1]
     */
    public static Tensor dropout1d(Tensor input, double p, boolean training) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new TensorException("dropout1d: Expected 2D or 3D input, but received a " + input.dim() + "D input. "
                    + "Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, "
                    + "a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).");
        }
        return featureDropout(input, p, training, input.dim() == 2);
    }

    /**
     * {@code F.dropout2d(input, p, training)}: zeroes whole channels ({@code [N, C, H, W]} or unbatched
     * {@code [C, H, W]}) with probability {@code p}, scaling the rest by {@code 1 / (1 - p)}.
     *
     * @param input a 3-d or 4-d tensor
     * @param p the probability of zeroing a channel
     * @param training whether to drop (else the identity)
     * @return the result
     * @throws TensorException for another number of dims or {@code p} outside [0, 1]
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new TensorException("dropout2d: Expected 3D or 4D input, but received a " + input.dim() + "D input");
        }
        return featureDropout(input, p, training, input.dim() == 3);
    }

    private static Tensor featureDropout(Tensor input, double p, boolean training, boolean unbatched) {
        if (!(p >= 0 && p <= 1)) {
            throw new TensorException("dropout probability has to be between 0 and 1, but got " + p);
        }
        requireFloatingNn(input, "dropout");
        if (!training || p == 0) {
            return input;
        }
        if (p == 1) {
            return input.mul(0.0);
        }
        long[] maskShape = new long[input.dim()];
        Arrays.fill(maskShape, 1);
        maskShape[0] = input.size(0);
        if (!unbatched) {
            maskShape[1] = input.size(1);
        }
        Tensor keep = Tensor.rand(maskShape, DType.FLOAT64, Generator.defaultGenerator()).lt(1 - p).to(input.dtype());
        return input.mul(keep.div(1 - p).to(input.device()));
    }

    private static void requireFloatingNn(Tensor x, String op) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException(op + ": expected a floating-point input (float16, bfloat16, float32 or float64), got "
                    + x.dtype() + " of shape " + Arrays.toString(x.shape()));
        }
    }
}
