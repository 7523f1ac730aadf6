package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * {@code nn.TransformerDecoder(decoder_layer, num_layers, norm=None)}: {@code numLayers} deep copies of
 * {@code decoderLayer} (each starting with the same parameters) as {@code layers.0}, {@code layers.1}, ...,
 * applied in turn with the same memory, then the optional final norm.
 */
public final class TransformerDecoder extends Module {
    private final ModuleList layers;
    private final Module norm;

    /**
     * A stack of copies of {@code decoderLayer}.
     *
     * @param decoderLayer the layer to copy
     * @param numLayers the number of copies
     * @param norm a final layer norm, or null
     */
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, Module norm) {
        layers = registerModule("layers", new ModuleList());
        for (int i = 0; i < numLayers; i++) {
            layers.append(decoderLayer.copy());
        }
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    /**
     * Always throws: a decoder needs the encoder's output too.
     *
     * @throws TensorException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new TensorException("TransformerDecoder.forward() missing 1 required positional argument: 'memory' "
                + "(tgt of shape " + java.util.Arrays.toString(input.shape()) + ")");
    }

    /**
     * {@code decoder(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}.
     *
     * @param tgt the target sequence
     * @param memory the encoder's output
     * @param tgtMask the self-attention mask, or null
     * @param memoryMask the memory attention mask, or null
     * @param tgtKeyPaddingMask the target padding mask, or null
     * @param memoryKeyPaddingMask the memory padding mask, or null
     * @return the decoded sequence
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        for (Module m : layers.modules()) {
            x = ((TransformerDecoderLayer) m).forward(x, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        }
        return norm == null ? x : norm.forward(x);
    }
}
