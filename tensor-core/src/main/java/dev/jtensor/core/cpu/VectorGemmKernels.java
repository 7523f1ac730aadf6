package dev.jtensor.core.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM micro-kernels: tiles of {@code mr} rows by 2 vectors of the preferred
 * species, each k step two loads of B, one broadcast per row and {@code 2 * mr} fused
 * multiply-adds into accumulators that stay in registers.
 *
 * <p>Every kernel takes its species (128, 256 or 512 bits), so tests run each width on any machine;
 * each output element is the same fused multiply-add chain at every width and in the scalar twins.
 * Both dtypes use 6 x 2 tiles everywhere: 12 accumulator chains hide the FMA latency and each k
 * step loads 8 values for 12 multiply-adds. With AVX2's 16 vector registers that leaves 4 for the
 * 2 B vectors and the broadcasts, which C2 manages only when the k loop sits in a method of its
 * own ({@code accumulate}: the accumulators are stored to the scratch tile and C is updated
 * afterwards); with the C update in the same method C2 spilled an accumulator to the stack every
 * k step and the tile ran at half speed, as it did when A panels were interleaved (one pointer,
 * all six broadcasts scheduled before the first multiply-add). Measured on a Zen 3 EPYC, the
 * 6 x 2 tile is 5 to 25 per cent faster than the 4 x 2 one, which stays as a second kernel under
 * the twin tests. The kernels read A from panels of rows (row i's k step p at {@code i*kc + p}),
 * so that packing a row-major A is one contiguous copy per row. Only
 * {@link GemmKernels} touches this class, and only after checking that the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorGemmKernels {
    private VectorGemmKernels() {}

    /** The float32 kernel at {@code bits} (128, 256 or 512) bits. */
    static GemmKernels.FloatMicroKernel floatKernel(int bits) {
        return new Float6(PanamaFloatMath.at(bits));
    }

    /** The float64 kernel at {@code bits} (128, 256 or 512) bits. */
    static GemmKernels.DoubleMicroKernel doubleKernel(int bits) {
        return new Double6(PanamaFloatMath.at(bits));
    }

    /** {@link FloatGemm#packB} with each full panel row copied as two vectors. */
    private static void packB(PanamaFloatMath w, float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp,
                              int off) {
        VectorSpecies<Float> fs = w.sp();
        int fl = fs.length();
        int nr = 2 * fl;
        int full = csb == 1 ? nc - nc % nr : 0;
        for (int jr = 0; jr < full; jr += nr) {
            int s = src + jr;
            int d = off + jr * kc;
            for (int p = 0; p < kc; p++, s += rsb, d += nr) {
                FloatVector.fromArray(fs, b, s).intoArray(bp, d);
                FloatVector.fromArray(fs, b, s + fl).intoArray(bp, d + fl);
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
    private static void updateTile(PanamaFloatMath w, float[] tile, float[] c, int co, int rsc, int csc, int rows,
                                   int cols, float[] ab) {
        VectorSpecies<Float> fs = w.sp();
        int fl = fs.length();
        int nr = 2 * fl;
        float alpha = ab[0];
        float beta = ab[1];
        if (cols != nr || csc != 1) {
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
            return;
        }
        for (int i = 0, t = 0; i < rows; i++, t += nr, co += rsc) {
            FloatVector r0 = FloatVector.fromArray(fs, tile, t);
            FloatVector r1 = FloatVector.fromArray(fs, tile, t + fl);
            if (alpha != 1f) {
                r0 = r0.mul(alpha);
                r1 = r1.mul(alpha);
            }
            if (beta == 1f) {
                r0 = r0.add(FloatVector.fromArray(fs, c, co));
                r1 = r1.add(FloatVector.fromArray(fs, c, co + fl));
            } else if (beta != 0f) {
                r0 = r0.add(FloatVector.fromArray(fs, c, co).mul(beta));
                r1 = r1.add(FloatVector.fromArray(fs, c, co + fl).mul(beta));
            }
            r0.intoArray(c, co);
            r1.intoArray(c, co + fl);
        }
    }

    /** {@link DoubleGemm#packB} with each full panel row copied as two vectors. */
    private static void packB(PanamaFloatMath w, double[] b, int src, int rsb, int csb, int kc, int nc,
                              double[] bp, int off) {
        VectorSpecies<Double> ds = w.dp();
        int dl = ds.length();
        int nr = 2 * dl;
        int full = csb == 1 ? nc - nc % nr : 0;
        for (int jr = 0; jr < full; jr += nr) {
            int s = src + jr;
            int d = off + jr * kc;
            for (int p = 0; p < kc; p++, s += rsb, d += nr) {
                DoubleVector.fromArray(ds, b, s).intoArray(bp, d);
                DoubleVector.fromArray(ds, b, s + dl).intoArray(bp, d + dl);
            }
        }
        if (full < nc) {
            DoubleGemm.packB(b, src + full * csb, rsb, csb, kc, nc - full, nr, bp, off + full * kc);
        }
    }

    /** As the float32 {@code updateTile}, in double. */
    private static void updateTile(PanamaFloatMath w, double[] tile, double[] c, int co, int rsc, int csc,
                                   int rows, int cols, double[] ab) {
        VectorSpecies<Double> ds = w.dp();
        int dl = ds.length();
        int nr = 2 * dl;
        double alpha = ab[0];
        double beta = ab[1];
        if (cols != nr || csc != 1) {
            GemmKernels.writeBack(tile, nr, c, co, rsc, csc, rows, cols, alpha, beta);
            return;
        }
        for (int i = 0, t = 0; i < rows; i++, t += nr, co += rsc) {
            DoubleVector r0 = DoubleVector.fromArray(ds, tile, t);
            DoubleVector r1 = DoubleVector.fromArray(ds, tile, t + dl);
            if (alpha != 1) {
                r0 = r0.mul(alpha);
                r1 = r1.mul(alpha);
            }
            if (beta == 1) {
                r0 = r0.add(DoubleVector.fromArray(ds, c, co));
                r1 = r1.add(DoubleVector.fromArray(ds, c, co + dl));
            } else if (beta != 0) {
                r0 = r0.add(DoubleVector.fromArray(ds, c, co).mul(beta));
                r1 = r1.add(DoubleVector.fromArray(ds, c, co + dl).mul(beta));
            }
            r0.intoArray(c, co);
            r1.intoArray(c, co + dl);
        }
    }

    /** 4 x (2 * lanes) float32 tiles. */
    static final class Float4 implements GemmKernels.FloatMicroKernel {
        private final PanamaFloatMath w;

        /** The kernel at the width of {@code w}. */
        Float4(PanamaFloatMath w) {
            this.w = w;
        }

        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 2 * w.sp().length();
        }

        @Override
        public void packB(float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp, int off) {
            VectorGemmKernels.packB(w, b, src, rsb, csb, kc, nc, bp, off);
        }

        @Override
        public void run(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int rsc, int csc,
                        int rows, int cols, float[] ab, float[] tile) {
            accumulate(kc, a, ao, b, bo, tile);
            updateTile(w, tile, c, co, rsc, csc, rows, cols, ab);
        }

        /** The k loop alone (the C update is elsewhere, so the JIT allocates registers for the loop only). */
        private void accumulate(int kc, float[] a, int ao, float[] b, int bo, float[] tile) {
            VectorSpecies<Float> fs = w.sp();
            int fl = fs.length();
            FloatVector z = FloatVector.broadcast(fs, -0f);
            FloatVector c00 = z, c01 = z, c10 = z, c11 = z;
            FloatVector c20 = z, c21 = z, c30 = z, c31 = z;
            int nr = 2 * fl;
            int a1 = ao + 1 * kc;
            int a2 = ao + 2 * kc;
            int a3 = ao + 3 * kc;
            for (int p = 0; p < kc; p++, bo += nr) {
                FloatVector b0 = FloatVector.fromArray(fs, b, bo);
                FloatVector b1 = FloatVector.fromArray(fs, b, bo + fl);
                FloatVector x = FloatVector.broadcast(fs, a[ao + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(fs, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(fs, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(fs, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, fl);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + fl);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + fl);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + fl);
        }
    }

    /** 6 x (2 * lanes) float32 tiles. */
    static final class Float6 implements GemmKernels.FloatMicroKernel {
        private final PanamaFloatMath w;

        /** The kernel at the width of {@code w}. */
        Float6(PanamaFloatMath w) {
            this.w = w;
        }

        @Override
        public int mr() {
            return 6;
        }

        @Override
        public int nr() {
            return 2 * w.sp().length();
        }

        @Override
        public void packB(float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp, int off) {
            VectorGemmKernels.packB(w, b, src, rsb, csb, kc, nc, bp, off);
        }

        @Override
        public void run(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int rsc, int csc,
                        int rows, int cols, float[] ab, float[] tile) {
            accumulate(kc, a, ao, b, bo, tile);
            updateTile(w, tile, c, co, rsc, csc, rows, cols, ab);
        }

        /** The k loop alone (the C update is elsewhere, so the JIT allocates registers for the loop only). */
        private void accumulate(int kc, float[] a, int ao, float[] b, int bo, float[] tile) {
            VectorSpecies<Float> fs = w.sp();
            int fl = fs.length();
            FloatVector z = FloatVector.broadcast(fs, -0f);
            FloatVector c00 = z, c01 = z, c10 = z, c11 = z;
            FloatVector c20 = z, c21 = z, c30 = z, c31 = z;
            FloatVector c40 = z, c41 = z, c50 = z, c51 = z;
            int nr = 2 * fl;
            int a1 = ao + 1 * kc;
            int a2 = ao + 2 * kc;
            int a3 = ao + 3 * kc;
            int a4 = ao + 4 * kc;
            int a5 = ao + 5 * kc;
            for (int p = 0; p < kc; p++, bo += nr) {
                FloatVector b0 = FloatVector.fromArray(fs, b, bo);
                FloatVector b1 = FloatVector.fromArray(fs, b, bo + fl);
                FloatVector x = FloatVector.broadcast(fs, a[ao + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(fs, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(fs, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(fs, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(fs, a[a4 + p]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(fs, a[a5 + p]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, fl);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + fl);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + fl);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + fl);
            c40.intoArray(tile, 4 * nr);
            c41.intoArray(tile, 4 * nr + fl);
            c50.intoArray(tile, 5 * nr);
            c51.intoArray(tile, 5 * nr + fl);
        }
    }

    /** 4 x (2 * lanes) float64 tiles. */
    static final class Double4 implements GemmKernels.DoubleMicroKernel {
        private final PanamaFloatMath w;

        /** The kernel at the width of {@code w}. */
        Double4(PanamaFloatMath w) {
            this.w = w;
        }

        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 2 * w.dp().length();
        }

        @Override
        public void packB(double[] b, int src, int rsb, int csb, int kc, int nc, double[] bp, int off) {
            VectorGemmKernels.packB(w, b, src, rsb, csb, kc, nc, bp, off);
        }

        @Override
        public void run(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int rsc, int csc,
                        int rows, int cols, double[] ab, double[] tile) {
            accumulate(kc, a, ao, b, bo, tile);
            updateTile(w, tile, c, co, rsc, csc, rows, cols, ab);
        }

        /** The k loop alone (the C update is elsewhere, so the JIT allocates registers for the loop only). */
        private void accumulate(int kc, double[] a, int ao, double[] b, int bo, double[] tile) {
            VectorSpecies<Double> ds = w.dp();
            int dl = ds.length();
            DoubleVector z = DoubleVector.broadcast(ds, -0d);
            DoubleVector c00 = z, c01 = z, c10 = z, c11 = z;
            DoubleVector c20 = z, c21 = z, c30 = z, c31 = z;
            int nr = 2 * dl;
            int a1 = ao + 1 * kc;
            int a2 = ao + 2 * kc;
            int a3 = ao + 3 * kc;
            for (int p = 0; p < kc; p++, bo += nr) {
                DoubleVector b0 = DoubleVector.fromArray(ds, b, bo);
                DoubleVector b1 = DoubleVector.fromArray(ds, b, bo + dl);
                DoubleVector x = DoubleVector.broadcast(ds, a[ao + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(ds, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(ds, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(ds, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, dl);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + dl);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + dl);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + dl);
        }
    }

    /** 6 x (2 * lanes) float64 tiles. */
    static final class Double6 implements GemmKernels.DoubleMicroKernel {
        private final PanamaFloatMath w;

        /** The kernel at the width of {@code w}. */
        Double6(PanamaFloatMath w) {
            this.w = w;
        }

        @Override
        public int mr() {
            return 6;
        }

        @Override
        public int nr() {
            return 2 * w.dp().length();
        }

        @Override
        public void packB(double[] b, int src, int rsb, int csb, int kc, int nc, double[] bp, int off) {
            VectorGemmKernels.packB(w, b, src, rsb, csb, kc, nc, bp, off);
        }

        @Override
        public void run(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int rsc, int csc,
                        int rows, int cols, double[] ab, double[] tile) {
            accumulate(kc, a, ao, b, bo, tile);
            updateTile(w, tile, c, co, rsc, csc, rows, cols, ab);
        }

        /** The k loop alone (the C update is elsewhere, so the JIT allocates registers for the loop only). */
        private void accumulate(int kc, double[] a, int ao, double[] b, int bo, double[] tile) {
            VectorSpecies<Double> ds = w.dp();
            int dl = ds.length();
            DoubleVector z = DoubleVector.broadcast(ds, -0d);
            DoubleVector c00 = z, c01 = z, c10 = z, c11 = z;
            DoubleVector c20 = z, c21 = z, c30 = z, c31 = z;
            DoubleVector c40 = z, c41 = z, c50 = z, c51 = z;
            int nr = 2 * dl;
            int a1 = ao + 1 * kc;
            int a2 = ao + 2 * kc;
            int a3 = ao + 3 * kc;
            int a4 = ao + 4 * kc;
            int a5 = ao + 5 * kc;
            for (int p = 0; p < kc; p++, bo += nr) {
                DoubleVector b0 = DoubleVector.fromArray(ds, b, bo);
                DoubleVector b1 = DoubleVector.fromArray(ds, b, bo + dl);
                DoubleVector x = DoubleVector.broadcast(ds, a[ao + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(ds, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(ds, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(ds, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = DoubleVector.broadcast(ds, a[a4 + p]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = DoubleVector.broadcast(ds, a[a5 + p]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
            }
            c00.intoArray(tile, 0);
            c01.intoArray(tile, dl);
            c10.intoArray(tile, 1 * nr);
            c11.intoArray(tile, 1 * nr + dl);
            c20.intoArray(tile, 2 * nr);
            c21.intoArray(tile, 2 * nr + dl);
            c30.intoArray(tile, 3 * nr);
            c31.intoArray(tile, 3 * nr + dl);
            c40.intoArray(tile, 4 * nr);
            c41.intoArray(tile, 4 * nr + dl);
            c50.intoArray(tile, 5 * nr);
            c51.intoArray(tile, 5 * nr + dl);
        }
    }
}
