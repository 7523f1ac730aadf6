package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.lang.ref.Reference;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The nn primitives on the GPU: softmax and log-softmax with their backward, the fused
 * cross-entropy (forward with per-row statistics, backward as softmax minus the smoothed one-hot)
 * and embedding bags. All tensors arrive contiguous (the op code guarantees it), so kernels take
 * plain pointers at each tensor's storage offset.
 */
final class CudaNn {
    private static final int THREADS = 256;

    private CudaNn() {}

    /** The device address of a contiguous tensor's first element, or 0 for null. */
    private static long at(CudaBackend b, Tensor t, String op) {
        if (t == null) {
            return 0;
        }
        return b.own(t.storage(), op).address() + t.storageOffset() * t.dtype().itemSize();
    }

    /** {@code [outer, size, inner]} around {@code dim} of a contiguous shape. */
    static long[] around(long[] shape, int dim) {
        long outer = 1;
        long inner = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new long[] {outer, shape.length == 0 ? 1 : shape[dim], inner};
    }

    static void softmax(CudaBackend b, Tensor input, Tensor output, int dim, boolean log) {
        long[] osi = around(input.shape(), dim);
        long lines = osi[0] * osi[2];
        if (lines == 0 || osi[1] == 0) {
            return;
        }
        LaunchConfig cfg = LaunchConfig.forReduction(lines, (int) osi[1], b.gpu.multiprocessors);
        b.gpu.launch(KernelNames.of("softmax", input.dtype()), cfg, cfg.reductionSharedBytes(), KernelArgs.begin()
                .i64(lines).i32((int) osi[1]).i32((int) osi[2]).ptr(at(b, input, "softmax")).ptr(at(b, output, "softmax"))
                .i32(log ? 1 : 0));
        Reference.reachabilityFence(new Object[] {input, output});
    }

    static void softmaxBackward(CudaBackend b, Tensor gradOutput, Tensor output, Tensor gradInput, int dim,
                                boolean log) {
        long[] osi = around(output.shape(), dim);
        long lines = osi[0] * osi[2];
        if (lines == 0 || osi[1] == 0) {
            return;
        }
        LaunchConfig cfg = LaunchConfig.forReduction(lines, (int) osi[1], b.gpu.multiprocessors);
        b.gpu.launch(KernelNames.of("softmax_backward", output.dtype()), cfg, cfg.reductionSharedBytes(),
                KernelArgs.begin().i64(lines).i32((int) osi[1]).i32((int) osi[2])
                        .ptr(at(b, gradOutput, "softmaxBackward")).ptr(at(b, output, "softmaxBackward"))
                        .ptr(at(b, gradInput, "softmaxBackward")).i32(log ? 1 : 0));
        Reference.reachabilityFence(new Object[] {gradOutput, output, gradInput});
    }

    /** See {@code Backend.crossEntropyForward}; returns the total weight of the rows not ignored. */
    static double crossEntropyForward(CudaBackend b, Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
                                      double labelSmoothing, int reduction, Tensor stats, Tensor loss) {
        int rows = Math.toIntExact(logits.size(0));
        int classes = Math.toIntExact(logits.size(1));
        DType dt = logits.dtype();
        // Row losses and weights, then the two totals, in double.
        try (CudaStorage work = b.gpu.allocate(DType.FLOAT64, 2L * rows + 2, false)) {
            long rowLoss = work.address();
            long rowWeight = rowLoss + 8L * rows;
            long totals = rowWeight + 8L * rows;
            if (rows > 0) {
                LaunchConfig cfg = LaunchConfig.forReduction(rows, classes, b.gpu.multiprocessors);
                b.gpu.launch(KernelNames.of("cross_entropy_forward", dt), cfg, cfg.reductionSharedBytes(),
                        KernelArgs.begin().i32(rows).i32(classes).ptr(at(b, logits, "crossEntropy"))
                                .ptr(at(b, target, "crossEntropy")).ptr(at(b, weight, "crossEntropy")).i64(ignoreIndex)
                                .f64(labelSmoothing).ptr(at(b, stats, "crossEntropy")).ptr(rowLoss).ptr(rowWeight)
                                .ptr(reduction == 0 ? at(b, loss, "crossEntropy") : 0));
            }
            b.gpu.launch(KernelNames.of("cross_entropy_total", dt), new LaunchConfig(1, THREADS), THREADS * 8,
                    KernelArgs.begin().i32(rows).ptr(rowLoss).ptr(rowWeight).i32(reduction)
                            .ptr(reduction == 0 ? 0 : at(b, loss, "crossEntropy")).ptr(totals));
            try (DoublePointer h = new DoublePointer(2)) {
                b.gpu.download(h, totals, 16);
                return h.get(1);
            }
        } finally {
            Reference.reachabilityFence(new Object[] {logits, target, weight, stats, loss});
        }
    }

