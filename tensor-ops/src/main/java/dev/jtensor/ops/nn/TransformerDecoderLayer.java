package dev.jtensor.ops.nn;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
 * layer_norm_eps=1e-5, batch_first=False, norm_first=False)}: self-attention, attention over the
 * encoder's output ({@code memory}) and a feed-forward block, each with a residual connection and layer
 * norm. Children in PyTorch's order and names: {@code self_attn}, {@code multihead_attn}, {@code linear1},
 * {@code dropout}, {@code linear2}, {@code norm1} to {@code norm3}, {@code dropout1} to {@code dropout3}.
 */
public final class TransformerDecoderLayer extends Module {
    private final long dModel;
    private final long nhead;
    private final long dimFeedforward;
    private final double dropoutP;
    private final String activation;
    private final double layerNormEps;
    private final boolean batchFirst;
    private final boolean normFirst;
    private final MultiheadAttention selfAttn;
    private final MultiheadAttention multiheadAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final LayerNorm norm3;
    private final Dropout dropout1;
    private final Dropout dropout2;
    private final Dropout dropout3;

    /**
     * With PyTorch's defaults (feed-forward 2048, dropout 0.1, relu, eps 1e-5, sequence first, norm after).
     *
     * @param dModel the model dim
     * @param nhead the number of heads
     * @throws TensorException for an invalid argument
     */
    public TransformerDecoderLayer(long dModel, long nhead) {
        this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false, Generator.defaultGenerator());
    }

    /**
     * A transformer decoder layer.
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
    public TransformerDecoderLayer(long dModel, long nhead, long dimFeedforward, double dropout, String activation,
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
        multiheadAttn = registerModule("multihead_attn",
                new MultiheadAttention(dModel, nhead, dropout, true, false, false, dModel, dModel, batchFirst, generator));
        linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, true, generator));
        this.dropout = registerModule("dropout", new Dropout(dropout));
        linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, true, generator));
        norm1 = registerModule("norm1", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        norm2 = registerModule("norm2", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        norm3 = registerModule("norm3", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        dropout1 = registerModule("dropout1", new Dropout(dropout));
        dropout2 = registerModule("dropout2", new Dropout(dropout));
        dropout3 = registerModule("dropout3", new Dropout(dropout));
    }

    /**
     * A deep copy ({@code copy.deepcopy(layer)}): the same configuration and parameter values, drawing
     * no random numbers.
     *
     * @return the copy
     */
    public TransformerDecoderLayer copy() {
        TransformerDecoderLayer c = new TransformerDecoderLayer(dModel, nhead, dimFeedforward, dropoutP, activation,
                layerNormEps, batchFirst, normFirst, new Generator(0));
        c.to(linear1.weight().dtype());
        c.loadStateDict(stateDict());
        c.train(isTraining());
        return c;
    }

    /**
     * Always throws: a decoder layer needs the encoder's output too.
     *
     * @throws TensorException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new TensorException("TransformerDecoderLayer.forward() missing 1 required positional argument: 'memory' "
                + "(tgt of shape " + java.util.Arrays.toString(input.shape()) + ")");
    }

    /**
     * {@code layer(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}.
     *
     * @param tgt the target sequence {@code [T, N, E]} ({@code [N, T, E]} with batch first) or {@code [T, E]}
     * @param memory the encoder's output {@code [S, N, E]} (or batch first, or unbatched)
     * @param tgtMask the self-attention mask {@code [T, T]}, or null
     * @param memoryMask the memory attention mask {@code [T, S]}, or null
     * @param tgtKeyPaddingMask the target padding mask {@code [N, T]}, or null
     * @param memoryKeyPaddingMask the memory padding mask {@code [N, S]}, or null
     * @return the decoded sequence
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), tgtMask, tgtKeyPaddingMask));
            x = x.add(memoryBlock(norm2.forward(x), memory, memoryMask, memoryKeyPaddingMask));
            x = x.add(feedForwardBlock(norm3.forward(x)));
        } else {
            x = norm1.forward(x.add(selfAttentionBlock(x, tgtMask, tgtKeyPaddingMask)));
            x = norm2.forward(x.add(memoryBlock(x, memory, memoryMask, memoryKeyPaddingMask)));
            x = norm3.forward(x.add(feedForwardBlock(x)));
        }
        return x;
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    private Tensor memoryBlock(Tensor x, Tensor memory, Tensor mask, Tensor keyPaddingMask) {
        return dropout2.forward(multiheadAttn.forward(x, memory, memory, keyPaddingMask, false, mask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = linear1.forward(x);
        h = activation.equals("relu") ? h.relu() : h.gelu();
        return dropout3.forward(linear2.forward(dropout.forward(h)));
    }
}
