package dev.jtensor.bench;

import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Normal random numbers from the default generator on one thread. */
public class RandomBench extends BenchConfig {

    /** Runs on one thread, like the PyTorch anchor (torch.set_num_threads(1)). */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        Tensor.manualSeed(0);
    }

    /** One million float32 standard normals; mirrors {@code torch.randn(1_000_000)}. */
    @Benchmark
    public Tensor randn1M() {
        return Tensor.randn(1_000_000);
    }
}
