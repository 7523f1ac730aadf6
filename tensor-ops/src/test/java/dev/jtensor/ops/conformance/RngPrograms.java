package dev.jtensor.ops.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TorchVersion;
import dev.jtensor.ops.nn.Init;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code rng} conformance programs: {@code torch.manual_seed(seed)} then the listed calls on
 * the default generator, collecting every produced tensor. The cases were computed with PyTorch
 * 1.13.1, so the 1.13 switch is on while a program runs.
 */
final class RngPrograms {
    private RngPrograms() {}

    static List<Tensor> run(Args a) {
        long seed = ((Values.Seed) a.get(0)).seed();
        TorchVersion previous = Generator.getCompatibility();
        Generator.setCompatibility(TorchVersion.V1_13);
        try {
            Tensor.manualSeed(seed);
            List<Tensor> out = new ArrayList<>();
            for (Object c : (List<?>) a.get(1)) {
                call((JsonNode) c, out);
            }
            return out;
        } finally {
            Generator.setCompatibility(previous);
        }
    }

    private static void call(JsonNode c, List<Tensor> out) {
        switch (c.get("call").textValue()) {
            case "randint" -> out.add(Tensor.randint(c.get("low").longValue(), c.get("high").longValue(), size(c)));
            case "randn" -> out.add(Tensor.randn(size(c)));
            case "rand" -> out.add(Tensor.rand(size(c)));
            case "randperm" -> out.add(Tensor.randperm(c.get("n").longValue()));
            case "normal_" -> out.add(Tensor.zeros(size(c)).normal_(c.get("mean").doubleValue(), c.get("std").doubleValue()));
            case "uniform_" -> out.add(Tensor.zeros(size(c)).uniform_(c.get("a").doubleValue(), c.get("b").doubleValue()));
            case "embedding_init" -> {
                JsonNode pad = c.get("padding_idx");
                out.add(Init.embeddingWeight(c.get("num").longValue(), c.get("dim").longValue(),
                        pad == null || pad.isNull() ? null : pad.longValue(), null));
            }
            case "linear_init" -> {
                boolean bias = c.get("bias").booleanValue();
                Tensor[] wb = Init.linearWeightAndBias(c.get("in").longValue(), c.get("out").longValue(), bias);
                out.add(wb[0]);
                if (bias) {
                    out.add(wb[1]);
                }
            }
            default -> throw new IllegalArgumentException("unknown rng call " + c);
        }
    }

    private static long[] size(JsonNode c) {
        JsonNode s = c.get("size");
        long[] r = new long[s.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = s.get(i).longValue();
        }
        return r;
    }
}
