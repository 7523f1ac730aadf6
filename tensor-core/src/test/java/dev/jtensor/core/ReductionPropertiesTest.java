package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Reductions on random shapes (ranks 0 to 5, with size-1 and size-0 dims), random dim subsets
 * (possibly negative, an empty list meaning all dims), keepdim, and contiguous, permuted,
 * step-sliced and expanded inputs of every dtype, against a naive reference that reads the
 * input's logical elements in row-major order. Values are small multiples of 1/4 (or powers of
 * two for prod), so float sums are exact whatever order a kernel adds in.
 */
class ReductionPropertiesTest {
    /** A generated case. {@code layout}: 0 contiguous, 1 permuted, 2 sliced with step 2, 3 expanded. */
    record Spec(long[] shape, int layout, long seed, int mask, boolean negativeDims, boolean keepdim, DType dtype,
            boolean withNan) {
        int[] dims() {
            List<Integer> l = new ArrayList<>();
            for (int d = 0; d < shape.length; d++) {
                if ((mask >> d & 1) != 0) {
                    l.add(negativeDims ? d - shape.length : d);
                }
            }
            return l.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The normalised reduced dims: all of them for an empty list. */
        int[] reduced() {
            int[] d = dims();
            if (d.length == 0) {
                d = new int[shape.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = i;
                }
            }
            return Arrays.stream(d).map(i -> i < 0 ? i + shape.length : i).sorted().toArray();
        }

        @Override
        public String toString() {
            return "Spec[shape=" + Arrays.toString(shape) + ", layout=" + layout + ", seed=" + seed + ", dims="
                    + Arrays.toString(dims()) + ", keepdim=" + keepdim + ", dtype=" + dtype + ", nan=" + withNan + "]";
        }
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<long[]> shapes = Arbitraries.integers().between(0, 5).flatMap(rank -> Arbitraries.frequency(
                Tuple.of(1, 0L), Tuple.of(4, 1L), Tuple.of(5, 2L), Tuple.of(4, 3L), Tuple.of(2, 5L))
                .list().ofSize(rank).map(l -> l.stream().mapToLong(Long::longValue).toArray()));
        return Combinators.combine(shapes, Arbitraries.integers().between(0, 3), Arbitraries.longs(),
                Arbitraries.integers().between(0, 31), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(DType.values()), Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
                .as(Spec::new);
    }

    // ---------------------------------------------------------------- inputs

    /** The input tensor of a spec: {@code powers} gives values in {-2, -1, 1, 2}, else multiples of 1/4 in [-2, 2]. */
    static Tensor input(Spec s, boolean powers) {
        Random r = new Random(s.seed);
        long[] shape = s.shape;
        int nd = shape.length;
        return switch (s.layout) {
            case 1 -> {
                int[] perm = new int[nd];
                for (int i = 0; i < nd; i++) {
                    perm[i] = i;
                }
                for (int i = nd - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                long[] bshape = new long[nd];
                int[] inv = new int[nd];
                for (int i = 0; i < nd; i++) {
                    bshape[i] = shape[perm[i]];
                    inv[perm[i]] = i;
                }
                yield data(bshape, s, r, powers).permute(inv);
            }
            case 2 -> {
                long[] bshape = new long[nd];
                for (int i = 0; i < nd; i++) {
                    bshape[i] = 2 * shape[i];
                }
                Tensor x = data(bshape, s, r, powers);
                for (int d = 0; d < nd; d++) {
                    x = x.slice(d, 1, 2 * shape[d], 2);
                }
                yield x;
            }
            case 3 -> {
                long[] bshape = new long[nd];
                for (int i = 0; i < nd; i++) {
                    bshape[i] = r.nextBoolean() ? 1 : shape[i];
                }
                yield data(bshape, s, r, powers).expand(shape);
            }
            default -> data(shape, s, r, powers);
        };
    }

    private static Tensor data(long[] shape, Spec s, Random r, boolean powers) {
        int n = (int) Shapes.numel(shape);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = powers ? (r.nextInt(8) == 0 ? 2 : 1) * (r.nextBoolean() ? 1 : -1) : (r.nextInt(17) - 8) / 4.0;
        }
        if (s.withNan && n > 0 && s.dtype.isFloatingPoint()) {
            v[r.nextInt(n)] = Double.NaN;
        }
        Object array = switch (s.dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) v[i];
                }
                yield a;
            }
            case FLOAT64 -> v;
            case INT64 -> Arrays.stream(v).mapToLong(x -> (long) (powers ? x : 4 * x)).toArray();
            case INT32 -> Arrays.stream(v).mapToInt(x -> (int) (powers ? x : 4 * x)).toArray();
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = v[i] > 0;
                }
                yield a;
            }
            // The small dtypes hold these values exactly: made in float64 or int64 and cast.
            case FLOAT16, BFLOAT16 -> v;
            case UINT8, INT8, INT16 -> Arrays.stream(v).mapToLong(x -> (long) (powers ? x : 4 * x)).toArray();
        };
        return Tensor.fromArray(array, shape).to(s.dtype);
    }

    // ---------------------------------------------------------------- the naive reference

    /** For each output element (row-major over the kept dims), the reduced elements in row-major order. */
    static List<double[]> lines(Tensor x, int[] reduced) {
        long[] shape = x.shape();
        double[] data = x.toDoubleArray();
        boolean[] red = new boolean[shape.length];
        for (int d : reduced) {
            red[d] = true;
        }
        long outs = 1;
        long len = 1;
        for (int d = 0; d < shape.length; d++) {
            if (red[d]) {
                len *= shape[d];
            } else {
                outs *= shape[d];
            }
        }
        double[][] lines = new double[(int) outs][(int) len];
        int[] fill = new int[(int) outs];
        long[] idx = new long[shape.length];
        for (double v : data) {
            long o = 0;
            for (int d = 0; d < shape.length; d++) {
                if (!red[d]) {
                    o = o * shape[d] + idx[d];
                }
            }
            lines[(int) o][fill[(int) o]++] = v;
            for (int d = shape.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
                idx[d] = 0;
            }
        }
        return Arrays.asList(lines);
    }

    static long[] expectedShape(Spec s, int[] reduced) {
        List<Long> out = new ArrayList<>();
        for (int d = 0; d < s.shape.length; d++) {
            if (!contains(reduced, d)) {
                out.add(s.shape[d]);
            } else if (s.keepdim) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean contains(int[] a, int v) {
        return Arrays.stream(a).anyMatch(x -> x == v);
    }

    static double[] reference(Tensor x, int[] reduced, ToDoubleFunction<double[]> f) {
        return lines(x, reduced).stream().mapToDouble(f).toArray();
    }

    /**
     * The relative tolerance of a float result: {@code wide} for float32 and float64, one unit in the last place for
     * float16 and bfloat16 (computed in float32, rounded once).
     */
    static double rtol(DType t, double wide) {
        return t == DType.FLOAT16 ? 1e-3 : t == DType.BFLOAT16 ? 8e-3 : wide;
    }

    /** Compares with a relative tolerance; NaN matches NaN and infinities match exactly. */
    static void assertClose(double[] want, double[] got, double rtol, String what) {
        assertEquals(want.length, got.length, what + ": element count");
        for (int i = 0; i < want.length; i++) {
            double w = want[i];
            double g = got[i];
            boolean ok = Double.isNaN(w) ? Double.isNaN(g)
                    : Double.isInfinite(w) ? w == g : Math.abs(w - g) <= rtol * Math.abs(w) + 1e-12;
            if (!ok) {
                fail(what + ": element " + i + " expected " + w + " but got " + g);
            }
        }
    }

    /**
     * {@return exact reference values rounded once to {@code t} when it is float16 or bfloat16} The inputs are
     * multiples of 1/4, so sums and products are exact in float32, and the library rounds them once to the dtype.
     */
    static double[] roundedOnce(double[] want, DType t) {
        return t == DType.FLOAT16 || t == DType.BFLOAT16 ? Tensor.fromArray(want).to(t).toDoubleArray() : want;
    }

    static double sum(double[] l) {
        double s = 0;
        for (double v : l) {
            s += v;
        }
        return s;
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 300)
    void sumMatchesReference(@ForAll("specs") Spec s) {
        Tensor x = input(s, false);
        int[] red = s.reduced();
        Tensor out = x.sum(s.dims(), s.keepdim);
        assertArrayEquals(expectedShape(s, red), out.shape(), "shape of " + s);
        assertEquals(s.dtype.isFloatingPoint() ? s.dtype : DType.INT64, out.dtype());
        double[] want = reference(x, red, ReductionPropertiesTest::sum);
        assertClose(roundedOnce(want, s.dtype), out.toDoubleArray(), 0, "sum " + s);
    }

    @Property(tries = 200)
    void meanMatchesReference(@ForAll("specs") Spec s) {
        if (!s.dtype.isFloatingPoint()) {
            return;
        }
        Tensor x = input(s, false);
        int[] red = s.reduced();
        Tensor out = x.mean(s.dims(), s.keepdim);
        assertArrayEquals(expectedShape(s, red), out.shape());
        double[] want = reference(x, red, l -> sum(l) / l.length);
        assertClose(want, out.toDoubleArray(), rtol(s.dtype, 1e-6), "mean " + s);
    }

    @Property(tries = 200)
    void prodMatchesReference(@ForAll("specs") Spec s) {
        Tensor x = input(s, true);
        // prod takes one dim or all of them.
        int[] dims = s.dims();
        Tensor out = dims.length == 1 ? x.prod(dims[0], s.keepdim) : x.prod();
        int[] red = dims.length == 1 ? s.reduced() : new Spec(s.shape, 0, 0, 0, false, false, s.dtype, false).reduced();
        double[] want = reference(x, red, l -> {
            double p = 1;
            for (double v : l) {
                p *= v;
            }
            return p;
        });
        if (s.dtype == DType.FLOAT32) {
            for (int i = 0; i < want.length; i++) {
                want[i] = (float) want[i];
            }
        }
        // The exact product (powers of two) rounded once to the dtype: 2^17 is infinity in float16.
        want = roundedOnce(want, s.dtype);
        if (!s.dtype.isFloatingPoint()) {
            // int64 products wrap; compare modulo 2^64 through the exact long product.
            long[] w = lines(x, red).stream().mapToLong(l -> {
                long p = 1;
                for (double v : l) {
                    p *= (long) v;
                }
                return p;
            }).toArray();
            assertArrayEquals(w, out.toLongArray(), "prod " + s);
            return;
        }
        assertClose(want, out.toDoubleArray(), 0, "prod " + s);
    }

    @Property(tries = 300)
    void amaxAminMatchReference(@ForAll("specs") Spec s) {
        Tensor x = input(s, false);
        int[] red = s.reduced();
        if (x.numel() == 0 && Arrays.stream(red).anyMatch(d -> s.shape[d] == 0)) {
            assertThrowsNaming("amax", () -> x.amax(s.dims(), s.keepdim));
            return;
        }
        Tensor hi = x.amax(s.dims(), s.keepdim);
        Tensor lo = x.amin(s.dims(), s.keepdim);
        assertEquals(s.dtype, hi.dtype());
        assertArrayEquals(expectedShape(s, red), hi.shape());
        assertClose(reference(x, red, l -> extreme(l, true)), hi.toDoubleArray(), 0, "amax " + s);
        assertClose(reference(x, red, l -> extreme(l, false)), lo.toDoubleArray(), 0, "amin " + s);
    }

    static double extreme(double[] l, boolean max) {
        double m = l[0];
        for (double v : l) {
            if (Double.isNaN(v)) {
                return v;
            }
            m = max ? Math.max(m, v) : Math.min(m, v);
        }
        return m;
    }

    /** The index of the first extreme element, or of the first NaN. */
    static int argExtreme(double[] l, boolean max) {
        int best = 0;
        for (int i = 0; i < l.length; i++) {
            if (Double.isNaN(l[i])) {
                return i;
            }
            if (max ? l[i] > l[best] : l[i] < l[best]) {
                best = i;
            }
        }
        return best;
    }

    @Property(tries = 300)
    void maxMinWithDimGiveValuesAndFirstIndices(@ForAll("specs") Spec s) {
        Tensor x = input(s, false);
        int nd = s.shape.length;
        int dim = nd == 0 ? 0 : Integer.numberOfTrailingZeros(s.mask | (1 << 5)) % nd;
        int[] red = nd == 0 ? new int[0] : new int[] {dim};
        if (x.numel() == 0 && nd > 0 && s.shape[dim] == 0) {
            assertThrowsNaming("dim " + dim, () -> x.max(dim, s.keepdim));
            assertThrowsNaming("dim " + dim, () -> x.argmin(dim, s.keepdim));
            return;
        }
        for (boolean max : new boolean[] {true, false}) {
            ValuesIndices vi = max ? x.max(dim - (s.negativeDims ? Math.max(nd, 1) : 0), s.keepdim)
                    : x.min(dim, s.keepdim);
            Spec one = new Spec(s.shape, s.layout, s.seed, nd == 0 ? 0 : 1 << dim, false, s.keepdim, s.dtype, false);
            assertArrayEquals(expectedShape(one, red), vi.values().shape());
            assertArrayEquals(expectedShape(one, red), vi.indices().shape());
            assertEquals(DType.INT64, vi.indices().dtype());
            assertEquals(s.dtype, vi.values().dtype());
            double[] idx = reference(x, red, l -> argExtreme(l, max));
            assertClose(idx, vi.indices().toDoubleArray(), 0, (max ? "max" : "min") + " indices " + s);
            assertClose(reference(x, red, l -> extreme(l, max)), vi.values().toDoubleArray(), 0, "values " + s);
            Tensor arg = max ? x.argmax(dim, s.keepdim) : x.argmin(dim, s.keepdim);
            assertArrayEquals(vi.indices().toLongArray(), arg.toLongArray());
        }
    }

    @Property(tries = 200)
    void argmaxWithoutDimIndexesTheFlattenedTensor(@ForAll("specs") Spec s) {
        Tensor x = input(s, false);
        if (x.numel() == 0) {
            assertThrowsNaming("argmax", x::argmax);
            return;
        }
        double[] flat = x.toDoubleArray();
        assertEquals(argExtreme(flat, true), x.argmax().itemLong(), "argmax " + s);
        assertEquals(argExtreme(flat, false), x.argmin().itemLong(), "argmin " + s);
        assertEquals(0, x.argmax().dim());
    }

    @Property(tries = 200)
    void logsumexpMatchesReference(@ForAll("specs") Spec s) {
        if (!s.dtype.isFloatingPoint()) {
            return;
        }
        Tensor x = input(s, false);
        int[] red = s.reduced();
        // Shifted by a large constant: a naive exp would overflow.
        Tensor big = Tensor.fromArray(Arrays.stream(x.toDoubleArray()).map(v -> v + 1000).toArray(), x.shape());
        Tensor out = x.logsumexp(s.dims(), s.keepdim);
        assertArrayEquals(expectedShape(s, red), out.shape());
        double[] want = reference(x, red, l -> {
            if (l.length == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double m = extreme(l, true);
            double acc = 0;
            for (double v : l) {
                acc += Math.exp(v - m);
            }
            return m + Math.log(acc);
        });
        assertClose(want, out.toDoubleArray(), rtol(s.dtype, 1e-6), "logsumexp " + s);
        double[] shifted = big.logsumexp(s.dims(), s.keepdim).toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            want[i] += 1000;
        }
        assertClose(want, shifted, 1e-12, "logsumexp + 1000 " + s);
    }

    @Property(tries = 200)
    void varStdMatchReference(@ForAll("specs") Spec s) {
        if (!s.dtype.isFloatingPoint()) {
            assertThrowsNaming("floating point", () -> x(s).var());
            return;
        }
        Tensor x = input(s, false);
        int[] red = s.reduced();
        double correction = Math.floorMod(s.seed, 3);
        Tensor var = x.var(s.dims(), correction, s.keepdim);
        Tensor std = x.std(s.dims(), correction, s.keepdim);
        assertArrayEquals(expectedShape(s, red), var.shape());
        double[] want = reference(x, red, l -> {
            double mean = sum(l) / l.length;
            double m2 = 0;
            for (double v : l) {
                m2 += (v - mean) * (v - mean);
            }
            return m2 / Math.max(0, l.length - correction);
        });
        double rtol = rtol(s.dtype, s.dtype == DType.FLOAT32 ? 1e-6 : 1e-12);
        assertClose(want, var.toDoubleArray(), rtol, "var " + s);
        assertClose(Arrays.stream(want).map(Math::sqrt).toArray(), std.toDoubleArray(), rtol, "std " + s);
    }

    private static Tensor x(Spec s) {
        return input(s, false);
    }

    @Property(tries = 200)
    void allAnyMatchReference(@ForAll("specs") Spec s) {
        Tensor x = input(s, false);
        int nd = s.shape.length;
        int[] dims = s.dims();
        boolean one = dims.length == 1;
        int[] red = one ? s.reduced() : new Spec(s.shape, 0, 0, 0, false, false, s.dtype, false).reduced();
        Tensor all = one ? x.all(dims[0], s.keepdim) : x.all();
        Tensor any = one ? x.any(dims[0], s.keepdim) : x.any();
        // PyTorch keeps uint8 for uint8 inputs.
        assertEquals(s.dtype == DType.UINT8 ? DType.UINT8 : DType.BOOL, all.dtype());
        assertEquals(nd == 0 || !one ? 0 : s.keepdim ? nd : nd - 1, all.dim());
        assertClose(reference(x, red, l -> Arrays.stream(l).allMatch(v -> v != 0) ? 1 : 0), all.toDoubleArray(), 0,
                "all " + s);
        assertClose(reference(x, red, l -> Arrays.stream(l).anyMatch(v -> v != 0) ? 1 : 0), any.toDoubleArray(), 0,
                "any " + s);
    }

    @Property(tries = 200)
    void cumsumMatchesReference(@ForAll("specs") Spec s) {
        Tensor x = input(s, false);
        int nd = s.shape.length;
        int dim = nd == 0 ? 0 : (int) Math.floorMod(s.seed, nd);
        Tensor out = x.cumsum(s.negativeDims && nd > 0 ? dim - nd : dim);
        assertArrayEquals(x.shape(), out.shape());
        assertEquals(s.dtype.isFloatingPoint() ? s.dtype : DType.INT64, out.dtype());
        // Reference: walk the row-major data; the running sum restarts whenever the index along dim is 0.
        double[] data = x.toDoubleArray();
        long[] shape = x.shape();
        long inner = 1;
        for (int d = dim + 1; d < nd; d++) {
            inner *= shape[d];
        }
        long len = nd == 0 ? 1 : shape[dim];
        double[] want = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            long along = (i / inner) % len;
            want[i] = data[i] + (along == 0 ? 0 : want[(int) (i - inner)]);
        }
        assertClose(roundedOnce(want, s.dtype), out.toDoubleArray(), 0, "cumsum " + s);
    }

    static void assertThrowsNaming(String word, Runnable r) {
        try {
            r.run();
        } catch (TensorException e) {
            if (!e.getMessage().contains(word)) {
                fail("message should name '" + word + "': " + e.getMessage());
            }
            return;
        }
        fail("expected a TensorException naming '" + word + "'");
    }
}
