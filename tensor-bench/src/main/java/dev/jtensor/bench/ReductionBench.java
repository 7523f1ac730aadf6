package dev.jtensor.bench;

import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** A row-wise float32 sum on one thread. */
public class ReductionBench extends BenchConfig {
    private Tensor x;

    /** A [4096, 1024] standard normal input; one thread, like the PyTorch anchor. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        x = Tensor.randn(Tensor.manualSeed(0), 4096, 1024);
    }

    /** Sums each row of [4096, 1024] into [4096, 1]; mirrors {@code x.sum(dim=1, keepdim=True)}. */
    @Benchmark
    public Tensor sumDim1() {
        return x.sum(1, true);
    }
}
