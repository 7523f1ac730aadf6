package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** matmul's rank rules, mm/bmm/dot/mv/outer, out=, strided operands and the error messages. */
class LinalgTest {

    // ------------------------------------------------------------------ a naive reference

    /** PyTorch's matmul written out naively in double: 1-D operands promoted, batch dims broadcast. */
    static double[] naiveMatmul(double[] a, long[] sa, double[] b, long[] sb, long[][] shapeOut) {
        long[] a2 = sa.length == 1 ? new long[] {1, sa[0]} : sa;
        long[] b2 = sb.length == 1 ? new long[] {sb[0], 1} : sb;
        int nb = Math.max(a2.length, b2.length) - 2;
        long[] batch = new long[nb];
        for (int i = 0; i < nb; i++) {
            int ia = a2.length - 2 - nb + i;
            int ib = b2.length - 2 - nb + i;
            long x = ia >= 0 ? a2[ia] : 1;
            long y = ib >= 0 ? b2[ib] : 1;
            batch[i] = Math.max(x, y);
        }
        long n = a2[a2.length - 2];
        long k = a2[a2.length - 1];
        long m = b2[b2.length - 1];
        long count = Shapes.numel(batch);
        double[] out = new double[(int) (count * n * m)];
        long[] bi = new long[nb];
        for (long t = 0; t < count; t++) {
            long rem = t;
            for (int d = nb - 1; d >= 0; d--) {
                bi[d] = rem % batch[d];
                rem /= batch[d];
            }
            long aBase = batchOffset(bi, a2, n * k);
            long bBase = batchOffset(bi, b2, k * m);
            for (long i = 0; i < n; i++) {
                for (long j = 0; j < m; j++) {
                    double s = 0;
                    for (long p = 0; p < k; p++) {
                        s += a[(int) (aBase + i * k + p)] * b[(int) (bBase + p * m + j)];
                    }
                    out[(int) ((t * n + i) * m + j)] = s;
                }
            }
        }
        long[] shape = Arrays.copyOf(batch, nb + 2);
        shape[nb] = n;
        shape[nb + 1] = m;
        if (sa.length == 1) {
            shape = removeDim(shape, nb);
        }
        if (sb.length == 1) {
            shape = removeDim(shape, shape.length - 1);
        }
        shapeOut[0] = shape;
        return out;
    }

    private static long batchOffset(long[] bi, long[] shape, long matrix) {
        int own = shape.length - 2;
        long off = 0;
        long stride = matrix;
        for (int d = own - 1; d >= 0; d--) {
            long idx = shape[d] == 1 ? 0 : bi[bi.length - own + d];
            off += idx * stride;
            stride *= shape[d];
        }
        return off;
    }

    private static long[] removeDim(long[] s, int d) {
        long[] r = new long[s.length - 1];
        System.arraycopy(s, 0, r, 0, d);
        System.arraycopy(s, d + 1, r, d, s.length - d - 1);
        return r;
    }

    private static Tensor randn(Random rnd, DType dt, long... shape) {
        double[] d = new double[(int) Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = dt.isFloatingPoint() ? rnd.nextGaussian() : rnd.nextInt(19) - 9;
        }
        return Tensor.fromArray(d, shape).to(dt);
    }

    private static void assertMatchesNaive(Tensor a, Tensor b, Tensor r) {
        long[][] shape = new long[1][];
        double[] expect = naiveMatmul(a.toDoubleArray(), a.shape(), b.toDoubleArray(), b.shape(), shape);
        assertArrayEquals(shape[0], r.shape(), "shape of " + Arrays.toString(a.shape()) + " @ " + Arrays.toString(b.shape()));
        assertEquals(a.dtype(), r.dtype());
        double[] got = r.toDoubleArray();
        double tol = a.dtype() == DType.FLOAT32 ? 1e-4 : a.dtype() == DType.FLOAT64 ? 1e-11 : 0;
        for (int i = 0; i < got.length; i++) {
            assertTrue(Math.abs(got[i] - expect[i]) <= tol * (1 + Math.abs(expect[i])),
                    "element " + i + ": " + got[i] + " vs " + expect[i]);
        }
    }

    // ------------------------------------------------------------------ rank rules

