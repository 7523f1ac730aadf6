package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.GemmSpec;
import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.ReducePlan;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import dev.jtensor.core.spi.Widening;
import java.lang.ref.Reference;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * The CUDA implementation of the device SPI for one GPU. Every primitive checks that its operands
 * live on this device (a 0-dim CPU tensor is accepted as an input and uploaded, as PyTorch accepts CPU
 * scalars), then queues kernels on the device's stream; only transfers to the host wait.
 */
final class CudaBackend implements Backend {
    final CudaDevice gpu;

    CudaBackend(CudaDevice gpu) {
        this.gpu = gpu;
    }

    @Override
    public String type() {
        return "cuda";
    }

    @Override
    public Storage allocate(DType dtype, long numel) {
        return gpu.allocate(dtype, numel, true);
    }

    @Override
    public Storage allocateUninitialized(DType dtype, long numel) {
        return gpu.allocate(dtype, numel, false);
    }

    @Override
    public Storage fromHost(Object array, DType dtype) {
        return switch (array) {
            case float[] a -> upload(DType.FLOAT32, a.length, new FloatPointer(a));
            case double[] a -> upload(DType.FLOAT64, a.length, new DoublePointer(a));
            case long[] a -> upload(DType.INT64, a.length, new LongPointer(a));
            case int[] a -> upload(DType.INT32, a.length, new IntPointer(a));
            case boolean[] a -> {
                byte[] bytes = new byte[a.length];
                for (int i = 0; i < a.length; i++) {
                    bytes[i] = a[i] ? (byte) 1 : (byte) 0;
                }
                yield upload(DType.BOOL, a.length, new BytePointer(bytes));
            }
            // The small dtypes: uint8/int8 in a byte[], int16 and the bits of float16/bfloat16 in a short[].
            case byte[] a when dtype.itemSize() == 1 && dtype != DType.BOOL -> upload(dtype, a.length, new BytePointer(a));
            case short[] a when dtype.itemSize() == 2 -> upload(dtype, a.length, new ShortPointer(a));
            default -> throw new TensorException("cannot copy a " + array.getClass().getSimpleName() + " as " + dtype
                    + " to " + gpu.device + ": expected float[], double[], long[], int[], boolean[], byte[] (uint8, "
                    + "int8) or short[] (int16, float16, bfloat16)");
        };
    }

    private CudaStorage upload(DType dtype, int n, Pointer host) {
        try (host) {
            CudaStorage s = gpu.allocate(dtype, n, false);
            gpu.upload(s.address(), host, s.byteSize());
            return s;
        }
    }

