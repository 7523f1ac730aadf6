package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random mixes of index items on random shapes (contiguous and permuted layouts) against a naive
 * reference that loops over output positions and computes each source coordinate from the items
 * directly, for reading, for {@code indexPut_} with and without accumulate, and for the gather
 * family.
 */
class IndexingPropertiesTest {

    // ------------------------------------------------------------------ random cases

    /** One index item as the reference sees it. */
    sealed interface Item permits AtItem, SliceItem, EllipsisItem, NewAxisItem, IntsItem, MaskItem {}

    record AtItem(long index) implements Item {}

    record SliceItem(Long start, Long stop, Long step) implements Item {}

    record EllipsisItem() implements Item {}

    record NewAxisItem() implements Item {}

    /** Integer indices of the given shape, row-major; int32 when {@code int32}. */
    record IntsItem(long[] shape, long[] values, boolean int32) implements Item {}

    /** A bool mask of the given shape, row-major. */
    record MaskItem(long[] shape, boolean[] values) implements Item {}

    /** A tensor shape, how its storage is laid out (a permutation), and the items. */
    record Case(long[] shape, int[] layout, List<Item> items, long seed) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + " layout " + Arrays.toString(layout) + " items " + describe(items);
        }
    }

    static String describe(List<Item> items) {
        StringBuilder b = new StringBuilder("[");
        for (Item it : items) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(switch (it) {
                case AtItem a -> Long.toString(a.index());
                case SliceItem s -> (s.start() == null ? "" : s.start()) + ":" + (s.stop() == null ? "" : s.stop())
                        + (s.step() == null ? "" : ":" + s.step());
                case EllipsisItem e -> "...";
                case NewAxisItem n -> "None";
                case IntsItem t -> (t.int32() ? "i32" : "i64") + Arrays.toString(t.shape()) + Arrays.toString(t.values());
                case MaskItem m -> "mask" + Arrays.toString(m.shape()) + Arrays.toString(m.values());
            });
        }
        return b.append("]").toString();
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(IndexingPropertiesTest::randomCase);
    }

    static Case randomCase(Random r) {
        int rank = r.nextInt(5);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(4);
        }
        int[] layout = permutation(r, rank);
        // A broadcast shape the integer index tensors share (each may drop or squash dims of it).
        long[] base = new long[r.nextInt(3)];
        for (int d = 0; d < base.length; d++) {
            base[d] = 1 + r.nextInt(3);
        }
        // First the kinds and how many dims each consumes (0-5 as below; 6+k a mask over k dims),
        // so that the ellipsis can take exactly the dims left over.
        boolean tooMany = r.nextInt(20) == 0;
        List<Integer> kinds = new ArrayList<>();
        int consumed = 0;
        boolean ellipsis = false;
        int steps = r.nextInt(rank + 3);
        for (int s = 0; s < steps; s++) {
            int roll = r.nextInt(9);
            int kind = roll >= 7 ? 4 : roll;
            int k = kind == 6 ? r.nextInt(3) : 0;
            int c = switch (kind) {
                case 0 -> 0;
                case 1 -> 0;
                case 6 -> k;
                default -> 1;
            };
            if (kind == 1 && ellipsis) {
                continue;
            }
            if (consumed + c > rank && !tooMany) {
                continue;
            }
            ellipsis |= kind == 1;
            consumed += c;
            kinds.add(kind == 6 ? 6 + k : kind);
        }
        int skip = Math.max(0, rank - consumed);
        List<Item> items = new ArrayList<>();
        int dim = 0;
        for (int kind : kinds) {
            long n = dim < rank ? shape[dim] : 1;
            switch (kind) {
                case 0 -> items.add(new NewAxisItem());
                case 1 -> {
                    items.add(new EllipsisItem());
                    dim += skip;
                }
                case 2 -> {
                    // Now and then one step out of bounds, which must throw.
                    long lo = r.nextInt(12) == 0 ? -n - 1 : -n;
                    long hi = r.nextInt(12) == 0 ? n + 1 : n;
                    items.add(hi > lo ? new AtItem(r.nextLong(lo, hi)) : new SliceItem(null, null, null));
                    dim++;
                }
                case 3 -> {
                    Long start = r.nextBoolean() ? null : r.nextLong(-n - 2, n + 3);
                    Long stop = r.nextBoolean() ? null : r.nextLong(-n - 2, n + 3);
                    Long step = r.nextBoolean() ? null : (long) (1 + r.nextInt(3));
                    items.add(new SliceItem(start, stop, step));
                    dim++;
                }
                case 4, 5 -> {
                    long[] ts = new long[r.nextInt(base.length + 1)];
                    for (int d = 0; d < ts.length; d++) {
                        ts[d] = r.nextInt(3) == 0 ? 1 : base[base.length - ts.length + d];
                    }
                    long[] values = new long[(int) Shapes.numel(ts)];
                    if (n == 0 && values.length > 0) {
                        items.add(new SliceItem(null, null, null));
                    } else {
                        for (int i = 0; i < values.length; i++) {
                            values[i] = r.nextLong(-n, n);
                        }
                        items.add(new IntsItem(ts, values, r.nextInt(4) == 0));
                    }
                    dim++;
                }
                default -> {
                    int k = kind - 6;
                    long[] ms = new long[k];
                    for (int j = 0; j < k; j++) {
                        ms[j] = dim + j < rank ? shape[dim + j] : 1;
                    }
                    boolean[] values = new boolean[(int) Shapes.numel(ms)];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = r.nextInt(3) != 0;
                    }
                    items.add(new MaskItem(ms, values));
                    dim += k;
                }
            }
        }
        return new Case(shape, layout, items, r.nextLong());
    }

    static int[] permutation(Random r, int n) {
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

    // ------------------------------------------------------------------ the reference

    /** A dim of the view the basic items make: an original dim walked by start/step, or a new axis. */
    record ViewDim(int orig, long start, long step, long size) {
        boolean isNew() {
            return orig < 0;
        }
    }

    /**
     * For each output position (row-major), the row-major flat position in the source it reads, or
     * null when PyTorch rejects the index.
     */
    record Plan(long[] outShape, long[] sourcePositions) {}

    static Plan reference(long[] shape, List<Item> items) {
        int rank = shape.length;
        int specified = 0;
        int ellipses = 0;
        for (Item it : items) {
            switch (it) {
                case AtItem a -> specified++;
                case SliceItem s -> specified++;
                case IntsItem t -> specified++;
                case MaskItem m -> specified += m.shape().length;
                case EllipsisItem e -> ellipses++;
                case NewAxisItem n -> { }
            }
        }
        if (specified > rank || ellipses > 1) {
            return null;
        }
        long[] fixed = new long[rank];
        List<ViewDim> dims = new ArrayList<>();
        // Per view dim: the integer index values and their shape, when advanced.
        List<long[]> advValues = new ArrayList<>();
        List<long[]> advShapes = new ArrayList<>();
        int o = 0;
        for (Item it : items) {
            switch (it) {
                case AtItem a -> {
                    if (a.index() < -shape[o] || a.index() >= shape[o]) {
                        return null;
                    }
                    fixed[o] = a.index() < 0 ? a.index() + shape[o] : a.index();
                    o++;
                }
                case SliceItem s -> {
                    long n = shape[o];
                    long step = s.step() == null ? 1 : s.step();
                    long start = clamp(s.start() == null ? 0 : s.start(), n);
                    long stop = clamp(s.stop() == null ? n : s.stop(), n);
                    long len = stop > start ? (stop - start + step - 1) / step : 0;
                    dims.add(new ViewDim(o, start, step, len));
                    advValues.add(null);
                    advShapes.add(null);
                    o++;
                }
                case EllipsisItem e -> {
                    for (int k = 0; k < rank - specified; k++) {
                        dims.add(new ViewDim(o, 0, 1, shape[o]));
                        advValues.add(null);
                        advShapes.add(null);
                        o++;
                    }
                }
                case NewAxisItem n -> {
                    dims.add(new ViewDim(-1, 0, 1, 1));
                    advValues.add(null);
                    advShapes.add(null);
                }
                case IntsItem t when t.shape().length == 0 -> {
                    long v = t.values()[0];
                    if (v < -shape[o] || v >= shape[o]) {
                        return null;
                    }
                    fixed[o] = v < 0 ? v + shape[o] : v;
                    o++;
                }
                case IntsItem t -> {
                    for (long v : t.values()) {
                        if (v < -shape[o] || v >= shape[o]) {
                            return null;
                        }
                    }
                    dims.add(new ViewDim(o, 0, 1, shape[o]));
                    long[] wrapped = t.values().clone();
                    for (int i = 0; i < wrapped.length; i++) {
                        wrapped[i] = wrapped[i] < 0 ? wrapped[i] + shape[o] : wrapped[i];
                    }
                    advValues.add(wrapped);
                    advShapes.add(t.shape());
                    o++;
                }
                case MaskItem m -> {
                    int k = m.shape().length;
                    if (k == 0) {
                        dims.add(new ViewDim(-1, 0, 1, 1));
                        advValues.add(m.values()[0] ? new long[] {0} : new long[0]);
                        advShapes.add(new long[] {m.values()[0] ? 1 : 0});
                        continue;
                    }
                    // nonzero(), one coordinate list per mask dim.
                    List<long[]> coords = new ArrayList<>();
                    long[] c = new long[k];
                    for (boolean b : m.values()) {
                        if (b) {
                            coords.add(c.clone());
                        }
                        for (int d = k - 1; d >= 0 && ++c[d] == m.shape()[d]; d--) {
                            c[d] = 0;
                        }
                    }
                    for (int j = 0; j < k; j++) {
                        dims.add(new ViewDim(o, 0, 1, shape[o]));
                        long[] col = new long[coords.size()];
                        for (int i = 0; i < col.length; i++) {
                            col[i] = coords.get(i)[j];
                        }
                        advValues.add(col);
                        advShapes.add(new long[] {col.length});
                        o++;
                    }
                }
            }
        }
        while (o < rank) {
            dims.add(new ViewDim(o, 0, 1, shape[o]));
            advValues.add(null);
            advShapes.add(null);
            o++;
        }
        int nd = dims.size();
        long[] b = null;
        int first = -1;
        int last = -1;
        boolean adjacent = true;
        for (int p = 0; p < nd; p++) {
            if (advShapes.get(p) == null) {
                continue;
            }
            if (b == null) {
                b = advShapes.get(p);
            } else if (!Shapes.broadcastable(b, advShapes.get(p))) {
                return null;
            } else {
                b = Shapes.broadcast(b, advShapes.get(p));
            }
            if (first >= 0 && p != last + 1) {
                adjacent = false;
            }
            if (first < 0) {
                first = p;
            }
            last = p;
        }
        // Output dims: -1 - j for dim j of the broadcast shape, else a view dim.
        List<Integer> outDims = new ArrayList<>();
        if (b != null && !adjacent) {
            for (int j = 0; j < b.length; j++) {
                outDims.add(-1 - j);
            }
        }
        for (int p = 0; p < nd; p++) {
            if (advShapes.get(p) != null) {
                if (adjacent && p == first) {
                    for (int j = 0; j < b.length; j++) {
                        outDims.add(-1 - j);
                    }
                }
                continue;
            }
            outDims.add(p);
        }
        long[] outShape = new long[outDims.size()];
        for (int i = 0; i < outShape.length; i++) {
            int od = outDims.get(i);
            outShape[i] = od < 0 ? b[-1 - od] : dims.get(od).size();
        }
        long n = Shapes.numel(outShape);
        long[] positions = new long[(int) n];
        long[] pos = new long[outShape.length];
        long[] srcStrides = Shapes.contiguousStrides(shape);
        for (int e = 0; e < n; e++) {
            long[] bc = b == null ? null : new long[b.length];
            long[] viewCoord = new long[nd];
            for (int i = 0; i < outShape.length; i++) {
                int od = outDims.get(i);
                if (od < 0) {
                    bc[-1 - od] = pos[i];
                } else {
                    viewCoord[od] = pos[i];
                }
            }
            for (int p = 0; p < nd; p++) {
                long[] ts = advShapes.get(p);
                if (ts == null) {
                    continue;
                }
                // Broadcast lookup of the index tensor at the broadcast coordinate.
                long flat = 0;
                for (int d = 0; d < ts.length; d++) {
                    long cd = ts[d] == 1 ? 0 : bc[b.length - ts.length + d];
                    flat = flat * ts[d] + cd;
                }
                viewCoord[p] = advValues.get(p)[(int) flat];
            }
            long[] src = fixed.clone();
            for (int p = 0; p < nd; p++) {
                ViewDim vd = dims.get(p);
                if (!vd.isNew()) {
                    src[vd.orig()] = vd.start() + viewCoord[p] * vd.step();
                }
            }
            long off = 0;
            for (int d = 0; d < rank; d++) {
                off += src[d] * srcStrides[d];
            }
            positions[e] = off;
            for (int d = outShape.length - 1; d >= 0 && ++pos[d] == outShape[d]; d--) {
                pos[d] = 0;
            }
        }
        return new Plan(outShape, positions);
    }

    private static long clamp(long v, long n) {
        long x = v < 0 ? v + n : v;
        return Math.max(0, Math.min(x, n));
    }

    // ------------------------------------------------------------------ building tensors

    /** A float64 tensor of {@code shape} holding {@code data} (row-major), stored in the layout's dim order. */
    static Tensor laidOut(double[] data, long[] shape, int[] layout) {
        Tensor t = Tensor.fromArray(data, shape.length == 0 ? new long[0] : shape);
        if (shape.length < 2) {
            return t;
        }
        int[] inverse = new int[layout.length];
        for (int i = 0; i < layout.length; i++) {
            inverse[layout[i]] = i;
        }
        return t.permute(layout).contiguous().permute(inverse);
    }

    static Index[] toIndex(List<Item> items) {
        Index[] out = new Index[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (items.get(i)) {
                case AtItem a -> Index.at(a.index());
                case SliceItem s -> Index.slice(s.start(), s.stop(), s.step());
                case EllipsisItem e -> Index.ellipsis();
                case NewAxisItem n -> Index.newAxis();
                case IntsItem t -> {
                    Tensor v = Tensor.fromArray(t.values(), t.values().length).view(t.shape());
                    yield Index.tensor(t.int32() ? v.to(DType.INT32) : v);
                }
                case MaskItem m -> Index.tensor(Tensor.fromArray(m.values(), m.values().length).view(m.shape()));
            };
        }
        return out;
    }

    static double[] iota(long n) {
        double[] d = new double[(int) n];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return d;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 400)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // collected for a failing run's report only
    void indexMatchesReference(@ForAll("cases") Case c) {
        Plan plan = reference(c.shape(), c.items());
        Tensor x = laidOut(iota(Shapes.numel(c.shape())), c.shape(), c.layout());
        Index[] items = toIndex(c.items());
        boolean basic = c.items().stream().noneMatch(it -> it instanceof MaskItem
                || it instanceof IntsItem t && t.shape().length > 0);
        Statistics.collect(plan == null ? "rejected" : basic ? "basic" : "advanced");
        if (plan == null) {
            assertThrows(TensorException.class, () -> x.index(items), c::toString);
            return;
        }
        Tensor y = x.index(items);
        assertArrayEquals(plan.outShape(), y.shape(), c::toString);
        double[] expected = new double[plan.sourcePositions().length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = plan.sourcePositions()[i];
        }
        assertArrayEquals(expected, y.toDoubleArray(), c::toString);
        if (basic) {
            // Only-basic items give a view of the same storage.
            org.junit.jupiter.api.Assertions.assertTrue(y.sharesStorage(x), c::toString);
        } else {
            org.junit.jupiter.api.Assertions.assertFalse(y.sharesStorage(x), c::toString);
        }
    }

    @Property(tries = 400)
    void indexPutMatchesReference(@ForAll("cases") Case c) {
        Plan plan = reference(c.shape(), c.items());
        Random r = new Random(c.seed());
        double[] data = new double[(int) Shapes.numel(c.shape())];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextInt(100);
        }
        Index[] items = toIndex(c.items());
        if (plan == null) {
            Tensor x = laidOut(data, c.shape(), c.layout());
            assertThrows(TensorException.class, () -> x.indexPut_(items, 1.0), c::toString);
            assertArrayEquals(data, x.toDoubleArray(), "unchanged after the error");
            return;
        }
        // A value of the indexed shape, or one that broadcasts to it (size-1 and missing dims).
        long[] out = plan.outShape();
        long[] vs = out.clone();
        for (int d = 0; d < vs.length; d++) {
            if (r.nextInt(3) == 0) {
                vs[d] = 1;
            }
        }
        int drop = vs.length == 0 ? 0 : r.nextInt(vs.length + 1);
        long[] valueShape = Arrays.copyOfRange(vs, drop, vs.length);
        double[] vdata = new double[(int) Shapes.numel(valueShape)];
        for (int i = 0; i < vdata.length; i++) {
            vdata[i] = 1 + r.nextInt(9);
        }
        Tensor value = Tensor.fromArray(vdata, vdata.length).view(valueShape);
        for (boolean accumulate : new boolean[] {false, true}) {
            double[] expected = data.clone();
            long[] pos = new long[out.length];
            long[] vstr = Shapes.contiguousStrides(valueShape);
            for (int e = 0; e < plan.sourcePositions().length; e++) {
                long vo = 0;
                for (int d = 0; d < valueShape.length; d++) {
                    int od = out.length - valueShape.length + d;
                    vo += (valueShape[d] == 1 ? 0 : pos[od]) * vstr[d];
                }
                int at = (int) plan.sourcePositions()[e];
                expected[at] = accumulate ? expected[at] + vdata[(int) vo] : vdata[(int) vo];
                for (int d = out.length - 1; d >= 0 && ++pos[d] == out[d]; d--) {
                    pos[d] = 0;
                }
            }
            Tensor x = laidOut(data, c.shape(), c.layout());
            Tensor returned = x.indexPut_(items, value, accumulate);
            org.junit.jupiter.api.Assertions.assertSame(x, returned);
            assertArrayEquals(expected, x.toDoubleArray(), () -> c + " accumulate=" + accumulate + " value "
                    + Arrays.toString(valueShape));
            Tensor fresh = laidOut(data, c.shape(), c.layout());
            assertArrayEquals(expected, fresh.indexPut(items, value, accumulate).toDoubleArray(), c::toString);
            assertArrayEquals(data, fresh.toDoubleArray(), "out-of-place indexPut leaves its input alone");
        }
    }

    /** gather, scatter, scatterAdd, indexSelect and indexAdd on random shapes against loops. */
    @Property(tries = 300)
    void gatherFamilyMatchesLoops(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        int rank = 1 + r.nextInt(3);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + r.nextInt(4);
        }
        int dim = r.nextInt(rank);
        Tensor x = laidOut(iota(Shapes.numel(shape)), shape, permutation(r, rank));
        long[] strides = Shapes.contiguousStrides(shape);
        // index no larger than x apart from dim
        long[] is = new long[rank];
        for (int d = 0; d < rank; d++) {
            is[d] = d == dim ? r.nextInt(6) : r.nextInt((int) shape[d] + 1);
        }
        long[] idx = new long[(int) Shapes.numel(is)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt((int) shape[dim]);
        }
        Tensor index = Tensor.fromArray(idx, idx.length).view(is);
        long[] istr = Shapes.contiguousStrides(is);
        double[] src = new double[idx.length];
        for (int i = 0; i < src.length; i++) {
            src[i] = 1 + r.nextInt(9);
        }
        Tensor srcT = Tensor.fromArray(src, src.length).view(is);
        double[] gathered = new double[idx.length];
        double[] scattered = iota(Shapes.numel(shape));
        double[] added = iota(Shapes.numel(shape));
        for (int i = 0; i < idx.length; i++) {
            long off = 0;
            long rem = i;
            for (int d = 0; d < rank; d++) {
                long c = rem / istr[d];
                rem %= istr[d];
                off += (d == dim ? idx[i] : c) * strides[d];
            }
            gathered[i] = off;
            scattered[(int) off] = src[i];
            added[(int) off] += src[i];
        }
        assertArrayEquals(gathered, x.gather(dim, index).toDoubleArray());
        assertArrayEquals(is, x.gather(dim, index).shape());
        assertArrayEquals(scattered, x.scatter(dim, index, srcT).toDoubleArray());
        assertArrayEquals(added, x.scatterAdd(dim, index, srcT).toDoubleArray());
        assertArrayEquals(iota(Shapes.numel(shape)), x.toDoubleArray(), "out-of-place ops leave x alone");

        // indexSelect / indexAdd with a 1-d index along dim.
        long[] sel = new long[r.nextInt(6)];
        for (int i = 0; i < sel.length; i++) {
            sel[i] = r.nextInt((int) shape[dim]);
        }
        Tensor selT = Tensor.fromArray(sel, sel.length);
        long[] os = shape.clone();
        os[dim] = sel.length;
        long[] ostr = Shapes.contiguousStrides(os);
        double[] selected = new double[(int) Shapes.numel(os)];
        double[] source = new double[selected.length];
        double[] indexAdded = iota(Shapes.numel(shape));
        for (int i = 0; i < selected.length; i++) {
            source[i] = 1 + r.nextInt(9);
            long off = 0;
            long rem = i;
            for (int d = 0; d < rank; d++) {
                long c = rem / ostr[d];
                rem %= ostr[d];
                off += (d == dim ? sel[(int) c] : c) * strides[d];
            }
            selected[i] = off;
            indexAdded[(int) off] += 2 * source[i];
        }
        assertArrayEquals(os, x.indexSelect(dim, selT).shape());
        assertArrayEquals(selected, x.indexSelect(dim, selT).toDoubleArray());
        Tensor sourceT = Tensor.fromArray(source, source.length).view(os);
        assertArrayEquals(indexAdded, x.indexAdd(dim, selT, sourceT, 2).toDoubleArray());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
