package dev.jtensor.ops.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.TorchVersion;
import dev.jtensor.ops.nn.Module;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs the {@code module:<Name>} cases (format in the conformance README): seed, construct, compare the
 * state dict after initialisation, load it (so an initialisation difference cannot hide the rest),
 * load {@code state}, set the mode, run the forward, compare the output, the buffers after it, and
 * the gradients of the listed inputs and of every parameter.
 */
final class ModuleCases {
    private ModuleCases() {}

    /** Checks one case; an assertion error describes the first difference. */
    static void check(JsonNode c, OpTable.ModuleOp op, boolean checkGrad) {
        JsonNode kw = c.get("kwargs");
        JsonNode expect = c.get("expect");
        JsonNode tol = c.get("tol");
        TorchVersion previous = Generator.getCompatibility();
        Generator.setCompatibility(TorchVersion.V1_13);
        try {
            if (expect.has("error")) {
                try {
                    Module m = build(c, op);
                    Object y = forward(c, op, m, null);
                    fail("expected an error like PyTorch's " + expect.get("error").textValue() + ": "
                            + expect.path("message").asText() + " but got " + y);
                } catch (TensorException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "error without a message");
                }
                return;
            }
            Module m = build(c, op);
            if (c.has("params")) {
                JsonNode params = c.get("params");
                Map<String, Tensor> state = m.stateDict();
                assertEquals(names(params), new TreeSet<>(state.keySet()), "state dict names after construction");
                ObjectNode initTol = JsonNodeFactory.instance.objectNode().put("rtol", 1e-6).put("atol", 1e-6);
                Map<String, Tensor> load = new LinkedHashMap<>();
                for (var e : state.entrySet()) {
                    String diff = Values.compare(e.getValue(), params.get(e.getKey()), initTol, "params." + e.getKey());
                    if (diff != null) {
                        fail(diff);
                    }
                    load.put(e.getKey(), (Tensor) Values.fromJson(params.get(e.getKey())));
                }
                m.loadStateDict(load, false);
            }
            if (kw.has("state")) {
                Map<String, Tensor> state = new LinkedHashMap<>();
                kw.get("state").fields().forEachRemaining(e -> state.put(e.getKey(), (Tensor) Values.fromJson(e.getValue())));
                m.loadStateDict(state, false);
            }
            m.train(!kw.has("train") || kw.get("train").booleanValue());
            JsonNode g = checkGrad && c.has("grad") ? c.get("grad") : null;
            Object y = forward(c, op, m, g);
            String diff = Values.compare(y, expect, tol, "result");
            if (diff != null) {
                fail(diff);
            }
            if (c.has("buffers_after")) {
                Map<String, Tensor> buffers = m.namedBuffers();
                JsonNode after = c.get("buffers_after");
                assertEquals(names(after), new TreeSet<>(buffers.keySet()), "buffer names after the forward");
                for (var e : buffers.entrySet()) {
                    diff = Values.compare(e.getValue(), after.get(e.getKey()), tol, "buffers_after." + e.getKey());
                    if (diff != null) {
                        fail(diff);
                    }
                }
            }
            if (g != null) {
                checkGrad(g, m, y, tol);
            }
        } finally {
            Generator.setCompatibility(previous);
        }
    }

    private static Module build(JsonNode c, OpTable.ModuleOp op) {
        JsonNode kw = c.get("kwargs");
        if (kw.has("seed")) {
            Tensor.manualSeed(kw.get("seed").longValue());
        }
        Module m = op.build(argsOf(kw.get("ctor"), List.of()));
        if (kw.has("dtype") && "float64".equals(kw.get("dtype").textValue())) {
            m.to(DType.FLOAT64);
        }
        return m;
    }

    /** The forward on the case's args; with a grad block, the listed args require grad first. */
    private static Object forward(JsonNode c, OpTable.ModuleOp op, Module m, JsonNode g) {
        List<Object> positional = new ArrayList<>();
        c.get("args").forEach(a -> positional.add(Values.fromJson(a)));
        if (g != null) {
            for (JsonNode w : g.get("wrt")) {
                ((Tensor) positional.get(w.intValue())).requiresGrad(true);
            }
        }
        Args in = argsOf(c.get("kwargs").get("forward"), positional);
        Object y = op.forward(m, in);
        lastInputs = positional;
        return y;
    }

    private static List<Object> lastInputs;

    private static void checkGrad(JsonNode g, Module m, Object y, JsonNode tol) {
        JsonNode outGrad = g.get("out_grad");
        if (outGrad.has("tuple")) {
            List<?> parts = (List<?>) y;
            Tensor total = null;
            for (int i = 0; i < parts.size(); i++) {
                JsonNode gi = outGrad.get("tuple").get(i);
                if (gi == null || gi.isNull()) {
                    continue;
                }
                Tensor term = ((Tensor) parts.get(i)).mul((Tensor) Values.fromJson(gi)).sum();
                total = total == null ? term : total.add(term);
            }
            total.backward();
        } else {
            ((Tensor) y).backward((Tensor) Values.fromJson(outGrad), false);
        }
        JsonNode expected = g.get("expect");
        for (int i = 0; i < g.get("wrt").size(); i++) {
            Tensor x = (Tensor) lastInputs.get(g.get("wrt").get(i).intValue());
            if (x.grad() == null) {
                fail("no gradient reached argument " + g.get("wrt").get(i));
            }
            String diff = Values.compare(x.grad(), expected.get(i), tol, "grad[" + i + "]");
            if (diff != null) {
                fail(diff);
            }
        }
        if (g.has("params")) {
            JsonNode want = g.get("params");
            Map<String, Tensor> params = m.namedParameters();
            assertEquals(names(want), new TreeSet<>(params.keySet()), "parameters with gradients");
            for (var e : params.entrySet()) {
                if (e.getValue().grad() == null) {
                    fail("no gradient reached parameter " + e.getKey());
                }
                String diff = Values.compare(e.getValue().grad(), want.get(e.getKey()), tol, "grad." + e.getKey());
                if (diff != null) {
                    fail(diff);
                }
            }
        }
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Arguments from a JSON object of keyword values (null: none) and the given positional values. */
    static Args argsOf(JsonNode object, List<Object> positional) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (object != null) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                var e = it.next();
                kwargs.put(e.getKey(), Values.fromJson(e.getValue()));
            }
        }
        return new Args(positional, kwargs);
    }
}
