package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The elementwise families on the GPU against the CPU backend, on strided and broadcast layouts. */
class CudaElementwiseTest extends GpuTest {
    private static final List<Function<Tensor, Tensor>> FLOAT_UNARY = List.of(Tensor::neg, Tensor::abs, Tensor::exp,
            Tensor::log, Tensor::log1p, Tensor::sqrt, Tensor::rsqrt, Tensor::sin, Tensor::cos, Tensor::tanh, Tensor::sigmoid,
            Tensor::relu, Tensor::gelu, t -> t.gelu("tanh"), Tensor::floor, Tensor::ceil, Tensor::round,
            Tensor::reciprocal);

    private static final List<BiFunction<Tensor, Tensor, Tensor>> BINARY = List.of(Tensor::add, Tensor::sub,
            Tensor::mul, Tensor::maximum, Tensor::minimum, Tensor::remainder, (a, b) -> a.add(b, 2L),
            (a, b) -> a.div(b, "floor"), (a, b) -> a.div(b, "trunc"), Tensor::eq, Tensor::ne, Tensor::lt, Tensor::le,
            Tensor::gt, Tensor::ge);

    @Test
    void unaryOpsOnFloats() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = randomFloats(11, dt, 7, 9);
            Tensor g = x.to(gpu);
            for (int i = 0; i < FLOAT_UNARY.size(); i++) {
                Function<Tensor, Tensor> f = FLOAT_UNARY.get(i);
                assertSame(f.apply(x), f.apply(g), dt + " unary op #" + i);
                assertSame(f.apply(x.t()), f.apply(g.t()), dt + " unary op #" + i + " on a transposed view");
            }
        }
        Tensor ints = Tensor.tensor(new long[] {-3, 0, 5, Long.MIN_VALUE});
        assertSame(ints.neg(), ints.to(gpu).neg(), "int64 neg wraps");
        assertSame(ints.abs(), ints.to(gpu).abs(), "int64 abs");
        assertSame(ints.relu(), ints.to(gpu).relu(), "int64 relu");
        Tensor b = Tensor.tensor(new boolean[] {true, false});
        assertSame(b.logicalNot(), b.to(gpu).logicalNot(), "logicalNot");
    }

    @Test
    void binaryOpsWithBroadcastingAndEveryDtype() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32}) {
            Tensor a = randomFloats(12, DType.FLOAT64, 4, 1, 5).mul(10L).to(dt);
            Tensor c = randomFloats(13, DType.FLOAT64, 3, 5).mul(10L).to(dt);
            if (!dt.isFloatingPoint()) {
                c = c.add(c.eq(0L).to(dt)); // no zero divisors: integer division by zero is rejected before the kernel
            }
            for (int i = 0; i < BINARY.size(); i++) {
                BiFunction<Tensor, Tensor, Tensor> f = BINARY.get(i);
                assertSame(f.apply(a, c), f.apply(a.to(gpu), c.to(gpu)), dt + " binary op #" + i);
            }
            assertSame(a.pow(2L), a.to(gpu).pow(2L), dt + " pow");
            assertSame(a.add(1.5), a.to(gpu).add(1.5), dt + " with a Java scalar");
        }
        Tensor p = Tensor.tensor(new boolean[] {true, true, false, false});
        Tensor q = Tensor.tensor(new boolean[] {true, false, true, false});
        assertSame(p.logicalAnd(q), p.to(gpu).logicalAnd(q.to(gpu)), "logicalAnd");
        assertSame(p.logicalOr(q), p.to(gpu).logicalOr(q.to(gpu)), "logicalOr");
        assertSame(p.add(q), p.to(gpu).add(q.to(gpu)), "bool add is or");
        assertSame(p.lt(q), p.to(gpu).lt(q.to(gpu)), "bool lt");
        Tensor nan = Tensor.tensor(new double[] {Double.NaN, 1, -0.0, 0.0});
        Tensor other = Tensor.tensor(new double[] {1, Double.NaN, 0.0, -0.0});
        assertSame(nan.maximum(other), nan.to(gpu).maximum(other.to(gpu)), "maximum with NaN and signed zeros");
        assertSame(nan.clampMin(other), nan.to(gpu).clampMin(other.to(gpu)), "clampMin with NaN");
    }

    @Test
    void whereAndInPlaceOps() {
        Tensor cond = Tensor.tensor(new boolean[][] {{true, false, true}});
        Tensor x = randomFloats(14, DType.FLOAT32, 2, 3);
        Tensor y = randomFloats(15, DType.FLOAT32, 2, 1);
        assertSame(x.where(cond, y), x.to(gpu).where(cond.to(gpu), y.to(gpu)), "where with broadcasting");
        Tensor c = x.clone();
        Tensor g = x.to(gpu);
        c.mul_(2.0).add_(y);
        g.mul_(2.0).add_(y.to(gpu));
        assertSame(c, g, "in-place chain");
        assertSame(x.maskedFill(cond, -1.0), x.to(gpu).maskedFill(cond.to(gpu), -1.0), "maskedFill");
        assertSame(x.tril(), x.to(gpu).tril(), "tril");
    }
}
