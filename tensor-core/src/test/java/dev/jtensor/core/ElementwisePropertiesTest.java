package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtensor.core.cpu.CpuStorage;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Property tests: random broadcasting shapes (ranks 0 to 5, with size-1 and size-0 dims), operands
 * that are permuted, sliced with steps, offset or expanded, and every dtype, against a naive
 * reference that reads each element through its own strides and applies the op in plain Java
 * with PyTorch's promotion written out independently below.
 */
class ElementwisePropertiesTest {
    /** Every dtype, bool first. */
    private static final DType[] DTYPES = DType.values();

    // ------------------------------------------------------------------ random operands

    /** A random broadcast shape of rank 0 to 5 with sizes 0 to 3 (0 rarely). */
    private static long[] shape(Random r) {
        int rank = r.nextInt(6);
        long[] s = new long[rank];
        for (int d = 0; d < rank; d++) {
            s[d] = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(3);
        }
        return s;
    }

    /** A shape that broadcasts to {@code full}: some leading dims dropped, some sizes set to 1. */
    private static long[] operandShape(Random r, long[] full) {
        int drop = full.length == 0 ? 0 : r.nextInt(full.length + 1);
        long[] s = Arrays.copyOfRange(full, drop, full.length);
        for (int d = 0; d < s.length; d++) {
            if (r.nextInt(4) == 0) {
                s[d] = 1;
            }
        }
        return s;
    }

    /**
     * A tensor of {@code shape} and {@code dtype} with random values and a random layout: a view
     * of a larger, permuted base with steps and offsets, or an expanded size-1 view.
     */
    private static Tensor operand(Random r, long[] shape, DType dtype) {
        int nd = shape.length;
        if (nd > 0 && r.nextInt(6) == 0) {
            // An expand()ed view: stride 0 along a dim.
            int d = r.nextInt(nd);
            long[] small = shape.clone();
            small[d] = 1;
            return operand(r, small, dtype).expand(shape);
        }
        long[] step = new long[nd];
        long[] parent = new long[nd];
        for (int d = 0; d < nd; d++) {
            step[d] = 1 + r.nextInt(2);
            parent[d] = shape[d] * step[d] + r.nextInt(2);
        }
        int[] perm = permutation(r, nd);
        long[] baseShape = new long[nd];
        for (int d = 0; d < nd; d++) {
            baseShape[d] = parent[perm[d]];
        }
        Tensor base = random(r, baseShape, dtype);
        int[] inverse = new int[nd];
        for (int d = 0; d < nd; d++) {
            inverse[perm[d]] = d;
        }
        Tensor v = base.permute(inverse);
        for (int d = 0; d < nd; d++) {
            long start = parent[d] - shape[d] * step[d];
            v = v.slice(d, start, start + shape[d] * step[d], step[d]);
        }
        assertArrayEquals(shape, v.shape());
        return v;
    }

    private static int[] permutation(Random r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A contiguous tensor with small random values (floats with a few specials). */
    private static Tensor random(Random r, long[] shape, DType dtype) {
        int n = (int) Shapes.numel(shape);
        Object a = switch (dtype) {
            case FLOAT32 -> {
                float[] x = new float[n];
                for (int i = 0; i < n; i++) x[i] = (float) randomDouble(r);
                yield x;
            }
            case FLOAT64 -> {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) x[i] = randomDouble(r);
                yield x;
            }
            case INT64 -> {
                long[] x = new long[n];
                for (int i = 0; i < n; i++) x[i] = r.nextInt(2000) == 0 ? Long.MAX_VALUE : r.nextInt(21) - 10;
                yield x;
            }
            case INT32 -> {
                int[] x = new int[n];
                for (int i = 0; i < n; i++) x[i] = r.nextInt(2000) == 0 ? Integer.MIN_VALUE : r.nextInt(21) - 10;
                yield x;
            }
            case BOOL -> {
                boolean[] x = new boolean[n];
                for (int i = 0; i < n; i++) x[i] = r.nextBoolean();
                yield x;
            }
            case FLOAT16, BFLOAT16 -> {
                short[] x = new short[n];
                for (int i = 0; i < n; i++) x[i] = sixteenBits(randomDouble(r), dtype);
                yield x;
            }
            case INT16 -> {
                short[] x = new short[n];
                for (int i = 0; i < n; i++) x[i] = (short) (r.nextInt(200) == 0 ? Short.MIN_VALUE : r.nextInt(21) - 10);
                yield x;
            }
            case UINT8, INT8 -> {
                byte[] x = new byte[n];
                for (int i = 0; i < n; i++) x[i] = (byte) (r.nextInt(50) == 0 ? 128 : r.nextInt(21) - 10);
                yield x;
            }
        };
        return new Tensor(CpuStorage.wrap(a, dtype), shape, Shapes.contiguousStrides(shape), 0);
    }

