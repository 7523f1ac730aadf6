package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The small dtypes (uint8, int8, int16, float16, bfloat16) on a GPU against the CPU backend: casts for every pair of
 * the ten dtypes and data movement bit for bit, and arithmetic (computed in float32/int32 through
 * {@code spi.Widening}, as on the CPU) with the same results.
 */
class CudaSmallDTypesTest extends GpuTest {
    /** Ties, overflow, subnormals, NaN, signed zeros and values that wrap, for every source dtype. */
    private static final double[] EDGES = {0, -0.0, 1, -1, 1.5, -2.7, 2.5, 127.6, 128, 255.9, 256, 300, -129, 32767.5,
        65504, 65520, 70000.5, -70000.5, 1 + 0x1p-11, 1 + 3 * 0x1p-11, 1 + 0x1p-8, 1 + 3 * 0x1p-8, 0x1p-24, 0x1p-25,
        3 * 0x1p-25, 1e-40, 3e9, 1e39, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** The stored bits of a CPU or GPU tensor, element by element, as longs (float bits for floats). */
    private static long[] bits(Tensor t) {
        Object a = t.contiguous().to(Device.CPU).toHostArray();
        return switch (a) {
            case byte[] b -> { long[] r = new long[b.length]; for (int i = 0; i < b.length; i++) r[i] = b[i]; yield r; }
            case short[] s -> { long[] r = new long[s.length]; for (int i = 0; i < s.length; i++) r[i] = s[i]; yield r; }
            case int[] v -> Arrays.stream(v).asLongStream().toArray();
            case long[] v -> v;
            case float[] f -> { long[] r = new long[f.length]; for (int i = 0; i < f.length; i++) r[i] = Float.floatToRawIntBits(f[i]); yield r; }
            case double[] d -> Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray();
            case boolean[] b -> { long[] r = new long[b.length]; for (int i = 0; i < b.length; i++) r[i] = b[i] ? 1 : 0; yield r; }
            default -> throw new IllegalStateException(a.getClass().toString());
        };
    }

    private static void compareBits(Tensor cpu, Tensor gpuResult, String what, StringBuilder failures) {
        if (cpu.dtype() != gpuResult.dtype() || !Arrays.equals(cpu.shape(), gpuResult.shape())) {
            failures.append('\n').append(what).append(": ").append(cpu.dtype()).append(Arrays.toString(cpu.shape()))
                    .append(" on the CPU, ").append(gpuResult.dtype()).append(Arrays.toString(gpuResult.shape()));
            return;
        }
        long[] want = bits(cpu);
        long[] got = bits(gpuResult);
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i]) {
                failures.append('\n').append(what).append(" [").append(i).append("]: CPU bits ")
                        .append(Long.toHexString(want[i])).append(", GPU bits ").append(Long.toHexString(got[i]));
            }
        }
    }

    @Test
    void castsMatchTheCpuBackendForEveryPairOfTheTenDtypes() {
        StringBuilder failures = new StringBuilder();
        for (DType from : KernelNames.STORABLE) {
            Tensor cpu = Tensor.tensor(EDGES, DType.FLOAT64).to(from);
            Tensor g = cpu.to(gpu);
            compareBits(cpu, g, "upload " + from, failures);
            for (DType to : KernelNames.STORABLE) {
                compareBits(cpu.to(to), g.to(to), from + " -> " + to, failures);
                // Strided: every other element, reversed.
                compareBits(cpu.flip(0).slice(0, 0, EDGES.length, 2).to(to),
                        g.flip(0).slice(0, 0, EDGES.length, 2).to(to), from + " -> " + to + " strided", failures);
            }
        }
        assertTrue(failures.isEmpty(), "casts where the GPU differs from the CPU:" + failures);
    }

    @Test
    void dataMovementIsBitExact() {
        StringBuilder failures = new StringBuilder();
        for (DType d : KernelNames.SMALL) {
            Tensor cpu = Tensor.tensor(EDGES, DType.FLOAT64).to(d).reshape(1, EDGES.length).expand(2, EDGES.length)
                    .contiguous();
            Tensor g = cpu.to(gpu);
            compareBits(Tensor.empty(new long[] {3, 5}, d, Device.CPU).fill_(0L), Tensor.empty(new long[] {3, 5}, d, gpu),
                    d + " allocate is zero", failures);
            compareBits(cpu.transpose(0, 1).contiguous(), g.transpose(0, 1).contiguous(), d + " transpose", failures);
            Tensor cf = cpu.clone();
            Tensor gf = g.clone();
            // float16 rounds -300.75 to -300.75 (exact), bfloat16 to -300; integers take an in-range value.
            if (d.isFloatingPoint()) {
                cf.slice(1, 0, EDGES.length, 3).fill_(-300.75);
                gf.slice(1, 0, EDGES.length, 3).fill_(-300.75);
            } else {
                cf.slice(1, 0, EDGES.length, 3).fill_(100L);
                gf.slice(1, 0, EDGES.length, 3).fill_(100L);
            }
            compareBits(cf, gf, d + " fill", failures);
            Tensor mask = Tensor.tensor(EDGES, DType.FLOAT64).gt(Tensor.scalar(1.0));
            compareBits(Tensor.where(mask, cpu.select(0, 0), cpu.select(0, 1).flip(0)),
                    Tensor.where(mask.to(gpu), g.select(0, 0), g.select(0, 1).flip(0)), d + " where", failures);
            Tensor idx = Tensor.tensor(new long[] {3, 0, 30, 7, 3});
            compareBits(cpu.indexSelect(1, idx), g.indexSelect(1, idx.to(gpu)), d + " indexSelect", failures);
            compareBits(cpu.index(mask.reshape(1, EDGES.length).expand(2, EDGES.length)),
                    g.index(mask.to(gpu).reshape(1, EDGES.length).expand(2, EDGES.length)), d + " mask", failures);
            Index[] at = {Index.tensor(Tensor.tensor(new long[] {1, 0})), Index.tensor(Tensor.tensor(new long[] {4, -2}))};
            Tensor values = cpu.select(0, 0).slice(0, 0, 2, 1);
            compareBits(cpu.clone().indexPut_(at, values), g.clone().indexPut_(at, values.to(gpu)), d + " indexPut",
                    failures);
            // Accumulating puts without duplicate positions: one rounded (or wrapped) sum per element, as the CPU.
            compareBits(cpu.clone().indexPut_(at, values, true), g.clone().indexPut_(at, values.to(gpu), true),
                    d + " indexPut accumulate", failures);
            compareBits(cpu.nonzero(), g.nonzero(), d + " nonzero", failures);
            compareBits(cpu.countNonzero(), g.countNonzero(), d + " countNonzero", failures);
        }
        assertTrue(failures.isEmpty(), "data movement where the GPU differs from the CPU:" + failures);
    }

    @Test
    void accumulatingDuplicatesOfSmallIntegersWrapAsOnTheCpu() {
        // Integer sums are exact modulo 2^bits, so the order the atomics take does not matter.
        for (DType d : new DType[] {DType.UINT8, DType.INT8, DType.INT16}) {
            Tensor cpu = Tensor.tensor(new long[] {100, -7, 5}).to(d);
            Index[] at = {Index.tensor(Tensor.tensor(new long[] {0, 0, 0, 2, 1, 0}))};
            Tensor values = Tensor.tensor(new long[] {120, 90, 77, -3, 250, 33}).to(d);
            Tensor want = cpu.clone().indexPut_(at, values, true);
            Tensor got = cpu.to(gpu).indexPut_(at, values.to(gpu), true);
            assertArrayEquals(bits(want), bits(got), d.toString());
        }
    }

    @Test
    void arithmeticRunsWidenedAsOnTheCpu() {
        StringBuilder failures = new StringBuilder();
        for (DType d : KernelNames.SMALL) {
            Tensor a = randomFloats(1, DType.FLOAT32, 6, 5).mul(Tensor.scalar(40.0)).to(d);
            Tensor b = randomFloats(2, DType.FLOAT32, 5, 4).mul(Tensor.scalar(3.0)).to(d);
            Tensor ga = a.to(gpu);
            Tensor gb = b.to(gpu);
            compareBits(a.add(a.flip(0)), ga.add(ga.flip(0)), d + " add", failures);
            compareBits(a.mul(a), ga.mul(ga), d + " mul", failures);
            compareBits(a.neg(), ga.neg(), d + " neg", failures);
            // A 0-dim CPU tensor of the small dtype joins the GPU op (widened on the CPU, uploaded as a scalar).
            Tensor two = Tensor.scalar(2.5).to(d);
            compareBits(a.mul(two), ga.mul(two), d + " mul by a CPU scalar", failures);
            compareBits(a.gt(a.flip(1)), ga.gt(ga.flip(1)), d + " gt", failures);
            compareBits(a.amax(new int[] {1}, false), ga.amax(new int[] {1}, false), d + " amax", failures);
            if (d.isFloatingPoint()) {
                // Rounded once from float32 results; sums and products in float32 may differ in summation order,
                // so these compare within one unit of the small dtype's precision.
                assertSame(a.sum().to(DType.FLOAT32), ga.sum().to(DType.FLOAT32), d + " sum", 1e-2);
                assertSame(a.matmul(b).to(DType.FLOAT32), ga.matmul(gb).to(DType.FLOAT32), d + " matmul", 1e-2);
                assertSame(F.softmax(a, 1).to(DType.FLOAT32), F.softmax(ga, 1).to(DType.FLOAT32), d + " softmax", 1e-2);
                compareBits(a.exp().isnan(), ga.exp().isnan(), d + " exp", failures);
            } else {
                compareBits(a.sum(), ga.sum(), d + " sum", failures);
                compareBits(a.matmul(b), ga.matmul(gb), d + " matmul", failures);
                compareBits(a.cumsum(1), ga.cumsum(1), d + " cumsum", failures);
            }
        }
        assertTrue(failures.isEmpty(), "arithmetic where the GPU differs from the CPU:" + failures);
        assertEquals(gpu, Tensor.ones(3).to(DType.FLOAT16).to(gpu).add(Tensor.ones(3).to(DType.FLOAT16).to(gpu)).device());
    }
}
