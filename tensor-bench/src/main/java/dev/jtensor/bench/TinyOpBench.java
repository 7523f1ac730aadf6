package dev.jtensor.bench;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** The fixed cost of one op call: argument checks, broadcasting, dtype promotion, allocation, dispatch. */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TinyOpBench extends BenchConfig {
    private Tensor a;
    private Tensor b;

    /** Two 2x2 float32 tensors. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        Generator g = Tensor.manualSeed(0);
        a = Tensor.randn(g, 2, 2);
        b = Tensor.randn(g, 2, 2);
    }

    /** 2x2 + 2x2 into a new tensor; mirrors {@code a + b} on 2x2 tensors in PyTorch. */
    @Benchmark
    public Tensor add2x2() {
        return a.add(b);
    }
}
