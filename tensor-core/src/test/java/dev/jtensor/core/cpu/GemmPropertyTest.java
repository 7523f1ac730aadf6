package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtensor.core.DType;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.spi.GemmSpec;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The CPU GEMM on random layouts against a naive triple loop: random sizes, batch dims with
 * broadcasting (stride 0), transposed operands, gaps between rows, offsets into larger storages,
 * alpha and beta; and bitwise independence of the thread count.
 */
class GemmPropertyTest {
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32};

    /** A random operand layout of {@code rows x cols} matrices over {@code batch}; broadcast where {@code bcast[d]}. */
    private static GemmSpec.Operand layout(DType dt, long[] batch, boolean[] bcast, int rows, int cols,
                                           boolean transposed, Random rnd, boolean output) {
        int gap = rnd.nextInt(3);
        long rs;
        long cs;
        long matrix;
        if (transposed) {
            rs = 1;
            cs = rows + gap;
            matrix = (long) cs * Math.max(cols, 1);
        } else {
            cs = 1;
            rs = cols + gap;
            matrix = (long) rs * Math.max(rows, 1);
        }
        long[] bs = new long[batch.length];
        long stride = matrix + rnd.nextInt(2);
        for (int d = batch.length - 1; d >= 0; d--) {
            if (!output && bcast[d]) {
                bs[d] = 0;
            } else {
                bs[d] = stride;
                stride *= batch[d];
            }
        }
        int offset = rnd.nextInt(4);
        int size = (int) (offset + stride + 1);
        return new GemmSpec.Operand(GemmTestSupport.random(dt, size, rnd), offset, rs, cs, bs);
    }

    @Property(tries = 300)
    void randomLayoutsMatchNaiveProduct(@ForAll @IntRange(min = 0, max = 23) int m,
                                        @ForAll @IntRange(min = 0, max = 40) int n,
                                        @ForAll @IntRange(min = 0, max = 300) int k,
                                        @ForAll @IntRange(min = 0, max = 2) int batchDims,
                                        @ForAll long seed) {
        Random rnd = new Random(seed);
        DType dt = DTYPES[rnd.nextInt(DTYPES.length)];
        long[] batch = new long[batchDims];
        boolean[] bcastA = new boolean[batchDims];
        boolean[] bcastB = new boolean[batchDims];
        for (int d = 0; d < batchDims; d++) {
            batch[d] = 1 + rnd.nextInt(3);
            bcastA[d] = rnd.nextInt(3) == 0;
            bcastB[d] = rnd.nextInt(3) == 0;
        }
        double[][] ab = {{1, 0}, {1, 1}, {2, 0}, {-1, 3}};
        double[] alphaBeta = ab[rnd.nextInt(ab.length)];
        GemmSpec spec = new GemmSpec(dt, batch, m, n, k,
                layout(dt, batch, bcastA, m, k, rnd.nextBoolean(), rnd, false),
                layout(dt, batch, bcastB, k, n, rnd.nextBoolean(), rnd, false),
                layout(dt, batch, null, m, n, rnd.nextBoolean(), rnd, true), alphaBeta[0], alphaBeta[1]);
        GemmSpec run = GemmTestSupport.withFreshOutput(spec);
        CpuBackend.INSTANCE.gemm(run);
        GemmTestSupport.checkAgainstNaive(spec, run, dt == DType.FLOAT32 ? 2e-6 : 1e-14);
    }

    @Test
    void resultsAreBitwiseIndependentOfTheThreadCount() {
        int saved = Parallel.getNumThreads();
        try {
            Random rnd = new Random(21);
            long[] none = new long[0];
            for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
                // One large product (split into parts), a batch of 3 (not divisible by 2 threads: split
                // inside matrices), a folded broadcast batch.
                GemmSpec big = GemmTestSupport.plain(dt, 131, 257, 520, rnd);
                long[] b3 = {3};
                GemmSpec batched = new GemmSpec(dt, b3, 67, 129, 300,
                        new GemmSpec.Operand(GemmTestSupport.random(dt, 3 * 67 * 300, rnd), 0, 300, 1, new long[] {67 * 300}),
                        new GemmSpec.Operand(GemmTestSupport.random(dt, 3 * 300 * 129, rnd), 0, 1, 300, new long[] {300 * 129}),
                        new GemmSpec.Operand(GemmTestSupport.random(dt, 3 * 67 * 129, rnd), 0, 129, 1, new long[] {67 * 129}),
                        1, 0);
                GemmSpec folded = new GemmSpec(dt, new long[] {5}, 40, 260, 270,
                        new GemmSpec.Operand(GemmTestSupport.random(dt, 5 * 40 * 270, rnd), 0, 270, 1, new long[] {40 * 270}),
                        new GemmSpec.Operand(GemmTestSupport.random(dt, 270 * 260, rnd), 0, 260, 1, new long[] {0}),
                        new GemmSpec.Operand(GemmTestSupport.random(dt, 5 * 40 * 260, rnd), 0, 260, 1, new long[] {40 * 260}),
                        1, 0);
                // Matrix-vector products, split into parts of uneven lengths.
                GemmSpec rowVector = GemmTestSupport.plain(dt, 1, 13, 40000, rnd);
                GemmSpec columnVector = GemmTestSupport.plain(dt, 4099, 1, 300, rnd);
                for (GemmSpec spec : new GemmSpec[] {big, batched, folded, rowVector, columnVector}) {
                    Parallel.setNumThreads(1);
                    GemmSpec one = GemmTestSupport.withFreshOutput(spec);
                    CpuBackend.INSTANCE.gemm(one);
                    Parallel.setNumThreads(2);
                    GemmSpec two = GemmTestSupport.withFreshOutput(spec);
                    CpuBackend.INSTANCE.gemm(two);
                    Parallel.setNumThreads(3);
                    GemmSpec three = GemmTestSupport.withFreshOutput(spec);
                    CpuBackend.INSTANCE.gemm(three);
                    Object r1 = ((CpuStorage) one.c().storage()).array();
                    Object r2 = ((CpuStorage) two.c().storage()).array();
                    Object r3 = ((CpuStorage) three.c().storage()).array();
                    switch (r1) {
                        case float[] f -> {
                            assertArrayEquals(f, (float[]) r2, "1 vs 2 threads");
                            assertArrayEquals(f, (float[]) r3, "1 vs 3 threads");
                        }
                        case double[] d -> {
                            assertArrayEquals(d, (double[]) r2, "1 vs 2 threads");
                            assertArrayEquals(d, (double[]) r3, "1 vs 3 threads");
                        }
                        case long[] l -> {
                            assertArrayEquals(l, (long[]) r2, "1 vs 2 threads");
                            assertArrayEquals(l, (long[]) r3, "1 vs 3 threads");
                        }
                        default -> throw new AssertionError();
                    }
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }
}
