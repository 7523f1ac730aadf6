package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.spi.TensorIterator;

/**
 * The elementwise families on the GPU: one kernel per family and dtype ({@code unary_*},
 * {@code binary_*}, {@code compare_*}, {@code where_*}) that switches on an {@link OpCodes} code and
 * walks the iterator's shape and strides ({@link IterParams}).
 */
final class CudaElementwise {
    private CudaElementwise() {}

    /** {@code out = op(in)}; input and output of one dtype. */
    static void unary(CudaBackend b, int code, TensorIterator it) {
        CudaBackend.Operands ops = b.operands(it, "unary");
        String kernel = KernelNames.of("unary", it.operand(0).dtype());
        for (int[] p : ops.launches()) {
            b.gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1)).i32(code));
        }
        ops.done();
    }

    /**
     * {@code out = op(a, b)}; inputs of the op's compute dtype, output of that dtype or bool.
     * {@code alpha} scales {@code b} for add and sub (a Long for integer and bool dtypes).
     */
    static void binary(CudaBackend b, int code, TensorIterator it, Number alpha) {
        CudaBackend.Operands ops = b.operands(it, "binary");
        DType in = it.operand(1).dtype();
        boolean compare = OpCodes.isComparison(code) && in != DType.BOOL;
        String kernel = KernelNames.of(compare ? "compare" : "binary", in);
        double af = alpha.doubleValue();
        long ai = alpha instanceof Double || alpha instanceof Float ? (long) af : alpha.longValue();
        for (int[] p : ops.launches()) {
            KernelArgs args = KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1)).ptr(ops.address(2))
                    .i32(code);
            if (!compare) {
                args.f64(af).i64(ai);
            }
            b.gpu.launch(kernel, p[1], args);
        }
        ops.done();
    }

    /** {@code out = cond ? x : y}: operand 1 bool, operands 2 and 3 of the output's dtype. */
    static void where(CudaBackend b, TensorIterator it) {
        CudaBackend.Operands ops = b.operands(it, "where");
        String kernel = KernelNames.of("where", it.operand(0).dtype());
        for (int[] p : ops.launches()) {
            b.gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1))
                    .ptr(ops.address(2)).ptr(ops.address(3)));
        }
        ops.done();
    }
}
