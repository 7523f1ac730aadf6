package dev.jtensor.core.cpu;

/**
 * The GEMM micro-kernels: a register-blocked Vector API kernel per floating dtype at the width
 * {@link Simd} chose, or the scalar twins below in its scalar mode. The choice is made once, when
 * this class initialises ({@code VectorGemmKernels} is linked only when a vector width was chosen,
 * so only when the {@code jdk.incubator.vector} module is present).
 *
 * <p>A micro-kernel computes one {@code mr x nr} tile of C from a packed A panel ({@code mr}
 * values per k step) and a packed B panel ({@code nr} values per k step). Each output element is
 * a chain of multiply-adds in increasing k that starts from {@code -0.0} (so that a sum of
 * products is exact IEEE addition, signed zeros included), then
 * {@code C = alpha * acc + beta * C}, with C not read when {@code beta == 0}.
 */
final class GemmKernels {

    /** The float32 micro-kernel in use. */
    static final FloatMicroKernel FLOAT = floatAt(Simd.bits());
    /** The float64 micro-kernel in use. */
    static final DoubleMicroKernel DOUBLE = doubleAt(Simd.bits());

    private GemmKernels() {}

    /**
     * The float32 micro-kernel at {@code bits} (128, 256 or 512), or the scalar twin for 0. Only
     * where the Vector API module is present for {@code bits > 0}.
     */
    static FloatMicroKernel floatAt(int bits) {
        return bits == 0 ? new ScalarFloat() : VectorGemmKernels.floatKernel(bits);
    }

    /** The float64 micro-kernel at {@code bits}; see {@link #floatAt}. */
    static DoubleMicroKernel doubleAt(int bits) {
        return bits == 0 ? new ScalarDouble() : VectorGemmKernels.doubleKernel(bits);
    }

    /** A float32 micro-kernel. */
    interface FloatMicroKernel {
        /** Rows of a register tile. */
        int mr();

        /** Columns of a register tile. */
        int nr();

        /**
         * Computes {@code C = alpha * Ap @ Bp + beta * C} for the tile's first {@code rows x cols}
         * elements, C element {@code (i, j)} at {@code c[co + i*rsc + j*csc]}; Ap holds {@code mr}
         * rows of {@code kc} values from {@code ao} (row i's k step p at {@code ao + i*kc + p}), Bp
         * {@code kc} groups of {@code nr} from {@code bo}; {@code ab} holds alpha and beta. {@code tile} is scratch of at least
         * {@code mr * nr} elements. (alpha and beta come in an array because float arguments
         * arrive in vector registers, where the JIT may keep them through the k loop and leave
         * the accumulators a register short.)
         */
        void run(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int rsc, int csc,
                 int rows, int cols, float[] ab, float[] tile);

        /**
         * Packs the {@code kc x nc} block of B at {@code src} (row stride {@code rsb}, column stride
         * {@code csb}) into panels of {@link #nr()} columns from {@code bp[off]}, as
         * {@link FloatGemm#packB} does; a vector kernel copies whole panel rows with vector moves.
         */
        default void packB(float[] b, int src, int rsb, int csb, int kc, int nc, float[] bp, int off) {
            FloatGemm.packB(b, src, rsb, csb, kc, nc, nr(), bp, off);
        }
    }

    /** A float64 micro-kernel; see {@link FloatMicroKernel}. */
    interface DoubleMicroKernel {
        /** Rows of a register tile. */
        int mr();

        /** Columns of a register tile. */
        int nr();

        /** As {@link FloatMicroKernel#run}, in double. */
        void run(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int rsc, int csc,
                 int rows, int cols, double[] ab, double[] tile);

        /** As {@link FloatMicroKernel#packB}, in double. */
        default void packB(double[] b, int src, int rsb, int csb, int kc, int nc, double[] bp, int off) {
            DoubleGemm.packB(b, src, rsb, csb, kc, nc, nr(), bp, off);
        }
    }

    /** Writes a finished tile held row-major in {@code tile} (row length {@code nr}) into C. */
    static void writeBack(float[] tile, int nr, float[] c, int co, int rsc, int csc, int rows, int cols,
                          float alpha, float beta) {
        for (int i = 0; i < rows; i++) {
            int ci = co + i * rsc;
            int t = i * nr;
            for (int j = 0; j < cols; j++, ci += csc) {
                float r = alpha == 1f ? tile[t + j] : tile[t + j] * alpha;
                if (beta == 0f) {
                    c[ci] = r;
                } else if (beta == 1f) {
                    c[ci] = r + c[ci];
                } else {
                    c[ci] = r + beta * c[ci];
                }
            }
        }
    }

    /** Writes a finished tile held row-major in {@code tile} (row length {@code nr}) into C. */
    static void writeBack(double[] tile, int nr, double[] c, int co, int rsc, int csc, int rows, int cols,
                          double alpha, double beta) {
        for (int i = 0; i < rows; i++) {
            int ci = co + i * rsc;
            int t = i * nr;
            for (int j = 0; j < cols; j++, ci += csc) {
                double r = alpha == 1 ? tile[t + j] : tile[t + j] * alpha;
                if (beta == 0) {
                    c[ci] = r;
                } else if (beta == 1) {
                    c[ci] = r + c[ci];
                } else {
                    c[ci] = r + beta * c[ci];
                }
            }
        }
    }

    /**
     * The scalar twin of the float32 kernel: a 4 x 8 tile accumulated in the scratch tile, the
     * inner loop over the 8 columns simple enough for the JIT's auto-vectoriser.
     */
    static final class ScalarFloat implements FloatMicroKernel {
        private static final int MR = 4;
        private static final int NR = 8;

        @Override
        public int mr() {
            return MR;
        }

        @Override
        public int nr() {
            return NR;
        }

        @Override
        public void run(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int rsc, int csc,
                        int rows, int cols, float[] ab, float[] tile) {
            java.util.Arrays.fill(tile, 0, MR * NR, -0f);
            for (int p = 0; p < kc; p++, bo += NR) {
                for (int i = 0; i < MR; i++) {
                    float x = a[ao + i * kc + p];
                    int t = i * NR;
                    for (int j = 0; j < NR; j++) {
                        tile[t + j] = Math.fma(x, b[bo + j], tile[t + j]);
                    }
                }
            }
            writeBack(tile, NR, c, co, rsc, csc, rows, cols, ab[0], ab[1]);
        }
    }

    /** The scalar twin of the float64 kernel; see {@link ScalarFloat}. */
    static final class ScalarDouble implements DoubleMicroKernel {
        private static final int MR = 4;
        private static final int NR = 8;

        @Override
        public int mr() {
            return MR;
        }

        @Override
        public int nr() {
            return NR;
        }

        @Override
        public void run(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int rsc, int csc,
                        int rows, int cols, double[] ab, double[] tile) {
            java.util.Arrays.fill(tile, 0, MR * NR, -0d);
            for (int p = 0; p < kc; p++, bo += NR) {
                for (int i = 0; i < MR; i++) {
                    double x = a[ao + i * kc + p];
                    int t = i * NR;
                    for (int j = 0; j < NR; j++) {
                        tile[t + j] = Math.fma(x, b[bo + j], tile[t + j]);
                    }
                }
            }
            writeBack(tile, NR, c, co, rsc, csc, rows, cols, ab[0], ab[1]);
        }
    }
}
