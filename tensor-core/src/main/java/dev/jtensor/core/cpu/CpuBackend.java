package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import dev.jtensor.core.spi.Widening;
import java.lang.ref.Reference;

/**
 * The CPU backend: pure Java kernels over heap arrays, vectorised where the Vector API is present,
 * split across threads above {@link Parallel#GRAIN_SIZE}.
 */
public final class CpuBackend implements Backend {
    /** The one instance. */
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {}

    @Override
    public String type() {
        return "cpu";
    }

    @Override
    public Storage allocate(DType dtype, long numel) {
        return CpuStorage.allocate(dtype, numel, true);
    }

    @Override
    public Storage allocateUninitialized(DType dtype, long numel) {
        return CpuStorage.allocate(dtype, numel, false);
    }

    @Override
    public Storage fromHost(Object array, DType dtype) {
        return CpuStorage.wrap(cloneArray(array), dtype);
    }

    private static Object cloneArray(Object array) {
        return switch (array) {
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case long[] a -> a.clone();
            case int[] a -> a.clone();
            case boolean[] a -> a.clone();
            case short[] a -> a.clone();
            case byte[] a -> a.clone();
            default -> array;
        };
    }

    @Override
    public Object toHost(Storage storage) {
        try {
            return cloneArray(((CpuStorage) storage).array());
        } finally {
            Reference.reachabilityFence(storage);
        }
    }

    /**
     * Keeps {@code operands} (tensors, iterators, plans) reachable up to this call, so that their
     * storages' arrays cannot be recycled ({@link CpuArrayPool}) while a kernel still uses them.
     */
    private static void keepReachable(Object... operands) {
        Reference.reachabilityFence(operands);
    }

    /** The backing array of operand {@code k}. */
    static Object array(TensorIterator it, int k) {
        return ((CpuStorage) it.operand(k).storage()).array();
    }

    /** Runs a row kernel over the iterator, in parallel above the grain size. */
    static void run(TensorIterator it, TensorIterator.RowKernel kernel) {
        long n = it.numel();
        if (!Parallel.splits(n, Parallel.GRAIN_SIZE)) {
            // What forRange would do (one chunk on this thread), without allocating its body.
            it.forEachRow(0, n, kernel);
            return;
        }
        Parallel.forRange(n, Parallel.GRAIN_SIZE, (b, e) -> it.forEachRow(b, e, kernel));
    }

