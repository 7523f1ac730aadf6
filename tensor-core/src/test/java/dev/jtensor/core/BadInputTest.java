package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 19: the malformed calls a user makes, op by op, in the style of PyTorch's OpInfo error
 * inputs: wrong ranks, shapes, dims, dtypes, indices out of range, negative and overflowing sizes,
 * nulls. Each must fail with an unchecked exception ({@link TensorException}, or
 * {@link NullPointerException} for a null) whose message names the offending values, before any
 * kernel runs. The number of cases is printed as {@code BAD-INPUT cases=N}.
 */
class BadInputTest {
    private record Case(String name, Class<? extends RuntimeException> type, Executable call, String[] named) {}

    private final List<Case> cases = new ArrayList<>();

    private void bad(String name, Executable call, String... named) {
        cases.add(new Case(name, TensorException.class, call, named));
    }

    private void npe(String name, Executable call, String parameter) {
        cases.add(new Case(name, NullPointerException.class, call, new String[] {parameter}));
    }

    private static Tensor f(long... shape) {
        return Tensor.ones(shape);
    }

    private static Tensor i64(long... values) {
        return Tensor.tensor(values);
    }

    @TestFactory
    Stream<DynamicTest> malformedCallsFailClearly() {
        Tensor m = f(2, 3);
        Tensor v = f(4);
        Tensor s = Tensor.scalar(1.0);
        Tensor b = Tensor.tensor(new boolean[] {true, false});
        Tensor ints = Tensor.arange(6).view(2, 3);

        // ---- creation
        bad("zeros negative size", () -> Tensor.zeros(2, -3), "-3");
        bad("ones negative size", () -> Tensor.ones(-1), "-1");
        bad("empty too large", () -> Tensor.empty(new long[] {1L << 20, 1L << 20}, DType.FLOAT32, Device.CPU),
                "1048576");
        bad("full overflowing shape", () -> Tensor.full(new long[] {1L << 62, 1L << 62}, 1.0), "4611686018427387904");
        bad("arange zero step", () -> Tensor.arange(0, 5, 0), "step");
        bad("arange wrong sign", () -> Tensor.arange(5, 0, 1), "start=5", "end=0");
        bad("arange double wrong sign", () -> Tensor.arange(0.0, -1.0, 0.5), "0.0", "-1.0");
        bad("arange infinite", () -> Tensor.arange(0.0, Double.POSITIVE_INFINITY, 1.0), "Infinity");
        bad("arange too many", () -> Tensor.arange(0, 1L << 40), "1099511627776");
        bad("arange bool", () -> Tensor.arange(0.0, 3.0, 1.0, DType.BOOL), "Bool");
        bad("full outside int8", () -> Tensor.full(new long[] {2}, 300L, DType.INT8), "300", "int8");
        bad("tensor outside uint8", () -> Tensor.tensor(new long[] {256}, DType.UINT8), "256", "uint8");
        bad("fromArray bytes as float16", () -> Tensor.fromArray(new byte[2], DType.FLOAT16, 2), "byte[]", "float16");
        bad("bitwise_and of float16", () -> Tensor.ones(new long[] {2}, DType.FLOAT16)
                .bitwiseAnd(Tensor.ones(new long[] {2}, DType.FLOAT16)), "Half");
        bad("npy of bfloat16", () -> Npy.toBytes(Tensor.ones(new long[] {1}, DType.BFLOAT16)), "bfloat16", "NumPy");
        bad("rand of float16", () -> Tensor.rand(new long[] {2}, DType.FLOAT16), "float16");
        bad("linspace negative", () -> Tensor.linspace(0, 1, -2), "-2");
        bad("linspace huge", () -> Tensor.linspace(0, 1, 1L << 33), "8589934592");
        bad("eye negative", () -> Tensor.eye(-1), "-1");
        bad("eye negative m", () -> Tensor.eye(2, -5), "-5");
        bad("tensor ragged", () -> Tensor.tensor(new double[][] {{1, 2}, {3}}), "2", "1");
        bad("fromArray not an array", () -> Tensor.fromArray("abc"), "String");
        bad("fromArray wrong shape", () -> Tensor.fromArray(new float[] {1, 2, 3}, 2, 2), "[2, 2]", "3");
        bad("randperm negative", () -> Tensor.randperm(-3), "-3");
        bad("randint empty range", () -> Tensor.randint(5, 5, new long[] {2}), "5");
        bad("rand integer dtype", () -> Tensor.rand(new long[] {2}, DType.INT64), "int64");
        bad("randn negative", () -> Tensor.randn(3, -1), "-1");
        npe("zeros null shape", () -> Tensor.zeros((long[]) null), "shape");
        npe("tensor null", () -> Tensor.tensor(null), "data");

        // ---- views and shape ops
        bad("view wrong numel", () -> m.view(4, 2), "[4, 2]", "6");
        bad("view two -1", () -> m.view(-1, -1), "[-1, -1]");
        bad("view negative", () -> m.view(-2, 3), "-2");
        bad("view incompatible strides", () -> m.t().view(6), "[3, 2]", "[6]");
        bad("view overflowing", () -> Tensor.zeros(0).view(0, 1L << 62, 1L << 62), "4611686018427387904");
        bad("reshape wrong numel", () -> m.reshape(5), "[5]", "6");
        bad("reshape overflowing", () -> m.reshape(-1, 1L << 62, 1L << 62), "4611686018427387904");
        bad("viewAs wrong numel", () -> m.viewAs(v), "[4]", "6");
        bad("reshapeAs wrong numel", () -> m.reshapeAs(v), "[4]", "6");
        bad("permute too few", () -> m.permute(0), "len(dims) = 1");
        bad("permute repeated", () -> m.permute(1, 1), "1");
        bad("permute out of range", () -> m.permute(0, 2), "2");
        bad("transpose dim out of range", () -> m.transpose(0, 2), "[-2, 1]", "2");
        bad("transpose negative out of range", () -> m.transpose(-3, 0), "-3");
        bad("t of 3-d", () -> f(2, 2, 2).t(), "3");
        bad("squeeze dim out of range", () -> m.squeeze(2), "2");
        bad("unsqueeze dim out of range", () -> m.unsqueeze(4), "4");
        bad("unsqueeze negative out of range", () -> m.unsqueeze(-4), "-4");
        bad("expand fewer dims", () -> m.expand(3), "[3]", "[2, 3]");
        bad("expand non-singleton", () -> m.expand(2, 4), "4", "3");
        bad("expand negative leading", () -> m.expand(-1, 2, 3), "-1");
        bad("expand invalid size", () -> f(1).expand(-5), "-5");
        bad("expandAs mismatch", () -> m.expandAs(v), "[4]", "[2, 3]");
        bad("expand overflowing", () -> f(1, 1, 1).expand(1L << 40, 1L << 40, 1L << 40), "1099511627776");
        bad("flatten start after end", () -> f(2, 3, 4).flatten(2, 1), "2", "1");
        bad("flatten dim out of range", () -> m.flatten(0, 5), "5");
        bad("unflatten wrong sizes", () -> m.unflatten(1, 2, 2), "[2, 2]", "3");
        bad("unflatten empty sizes", () -> m.unflatten(1), "sizes");
        bad("narrow start out of range", () -> m.narrow(1, 5, 1), "5");
        bad("narrow too long", () -> m.narrow(1, 1, 5), "5", "3");
        bad("narrow overflowing length", () -> m.narrow(1, 1, Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE));
        bad("narrow negative length", () -> m.narrow(1, 0, -1), "-1");
        bad("narrow 0-d", () -> s.narrow(0, 0, 1), "0-dim");
        bad("slice step zero", () -> m.slice(1, 0, 3, 0), "0");
        bad("slice step negative", () -> m.slice(1, 0, 3, -1), "-1");
        bad("slice dim out of range", () -> m.slice(2, 0, 1, 1), "2");
        bad("select index out of range", () -> m.select(1, 3), "3", "size 3");
        bad("select negative index out of range", () -> m.select(0, -3), "-3");
        bad("select 0-d", () -> s.select(0, 0), "0-dim");
        bad("flip repeated dim", () -> m.flip(0, 0), "0");
        bad("flip dim out of range", () -> m.flip(2), "2");
        bad("repeat too few", () -> m.repeat(2), "1", "2");
        bad("repeat negative", () -> m.repeat(2, -1), "-1");
        bad("repeat overflowing", () -> f(2).repeat(1L << 62), "4611686018427387904");
        bad("split size zero", () -> v.split(0, 0), "0");
        bad("split sizes wrong sum", () -> v.split(new long[] {1, 2}, 0), "[1, 2]", "4");
        bad("chunk zero", () -> v.chunk(0, 0), "0");
        bad("chunk dim out of range", () -> v.chunk(2, 1), "1");
        bad("unbind dim out of range", () -> m.unbind(2), "2");
        bad("unbind 0-d", () -> s.unbind(0), "0");
        bad("cat empty list", () -> Tensor.cat(new Tensor[0], 0), "non-empty");
        bad("cat mismatched sizes", () -> Tensor.cat(new Tensor[] {m, f(2, 4)}, 0), "3", "4");
        bad("cat mismatched ranks", () -> Tensor.cat(new Tensor[] {m, v}, 0), "2", "1");
        bad("cat dim out of range", () -> Tensor.cat(new Tensor[] {m, m}, 2), "2");
        bad("cat 0-d", () -> Tensor.cat(new Tensor[] {s, s}, 0), "zero-dimensional");
        bad("stack mismatched shapes", () -> Tensor.stack(new Tensor[] {m, f(3, 2)}, 0), "[2, 3]", "[3, 2]");
        bad("stack dim out of range", () -> Tensor.stack(new Tensor[] {m, m}, 4), "4");
        bad("stack empty", () -> Tensor.stack(new Tensor[0], 0), "non-empty");
        npe("cat null element", () -> Tensor.cat(new Tensor[] {m, null}, 0), "tensors[1]");
        npe("stack null list", () -> Tensor.stack(null, 0), "tensors");
        npe("view null", () -> m.view((long[]) null), "newShape");
        npe("permute null", () -> m.permute((int[]) null), "dims");
        bad("size dim out of range", () -> m.size(2), "2");
        bad("tril of 1-d", () -> v.tril(), "1");
        bad("triu of 1-d", () -> v.triu(), "1");
        bad("contiguous of nothing wrong", () -> m.to(DType.FLOAT32).view(7), "[7]");

        // ---- elementwise
        bad("add shapes", () -> m.add(v), "3", "4");
        bad("sub shapes", () -> m.sub(f(3, 2)), "3", "2");
        bad("mul shapes", () -> m.mul(f(5)), "3", "5");
        bad("div shapes", () -> m.div(f(2)), "3", "2");
        bad("pow shapes", () -> m.pow(f(4)), "3", "4");
        bad("remainder shapes", () -> m.remainder(f(4)), "3", "4");
        bad("maximum shapes", () -> m.maximum(f(4)), "3", "4");
        bad("minimum shapes", () -> m.minimum(f(4)), "3", "4");
        bad("eq shapes", () -> m.eq(f(4)), "3", "4");
        bad("lt shapes", () -> m.lt(f(4)), "3", "4");
        bad("logicalAnd shapes", () -> b.logicalAnd(f(3)), "2", "3");
        bad("add_ result grows", () -> f(3).add_(m), "[3]", "[2, 3]");
        bad("mul_ result grows", () -> f(1).mul_(v), "[1]", "[4]");
        bad("add_ float into int", () -> ints.clone().add_(m), "float32", "int64");
        bad("div_ into int", () -> ints.clone().div_(ints), "int64");
        bad("add_ into expanded", () -> f(1).expand(3).add_(1.0), "[3]", "[0]");
        bad("sub bool", () -> b.sub(b), "bool");
        bad("sub bool scalar", () -> b.sub(true ? Tensor.scalar(true) : b), "bool");
        bad("neg bool", () -> b.neg(), "bool");
        bad("div rounding mode", () -> m.div(m, "round"), "round");
        bad("gelu approximate", () -> m.gelu("fast"), "fast");
        bad("clamp without bounds", () -> m.clamp((Number) null, (Number) null), "min", "max");
        bad("clamp tensor bound shape", () -> m.clamp(f(4), null), "3", "4");
        bad("where condition shape", () -> Tensor.where(f(4).gt(0), m, m), "4", "3");
        bad("where non-bool condition", () -> Tensor.where(m, m, m), "float32");
        bad("maskedFill mask shape", () -> m.maskedFill(f(4).gt(0), 0.0), "4", "3");
        bad("maskedFill non-bool mask", () -> m.maskedFill(m, 0.0), "float32");
        bad("maskedFill value not 0-d", () -> m.maskedFill(m.gt(0), f(2)), "1");
        bad("copy_ shapes", () -> f(3).copy_(m), "[3]", "[2, 3]");
        bad("copy_ into expanded", () -> f(1).expand(4).copy_(v), "[4]");
        bad("relu bool", () -> b.relu(), "Bool");
        bad("sqrt of in-place int", () -> ints.clone().sqrt_(), "int64");
        bad("logicalNot_ of float into bool-only", () -> m.clone().logicalAnd_(f(4)), "3", "4");
        bad("overlapping in-place", () -> {
            Tensor x = f(6);
            x.narrow(0, 1, 5).add_(x.narrow(0, 0, 5));
        }, "single memory location");
        npe("add null", () -> m.add((Tensor) null), "other");
        npe("mul_ null", () -> m.mul_((Tensor) null), "other");
        npe("where null condition", () -> Tensor.where(null, m, m), "condition");
        npe("pow null", () -> m.pow((Tensor) null), "exponent");

        // ---- reductions
        bad("sum dim out of range", () -> m.sum(2), "[-2, 1]", "2");
        bad("sum repeated dims", () -> m.sum(new int[] {0, 0}, false), "0");
        bad("sum dims out of range", () -> m.sum(new int[] {0, 5}, false), "5");
        bad("mean of ints", () -> ints.mean(), "int64");
        bad("mean dtype int", () -> m.mean(DType.INT64), "int64");
        bad("mean dim out of range", () -> m.mean(-3), "-3");
        bad("prod dim out of range", () -> m.prod(3), "3");
        bad("max of empty", () -> Tensor.zeros(0).max(), "numel() == 0");
        bad("max dim of empty", () -> Tensor.zeros(2, 0).max(1), "1", "[2, 0]");
        bad("max dim out of range", () -> m.max(2), "2");
        bad("min dim out of range", () -> m.min(-3), "-3");
        bad("argmax of empty", () -> Tensor.zeros(0).argmax(), "[0]");
        bad("argmin dim out of range", () -> m.argmin(2), "2");
        bad("amax of empty dim", () -> Tensor.zeros(0, 3).amax(0), "0");
        bad("amin dim out of range", () -> m.amin(4), "4");
        bad("var of ints", () -> ints.var(), "int64");
        bad("std of ints", () -> ints.std(), "int64");
        bad("var dim out of range", () -> m.var(2), "2");
        bad("logsumexp dim out of range", () -> m.logsumexp(2), "2");
        bad("all dim out of range", () -> m.all(2), "2");
        bad("any dim out of range", () -> m.any(-3), "-3");
        bad("cumsum dim out of range", () -> m.cumsum(2), "2");

        // ---- indexing
        bad("gather rank", () -> m.gather(1, i64(0)), "1", "2");
        bad("gather out of range", () -> m.gather(1, Tensor.tensor(new long[][] {{0, 3}})), "3");
        bad("gather negative out of range", () -> m.gather(1, Tensor.tensor(new long[][] {{-4}})), "-4");
        bad("gather float index", () -> m.gather(1, m), "float32");
        bad("gather dim out of range", () -> m.gather(2, Tensor.tensor(new long[][] {{0}})), "2");
        bad("scatter out of range", () -> m.scatter(1, Tensor.tensor(new long[][] {{5}}), m), "5");
        bad("scatter float index", () -> m.scatter(1, m, m), "float32");
        bad("scatterAdd out of range", () -> m.scatterAdd(0, Tensor.tensor(new long[][] {{2}}), m), "2");
        bad("scatter src dtype", () -> m.scatter(1, Tensor.tensor(new long[][] {{0}}), ints), "int64", "float32");
        bad("indexSelect out of range", () -> m.indexSelect(1, i64(0, 3)), "3");
        bad("indexSelect 2-d index", () -> m.indexSelect(1, Tensor.tensor(new long[][] {{0}})), "[1, 1]");
        bad("indexSelect float index", () -> m.indexSelect(1, f(1)), "float32");
        bad("indexSelect dim out of range", () -> m.indexSelect(2, i64(0)), "2");
        bad("indexAdd out of range", () -> m.indexAdd(0, i64(2), f(1, 3)), "2");
        bad("indexAdd source shape", () -> m.indexAdd(0, i64(0), f(1, 4)), "4");
        bad("take out of range", () -> m.take(i64(6)), "6");
        bad("take negative out of range", () -> m.take(i64(-7)), "-7");
        bad("takeAlongDim rank", () -> m.takeAlongDim(i64(0), 1), "1", "2");
        bad("maskedSelect mask shape", () -> m.maskedSelect(f(4).gt(0)), "4", "3");
        bad("maskedSelect non-bool", () -> m.maskedSelect(m), "float32");
        bad("index out of range", () -> m.index(Index.at(2)), "2");
        bad("index too many", () -> m.index(Index.at(0), Index.at(0), Index.at(0)), "3", "2");
        bad("index tensor out of range", () -> m.index(i64(0, 5)), "5");
        bad("index float tensor", () -> m.index(f(1)), "float32");
        bad("index bool mask shape", () -> m.index(Tensor.tensor(new boolean[] {true, false, true})), "3", "2");
        bad("indexPut value shape", () -> m.clone().indexPut_(new Index[] {Index.at(0)}, f(4)), "4", "3");
        bad("multinomial negative", () -> Tensor.tensor(new double[] {-1, 1}).multinomial(1),
                "-1.0");
        bad("multinomial too many without replacement", () -> f(3).multinomial(4), "4", "3");
        bad("multinomial 3-d", () -> f(2, 2, 2).multinomial(1), "[2, 2, 2]");
        bad("item of many", () -> m.item(), "6");
        bad("itemLong of many", () -> v.itemLong(), "4");
        bad("random_ empty range", () -> f(2).random_(3, 3), "3");
        bad("uniform_ reversed", () -> f(2).uniform_(1, 0), "1", "0");
        bad("normal_ negative std", () -> f(2).normal_(0, -1), "-1");

        // ---- linear algebra
        bad("matmul 0-d", () -> s.matmul(m), "0D");
        bad("matmul shapes", () -> m.matmul(m), "2x3", "2x3");
        bad("matmul vector shapes", () -> m.matmul(f(2)), "3", "2");
        bad("matmul dtypes", () -> m.matmul(ints.t()), "float32", "int64");
        bad("matmul bool", () -> b.view(1, 2).matmul(b.view(2, 1)), "bool");
        bad("matmul batch broadcast", () -> f(2, 2, 3).matmul(f(3, 3, 2)), "2", "3");
        bad("mm rank", () -> v.mm(m), "1-D");
        bad("mm shapes", () -> m.mm(m), "2x3");
        bad("bmm rank", () -> m.bmm(m), "[2, 3]");
        bad("bmm batch", () -> f(2, 2, 3).bmm(f(3, 3, 2)), "[2, 3]", "[3, 3]");
        bad("dot rank", () -> m.dot(v), "2D", "1D");
        bad("dot sizes", () -> f(3).dot(v), "3", "4");
        bad("dot dtypes", () -> f(2).dot(i64(1, 2)), "float32", "int64");
        bad("mv rank", () -> v.mv(v), "1");
        bad("mv sizes", () -> m.mv(f(2)), "2x3", "2");
        bad("outer rank", () -> m.outer(v), "2-D");
        bad("matmul out shape", () -> m.matmul(f(3, 2), f(3)), "[3]", "[2, 2]");

        // ---- dtype and device conversion, autograd
        bad("requiresGrad on ints", () -> ints.clone().requiresGrad(true), "int64");
        bad("backward without grad", () -> m.sum().backward(), "does not require grad");
        bad("setGrad shape", () -> f(2).setGrad(f(3)), "[3]", "[2]");
        bad("setGrad dtype", () -> f(2).setGrad(Tensor.ones(new long[] {2}, DType.FLOAT64)), "float64", "float32");


        // ---- more: integer division, powers, sizes near the limits, nested data, layouts
        bad("remainder int by zero", () -> ints.remainder(0L), "ZeroDivisionError");
        bad("remainder int tensor by zero", () -> ints.remainder(ints.mul(0L)), "ZeroDivisionError");
        bad("floor div int by zero", () -> ints.div(0L, "floor"), "ZeroDivisionError");
        bad("trunc div int by zero", () -> ints.div(ints.mul(0L), "trunc"), "ZeroDivisionError");
        bad("int pow negative", () -> ints.pow(-1L), "negative integer powers");
        bad("split sizes overflow", () -> v.split(new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 6}, 0), "4");
        bad("split sizes negative", () -> v.split(new long[] {5, -1}, 0), "-1");
        bad("chunk negative", () -> v.chunk(-2, 0), "-2");
        bad("multinomial zero samples", () -> f(3).multinomial(0), "0");
        bad("multinomial negative samples", () -> f(3).multinomial(-1), "-1");
        bad("item of empty", () -> Tensor.zeros(0).item(), "0 elements");
        bad("view empty ambiguous", () -> Tensor.zeros(0).view(-1, 0), "[-1, 0]");
        bad("tril of 0-d", () -> s.tril(), "-2", "no dimensions");
        bad("expand 0-d negative", () -> s.expand(-2), "-2");
        bad("index slice step zero", () -> m.index(Index.slice(0L, 2L, 0L)), "step cannot be zero");
        bad("index slice step negative", () -> m.index(Index.slice(0L, 2L, -1L)), "-1");
        bad("index ellipsis twice", () -> m.index(Index.ellipsis(), Index.ellipsis()), "ellipsis");
        bad("gather index larger", () -> m.gather(1, Tensor.zeros(new long[] {3, 1}, DType.INT64)), "[3, 1]", "[2, 3]");
        bad("scatter index larger than src", () -> m.scatter(0, Tensor.zeros(new long[] {2, 3}, DType.INT64), f(1, 3)),
                "[2, 3]", "[1, 3]");
        bad("indexPut_ index out of range", () -> m.clone().indexPut_(new Index[] {Index.tensor(i64(4))}, f(3)), "4");
        bad("indexAdd fractional alpha on ints", () -> ints.indexAdd(0, i64(0), ints.narrow(0, 0, 1), 0.5), "0.5");
        bad("tensor with a null element", () -> Tensor.tensor(java.util.Arrays.asList(1.0, null)), "null");
        bad("tensor with a string", () -> Tensor.tensor(java.util.List.of(1, "a")), "String");
        bad("layout strides length", () -> new Tensor(f(4).storage(), new long[] {2, 2}, new long[] {1}, 0),
                "[2, 2]", "[1]");
        bad("layout outside storage", () -> new Tensor(f(4).storage(), new long[] {5}, new long[] {1}, 0), "[5]", "4");
        bad("layout overflowing stride", () -> new Tensor(f(4).storage(), new long[] {3}, new long[] {Long.MAX_VALUE}, 0),
                String.valueOf(Long.MAX_VALUE));
        bad("cumsum of empty dim out of range", () -> Tensor.zeros(0).cumsum(1), "1");
        bad("full to bool with NaN is fine; eye overflow", () -> Tensor.eye(1L << 40), "1099511627776");
        bad("diagonal-free: outer of 0-d", () -> s.outer(v), "0-D");
        bad("clamp min > max on ints keeps going; clamp bool", () -> b.clamp(0, 1).sub(b), "bool");

