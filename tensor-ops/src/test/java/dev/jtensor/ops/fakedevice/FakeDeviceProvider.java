package dev.jtensor.ops.fakedevice;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BackendProvider;
import dev.jtensor.core.spi.Backends;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.GemmSpec;
import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.ReducePlan;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import dev.jtensor.core.spi.UnaryOp;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * A device type {@code fake} for tests of device placement without a GPU: its storages hold host
 * arrays, which only transfers and {@code copy} (elementwise, so views and printing work) read and
 * write; every other primitive computes nothing (its output keeps zeros), and every primitive only checks that each tensor it is handed lives
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

    /** A storage over a host array of its dtype. */
    static final class FakeStorage extends Storage {
        final Object data;

        FakeStorage(DType dtype, int size) {
            this(dtype, size, Backends.cpu().toHost(Backends.cpu().allocate(dtype, size)));
        }

        FakeStorage(DType dtype, int size, Object data) {
            super(dtype, size);
            this.data = data;
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
        public Storage fromHost(Object array, DType dtype) {
            Object copy = Backends.cpu().toHost(Backends.cpu().fromHost(array, dtype));
            return new FakeStorage(dtype, Array.getLength(copy), copy);
        }

        @Override
        public Object toHost(Storage storage) {
            int n = storage.size();
            Object data = ((FakeStorage) storage).data;
            Object copy = Array.newInstance(data.getClass().getComponentType(), n);
            System.arraycopy(data, 0, copy, 0, n);
            return copy;
        }

        @Override
        public void copy(TensorIterator it) {
            check("copy", it);
            Object dst = ((FakeStorage) it.operand(0).storage()).data;
            Storage from = it.operand(1).storage();
            Object src = from instanceof FakeStorage f ? f.data : Backends.cpu().toHost(from);
            int dstStep = it.innerStride(0);
            int srcStep = it.innerStride(1);
            it.forEachRow((offsets, n) -> {
                for (int i = 0; i < n; i++) {
                    Array.set(dst, offsets[0] + i * dstStep, convert(Array.get(src, offsets[1] + i * srcStep), dst));
                }
            });
        }

        /** A boxed element converted to the element type of {@code array} (bool: non-zero is true). */
        private static Object convert(Object v, Object array) {
            double d = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
            return switch (array) {
                case float[] a -> (float) d;
                case double[] a -> d;
                case long[] a -> v instanceof Long l ? l : (long) d;
                case int[] a -> v instanceof Integer i ? i : (int) d;
                case boolean[] a -> d != 0;
                default -> throw new IllegalArgumentException("array " + array);
            };
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