    /**
     * The 16 bits of {@code v} (through float, as C++'s {@code Half(float)}): float16 by the JDK's conversion,
     * bfloat16 written out here (keep the high half of the float's bits, rounding to nearest even; NaN 0x7FC0).
     */
    private static short sixteenBits(double v, DType t) {
        float f = (float) v;
        if (t == DType.FLOAT16) {
            return Float.floatToFloat16(f);
        }
        if (Float.isNaN(f)) {
            return (short) 0x7FC0;
        }
        int bits = Float.floatToRawIntBits(f);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        if (low > 0x8000 || (low == 0x8000 && (high & 1) == 1)) {
            high++;
        }
        return (short) high;
    }

    private static double sixteenValue(short bits, DType t) {
        return t == DType.FLOAT16 ? Float.float16ToFloat(bits) : Float.intBitsToFloat(bits << 16);
    }

    private static double randomDouble(Random r) {
        return switch (r.nextInt(20)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> r.nextBoolean() ? 0.0 : -0.0;
            default -> Math.round(r.nextGaussian() * 16) / 4.0;
        };
    }

    // ------------------------------------------------------------------ the naive reference

    /** The element at a row-major index of the broadcast shape, read through the tensor's own strides. */
    private static Object element(Tensor t, long[] full, long flat) {
        long off = t.storageOffset();
        int shift = full.length - t.dim();
        for (int d = full.length - 1; d >= 0; d--) {
            long i = flat % full[d];
            flat /= full[d];
            if (d >= shift && t.size(d - shift) != 1) {
                off += i * t.stride(d - shift);
            }
        }
        Object a = ((CpuStorage) t.storage()).array();
        int o = (int) off;
        return switch (a) {
            case float[] x -> (double) x[o];
            case double[] x -> x[o];
            case long[] x -> x[o];
            case int[] x -> (long) x[o];
            case boolean[] x -> x[o];
            case byte[] x -> (long) (t.dtype() == DType.UINT8 ? x[o] & 0xFF : x[o]);
            case short[] x -> t.dtype() == DType.INT16 ? (Object) (long) x[o] : (Object) sixteenValue(x[o], t.dtype());
            default -> throw new IllegalStateException();
        };
    }

    /** PyTorch's promotion, written out independently: rank > 0 tensors first, then 0-d tensors. */
    private static DType promoted(Tensor a, Tensor b) {
        boolean da = a.dim() > 0;
        boolean db = b.dim() > 0;
        if (da == db) {
            return wider(a.dtype(), b.dtype());
        }
        DType dim = da ? a.dtype() : b.dtype();
        DType zero = da ? b.dtype() : a.dtype();
        return rank(zero) > rank(dim) ? zero : dim;
    }

    private static int rank(DType t) {
        return switch (t) {
            case BOOL -> 0;
            case UINT8, INT8, INT16, INT32, INT64 -> 1;
            default -> 2;
        };
    }

    private static DType wider(DType a, DType b) {
        if (rank(a) != rank(b)) {
            return rank(a) > rank(b) ? a : b;
        }
        if (a != b && a.itemSize() == b.itemSize()) {
            // torch.promote_types: uint8 with int8 is int16, float16 with bfloat16 is float32.
            return rank(a) == 1 ? DType.INT16 : DType.FLOAT32;
        }
        return a.itemSize() >= b.itemSize() ? a : b;
    }

    private static double asDouble(Object v) {
        return v instanceof Boolean z ? (z ? 1 : 0) : ((Number) v).doubleValue();
    }

    private static long asLong(Object v) {
        return v instanceof Boolean z ? (z ? 1 : 0) : v instanceof Double d ? (long) (double) d : (Long) v;
    }

    private static boolean asBool(Object v) {
        return v instanceof Boolean z ? z : asDouble(v) != 0;
    }

    /** The value {@code v} converted to {@code t} and back into the reference's holder types. */
    private static Object cast(Object v, DType t) {
        return switch (t) {
            case FLOAT32 -> (double) (float) asDouble(v);
            case FLOAT64 -> asDouble(v);
            case INT64 -> asLong(v);
            case INT32 -> (long) (int) asLong(v);
            case BOOL -> asBool(v);
            case INT16 -> (long) (short) asLong(v);
            case INT8 -> (long) (byte) asLong(v);
            case UINT8 -> asLong(v) & 0xFF;
            case FLOAT16, BFLOAT16 -> sixteenValue(sixteenBits(asDouble(v), t), t);
        };
    }

