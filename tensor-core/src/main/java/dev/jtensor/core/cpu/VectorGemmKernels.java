package dev.jtensor.core.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM micro-kernels: tiles of {@code mr} rows by 2 vectors of the preferred
 * species, each k step two loads of B, one broadcast per row and {@code 2 * mr} fused
 * multiply-adds into accumulators that stay in registers.
 *
 * <p>The row count is picked from the register file: with 16 vector registers (AVX2, NEON-width
 * species) C2 keeps 4 x 2 accumulators, 2 B vectors and the broadcasts without spilling, while a
 * 6 x 2 tile spills: C2 schedules all six broadcast loads of a k step before its first
 * multiply-add (12 accumulators + 6 broadcasts + 2 B vectors > 16), and even when the k step is
 * split so that fewer broadcasts are live, the register allocator still spills one accumulator
 * once the kernel sits in the driver; the float32 6 x 2 tile then runs at half the 4 x 2 tile's
 * speed. With 32 registers (AVX-512) the 6 x 2 tile fits and hides the FMA latency with room to
 * spare. The float32 kernels read A from panels of rows (row i's k step p at {@code i*kc + p}),
 * so that packing a row-major A is one contiguous copy per row. Only
 * {@link GemmKernels} touches this class, and only after checking that the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorGemmKernels {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();
    private static final int DL = DS.length();
    /** AVX-512 and wider: 32 architectural vector registers. */
    private static final boolean WIDE = FS.vectorBitSize() >= 512;

    private VectorGemmKernels() {}

    /** The float32 kernel for this machine, or null when the preferred species holds fewer than 4 floats. */
    static GemmKernels.FloatMicroKernel floatKernel() {
        if (FL < 4) {
            return null;
        }
        return WIDE ? new Float6() : new Float4();
    }

    /** The float64 kernel for this machine, or null when the preferred species holds fewer than 2 doubles. */
    static GemmKernels.DoubleMicroKernel doubleKernel() {
        if (DL < 2) {
            return null;
        }
        return WIDE ? new Double6() : new Double4();
    }

    /** {@link FloatGemm#packB} with each full panel row copied as two vectors. */
    private static void packB(float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp, int off) {
        int nr = 2 * FL;
        int full = csb == 1 ? nc - nc % nr : 0;
        for (int jr = 0; jr < full; jr += nr) {
            int s = src + jr;
            int d = off + jr * kc;
            for (int p = 0; p < kc; p++, s += rsb, d += nr) {
                FloatVector.fromArray(FS, b, s).intoArray(bp, d);
                FloatVector.fromArray(FS, b, s + FL).intoArray(bp, d + FL);
            }
        }
        if (full < nc) {
            FloatGemm.packB(b, src + full * csb, rsb, csb, kc, nc - full, nr, bp, off + full * kc);
        }
    }

    /** {@code C = acc} or, with {@code add}, {@code C = acc + C}: the tile update for alpha 1, beta 0 or 1. */
    private static void store(FloatVector acc, float[] c, int ci, boolean add) {
        if (add) {
            acc.add(FloatVector.fromArray(FS, c, ci)).intoArray(c, ci);
        } else {
            acc.intoArray(c, ci);
        }
    }

    private static void update(DoubleVector acc, double[] c, int ci, double alpha, double beta) {
        DoubleVector r = alpha == 1 ? acc : acc.mul(alpha);
        if (beta == 0) {
            r.intoArray(c, ci);
        } else if (beta == 1) {
            r.add(DoubleVector.fromArray(DS, c, ci)).intoArray(c, ci);
        } else {
            r.add(DoubleVector.fromArray(DS, c, ci).mul(beta)).intoArray(c, ci);
        }
    }

    /** 4 x (2 * lanes) float32 tiles. */
    static final class Float4 implements GemmKernels.FloatMicroKernel {
        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 2 * FL;
        }

        @Override
        public void packB(float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp, int off) {
            VectorGemmKernels.packB(b, src, rsb, csb, kc, nc, bp, off);
        }

        @Override
        public void run(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int rsc, int csc,
                        int rows, int cols, float[] ab, float[] tile) {
            FloatVector z = FloatVector.broadcast(FS, -0f);
            FloatVector c00 = z, c01 = z, c10 = z, c11 = z;
            FloatVector c20 = z, c21 = z, c30 = z, c31 = z;
            int nr = 2 * FL;
            int a1 = ao + 1 * kc;
            int a2 = ao + 2 * kc;
            int a3 = ao + 3 * kc;
            for (int p = 0; p < kc; p++, bo += nr) {
                FloatVector b0 = FloatVector.fromArray(FS, b, bo);
                FloatVector b1 = FloatVector.fromArray(FS, b, bo + FL);
                FloatVector x = FloatVector.broadcast(FS, a[ao + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(FS, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(FS, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(FS, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
            }
            float alpha = ab[0];
            float beta = ab[1];
            if (rows == 4 && cols == nr && csc == 1 && alpha == 1f && (beta == 0f || beta == 1f)) {
                boolean add = beta == 1f;
                store(c00, c, co, add);
                store(c01, c, co + FL, add);
                co += rsc;
                store(c10, c, co, add);
                store(c11, c, co + FL, add);
                co += rsc;
                store(c20, c, co, add);
                store(c21, c, co + FL, add);
                co += rsc;
                store(c30, c, co, add);
                store(c31, c, co + FL, add);
                return;
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, FL);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + FL);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + FL);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + FL);
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
        }
    }

    /** 6 x (2 * lanes) float32 tiles. */
    static final class Float6 implements GemmKernels.FloatMicroKernel {
        @Override
        public int mr() {
            return 6;
        }

        @Override
        public int nr() {
            return 2 * FL;
        }

        @Override
        public void packB(float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp, int off) {
            VectorGemmKernels.packB(b, src, rsb, csb, kc, nc, bp, off);
        }

        @Override
        public void run(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int rsc, int csc,
                        int rows, int cols, float[] ab, float[] tile) {
            FloatVector z = FloatVector.broadcast(FS, -0f);
            FloatVector c00 = z, c01 = z, c10 = z, c11 = z;
            FloatVector c20 = z, c21 = z, c30 = z, c31 = z;
            FloatVector c40 = z, c41 = z, c50 = z, c51 = z;
            int nr = 2 * FL;
            int a1 = ao + 1 * kc;
            int a2 = ao + 2 * kc;
            int a3 = ao + 3 * kc;
            int a4 = ao + 4 * kc;
            int a5 = ao + 5 * kc;
            for (int p = 0; p < kc; p++, bo += nr) {
                FloatVector b0 = FloatVector.fromArray(FS, b, bo);
                FloatVector b1 = FloatVector.fromArray(FS, b, bo + FL);
                FloatVector x = FloatVector.broadcast(FS, a[ao + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(FS, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(FS, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(FS, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(FS, a[a4 + p]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(FS, a[a5 + p]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
            }
            float alpha = ab[0];
            float beta = ab[1];
            if (rows == 6 && cols == nr && csc == 1 && alpha == 1f && (beta == 0f || beta == 1f)) {
                boolean add = beta == 1f;
                store(c00, c, co, add);
                store(c01, c, co + FL, add);
                co += rsc;
                store(c10, c, co, add);
                store(c11, c, co + FL, add);
                co += rsc;
                store(c20, c, co, add);
                store(c21, c, co + FL, add);
                co += rsc;
                store(c30, c, co, add);
                store(c31, c, co + FL, add);
                co += rsc;
                store(c40, c, co, add);
                store(c41, c, co + FL, add);
                co += rsc;
                store(c50, c, co, add);
                store(c51, c, co + FL, add);
                return;
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, FL);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + FL);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + FL);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + FL);
            c40.intoArray(tile, 4 * nr);
            c41.intoArray(tile, 4 * nr + FL);
            c50.intoArray(tile, 5 * nr);
            c51.intoArray(tile, 5 * nr + FL);
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
        }
    }

    /** 4 x (2 * lanes) float64 tiles. */
    static final class Double4 implements GemmKernels.DoubleMicroKernel {
        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 2 * DL;
        }

        @Override
        public void run(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int rsc, int csc,
                        int rows, int cols, double alpha, double beta, double[] tile) {
            DoubleVector z = DoubleVector.broadcast(DS, -0d);
            DoubleVector c00 = z, c01 = z, c10 = z, c11 = z;
            DoubleVector c20 = z, c21 = z, c30 = z, c31 = z;
            int nr = 2 * DL;
            for (int p = 0; p < kc; p++, ao += 4, bo += nr) {
                DoubleVector b0 = DoubleVector.fromArray(DS, b, bo);
                DoubleVector b1 = DoubleVector.fromArray(DS, b, bo + DL);
                DoubleVector x = DoubleVector.broadcast(DS, a[ao]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(DS, a[ao + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(DS, a[ao + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(DS, a[ao + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
            }
            if (rows == 4 && cols == nr && csc == 1) {
                update(c00, c, co, alpha, beta);
                update(c01, c, co + DL, alpha, beta);
                co += rsc;
                update(c10, c, co, alpha, beta);
                update(c11, c, co + DL, alpha, beta);
                co += rsc;
                update(c20, c, co, alpha, beta);
                update(c21, c, co + DL, alpha, beta);
                co += rsc;
                update(c30, c, co, alpha, beta);
                update(c31, c, co + DL, alpha, beta);
                return;
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, DL);
            c10.intoArray(tile, nr);
            c11.intoArray(tile, nr + DL);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + DL);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + DL);
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
        }
    }

    /** 6 x (2 * lanes) float64 tiles. */
    static final class Double6 implements GemmKernels.DoubleMicroKernel {
        @Override
        public int mr() {
            return 6;
        }

        @Override
        public int nr() {
            return 2 * DL;
        }

        @Override
        public void run(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int rsc, int csc,
                        int rows, int cols, double alpha, double beta, double[] tile) {
            DoubleVector z = DoubleVector.broadcast(DS, -0d);
            DoubleVector c00 = z, c01 = z, c10 = z, c11 = z;
            DoubleVector c20 = z, c21 = z, c30 = z, c31 = z;
            DoubleVector c40 = z, c41 = z, c50 = z, c51 = z;
            int nr = 2 * DL;
            for (int p = 0; p < kc; p++, ao += 6, bo += nr) {
                DoubleVector b0 = DoubleVector.fromArray(DS, b, bo);
                DoubleVector b1 = DoubleVector.fromArray(DS, b, bo + DL);
                DoubleVector x = DoubleVector.broadcast(DS, a[ao]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(DS, a[ao + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(DS, a[ao + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(DS, a[ao + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = DoubleVector.broadcast(DS, a[ao + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = DoubleVector.broadcast(DS, a[ao + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
            }
            if (rows == 6 && cols == nr && csc == 1) {
                update(c00, c, co, alpha, beta);
                update(c01, c, co + DL, alpha, beta);
                co += rsc;
                update(c10, c, co, alpha, beta);
                update(c11, c, co + DL, alpha, beta);
                co += rsc;
                update(c20, c, co, alpha, beta);
                update(c21, c, co + DL, alpha, beta);
                co += rsc;
                update(c30, c, co, alpha, beta);
                update(c31, c, co + DL, alpha, beta);
                co += rsc;
                update(c40, c, co, alpha, beta);
                update(c41, c, co + DL, alpha, beta);
                co += rsc;
                update(c50, c, co, alpha, beta);
                update(c51, c, co + DL, alpha, beta);
                return;
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, DL);
            c10.intoArray(tile, nr);
            c11.intoArray(tile, nr + DL);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + DL);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + DL);
            c40.intoArray(tile, 4 * nr);
            c41.intoArray(tile, 4 * nr + DL);
            c50.intoArray(tile, 5 * nr);
            c51.intoArray(tile, 5 * nr + DL);
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
        }
    }
}
