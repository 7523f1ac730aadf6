package dev.jtensor.ops.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converts the conformance files' JSON values to Java values, and compares results with expectations. */
final class Values {
    private Values() {}

    /** A dtype argument, {@code {"dtype": "int64"}}. */
    record DTypeArg(DType dtype) {}

    /** A slice item inside an index, each part possibly null. */
    record SliceArg(Long start, Long stop, Long step) {}

    /** {@code ...} inside an index. */
    enum Marker { ELLIPSIS, NEWAXIS }

    /** An rng program's seed. */
    record Seed(long seed) {}

    /** The Java value of a JSON argument: Tensor, Long, Double, Boolean, String, null, List, or a record above. */
    static Object fromJson(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(fromJson(e)));
            return list;
        }
        if (n.has("tensor")) {
            return tensor(n.get("tensor"));
        }
        if (n.has("dtype") && n.size() == 1) {
            return new DTypeArg(DType.fromName(n.get("dtype").textValue()));
        }
        if (n.has("slice")) {
            JsonNode s = n.get("slice");
            return new SliceArg(optLong(s.get(0)), optLong(s.get(1)), optLong(s.get(2)));
        }
        if (n.has("ellipsis")) {
            return Marker.ELLIPSIS;
        }
        if (n.has("newaxis")) {
            return Marker.NEWAXIS;
        }
        if (n.has("seed")) {
            return new Seed(n.get("seed").longValue());
        }
        if (n.has("tuple")) {
            return fromJson(n.get("tuple"));
        }
        if (n.isObject()) {
            // A plain object (e.g. an rng call): keep it as JSON for the op to read.
            return n;
        }
        throw new IllegalArgumentException("unknown JSON value " + n);
    }

    private static Long optLong(JsonNode n) {
        return n == null || n.isNull() ? null : n.longValue();
    }

    static double number(JsonNode e) {
        if (e.isTextual()) {
            return switch (e.textValue()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("bad number " + e);
            };
        }
        if (e.isBoolean()) {
            return e.booleanValue() ? 1 : 0;
        }
        return e.doubleValue();
    }

    /** Builds an input tensor; with {@code strides}, over a fresh storage laid out with those strides. */
    static Tensor tensor(JsonNode t) {
        DType dtype = DType.fromName(t.get("dtype").textValue());
        long[] shape = longs(t.get("shape"));
        JsonNode data = t.get("data");
        int n = data.size();
        // The small dtypes' data are exact values: read them as float64 or int64 and cast (exactly).
        DType holder = !dtype.isReduced() ? dtype : dtype.isFloatingPoint() ? DType.FLOAT64 : DType.INT64;
        Object array = switch (holder) {
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) a[i] = (float) number(data.get(i));
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = number(data.get(i));
                yield a;
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) a[i] = data.get(i).longValue();
                yield a;
            }
            case INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) a[i] = data.get(i).intValue();
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = data.get(i).booleanValue();
                yield a;
            }
            default -> throw new IllegalStateException("holder " + holder);
        };
        Tensor contiguous = Tensor.fromArray(array, shape).to(dtype);
        if (!t.has("strides")) {
            return contiguous;
        }
        long[] strides = longs(t.get("strides"));
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
            size += (shape[d] - 1) * strides[d];
        }
        // Place element (i0, i1, ...) at sum(ik * stridek) of a fresh storage; broadcast (stride 0)
        // layouts repeat elements, so write the host array directly rather than copying into a view.
        Object flat = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), (int) Math.max(size, 1));
        long[] index = new long[shape.length];
        for (int i = 0; i < n; i++) {
            long off = 0;
            for (int d = 0; d < shape.length; d++) {
                off += index[d] * strides[d];
            }
            System.arraycopy(array, i, flat, (int) off, 1);
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        Tensor strided = new Tensor(Tensor.fromArray(flat).to(dtype).storage(), shape, strides, 0);
        return strided;
    }

    static long[] longs(JsonNode n) {
        long[] a = new long[n.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = n.get(i).longValue();
        }
        return a;
    }

    /**
     * Compares an op's result with an expectation; returns null when they agree, else a description
     * of the first difference.
     */
    static String compare(Object actual, JsonNode expect, JsonNode tol, String path) {
        if (expect.isNull()) {
            // An absent result (e.g. MultiheadAttention's weights with need_weights=False).
            return actual == null ? null : path + ": expected None, got " + describe(actual);
        }
        if (expect.has("tensor")) {
            if (!(actual instanceof Tensor t)) {
                return path + ": expected a tensor, got " + describe(actual);
            }
            return compareTensor(t, expect.get("tensor"), tol, path);
        }
        if (expect.has("tuple") || expect.isArray()) {
            JsonNode items = expect.has("tuple") ? expect.get("tuple") : expect;
            List<?> list = asList(actual);
            if (list == null) {
                return path + ": expected " + items.size() + " results, got " + describe(actual);
            }
            if (list.size() != items.size()) {
                return path + ": expected " + items.size() + " results, got " + list.size();
            }
            for (int i = 0; i < list.size(); i++) {
                String r = compare(list.get(i), items.get(i), tol, path + "[" + i + "]");
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (expect.has("string")) {
            String want = expect.get("string").textValue();
            String got = String.valueOf(actual);
            return want.equals(got) ? null : path + ": expected string\n" + want + "\nbut got\n" + got;
        }
        if (expect.isNumber() || expect.isBoolean()) {
            double want = number(expect);
            double got = actual instanceof Tensor t ? t.item() : actual instanceof Boolean b ? (b ? 1 : 0)
                    : ((Number) actual).doubleValue();
            return close(got, want, 1e-5, 1e-6) ? null : path + ": expected " + want + " got " + got;
        }
        return path + ": cannot compare with " + expect;
    }

    static List<?> asList(Object o) {
        if (o instanceof List<?> l) {
            return l;
        }
        if (o instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (o instanceof Record r) {
            var comps = r.getClass().getRecordComponents();
            List<Object> out = new ArrayList<>();
            for (var c : comps) {
                try {
                    out.add(c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        return null;
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    }

    static String compareTensor(Tensor t, JsonNode e, JsonNode tol, String path) {
        DType dtype = DType.fromName(e.get("dtype").textValue());
        long[] shape = longs(e.get("shape"));
        if (t.dtype() != dtype) {
            return path + ": dtype " + t.dtype() + " but expected " + dtype;
        }
        if (!Arrays.equals(t.shape(), shape)) {
            return path + ": shape " + Arrays.toString(t.shape()) + " but expected " + Arrays.toString(shape);
        }
        if (e.has("strides")) {
            long[] want = longs(e.get("strides"));
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] > 1 && t.stride(d) != want[d]) {
                    return path + ": strides " + Arrays.toString(t.stride()) + " but expected " + Arrays.toString(want);
                }
            }
        }
        JsonNode data = e.get("data");
        if (dtype.isFloatingPoint()) {
            double rtol = tol != null && tol.has("rtol") ? tol.get("rtol").doubleValue() : defaultRtol(dtype);
            double atol = tol != null && tol.has("atol") ? tol.get("atol").doubleValue() : defaultAtol(dtype);
            double[] got = t.toDoubleArray();
            for (int i = 0; i < got.length; i++) {
                double want = number(data.get(i));
                if (!close(got[i], want, rtol, atol)) {
                    return path + ": element " + i + " is " + got[i] + " but expected " + want
                            + " (rtol " + rtol + ", atol " + atol + ")";
                }
            }
        } else if (dtype == DType.BOOL) {
            boolean[] got = t.toBooleanArray();
            for (int i = 0; i < got.length; i++) {
                if (got[i] != data.get(i).booleanValue()) {
                    return path + ": element " + i + " is " + got[i] + " but expected " + data.get(i);
                }
            }
        } else {
            long[] got = t.toLongArray();
            for (int i = 0; i < got.length; i++) {
                if (got[i] != data.get(i).longValue()) {
                    return path + ": element " + i + " is " + got[i] + " but expected " + data.get(i);
                }
            }
        }
        return null;
    }

    /** Compares two floating tensors (shape, dtype, values within the case's or the default tolerance). */
    static String compareTensors(Tensor got, Tensor want, JsonNode tol, String path) {
        if (got.dtype() != want.dtype() || !Arrays.equals(got.shape(), want.shape())) {
            return path + ": " + got.dtype() + " " + Arrays.toString(got.shape()) + " but expected " + want.dtype() + " "
                    + Arrays.toString(want.shape());
        }
        double rtol = tol != null && tol.has("rtol") ? tol.get("rtol").doubleValue() : defaultRtol(want.dtype());
        double atol = tol != null && tol.has("atol") ? tol.get("atol").doubleValue() : defaultAtol(want.dtype());
        double[] g = got.toDoubleArray();
        double[] w = want.toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            if (!close(g[i], w[i], rtol, atol)) {
                return path + ": element " + i + " is " + g[i] + " but expected " + w[i];
            }
        }
        return null;
    }

    /** The conformance README's default relative tolerance: float64 1e-10, float16 1e-3, bfloat16 8e-3, else 1e-5. */
    static double defaultRtol(DType t) {
        return switch (t) {
            case FLOAT64 -> 1e-10;
            case FLOAT16 -> 1e-3;
            case BFLOAT16 -> 8e-3;
            default -> 1e-5;
        };
    }

    /** The default absolute tolerance: float64 1e-12, float16 and bfloat16 1e-5, else 1e-6. */
    static double defaultAtol(DType t) {
        return switch (t) {
            case FLOAT64 -> 1e-12;
            case FLOAT16, BFLOAT16 -> 1e-5;
            default -> 1e-6;
        };
    }

    static boolean close(double got, double want, double rtol, double atol) {
        if (Double.isNaN(want)) {
            return Double.isNaN(got);
        }
        if (Double.isInfinite(want)) {
            return got == want;
        }
        return Math.abs(got - want) <= atol + rtol * Math.abs(want);
    }
}
