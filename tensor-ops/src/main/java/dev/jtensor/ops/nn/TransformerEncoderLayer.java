package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
 * layer_norm_eps=1e-5, batch_first=False, norm_first=False)}: self-attention and a feed-forward block,
 * each with a residual connection and layer norm (after the residual, or before the block with
 * {@code normFirst}). Children in PyTorch's order and names: {@code self_attn}, {@code linear1},
 * {@code dropout}, {@code linear2}, {@code norm1}, {@code norm2}, {@code dropout1}, {@code dropout2}.
 */
public final class TransformerEncoderLayer extends Module {
    private final long dModel;
    private final long nhead;
    private final long dimFeedforward;
    private final double dropoutP;
    private final String activation;
    private final double layerNormEps;
    private final boolean batchFirst;
    private final boolean normFirst;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /**
     * With PyTorch's defaults (feed-forward 2048, dropout 0.1, relu, eps 1e-5, sequence first, norm after).
     *
     * @param dModel the model dim
     * @param nhead the number of heads
     * @throws TensorException for an invalid argument
     */
    public TransformerEncoderLayer(long dModel, long nhead) {
        this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false, Generator.defaultGenerator());
    }

    /**
     * A transformer encoder layer.
     *
     * @param dModel the model dim
     * @param nhead the number of heads, dividing {@code dModel}
     * @param dimFeedforward the feed-forward block's hidden dim
     * @param dropout the dropout probability
     * @param activation {@code "relu"} or {@code "gelu"}
     * @param layerNormEps the layer norms' eps
     * @param batchFirst whether inputs are {@code [N, L, E]}
     * @param normFirst whether to normalise before each block (pre-norm)
     * @param generator the generator of the initial parameter values (dropout draws from the default generator)
     * @throws TensorException for an unknown activation or heads not dividing the model dim
     */
    public TransformerEncoderLayer(long dModel, long nhead, long dimFeedforward, double dropout, String activation,
            double layerNormEps, boolean batchFirst, boolean normFirst, Generator generator) {
        if (!activation.equals("relu") && !activation.equals("gelu")) {
            throw new TensorException("activation should be relu/gelu, not " + activation);
        }
        this.dModel = dModel;
        this.nhead = nhead;
        this.dimFeedforward = dimFeedforward;
        this.dropoutP = dropout;
        this.activation = activation;
        this.layerNormEps = layerNormEps;
        this.batchFirst = batchFirst;
        this.normFirst = normFirst;
        selfAttn = registerModule("self_attn",
                new MultiheadAttention(dModel, nhead, dropout, true, false, false, dModel, dModel, batchFirst, generator));
        linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, true, generator));
        this.dropout = registerModule("dropout", new Dropout(dropout));
        linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, true, generator));
        norm1 = registerModule("norm1", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        norm2 = registerModule("norm2", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        dropout1 = registerModule("dropout1", new Dropout(dropout));
        dropout2 = registerModule("dropout2", new Dropout(dropout));
    }

    /**
     * A deep copy ({@code copy.deepcopy(layer)}): the same configuration and parameter values, drawing
     * no random numbers.
     *
     * @return the copy
     */
    public TransformerEncoderLayer copy() {
        TransformerEncoderLayer c = new TransformerEncoderLayer(dModel, nhead, dimFeedforward, dropoutP, activation,
                layerNormEps, batchFirst, normFirst, new Generator(0));
        c.to(parameter0().dtype());
        c.loadStateDict(stateDict());
        c.train(isTraining());
        return c;
    }

    private Tensor parameter0() {
        return linear1.weight();
    }

    /**
     * {@code layer(src)} without masks.
     *
     * @param input the sequence
     * @return the encoded sequence
     */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null);
    }

    /**
     * {@code layer(src, src_mask, src_key_padding_mask)}.
     *
     * @param src the sequence {@code [S, N, E]} ({@code [N, S, E]} with batch first) or {@code [S, E]}
     * @param srcMask the attention mask {@code [S, S]}, or null
     * @param srcKeyPaddingMask the padding mask {@code [N, S]}, or null
     * @return the encoded sequence
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask));
            x = x.add(feedForwardBlock(norm2.forward(x)));
        } else {
            x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
            x = norm2.forward(x.add(feedForwardBlock(x)));
        }
        return x;
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = linear1.forward(x);
        h = activation.equals("relu") ? h.relu() : h.gelu();
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }
}
