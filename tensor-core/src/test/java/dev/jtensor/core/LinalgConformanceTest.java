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
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The values of the PyTorch conformance cases of the linear algebra ops (copied into the test
 * resources, see {@code conformance/README.md}): each case's result must match PyTorch's dtype,
 * shape and values within the case's tolerance, and each error case must throw.
 */
class LinalgConformanceTest {
    @TestFactory
    Stream<DynamicTest> values() throws IOException {
        return cases("conformance/linalg.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> runValueCase(c)));
    }

    @TestFactory
    Stream<DynamicTest> errors() throws IOException {
        return cases("conformance/linalg-errors.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> runErrorCase(c)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String resource) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (InputStream in = LinalgConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "missing test resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add((Map<String, Object>) MiniJson.parse(line));
                }
            }
        }
        assertTrue(out.size() > 10, "too few cases in " + resource);
        return out;
    }

    static BinaryOperator<Tensor> op(String name) {
        return switch (name) {
            case "matmul" -> Tensor::matmul;
            case "mm" -> Tensor::mm;
            case "bmm" -> Tensor::bmm;
            case "dot" -> Tensor::dot;
            case "mv" -> Tensor::mv;
            case "outer" -> Tensor::outer;
            default -> throw new AssertionError("op not in the linalg table: " + name);
        };
    }

    @SuppressWarnings("unchecked")
    private static void runValueCase(Map<String, Object> c) {
        List<Object> args = (List<Object>) c.get("args");
        Tensor result = op((String) c.get("op")).apply(tensor(args.get(0)), tensor(args.get(1)));
        Map<String, Object> expect = (Map<String, Object>) ((Map<String, Object>) c.get("expect")).get("tensor");
        Map<String, Object> tol = (Map<String, Object>) c.get("tol");
        assertClose(expect, tol, result);
    }

    @SuppressWarnings("unchecked")
    private static void runErrorCase(Map<String, Object> c) {
        List<Object> args = (List<Object>) c.get("args");
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        assertTrue(expect.containsKey("error"), "not an error case");
        BinaryOperator<Tensor> f = op((String) c.get("op"));
        Tensor a = tensor(args.get(0));
        Tensor b = tensor(args.get(1));
        TensorException e = assertThrows(TensorException.class, () -> f.apply(a, b));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    /** A tensor from a conformance value, laid out over its {@code strides} when given. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Object value) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) value).get("tensor");
        DType dtype = DType.fromName((String) t.get("dtype"));
        long[] shape = longs((List<Object>) t.get("shape"));
        List<Object> data = (List<Object>) t.get("data");
        long[] strides = t.containsKey("strides") ? longs((List<Object>) t.get("strides")) : Shapes.contiguousStrides(shape);
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
            size += Math.max(shape[d] - 1, 0) * strides[d];
        }
        Object array = switch (dtype) {
            case FLOAT32 -> new float[(int) size];
            case FLOAT64 -> new double[(int) size];
            case INT64 -> new long[(int) size];
            case INT32 -> new int[(int) size];
            case BOOL -> new boolean[(int) size];
        };
        long[] idx = new long[shape.length];
        for (Object v : data) {
            long off = 0;
            for (int d = 0; d < shape.length; d++) {
                off += idx[d] * strides[d];
            }
            int o = (int) off;
            switch (array) {
                case float[] a -> a[o] = (float) number(v);
                case double[] a -> a[o] = number(v);
                case long[] a -> a[o] = ((Number) v).longValue();
                case int[] a -> a[o] = ((Number) v).intValue();
                case boolean[] a -> a[o] = (Boolean) v;
                default -> throw new AssertionError();
            }
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new Tensor(Backends.cpu().fromHost(array), shape, strides, 0);
    }

    static double number(Object v) {
        return switch (v) {
            case String s when s.equals("nan") -> Double.NaN;
            case String s when s.equals("inf") -> Double.POSITIVE_INFINITY;
            case String s when s.equals("-inf") -> Double.NEGATIVE_INFINITY;
            case Number n -> n.doubleValue();
            default -> throw new AssertionError("not a number: " + v);
        };
    }

    static long[] longs(List<Object> l) {
        long[] r = new long[l.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ((Number) l.get(i)).longValue();
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static void assertClose(Map<String, Object> expect, Map<String, Object> tol, Tensor actual) {
        DType dtype = DType.fromName((String) expect.get("dtype"));
        assertEquals(dtype, actual.dtype(), "dtype");
        assertArrayEquals(longs((List<Object>) expect.get("shape")), actual.shape(), "shape");
        List<Object> data = (List<Object>) expect.get("data");
        if (!dtype.isFloatingPoint()) {
            long[] got = actual.toLongArray();
            for (int i = 0; i < got.length; i++) {
                long e = v(data.get(i));
                if (got[i] != e) {
                    fail("element " + i + ": expected " + e + " but got " + got[i]);
                }
            }
            return;
        }
        double rtol = dtype == DType.FLOAT32 ? 1e-5 : 1e-10;
        double atol = dtype == DType.FLOAT32 ? 1e-6 : 1e-12;
        if (tol != null) {
            rtol = number(tol.get("rtol"));
            atol = number(tol.get("atol"));
        }
        double[] got = actual.toDoubleArray();
        assertEquals(data.size(), got.length, "element count");
        for (int i = 0; i < got.length; i++) {
            double e = number(data.get(i));
            double a = got[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? a == e : Math.abs(a - e) <= atol + rtol * Math.abs(e);
            if (!ok) {
                fail("element " + i + ": expected " + e + " but got " + a + " (rtol " + rtol + ", atol " + atol + ")");
            }
        }
    }

    private static long v(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).longValue();
    }
}
