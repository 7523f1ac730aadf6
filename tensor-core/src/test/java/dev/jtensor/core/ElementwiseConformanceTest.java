package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the PyTorch conformance cases of the elementwise ops (copies under
 * {@code src/test/resources/conformance}, computed by PyTorch 1.13.1) against the Java API: values,
 * dtypes, shapes and errors. Cases of other areas' ops in these files (the row sums of the
 * broadcasting exercise, reductions in promotion.jsonl) are reported as skipped. Prints one
 * {@code CONFORMANCE} line per file.
 */
class ElementwiseConformanceTest {
    private static final String[] FILES = {"elementwise.jsonl", "promotion.jsonl", "elementwise-other-files.jsonl"};
    private static final Set<String> OTHER_AREAS = Set.of("sum", "mean", "prod", "cumsum");
    private static final Map<String, int[]> COUNTS = new TreeMap<>();

    @TestFactory
    Stream<DynamicNode> cases() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        for (String file : FILES) {
            int[] counts = new int[3];
            COUNTS.put(file, counts);
            List<DynamicTest> tests = new ArrayList<>();
            for (String line : lines(file)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) MiniJson.parse(line);
                tests.add(DynamicTest.dynamicTest((String) c.get("id"), () -> runCase(c, counts)));
            }
            assertTrue(tests.size() > 10, "too few cases in " + file);
            files.add(DynamicContainer.dynamicContainer(file, tests));
        }
        return files.stream();
    }

    @AfterAll
    static void summary() {
        COUNTS.forEach((file, n) -> System.out.println(
                "CONFORMANCE " + file + " passed=" + n[0] + " failed=" + n[1] + " unsupported=" + n[2]));
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = ElementwiseConformanceTest.class.getResourceAsStream("/conformance/" + file)) {
            assertTrue(in != null, "missing test resource conformance/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static void runCase(Map<String, Object> c, int[] counts) {
        String op = (String) c.get("op");
        if (OTHER_AREAS.contains(op)) {
            counts[2]++;
            Assumptions.abort("op '" + op + "' belongs to another area");
        }
        try {
            List<Object> args = new ArrayList<>();
            for (Object a : (List<Object>) c.get("args")) {
                args.add(value(a));
            }
            Map<String, Object> kw = new TreeMap<>();
            ((Map<String, Object>) c.get("kwargs")).forEach((k, v) -> kw.put(k, value(v)));
            Map<String, Object> expect = (Map<String, Object>) c.get("expect");
            if (expect.containsKey("error")) {
                assertThrows(TensorException.class, () -> call(op, args, kw),
                        "PyTorch raises " + expect.get("error") + ": " + expect.get("message"));
            } else {
                Tensor result = call(op, args, kw);
                compare(result, (Map<String, Object>) expect.get("tensor"), (Map<String, Object>) c.get("tol"));
            }
            counts[0]++;
        } catch (AssertionError | RuntimeException e) {
            counts[1]++;
            throw e;
        }
    }

    // ------------------------------------------------------------------ the op table

    private static Tensor call(String op, List<Object> a, Map<String, Object> kw) {
        Tensor x = a.get(0) instanceof Tensor t ? t : null;
        return switch (op) {
            case "add" -> kw.containsKey("alpha") ? addAlpha(x, a.get(1), (Number) kw.get("alpha"), true)
                    : switch (a.get(1)) {
                        case Tensor t -> x.add(t);
                        case Long l -> x.add(l);
                        case Double d -> x.add(d);
                        case Boolean b -> x.add(b);
                        default -> throw new IllegalArgumentException(String.valueOf(a.get(1)));
                    };
            case "sub" -> kw.containsKey("alpha") ? addAlpha(x, a.get(1), (Number) kw.get("alpha"), false)
                    : switch (a.get(1)) {
                        case Tensor t -> x.sub(t);
                        case Long l -> x.sub(l);
                        case Double d -> x.sub(d);
                        case Boolean b -> x.sub(b);
                        default -> throw new IllegalArgumentException(String.valueOf(a.get(1)));
                    };
            case "mul" -> switch (a.get(1)) {
                case Tensor t -> x.mul(t);
                case Long l -> x.mul(l);
                case Double d -> x.mul(d);
                case Boolean b -> x.mul(b);
                default -> throw new IllegalArgumentException(String.valueOf(a.get(1)));
            };
            case "div" -> {
                String mode = (String) kw.get("rounding_mode");
                yield switch (a.get(1)) {
                    case Tensor t -> mode == null ? x.div(t) : x.div(t, mode);
                    case Long l -> mode == null ? x.div(l) : x.div(l, mode);
                    case Double d -> mode == null ? x.div(d) : x.div(d, mode);
                    case Boolean b -> x.div(b);
                    default -> throw new IllegalArgumentException(String.valueOf(a.get(1)));
                };
            }
            case "remainder" -> switch (a.get(1)) {
                case Tensor t -> x.remainder(t);
                case Long l -> x.remainder(l);
                case Double d -> x.remainder(d);
                default -> throw new IllegalArgumentException(String.valueOf(a.get(1)));
            };
            case "pow" -> switch (a.get(0)) {
                case Long base -> Tensor.pow(base, (Tensor) a.get(1));
                case Double base -> Tensor.pow(base, (Tensor) a.get(1));
                default -> switch (a.get(1)) {
                    case Tensor t -> x.pow(t);
                    case Long l -> x.pow(l);
                    case Double d -> x.pow(d);
                    default -> throw new IllegalArgumentException(String.valueOf(a.get(1)));
                };
            };
            case "maximum" -> x.maximum((Tensor) a.get(1));
            case "minimum" -> x.minimum((Tensor) a.get(1));
            case "eq", "ne", "lt", "le", "gt", "ge" -> compareOp(op, x, a.get(1));
            case "logical_and" -> x.logicalAnd((Tensor) a.get(1));
            case "logical_or" -> x.logicalOr((Tensor) a.get(1));
            case "logical_not" -> x.logicalNot();
            case "neg" -> x.neg();
            case "abs" -> x.abs();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "log1p" -> x.log1p();
            case "sqrt" -> x.sqrt();
            case "rsqrt" -> x.rsqrt();
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "gelu" -> x.gelu(kw.containsKey("approximate") ? (String) kw.get("approximate") : "none");
            case "floor" -> x.floor();
            case "ceil" -> x.ceil();
            case "round" -> kw.containsKey("decimals") ? x.round((Long) kw.get("decimals")) : x.round();
            case "reciprocal" -> x.reciprocal();
            case "clamp" -> {
                Object min = a.size() > 1 ? a.get(1) : kw.get("min");
                Object max = a.size() > 2 ? a.get(2) : kw.get("max");
                yield min instanceof Tensor || max instanceof Tensor ? x.clamp((Tensor) min, (Tensor) max)
                        : x.clamp((Number) min, (Number) max);
            }
            case "where" -> {
                Tensor cond = x;
                Object p = a.get(1);
                Object q = a.get(2);
                if (p instanceof Tensor pt && q instanceof Tensor qt) {
                    yield Tensor.where(cond, pt, qt);
                }
                if (p instanceof Tensor pt) {
                    yield q instanceof Long l ? Tensor.where(cond, pt, l) : Tensor.where(cond, pt, ((Number) q).doubleValue());
                }
                Tensor qt = (Tensor) q;
                yield p instanceof Long l ? Tensor.where(cond, l, qt) : Tensor.where(cond, ((Number) p).doubleValue(), qt);
            }
            case "masked_fill" -> {
                Tensor mask = (Tensor) a.get(1);
                yield switch (a.get(2)) {
                    case Tensor v -> x.maskedFill(mask, v);
                    case Long l -> x.maskedFill(mask, l);
                    case Double d -> x.maskedFill(mask, d);
                    case Boolean b -> x.maskedFill(mask, b);
                    default -> throw new IllegalArgumentException(String.valueOf(a.get(2)));
                };
            }
            case "tril" -> a.size() > 1 ? x.tril((Long) a.get(1)) : x.tril((Long) kw.getOrDefault("diagonal", 0L));
            case "triu" -> a.size() > 1 ? x.triu((Long) a.get(1)) : x.triu((Long) kw.getOrDefault("diagonal", 0L));
            case "to" -> x.to((DType) a.get(1));
            default -> throw new IllegalArgumentException("no mapping for op " + op);
        };
    }

    private static Tensor addAlpha(Tensor x, Object other, Number alpha, boolean add) {
        if (other instanceof Tensor t) {
            return alpha instanceof Long l ? (add ? x.add(t, l) : x.sub(t, l))
                    : (add ? x.add(t, alpha.doubleValue()) : x.sub(t, alpha.doubleValue()));
        }
        // A Python scalar other: alpha * other is a Python number too.
        if (other instanceof Long o && alpha instanceof Long l) {
            return add ? x.add(l * o) : x.sub(l * o);
        }
        double scaled = alpha.doubleValue() * ((Number) other).doubleValue();
        return add ? x.add(scaled) : x.sub(scaled);
    }

    private static Tensor compareOp(String op, Tensor x, Object other) {
        return switch (other) {
            case Tensor t -> switch (op) {
                case "eq" -> x.eq(t);
                case "ne" -> x.ne(t);
                case "lt" -> x.lt(t);
                case "le" -> x.le(t);
                case "gt" -> x.gt(t);
                default -> x.ge(t);
            };
            case Long l -> switch (op) {
                case "eq" -> x.eq(l);
                case "ne" -> x.ne(l);
                case "lt" -> x.lt(l);
                case "le" -> x.le(l);
                case "gt" -> x.gt(l);
                default -> x.ge(l);
            };
            case Double d -> switch (op) {
                case "eq" -> x.eq(d);
                case "ne" -> x.ne(d);
                case "lt" -> x.lt(d);
                case "le" -> x.le(d);
                case "gt" -> x.gt(d);
                default -> x.ge(d);
            };
            default -> throw new IllegalArgumentException(String.valueOf(other));
        };
    }

    // ------------------------------------------------------------------ values

    @SuppressWarnings("unchecked")
    private static Object value(Object json) {
        if (json instanceof Map<?, ?> m) {
            if (m.containsKey("tensor")) {
                return tensor((Map<String, Object>) m.get("tensor"));
            }
            if (m.containsKey("dtype") && m.size() == 1) {
                return DType.fromName((String) m.get("dtype"));
            }
            throw new IllegalArgumentException("unknown value " + json);
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    static Tensor tensor(Map<String, Object> t) {
        DType dtype = DType.fromName((String) t.get("dtype"));
        long[] shape = longs((List<Object>) t.get("shape"));
        List<Object> data = (List<Object>) t.get("data");
        long[] strides = t.containsKey("strides") ? longs((List<Object>) t.get("strides")) : Shapes.contiguousStrides(shape);
        int n = data.size();
        long size = n == 0 ? 0 : 1;
        for (int d = 0; d < shape.length; d++) {
            size += n == 0 ? 0 : (shape[d] - 1) * strides[d];
        }
        // Element i (row-major) lives at sum(index_d * stride_d).
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            long rem = i;
            long pos = 0;
            for (int d = shape.length - 1; d >= 0; d--) {
                pos += (rem % shape[d]) * strides[d];
                rem /= shape[d];
            }
            positions[i] = (int) pos;
        }
        Object array = switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[(int) size];
                for (int i = 0; i < n; i++) a[positions[i]] = (float) number(data.get(i));
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[(int) size];
                for (int i = 0; i < n; i++) a[positions[i]] = number(data.get(i));
                yield a;
            }
            case INT64 -> {
                long[] a = new long[(int) size];
                for (int i = 0; i < n; i++) a[positions[i]] = (Long) data.get(i);
                yield a;
            }
            case INT32 -> {
                int[] a = new int[(int) size];
                for (int i = 0; i < n; i++) a[positions[i]] = (int) (long) (Long) data.get(i);
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[(int) size];
                for (int i = 0; i < n; i++) a[positions[i]] = (Boolean) data.get(i);
                yield a;
            }
        };
        Tensor flat = Tensor.fromArray(array, size);
        return new Tensor(flat.storage(), shape, strides, 0);
    }

    private static double number(Object o) {
        return switch (o) {
            case String s when s.equals("nan") -> Double.NaN;
            case String s when s.equals("inf") -> Double.POSITIVE_INFINITY;
            case String s when s.equals("-inf") -> Double.NEGATIVE_INFINITY;
            case Number n -> n.doubleValue();
            default -> throw new IllegalArgumentException("not a number: " + o);
        };
    }

    private static long[] longs(List<Object> l) {
        long[] r = new long[l.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (Long) l.get(i);
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static void compare(Tensor actual, Map<String, Object> expected, Map<String, Object> tol) {
        DType dtype = DType.fromName((String) expected.get("dtype"));
        assertEquals(dtype, actual.dtype(), "dtype");
        long[] shape = longs((List<Object>) expected.get("shape"));
        assertEquals(Arrays.toString(shape), Arrays.toString(actual.shape()), "shape");
        List<Object> data = (List<Object>) expected.get("data");
        switch (dtype) {
            case BOOL -> {
                boolean[] a = actual.toBooleanArray();
                for (int i = 0; i < a.length; i++) {
                    assertEquals(data.get(i), a[i], "element " + i);
                }
            }
            case INT64, INT32 -> {
                long[] a = actual.toLongArray();
                for (int i = 0; i < a.length; i++) {
                    assertEquals((long) (Long) data.get(i), a[i], "element " + i);
                }
            }
            default -> {
                boolean f32 = dtype == DType.FLOAT32;
                double rtol = tol != null ? ((Number) tol.get("rtol")).doubleValue() : f32 ? 1e-5 : 1e-10;
                double atol = tol != null ? ((Number) tol.get("atol")).doubleValue() : f32 ? 1e-6 : 1e-12;
                double[] a = actual.toDoubleArray();
                for (int i = 0; i < a.length; i++) {
                    double e = number(data.get(i));
                    double v = a[i];
                    boolean ok = Double.isNaN(e) ? Double.isNaN(v)
                            : Double.isInfinite(e) ? v == e
                            : Math.abs(v - e) <= atol + rtol * Math.abs(e);
                    if (!ok) {
                        fail("element " + i + ": expected " + e + " but got " + v + " (rtol " + rtol + ", atol " + atol
                                + "); result " + Arrays.toString(a));
                    }
                }
            }
        }
    }
}