    @Override
    public Object toHost(Storage storage) {
        CudaStorage s = own(storage, "toHost");
        int n = s.size();
        long src = s.address();
        long bytes = s.byteSize();
        try {
            switch (s.dtype()) {
                case FLOAT32 -> {
                    try (FloatPointer h = new FloatPointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        float[] a = new float[n];
                        h.get(a);
                        return a;
                    }
                }
                case FLOAT64 -> {
                    try (DoublePointer h = new DoublePointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        double[] a = new double[n];
                        h.get(a);
                        return a;
                    }
                }
                case INT64 -> {
                    try (LongPointer h = new LongPointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        long[] a = new long[n];
                        h.get(a);
                        return a;
                    }
                }
                case INT32 -> {
                    try (IntPointer h = new IntPointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        int[] a = new int[n];
                        h.get(a);
                        return a;
                    }
                }
                case BOOL -> {
                    try (BytePointer h = new BytePointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        byte[] b = new byte[n];
                        h.get(b);
                        boolean[] a = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            a[i] = b[i] != 0;
                        }
                        return a;
                    }
                }
                case UINT8, INT8 -> {
                    try (BytePointer h = new BytePointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        byte[] a = new byte[n];
                        h.get(a);
                        return a;
                    }
                }
                case INT16, FLOAT16, BFLOAT16 -> {
                    try (ShortPointer h = new ShortPointer(Math.max(1, n))) {
                        gpu.download(h, src, bytes);
                        short[] a = new short[n];
                        h.get(a);
                        return a;
                    }
                }
                default -> throw new IllegalStateException("no host array for " + s.dtype());
            }
        } finally {
            Reference.reachabilityFence(s);
        }
    }

    @Override
    public void copy(TensorIterator it) {
        Operands ops = operands(it, "copy");
        Tensor out = it.operand(0);
        Tensor in = it.operand(1);
        DType dt = out.dtype();
        if (dt == in.dtype() && ops.launches().size() == 1 && isDense(ops.launches().getFirst(), 2)) {
            // One dense run in both operands: a plain device-to-device copy.
            int[] p = ops.launches().getFirst();
            long item = dt.itemSize();
            gpu.copyDeviceToDevice(ops.address(0) + p[offsetIndex(0)] * item,
                    ops.address(1) + p[offsetIndex(1)] * item, p[1] * item);
        } else {
            String kernel = KernelNames.copy(dt, in.dtype());
            for (int[] p : ops.launches()) {
                gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1)));
            }
        }
        ops.done();
    }

    @Override
    public void fill(TensorIterator it, Object value) {
        Operands ops = operands(it, "fill");
        double dv = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
        long lv = value instanceof Boolean b ? (b ? 1 : 0)
                : value instanceof Double || value instanceof Float ? (long) dv : ((Number) value).longValue();
        String kernel = KernelNames.of("fill", it.operand(0).dtype());
        for (int[] p : ops.launches()) {
            gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).f64(dv).i64(lv));
        }
        ops.done();
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public void unary(UnaryOp op, TensorIterator it) {
        if (Widening.unary(this, op, it)) {
            return;
        }
        CudaElementwise.unary(this, unaryCode(op), it);
    }

    @Override
    public void binary(BinaryOp op, TensorIterator it, Number alpha) {
        if (Widening.binary(this, op, it, alpha)) {
            return;
        }
        CudaElementwise.binary(this, binaryCode(op), it, alpha);
    }

    @Override
    public void where(TensorIterator it) {
        CudaElementwise.where(this, it);
    }

    /** The kernels' code of a one-input op (exhaustive: a new constant does not compile until mapped). */
    static int unaryCode(UnaryOp op) {
        return switch (op) {
            case NEG -> OpCodes.U_NEG;
            case ABS -> OpCodes.U_ABS;
            case EXP -> OpCodes.U_EXP;
            case LOG -> OpCodes.U_LOG;
            case LOG1P -> OpCodes.U_LOG1P;
            case SQRT -> OpCodes.U_SQRT;
            case RSQRT -> OpCodes.U_RSQRT;
            case SIN -> OpCodes.U_SIN;
            case COS -> OpCodes.U_COS;
            case TANH -> OpCodes.U_TANH;
            case SIGMOID -> OpCodes.U_SIGMOID;
            case RELU -> OpCodes.U_RELU;
            case GELU -> OpCodes.U_GELU;
            case GELU_TANH -> OpCodes.U_GELU_TANH;
            case FLOOR -> OpCodes.U_FLOOR;
            case CEIL -> OpCodes.U_CEIL;
            case ROUND -> OpCodes.U_ROUND;
            case RECIPROCAL -> OpCodes.U_RECIPROCAL;
            case LOGICAL_NOT -> OpCodes.U_LOGICAL_NOT;
            case TRUNC -> OpCodes.U_TRUNC;
            case SIGN -> OpCodes.U_SIGN;
            case TAN -> OpCodes.U_TAN;
            case ASIN -> OpCodes.U_ASIN;
            case ACOS -> OpCodes.U_ACOS;
            case ATAN -> OpCodes.U_ATAN;
            case SINH -> OpCodes.U_SINH;
            case COSH -> OpCodes.U_COSH;
            case ASINH -> OpCodes.U_ASINH;
            case ACOSH -> OpCodes.U_ACOSH;
            case ATANH -> OpCodes.U_ATANH;
            case LOG2 -> OpCodes.U_LOG2;
            case LOG10 -> OpCodes.U_LOG10;
            case EXP2 -> OpCodes.U_EXP2;
            case EXPM1 -> OpCodes.U_EXPM1;
            case ERF -> OpCodes.U_ERF;
            case ERFC -> OpCodes.U_ERFC;
            case ERFINV -> OpCodes.U_ERFINV;
            case LGAMMA -> OpCodes.U_LGAMMA;
            case DIGAMMA -> OpCodes.U_DIGAMMA;
            case TRIGAMMA -> OpCodes.U_TRIGAMMA;
            case BITWISE_NOT -> OpCodes.U_BITWISE_NOT;
            case SIGNBIT -> OpCodes.U_SIGNBIT;
        };
    }

    /** The kernels' code of a two-input op (exhaustive). */
    static int binaryCode(BinaryOp op) {
        return switch (op) {
            case ADD -> OpCodes.B_ADD;
            case SUB -> OpCodes.B_SUB;
            case MUL -> OpCodes.B_MUL;
            case DIV -> OpCodes.B_DIV;
            case DIV_TRUNC -> OpCodes.B_DIV_TRUNC;
            case DIV_FLOOR -> OpCodes.B_DIV_FLOOR;
            case REMAINDER -> OpCodes.B_REMAINDER;
            case POW -> OpCodes.B_POW;
            case MAXIMUM -> OpCodes.B_MAXIMUM;
            case MINIMUM -> OpCodes.B_MINIMUM;
            case CLAMP_MIN -> OpCodes.B_CLAMP_MIN;
            case CLAMP_MAX -> OpCodes.B_CLAMP_MAX;
            case EQ -> OpCodes.B_EQ;
            case NE -> OpCodes.B_NE;
            case LT -> OpCodes.B_LT;
            case LE -> OpCodes.B_LE;
            case GT -> OpCodes.B_GT;
            case GE -> OpCodes.B_GE;
            case LOGICAL_AND -> OpCodes.B_LOGICAL_AND;
            case LOGICAL_OR -> OpCodes.B_LOGICAL_OR;
            case ATAN2 -> OpCodes.B_ATAN2;
            case FMOD -> OpCodes.B_FMOD;
            case HYPOT -> OpCodes.B_HYPOT;
            case LOGADDEXP -> OpCodes.B_LOGADDEXP;
            case BITWISE_AND -> OpCodes.B_BITWISE_AND;
            case BITWISE_OR -> OpCodes.B_BITWISE_OR;
            case BITWISE_XOR -> OpCodes.B_BITWISE_XOR;
            case SHIFT_LEFT -> OpCodes.B_SHIFT_LEFT;
            case SHIFT_RIGHT -> OpCodes.B_SHIFT_RIGHT;
        };
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public void reduce(ReduceOp op, ReducePlan plan) {
        if (Widening.reduce(this, op, plan)) {
            return;
        }
        CudaReductions.reduce(this, reduceCode(op), plan.iterator(), plan.outputCount(), plan.input().dtype(),
                plan.reduceSize(), plan.inputReduceStride());
    }

    /** The kernel's code of a reduction (an exhaustive switch: a new constant does not compile until mapped). */
    static int reduceCode(ReduceOp op) {
        return switch (op) {
            case SUM -> OpCodes.R_SUM;
            case MEAN -> OpCodes.R_MEAN;
            case PROD -> OpCodes.R_PROD;
            case AMAX -> OpCodes.R_AMAX;
            case AMIN -> OpCodes.R_AMIN;
            case MAX -> OpCodes.R_MAX;
            case MIN -> OpCodes.R_MIN;
            case ARGMAX -> OpCodes.R_ARGMAX;
            case ARGMIN -> OpCodes.R_ARGMIN;
            case ALL -> OpCodes.R_ALL;
            case ANY -> OpCodes.R_ANY;
            case LOGSUMEXP -> OpCodes.R_LOGSUMEXP;
        };
    }

    @Override
    public void stdVar(ReducePlan plan, double correction, boolean std) {
        if (Widening.stdVar(this, plan, correction, std)) {
            return;
        }
        CudaReductions.stdVar(this, plan.iterator(), plan.input().dtype(), plan.reduceSize(), plan.inputReduceStride(),
                correction, std);
    }

    @Override
    public void cumsum(ReducePlan plan) {
        if (Widening.cumsum(this, plan)) {
            return;
        }
        CudaReductions.cumsum(this, plan.iterator(), plan.input().dtype(), plan.reduceSize(), plan.inputReduceStride(),
                plan.outputReduceStride());
    }

    // ---------------------------------------------------------------- indexing

    @Override
    public void indexGather(TensorIterator it, long[] indexedSizes, long[] indexedStrides) {
        CudaIndexing.gather(this, it, indexedSizes, indexedStrides);
    }

    @Override
    public void indexPut(TensorIterator it, long[] indexedSizes, long[] indexedStrides, boolean accumulate,
                         double alpha) {
        CudaIndexing.put(this, it, indexedSizes, indexedStrides, accumulate, alpha);
    }

    @Override
    public long countNonzero(Tensor input) {
        return CudaIndexing.countNonzero(this, input);
    }

    @Override
    public void nonzero(Tensor input, Tensor out) {
        CudaIndexing.nonzero(this, input, out);
    }

    // ---------------------------------------------------------------- linalg

    @Override
    public void gemm(GemmSpec spec) {
        if (Widening.gemm(this, spec)) {
            return;
        }
        CudaGemm.gemm(gpu, spec.dtype(), spec.batchShape(), spec.m(), spec.n(), spec.k(), mat(spec.a()), mat(spec.b()),
                mat(spec.c()), spec.alpha(), spec.beta());
    }

    private CudaGemm.Mat mat(GemmSpec.Operand o) {
        return new CudaGemm.Mat(own(o.storage(), "gemm"), o.offset(), o.rowStride(), o.colStride(), o.batchStrides());
    }

    // ---------------------------------------------------------------- nn

    @Override
    public void softmax(Tensor input, Tensor output, int dim, boolean log) {
        if (Widening.softmax(this, input, output, dim, log)) {
            return;
        }
        CudaNn.softmax(this, input, output, dim, log);
    }

    @Override
    public void softmaxBackward(Tensor gradOutput, Tensor output, Tensor gradInput, int dim, boolean log) {
        if (Widening.softmaxBackward(this, gradOutput, output, gradInput, dim, log)) {
            return;
        }
        CudaNn.softmaxBackward(this, gradOutput, output, gradInput, dim, log);
    }

    @Override
    public double crossEntropyForward(Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
                                      double labelSmoothing, int reduction, Tensor stats, Tensor probs,
                                      Tensor loss) {
        if (Widening.applies(logits)) {
            return Widening.crossEntropyForward(this, logits, target, weight, ignoreIndex, labelSmoothing, reduction,
                    stats, probs, loss);
        }
        // probs is left alone: the backward kernel (one thread per element) recomputes each
        // exponential from the stats, cheaper on the GPU than a round trip through memory.
        return CudaNn.crossEntropyForward(this, logits, target, weight, ignoreIndex, labelSmoothing, reduction,
                stats, loss);
    }

    @Override
    public void crossEntropyBackward(Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
                                     double labelSmoothing, Tensor stats, Tensor probs, Tensor gradLoss,
                                     double scale, Tensor gradLogits) {
        if (Widening.applies(logits)) {
            Widening.crossEntropyBackward(this, logits, target, weight, ignoreIndex, labelSmoothing, stats, probs,
                    gradLoss, scale, gradLogits);
            return;
        }
        // probs is not read (see the forward); gradLogits may be probs, which is simply overwritten.
        CudaNn.crossEntropyBackward(this, logits, target, weight, ignoreIndex, labelSmoothing, stats, gradLoss, scale,
                gradLogits);
    }

    @Override
    public void embeddingBag(Tensor weight, Tensor indices, Tensor offsets, int mode, Tensor perSampleWeights,
                             long paddingIdx, Tensor output, Tensor maxIndices) {
        if (Widening.embeddingBag(this, weight, indices, offsets, mode, perSampleWeights, paddingIdx, output,
                maxIndices)) {
            return;
        }
        CudaNn.embeddingBag(this, weight, indices, offsets, mode, perSampleWeights, paddingIdx, output, maxIndices);
    }

    @Override
    public void embeddingBagBackward(Tensor gradOutput, Tensor indices, Tensor offsets, int mode,
                                     Tensor perSampleWeights, long paddingIdx, Tensor maxIndices, Tensor gradWeight) {
        if (Widening.embeddingBagBackward(this, gradOutput, indices, offsets, mode, perSampleWeights, paddingIdx,
                maxIndices, gradWeight)) {
            return;
        }
        CudaNn.embeddingBagBackward(this, gradOutput, indices, offsets, mode, perSampleWeights, paddingIdx, maxIndices,
                gradWeight);
    }

    // ---------------------------------------------------------------- operands

    /** The index of operand {@code k}'s storage offset in a packed {@code JtIter}. */
    static int offsetIndex(int k) {
        return 2 + IterParams.MAX_DIMS + IterParams.MAX_OPS * IterParams.MAX_DIMS + k;
    }

    /** Whether a packed launch is one dimension with unit stride for its first {@code nops} operands. */
    static boolean isDense(int[] p, int nops) {
        if (p[0] != 1) {
            return false;
        }
        for (int k = 0; k < nops; k++) {
            if (p[2 + IterParams.MAX_DIMS + k * IterParams.MAX_DIMS] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * An iterator's operands resolved to device addresses, with the packed launches; keeps the
     * storages reachable until {@link #done()} so no cleaner frees them while work is being queued.
     */
    record Operands(long[] addresses, List<int[]> launches, Object[] keepAlive) {
        long address(int k) {
            return addresses[k];
        }

        void done() {
            Reference.reachabilityFence(keepAlive);
        }
    }

    Operands operands(TensorIterator it, String op) {
        int n = it.operandCount();
        long[] addresses = new long[n];
        Object[] keep = new Object[n];
        boolean[] uploaded = new boolean[n];
        for (int k = 0; k < n; k++) {
            Tensor t = it.operand(k);
            if (k > 0 && t.dim() == 0 && t.device().type().equals("cpu")) {
                // PyTorch lets a 0-dim CPU tensor join a GPU op: upload its one element (its strides are all 0).
                CudaStorage s = (CudaStorage) fromHost(t.toHostArray(), t.dtype());
                keep[k] = s;
                addresses[k] = s.address();
                uploaded[k] = true;
            } else {
                CudaStorage s = own(t.storage(), op);
                keep[k] = s;
                addresses[k] = s.address();
            }
        }
        List<int[]> launches = IterParams.pack(it);
        for (int k = 1; k < n; k++) {
            if (uploaded[k]) {
                for (int[] p : launches) {
                    p[offsetIndex(k)] = 0;
                }
            }
        }
        return new Operands(addresses, launches, keep);
    }

    /** The storage as one of this device's, or the mixed-devices error PyTorch gives. */
    CudaStorage own(Storage s, String op) {
        if (s instanceof CudaStorage c && c.device().equals(gpu.device)) {
            return c;
        }
        throw new TensorException("Expected all tensors to be on the same device, but found at least two devices, "
                + gpu.device + " and " + s.device() + "! (in " + op + ")");
    }

    /** The device this backend runs. */
    Device device() {
        return gpu.device;
    }
}
