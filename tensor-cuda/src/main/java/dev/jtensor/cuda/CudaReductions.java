package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.spi.TensorIterator;

/**
 * Reductions, variance and prefix sums on the GPU over a reduction plan's lines: the plan's
 * iterator walks the line starts (operands: the outputs, then the input), and each line holds
 * {@code reduceSize} input elements {@code inStride} apart. A reduction runs one block per line
 * ({@link LaunchConfig#forReduction}); a prefix sum one thread per line.
 */
final class CudaReductions {
    private CudaReductions() {}

    /**
     * Reduces every line with op {@code code} ({@link OpCodes}{@code .R_*}) into {@code outputs}
     * outputs (2 for max/min with indices).
     */
    static void reduce(CudaBackend b, int code, TensorIterator lines, int outputs, DType inDtype, int reduceSize,
                       int inStride) {
        CudaBackend.Operands ops = b.operands(lines, "reduce");
        for (int[] p : ops.launches()) {
            LaunchConfig cfg = LaunchConfig.forReduction(p[1], reduceSize, b.gpu.multiprocessors);
            KernelArgs args = KernelArgs.begin().ints(p);
            String kernel;
            switch (code) {
                case OpCodes.R_SUM, OpCodes.R_MEAN, OpCodes.R_PROD -> {
                    kernel = KernelNames.of("reduce_sum", inDtype);
                    args.ptr(ops.address(0)).ptr(ops.address(1)).i32(reduceSize).i32(inStride).i32(code);
                }
                case OpCodes.R_ALL, OpCodes.R_ANY -> {
                    kernel = KernelNames.of("reduce_bool", DType.BOOL);
                    args.ptr(ops.address(0)).ptr(ops.address(1)).i32(reduceSize).i32(inStride).i32(code);
                }
                case OpCodes.R_LOGSUMEXP -> {
                    kernel = KernelNames.of("reduce_logsumexp", inDtype);
                    args.ptr(ops.address(0)).ptr(ops.address(1)).i32(reduceSize).i32(inStride);
                }
                case OpCodes.R_ARGMAX, OpCodes.R_ARGMIN -> {
                    kernel = KernelNames.of("reduce_minmax", inDtype);
                    args.ptr(0).ptr(ops.address(0)).ptr(ops.address(1)).i32(reduceSize).i32(inStride).i32(code).i32(1);
                }
                case OpCodes.R_MAX, OpCodes.R_MIN -> {
                    kernel = KernelNames.of("reduce_minmax", inDtype);
                    args.ptr(ops.address(0)).ptr(ops.address(1)).ptr(ops.address(2)).i32(reduceSize).i32(inStride)
                            .i32(code).i32(2);
                }
                case OpCodes.R_AMAX, OpCodes.R_AMIN -> {
                    kernel = KernelNames.of("reduce_minmax", inDtype);
                    args.ptr(ops.address(0)).ptr(0).ptr(ops.address(1)).i32(reduceSize).i32(inStride).i32(code).i32(1);
                }
                default -> throw new IllegalArgumentException("unknown reduction code " + code);
            }
            if (outputs != (code == OpCodes.R_MAX || code == OpCodes.R_MIN ? 2 : 1)) {
                throw new IllegalArgumentException("reduction code " + code + " with " + outputs + " outputs");
            }
            b.gpu.launch(kernel, cfg, cfg.reductionSharedBytes(), args);
        }
        ops.done();
    }

    /** Variance (or standard deviation) of every line with {@code correction}; float32 or float64. */
    static void stdVar(CudaBackend b, TensorIterator lines, DType dtype, int reduceSize, int inStride,
                       double correction, boolean std) {
        CudaBackend.Operands ops = b.operands(lines, "stdVar");
        String kernel = KernelNames.of("stdvar", dtype);
        for (int[] p : ops.launches()) {
            LaunchConfig cfg = LaunchConfig.forReduction(p[1], reduceSize, b.gpu.multiprocessors);
            b.gpu.launch(kernel, cfg, cfg.reductionSharedBytes(), KernelArgs.begin().ints(p).ptr(ops.address(0))
                    .ptr(ops.address(1)).i32(reduceSize).i32(inStride).f64(correction).i32(std ? 1 : 0));
        }
        ops.done();
    }

    /** Inclusive prefix sums along every line; output elements {@code outStride} apart. */
    static void cumsum(CudaBackend b, TensorIterator lines, DType dtype, int reduceSize, int inStride, int outStride) {
        CudaBackend.Operands ops = b.operands(lines, "cumsum");
        String kernel = KernelNames.of("cumsum", dtype);
        for (int[] p : ops.launches()) {
            b.gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1))
                    .i32(reduceSize).i32(inStride).i32(outStride));
        }
        ops.done();
    }
}
