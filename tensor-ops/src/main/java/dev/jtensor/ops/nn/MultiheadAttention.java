package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * {@code nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False,
 * add_zero_attn=False, kdim=None, vdim=None, batch_first=False)}, with PyTorch 1.13's parameters,
 * initialisation order (the output projection's {@code Linear} draws first, then {@code xavier_uniform_}
 * of the input projections, then {@code xavier_normal_} of {@code bias_k}, {@code bias_v}) and forward
 * ({@code F.multi_head_attention_forward}). Inputs are {@code [L, N, E]} ({@code [N, L, E]} with
 * {@code batchFirst}) or unbatched {@code [L, E]}. Masks follow PyTorch's MultiheadAttention convention:
 * a bool {@code attnMask} or {@code keyPaddingMask} is {@code true} where attention is not allowed; a
 * float mask is added to the scores.
 */
public final class MultiheadAttention extends Module {
    private final long embedDim;
    private final long kdim;
    private final long vdim;
    private final long numHeads;
    private final double dropout;
    private final boolean batchFirst;
    private final boolean addZeroAttn;
    private final boolean sameEmbedDim;

    /**
     * The attention output and, when asked for, the attention weights.
     *
     * @param output the attention output
     * @param weights the attention weights, or null when not asked for
     */
    public record Output(Tensor output, Tensor weights) {}

    /**
     * With PyTorch's defaults: no dropout, biases, no bias_kv, no zero attention, {@code kdim = vdim = embedDim},
     * sequence-first inputs.
     *
     * @param embedDim the model dim
     * @param numHeads the number of heads, dividing {@code embedDim}
     * @throws TensorException if {@code numHeads} does not divide {@code embedDim}
     */
    public MultiheadAttention(long embedDim, long numHeads) {
        this(embedDim, numHeads, 0.0, true, false, false, embedDim, embedDim, false, Generator.defaultGenerator());
    }

