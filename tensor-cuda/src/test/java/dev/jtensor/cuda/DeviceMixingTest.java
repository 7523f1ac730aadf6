package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.nn.F;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Ops given tensors of two devices throw PyTorch's "Expected all tensors to be on the same device"
 * naming both, before any backend runs. Runs without a GPU: the "GPU" tensors are CudaStorages over
 * a fake allocator, so a backend reached by mistake would fail differently (this machine cannot open
 * cuda:0), which the test would report.
 */
class DeviceMixingTest {
    private static final CachingAllocator ALLOC = new CachingAllocator(new FakeMemory(1 << 24), a -> {});
    private static final Device CUDA0 = new Device("cuda", 0);

    private static Tensor fake(DType dtype, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        CudaStorage s = new CudaStorage(dtype, (int) n, CUDA0, ALLOC, ALLOC.allocate(n * dtype.itemSize()));
        long[] strides = new long[shape.length];
        long st = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = st;
            st *= shape[d];
        }
        return new Tensor(s, shape, strides, 0);
    }

    @Test
    void everyMultiTensorOpChecksDevicesFirst() {
        Tensor c = Tensor.ones(3, 3);
        Tensor g = fake(DType.FLOAT32, 3, 3);
        Tensor gi = fake(DType.INT64, 3, 3);
        Tensor ci = Tensor.zeros(new long[] {3, 3}, DType.INT64);
        Tensor gb = fake(DType.BOOL, 3, 3);
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("add", () -> c.add(g));
        ops.put("mul_", () -> c.mul_(g));
        ops.put("maximum", () -> g.maximum(c));
        ops.put("where", () -> c.where(gb, c));
        ops.put("maskedFill", () -> c.maskedFill(gb, 1.0));
        ops.put("copy_", () -> c.copy_(g));
        ops.put("matmul", () -> c.matmul(g));
        ops.put("mm", () -> g.mm(c));
        ops.put("cat", () -> Tensor.cat(new Tensor[] {c, g}, 0));
        ops.put("stack", () -> Tensor.stack(new Tensor[] {g, c}, 0));
        ops.put("gather", () -> c.gather(1, gi));
        ops.put("scatterAdd", () -> c.scatterAdd(0, ci, g));
        ops.put("indexAdd", () -> c.indexAdd(0, fake(DType.INT64, 3), g));
        ops.put("indexPut", () -> c.indexPut(new Index[] {Index.tensor(Tensor.tensor(new long[] {0}))}, g.select(0, 0)));
        ops.put("crossEntropy", () -> F.crossEntropy(g, Tensor.tensor(new long[] {0, 1, 2})));
        ops.put("crossEntropy weight", () -> F.crossEntropy(c, Tensor.tensor(new long[] {0, 1, 2}),
                new dev.jtensor.ops.nn.CrossEntropyOptions().weight(fake(DType.FLOAT32, 3))));
        ops.put("nllLoss", () -> F.nllLoss(c, fake(DType.INT64, 3)));
        ops.put("embeddingBag", () -> F.embeddingBag(fake(DType.INT64, 2, 2), c,
                new dev.jtensor.ops.nn.EmbeddingBagOptions()));
        ops.put("embedding", () -> F.embedding(Tensor.tensor(new long[] {0, 1}), g));
        ops.put("linear", () -> F.linear(c, g));
        StringBuilder failures = new StringBuilder();
        for (var e : ops.entrySet()) {
            try {
                Object r = e.getValue().get();
                failures.append("\n").append(e.getKey()).append(": no error, got ").append(r);
            } catch (TensorException ex) {
                String m = ex.getMessage();
                boolean ok = m.contains("Expected all tensors to be on the same device")
                        && m.contains("cpu") && m.contains("cuda:0");
                if (!ok) {
                    failures.append("\n").append(e.getKey()).append(": ").append(m);
                }
            } catch (RuntimeException ex) {
                failures.append("\n").append(e.getKey()).append(": ").append(ex);
            }
        }
        assertTrue(failures.isEmpty(), "ops that did not reject mixed devices as PyTorch does:" + failures);
        assertThrows(TensorException.class, () -> c.add(g));
    }
}
