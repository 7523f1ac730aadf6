package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;

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
        return CpuStorage.allocate(dtype, numel);
    }

    @Override
    public Storage fromHost(Object array) {
        Object copy = switch (array) {
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case long[] a -> a.clone();
            case int[] a -> a.clone();
            case boolean[] a -> a.clone();
            default -> array;
        };
        return CpuStorage.wrap(copy);
    }

    @Override
    public Object toHost(Storage storage) {
        return switch (((CpuStorage) storage).array()) {
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case long[] a -> a.clone();
            case int[] a -> a.clone();
            case boolean[] a -> a.clone();
            default -> throw new IllegalStateException();
        };
    }

    /** The backing array of operand {@code k}. */
    static Object array(TensorIterator it, int k) {
        return ((CpuStorage) it.operand(k).storage()).array();
    }

    /** Runs a row kernel over the iterator, in parallel above the grain size. */
    static void run(TensorIterator it, TensorIterator.RowKernel kernel) {
        Parallel.forRange(it.numel(), Parallel.GRAIN_SIZE, (b, e) -> it.forEachRow(b, e, kernel));
    }

    @Override
    public void copy(TensorIterator it) {
        CastKernels.copy(it);
    }

    @Override
    public void fill(TensorIterator it, Object value) {
        CastKernels.fill(it, value);
    }

    // ---------------------------------------------------------------- elementwise implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void unary(UnaryOp op, TensorIterator it) {
        ElementwiseKernels.unary(op, it);
    }

    @Override
    public void binary(BinaryOp op, TensorIterator it, Number alpha) {
        ElementwiseKernels.binary(op, it, alpha);
    }

    @Override
    public void where(TensorIterator it) {
        ElementwiseKernels.where(it);
    }

    // ---------------------------------------------------------------- end of elementwise implementations


    // ---------------------------------------------------------------- reductions implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void reduce(dev.jtensor.core.spi.ReduceOp op, dev.jtensor.core.spi.ReducePlan plan) {
        ReduceKernels.reduce(op, plan);
    }

    @Override
    public void stdVar(dev.jtensor.core.spi.ReducePlan plan, double correction, boolean std) {
        ReduceKernels.stdVar(plan, correction, std);
    }

    @Override
    public void cumsum(dev.jtensor.core.spi.ReducePlan plan) {
        ReduceKernels.cumsum(plan);
    }

    // ---------------------------------------------------------------- end of reductions implementations


    // ---------------------------------------------------------------- indexing implementations
    // (implementations of this area go here; keep the blank lines between areas)

    @Override
    public void indexGather(TensorIterator it, long[] indexedSizes, long[] indexedStrides) {
        IndexKernels.gather(it, indexedSizes, indexedStrides);
    }

    @Override
    public void indexPut(TensorIterator it, long[] indexedSizes, long[] indexedStrides, boolean accumulate,
            double alpha) {
        IndexKernels.put(it, indexedSizes, indexedStrides, accumulate, alpha);
    }

    @Override
    public long countNonzero(dev.jtensor.core.Tensor input) {
        return IndexKernels.countNonzero(input);
    }

    @Override
    public void nonzero(dev.jtensor.core.Tensor input, dev.jtensor.core.Tensor out) {
        IndexKernels.nonzero(input, out);
    }

    // ---------------------------------------------------------------- end of indexing implementations


    // ---------------------------------------------------------------- linalg implementations
    // (implementations of this area go here; keep the blank lines between areas)

    private static final FloatGemm FLOAT_GEMM = new FloatGemm(GemmKernels.FLOAT);
    private static final DoubleGemm DOUBLE_GEMM = new DoubleGemm(GemmKernels.DOUBLE);

    @Override
    public void gemm(dev.jtensor.core.spi.GemmSpec spec) {
        switch (spec.dtype()) {
            case FLOAT32 -> FLOAT_GEMM.run(spec);
            case FLOAT64 -> DOUBLE_GEMM.run(spec);
            case INT64, INT32 -> IntegerGemm.run(spec);
            case BOOL -> throw new dev.jtensor.core.TensorException("gemm is not implemented for bool; callers reject it first");
        }
    }

    // ---------------------------------------------------------------- end of linalg implementations


    // ---------------------------------------------------------------- nn implementations
    // (implementations of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of nn implementations

}
