package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random chains of view ops agree with a naive reference that maps each output position back to
 * the original element, element by element; and every view still shares the original storage.
 */
class ViewChainPropertyTest {
    /** The reference: a shape and a map from output position to the original row-major index. */
    record Ref(long[] shape, Function<long[], Long> source) {
        long[] enumerate() {
            int n = (int) Shapes.numel(shape);
            long[] out = new long[n];
            long[] idx = new long[shape.length];
            for (int i = 0; i < n; i++) {
                out[i] = source.apply(idx.clone());
                for (int d = shape.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
                    idx[d] = 0;
                }
            }
            return out;
        }
    }

    @Property(tries = 300)
    void randomViewChainsMatchElementwiseReference(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 6) int steps) {
        Random rnd = new Random(seed);
        int rank = 1 + rnd.nextInt(4);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + rnd.nextInt(4);
        }
        Tensor base = Tensor.arange(Shapes.numel(shape)).view(shape);
        long[] baseStrides = Shapes.contiguousStrides(shape);
        Tensor t = base;
        Ref ref = new Ref(shape, idx -> {
            long off = 0;
            for (int d = 0; d < idx.length; d++) {
                off += idx[d] * baseStrides[d];
            }
            return off;
        });
        StringBuilder chain = new StringBuilder(Arrays.toString(shape));
        for (int s = 0; s < steps; s++) {
            int nd = t.dim();
            int op = rnd.nextInt(8);
            Ref r = ref;
            switch (op) {
                case 0 -> { // transpose
                    if (nd < 2) continue;
                    int a = rnd.nextInt(nd), b = rnd.nextInt(nd);
                    t = t.transpose(a, b);
                    long[] sh = ref.shape().clone();
                    sh[a] = ref.shape()[b];
                    sh[b] = ref.shape()[a];
                    ref = new Ref(sh, idx -> {
                        long[] j = idx.clone();
                        j[a] = idx[b];
                        j[b] = idx[a];
                        return r.source().apply(j);
                    });
                    chain.append(".transpose(").append(a).append(',').append(b).append(')');
                }
                case 1 -> { // slice with step
                    if (nd == 0) continue;
                    int d = rnd.nextInt(nd);
                    long size = ref.shape()[d];
                    long start = rnd.nextInt((int) size + 1) - (rnd.nextBoolean() ? size : 0);
                    long stop = rnd.nextInt((int) size + 2);
                    long step = 1 + rnd.nextInt(3);
                    t = t.slice(d, start, stop, step);
                    long a = start < 0 ? Math.max(start + size, 0) : Math.min(start, size);
                    long[] sh = ref.shape().clone();
                    sh[d] = t.size(d);
                    ref = new Ref(sh, idx -> {
                        long[] j = idx.clone();
                        j[d] = a + idx[d] * step;
                        return r.source().apply(j);
                    });
                    chain.append(".slice(").append(d).append(',').append(start).append(',').append(stop)
                            .append(',').append(step).append(')');
                }
                case 2 -> { // select
                    if (nd == 0 || ref.shape()[0] == 0) continue;
                    int d = rnd.nextInt(nd);
                    if (ref.shape()[d] == 0) continue;
                    long i = rnd.nextInt((int) ref.shape()[d]);
                    t = t.select(d, i);
                    long[] sh = new long[nd - 1];
                    for (int k = 0, m = 0; k < nd; k++) {
                        if (k != d) sh[m++] = ref.shape()[k];
                    }
                    ref = new Ref(sh, idx -> {
                        long[] j = new long[nd];
                        for (int k = 0, m = 0; k < nd; k++) {
                            j[k] = k == d ? i : idx[m++];
                        }
                        return r.source().apply(j);
                    });
                    chain.append(".select(").append(d).append(',').append(i).append(')');
                }
                case 3 -> { // unsqueeze
                    int d = rnd.nextInt(nd + 1);
                    t = t.unsqueeze(d);
                    long[] sh = new long[nd + 1];
                    for (int k = 0, m = 0; k <= nd; k++) {
                        sh[k] = k == d ? 1 : ref.shape()[m++];
                    }
                    ref = new Ref(sh, idx -> {
                        long[] j = new long[nd];
                        for (int k = 0, m = 0; k <= nd; k++) {
                            if (k != d) j[m++] = idx[k];
                        }
                        return r.source().apply(j);
                    });
                    chain.append(".unsqueeze(").append(d).append(')');
                }
                case 4 -> { // permute
                    int[] perm = randomPermutation(rnd, nd);
                    t = t.permute(perm);
                    long[] sh = new long[nd];
                    for (int k = 0; k < nd; k++) {
                        sh[k] = ref.shape()[perm[k]];
                    }
                    ref = new Ref(sh, idx -> {
                        long[] j = new long[nd];
                        for (int k = 0; k < nd; k++) {
                            j[perm[k]] = idx[k];
                        }
                        return r.source().apply(j);
                    });
                    chain.append(".permute(").append(Arrays.toString(perm)).append(')');
                }
                case 5 -> { // reshape to flat and back (view when possible, else copy)
                    long[] sh = ref.shape().clone();
                    long[] flat = ref.enumerate();
                    t = t.reshape(-1).reshape(sh);
                    ref = new Ref(sh, idx -> {
                        long off = 0;
                        long[] st = Shapes.contiguousStrides(sh);
                        for (int k = 0; k < idx.length; k++) {
                            off += idx[k] * st[k];
                        }
                        return flat[(int) off];
                    });
                    chain.append(".reshape(-1).reshape(").append(Arrays.toString(sh)).append(')');
                }
                case 6 -> { // expand a size-1 dim
                    int d = -1;
                    for (int k = 0; k < nd; k++) {
                        if (ref.shape()[k] == 1) d = k;
                    }
                    if (d < 0) continue;
                    long[] sh = ref.shape().clone();
                    sh[d] = 1 + rnd.nextInt(3);
                    int dd = d;
                    t = t.expand(sh);
                    ref = new Ref(sh, idx -> {
                        long[] j = idx.clone();
                        j[dd] = 0;
                        return r.source().apply(j);
                    });
                    chain.append(".expand(").append(Arrays.toString(sh)).append(')');
                }
                default -> { // squeeze all
                    t = t.squeeze();
                    long[] sh = Arrays.stream(ref.shape()).filter(x -> x != 1).toArray();
                    long[] full = ref.shape();
                    ref = new Ref(sh, idx -> {
                        long[] j = new long[full.length];
                        for (int k = 0, m = 0; k < full.length; k++) {
                            j[k] = full[k] == 1 ? 0 : idx[m++];
                        }
                        return r.source().apply(j);
                    });
                    chain.append(".squeeze()");
                }
            }
        }
        assertArrayEquals(ref.shape(), t.shape(), chain.toString());
        assertArrayEquals(ref.enumerate(), t.toLongArray(), chain.toString());
    }

    @Property(tries = 100)
    void basicViewsShareStorageAndWritesShowInBase(@ForAll("seeds") long seed) {
        Random rnd = new Random(seed);
        Tensor base = Tensor.zeros(new long[] {3, 4, 5}, DType.INT64);
        Tensor v = base.transpose(0, 2).slice(1, 1, 4, 2).select(0, rnd.nextInt(5));
        assertTrue(v.sharesStorage(base));
        v.fill_(7L);
        long sevens = Arrays.stream(base.toLongArray()).filter(x -> x == 7).count();
        assertEquals(v.numel(), sevens);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    private static int[] randomPermutation(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }
}
