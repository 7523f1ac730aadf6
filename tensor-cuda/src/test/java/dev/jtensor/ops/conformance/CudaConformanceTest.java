package dev.jtensor.ops.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.cuda.Cuda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * tensor-ops' PyTorch conformance cases run on the GPU: every tensor argument is moved to
 * {@code cuda:0} before the op (through tensor-ops' own {@link OpTable}), results and gradients are
 * compared with PyTorch's numbers, and tensor results must be on the GPU. Each case is skipped with
 * the probe's reason when no GPU can be used, and with tensor-ops' reason when the op is not yet
 * supported.
 */
class CudaConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Cases seen, run to a pass, and skipped because no GPU can be used. */
    private static final AtomicIntegerArray COUNTS = new AtomicIntegerArray(3);

    @AfterAll
    static void summary() {
        System.out.println("CUDA CONFORMANCE cases=" + COUNTS.get(0) + " passed=" + COUNTS.get(1)
                + (COUNTS.get(2) > 0 ? " skipped-without-gpu=" + COUNTS.get(2) + " (" + Cuda.status() + ")" : ""));
    }

    private static Path property(String name) {
        String p = System.getProperty(name);
        assertTrue(p != null && !p.isBlank(), "system property " + name + " is set by the tensor-cuda pom");
        return Path.of(p);
    }

    private static Set<String> unsupported() throws IOException {
        Set<String> set = new TreeSet<>();
        for (String line : Files.readAllLines(property("conformance.unsupported"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                set.add(l);
            }
        }
        return set;
    }

    @TestFactory
    Stream<DynamicNode> conformanceOnTheGpu() throws IOException {
        Path dir = property("conformance.dir");
        Set<String> unsupported = unsupported();
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                List<DynamicTest> tests = new ArrayList<>();
                for (String line : Files.readAllLines(p)) {
                    if (!line.isBlank()) {
                        JsonNode c = JSON.readTree(line);
                        tests.add(DynamicTest.dynamicTest(c.get("id").textValue(), () -> runCase(c, unsupported)));
                    }
                }
                files.add(DynamicContainer.dynamicContainer(p.getFileName().toString(), tests));
            }
        }
        assertTrue(!files.isEmpty(), "no *.jsonl files in " + dir.toAbsolutePath());
        return files.stream();
    }

    private static void runCase(JsonNode c, Set<String> unsupported) throws IOException {
        COUNTS.incrementAndGet(0);
        if (!Cuda.isAvailable()) {
            COUNTS.incrementAndGet(2);
        }
        Assumptions.assumeTrue(Cuda.isAvailable(), Cuda::status);
        String op = c.get("op").textValue();
        OpTable.Op fn = OpTable.OPS.get(op);
        Assumptions.assumeTrue(fn != null && !unsupported.contains(op),
                () -> "op '" + op + "' is not yet supported (conformance-unsupported.txt)");
        Device gpu = Device.cuda();
        Args args = onGpu(args(c), gpu);
        Assumptions.assumeTrue(hasTensor(args.positional()) || hasTensor(new ArrayList<>(args.kwargs().values())),
                "no tensor argument: nothing of this case runs on the GPU");
        JsonNode expect = op.equals("repr") ? reprOnCuda(c.get("id").textValue()) : c.get("expect");
        JsonNode tol = c.get("tol");
        if (expect.has("error")) {
            try {
                Object r = fn.apply(args);
                fail("expected an error like PyTorch's " + expect.get("error").textValue() + ": "
                        + expect.path("message").asText() + " but got " + r);
            } catch (TensorException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "error without a message");
            }
            return;
        }
        Object result = fn.apply(args);
        assertOnGpu(result, gpu);
        String diff = Values.compare(result, expect, tol, "result");
        if (diff != null) {
            fail(diff);
        }
        if (c.has("grad") && !unsupported.contains(op + "#grad")) {
            checkGrad(c, fn, tol, gpu);
        }
        COUNTS.incrementAndGet(1);
    }

    /**
     * PyTorch's repr of a repr case's tensor on {@code cuda:0} (the case holds the CPU one): the same
     * text with PyTorch's {@code device='cuda:0'} suffix, from {@code conformance-gpu/repr-cuda.jsonl}
     * (made with PyTorch's own printing code by {@code make_repr_on_cuda.py} beside it).
     */
    static JsonNode reprOnCuda(String id) throws IOException {
        synchronized (CudaConformanceTest.class) {
            if (reprOnCuda == null) {
                Map<String, JsonNode> m = new LinkedHashMap<>();
                try (var in = CudaConformanceTest.class.getResourceAsStream("/conformance-gpu/repr-cuda.jsonl")) {
                    assertTrue(in != null, "conformance-gpu/repr-cuda.jsonl is on the test class path");
                    for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            JsonNode n = JSON.readTree(line);
                            m.put(n.get("id").textValue(), n);
                        }
                    }
                }
                reprOnCuda = m;
            }
        }
        JsonNode n = reprOnCuda.get(id);
        assertTrue(n != null, "no GPU repr for " + id + " in conformance-gpu/repr-cuda.jsonl (rerun make_repr_on_cuda.py)");
        return JSON.createObjectNode().put("string", n.get("string").textValue());
    }

    private static Map<String, JsonNode> reprOnCuda;

    private static Args args(JsonNode c) {
        List<Object> positional = new ArrayList<>();
        c.get("args").forEach(a -> positional.add(Values.fromJson(a)));
        Map<String, Object> kwargs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = c.get("kwargs").fields();
        while (it.hasNext()) {
            var e = it.next();
            kwargs.put(e.getKey(), Values.fromJson(e.getValue()));
        }
        return new Args(positional, kwargs);
    }

    /** The same arguments with every tensor (also inside lists) moved to the GPU. */
    static Args onGpu(Args a, Device gpu) {
        List<Object> positional = new ArrayList<>();
        for (Object o : a.positional()) {
            positional.add(move(o, gpu));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        a.kwargs().forEach((k, v) -> kwargs.put(k, move(v, gpu)));
        return new Args(positional, kwargs);
    }

    private static Object move(Object o, Device gpu) {
        if (o instanceof Tensor t) {
            return t.to(gpu);
        }
        if (o instanceof List<?> l) {
            List<Object> moved = new ArrayList<>();
            for (Object e : l) {
                moved.add(move(e, gpu));
            }
            return moved;
        }
        return o;
    }

    private static boolean hasTensor(List<?> values) {
        for (Object o : values) {
            if (o instanceof Tensor || (o instanceof List<?> l && hasTensor(l))) {
                return true;
            }
        }
        return false;
    }

    private static void assertOnGpu(Object result, Device gpu) {
        if (result instanceof Tensor t) {
            assertEquals(gpu, t.device(), "the result of a GPU op lives on the GPU");
        } else if (result instanceof List<?> l) {
            l.forEach(e -> assertOnGpu(e, gpu));
        } else if (result instanceof Tensor[] ts) {
            for (Tensor t : ts) {
                assertOnGpu(t, gpu);
            }
        }
    }

    /** With y = op(args) and g = out_grad, checks d sum(y * g) / d args[wrt], all on the GPU. */
    private static void checkGrad(JsonNode c, OpTable.Op fn, JsonNode tol, Device gpu) {
        JsonNode g = c.get("grad");
        Args args = onGpu(args(c), gpu);
        List<Tensor> wrt = new ArrayList<>();
        for (JsonNode w : g.get("wrt")) {
            Tensor t = args.tensor(w.intValue());
            t.requiresGrad(true);
            wrt.add(t);
        }
        Object y = fn.apply(args);
        Object outGrad = onGpu(new Args(List.of(Values.fromJson(g.get("out_grad"))), Map.of()), gpu).get(0);
        if (outGrad instanceof List<?> parts) {
            ConformanceTest.backwardParts(y, parts);
        } else {
            Tensor out = y instanceof Tensor t ? t : y instanceof List<?> l ? (Tensor) l.getFirst() : ((Tensor[]) y)[0];
            out.backward((Tensor) outGrad, false);
        }
        // A gradient recorded from a known PyTorch bug is compared with the CPU's instead, which
        // tensor-ops' runner checks by finite differences.
        List<Tensor> cpuGrads = bugListed(c) ? cpuGradients(c, fn) : null;
        JsonNode expected = g.get("expect");
        for (int i = 0; i < wrt.size(); i++) {
            Tensor grad = wrt.get(i).grad();
            if (grad == null) {
                fail("no gradient reached argument " + g.get("wrt").get(i));
            }
            assertEquals(gpu, grad.device(), "gradients of GPU tensors live on the GPU");
            String diff = cpuGrads != null
                    ? Values.compareTensors(grad.to(Device.CPU), cpuGrads.get(i), tol, "grad[" + i + "]")
                    : Values.compare(grad, expected.get(i), tol, "grad[" + i + "]");
            if (diff != null) {
                fail(diff);
            }
        }
    }

    private static boolean bugListed(JsonNode c) {
        Path list = property("conformance.unsupported").resolveSibling("conformance-pytorch-bugs.txt");
        return ConformanceTest.loadList(list.toString()).contains(c.get("id").textValue());
    }

    /** The case's gradients computed on the CPU. */
    private static List<Tensor> cpuGradients(JsonNode c, OpTable.Op fn) {
        JsonNode g = c.get("grad");
        Args args = args(c);
        List<Tensor> wrt = new ArrayList<>();
        for (JsonNode w : g.get("wrt")) {
            wrt.add(args.tensor(w.intValue()).requiresGrad(true));
        }
        Object y = fn.apply(args);
        Tensor out = y instanceof Tensor t ? t : y instanceof List<?> l ? (Tensor) l.getFirst() : ((Tensor[]) y)[0];
        out.backward((Tensor) Values.fromJson(g.get("out_grad")), false);
        return wrt.stream().map(Tensor::grad).toList();
    }
}
