package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.UnaryOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row kernels for float32 and float64 elementwise ops. Each row gives, per operand, the array, the
 * index of the first element and the step between elements ({@code 0} for a broadcast operand).
 * Two implementations: {@link ScalarFloatKernels}, plain loops for every case, and
 * {@code VectorFloatKernels}, Vector API loops for contiguous and scalar-broadcast rows of the hot
 * ops that fall back to the scalar twin otherwise. The choice is made once, at class
 * initialisation, following Lucene's pattern: the vector version is used only when the
 * {@code jdk.incubator.vector} module is present at run time, and the reason is logged when it is not.
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

    /** The implementation chosen at start-up. */
    static FloatKernels get() {
        return Holder.INSTANCE;
    }

    /** Lazily chooses the implementation once. */
    final class Holder {
        static final FloatKernels INSTANCE = choose();

        private Holder() {}

        private static FloatKernels choose() {
            Logger log = LoggerFactory.getLogger(FloatKernels.class);
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                log.warn("JTensor uses scalar CPU kernels: the Vector API module jdk.incubator.vector is not "
                        + "present; start the JVM with --add-modules jdk.incubator.vector for vectorised kernels");
                return new ScalarFloatKernels();
            }
            try {
                // Loaded by name so that this class never links against the incubator module.
                FloatKernels k = (FloatKernels) Class.forName("dev.jtensor.core.cpu.VectorFloatKernels")
                        .getDeclaredConstructor().newInstance();
                log.debug("JTensor uses Vector API CPU kernels: {}", k);
                return k;
            } catch (ReflectiveOperationException | LinkageError e) {
                log.warn("JTensor uses scalar CPU kernels: the Vector API kernels failed to load ({})", e.toString());
                return new ScalarFloatKernels();
            }
        }
    }
}