    /**
     * A multi-head attention layer.
     *
     * @param embedDim the model dim
     * @param numHeads the number of heads, dividing {@code embedDim}
     * @param dropout the dropout probability of the attention weights in training
     * @param bias whether the projections have biases
     * @param addBiasKv whether to append learnt bias vectors to the keys and values
     * @param addZeroAttn whether to append a zero key and value
     * @param kdim the keys' dim
     * @param vdim the values' dim
     * @param batchFirst whether inputs are {@code [N, L, E]}
     * @param generator the generator of the initial values
     * @throws TensorException if {@code numHeads} does not divide {@code embedDim}
     */
    public MultiheadAttention(long embedDim, long numHeads, double dropout, boolean bias, boolean addBiasKv,
            boolean addZeroAttn, long kdim, long vdim, boolean batchFirst, Generator generator) {
        if (numHeads <= 0 || embedDim % numHeads != 0) {
            throw new TensorException("embed_dim must be divisible by num_heads (got embed_dim=" + embedDim
                    + ", num_heads=" + numHeads + ")");
        }
        this.embedDim = embedDim;
        this.kdim = kdim;
        this.vdim = vdim;
        this.numHeads = numHeads;
        this.dropout = dropout;
        this.batchFirst = batchFirst;
        this.addZeroAttn = addZeroAttn;
        this.sameEmbedDim = kdim == embedDim && vdim == embedDim;
        if (sameEmbedDim) {
            registerParameter("in_proj_weight", Tensor.zeros(3 * embedDim, embedDim));
        } else {
            registerParameter("q_proj_weight", Tensor.zeros(embedDim, embedDim));
            registerParameter("k_proj_weight", Tensor.zeros(embedDim, kdim));
            registerParameter("v_proj_weight", Tensor.zeros(embedDim, vdim));
        }
        registerParameter("in_proj_bias", bias ? Tensor.zeros(3 * embedDim) : null);
        Linear outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias, generator));
        registerParameter("bias_k", addBiasKv ? Tensor.zeros(1, 1, embedDim) : null);
        registerParameter("bias_v", addBiasKv ? Tensor.zeros(1, 1, embedDim) : null);
        try (var _ = dev.jtensor.ops.NoGrad.enter()) {
            if (sameEmbedDim) {
                Init.xavierUniform_(parameter("in_proj_weight"), 1.0, generator);
            } else {
                Init.xavierUniform_(parameter("q_proj_weight"), 1.0, generator);
                Init.xavierUniform_(parameter("k_proj_weight"), 1.0, generator);
                Init.xavierUniform_(parameter("v_proj_weight"), 1.0, generator);
            }
            if (bias) {
                outProj.bias().zero_();
            }
            if (addBiasKv) {
                Init.xavierNormal_(parameter("bias_k"), 1.0, generator);
                Init.xavierNormal_(parameter("bias_v"), 1.0, generator);
            }
        }
    }

    /**
     * Self-attention, {@code mha(x, x, x, need_weights=False)[0]}.
     *
     * @param input the sequence
     * @return the attention output
     */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, input, input, null, false, null, true).output();
    }

    /**
     * {@code mha(query, key, value)}: with the weights averaged over heads.
     *
     * @param query the queries
     * @param key the keys
     * @param value the values
     * @return the output and the weights
     */
    public Output forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null, true);
    }

    /**
     * {@code mha(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights)}.
     *
     * @param query {@code [L, N, E]} ({@code [N, L, E]} with batch first) or {@code [L, E]}
     * @param key {@code [S, N, kdim]} (or batch first, or unbatched)
     * @param value {@code [S, N, vdim]} (or batch first, or unbatched)
     * @param keyPaddingMask {@code [N, S]} ({@code [S]} unbatched), true (or -inf) at padded keys, or null
     * @param needWeights whether to return the attention weights
     * @param attnMask {@code [L, S]} or {@code [N * numHeads, L, S]}, true (or -inf) where not allowed, or null
     * @param averageAttnWeights whether to average the weights over heads
     * @return the output {@code [L, N, E]} (query's layout) and the weights {@code [N, L, S]} (or
     *     {@code [N, numHeads, L, S]}), or null weights
     * @throws TensorException for inconsistent shapes
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights,
            Tensor attnMask, boolean averageAttnWeights) {
        boolean batched = query.dim() == 3;
        if (query.dim() != 3 && query.dim() != 2 || key.dim() != query.dim() || value.dim() != query.dim()) {
            throw new TensorException("query, key and value should be all 2D (unbatched) or 3D (batched), got shapes "
                    + Arrays.toString(query.shape()) + ", " + Arrays.toString(key.shape()) + ", "
                    + Arrays.toString(value.shape()));
        }
        Tensor q = query;
        Tensor k = key;
        Tensor v = value;
        Tensor kpm = keyPaddingMask;
        if (batched && batchFirst) {
            q = q.transpose(0, 1);
            k = k.transpose(0, 1);
            v = v.transpose(0, 1);
        }
        if (!batched) {
            q = q.unsqueeze(1);
            k = k.unsqueeze(1);
            v = v.unsqueeze(1);
            kpm = kpm == null ? null : kpm.unsqueeze(0);
        }
        long tgtLen = q.size(0);
        long bsz = q.size(1);
        if (q.size(2) != embedDim) {
            throw new TensorException("was expecting embedding dimension of " + embedDim + ", but got " + q.size(2));
        }
        long headDim = embedDim / numHeads;
        if (sameEmbedDim && !Arrays.equals(k.shape(), v.shape())) {
            throw new TensorException("key shape torch.Size(" + Arrays.toString(k.shape()) + ") does not match value shape "
                    + "torch.Size(" + Arrays.toString(v.shape()) + ")");
        }
        if (!sameEmbedDim && (k.size(0) != v.size(0) || k.size(1) != v.size(1))) {
            throw new TensorException("key's sequence and batch dims " + Arrays.toString(Arrays.copyOf(k.shape(), 2))
                    + " do not match value's " + Arrays.toString(Arrays.copyOf(v.shape(), 2)));
        }
        Tensor inBias = parameter("in_proj_bias");
        Tensor[] biases = inBias == null ? new Tensor[3] : inBias.chunk(3, 0);
        Tensor wq;
        Tensor wk;
        Tensor wv;
        if (sameEmbedDim) {
            Tensor[] w = parameter("in_proj_weight").chunk(3, 0);
            wq = w[0];
            wk = w[1];
            wv = w[2];
        } else {
            wq = parameter("q_proj_weight");
            wk = parameter("k_proj_weight");
            wv = parameter("v_proj_weight");
        }
        q = F.linear(q, wq, biases[0]);
        k = F.linear(k, wk, biases[1]);
        v = F.linear(v, wv, biases[2]);

        Tensor mask = attnMask;
        if (mask != null) {
            if (mask.dtype() != DType.BOOL && !mask.dtype().isFloatingPoint()) {
                throw new TensorException("Only float and bool types are supported for attn_mask, not " + mask.dtype());
            }
            if (mask.dim() == 2) {
                if (mask.size(0) != tgtLen || mask.size(1) != k.size(0)) {
                    throw new TensorException("The shape of the 2D attn_mask is torch.Size(" + Arrays.toString(mask.shape())
                            + "), but should be (" + tgtLen + ", " + k.size(0) + ").");
                }
                mask = mask.unsqueeze(0);
            } else if (mask.dim() == 3) {
                if (mask.size(0) != bsz * numHeads || mask.size(1) != tgtLen || mask.size(2) != k.size(0)) {
                    throw new TensorException("The shape of the 3D attn_mask is torch.Size(" + Arrays.toString(mask.shape())
                            + "), but should be (" + bsz * numHeads + ", " + tgtLen + ", " + k.size(0) + ").");
                }
            } else {
                throw new TensorException("attn_mask's dimension " + mask.dim() + " is not supported");
            }
        }
        Tensor biasK = parameter("bias_k");
        if (biasK != null) {
            k = Tensor.cat(new Tensor[] {k, biasK.repeat(1, bsz, 1)}, 0);
            v = Tensor.cat(new Tensor[] {v, parameter("bias_v").repeat(1, bsz, 1)}, 0);
            mask = mask == null ? null : F.pad(mask, new long[] {0, 1}, "constant", 0);
            kpm = kpm == null ? null : F.pad(kpm, new long[] {0, 1}, "constant", 0);
        }
        q = q.contiguous().view(tgtLen, bsz * numHeads, headDim).transpose(0, 1);
        k = k.contiguous().view(k.size(0), bsz * numHeads, headDim).transpose(0, 1);
        v = v.contiguous().view(v.size(0), bsz * numHeads, headDim).transpose(0, 1);
        if (addZeroAttn) {
            k = Tensor.cat(new Tensor[] {k, Tensor.empty(new long[] {bsz * numHeads, 1, headDim}, k.dtype(), k.device()).zero_()}, 1);
            v = Tensor.cat(new Tensor[] {v, Tensor.empty(new long[] {bsz * numHeads, 1, headDim}, v.dtype(), v.device()).zero_()}, 1);
            mask = mask == null ? null : F.pad(mask, new long[] {0, 1}, "constant", 0);
            kpm = kpm == null ? null : F.pad(kpm, new long[] {0, 1}, "constant", 0);
        }
        long srcLen = k.size(1);
        if (kpm != null) {
            if (kpm.dim() != 2 || kpm.size(0) != bsz || kpm.size(1) != srcLen) {
                throw new TensorException("expecting key_padding_mask shape of (" + bsz + ", " + srcLen + "), but got "
                        + "torch.Size(" + Arrays.toString(kpm.shape()) + ")");
            }
            Tensor expanded = kpm.view(bsz, 1, 1, srcLen).expand(-1, numHeads, -1, -1).reshape(bsz * numHeads, 1, srcLen);
            if (mask == null) {
                mask = expanded;
            } else if (mask.dtype() == DType.BOOL) {
                mask = mask.logicalOr(expanded.to(DType.BOOL));
            } else {
                mask = expanded.dtype() == DType.BOOL ? mask.maskedFill(expanded, Double.NEGATIVE_INFINITY)
                        : mask.add(expanded);
            }
        }
        if (mask != null && mask.dtype() == DType.BOOL) {
            mask = Tensor.where(mask, Double.NEGATIVE_INFINITY, Tensor.zeros(new long[0], q.dtype()).to(q.device()));
        }
        double p = isTraining() ? dropout : 0.0;
        // PyTorch 1.13's _scaled_dot_product_attention: q / sqrt(E), then mask + q @ k^T (baddbmm).
        Tensor scaledQ = q.div(Math.sqrt(headDim));
        Tensor scores = scaledQ.bmm(k.transpose(-2, -1));
        if (mask != null) {
            scores = mask.add(scores);
        }
        Tensor weights = F.softmax(scores, -1);
        if (p > 0) {
            weights = F.dropout(weights, p, true);
        }
        Tensor out = weights.bmm(v);
        out = out.transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
        Linear outProj = (Linear) namedChildren().get("out_proj");
        out = F.linear(out, outProj.weight(), outProj.bias()).view(tgtLen, bsz, embedDim);
        if (batched && batchFirst) {
            out = out.transpose(0, 1);
        }
        if (!batched) {
            out = out.squeeze(1);
        }
        if (!needWeights) {
            return new Output(out, null);
        }
        Tensor w = weights.view(bsz, numHeads, tgtLen, srcLen);
        if (averageAttnWeights) {
            w = w.sum(1).div((double) numHeads);
        }
        if (!batched) {
            w = w.squeeze(0);
        }
        return new Output(out, w);
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + numHeads + ", kdim=" + kdim + ", vdim=" + vdim
                + ", batch_first=" + batchFirst;
    }
}
