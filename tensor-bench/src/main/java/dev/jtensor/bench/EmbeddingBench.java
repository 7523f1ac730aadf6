package dev.jtensor.bench;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** An embedding lookup: rows of a large table picked by a batch of int64 indices, on one thread. */
public class EmbeddingBench extends BenchConfig {
    private Tensor table;
    private Tensor idx;

    /** A [50000, 256] float32 table and [64, 128] int64 indices into its rows. */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        Generator g = Tensor.manualSeed(0);
        table = Tensor.randn(g, 50_000, 256);
        idx = Tensor.randint(50_000, new long[] {64, 128}, g);
    }

    /** Gathers [64, 128, 256] from the table; mirrors {@code table[idx]} in PyTorch. */
    @Benchmark
    public Tensor gather() {
        return table.index(idx);
    }
}
