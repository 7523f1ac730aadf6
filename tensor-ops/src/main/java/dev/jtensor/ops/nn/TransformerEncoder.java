package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/**
 * {@code nn.TransformerEncoder(encoder_layer, num_layers, norm=None)}: {@code numLayers} deep copies of
 * {@code encoderLayer} (each starting with the same parameters) as {@code layers.0}, {@code layers.1}, ...,
 * applied in turn, then the optional final norm.
 */
public final class TransformerEncoder extends Module {
    private final ModuleList layers;
    private final Module norm;

    /**
     * A stack of copies of {@code encoderLayer}.
     *
     * @param encoderLayer the layer to copy
     * @param numLayers the number of copies
     * @param norm a final layer norm, or null
     */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        layers = registerModule("layers", new ModuleList());
        for (int i = 0; i < numLayers; i++) {
            layers.append(encoderLayer.copy());
        }
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    /**
     * {@code encoder(src)} without masks.
     *
     * @param input the sequence
     * @return the encoded sequence
     */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null);
    }

    /**
     * {@code encoder(src, mask, src_key_padding_mask)}.
     *
     * @param src the sequence
     * @param mask the attention mask, or null
     * @param srcKeyPaddingMask the padding mask, or null
     * @return the encoded sequence
     */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        for (Module m : layers.modules()) {
            x = ((TransformerEncoderLayer) m).forward(x, mask, srcKeyPaddingMask);
        }
        return norm == null ? x : norm.forward(x);
    }
}
