package dev.jtensor.core;

import dev.jtensor.core.cpu.CpuStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the conformance test data: JSON-lines resources and the tensors they describe. */
final class ConformanceTensors {
    private ConformanceTensors() {}

    /** The cases of a {@code .jsonl} test resource, one parsed object per non-blank line. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readCases(String resource) throws IOException {
        try (InputStream in = ConformanceTensors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            List<Map<String, Object>> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    cases.add((Map<String, Object>) Json.parse(line));
                }
            }
            return cases;
        }
    }

    /**
     * The tensor of a {@code {"tensor": {"dtype", "shape", "data", "strides"?}}} value. With strides, the
     * row-major data is placed over a fresh storage of {@code 1 + sum((size-1)*stride)} elements.
     */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Object value) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) value).get("tensor");
        DType dtype = DType.fromName((String) t.get("dtype"));
        long[] shape = longs((List<Object>) t.get("shape"));
        List<Object> data = (List<Object>) t.get("data");
        Tensor dense = Tensor.fromArray(hostArray(dtype, data), shape);
        if (!t.containsKey("strides")) {
            return dense;
        }
        long[] strides = longs((List<Object>) t.get("strides"));
        long span = 1;
        for (int d = 0; d < shape.length; d++) {
            span += (shape[d] - 1) * strides[d];
        }
        Tensor strided = new Tensor(CpuStorage.allocate(dtype, span), shape, strides, 0);
        return strided.copy_(dense);
    }

    private static Object hostArray(DType dtype, List<Object> data) {
        int n = data.size();
        switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) number(data.get(i));
                }
                return a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = number(data.get(i));
                }
                return a;
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (Long) data.get(i);
                }
                return a;
            }
            case INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = Math.toIntExact((Long) data.get(i));
                }
                return a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (Boolean) data.get(i);
                }
                return a;
            }
            default -> throw new IllegalArgumentException("dtype " + dtype);
        }
    }

    /** A JSON number, or one of the strings {@code "nan"}, {@code "inf"}, {@code "-inf"}. */
    static double number(Object v) {
        return switch (v) {
            case Number n -> n.doubleValue();
            case String s when s.equals("nan") -> Double.NaN;
            case String s when s.equals("inf") -> Double.POSITIVE_INFINITY;
            case String s when s.equals("-inf") -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a number: " + v);
        };
    }

    private static long[] longs(List<Object> list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Long) list.get(i);
        }
        return out;
    }
}