        // ---- scalars stored as they are must fit the dtype (PyTorch's checked conversion)
        Tensor i32 = Tensor.zeros(new long[] {2}, DType.INT32);
        bad("fill_ int32 overflow", () -> i32.clone().fill_(1L << 40), "1099511627776", "int32");
        bad("fill_ int64 with NaN", () -> ints.clone().fill_(Double.NaN), "NaN", "int64");
        bad("fill_ int64 with infinity", () -> ints.clone().fill_(Double.POSITIVE_INFINITY), "Infinity");
        bad("fill_ float32 overflow", () -> m.clone().fill_(1e300), "1.0E300", "float32");
        bad("full int32 overflow", () -> Tensor.full(new long[] {2}, 1e10, DType.INT32), "1.0E10");
        bad("zero-size fill still checked", () -> Tensor.zeros(new long[] {0}, DType.INT32).fill_(1L << 33),
                "8589934592");
        bad("maskedFill int32 overflow", () -> i32.maskedFill(Tensor.tensor(new boolean[] {true, false}), 1L << 40),
                "1099511627776");
        bad("clamp int32 bound overflow", () -> i32.clamp(0L, 1L << 40), "1099511627776");

        bad("tensor int32 overflow", () -> Tensor.tensor(new long[] {1, 1L << 40}, DType.INT32), "1099511627776",
                "element 1");
        bad("tensor int64 from NaN", () -> Tensor.tensor(new double[] {1.5, Double.NaN}, DType.INT64), "NaN");
        bad("scalar int32 overflow", () -> Tensor.scalar(3e9, DType.INT32), "3.0E9");
        bad("clamp float32 bound 1e300", () -> m.clamp(0.0, 1e300), "1.0E300");

        System.out.println("BAD-INPUT cases=" + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            RuntimeException e = assertThrows(c.type(), c.call(), c.name());
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank(), c.name() + ": no message");
            for (String n : c.named()) {
                assertTrue(message.contains(n), () -> c.name() + ": message should name " + n + ": " + message);
            }
        }));
    }
}
