package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.TensorIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packed {@code JtIter} structs, walked the way {@code jt_offsets} in the .cu file walks them,
 * must visit exactly the storage offsets the CPU iterator visits, in the same order.
 */
class IterParamsTest {
    /** Java twin of the kernel's jt_offsets: each element's offsets for every operand, launch by launch. */
    static List<long[]> kernelWalk(List<int[]> launches, int nops) {
        List<long[]> out = new ArrayList<>();
        for (int[] p : launches) {
            int ndim = p[0];
            int numel = p[1];
            for (int i0 = 0; i0 < numel; i0++) {
                long[] off = new long[nops];
                for (int k = 0; k < nops; k++) {
                    off[k] = p[CudaBackend.offsetIndex(k)];
                }
                int i = i0;
                for (int d = 0; d < ndim; d++) {
                    int s = p[2 + d];
                    int c = i % s;
                    i /= s;
                    for (int k = 0; k < nops; k++) {
                        off[k] += (long) c * p[2 + IterParams.MAX_DIMS + k * IterParams.MAX_DIMS + d];
                    }
                }
                out.add(off);
            }
        }
        return out;
    }

    static List<long[]> cpuWalk(TensorIterator it) {
        List<long[]> out = new ArrayList<>();
        int nops = it.operandCount();
        it.forEachRow((offsets, n) -> {
            for (int j = 0; j < n; j++) {
                long[] off = new long[nops];
                for (int k = 0; k < nops; k++) {
                    off[k] = offsets[k] + (long) j * it.innerStride(k);
                }
                out.add(off);
            }
        });
        return out;
    }

    private static void assertSameWalk(TensorIterator it) {
        List<int[]> launches = IterParams.pack(it);
        List<long[]> gpu = kernelWalk(launches, it.operandCount());
        List<long[]> cpu = cpuWalk(it);
        assertEquals(cpu.size(), gpu.size(), "element count");
        for (int i = 0; i < cpu.size(); i++) {
            assertArrayEquals(cpu.get(i), gpu.get(i), "offsets of element " + i);
        }
        for (int[] p : launches) {
            assertEquals(IterParams.INTS, p.length);
            assertTrue(p[0] <= IterParams.MAX_DIMS);
        }
    }

    @Test
    void contiguousCopyIsOneDenseRun() {
        Tensor a = Tensor.zeros(4, 5);
        Tensor b = Tensor.ones(4, 5);
        TensorIterator it = TensorIterator.of(a, b);
        List<int[]> launches = IterParams.pack(it);
        assertEquals(1, launches.size());
        assertTrue(CudaBackend.isDense(launches.getFirst(), 2));
        assertEquals(20, launches.getFirst()[1]);
        assertSameWalk(it);
    }

    @Test
    void transposedBroadcastAndOffsetViews() {
        Tensor big = Tensor.arange(0, 60).reshape(3, 4, 5);
        Tensor out = Tensor.zeros(5, 4);
        assertSameWalk(TensorIterator.of(out, big.select(0, 1).t()));
        Tensor row = Tensor.arange(0, 5).reshape(1, 5);
        Tensor out2 = Tensor.zeros(4, 5);
        assertSameWalk(TensorIterator.of(out2, row, big.select(0, 2)));
        Tensor sliced = big.slice(2, 1, 5, 2).slice(1, 1, 4, 1);
        assertSameWalk(TensorIterator.of(Tensor.zeros(3, 3, 2), sliced));
        assertSameWalk(TensorIterator.of(Tensor.zeros(5, 4).t(), big.select(0, 0)));
        // A negative-stride view (flip builds one internally as the source of its copy).
        Tensor reversed = new Tensor(big.storage(), new long[] {3, 4, 5}, new long[] {20, -5, 1}, 15);
        assertSameWalk(TensorIterator.of(Tensor.zeros(new long[] {3, 4, 5}, big.dtype()), reversed));
        assertFalseDense(TensorIterator.of(out, big.select(0, 1).t()));
    }

    private static void assertFalseDense(TensorIterator it) {
        assertTrue(IterParams.pack(it).stream().noneMatch(p -> CudaBackend.isDense(p, it.operandCount())));
    }

    @Test
    void moreDimsThanAKernelWalksAreSplitOnTheHost() {
        // 12 dims of size 2 permuted so that no two of them coalesce: 10 go to the kernel, 2 to the host.
        int nd = 12;
        long[] shape = new long[nd];
        java.util.Arrays.fill(shape, 2);
        Tensor t = Tensor.arange(0, 1 << nd).reshape(shape);
        int[] perm = {1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10};
        Tensor permuted = t.permute(perm);
        TensorIterator it = TensorIterator.of(Tensor.zeros(shape), permuted);
        assertEquals(nd, it.iterationShape().length, "the permutation must defeat coalescing");
        List<int[]> launches = IterParams.pack(it);
        assertEquals(4, launches.size());
        assertSameWalk(it);
    }

    @Test
    void threeInputsAndAnEmptyIteration() {
        Tensor c = Tensor.zeros(2, 1, 3);
        Tensor x = Tensor.ones(1, 4, 1);
        Tensor y = Tensor.arange(0, 12).reshape(4, 3);
        assertSameWalk(TensorIterator.of(Tensor.zeros(2, 4, 3), c, x, y));
        assertEquals(0, IterParams.pack(TensorIterator.of(Tensor.zeros(0, 3), Tensor.ones(0, 3))).size());
    }

    @Test
    void scalarOutput() {
        assertSameWalk(TensorIterator.of(Tensor.scalar(0.0), Tensor.scalar(2.0)));
    }
}
