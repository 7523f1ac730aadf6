package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the PyTorch 1.13.1 conformance cases of the indexing ops (copied into the test resources,
 * see {@code conformance/README.md}) against the Java API: every value, dtype, shape and, for
 * views, stride must match, and every input PyTorch rejects must throw a {@link TensorException}.
 * Gradients in the cases are checked by the autograd tests, not here.
 */
class IndexingConformanceTest {
    /** Ops in indexing.jsonl that the elementwise area implements and tests. */
    private static final Set<String> OTHER_AREAS = Set.of("where", "masked_fill");

    @TestFactory
    Stream<DynamicTest> indexingCases() throws IOException {
        return cases("indexing.jsonl").stream()
                .filter(c -> !OTHER_AREAS.contains((String) c.get("op")))
                .map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
    }

    @TestFactory
    Stream<DynamicTest> errorCases() throws IOException {
        return cases("errors-indexing.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
    }

    @Test
    void everyOpOfTheFilesIsCovered() throws IOException {
        Set<String> ops = new TreeSet<>();
        for (Map<String, Object> c : cases("indexing.jsonl")) {
            ops.add((String) c.get("op"));
        }
        for (Map<String, Object> c : cases("errors-indexing.jsonl")) {
            ops.add((String) c.get("op"));
        }
        ops.removeAll(OTHER_AREAS);
        assertEquals(new TreeSet<>(List.of("gather", "index", "index_add", "index_put", "index_put_accumulate",
                "index_select", "masked_select", "nonzero", "scatter", "scatter_add")), ops);
        assertTrue(cases("indexing.jsonl").size() >= 236);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (var in = IndexingConformanceTest.class.getResourceAsStream("/conformance/" + file);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add((Map<String, Object>) MiniJson.parse(line));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) {
        String op = (String) c.get("op");
        List<Object> args = (List<Object>) c.get("args");
        Map<String, Object> kwargs = (Map<String, Object>) c.get("kwargs");
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        Function<Void, Object> call = v -> call(op, args, kwargs);
        if (expect.containsKey("error")) {
            TensorException e = assertThrows(TensorException.class, () -> call.apply(null),
                    "PyTorch raised " + expect.get("message"));
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        Object actual = call.apply(null);
        Map<String, Object> tol = (Map<String, Object>) c.get("tol");
        if (expect.containsKey("tuple")) {
            List<Object> parts = (List<Object>) expect.get("tuple");
            Tensor[] got = (Tensor[]) actual;
            assertEquals(parts.size(), got.length, "tuple length");
            for (int i = 0; i < got.length; i++) {
                compare((Map<String, Object>) ((Map<String, Object>) parts.get(i)).get("tensor"), got[i], tol);
            }
        } else {
            compare((Map<String, Object>) expect.get("tensor"), (Tensor) actual, tol);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object call(String op, List<Object> args, Map<String, Object> kwargs) {
        Tensor x = tensor(args.get(0));
        return switch (op) {
            case "index" -> x.index(items((List<Object>) args.get(1)));
            case "index_put" -> x.indexPut(items((List<Object>) args.get(1)), value(args.get(2), x.dtype()));
            case "index_put_accumulate" -> x.indexPut(items((List<Object>) args.get(1)), value(args.get(2), x.dtype()), true);
            case "masked_select" -> x.maskedSelect(tensor(args.get(1)));
            case "gather" -> x.gather(num(args.get(1)), tensor(args.get(2)));
            case "scatter" -> kwargs.containsKey("value")
                    ? x.scatter(num(args.get(1)), tensor(args.get(2)), ((Number) kwargs.get("value")).doubleValue())
                    : x.scatter(num(args.get(1)), tensor(args.get(2)), tensor(args.get(3)));
            case "scatter_add" -> x.scatterAdd(num(args.get(1)), tensor(args.get(2)), tensor(args.get(3)));
            case "index_select" -> x.indexSelect(num(args.get(1)), tensor(args.get(2)));
            case "index_add" -> x.indexAdd(num(args.get(1)), tensor(args.get(2)), tensor(args.get(3)),
                    kwargs.containsKey("alpha") ? ((Number) kwargs.get("alpha")).doubleValue() : 1);
            case "nonzero" -> Boolean.TRUE.equals(kwargs.get("as_tuple")) ? x.nonzeroAsTuple() : x.nonzero();
            default -> throw new AssertionError("no mapping for op " + op);
        };
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    /** A Python scalar as Python's {@code x[idx] = v} converts it; a tensor as is. */
    private static Tensor value(Object o, DType dtype) {
        return switch (o) {
            case Long l -> Tensor.scalar(l);
            case Double d -> Tensor.scalar(d, dtype);
            default -> tensor(o);
        };
    }

    @SuppressWarnings("unchecked")
    private static Index[] items(List<Object> list) {
        Index[] out = new Index[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            if (o instanceof Long l) {
                out[i] = Index.at(l);
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) o;
            if (m.containsKey("slice")) {
                List<Object> s = (List<Object>) m.get("slice");
                out[i] = Index.slice((Long) s.get(0), (Long) s.get(1), (Long) s.get(2));
            } else if (m.containsKey("ellipsis")) {
                out[i] = Index.ellipsis();
            } else if (m.containsKey("newaxis")) {
                out[i] = Index.newAxis();
            } else {
                out[i] = Index.tensor(tensor(m));
            }
        }
        return out;
    }

    /** A tensor value; one with {@code strides} is built over a fresh storage with those strides. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Object value) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) value).get("tensor");
        DType dtype = DType.fromName((String) t.get("dtype"));
        long[] shape = ((List<Object>) t.get("shape")).stream().mapToLong(o -> (Long) o).toArray();
        List<Object> data = (List<Object>) t.get("data");
        int n = data.size();
        long[] strides = t.containsKey("strides")
                ? ((List<Object>) t.get("strides")).stream().mapToLong(o -> (Long) o).toArray()
                : Shapes.contiguousStrides(shape);
        long storageSize = 1;
        for (int d = 0; d < shape.length; d++) {
            storageSize += (shape[d] - 1) * strides[d];
        }
        if (n == 0) {
            storageSize = 0;
        }
        int[] at = new int[n];
        long[] idx = new long[shape.length];
        for (int i = 0; i < n; i++) {
            long off = 0;
            for (int d = 0; d < shape.length; d++) {
                off += idx[d] * strides[d];
            }
            at[i] = (int) off;
            for (int d = shape.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
                idx[d] = 0;
            }
        }
        Object array = switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[(int) storageSize];
                for (int i = 0; i < n; i++) a[at[i]] = (float) toDouble(data.get(i));
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[(int) storageSize];
                for (int i = 0; i < n; i++) a[at[i]] = toDouble(data.get(i));
                yield a;
            }
            case INT64 -> {
                long[] a = new long[(int) storageSize];
                for (int i = 0; i < n; i++) a[at[i]] = (Long) data.get(i);
                yield a;
            }
            case INT32 -> {
                int[] a = new int[(int) storageSize];
                for (int i = 0; i < n; i++) a[at[i]] = (int) (long) (Long) data.get(i);
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[(int) storageSize];
                for (int i = 0; i < n; i++) a[at[i]] = (Boolean) data.get(i);
                yield a;
            }
        };
        Tensor flat = Tensor.fromArray(array, storageSize);
        return new Tensor(flat.storage(), shape, strides, 0);
    }

    private static double toDouble(Object o) {
        return switch (o) {
            case Number x -> x.doubleValue();
            case String s when s.equals("nan") -> Double.NaN;
            case String s when s.equals("inf") -> Double.POSITIVE_INFINITY;
            case String s when s.equals("-inf") -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a number: " + o);
        };
    }

    @SuppressWarnings("unchecked")
    private static void compare(Map<String, Object> expected, Tensor actual, Map<String, Object> tol) {
        DType dtype = DType.fromName((String) expected.get("dtype"));
        long[] shape = ((List<Object>) expected.get("shape")).stream().mapToLong(o -> (Long) o).toArray();
        assertEquals(dtype, actual.dtype(), "dtype");
        assertArrayEquals(shape, actual.shape(), "shape");
        if (expected.containsKey("strides")) {
            long[] strides = ((List<Object>) expected.get("strides")).stream().mapToLong(o -> (Long) o).toArray();
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] > 1 && strides[d] != actual.stride(d)) {
                    fail("stride of dim " + d + ": expected " + java.util.Arrays.toString(strides) + " got "
                            + java.util.Arrays.toString(actual.stride()));
                }
            }
        }
        List<Object> data = (List<Object>) expected.get("data");
        double[] got = actual.toDoubleArray();
        assertEquals(data.size(), got.length, "element count");
        double rtol = dtype == DType.FLOAT64 ? 1e-10 : 1e-5;
        double atol = dtype == DType.FLOAT64 ? 1e-12 : 1e-6;
        if (tol != null) {
            rtol = ((Number) tol.get("rtol")).doubleValue();
            atol = ((Number) tol.get("atol")).doubleValue();
        }
        for (int i = 0; i < got.length; i++) {
            Object e = data.get(i);
            if (e instanceof Boolean b) {
                assertEquals(b ? 1.0 : 0.0, got[i], "element " + i);
            } else if (!dtype.isFloatingPoint()) {
                assertEquals((double) (Long) e, got[i], "element " + i);
            } else {
                double ev = toDouble(e);
                boolean ok = Double.isNaN(ev) ? Double.isNaN(got[i])
                        : Double.isInfinite(ev) ? ev == got[i] : Math.abs(got[i] - ev) <= atol + rtol * Math.abs(ev);
                assertTrue(ok, "element " + i + ": expected " + ev + " got " + got[i]);
            }
        }
    }
}
