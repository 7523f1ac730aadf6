package dev.jtensor.bench;

import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Row-wise softmax of a float32 matrix on one thread. */
public class SoftmaxBench extends BenchConfig {
    private Tensor x;

    /** A [4096, 1024] standard normal input. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        x = Tensor.randn(Tensor.manualSeed(0), 4096, 1024);
    }

    /** Softmax over dim 1 into a new [4096, 1024]; mirrors {@code torch.softmax(x, dim=1)}. */
    @Benchmark
    public Tensor softmaxDim1() {
        return F.softmax(x, 1);
    }
}