    private static Object apply(String op, Object x, Object y, DType t) {
        switch (t) {
            case BOOL -> {
                boolean a = (Boolean) x;
                boolean b = (Boolean) y;
                return switch (op) {
                    case "add", "maximum" -> a | b;
                    case "mul", "minimum" -> a & b;
                    case "eq" -> a == b;
                    case "lt" -> !a & b;
                    case "ge" -> a | !b;
                    default -> throw new IllegalArgumentException(op);
                };
            }
            case INT64, INT32, INT16, INT8, UINT8 -> {
                long a = (Long) x;
                long b = (Long) y;
                Object r = switch (op) {
                    case "add" -> a + b;
                    case "sub" -> a - b;
                    case "mul" -> a * b;
                    case "maximum" -> Math.max(a, b);
                    case "minimum" -> Math.min(a, b);
                    case "eq" -> a == b;
                    case "lt" -> a < b;
                    case "ge" -> a >= b;
                    default -> throw new IllegalArgumentException(op);
                };
                return r instanceof Long l ? cast(l, t) : r;
            }
            default -> {
                double a = (Double) x;
                double b = (Double) y;
                Object r = switch (op) {
                    case "add" -> a + b;
                    case "sub" -> a - b;
                    case "mul" -> a * b;
                    case "div" -> a / b;
                    case "maximum" -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
                    case "minimum" -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
                    case "eq" -> a == b;
                    case "lt" -> a < b;
                    case "ge" -> a >= b;
                    default -> throw new IllegalArgumentException(op);
                };
                // Float32 results are the double result rounded once, which equals float arithmetic; float16 and
                // bfloat16 results are that float rounded once more, as PyTorch computes them.
                return r instanceof Double d ? cast(d, t) : r;
            }
        }
    }

    private static void assertSameElement(String what, Object expected, Object actual) {
        boolean ok = expected instanceof Double e && actual instanceof Double a
                ? (Double.isNaN(e) ? Double.isNaN(a) : Double.compare(e + 0.0, a + 0.0) == 0)
                : expected.equals(actual);
        if (!ok) {
            fail(what + ": expected " + expected + " but got " + actual);
        }
    }

    // ------------------------------------------------------------------ properties

    private static final String[] BINARY = {"add", "sub", "mul", "div", "maximum", "minimum", "eq", "lt", "ge"};

    @Property(tries = 400)
    void binaryOpsMatchTheReference(@ForAll long seed) {
        Random r = new Random(seed);
        long[] full = shape(r);
        Tensor a = operand(r, operandShape(r, full), DTYPES[r.nextInt(DTYPES.length)]);
        Tensor b = operand(r, operandShape(r, full), DTYPES[r.nextInt(DTYPES.length)]);
        if (r.nextBoolean()) {
            Tensor t = a;
            a = b;
            b = t;
        }
        String op = BINARY[r.nextInt(BINARY.length)];
        DType common = promoted(a, b);
        if (op.equals("sub") && (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL)) {
            op = "mul";
        }
        DType compute = op.equals("div") && !common.isFloatingPoint() ? DType.FLOAT32 : common;
        boolean bool = op.equals("eq") || op.equals("lt") || op.equals("ge");
        Tensor out = switch (op) {
            case "add" -> a.add(b);
            case "sub" -> a.sub(b);
            case "mul" -> a.mul(b);
            case "div" -> a.div(b);
            case "maximum" -> a.maximum(b);
            case "minimum" -> a.minimum(b);
            case "eq" -> a.eq(b);
            case "lt" -> a.lt(b);
            default -> a.ge(b);
        };
        long[] shape = Shapes.broadcast(a.shape(), b.shape());
        assertArrayEquals(shape, out.shape(), op + " shape");
        assertEquals(bool ? DType.BOOL : compute, out.dtype(), op + " dtype of " + a.dtype() + " and " + b.dtype());
        long n = Shapes.numel(shape);
        for (long i = 0; i < n; i++) {
            Object x = cast(element(a, shape, i), compute);
            Object y = cast(element(b, shape, i), compute);
            assertSameElement(op + " element " + i, apply(op, x, y, compute), element(out, shape, i));
        }
    }

    @Property(tries = 200)
    void whereMatchesTheReference(@ForAll long seed) {
        Random r = new Random(seed);
        long[] full = shape(r);
        Tensor c = operand(r, operandShape(r, full), DType.BOOL);
        Tensor a = operand(r, operandShape(r, full), DTYPES[r.nextInt(DTYPES.length)]);
        Tensor b = operand(r, operandShape(r, full), DTYPES[r.nextInt(DTYPES.length)]);
        Tensor out = Tensor.where(c, a, b);
        long[] shape = Shapes.broadcast(Shapes.broadcast(c.shape(), a.shape()), b.shape());
        DType t = promoted(a, b);
        assertArrayEquals(shape, out.shape());
        assertEquals(t, out.dtype());
        for (long i = 0; i < Shapes.numel(shape); i++) {
            Object expected = cast((Boolean) element(c, shape, i) ? element(a, shape, i) : element(b, shape, i), t);
            assertSameElement("where element " + i, expected, element(out, shape, i));
        }
    }

