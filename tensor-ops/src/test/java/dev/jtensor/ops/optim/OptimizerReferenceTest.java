package dev.jtensor.ops.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** SGD, Adam and AdamW against PyTorch's trajectories, step by step (resource {@code nn/optim.json}). */
class OptimizerReferenceTest {
    private static final double RTOL = 2e-6;
    private static final double ATOL = 1e-7;

    private static JsonNode references() throws IOException {
        try (InputStream in = OptimizerReferenceTest.class.getResourceAsStream("/nn/optim.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Function<List<Tensor>, Optimizer> optimizer(String name) {
        return switch (name) {
            case "sgd" -> ps -> new SGD(ps, 0.1);
            case "sgd_momentum" -> ps -> new SGD(ps, 0.1, 0.9);
            case "sgd_dampening_wd" -> ps -> new SGD(ps, 0.05, 0.9, 0.1, 0.01, false);
            case "sgd_nesterov" -> ps -> new SGD(ps, 0.05, 0.9, 0, 0.01, true);
            case "adam" -> ps -> new Adam(ps, 1e-2);
            case "adam_wd_amsgrad" -> ps -> new Adam(ps, 1e-2, 0.8, 0.99, 1e-6, 0.1, true);
            case "adamw" -> ps -> Adam.adamW(ps, 1e-2, 0.9, 0.999, 1e-8, 0.1, false);
            case "adamw_amsgrad" -> ps -> Adam.adamW(ps, 3e-2, 0.9, 0.999, 1e-8, 0.01, true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Tensor tensor(JsonNode values, JsonNode shape) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) values.get(i).doubleValue();
        }
        long[] s = new long[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).longValue();
        }
        return Tensor.fromArray(a, s);
    }

    @TestFactory
    Stream<DynamicTest> followsPyTorchStepByStep() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : references().get("cases")) {
            String name = c.get("name").textValue();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                JsonNode shapes = c.get("shapes");
                List<Tensor> params = new ArrayList<>();
                for (int i = 0; i < shapes.size(); i++) {
                    params.add(tensor(c.get("init").get(i), shapes.get(i)).requiresGrad(true));
                }
                Optimizer opt = optimizer(name).apply(params);
                JsonNode grads = c.get("grads");
                for (int step = 0; step < grads.size(); step++) {
                    for (int i = 0; i < params.size(); i++) {
                        params.get(i).setGrad(tensor(grads.get(step).get(i), shapes.get(i)));
                    }
                    opt.step();
                    for (int i = 0; i < params.size(); i++) {
                        float[] actual = params.get(i).toFloatArray();
                        JsonNode expected = c.get("after").get(step).get(i);
                        for (int k = 0; k < actual.length; k++) {
                            double e = expected.get(k).doubleValue();
                            assertTrue(Math.abs(actual[k] - e) <= ATOL + RTOL * Math.abs(e), name + " step " + step
                                    + " param " + i + "[" + k + "]: expected " + e + " but got " + actual[k]);
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void zeroGradSetsGradientsToNoneByDefault() {
        Tensor p = Tensor.zeros(3).requiresGrad(true);
        SGD sgd = new SGD(List.of(p), 0.1);
        p.setGrad(Tensor.ones(3));
        sgd.zeroGrad(false);
        assertNotNull(p.grad());
        assertEquals(0.0, p.grad().sum().item());
        sgd.zeroGrad();
        assertNull(p.grad());
        sgd.step();
        assertEquals(0.0, p.abs().sum().item(), "parameters without a gradient are left alone");
    }

    @Test
    void stepsRunInPlaceWithoutRecording() {
        Tensor p = Tensor.ones(2).requiresGrad(true);
        int version = p.storage().version();
        Optimizer opt = new Adam(List.of(p), 0.1);
        p.setGrad(Tensor.ones(2));
        opt.step();
        assertTrue(p.isLeaf() && p.requiresGrad());
        assertTrue(p.storage().version() > version, "the update bumps the version counter");
        assertEquals(0.9f, p.toFloatArray()[0], 1e-6f);
        opt.lr(0.01);
        assertEquals(0.01, opt.lr());
    }

    @Test
    void rejectsInvalidHyperparameters() {
        List<Tensor> ps = List.of(Tensor.zeros(2).requiresGrad(true));
        assertThrows(TensorException.class, () -> new SGD(ps, -1));
        assertThrows(TensorException.class, () -> new SGD(ps, 0.1, 0, 0, 0, true));
        assertThrows(TensorException.class, () -> new Adam(ps, 0.1, 1.0, 0.999, 1e-8, 0, false));
        assertThrows(TensorException.class, () -> new Adam(ps, 0.1, 0.9, 0.999, -1, 0, false));
        assertThrows(TensorException.class, () -> new SGD(List.of(), 0.1));
        Tensor p = ps.get(0);
        assertThrows(TensorException.class, () -> new SGD(List.of(p, p), 0.1));
    }
}