    @Override
    public void copy(TensorIterator it) {
        try {
            CastKernels.copy(it);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    @Override
    public void fill(TensorIterator it, Object value) {
        try {
            CastKernels.fill(it, value);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    // ---------------------------------------------------------------- elementwise implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void unary(UnaryOp op, TensorIterator it) {
        try {
            if (Widening.unary(this, op, it)) {
                return;
            }
            ElementwiseKernels.unary(op, it);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    @Override
    public void binary(BinaryOp op, TensorIterator it, Number alpha) {
        try {
            if (Widening.binary(this, op, it, alpha)) {
                return;
            }
            ElementwiseKernels.binary(op, it, alpha);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    @Override
    public void where(TensorIterator it) {
        try {
            ElementwiseKernels.where(it);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    // ---------------------------------------------------------------- end of elementwise implementations


    // ---------------------------------------------------------------- reductions implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void reduce(dev.jtensor.core.spi.ReduceOp op, dev.jtensor.core.spi.ReducePlan plan) {
        try {
            if (Widening.reduce(this, op, plan)) {
                return;
            }
            ReduceKernels.reduce(op, plan);
        } finally {
            Reference.reachabilityFence(plan);
        }
    }

    @Override
    public void stdVar(dev.jtensor.core.spi.ReducePlan plan, double correction, boolean std) {
        try {
            if (Widening.stdVar(this, plan, correction, std)) {
                return;
            }
            ReduceKernels.stdVar(plan, correction, std);
        } finally {
            Reference.reachabilityFence(plan);
        }
    }

    @Override
    public void cumsum(dev.jtensor.core.spi.ReducePlan plan) {
        try {
            if (Widening.cumsum(this, plan)) {
                return;
            }
            ReduceKernels.cumsum(plan);
        } finally {
            Reference.reachabilityFence(plan);
        }
    }

    // ---------------------------------------------------------------- end of reductions implementations


    // ---------------------------------------------------------------- indexing implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void indexGather(TensorIterator it, long[] indexedSizes, long[] indexedStrides) {
        try {
            IndexKernels.gather(it, indexedSizes, indexedStrides);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    @Override
    public void indexPut(TensorIterator it, long[] indexedSizes, long[] indexedStrides, boolean accumulate,
            double alpha) {
        try {
            IndexKernels.put(it, indexedSizes, indexedStrides, accumulate, alpha);
        } finally {
            Reference.reachabilityFence(it);
        }
    }

    @Override
    public long countNonzero(dev.jtensor.core.Tensor input) {
        try {
            return IndexKernels.countNonzero(input);
        } finally {
            Reference.reachabilityFence(input);
        }
    }

    @Override
    public void nonzero(dev.jtensor.core.Tensor input, dev.jtensor.core.Tensor out) {
        try {
            IndexKernels.nonzero(input, out);
        } finally {
            keepReachable(input, out);
        }
    }

    // ---------------------------------------------------------------- end of indexing implementations


    // ---------------------------------------------------------------- linalg implementations
    // (implementations of this area go here; keep the blank lines between areas)

    private static final FloatGemm FLOAT_GEMM = new FloatGemm(GemmKernels.FLOAT);
    private static final DoubleGemm DOUBLE_GEMM = new DoubleGemm(GemmKernels.DOUBLE);

    @Override
    public void gemm(dev.jtensor.core.spi.GemmSpec spec) {
        try {
            if (Widening.gemm(this, spec)) {
                return;
            }
            switch (spec.dtype()) {
                case FLOAT32 -> FLOAT_GEMM.run(spec);
                case FLOAT64 -> DOUBLE_GEMM.run(spec);
                case INT64, INT32 -> IntegerGemm.run(spec);
                case BOOL -> throw new dev.jtensor.core.TensorException("gemm is not implemented for bool; callers reject it first");
                default -> throw new IllegalStateException("gemm of " + spec.dtype() + " goes through Widening");
            }
        } finally {
            Reference.reachabilityFence(spec);
        }
    }

    // ---------------------------------------------------------------- end of linalg implementations


    // ---------------------------------------------------------------- nn implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void softmax(dev.jtensor.core.Tensor input, dev.jtensor.core.Tensor output, int dim, boolean log) {
        try {
            if (Widening.softmax(this, input, output, dim, log)) {
                return;
            }
            NnKernels.softmax(input, output, dim, log, SoftmaxRows.best());
        } finally {
            keepReachable(input, output);
        }
    }

    @Override
    public void softmaxBackward(dev.jtensor.core.Tensor gradOutput, dev.jtensor.core.Tensor output,
            dev.jtensor.core.Tensor gradInput, int dim, boolean log) {
        try {
            if (Widening.softmaxBackward(this, gradOutput, output, gradInput, dim, log)) {
                return;
            }
            NnKernels.softmaxBackward(gradOutput, output, gradInput, dim, log, SoftmaxRows.best());
        } finally {
            keepReachable(gradOutput, output, gradInput);
        }
    }

    @Override
    public double crossEntropyForward(dev.jtensor.core.Tensor logits, dev.jtensor.core.Tensor target,
            dev.jtensor.core.Tensor weight, long ignoreIndex, double labelSmoothing, int reduction,
            dev.jtensor.core.Tensor stats, dev.jtensor.core.Tensor probs, dev.jtensor.core.Tensor loss) {
        try {
            if (Widening.applies(logits)) {
                return Widening.crossEntropyForward(this, logits, target, weight, ignoreIndex, labelSmoothing, reduction,
                        stats, probs, loss);
            }
            return NnKernels.crossEntropyForward(logits, target, weight, ignoreIndex, labelSmoothing, reduction, stats,
                    probs, loss, SoftmaxRows.best());
        } finally {
            keepReachable(logits, target, weight, stats, probs, loss);
        }
    }

    @Override
    public void crossEntropyBackward(dev.jtensor.core.Tensor logits, dev.jtensor.core.Tensor target,
            dev.jtensor.core.Tensor weight, long ignoreIndex, double labelSmoothing,
            dev.jtensor.core.Tensor stats, dev.jtensor.core.Tensor probs, dev.jtensor.core.Tensor gradLoss,
            double scale, dev.jtensor.core.Tensor gradLogits) {
        try {
            if (Widening.applies(logits)) {
                Widening.crossEntropyBackward(this, logits, target, weight, ignoreIndex, labelSmoothing, stats, probs,
                        gradLoss, scale, gradLogits);
                return;
            }
            NnKernels.crossEntropyBackward(logits, target, weight, ignoreIndex, labelSmoothing, stats, probs, gradLoss,
                    scale, gradLogits, SoftmaxRows.best());
        } finally {
            keepReachable(logits, target, weight, stats, probs, gradLoss, gradLogits);
        }
    }

    @Override
    public void embeddingBag(dev.jtensor.core.Tensor weight, dev.jtensor.core.Tensor indices,
            dev.jtensor.core.Tensor offsets, int mode, dev.jtensor.core.Tensor perSampleWeights, long paddingIdx,
            dev.jtensor.core.Tensor output, dev.jtensor.core.Tensor maxIndices) {
        try {
            if (Widening.embeddingBag(this, weight, indices, offsets, mode, perSampleWeights, paddingIdx, output,
                    maxIndices)) {
                return;
            }
            NnKernels.embeddingBag(weight, indices, offsets, mode, perSampleWeights, paddingIdx, output, maxIndices);
        } finally {
            keepReachable(weight, indices, offsets, perSampleWeights, output, maxIndices);
        }
    }

    @Override
    public void embeddingBagBackward(dev.jtensor.core.Tensor gradOutput, dev.jtensor.core.Tensor indices,
            dev.jtensor.core.Tensor offsets, int mode, dev.jtensor.core.Tensor perSampleWeights, long paddingIdx,
            dev.jtensor.core.Tensor maxIndices, dev.jtensor.core.Tensor gradWeight) {
        try {
            if (Widening.embeddingBagBackward(this, gradOutput, indices, offsets, mode, perSampleWeights, paddingIdx,
                    maxIndices, gradWeight)) {
                return;
            }
            NnKernels.embeddingBagBackward(gradOutput, indices, offsets, mode, perSampleWeights, paddingIdx, maxIndices,
                    gradWeight);
        } finally {
            keepReachable(gradOutput, indices, offsets, perSampleWeights, maxIndices, gradWeight);
        }
    }

    // ---------------------------------------------------------------- end of nn implementations

}
