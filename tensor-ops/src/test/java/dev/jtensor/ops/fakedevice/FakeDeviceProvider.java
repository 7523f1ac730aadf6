package dev.jtensor.ops.fakedevice;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BackendProvider;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.GemmSpec;
import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.ReducePlan;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/**
 * A device type {@code fake} for tests of device placement without a GPU: its storages hold data
 * only when uploaded from the host (kept as given, so transfers can be checked; otherwise every
 * element reads as zero, and no primitive writes any), and every primitive only checks that each tensor it is handed lives
 * on {@code fake:0} (an iterator may also carry a CPU scalar, as a real backend accepts) and records
 * what it saw. An op that builds a helper tensor on the CPU for a {@code fake} input therefore
 * fails, either in core's device checks or here.
 */
public final class FakeDeviceProvider implements BackendProvider {
    /** The device type this provider serves. */
    public static final String TYPE = "fake";
    /** The one fake device. */
    public static final Device FAKE = new Device(TYPE, 0);
    /** Primitives that were handed a tensor on another device (never cleared by the backend). */
    public static final List<String> VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Availability probe() {
        return Availability.yes("fake device for tests (no data)");
    }

    @Override
    public Backend open(int index) {
        return new FakeBackend();
    }

    /** A storage whose data is what the host uploaded, or none. */
    static final class FakeStorage extends Storage {
        final Object uploaded;

        FakeStorage(DType dtype, int size) {
            this(dtype, size, null);
        }

        FakeStorage(DType dtype, int size, Object uploaded) {
            super(dtype, size);
            this.uploaded = uploaded;
        }

        @Override
        public Device device() {
            return FAKE;
        }
    }

    private static void check(String primitive, boolean allowCpuScalar, Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null && !t.device().equals(FAKE) && !(allowCpuScalar && TensorIterator.isCpuScalar(t))) {
                VIOLATIONS.add(primitive + " got a tensor on " + t.device());
            }
        }
    }

    private static void check(String primitive, TensorIterator it) {
        check(primitive, false, it.operand(0));
        for (int k = 1; k < it.operandCount(); k++) {
            check(primitive, true, it.operand(k));
        }
    }

    private static final class FakeBackend implements Backend {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Storage allocate(DType dtype, long numel) {
            return new FakeStorage(dtype, Math.toIntExact(numel));
        }

        @Override
        public Storage fromHost(Object array) {
            return switch (array) {
                case float[] a -> new FakeStorage(DType.FLOAT32, a.length, a.clone());
                case double[] a -> new FakeStorage(DType.FLOAT64, a.length, a.clone());
                case long[] a -> new FakeStorage(DType.INT64, a.length, a.clone());
                case int[] a -> new FakeStorage(DType.INT32, a.length, a.clone());
                case boolean[] a -> new FakeStorage(DType.BOOL, a.length, a.clone());
                default -> throw new IllegalArgumentException("not a primitive array: " + array);
            };
        }

        @Override
        public Object toHost(Storage storage) {
            int n = storage.size();
            Object uploaded = ((FakeStorage) storage).uploaded;
            if (uploaded != null) {
                Object copy = java.lang.reflect.Array.newInstance(uploaded.getClass().getComponentType(), n);
                System.arraycopy(uploaded, 0, copy, 0, n);
                return copy;
            }
            return switch (storage.dtype()) {
                case FLOAT32 -> new float[n];
                case FLOAT64 -> new double[n];
                case INT64 -> new long[n];
                case INT32 -> new int[n];
                case BOOL -> new boolean[n];
                default -> throw new IllegalArgumentException("dtype " + storage.dtype());
            };
        }

        @Override
        public void copy(TensorIterator it) {
            check("copy", it);
        }

        @Override
        public void fill(TensorIterator it, Object value) {
            check("fill", it);
        }

        @Override
        public void unary(UnaryOp op, TensorIterator it) {
            check("unary " + op, it);
        }

        @Override
        public void binary(BinaryOp op, TensorIterator it, Number alpha) {
            check("binary " + op, it);
        }

        @Override
        public void where(TensorIterator it) {
            check("where", it);
        }

        @Override
        public void reduce(ReduceOp op, ReducePlan plan) {
            check("reduce " + op, plan.iterator());
        }

        @Override
        public void stdVar(ReducePlan plan, double correction, boolean std) {
            check("stdVar", plan.iterator());
        }

        @Override
        public void cumsum(ReducePlan plan) {
            check("cumsum", plan.iterator());
        }

        @Override
        public void indexGather(TensorIterator it, long[] indexedSizes, long[] indexedStrides) {
            check("indexGather", it);
        }

        @Override
        public void indexPut(TensorIterator it, long[] indexedSizes, long[] indexedStrides, boolean accumulate,
                double alpha) {
            check("indexPut", it);
        }

        @Override
        public long countNonzero(Tensor input) {
            check("countNonzero", false, input);
            return 0;
        }

        @Override
        public void nonzero(Tensor input, Tensor out) {
            check("nonzero", false, input, out);
        }

        @Override
        public void gemm(GemmSpec spec) {
            if (!(spec.a().storage() instanceof FakeStorage && spec.b().storage() instanceof FakeStorage
                    && spec.c().storage() instanceof FakeStorage)) {
                VIOLATIONS.add("gemm got a storage of another device");
            }
        }

        @Override
        public void softmax(Tensor input, Tensor output, int dim, boolean log) {
            check("softmax", false, input, output);
        }

        @Override
        public void softmaxBackward(Tensor gradOutput, Tensor output, Tensor gradInput, int dim, boolean log) {
            check("softmaxBackward", false, gradOutput, output, gradInput);
        }

        @Override
        public double crossEntropyForward(Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
                double labelSmoothing, int reduction, Tensor stats, Tensor probs, Tensor loss) {
            check("crossEntropyForward", false, logits, target, weight, stats, probs, loss);
            return 0;
        }

        @Override
        public void crossEntropyBackward(Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
                double labelSmoothing, Tensor stats, Tensor probs, Tensor gradLoss, double scale, Tensor gradLogits) {
            check("crossEntropyBackward", false, logits, target, weight, stats, probs, gradLoss, gradLogits);
        }

        @Override
        public void embeddingBag(Tensor weight, Tensor indices, Tensor offsets, int mode, Tensor perSampleWeights,
                long paddingIdx, Tensor output, Tensor maxIndices) {
            check("embeddingBag", false, weight, indices, offsets, perSampleWeights, output, maxIndices);
        }

        @Override
        public void embeddingBagBackward(Tensor gradOutput, Tensor indices, Tensor offsets, int mode,
                Tensor perSampleWeights, long paddingIdx, Tensor maxIndices, Tensor gradWeight) {
            check("embeddingBagBackward", false, gradOutput, indices, offsets, perSampleWeights, maxIndices, gradWeight);
        }
    }
}
