package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.UnaryOp;

/**
 * Row kernels for float32 and float64 elementwise ops. Each row gives, per operand, the array, the
 * index of the first element and the step between elements ({@code 0} for a broadcast operand).
 * Two implementations: {@link ScalarFloatKernels}, plain loops for every case, and
 * {@code VectorFloatKernels}, Vector API loops for contiguous and scalar-broadcast rows of the hot
 * ops that fall back to the scalar twin otherwise. Both give the same bits for every element. The
 * choice is {@link Simd}'s, made once (the vector version only when the {@code jdk.incubator.vector}
 * module is present at run time, the reason logged when it is not).
 */
interface FloatKernels {
    /** {@code out[o] = op(a[x], b[y])} for {@code n} elements; {@code alpha} scales {@code b} for ADD and SUB. */
    void binary(BinaryOp op, float[] out, int o, int os, float[] a, int x, int xs, float[] b, int y, int ys,
            int n, float alpha);

    /** The float64 version of {@link #binary(BinaryOp, float[], int, int, float[], int, int, float[], int, int, int, float)}. */
    void binary(BinaryOp op, double[] out, int o, int os, double[] a, int x, int xs, double[] b, int y, int ys,
            int n, double alpha);

    /** {@code out[o] = a[x] <op> b[y]} for a comparison {@code op}. */
    void compare(BinaryOp op, boolean[] out, int o, int os, float[] a, int x, int xs, float[] b, int y, int ys, int n);

    /** The float64 version of {@link #compare(BinaryOp, boolean[], int, int, float[], int, int, float[], int, int, int)}. */
    void compare(BinaryOp op, boolean[] out, int o, int os, double[] a, int x, int xs, double[] b, int y, int ys, int n);

    /** {@code out[o] = op(a[x])}. */
    void unary(UnaryOp op, float[] out, int o, int os, float[] a, int x, int xs, int n);

    /** The float64 version of {@link #unary(UnaryOp, float[], int, int, float[], int, int, int)}. */
    void unary(UnaryOp op, double[] out, int o, int os, double[] a, int x, int xs, int n);

    /** The implementation at the width {@link Simd} chose at start-up. */
    static FloatKernels get() {
        return Holder.INSTANCE;
    }

    /**
     * The Vector API kernels at {@code bits} (128, 256 or 512), or the scalar ones for 0. Only where
     * the Vector API module is present for {@code bits > 0}.
     */
    static FloatKernels at(int bits) {
        if (bits == 0) {
            return new ScalarFloatKernels();
        }
        try {
            // Loaded by name so that this class never links against the incubator module.
            return (FloatKernels) Class.forName("dev.jtensor.core.cpu.VectorFloatKernels")
                    .getDeclaredConstructor(int.class).newInstance(bits);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API kernels could not be created at " + bits + " bits", e);
        }
    }

    /** Lazily chooses the implementation once. */
    final class Holder {
        static final FloatKernels INSTANCE = at(Simd.bits());

        private Holder() {}
    }
}
