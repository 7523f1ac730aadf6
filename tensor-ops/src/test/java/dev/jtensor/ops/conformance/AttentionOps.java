package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.MultiheadAttention;
import dev.jtensor.ops.nn.TransformerDecoder;
import dev.jtensor.ops.nn.TransformerDecoderLayer;
import dev.jtensor.ops.nn.TransformerEncoder;
import dev.jtensor.ops.nn.TransformerEncoderLayer;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Conformance mappings of attention.jsonl (issue 21): scaled dot-product attention, MultiheadAttention, transformers. */
final class AttentionOps {
    private AttentionOps() {}

    static void register() {
        op("scaled_dot_product_attention", a -> F.scaledDotProductAttention(a.tensor(0), a.tensor(1), a.tensor(2),
                (Tensor) a.kw("attn_mask"), a.kwDouble("dropout_p", 0.0), a.kwBool("is_causal", false),
                a.hasKw("scale") ? a.kwDouble("scale", 0) : null));
        module("MultiheadAttention", c -> {
            long e = c.kwLong("embed_dim", 0);
            return new MultiheadAttention(e, c.kwLong("num_heads", 1), c.kwDouble("dropout", 0.0), c.kwBool("bias", true),
                    c.kwBool("add_bias_kv", false), c.kwBool("add_zero_attn", false), c.kwLong("kdim", e), c.kwLong("vdim", e),
                    c.kwBool("batch_first", false), Generator.defaultGenerator());
        }, (m, in) -> {
            MultiheadAttention.Output o = ((MultiheadAttention) m).forward(in.tensor(0), in.tensor(1), in.tensor(2),
                    (Tensor) in.kw("key_padding_mask"), in.kwBool("need_weights", true), (Tensor) in.kw("attn_mask"),
                    in.kwBool("average_attn_weights", true));
            return Arrays.asList(o.output(), o.weights());
        });
        module("TransformerEncoderLayer", AttentionOps::encoderLayer,
                (m, in) -> ((TransformerEncoderLayer) m).forward(in.tensor(0), (Tensor) in.kw("src_mask"),
                        (Tensor) in.kw("src_key_padding_mask")));
        module("TransformerDecoderLayer", AttentionOps::decoderLayer,
                (m, in) -> ((TransformerDecoderLayer) m).forward(in.tensor(0), in.tensor(1), (Tensor) in.kw("tgt_mask"),
                        (Tensor) in.kw("memory_mask"), (Tensor) in.kw("tgt_key_padding_mask"),
                        (Tensor) in.kw("memory_key_padding_mask")));
        module("TransformerEncoder",
                c -> new TransformerEncoder(encoderLayer(sub(c, "encoder_layer")), (int) c.kwLong("num_layers", 1), null),
                (m, in) -> ((TransformerEncoder) m).forward(in.tensor(0), (Tensor) in.kw("mask"),
                        (Tensor) in.kw("src_key_padding_mask")));
        module("TransformerDecoder",
                c -> new TransformerDecoder(decoderLayer(sub(c, "decoder_layer")), (int) c.kwLong("num_layers", 1), null),
                (m, in) -> ((TransformerDecoder) m).forward(in.tensor(0), in.tensor(1), (Tensor) in.kw("tgt_mask"),
                        (Tensor) in.kw("memory_mask"), (Tensor) in.kw("tgt_key_padding_mask"),
                        (Tensor) in.kw("memory_key_padding_mask")));
    }

    private static Args sub(Args c, String name) {
        return ModuleCases.argsOf((com.fasterxml.jackson.databind.JsonNode) c.kw(name), java.util.List.of());
    }

    private static TransformerEncoderLayer encoderLayer(Args c) {
        return new TransformerEncoderLayer(c.kwLong("d_model", 0), c.kwLong("nhead", 1), c.kwLong("dim_feedforward", 2048),
                c.kwDouble("dropout", 0.1), c.kwString("activation", "relu"), c.kwDouble("layer_norm_eps", 1e-5),
                c.kwBool("batch_first", false), c.kwBool("norm_first", false), Generator.defaultGenerator());
    }

    private static TransformerDecoderLayer decoderLayer(Args c) {
        return new TransformerDecoderLayer(c.kwLong("d_model", 0), c.kwLong("nhead", 1), c.kwLong("dim_feedforward", 2048),
                c.kwDouble("dropout", 0.1), c.kwString("activation", "relu"), c.kwDouble("layer_norm_eps", 1e-5),
                c.kwBool("batch_first", false), c.kwBool("norm_first", false), Generator.defaultGenerator());
    }

    private static void module(String name, Function<Args, Module> ctor, BiFunction<Module, Args, Object> forward) {
        OpTable.module(name, new OpTable.ModuleOp() {
            @Override
            public Module build(Args c) {
                return ctor.apply(c);
            }

            @Override
            public Object forward(Module m, Args in, Args ctor) {
                return forward.apply(m, in);
            }
        });
    }
}
