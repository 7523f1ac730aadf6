package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtensor.core.spi.Backends;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the PyTorch-computed reduction cases (test resources {@code conformance/reductions*.jsonl},
 * see the README there) against the Java API: values with the case's tolerance, dtypes, shapes,
 * tuples (max/min with a dim) and errors.
 */
class ReductionsConformanceTest {
    @TestFactory
    Stream<DynamicTest> reductions() throws IOException {
        return cases("reductions.jsonl");
    }

    @TestFactory
    Stream<DynamicTest> reductionCasesOfOtherFiles() throws IOException {
        return cases("reductions-other.jsonl");
    }

    @SuppressWarnings("unchecked")
    private Stream<DynamicTest> cases(String file) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/conformance/" + file)) {
            assertTrue(in != null, "missing test resource conformance/" + file);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> c = (Map<String, Object>) MiniJson.parse(line);
                tests.add(DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
            }
        }
        assertTrue(tests.size() > 10, "too few cases in " + file);
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) {
        String op = (String) c.get("op");
        List<Object> args = (List<Object>) c.get("args");
        Map<String, Object> kw = (Map<String, Object>) c.get("kwargs");
        Object expect = c.get("expect");
        Map<String, Object> tol = (Map<String, Object>) c.get("tol");
        if (expect instanceof Map<?, ?> m && m.containsKey("error")) {
            TensorException e = assertThrows(TensorException.class, () -> call(op, args, kw),
                    "expected an error like: " + m.get("message"));
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        Object actual = call(op, args, kw);
        compare(expect, actual, tol);
    }

    // ---------------------------------------------------------------- the op table

    @SuppressWarnings("unchecked")
    static Object call(String op, List<Object> args, Map<String, Object> kw) {
        Tensor x = tensor(args.get(0));
        Object dim = args.size() > 1 ? args.get(1) : kw.get("dim");
        boolean keepdim = Boolean.TRUE.equals(kw.get("keepdim"));
        DType dtype = kw.get("dtype") instanceof Map<?, ?> m ? DType.fromName((String) m.get("dtype")) : null;
        int[] dims = dim == null ? null
                : dim instanceof List<?> l ? l.stream().mapToInt(o -> ((Long) o).intValue()).toArray()
                : new int[] {((Long) dim).intValue()};
        boolean unbiased = !Boolean.FALSE.equals(kw.get("unbiased"));
        return switch (op) {
            case "sum" -> dims == null ? (dtype == null ? x.sum() : x.sum(dtype)) : x.sum(dims, keepdim, dtype);
            case "mean" -> dims == null ? (dtype == null ? x.mean() : x.mean(dtype)) : x.mean(dims, keepdim, dtype);
            case "prod" -> dim == null ? (dtype == null ? x.prod() : x.prod(dtype)) : x.prod((Long) dim, keepdim, dtype);
            case "max" -> dim == null ? x.max() : x.max((Long) dim, keepdim);
            case "min" -> dim == null ? x.min() : x.min((Long) dim, keepdim);
            case "argmax" -> dim == null ? x.argmax() : x.argmax((Long) dim, keepdim);
            case "argmin" -> dim == null ? x.argmin() : x.argmin((Long) dim, keepdim);
            case "amax" -> dims == null ? x.amax() : x.amax(dims, keepdim);
            case "amin" -> dims == null ? x.amin() : x.amin(dims, keepdim);
            case "logsumexp" -> x.logsumexp(dims, keepdim);
            case "var" -> kw.get("correction") instanceof Number n ? x.var(dims, n.doubleValue(), keepdim)
                    : dims == null ? x.var(unbiased) : x.var(dims, unbiased, keepdim);
            case "std" -> kw.get("correction") instanceof Number n ? x.std(dims, n.doubleValue(), keepdim)
                    : dims == null ? x.std(unbiased) : x.std(dims, unbiased, keepdim);
            case "all" -> dim == null ? x.all() : x.all((Long) dim, keepdim);
            case "any" -> dim == null ? x.any() : x.any((Long) dim, keepdim);
            case "cumsum" -> dtype == null ? x.cumsum((Long) dim) : x.cumsum((Long) dim, dtype);
            default -> throw new AssertionError("no reduction op named " + op);
        };
    }

    // ---------------------------------------------------------------- JSON values

    /** A tensor from {@code {"tensor": {...}}}, over a storage laid out with the given strides if any. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Object json) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) json).get("tensor");
        DType dtype = DType.fromName((String) t.get("dtype"));
        long[] shape = longs((List<Object>) t.get("shape"));
        List<Object> data = (List<Object>) t.get("data");
        long[] strides = t.containsKey("strides") ? longs((List<Object>) t.get("strides"))
                : Shapes.contiguousStrides(shape);
        int size = 1;
        for (int d = 0; d < shape.length; d++) {
            size += (int) ((shape[d] - 1) * strides[d]);
        }
        if (data.isEmpty()) {
            size = 0;
        }
        Object storage = switch (dtype) {
            case FLOAT32 -> new float[size];
            case FLOAT64 -> new double[size];
            case INT64 -> new long[size];
            case INT32 -> new int[size];
            case BOOL -> new boolean[size];
        };
        long[] idx = new long[shape.length];
        for (Object v : data) {
            int off = 0;
            for (int d = 0; d < shape.length; d++) {
                off += (int) (idx[d] * strides[d]);
            }
            switch (storage) {
                case float[] a -> a[off] = (float) number(v);
                case double[] a -> a[off] = number(v);
                case long[] a -> a[off] = (Long) v;
                case int[] a -> a[off] = ((Long) v).intValue();
                case boolean[] a -> a[off] = (Boolean) v;
                default -> throw new AssertionError();
            }
            for (int d = shape.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
                idx[d] = 0;
            }
        }
        return new Tensor(Backends.cpu().fromHost(storage), shape, strides, 0);
    }

    static double number(Object v) {
        return switch (v) {
            case String s when s.equals("nan") -> Double.NaN;
            case String s when s.equals("inf") -> Double.POSITIVE_INFINITY;
            case String s when s.equals("-inf") -> Double.NEGATIVE_INFINITY;
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            default -> throw new AssertionError("not a number: " + v);
        };
    }

    private static long[] longs(List<Object> l) {
        return l.stream().mapToLong(o -> (Long) o).toArray();
    }

    @SuppressWarnings("unchecked")
    static void compare(Object expect, Object actual, Map<String, Object> tol) {
        Map<String, Object> e = (Map<String, Object>) expect;
        if (e.containsKey("tuple")) {
            List<Object> parts = (List<Object>) e.get("tuple");
            if (!(actual instanceof ValuesIndices vi)) {
                fail("expected a tuple, got " + actual);
                return;
            }
            assertEquals(2, parts.size());
            compare(parts.get(0), vi.values(), tol);
            compare(parts.get(1), vi.indices(), tol);
            return;
        }
        Tensor want = tensor(expect);
        Tensor got = (Tensor) actual;
        assertEquals(want.dtype(), got.dtype(), "dtype");
        assertArrayEquals(want.shape(), got.shape(), "shape");
        switch (want.dtype()) {
            case BOOL -> assertArrayEquals(want.toBooleanArray(), got.toBooleanArray(), "values");
            case INT64, INT32 -> assertArrayEquals(want.toLongArray(), got.toLongArray(), "values");
            default -> {
                boolean f32 = want.dtype() == DType.FLOAT32;
                double rtol = tol != null ? number(tol.get("rtol")) : f32 ? 1e-5 : 1e-10;
                double atol = tol != null ? number(tol.get("atol")) : f32 ? 1e-6 : 1e-12;
                double[] w = want.toDoubleArray();
                double[] g = got.toDoubleArray();
                for (int i = 0; i < w.length; i++) {
                    boolean ok = Double.isNaN(w[i]) ? Double.isNaN(g[i])
                            : Double.isInfinite(w[i]) ? w[i] == g[i]
                            : Math.abs(g[i] - w[i]) <= atol + rtol * Math.abs(w[i]);
                    if (!ok) {
                        fail("element " + i + ": expected " + w[i] + ", got " + g[i] + " (rtol " + rtol + ", atol "
                                + atol + ")");
                    }
                }
            }
        }
    }
}