    @Property(tries = 200)
    void unaryOpsMatchTheReference(@ForAll long seed) {
        Random r = new Random(seed);
        long[] shape = shape(r);
        DType dtype = DTYPES[1 + r.nextInt(DTYPES.length - 1)];
        Tensor a = operand(r, shape, dtype);
        String op = new String[] {"neg", "abs", "relu", "exp"}[r.nextInt(4)];
        Tensor out = switch (op) {
            case "neg" -> a.neg();
            case "abs" -> a.abs();
            case "relu" -> a.relu();
            default -> a.exp();
        };
        DType t = op.equals("exp") && !dtype.isFloatingPoint() ? DType.FLOAT32 : dtype;
        assertEquals(t, out.dtype());
        assertArrayEquals(shape, out.shape());
        for (long i = 0; i < Shapes.numel(shape); i++) {
            Object x = cast(element(a, shape, i), t);
            Object actual = element(out, shape, i);
            if (t.isFloatingPoint()) {
                double v = (Double) x;
                double e = switch (op) {
                    case "neg" -> -v;
                    case "abs" -> Math.abs(v);
                    case "relu" -> v < 0 ? 0 : v;
                    default -> Math.exp(v);
                };
                double got = (Double) actual;
                double rel = switch (t) {
                    case FLOAT16 -> 1e-3;
                    case BFLOAT16 -> 8e-3;
                    case FLOAT32 -> 3e-7;
                    default -> 1e-15;
                };
                // Plus the smallest subnormal step of float16, bfloat16 and float32, where relative precision ends
                // (exp of an int8 -128 underflows to 0 in float32).
                double tiny = switch (t) {
                    case FLOAT16 -> 0x1p-24;
                    case BFLOAT16 -> 0x1p-133;
                    case FLOAT32 -> 0x1p-149;
                    default -> 0;
                };
                double tol = op.equals("exp") ? rel * Math.abs(e) + tiny : 0;
                boolean ok = Double.isNaN(e) ? Double.isNaN(got)
                        : Double.isInfinite((double) cast(e, t)) || tol == 0 ? (double) cast(e, t) == got
                        : Math.abs(got - e) <= tol;
                if (!ok) {
                    fail(op + " element " + i + " of " + v + ": expected " + e + " but got " + got);
                }
            } else {
                long v = (Long) x;
                long e = switch (op) {
                    case "neg" -> -v;
                    case "abs" -> Math.abs(v);
                    default -> Math.max(v, 0);
                };
                assertSameElement(op + " element " + i, cast(e, t), actual);
            }
        }
    }

    @Property(tries = 200)
    void inPlaceAddWritesOnlyTheView(@ForAll long seed) {
        Random r = new Random(seed);
        long[] full = shape(r);
        DType dtype = DTYPES[1 + r.nextInt(DTYPES.length - 1)];
        Tensor self = operand(r, full, dtype);
        if (!writable(self)) {
            return;
        }
        DType otherType = r.nextBoolean() ? dtype : DType.INT32;
        Tensor other = operand(r, operandShape(r, full), otherType);
        Tensor expected = self.clone().add(other);
        Object storageBefore = cloneArray(((CpuStorage) self.storage()).array());
        self.add_(other);
        assertEquals(dtype, self.dtype());
        long n = Shapes.numel(full);
        boolean[] touched = new boolean[java.lang.reflect.Array.getLength(storageBefore)];
        for (long i = 0; i < n; i++) {
            assertSameElement("add_ element " + i, cast(element(expected, full, i), dtype), element(self, full, i));
            touched[(int) offsetOf(self, full, i)] = true;
        }
        Object now = ((CpuStorage) self.storage()).array();
        for (int k = 0; k < touched.length; k++) {
            if (!touched[k] && !java.lang.reflect.Array.get(now, k).equals(java.lang.reflect.Array.get(storageBefore, k))) {
                fail("add_ wrote storage element " + k + " outside the view");
            }
        }
    }

    private static long offsetOf(Tensor t, long[] full, long flat) {
        long off = t.storageOffset();
        for (int d = full.length - 1; d >= 0; d--) {
            off += (flat % full[d]) * t.stride(d);
            flat /= full[d];
        }
        return off;
    }

    private static Object cloneArray(Object a) {
        int n = java.lang.reflect.Array.getLength(a);
        Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }

    /** Whether a view may be written (no stride-0 dim of size &gt; 1). */
    private static boolean writable(Tensor t) {
        for (int d = 0; d < t.dim(); d++) {
            if (t.size(d) > 1 && t.stride(d) == 0) {
                return false;
            }
        }
        return true;
    }
}
