package dev.jtensor.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.optim.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10^4-step training loop whose activations and gradients are large enough to go through the CPU
 * storage pool (a [64, 512] float32 hidden layer is 128 KiB): the heap in use after a full collection
 * stays flat, so recycled storages neither leak nor pile up. Prints the heap it measured.
 */
class StoragePoolSoakTest {
    private static final int STEPS = 10_000;

    /**
     * {@code CpuStorage.pooledBytes()}, through reflection: the CPU backend's package is not exported
     * to this module at compile time (tests run on the class path, where it is reachable).
     */
    private static long pooledBytes() {
        try {
            return (Long) Class.forName("dev.jtensor.core.cpu.CpuStorage").getMethod("pooledBytes").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("CpuStorage.pooledBytes() is missing", e);
        }
    }

    /** {heap in use, bytes of it that the pool holds for reuse} after full collections. */
    private static long[] heapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long[] best = {Long.MAX_VALUE, 0};
        // A few collections: the cleaner thread returns arrays between them; take the lowest reading.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            long pooled = pooledBytes();
            long used = rt.totalMemory() - rt.freeMemory();
            if (used - pooled < best[0] - best[1]) {
                best = new long[] {used, pooled};
            }
        }
        return best;
    }

    @Test
    void heapStaysFlatOverTenThousandSteps() throws InterruptedException {
        Generator g = Tensor.manualSeed(11);
        Tensor w1 = Tensor.randn(g, 32, 512).mul(0.1).requiresGrad(true);
        Tensor b1 = Tensor.zeros(512).requiresGrad(true);
        Tensor w2 = Tensor.randn(g, 512, 10).mul(0.05).requiresGrad(true);
        Tensor b2 = Tensor.zeros(10).requiresGrad(true);
        SGD opt = new SGD(List.of(w1, b1, w2, b2), 0.05);
        Tensor[] xs = new Tensor[16];
        Tensor[] ys = new Tensor[16];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Tensor.randn(g, 64, 32);
            ys[i] = Tensor.randint(0, 10, new long[] {64}, g);
        }
        long[] marks = {500, 2_500, 5_000, 7_500, STEPS};
        long[][] heap = new long[marks.length][];
        double first = Double.NaN;
        double last = Double.NaN;
        int m = 0;
        for (int step = 1; step <= STEPS; step++) {
            Tensor h = xs[step % xs.length].matmul(w1).add(b1).tanh();
            Tensor loss = F.crossEntropy(h.matmul(w2).add(b2), ys[step % ys.length]);
            opt.zeroGrad();
            loss.backward();
            opt.step();
            if (step == 1) {
                first = loss.item();
            }
            if (step == marks[m]) {
                heap[m++] = heapAfterGc();
            }
            last = step == STEPS ? loss.item() : last;
        }
        StringBuilder line = new StringBuilder("SOAK steps=" + STEPS
                + " heap after GC, MiB (of which held by the storage pool):");
        for (int i = 0; i < marks.length; i++) {
            line.append(String.format(" %d:%.1f(%.1f)", marks[i], heap[i][0] / 1048576.0, heap[i][1] / 1048576.0));
        }
        System.out.println(line + String.format(" loss %.4f -> %.4f", first, last));
        assertTrue(last < first, "the model trains (loss " + first + " -> " + last + ")");
        // The pool is bounded by its capacity; everything else in use must not grow.
        long growth = (heap[heap.length - 1][0] - heap[heap.length - 1][1]) - (heap[0][0] - heap[0][1]);
        assertTrue(growth < 16L << 20, "heap outside the pool grew by " + growth / 1048576.0
                + " MiB between steps 500 and " + STEPS);
        long cap = Long.getLong("jtensor.pool.bytes", Math.min(Runtime.getRuntime().maxMemory() / 4, 1L << 30));
        for (long[] h : heap) {
            assertTrue(h[1] <= cap, "the pool holds " + h[1] + " bytes, over its capacity " + cap);
        }
    }
}
