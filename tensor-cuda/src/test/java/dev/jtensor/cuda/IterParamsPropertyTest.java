package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.TensorIterator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random views (permuted, sliced with steps, broadcast): the kernel's walk equals the CPU iterator's. */
class IterParamsPropertyTest {
    @Property(tries = 300)
    void kernelWalkMatchesTheCpuIterator(@ForAll @Size(max = 5) List<@IntRange(min = 1, max = 4) Integer> sizes,
                                         @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        java.util.Random rnd = new java.util.Random(seed);
        int nd = sizes.size();
        long[] shape = new long[nd];
        long numel = 1;
        for (int d = 0; d < nd; d++) {
            shape[d] = sizes.get(d) + 1;
            numel *= shape[d];
        }
        Tensor view = Tensor.arange(0, numel).reshape(shape);
        int[] perm = new int[nd];
        for (int d = 0; d < nd; d++) {
            perm[d] = d;
        }
        for (int d = nd - 1; d > 0; d--) {
            int j = rnd.nextInt(d + 1);
            int t = perm[d];
            perm[d] = perm[j];
            perm[j] = t;
        }
        view = view.permute(perm);
        for (int d = 0; d < nd; d++) {
            long size = view.size(d);
            long start = rnd.nextInt((int) size);
            long step = 1 + rnd.nextInt(2);
            view = view.slice(d, start, size, step);
        }
        long[] outShape = view.shape();
        // A second input broadcast along a random subset of dims.
        long[] small = outShape.clone();
        for (int d = 0; d < nd; d++) {
            if (rnd.nextBoolean()) {
                small[d] = 1;
            }
        }
        Tensor other = Tensor.zeros(small);
        Tensor out = Tensor.zeros(outShape);
        if (rnd.nextBoolean() && nd >= 2) {
            out = Tensor.zeros(transposeLast(outShape)).transpose(nd - 2, nd - 1);
        }
        TensorIterator it = TensorIterator.of(out, view, other);
        List<long[]> gpu = IterParamsTest.kernelWalk(IterParams.pack(it), 3);
        List<long[]> cpu = IterParamsTest.cpuWalk(it);
        assertEquals(cpu.size(), gpu.size());
        for (int i = 0; i < cpu.size(); i++) {
            assertArrayEquals(cpu.get(i), gpu.get(i), "element " + i);
        }
    }

    private static long[] transposeLast(long[] s) {
        long[] t = s.clone();
        t[s.length - 2] = s[s.length - 1];
        t[s.length - 1] = s[s.length - 2];
        return t;
    }
}