    /** See {@code Backend.crossEntropyBackward}. */
    static void crossEntropyBackward(CudaBackend b, Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
                                     double labelSmoothing, Tensor stats, Tensor gradLoss, double scale,
                                     Tensor gradLogits) {
        int rows = Math.toIntExact(logits.size(0));
        int classes = Math.toIntExact(logits.size(1));
        DType dt = logits.dtype();
        if ((long) rows * classes == 0) {
            return;
        }
        try (CudaStorage wSum = b.gpu.allocate(DType.FLOAT64, 1, false)) {
            if (weight != null) {
                b.gpu.launch(KernelNames.of("weight_sum", dt), new LaunchConfig(1, THREADS), THREADS * 8,
                        KernelArgs.begin().i32(classes).ptr(at(b, weight, "crossEntropyBackward")).ptr(wSum.address()));
            }
            b.gpu.launch(KernelNames.of("cross_entropy_backward", dt), (long) rows * classes, KernelArgs.begin()
                    .i32(rows).i32(classes).ptr(at(b, logits, "crossEntropyBackward"))
                    .ptr(at(b, target, "crossEntropyBackward")).ptr(at(b, weight, "crossEntropyBackward"))
                    .i64(ignoreIndex).f64(labelSmoothing).ptr(at(b, stats, "crossEntropyBackward"))
                    .ptr(at(b, gradLoss, "crossEntropyBackward")).i32(gradLoss.dim() == 1 ? 1 : 0).f64(scale)
                    .ptr(wSum.address()).ptr(at(b, gradLogits, "crossEntropyBackward")));
        } finally {
            Reference.reachabilityFence(new Object[] {logits, target, weight, stats, gradLoss, gradLogits});
        }
    }

    /** See {@code Backend.embeddingBag}. */
    static void embeddingBag(CudaBackend b, Tensor weight, Tensor indices, Tensor offsets, int mode,
                             Tensor perSampleWeights, long paddingIdx, Tensor output, Tensor maxIndices) {
        int bags = Math.toIntExact(output.size(0));
        int dim = Math.toIntExact(weight.size(1));
        if ((long) bags * dim == 0) {
            return;
        }
        b.gpu.launch(KernelNames.of("embedding_bag", weight.dtype()), (long) bags * dim, KernelArgs.begin().i32(bags)
                .i32(dim).ptr(at(b, weight, "embeddingBag")).ptr(at(b, indices, "embeddingBag"))
                .ptr(at(b, offsets, "embeddingBag")).i32(mode).ptr(at(b, perSampleWeights, "embeddingBag"))
                .i64(paddingIdx).ptr(at(b, output, "embeddingBag")).ptr(at(b, maxIndices, "embeddingBag")));
        Reference.reachabilityFence(new Object[] {weight, indices, offsets, perSampleWeights, output, maxIndices});
    }

    /** See {@code Backend.embeddingBagBackward}; atomic adds, so float sums may vary in the last bits. */
    static void embeddingBagBackward(CudaBackend b, Tensor gradOutput, Tensor indices, Tensor offsets, int mode,
                                     Tensor perSampleWeights, long paddingIdx, Tensor maxIndices, Tensor gradWeight) {
        int bags = Math.toIntExact(gradOutput.size(0));
        int dim = Math.toIntExact(gradWeight.size(1));
        if ((long) bags * dim == 0) {
            return;
        }
        b.gpu.launch(KernelNames.of("embedding_bag_backward", gradWeight.dtype()), (long) bags * dim, KernelArgs.begin()
                .i32(bags).i32(dim).ptr(at(b, gradOutput, "embeddingBagBackward"))
                .ptr(at(b, indices, "embeddingBagBackward")).ptr(at(b, offsets, "embeddingBagBackward")).i32(mode)
                .ptr(at(b, perSampleWeights, "embeddingBagBackward")).i64(paddingIdx)
                .ptr(at(b, maxIndices, "embeddingBagBackward")).ptr(at(b, gradWeight, "embeddingBagBackward")));
        Reference.reachabilityFence(new Object[] {gradOutput, indices, offsets, perSampleWeights, maxIndices, gradWeight});
    }
}
