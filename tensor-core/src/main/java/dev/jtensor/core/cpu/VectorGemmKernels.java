package dev.jtensor.core.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM micro-kernels: tiles of {@code mr} rows by 2 vectors of the preferred
 * species, each k step two loads of B, one broadcast per row and {@code 2 * mr} fused
 * multiply-adds into accumulators that stay in registers.
 *
 * <p>float32 uses 6 x 2 tiles everywhere: 12 accumulator chains hide the FMA latency and each k
 * step loads 8 values for 12 multiply-adds. With AVX2's 16 vector registers that leaves 4 for the
 * 2 B vectors and the broadcasts, which C2 manages only when the k loop sits in a method of its
 * own ({@code accumulate}: the accumulators are stored to the scratch tile and C is updated
 * afterwards); with the C update in the same method C2 spilled an accumulator to the stack every
 * k step and the tile ran at half speed, as it did when A panels were interleaved (one pointer,
 * all six broadcasts scheduled before the first multiply-add). Measured on a Zen 3 EPYC, the
 * 6 x 2 tile is a few per cent faster than the 4 x 2 one, which stays as a second kernel under
 * the twin tests. The float32 kernels read A from panels of rows (row i's k step p at
 * {@code i*kc + p}), so that packing a row-major A is one contiguous copy per row. float64 keeps
 * 4 x 2 tiles with 16 registers and 6 x 2 with 32 (AVX-512). Only
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
        return new Float6();
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

    /**
     * Writes a finished tile held row-major in {@code tile} (rows of 2 vectors) into C, as
     * {@link GemmKernels#writeBack} does (the same operations lane by lane, so the same bits), with
     * vector loads and stores when the tile is full-width and C's rows are contiguous.
     */
    private static void updateTile(float[] tile, float[] c, int co, int rsc, int csc, int rows, int cols,
                                   float[] ab) {
        int nr = 2 * FL;
        float alpha = ab[0];
        float beta = ab[1];
        if (cols != nr || csc != 1) {
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
            return;
        }
        for (int i = 0, t = 0; i < rows; i++, t += nr, co += rsc) {
            FloatVector r0 = FloatVector.fromArray(FS, tile, t);
            FloatVector r1 = FloatVector.fromArray(FS, tile, t + FL);
            if (alpha != 1f) {
                r0 = r0.mul(alpha);
                r1 = r1.mul(alpha);
            }
            if (beta == 1f) {
                r0 = r0.add(FloatVector.fromArray(FS, c, co));
                r1 = r1.add(FloatVector.fromArray(FS, c, co + FL));
            } else if (beta != 0f) {
                r0 = r0.add(FloatVector.fromArray(FS, c, co).mul(beta));
                r1 = r1.add(FloatVector.fromArray(FS, c, co + FL).mul(beta));
            }
            r0.intoArray(c, co);
            r1.intoArray(c, co + FL);
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
            accumulate(kc, a, ao, b, bo, tile);
            updateTile(tile, c, co, rsc, csc, rows, cols, ab);
        }

        /** The k loop alone (the C update is elsewhere, so the JIT allocates registers for the loop only). */
        private static void accumulate(int kc, float[] a, int ao, float[] b, int bo, float[] tile) {
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
            c00.intoArray(tile, 0);
            c01.intoArray(tile, FL);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + FL);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + FL);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + FL);
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
            accumulate(kc, a, ao, b, bo, tile);
            updateTile(tile, c, co, rsc, csc, rows, cols, ab);
        }

        /** The k loop alone (the C update is elsewhere, so the JIT allocates registers for the loop only). */
        private static void accumulate(int kc, float[] a, int ao, float[] b, int bo, float[] tile) {
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