    @Test
    void rankRulesGiveTorchShapesAndValues() {
        Random rnd = new Random(1);
        long[][][] cases = {
            {{5}, {5}, {}},
            {{6, 3}, {3}, {6}},
            {{5}, {5, 4}, {4}},
            {{3, 2}, {2, 4}, {3, 4}},
            {{5, 3, 4}, {4}, {5, 3}},
            {{5, 3, 4}, {5, 4, 5}, {5, 3, 5}},
            {{5, 3, 4}, {4, 5}, {5, 3, 5}},
            {{2, 1, 3, 4}, {5, 4, 2}, {2, 5, 3, 2}},
            {{4}, {2, 4, 3}, {2, 3}},
            {{3}, {3, 4, 3, 1}, {3, 4, 1}},
            {{4, 5}, {2, 1, 5, 1}, {2, 1, 4, 1}},
            {{1, 1, 64}, {4, 3, 64, 6}, {4, 3, 1, 6}},
            {{0, 3}, {3, 2}, {0, 2}},
            {{2, 0}, {0, 3}, {2, 3}},
            {{3, 0, 4}, {4, 2}, {3, 0, 2}},
        };
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32}) {
            for (long[][] c : cases) {
                Tensor a = randn(rnd, dt, c[0]);
                Tensor b = randn(rnd, dt, c[1]);
                Tensor r = a.matmul(b);
                assertArrayEquals(c[2], r.shape(), Arrays.toString(c[0]) + " @ " + Arrays.toString(c[1]));
                assertMatchesNaive(a, b, r);
                assertTrue(r.isContiguous());
            }
        }
    }

    @Test
    void integerMatmulOfBatchAndVector() {
        Tensor a = Tensor.arange(60).view(5, 3, 4);
        Tensor v = Tensor.tensor(new long[] {3, -1, 4, 1});
        Tensor r = a.matmul(v);
        assertEquals(DType.INT64, r.dtype());
        assertArrayEquals(new long[] {5, 3}, r.shape());
        long[] got = r.toLongArray();
        for (int i = 0; i < 15; i++) {
            long s = 0;
            for (int p = 0; p < 4; p++) {
                s += (4L * i + p) * new long[] {3, -1, 4, 1}[p];
            }
            assertEquals(s, got[i]);
        }
        // A product of 0-filled rows is exactly zero.
        assertArrayEquals(new long[] {0, 0}, Tensor.zeros(new long[] {2, 3}, DType.INT64)
                .matmul(Tensor.ones(new long[] {3}, DType.INT64)).toLongArray());
    }

    @Test
    void mmBmmDotMvOuter() {
        Random rnd = new Random(2);
        Tensor a = randn(rnd, DType.FLOAT64, 4, 3);
        Tensor b = randn(rnd, DType.FLOAT64, 3, 5);
        assertMatchesNaive(a, b, a.mm(b));
        Tensor x = randn(rnd, DType.FLOAT32, 6, 4, 3);
        Tensor y = randn(rnd, DType.FLOAT32, 6, 3, 2);
        assertMatchesNaive(x, y, x.bmm(y));
        Tensor u = randn(rnd, DType.INT32, 7);
        Tensor w = randn(rnd, DType.INT32, 7);
        Tensor d = u.dot(w);
        assertEquals(0, d.dim());
        assertEquals(DType.INT32, d.dtype());
        assertMatchesNaive(u, w, d);
        Tensor v = randn(rnd, DType.FLOAT64, 3);
        assertMatchesNaive(a, v, a.mv(v));
        Tensor o = Tensor.tensor(new long[] {-4, 3, -2}).outer(Tensor.tensor(new float[] {1.75f, 0f}));
        assertEquals(DType.FLOAT32, o.dtype(), "outer promotes like mul");
        assertArrayEquals(new float[] {-7f, -0f, 5.25f, 0f, -3.5f, -0f}, o.toFloatArray());
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(o.toFloatArray()[1]), "-4 * 0.0 is -0.0");
        Tensor ob = Tensor.tensor(new boolean[] {true, false}).outer(Tensor.tensor(new boolean[] {true, true, false}));
        assertEquals(DType.BOOL, ob.dtype());
        assertArrayEquals(new boolean[] {true, true, false, false, false, false}, ob.toBooleanArray());
    }

    @Test
    void stridedTransposedAndBroadcastOperandsNeedNoCopyAndMatchContiguous() {
        Random rnd = new Random(3);
        Tensor base = randn(rnd, DType.FLOAT32, 40, 30);
        Tensor at = base.t();                       // [30, 40], column-major
        Tensor bs = randn(rnd, DType.FLOAT32, 40, 50).slice(1, 1, 50, 2); // [40, 25], column stride 2
        Tensor r = at.matmul(bs);
        Tensor rc = at.contiguous().matmul(bs.contiguous());
        assertArrayEquals(rc.toFloatArray(), r.toFloatArray(), "layouts change nothing, bitwise");
        assertMatchesNaive(at.contiguous(), bs.contiguous(), r);
        Tensor row = randn(rnd, DType.FLOAT64, 1, 7);
        Tensor expanded = row.expand(5, 7);         // stride 0 rows
        Tensor m = randn(rnd, DType.FLOAT64, 7, 3);
        assertArrayEquals(expanded.contiguous().matmul(m).toDoubleArray(), expanded.matmul(m).toDoubleArray());
        Tensor batched = randn(rnd, DType.FLOAT64, 4, 6, 5).transpose(1, 2); // [4, 5, 6], transposed batches
        Tensor rhs = randn(rnd, DType.FLOAT64, 6, 2);
        assertArrayEquals(batched.contiguous().matmul(rhs).toDoubleArray(), batched.matmul(rhs).toDoubleArray());
    }

    @Property(tries = 150)
    void randomRanksAndLayoutsMatchNaive(@ForAll @IntRange(min = 1, max = 4) int da,
                                         @ForAll @IntRange(min = 1, max = 4) int db,
                                         @ForAll long seed) {
        Random rnd = new Random(seed);
        DType dt = new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32}[rnd.nextInt(4)];
        long n = rnd.nextInt(6);
        long k = rnd.nextInt(9);
        long m = rnd.nextInt(6);
        int nb = Math.max(da, db) - 2;
        long[] batch = new long[Math.max(nb, 0)];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = 1 + rnd.nextInt(3);
        }
        long[] sa = shapeOf(da, batch, n, k, rnd, true);
        long[] sb = shapeOf(db, batch, k, m, rnd, false);
        Tensor a = layout(randn(rnd, dt, sa), rnd);
        Tensor b = layout(randn(rnd, dt, sb), rnd);
        assertMatchesNaive(a, b, a.matmul(b));
    }

    private static long[] shapeOf(int dims, long[] batch, long rows, long cols, Random rnd, boolean left) {
        if (dims == 1) {
            return new long[] {left ? cols : rows};
        }
        long[] s = new long[dims];
        for (int i = 0; i < dims - 2; i++) {
            long full = batch[batch.length - (dims - 2) + i];
            s[i] = rnd.nextInt(3) == 0 ? 1 : full;
        }
        s[dims - 2] = rows;
        s[dims - 1] = cols;
        return s;
    }

    /** The same values in a random layout: transposed storage of the last two dims, or a strided slice. */
    private static Tensor layout(Tensor t, Random rnd) {
        if (t.dim() >= 2 && rnd.nextBoolean()) {
            return t.transpose(-1, -2).contiguous().transpose(-1, -2);
        }
        if (rnd.nextBoolean()) {
            long[] s = t.shape();
            long[] wide = s.clone();
            wide[s.length - 1] = 2 * s[s.length - 1];
            Tensor big = Tensor.zeros(wide, t.dtype());
            Tensor view = big.slice(s.length - 1, 0, wide[s.length - 1], 2);
            view.copy_(t);
            return view;
        }
        return t;
    }

    // ------------------------------------------------------------------ out=

    @Test
    void matmulIntoOut() {
        Random rnd = new Random(4);
        Tensor a = randn(rnd, DType.FLOAT32, 2, 3, 4);
        Tensor b = randn(rnd, DType.FLOAT32, 4, 5);
        Tensor out = Tensor.zeros(2, 3, 5);
        int version = out.storage().version();
        assertSame(out, a.matmul(b, out));
        assertArrayEquals(a.matmul(b).toFloatArray(), out.toFloatArray());
        assertTrue(out.storage().version() > version, "out= is an in-place write");
        // A transposed out is written through its strides.
        Tensor outT = Tensor.zeros(2, 5, 3).transpose(1, 2);
        a.matmul(b, outT);
        assertArrayEquals(a.matmul(b).toFloatArray(), outT.toFloatArray());
        // 1-D cases.
        Tensor v = randn(rnd, DType.FLOAT32, 4);
        Tensor o1 = Tensor.zeros(2, 3);
        a.matmul(v, o1);
        assertArrayEquals(a.matmul(v).toFloatArray(), o1.toFloatArray());
        Tensor o0 = Tensor.zeros();
        v.matmul(v, o0);
        assertEquals(v.dot(v).item(), o0.item(), 0);
        // out aliasing an input: computed through a temporary.
        Tensor sq = randn(rnd, DType.FLOAT64, 6, 6);
        Tensor expect = sq.matmul(sq);
        sq.matmul(sq.clone(), sq);
        assertArrayEquals(expect.toDoubleArray(), sq.toDoubleArray());
    }

    @Test
    void outErrors() {
        Tensor a = Tensor.ones(2, 3);
        Tensor b = Tensor.ones(3, 4);
        TensorException shape = assertThrows(TensorException.class, () -> a.matmul(b, Tensor.zeros(2, 5)));
        assertTrue(shape.getMessage().contains("[2, 5]") && shape.getMessage().contains("[2, 4]"), shape.getMessage());
        TensorException dtype = assertThrows(TensorException.class,
                () -> a.matmul(b, Tensor.zeros(new long[] {2, 4}, DType.FLOAT64)));
        assertTrue(dtype.getMessage().contains("float64"), dtype.getMessage());
        TensorException expanded = assertThrows(TensorException.class,
                () -> a.matmul(b, Tensor.zeros(1, 4).expand(2, 4)));
        assertTrue(expanded.getMessage().contains("single memory location"), expanded.getMessage());
    }

    // ------------------------------------------------------------------ errors

    private static String error(Runnable r) {
        return assertThrows(TensorException.class, r::run).getMessage();
    }

    @Test
    void errorMessagesNameBothShapes() {
        String m = error(() -> Tensor.ones(4, 3).matmul(Tensor.ones(4, 5)));
        assertTrue(m.contains("mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)"), m);
        m = error(() -> Tensor.ones(3).matmul(Tensor.ones(4, 2)));
        assertTrue(m.contains("(1x3 and 4x2)"), m);
        m = error(() -> Tensor.scalar(1.0).matmul(Tensor.ones(3)));
        assertTrue(m.contains("both arguments to matmul need to be at least 1D, but they are 0D and 1D"), m);
        m = error(() -> Tensor.ones(3).matmul(Tensor.ones(4)));
        assertTrue(m.contains("inconsistent tensor size, expected tensor [3] and src [4]"), m);
        m = error(() -> Tensor.ones(2, 3).matmul(Tensor.ones(4)));
        assertTrue(m.contains("size mismatch, got input (2), mat (2x3), vec (4)"), m);
        m = error(() -> Tensor.ones(2, 3, 4).matmul(Tensor.ones(3, 5, 2)));
        assertTrue(m.contains("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")
                && m.contains("[2, 3, 4]") && m.contains("[3, 5, 2]"), m);
        m = error(() -> Tensor.ones(2, 1, 3, 4).matmul(Tensor.ones(5, 3, 2)));
        assertTrue(m.contains("Expected size for first two dimensions of batch2 tensor to be: [10, 4] but got: [10, 3]."), m);
        m = error(() -> Tensor.ones(new long[] {2, 3}, DType.INT64).matmul(Tensor.ones(3, 2)));
        assertTrue(m.contains("same dtype") && m.contains("int64") && m.contains("float32"), m);
        m = error(() -> Tensor.full(new long[] {2, 2}, true).matmul(Tensor.full(new long[] {2, 2}, true)));
        assertTrue(m.contains("bool"), m);

        m = error(() -> Tensor.ones(2, 2, 3).mm(Tensor.ones(3, 2)));
        assertTrue(m.contains("self must be a matrix"), m);
        m = error(() -> Tensor.ones(2, 3).mm(Tensor.ones(3)));
        assertTrue(m.contains("mat2 must be a matrix"), m);
        m = error(() -> Tensor.ones(2, 3).mm(Tensor.ones(4, 2)));
        assertTrue(m.contains("(2x3 and 4x2)"), m);
        m = error(() -> Tensor.ones(2, 2, 3).bmm(Tensor.ones(3, 3, 2)));
        assertTrue(m.contains("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [3, 3]."), m);
        m = error(() -> Tensor.ones(2, 3).bmm(Tensor.ones(3, 2)));
        assertTrue(m.contains("batch1 must be a 3D tensor"), m);
        m = error(() -> Tensor.ones(2, 3).dot(Tensor.ones(2, 3)));
        assertTrue(m.contains("1D tensors expected, but got 2D and 2D tensors"), m);
        m = error(() -> Tensor.ones(3).dot(Tensor.ones(new long[] {3}, DType.FLOAT64)));
        assertTrue(m.contains("dot : expected both vectors to have same dtype, but found") && m.contains("float32")
                && m.contains("float64"), m);
        m = error(() -> Tensor.ones(3).dot(Tensor.ones(4)));
        assertTrue(m.contains("inconsistent tensor size"), m);
        m = error(() -> Tensor.ones(2, 3).mv(Tensor.ones(2)));
        assertTrue(m.contains("size mismatch, got input (2), mat (2x3), vec (2)"), m);
        m = error(() -> Tensor.ones(3).mv(Tensor.ones(3)));
        assertTrue(m.contains("vector + matrix @ vector expected"), m);
        m = error(() -> Tensor.ones(2, 3).outer(Tensor.ones(3)));
        assertTrue(m.contains("outer: Expected 1-D argument self, but got 2-D"), m);
    }
}
