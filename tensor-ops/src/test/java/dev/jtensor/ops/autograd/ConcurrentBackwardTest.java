package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Backward passes on several threads meeting in a shared leaf, and the checks of {@code setGrad}. */
class ConcurrentBackwardTest {

    /**
     * Issue 19, item 1: four threads each run 250 backward passes of {@code sum(x @ w)} into one
     * shared leaf {@code w}; every entry of {@code w.grad} must be 4 * 250 * 8 = 8000 (before the
     * per-leaf lock, concurrent read-add-write of {@code grad} lost updates in most runs). Each
     * contribution is a small integer, so the float32 sum is exact in any order.
     */
    @Test
    void concurrentBackwardThroughASharedLeafLosesNoUpdate() throws Exception {
        int threads = 4;
        int steps = 250;
        for (int round = 0; round < 3; round++) {
            Tensor w = Tensor.ones(64, 64).requiresGrad(true);
            Tensor x = Tensor.ones(8, 64);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < steps; i++) {
                            x.matmul(w).sum().backward();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double expected = threads * steps * 8.0;
            assertEquals(expected, w.grad().min().item(), "round " + round + ": smallest entry of w.grad");
            assertEquals(expected, w.grad().max().item(), "round " + round + ": largest entry of w.grad");
        }
    }

    @Test
    void setGradChecksDtypeShapeAndDevice() {
        Tensor w = Tensor.ones(2, 3).requiresGrad(true);
        TensorException dtype = assertThrows(TensorException.class,
                () -> w.setGrad(Tensor.ones(new long[] {2, 3}, DType.FLOAT64)));
        assertTrue(dtype.getMessage().contains("assigned grad has data of a different type"), dtype.getMessage());
        assertTrue(dtype.getMessage().contains("float64") && dtype.getMessage().contains("float32"), dtype.getMessage());
        TensorException size = assertThrows(TensorException.class, () -> w.setGrad(Tensor.ones(3, 2)));
        assertTrue(size.getMessage().contains("assigned grad has data of a different size"), size.getMessage());
        assertTrue(size.getMessage().contains("[3, 2]") && size.getMessage().contains("[2, 3]"), size.getMessage());
        TensorException self = assertThrows(TensorException.class, () -> w.setGrad(w));
        assertTrue(self.getMessage().contains("own grad"), self.getMessage());
        Tensor g = Tensor.ones(2, 3);
        w.setGrad(g);
        assertSame(g, w.grad());
        w.setGrad(null);
        assertEquals(null, w.grad());
    }
}
