package dev.jtensor.bench;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Square float32 matrix products on one or two threads; the report turns times into GFLOP/s (2n³ flops). */
public class MatmulBench extends BenchConfig {
    /** The matrix size: [n, n] @ [n, n]. */
    @Param({"128", "256", "512", "1024", "2048"})
    public int n;

    /** The library's thread count ({@code Parallel.setNumThreads}), NumPy's OpenBLAS threads in the anchor. */
    @Param({"1", "2"})
    public int threads;

    private Tensor a;
    private Tensor b;

    /** Two [n, n] standard normal matrices. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(threads);
        Generator g = Tensor.manualSeed(0);
        a = Tensor.randn(g, n, n);
        b = Tensor.randn(g, n, n);
    }

    /** [n, n] @ [n, n] into a new output; mirrors NumPy's {@code a @ b} (float32, OpenBLAS sgemm). */
    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
