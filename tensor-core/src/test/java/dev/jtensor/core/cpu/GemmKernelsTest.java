package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.spi.GemmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API micro-kernels against their scalar twins, through the whole blocked driver, at
 * awkward sizes: every combination of m, n, k in {0, 1, 7, 13, 207}, a 4099-long dimension in
 * each position (longer than the k slice, the row block and a column slab), and a product whose
 * packed B takes several groups of k slices ({@code 7 x 1100 x 1100}).
 */
class GemmKernelsTest {
    private static final int[] SIZES = {0, 1, 7, 13, 207};

    private static List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : SIZES) {
                    out.add(new int[] {m, n, k});
                }
            }
        }
        out.add(new int[] {4099, 7, 13});
        out.add(new int[] {13, 4099, 7});
        out.add(new int[] {7, 13, 4099});
        out.add(new int[] {1, 4099, 1});
        out.add(new int[] {7, 1100, 1100});
        // Matrix-vector products: the axpy and dot loops must agree, whichever the tile shape picks.
        out.add(new int[] {1, 33, 207});
        out.add(new int[] {33, 1, 207});
        out.add(new int[] {1, 4099, 17});
        out.add(new int[] {4099, 1, 17});
        return out;
    }

    @Test
    void vectorFloatKernelsMatchScalarTwinBitwise() {
        List<GemmKernels.FloatMicroKernel> vector = new ArrayList<>();
        for (int bits : Widths.VECTOR_BITS) {
            vector.add(new VectorGemmKernels.Float4(PanamaFloatMath.at(bits)));
            vector.add(GemmKernels.floatAt(bits));
        }
        FloatGemm scalar = new FloatGemm(new GemmKernels.ScalarFloat());
        Random rnd = new Random(11);
        for (int[] s : shapes()) {
            GemmSpec spec = GemmTestSupport.plain(DType.FLOAT32, s[0], s[1], s[2], rnd);
            GemmSpec ref = GemmTestSupport.withFreshOutput(spec);
            scalar.run(ref);
            GemmTestSupport.checkAgainstNaive(spec, ref, 1e-5);
            for (GemmKernels.FloatMicroKernel k : vector) {
                GemmSpec run = GemmTestSupport.withFreshOutput(spec);
                new FloatGemm(k).run(run);
                assertArrayEquals((float[]) ((CpuStorage) ref.c().storage()).array(),
                        (float[]) ((CpuStorage) run.c().storage()).array(),
                        k.getClass().getSimpleName() + " " + k.nr() + " columns at m, n, k = " + s[0] + ", " + s[1] + ", " + s[2]);
            }
        }
    }

    @Test
    void vectorDoubleKernelsMatchScalarTwinBitwise() {
        List<GemmKernels.DoubleMicroKernel> vector = new ArrayList<>();
        for (int bits : Widths.VECTOR_BITS) {
            vector.add(new VectorGemmKernels.Double4(PanamaFloatMath.at(bits)));
            vector.add(GemmKernels.doubleAt(bits));
        }
        DoubleGemm scalar = new DoubleGemm(new GemmKernels.ScalarDouble());
        Random rnd = new Random(12);
        for (int[] s : shapes()) {
            GemmSpec spec = GemmTestSupport.plain(DType.FLOAT64, s[0], s[1], s[2], rnd);
            GemmSpec ref = GemmTestSupport.withFreshOutput(spec);
            scalar.run(ref);
            GemmTestSupport.checkAgainstNaive(spec, ref, 1e-13);
            for (GemmKernels.DoubleMicroKernel k : vector) {
                GemmSpec run = GemmTestSupport.withFreshOutput(spec);
                new DoubleGemm(k).run(run);
                assertArrayEquals((double[]) ((CpuStorage) ref.c().storage()).array(),
                        (double[]) ((CpuStorage) run.c().storage()).array(),
                        k.getClass().getSimpleName() + " " + k.nr() + " columns at m, n, k = " + s[0] + ", " + s[1] + ", " + s[2]);
            }
        }
    }

    @Test
    void alphaBetaAndBetaZeroIgnoresNaN() {
        Random rnd = new Random(13);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (double[] ab : new double[][] {{1, 1}, {2, 0.5}, {-1.5, 0}, {1, -2}}) {
                GemmSpec p = GemmTestSupport.plain(dt, 37, 41, 300, rnd);
                GemmSpec spec = new GemmSpec(dt, p.batchShape(), p.m(), p.n(), p.k(), p.a(), p.b(), p.c(), ab[0], ab[1]);
                GemmSpec run = GemmTestSupport.withFreshOutput(spec);
                CpuBackend.INSTANCE.gemm(run);
                GemmTestSupport.checkAgainstNaive(spec, run, dt == DType.FLOAT32 ? 1e-5 : 1e-13);
            }
            GemmSpec p = GemmTestSupport.plain(dt, 9, 10, 11, rnd);
            Object c = ((CpuStorage) p.c().storage()).array();
            if (c instanceof float[] f) {
                java.util.Arrays.fill(f, Float.NaN);
            } else {
                java.util.Arrays.fill((double[]) c, Double.NaN);
            }
            CpuBackend.INSTANCE.gemm(p);
            for (int i = 0; i < 90; i++) {
                double v = c instanceof float[] f ? f[i] : ((double[]) c)[i];
                assertTrue(!Double.isNaN(v), "beta = 0 must not read C");
            }
        }
    }

    @Test
    void emptyDepthWritesZerosOrScalesC() {
        Random rnd = new Random(14);
        GemmSpec p = GemmTestSupport.plain(DType.FLOAT32, 5, 6, 0, rnd);
        CpuBackend.INSTANCE.gemm(p);
        for (float v : (float[]) ((CpuStorage) p.c().storage()).array()) {
            assertEquals(0f, v);
            assertEquals(0, Float.floatToRawIntBits(v), "k = 0 gives +0.0");
        }
        GemmSpec q = GemmTestSupport.plain(DType.FLOAT64, 5, 6, 0, rnd);
        GemmSpec scaled = new GemmSpec(q.dtype(), q.batchShape(), 5, 6, 0, q.a(), q.b(), q.c(), 1, 3);
        GemmSpec run = GemmTestSupport.withFreshOutput(scaled);
        CpuBackend.INSTANCE.gemm(run);
        GemmTestSupport.checkAgainstNaive(scaled, run, 1e-15);
    }

    @Test
    void signedZerosOfSingleProductsAreExact() {
        // One product per element (k = 1): -1 * 0 must stay -0.0, as an elementwise product does.
        long[] none = new long[0];
        CpuStorage a = CpuStorage.wrap(new float[] {-1f, 2f});
        CpuStorage b = CpuStorage.wrap(new float[] {0f, -0f});
        CpuStorage c = CpuStorage.allocate(DType.FLOAT32, 4);
        CpuBackend.INSTANCE.gemm(new GemmSpec(DType.FLOAT32, none, 2, 2, 1,
                new GemmSpec.Operand(a, 0, 1, 1, none), new GemmSpec.Operand(b, 0, 2, 1, none),
                new GemmSpec.Operand(c, 0, 2, 1, none), 1, 0));
        float[] r = (float[]) c.array();
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(r[0]));
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(r[1]));
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(r[2]));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(r[3]));
    }

    @Test
    void integerProductsAreExactAndInt32Wraps() {
        Random rnd = new Random(15);
        for (DType dt : new DType[] {DType.INT64, DType.INT32}) {
            for (int[] s : new int[][] {{0, 3, 4}, {5, 0, 2}, {3, 4, 0}, {1, 1, 1}, {13, 7, 207}, {207, 13, 7}}) {
                GemmSpec spec = GemmTestSupport.plain(dt, s[0], s[1], s[2], rnd);
                GemmSpec run = GemmTestSupport.withFreshOutput(spec);
                CpuBackend.INSTANCE.gemm(run);
                GemmTestSupport.checkAgainstNaive(spec, run, 0);
            }
        }
        long[] none = new long[0];
        CpuStorage a = CpuStorage.wrap(new int[] {1 << 30, 1 << 30});
        CpuStorage b = CpuStorage.wrap(new int[] {4, 1});
        CpuStorage c = CpuStorage.allocate(DType.INT32, 1);
        CpuBackend.INSTANCE.gemm(new GemmSpec(DType.INT32, none, 1, 1, 2,
                new GemmSpec.Operand(a, 0, 2, 1, none), new GemmSpec.Operand(b, 0, 1, 1, none),
                new GemmSpec.Operand(c, 0, 1, 1, none), 1, 0));
        assertEquals((1 << 30) * 4 + (1 << 30), ((int[]) c.array())[0], "int32 wraps modulo 2^32");
    }
}
