package dev.jtensor.ops.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Autograd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every PyTorch conformance case (one dynamic test each) through {@link OpTable}, and prints
 * one line per file: {@code CONFORMANCE <file> passed=<n> failed=<n> unsupported=<n>}.
 *
 * <p>Cases are read from {@code src/test/resources/conformance} (a copy of the project's set), or from
 * the directory named by the system property {@code conformance.dir} or the environment variable
 * {@code CONFORMANCE_DIR}. Ops listed in {@code conformance-unsupported.txt} are reported as
 * skipped; {@code op#grad} there covers only an op's gradient blocks.
 */
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, int[]> COUNTS = new TreeMap<>();
    private static final Set<String> UNSUPPORTED = loadUnsupported();
    /** Case ids whose recorded gradient is a known PyTorch 1.13 bug (conformance-pytorch-bugs.txt). */
    private static final Set<String> PYTORCH_GRAD_BUGS = loadList("src/test/resources/conformance-pytorch-bugs.txt");

    static Path casesDir() {
        String dir = System.getProperty("conformance.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("CONFORMANCE_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "src/test/resources/conformance" : dir);
    }

    private static Set<String> loadUnsupported() {
        return loadList("src/test/resources/conformance-unsupported.txt");
    }

    /** The first word of each line of a list file, without blank lines and # comments. */
    static Set<String> loadList(String file) {
        Set<String> set = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    set.add(l.split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return set;
    }

    @TestFactory
    Stream<DynamicNode> conformance() throws IOException {
        Path dir = casesDir();
        assertTrue(Files.isDirectory(dir), "no conformance directory at " + dir.toAbsolutePath());
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                String file = p.getFileName().toString();
                COUNTS.put(file, new int[3]);
                List<DynamicTest> tests = new ArrayList<>();
                for (String line : Files.readAllLines(p)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode c = JSON.readTree(line);
                    tests.add(DynamicTest.dynamicTest(c.get("id").textValue(), () -> runCase(file, c)));
                }
                files.add(DynamicContainer.dynamicContainer(file, tests));
            }
        }
        assertTrue(!files.isEmpty(), "no *.jsonl files in " + dir.toAbsolutePath());
        return files.stream();
    }

    @AfterAll
    static void summary() {
        COUNTS.forEach((file, n) -> System.out.println(
                "CONFORMANCE " + file + " passed=" + n[0] + " failed=" + n[1] + " unsupported=" + n[2]));
    }

    private static void runCase(String file, JsonNode c) {
        String op = c.get("op").textValue();
        int[] counts = COUNTS.get(file);
        if (op.startsWith("module:")) {
            runModuleCase(c, op, counts);
            return;
        }
        OpTable.Op fn = OpTable.OPS.get(op);
        if (fn == null || UNSUPPORTED.contains(op)) {
            counts[2]++;
            Assumptions.abort("op '" + op + "' is not yet supported (conformance-unsupported.txt)");
        }
        boolean checkGrad = c.has("grad") && !UNSUPPORTED.contains(op + "#grad");
        try {
            check(c, fn, checkGrad);
            counts[0]++;
        } catch (AssertionError | RuntimeException e) {
            counts[1]++;
            throw new AssertionError(c.get("id").textValue() + ": " + e, e);
        }
    }

    private static void runModuleCase(JsonNode c, String op, int[] counts) {
        OpTable.ModuleOp m = OpTable.MODULES.get(op.substring("module:".length()));
        if (m == null || UNSUPPORTED.contains(op)) {
            counts[2]++;
            Assumptions.abort("module '" + op + "' is not yet supported (conformance-unsupported.txt)");
        }
        try {
            ModuleCases.check(c, m, !UNSUPPORTED.contains(op + "#grad"));
            counts[0]++;
        } catch (AssertionError | RuntimeException e) {
            counts[1]++;
            throw new AssertionError(c.get("id").textValue() + ": " + e, e);
        }
    }

    private static void check(JsonNode c, OpTable.Op fn, boolean checkGrad) {
        JsonNode expect = c.get("expect");
        JsonNode tol = c.get("tol");
        Args args = args(c);
        if (expect.has("error")) {
            try {
                Object r = fn.apply(args);
                fail("expected an error like PyTorch's " + expect.get("error").textValue() + ": "
                        + expect.path("message").asText() + " but got " + r);
            } catch (dev.jtensor.core.TensorException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "error without a message");
            }
            return;
        }
        Object result = fn.apply(args);
        String diff = Values.compare(result, expect, tol, "result");
        if (diff != null) {
            fail(diff);
        }
        if (checkGrad && PYTORCH_GRAD_BUGS.contains(c.get("id").textValue())) {
            checkGradAgainstPytorchBug(c, fn, tol);
        } else if (checkGrad) {
            checkGrad(c, fn, tol);
        }
    }

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

    /**
     * A case whose recorded gradient is a known PyTorch 1.13 bug: the gradient of {@code sum(y * g)}
     * is checked by finite differences in float64 instead, and it must differ from the recorded one
     * (else the bug list entry is stale and should go).
     */
    private static void checkGradAgainstPytorchBug(JsonNode c, OpTable.Op fn, JsonNode tol) {
        JsonNode g = c.get("grad");
        Args args = args(c);
        Tensor outGrad = ((Tensor) Values.fromJson(g.get("out_grad"))).to(dev.jtensor.core.DType.FLOAT64);
        int[] wrt = new int[g.get("wrt").size()];
        Tensor[] inputs = new Tensor[wrt.length];
        for (int i = 0; i < wrt.length; i++) {
            wrt[i] = g.get("wrt").get(i).intValue();
            inputs[i] = args.tensor(wrt[i]).to(dev.jtensor.core.DType.FLOAT64);
        }
        dev.jtensor.ops.autograd.GradCheck.check(in -> {
            List<Object> positional = new ArrayList<>(args.positional());
            for (int i = 0; i < wrt.length; i++) {
                positional.set(wrt[i], in[i]);
            }
            return ((Tensor) fn.apply(new Args(positional, args.kwargs()))).mul(outGrad).sum();
        }, inputs);
        try {
            checkGrad(c, fn, tol);
        } catch (AssertionError expected) {
            return;
        }
        fail("the recorded gradient is listed as a PyTorch bug in conformance-pytorch-bugs.txt, but it agrees: "
                + "remove the entry");
    }

    /** With y = op(args) and g = out_grad, checks d sum(y * g) / d args[wrt]. */
    private static void checkGrad(JsonNode c, OpTable.Op fn, JsonNode tol) {
        assertTrue(Autograd.isAvailable(), "no autograd engine installed");
        JsonNode g = c.get("grad");
        Args args = args(c);
        List<Tensor> wrt = new ArrayList<>();
        for (JsonNode w : g.get("wrt")) {
            Tensor t = args.tensor(w.intValue());
            t.requiresGrad(true);
            wrt.add(t);
        }
        Object y = fn.apply(args);
        Object outGrad = Values.fromJson(g.get("out_grad"));
        if (outGrad instanceof List<?> parts) {
            backwardParts(y, parts);
        } else {
            Tensor out = y instanceof Tensor t ? t : firstTensor(y);
            out.backward((Tensor) outGrad, false);
        }
        JsonNode expected = g.get("expect");
        for (int i = 0; i < wrt.size(); i++) {
            Tensor grad = wrt.get(i).grad();
            if (grad == null) {
                fail("no gradient reached argument " + g.get("wrt").get(i));
            }
            String diff = Values.compare(grad, expected.get(i), tol, "grad[" + i + "]");
            if (diff != null) {
                fail(diff);
            }
        }
    }

    /**
     * A result with several parts and one output gradient per part (null for parts without one):
     * back-propagates {@code sum_i sum(y_i * g_i)}, as the case's gradients are defined.
     */
    static void backwardParts(Object y, List<?> grads) {
        List<?> outs = Values.asList(y);
        assertTrue(outs != null && outs.size() == grads.size(),
                "out_grad has " + grads.size() + " parts, the result is " + y);
        Tensor total = null;
        for (int i = 0; i < grads.size(); i++) {
            if (grads.get(i) instanceof Tensor gi) {
                Tensor term = ((Tensor) outs.get(i)).mul(gi).sum();
                total = total == null ? term : total.add(term);
            }
        }
        assertTrue(total != null, "out_grad gives no gradient for any part");
        total.backward();
    }

    private static Tensor firstTensor(Object y) {
        if (y instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Tensor t) {
            return t;
        }
        if (y instanceof Record r) {
            try {
                return (Tensor) r.getClass().getRecordComponents()[0].getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no tensor result to differentiate: " + y);
    }
}
