package dev.jtensor.bench;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * A baseline, not a target: what a new [4096, 1024] float32 output costs before any kernel writes it.
 * The JVM hands out zeroed arrays, so this is the price every op with a new large output pays on top
 * of its kernel (ElementwiseBench.addBroadcast, SoftmaxBench, CrossEntropyBench).
 */
public class AllocBench extends BenchConfig {

    /** One thread, like the others. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
    }

    /** An uninitialised-by-contract [4096, 1024] float32 tensor; mirrors {@code torch.empty(4096, 1024)}. */
    @Benchmark
    public Tensor empty4096x1024() {
        return Tensor.empty(new long[] {4096, 1024}, DType.FLOAT32, Device.CPU);
    }
}
