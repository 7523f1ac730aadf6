package dev.jtensor.core.cpu;

import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;

/**
 * The CPU implementation of the elementwise primitives: picks the row kernel once per op from the
 * operands' array types, then lets {@link CpuBackend#run} feed it rows (in parallel above the grain
 * size). Float rows go to the {@link FloatKernels} chosen at start-up, the rest to
 * {@link IntegerKernels}; the scalar-only math functions of issue 20 to {@link MathKernels}.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {}

    static void unary(UnaryOp op, TensorIterator it) {
        if (MathKernels.covers(op)) {
            MathKernels.unary(op, it);
            return;
        }
        Object out = CpuBackend.array(it, 0);
        Object in = CpuBackend.array(it, 1);
        int os = it.innerStride(0);
        int xs = it.innerStride(1);
        FloatKernels fk = FloatKernels.get();
        switch (out) {
            case float[] o -> {
                float[] a = (float[]) in;
                CpuBackend.run(it, (off, n) -> fk.unary(op, o, off[0], os, a, off[1], xs, n));
            }
            case double[] o -> {
                double[] a = (double[]) in;
                CpuBackend.run(it, (off, n) -> fk.unary(op, o, off[0], os, a, off[1], xs, n));
            }
            case long[] o -> {
                long[] a = (long[]) in;
                CpuBackend.run(it, (off, n) -> IntegerKernels.unary(op, o, off[0], os, a, off[1], xs, n));
            }
            case int[] o -> {
                int[] a = (int[]) in;
                CpuBackend.run(it, (off, n) -> IntegerKernels.unary(op, o, off[0], os, a, off[1], xs, n));
            }
            case boolean[] o -> {
                boolean[] a = (boolean[]) in;
                CpuBackend.run(it, (off, n) -> IntegerKernels.logicalNot(o, off[0], os, a, off[1], xs, n));
            }
            default -> throw new IllegalArgumentException("not a storage array: " + out);
        }
    }

    static void binary(BinaryOp op, TensorIterator it, Number alpha) {
        if (MathKernels.covers(op)) {
            MathKernels.binary(op, it);
            return;
        }
        Object out = CpuBackend.array(it, 0);
        Object in1 = CpuBackend.array(it, 1);
        Object in2 = CpuBackend.array(it, 2);
        int os = it.innerStride(0);
        int xs = it.innerStride(1);
        int ys = it.innerStride(2);
        boolean compare = op.isComparison();
        FloatKernels fk = FloatKernels.get();
        switch (in1) {
            case float[] a -> {
                float[] b = (float[]) in2;
                if (compare) {
                    boolean[] o = (boolean[]) out;
                    CpuBackend.run(it, (off, n) -> fk.compare(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n));
                } else {
                    float[] o = (float[]) out;
                    float al = alpha.floatValue();
                    CpuBackend.run(it, (off, n) -> fk.binary(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n, al));
                }
            }
            case double[] a -> {
                double[] b = (double[]) in2;
                if (compare) {
                    boolean[] o = (boolean[]) out;
                    CpuBackend.run(it, (off, n) -> fk.compare(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n));
                } else {
                    double[] o = (double[]) out;
                    double al = alpha.doubleValue();
                    CpuBackend.run(it, (off, n) -> fk.binary(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n, al));
                }
            }
            case long[] a -> {
                long[] b = (long[]) in2;
                if (compare) {
                    boolean[] o = (boolean[]) out;
                    CpuBackend.run(it, (off, n) -> IntegerKernels.compare(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n));
                } else {
                    long[] o = (long[]) out;
                    long al = alpha.longValue();
                    CpuBackend.run(it, (off, n) -> IntegerKernels.binary(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n, al));
                }
            }
            case int[] a -> {
                int[] b = (int[]) in2;
                if (compare) {
                    boolean[] o = (boolean[]) out;
                    CpuBackend.run(it, (off, n) -> IntegerKernels.compare(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n));
                } else {
                    int[] o = (int[]) out;
                    int al = alpha.intValue();
                    CpuBackend.run(it, (off, n) -> IntegerKernels.binary(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n, al));
                }
            }
            case boolean[] a -> {
                boolean[] b = (boolean[]) in2;
                boolean[] o = (boolean[]) out;
                boolean al = alpha.longValue() != 0;
                CpuBackend.run(it, (off, n) -> IntegerKernels.binary(op, o, off[0], os, a, off[1], xs, b, off[2], ys, n, al));
            }
            default -> throw new IllegalArgumentException("not a storage array: " + in1);
        }
    }

    static void where(TensorIterator it) {
        Object out = CpuBackend.array(it, 0);
        boolean[] cond = (boolean[]) CpuBackend.array(it, 1);
        Object a = CpuBackend.array(it, 2);
        Object b = CpuBackend.array(it, 3);
        int os = it.innerStride(0);
        int cs = it.innerStride(1);
        int xs = it.innerStride(2);
        int ys = it.innerStride(3);
        CpuBackend.run(it, (off, n) -> IntegerKernels.where(out, off[0], os, cond, off[1], cs, a, off[2], xs, b, off[3], ys, n));
    }
}
