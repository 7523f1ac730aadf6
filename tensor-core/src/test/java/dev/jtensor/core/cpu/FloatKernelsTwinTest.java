package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.UnaryOp;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Vector API kernel against its scalar twin at the awkward sizes 0, 1, 7, 13, 207 and 4099,
 * for contiguous rows, rows with a broadcast second input, and strided rows (which the vector
 * kernels hand to the twin). Every result must agree bit for bit (NaN with NaN), the float32 math
 * functions included: both sides compute them with the same IEEE operations ({@link FloatMath}).
 */
class FloatKernelsTwinTest {
    private static final int[] SIZES = Widths.SIZES;
    private static final FloatKernels SCALAR = new ScalarFloatKernels();

    @Test
    void vectorKernelsAreChosenWhenTheModuleIsPresent() {
        // The build runs tests with --add-modules jdk.incubator.vector (and jtensor.simd unset, or a width).
        if (Simd.bits() != 0) {
            assertInstanceOf(VectorFloatKernels.class, FloatKernels.get());
        } else {
            assertInstanceOf(ScalarFloatKernels.class, FloatKernels.get());
        }
    }

    private static float[] floats(Random r, int n, boolean positive) {
        float[] special = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, 3e38f};
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(10) == 0 ? special[r.nextInt(special.length)] : (float) (r.nextGaussian() * 4);
            if (positive && a[i] < 0) {
                a[i] = -a[i];
            }
        }
        return a;
    }

    private static double[] doubles(Random r, int n, boolean positive) {
        double[] special = {0d, -0d, 1d, -1d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 1e308};
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(10) == 0 ? special[r.nextInt(special.length)] : r.nextGaussian() * 4;
            if (positive && a[i] < 0) {
                a[i] = -a[i];
            }
        }
        return a;
    }

    private static void check(String what, int i, double v, double s) {
        boolean ok = Double.isNaN(s) || Double.isNaN(v)
                ? Double.isNaN(s) && Double.isNaN(v)
                : Double.doubleToLongBits(v) == Double.doubleToLongBits(s);
        if (!ok) {
            fail(what + " element " + i + ": vector " + v + " vs scalar " + s);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void binaryFloat32(int bits) {
        FloatKernels vector = FloatKernels.at(bits);
        Random r = new Random(1);
        for (BinaryOp op : BinaryOp.values()) {
            if (!VectorFloatKernels.isVectorBinary(op)) {
                continue;
            }
            for (int n : SIZES) {
                for (int ys : new int[] {1, 0}) {
                    for (float alpha : new float[] {1f, -2.5f}) {
                        float[] a = floats(r, n + 3, false);
                        float[] b = floats(r, n + 5, false);
                        float[] v = new float[n + 2];
                        float[] s = new float[n + 2];
                        vector.binary(op, v, 2, 1, a, 3, 1, b, 4, ys, n, alpha);
                        SCALAR.binary(op, s, 2, 1, a, 3, 1, b, 4, ys, n, alpha);
                        for (int i = 0; i < v.length; i++) {
                            check(op + " f32 n=" + n + " ys=" + ys, i, v[i], s[i]);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void binaryFloat64(int bits) {
        FloatKernels vector = FloatKernels.at(bits);
        Random r = new Random(2);
        for (BinaryOp op : BinaryOp.values()) {
            if (!VectorFloatKernels.isVectorBinary(op)) {
                continue;
            }
            for (int n : SIZES) {
                for (int ys : new int[] {1, 0}) {
                    for (double alpha : new double[] {1, 3}) {
                        double[] a = doubles(r, n + 1, false);
                        double[] b = doubles(r, n + 1, false);
                        double[] v = new double[n];
                        double[] s = new double[n];
                        vector.binary(op, v, 0, 1, a, 1, 1, b, 0, ys, n, alpha);
                        SCALAR.binary(op, s, 0, 1, a, 1, 1, b, 0, ys, n, alpha);
                        for (int i = 0; i < n; i++) {
                            check(op + " f64 n=" + n + " ys=" + ys, i, v[i], s[i]);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void comparisons(int bits) {
        FloatKernels vector = FloatKernels.at(bits);
        Random r = new Random(3);
        for (BinaryOp op : new BinaryOp[] {BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE}) {
            for (int n : SIZES) {
                for (int ys : new int[] {1, 0}) {
                    float[] a = floats(r, n, false);
                    float[] b = floats(r, n + 1, false);
                    // Equal pairs, so that EQ and LE see true lanes.
                    for (int i = 0; i < n; i += 3) {
                        b[i] = a[i];
                    }
                    double[] da = doubles(r, n, false);
                    double[] db = doubles(r, n + 1, false);
                    boolean[] v = new boolean[n];
                    boolean[] s = new boolean[n];
                    vector.compare(op, v, 0, 1, a, 0, 1, b, 0, ys, n);
                    SCALAR.compare(op, s, 0, 1, a, 0, 1, b, 0, ys, n);
                    boolean[] dv = new boolean[n];
                    boolean[] dsc = new boolean[n];
                    vector.compare(op, dv, 0, 1, da, 0, 1, db, 1, ys, n);
                    SCALAR.compare(op, dsc, 0, 1, da, 0, 1, db, 1, ys, n);
                    for (int i = 0; i < n; i++) {
                        if (v[i] != s[i] || dv[i] != dsc[i]) {
                            fail(op + " n=" + n + " ys=" + ys + " element " + i);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void unary(int bits) {
        FloatKernels vector = FloatKernels.at(bits);
        Random r = new Random(4);
        for (UnaryOp op : UnaryOp.values()) {
            if (!VectorFloatKernels.isVectorUnary(op)) {
                continue;
            }
            boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.RSQRT;
            for (int n : SIZES) {
                float[] a = floats(r, n + 1, positive);
                float[] v = new float[n];
                float[] s = new float[n];
                vector.unary(op, v, 0, 1, a, 1, 1, n);
                SCALAR.unary(op, s, 0, 1, a, 1, 1, n);
                for (int i = 0; i < n; i++) {
                    check(op + " f32 n=" + n, i, v[i], s[i]);
                }
                double[] da = doubles(r, n, positive);
                double[] dv = new double[n];
                double[] ds = new double[n];
                vector.unary(op, dv, 0, 1, da, 0, 1, n);
                SCALAR.unary(op, ds, 0, 1, da, 0, 1, n);
                for (int i = 0; i < n; i++) {
                    check(op + " f64 n=" + n, i, dv[i], ds[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256, 512})
    void stridedRowsFallBackToTheTwin(int bits) {
        FloatKernels vector = FloatKernels.at(bits);
        Random r = new Random(5);
        for (int n : SIZES) {
            float[] a = floats(r, 2 * n + 1, false);
            float[] b = floats(r, 3 * n + 1, false);
            float[] v = new float[2 * n + 1];
            float[] s = new float[2 * n + 1];
            vector.binary(BinaryOp.MUL, v, 0, 2, a, 0, 2, b, 0, 3, n, 1f);
            SCALAR.binary(BinaryOp.MUL, s, 0, 2, a, 0, 2, b, 0, 3, n, 1f);
            vector.unary(UnaryOp.EXP, v, 1, 2, a, 1, 2, n);
            SCALAR.unary(UnaryOp.EXP, s, 1, 2, a, 1, 2, n);
            for (int i = 0; i < v.length; i++) {
                check("strided n=" + n, i, v[i], s[i]);
            }
        }
    }
}
