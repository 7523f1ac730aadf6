package dev.jtensor.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library's promise that a program gives the same bits whatever the thread count: a few
 * training steps of a two-layer network (products, bias adds, tanh, sigmoid, log-softmax,
 * cross-entropy, their backward, bias-gradient reductions, SGD) sized so that every one of those
 * kernels splits its work across threads, run on 1 to 4 threads and compared bit for bit.
 */
class ThreadCountDeterminismTest {

    /** The losses of each step followed by every parameter's final values, as raw float bits. */
    private static int[] train(int threads) {
        int before = Parallel.getNumThreads();
        Parallel.setNumThreads(threads);
        try {
            Generator g = new Generator(20261121L);
            Tensor x = Tensor.randn(g, 384, 300);
            Tensor target = Tensor.randint(1000, new long[] {384}, g);
            Tensor w1 = Tensor.randn(g, 300, 256).mul(0.06).requiresGrad(true);
            Tensor b1 = Tensor.randn(g, 256).mul(0.1).requiresGrad(true);
            Tensor w2 = Tensor.randn(g, 256, 1000).mul(0.06).requiresGrad(true);
            Tensor b2 = Tensor.randn(g, 1000).mul(0.1).requiresGrad(true);
            List<Tensor> params = List.of(w1, b1, w2, b2);
            SGD sgd = new SGD(params, 0.5);
            List<Integer> bits = new ArrayList<>();
            for (int step = 0; step < 3; step++) {
                Tensor h = x.matmul(w1).add(b1).tanh();
                Tensor logits = h.matmul(w2).add(b2);
                Tensor loss = F.crossEntropy(logits, target)
                        .add(F.logSoftmax(logits, 1).mean().mul(-0.01))
                        .add(h.sigmoid().mean().mul(0.1));
                sgd.zeroGrad();
                loss.backward();
                sgd.step();
                bits.add(Float.floatToRawIntBits(loss.toFloatArray()[0]));
            }
            for (Tensor p : params) {
                for (float v : p.detach().toFloatArray()) {
                    bits.add(Float.floatToRawIntBits(v));
                }
            }
            return bits.stream().mapToInt(Integer::intValue).toArray();
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void trainingStepsGiveTheSameBitsOnOneToFourThreads() {
        int[] one = train(1);
        assertEquals(3 + 300 * 256 + 256 + 256 * 1000 + 1000, one.length);
        for (int threads = 2; threads <= 4; threads++) {
            assertArrayEquals(one, train(threads), threads + " threads against 1");
        }
        // And the same again on one thread, after everything above has been compiled by the JIT.
        assertArrayEquals(one, train(1), "1 thread, warm, against 1 thread, cold");
    }
}
