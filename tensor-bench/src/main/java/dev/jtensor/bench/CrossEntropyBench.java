package dev.jtensor.bench;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Cross-entropy loss of a large batch of logits, forward and backward, on one thread. */
public class CrossEntropyBench extends BenchConfig {
    private Tensor logits;
    private Tensor targets;

    /** [4096, 1000] float32 logits requiring grad and [4096] int64 class targets. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        Generator g = Tensor.manualSeed(0);
        logits = Tensor.randn(g, 4096, 1000).requiresGrad(true);
        targets = Tensor.randint(1000, new long[] {4096}, g);
    }

    /**
     * The mean loss and its gradient [4096, 1000] in {@code logits.grad()}; mirrors
     * {@code logits.grad = None; F.cross_entropy(logits, targets).backward()} in PyTorch.
     */
    @Benchmark
    public Tensor forwardBackward() {
        // Drop the previous gradient so that backward writes a fresh one instead of accumulating.
        logits.setGrad(null);
        F.crossEntropy(logits, targets).backward();
        return logits.grad();
    }
}
