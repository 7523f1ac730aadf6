package dev.jtensor.bench;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** A broadcasting float32 add (a row vector added to every row of a matrix) on one thread. */
public class ElementwiseBench extends BenchConfig {
    private Tensor a;
    private Tensor b;
    private Tensor out;

    /** a [4096, 1024] and b [1024], standard normal, and an output [4096, 1024] for the out= variant. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        Generator g = Tensor.manualSeed(0);
        a = Tensor.randn(g, 4096, 1024);
        b = Tensor.randn(g, 1024);
        out = Tensor.zeros(4096, 1024);
    }

    /** [4096, 1024] + [1024] into a new [4096, 1024]; mirrors {@code a + b} in PyTorch. */
    @Benchmark
    public Tensor addBroadcast() {
        return a.add(b);
    }

    /** [4096, 1024] + [1024] written into an existing [4096, 1024]; mirrors {@code torch.add(a, b, out=out)}. */
    @Benchmark
    public Tensor addBroadcastInto() {
        return a.add(b, out);
    }
}
