package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.ops.nn.CrossEntropyOptions;
import dev.jtensor.ops.nn.EmbeddingBagMode;
import dev.jtensor.ops.nn.EmbeddingBagOptions;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Reduction;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Finite-difference gradient checks (float64) for every primitive in the table of derivatives.
 * {@link #CHECKS} maps each {@link Primitive} to its checks; {@link #everyPrimitiveHasAGradientCheck}
 * fails, listing them, when a primitive has none.
 */
class DerivativesGradTest {
    private static final Map<Primitive, Runnable> CHECKS = new EnumMap<>(Primitive.class);
    /** Checks of composite ops (no primitive of their own), run by {@link #compositeGradients}. */
    private static final List<Runnable> gradcheckComposites = new java.util.ArrayList<>();

    private static void checks(Primitive op, Runnable check) {
        CHECKS.put(op, check);
    }

    /** A float64 tensor of the given shape with distinct, well-separated values (no ties). */
    static Tensor rand(long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextDouble() - 0.5) * 4 + i * 1e-3;
        }
        return Tensor.fromArray(v, shape);
    }

    /** Like {@link #rand}, with values in [0.5, 2.5) (for log, sqrt, division and powers). */
    static Tensor positive(long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.5 + 2 * r.nextDouble();
        }
        return Tensor.fromArray(v, shape);
    }

    static void gradcheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.check(f, inputs);
    }

    static {
        // ------------------------------------------------------------ views and copies
        checks(Primitive.VIEW, () -> {
            gradcheck(in -> in[0].view(3, 2), rand(1, 2, 3));
            gradcheck(in -> in[0].view(-1), rand(2, 2, 1, 2));
            gradcheck(in -> in[0].t().reshape(6), rand(3, 2, 3)); // reshape of a non-contiguous input copies, then views
        });
        checks(Primitive.PERMUTE, () -> {
            gradcheck(in -> in[0].permute(2, 0, 1), rand(4, 2, 3, 2));
            gradcheck(in -> in[0].transpose(0, 1), rand(5, 3, 2));
        });
        checks(Primitive.EXPAND, () -> {
            gradcheck(in -> in[0].expand(3, 2), rand(6, 1, 2));
            gradcheck(in -> in[0].expand(2, 3, 2), rand(7, 3, 1));
            gradcheck(in -> in[0].expand(2, 2), rand(8));
        });
        checks(Primitive.SLICE, () -> {
            gradcheck(in -> in[0].slice(1, 1, 5, 2), rand(9, 2, 5));
            gradcheck(in -> in[0].narrow(0, 1, 2), rand(10, 4));
            gradcheck(in -> in[0].slice(0, 3, 3, 1), rand(11, 4));
            gradcheck(in -> in[0].split(2, 1)[1], rand(12, 2, 5));
            gradcheck(in -> in[0].chunk(2, 0)[0], rand(13, 3, 2));
        });
        checks(Primitive.SELECT, () -> {
            gradcheck(in -> in[0].select(1, -1), rand(14, 2, 3));
            gradcheck(in -> in[0].unbind(0)[1], rand(15, 2, 2));
        });
        checks(Primitive.RESHAPE_ALIAS, () -> {
            gradcheck(in -> in[0].unsqueeze(1), rand(16, 2, 3));
            gradcheck(in -> in[0].squeeze(), rand(17, 1, 3, 1));
            gradcheck(in -> in[0].squeeze(0), rand(18, 1, 2));
        });
        checks(Primitive.FLIP, () -> gradcheck(in -> in[0].flip(0, 2), rand(19, 2, 2, 3)));
        checks(Primitive.CAT, () -> {
            gradcheck(in -> Tensor.cat(new Tensor[] {in[0], in[1]}, 1), rand(20, 2, 1), rand(21, 2, 3));
            gradcheck(in -> Tensor.cat(new Tensor[] {in[0], in[1], in[0]}, 0), rand(22, 1, 2), rand(23, 2, 2));
            gradcheck(in -> Tensor.stack(new Tensor[] {in[0], in[1]}, 1), rand(24, 2, 2), rand(25, 2, 2));
            // The legacy rule: a 1-D empty tensor takes part in cat of 2-D tensors.
            gradcheck(in -> Tensor.cat(new Tensor[] {in[0], in[1]}, 0), rand(26, 0), rand(27, 2, 2));
        });
        checks(Primitive.REPEAT, () -> {
            gradcheck(in -> in[0].repeat(2, 3), rand(28, 2, 1));
            gradcheck(in -> in[0].repeat(2, 1, 2), rand(29, 3));
        });
        // A float32 round trip is linear but rounds at 1e-7: a larger step keeps the differences exact enough.
        checks(Primitive.CAST, () -> GradCheck.check(
                in -> Tensor.cat(new Tensor[] {in[0].to(DType.FLOAT32), in[0].to(DType.FLOAT32)}, 0).to(DType.FLOAT64),
                1e-2, 1e-4, 1e-3, Tensor.tensor(new double[] {0.5, -1.25, 2}, DType.FLOAT64)));
        checks(Primitive.CLONE, () -> {
            gradcheck(in -> in[0].clone(), rand(30, 2, 2));
            gradcheck(in -> in[0].t().contiguous(), rand(31, 2, 3));
        });

        // ------------------------------------------------------------ elementwise, with broadcasting
        checks(Primitive.ADD, () -> {
            gradcheck(in -> in[0].add(in[1]), rand(40, 2, 3), rand(41, 3));
            gradcheck(in -> in[0].add(in[1], 2.5), rand(42, 2, 1), rand(43, 1, 3));
            gradcheck(in -> in[0].add(3.0), rand(44, 2));
        });
        checks(Primitive.SUB, () -> {
            gradcheck(in -> in[0].sub(in[1]), rand(45, 3, 1), rand(46, 2, 1, 4));
            gradcheck(in -> in[0].sub(in[1], -0.5), rand(47, 2), rand(48, 2));
        });
        checks(Primitive.MUL, () -> {
            gradcheck(in -> in[0].mul(in[1]), rand(49, 2, 3), rand(50, 2, 1));
            gradcheck(in -> in[0].mul(in[0]), rand(51, 3));
            gradcheck(in -> in[0].mul(1.5), rand(52, 2));
        });
        checks(Primitive.DIV, () -> {
            gradcheck(in -> in[0].div(in[1]), rand(53, 2, 3), positive(54, 3));
            gradcheck(in -> in[0].div(in[1], "floor"), rand(55, 3), positive(56, 3));
            gradcheck(in -> in[0].div(in[1], "trunc"), rand(57, 3), positive(58, 1));
        });
        checks(Primitive.REMAINDER, () -> gradcheck(in -> in[0].remainder(in[1]),
                Tensor.tensor(new double[] {5.3, -2.2, 7.9}, DType.FLOAT64), Tensor.tensor(new double[] {2.1, 1.5, -3.3}, DType.FLOAT64)));
        checks(Primitive.POW, () -> {
            gradcheck(in -> in[0].pow(in[1]), positive(59, 2, 3), rand(60, 3));
            gradcheck(in -> in[0].pow(3L), rand(61, 4));
            gradcheck(in -> in[0].pow(2.5), positive(62, 3));
        });
        checks(Primitive.MAXIMUM, () -> gradcheck(in -> in[0].maximum(in[1]), rand(63, 2, 3), rand(64, 3)));
        checks(Primitive.MINIMUM, () -> gradcheck(in -> in[0].minimum(in[1]), rand(65, 2, 3), rand(66, 2, 1)));
        checks(Primitive.CLAMP_MIN, () -> {
            gradcheck(in -> in[0].clampMin(in[1]), rand(67, 2, 4), rand(68, 4));
            gradcheck(in -> in[0].clampMin(0.1), rand(69, 5));
        });
        checks(Primitive.CLAMP_MAX, () -> {
            gradcheck(in -> in[0].clampMax(in[1]), rand(70, 2, 4), rand(71, 2, 1));
            gradcheck(in -> in[0].clamp(-0.5, 0.5), rand(72, 6));
        });
        checks(Primitive.NEG, () -> gradcheck(in -> in[0].neg(), rand(73, 2, 2)));
        checks(Primitive.ABS, () -> gradcheck(in -> in[0].abs(), rand(74, 2, 3)));
        checks(Primitive.EXP, () -> gradcheck(in -> in[0].exp(), rand(75, 2, 3)));
        checks(Primitive.LOG, () -> gradcheck(in -> in[0].log(), positive(76, 2, 3)));
        checks(Primitive.LOG1P, () -> gradcheck(in -> in[0].log1p(), positive(77, 4)));
        checks(Primitive.SQRT, () -> gradcheck(in -> in[0].sqrt(), positive(78, 4)));
        checks(Primitive.RSQRT, () -> gradcheck(in -> in[0].rsqrt(), positive(79, 4)));
        checks(Primitive.SIN, () -> gradcheck(in -> in[0].sin(), rand(80, 4)));
        checks(Primitive.COS, () -> gradcheck(in -> in[0].cos(), rand(81, 4)));
        checks(Primitive.TANH, () -> gradcheck(in -> in[0].tanh(), rand(82, 2, 3)));
        checks(Primitive.SIGMOID, () -> gradcheck(in -> in[0].sigmoid(), rand(83, 2, 3)));
        checks(Primitive.RELU, () -> gradcheck(in -> in[0].relu(), rand(84, 2, 3)));
        checks(Primitive.GELU, () -> {
            gradcheck(in -> in[0].gelu(), rand(85, 2, 3));
            gradcheck(in -> in[0].gelu("tanh"), rand(86, 2, 3));
        });
        checks(Primitive.RECIPROCAL, () -> gradcheck(in -> in[0].reciprocal(), positive(87, 4)));
        // Away from the jumps the derivative of rounding is zero, and PyTorch defines it as zero everywhere.
        Tensor offGrid = Tensor.tensor(new double[] {-1.7, -0.2, 0.3, 1.6, 2.43}, DType.FLOAT64);
        checks(Primitive.FLOOR, () -> gradcheck(in -> in[0].floor(), offGrid));
        checks(Primitive.CEIL, () -> gradcheck(in -> in[0].ceil(), offGrid));
        checks(Primitive.ROUND, () -> {
            gradcheck(in -> in[0].round(), offGrid);
            gradcheck(in -> in[0].round(1), offGrid);
        });
        checks(Primitive.WHERE, () -> {
            Tensor cond = Tensor.tensor(new boolean[][] {{true, false, true}, {false, false, true}});
            gradcheck(in -> Tensor.where(cond, in[0], in[1]), rand(88, 2, 3), rand(89, 3));
            gradcheck(in -> Tensor.where(cond.select(0, 0), in[0], in[1]), rand(90, 2, 1), rand(91, 1));
            gradcheck(in -> in[0].maskedFill(cond, 2.0), rand(92, 2, 3));
            gradcheck(in -> in[0].maskedFill(cond.select(1, 0).unsqueeze(1), in[1]), rand(93, 2, 3), rand(94));
            gradcheck(in -> in[0].tril(), rand(95, 3, 3));
        });

        // ------------------------------------------------------------ math functions (issue 20)
        checks(Primitive.TRUNC, () -> gradcheck(in -> in[0].trunc(), offGrid));
        checks(Primitive.SIGN, () -> gradcheck(in -> in[0].sign(), offGrid));
        Tensor inside = rand(300, 2, 3).mul(0.4); // in (-0.9, 0.9): the domain of asin, acos, atanh, erfinv
        checks(Primitive.TAN, () -> gradcheck(in -> in[0].tan(), inside));
        checks(Primitive.ASIN, () -> gradcheck(in -> in[0].asin(), inside));
        checks(Primitive.ACOS, () -> gradcheck(in -> in[0].acos(), inside));
        checks(Primitive.ATAN, () -> gradcheck(in -> in[0].atan(), rand(301, 2, 3)));
        checks(Primitive.SINH, () -> gradcheck(in -> in[0].sinh(), rand(302, 2, 3)));
        checks(Primitive.COSH, () -> gradcheck(in -> in[0].cosh(), rand(303, 2, 3)));
        checks(Primitive.ASINH, () -> gradcheck(in -> in[0].asinh(), rand(304, 2, 3)));
        checks(Primitive.ACOSH, () -> gradcheck(in -> in[0].acosh(), positive(305, 2, 3).add(1.0)));
        checks(Primitive.ATANH, () -> gradcheck(in -> in[0].atanh(), inside));
        checks(Primitive.LOG2, () -> gradcheck(in -> in[0].log2(), positive(306, 2, 3)));
        checks(Primitive.LOG10, () -> gradcheck(in -> in[0].log10(), positive(307, 2, 3)));
        checks(Primitive.EXP2, () -> gradcheck(in -> in[0].exp2(), rand(308, 2, 3)));
        checks(Primitive.EXPM1, () -> gradcheck(in -> in[0].expm1(), rand(309, 2, 3)));
        checks(Primitive.ERF, () -> gradcheck(in -> in[0].erf(), rand(310, 2, 3)));
        checks(Primitive.ERFC, () -> gradcheck(in -> in[0].erfc(), rand(311, 2, 3)));
        checks(Primitive.ERFINV, () -> gradcheck(in -> in[0].erfinv(), inside));
        checks(Primitive.LGAMMA, () -> {
            gradcheck(in -> in[0].lgamma(), positive(312, 2, 3));
            gradcheck(in -> in[0].lgamma(), Tensor.tensor(new double[] {-2.5, -0.3, -1.7}, DType.FLOAT64));
        });
        checks(Primitive.DIGAMMA, () -> {
            gradcheck(in -> in[0].digamma(), positive(313, 2, 3));
            gradcheck(in -> in[0].digamma(), Tensor.tensor(new double[] {-2.5, -0.3, -1.7}, DType.FLOAT64));
        });
        checks(Primitive.ATAN2, () -> gradcheck(in -> in[0].atan2(in[1]), rand(314, 2, 3), rand(315, 3)));
        checks(Primitive.FMOD, () -> gradcheck(in -> in[0].fmod(in[1]),
                Tensor.tensor(new double[] {-3.3, 2.9, 5.2, -0.4}, DType.FLOAT64),
                Tensor.tensor(new double[] {1.5, -1.3, 2.0, 0.7}, DType.FLOAT64)));
        checks(Primitive.HYPOT, () -> gradcheck(in -> in[0].hypot(in[1]), rand(316, 2, 3), rand(317, 2, 1)));
        checks(Primitive.LOGADDEXP, () -> gradcheck(in -> in[0].logaddexp(in[1]), rand(318, 2, 3), rand(319, 3)));
        checks(Primitive.NORM, () -> {
            for (double p : new double[] {1, 2, 3, 0.5, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                gradcheck(in -> in[0].norm(p), rand(331, 2, 3));
                gradcheck(in -> in[0].norm(p, new int[] {1}, true), rand(332, 2, 3));
                gradcheck(in -> in[0].vectorNorm(p, new int[] {0, 2}, false, null), rand(333, 2, 3, 2));
            }
            gradcheck(in -> in[0].norm(0.0), rand(334, 4));
        });
        checks(Primitive.NANSUM, () -> {
            gradcheck(in -> in[0].nansum(), rand(335, 2, 3));
            gradcheck(in -> in[0].nansum(new int[] {1}, true), rand(336, 2, 3));
            gradcheck(in -> in[0].nanmean(new int[] {0}, false), rand(337, 2, 3));
        });
        // Composites of the primitives above and of existing ones: their gradients come from the parts.
        gradcheckComposites.add(() -> {
            gradcheck(in -> in[0].frac(), offGrid);
            gradcheck(in -> in[0].xlogy(in[1]), rand(320, 2, 3), positive(321, 3));
            gradcheck(in -> in[0].floatPower(in[1]), positive(322, 3), rand(323, 3));
            gradcheck(in -> in[0].lerp(in[1], in[2]), rand(324, 2, 3), rand(325, 3), rand(326, 2, 3).mul(0.3));
            gradcheck(in -> in[0].lerp(in[1], 0.7), rand(327, 2, 3), rand(328, 3));
            gradcheck(in -> in[0].nanToNum(), rand(329, 2, 3));
            gradcheck(in -> in[0].square(), rand(330, 2, 3));
            gradcheck(in -> in[0].mul(1.0).tan_(), rand(352, 2, 3)); // in-place variants record the same primitive
            gradcheck(in -> in[0].mul(1.0).hypot_(in[1]), rand(353, 2, 3), rand(354, 3));
            gradcheck(in -> in[0].cumprod(1), rand(338, 2, 5));
            gradcheck(in -> in[0].cumprod(0), Tensor.tensor(new double[] {1.5, 0.0, -2.0, 0.0, 3.0}, DType.FLOAT64));
            gradcheck(in -> in[0].logcumsumexp(-1), rand(339, 3, 6));
            gradcheck(in -> in[0].cummax(1).values(), rand(340, 2, 7));
            gradcheck(in -> in[0].cummin(0).values(), rand(341, 5, 2));
            gradcheck(in -> in[0].diff(2, 0, null, in[1]), rand(342, 4, 3), rand(343, 2, 3));
            gradcheck(in -> in[0].stdMean(new int[] {1}, 1, false)[0], rand(344, 2, 4));
            // Sorting and selection gather their values, so the gradient goes back to the chosen elements.
            gradcheck(in -> in[0].sort(1, true).values(), rand(345, 3, 4));
            gradcheck(in -> in[0].topk(2, 0, false, true).values(), rand(346, 4, 3));
            gradcheck(in -> in[0].kthvalue(2, 1, true).values(), rand(347, 3, 4));
            gradcheck(in -> in[0].median(0, false).values(), rand(348, 5, 2));
            gradcheck(in -> in[0].median(), rand(349, 7));
            gradcheck(in -> in[0].quantile(Tensor.tensor(new double[] {0.2, 0.9}, DType.FLOAT64), 1L, true, "linear"),
                    rand(350, 2, 5));
            gradcheck(in -> in[0].quantile(0.3, null, false, "midpoint"), rand(351, 6));
        });

        // ------------------------------------------------------------ reductions
        checks(Primitive.SUM, () -> {
            gradcheck(in -> in[0].sum(), rand(100, 2, 3));
            gradcheck(in -> in[0].sum(new int[] {0, 2}, false), rand(101, 2, 3, 2));
            gradcheck(in -> in[0].sum(1, true), rand(102, 2, 3));
        });
        checks(Primitive.MEAN, () -> {
            gradcheck(in -> in[0].mean(), rand(103, 2, 3));
            gradcheck(in -> in[0].mean(new int[] {1}, false), rand(104, 2, 3, 2));
        });
        checks(Primitive.PROD, () -> {
            gradcheck(in -> in[0].prod(), rand(105, 2, 3));
            gradcheck(in -> in[0].prod(1, false), rand(106, 2, 3));
            // One zero in a row: only the zero gets a gradient (the product of the others); two: none.
            gradcheck(in -> in[0].prod(1, true), Tensor.tensor(new double[][] {{0, 2, 3}, {0, 0, 1.5}, {1, 2, 0.5}}, DType.FLOAT64));
            gradcheck(in -> in[0].prod(), Tensor.tensor(new double[] {1.5, 0, 2}, DType.FLOAT64));
        });
        checks(Primitive.AMAX, () -> {
            gradcheck(in -> in[0].amax(new int[] {1}, false), rand(107, 2, 3));
            gradcheck(in -> in[0].max(), rand(108, 2, 3));
        });
        checks(Primitive.AMIN, () -> {
            gradcheck(in -> in[0].amin(new int[] {0}, true), rand(109, 2, 3));
            gradcheck(in -> in[0].min(), rand(110, 4));
        });
        checks(Primitive.MAX_DIM, () -> {
            gradcheck(in -> in[0].max(1).values(), rand(111, 2, 3));
            gradcheck(in -> in[0].max(0, true).values(), rand(112, 3, 2));
        });
        checks(Primitive.MIN_DIM, () -> gradcheck(in -> in[0].min(1).values(), rand(113, 2, 3)));
        checks(Primitive.LOGSUMEXP, () -> {
            gradcheck(in -> in[0].logsumexp(1), rand(114, 2, 3));
            gradcheck(in -> in[0].logsumexp(new int[] {0, 1}, true), rand(115, 2, 3));
        });
        checks(Primitive.VAR, () -> {
            gradcheck(in -> in[0].var(), rand(116, 2, 3));
            gradcheck(in -> in[0].var(1, false, true), rand(117, 2, 3));
        });
        checks(Primitive.STD, () -> {
            gradcheck(in -> in[0].std(), rand(118, 2, 3));
            gradcheck(in -> in[0].std(new int[] {0}, true, false), rand(119, 3, 2));
        });
        checks(Primitive.CUMSUM, () -> {
            gradcheck(in -> in[0].cumsum(1), rand(120, 2, 3));
            gradcheck(in -> in[0].cumsum(0), rand(121, 4));
        });

        // ------------------------------------------------------------ indexing (duplicates accumulate)
        Tensor dup = Tensor.tensor(new long[] {2, 0, 2, 2});
        checks(Primitive.INDEX, () -> {
            gradcheck(in -> in[0].index(Index.tensor(dup)), rand(130, 3, 2));
            gradcheck(in -> in[0].index(Index.all(), Index.tensor(dup)), rand(131, 2, 3));
            gradcheck(in -> in[0].index(Index.tensor(Tensor.tensor(new boolean[] {true, false, true}))), rand(132, 3, 2));
        });
        checks(Primitive.INDEX_PUT, () -> {
            Index[] at = {Index.tensor(Tensor.tensor(new long[] {0, 2}))};
            gradcheck(in -> in[0].indexPut(at, in[1]), rand(133, 3, 2), rand(134, 2, 2));
            gradcheck(in -> in[0].indexPut(at, in[1]), rand(135, 3, 2), rand(136, 2)); // value broadcast
            gradcheck(in -> in[0].indexPut(new Index[] {Index.tensor(dup)}, in[1], true), rand(137, 3), rand(138, 4));
        });
        checks(Primitive.GATHER, () -> gradcheck(in -> in[0].gather(1, Tensor.tensor(new long[][] {{0, 0, 2}, {1, 1, 1}})),
                rand(139, 2, 3)));
        checks(Primitive.SCATTER, () -> {
            Tensor index = Tensor.tensor(new long[][] {{0, 2}, {1, 0}});
            gradcheck(in -> in[0].scatter(1, index, in[1]), rand(140, 2, 3), rand(141, 2, 3));
            gradcheck(in -> in[0].scatter(0, index, 1.5), rand(142, 3, 2));
        });
        checks(Primitive.SCATTER_ADD, () -> gradcheck(
                in -> in[0].scatterAdd(1, Tensor.tensor(new long[][] {{0, 0}, {2, 2}}), in[1]), rand(143, 2, 3), rand(144, 2, 4)));
        checks(Primitive.INDEX_SELECT, () -> gradcheck(in -> in[0].indexSelect(0, dup), rand(145, 3, 2)));
        checks(Primitive.INDEX_ADD, () -> {
            gradcheck(in -> in[0].indexAdd(0, dup, in[1]), rand(146, 3, 2), rand(147, 4, 2));
            gradcheck(in -> in[0].indexAdd(1, Tensor.tensor(new long[] {1}), in[1], -2.0), rand(148, 2, 3), rand(149, 2, 1));
        });

        // ------------------------------------------------------------ linalg
        checks(Primitive.MATMUL, () -> {
            gradcheck(in -> in[0].matmul(in[1]), rand(150, 2, 3), rand(151, 3, 4));
            gradcheck(in -> in[0].matmul(in[1]), rand(152, 2, 2, 3), rand(153, 3, 2)); // broadcast batch
            gradcheck(in -> in[0].matmul(in[1]), rand(154, 3), rand(155, 3)); // dot
            gradcheck(in -> in[0].matmul(in[1]), rand(156, 2, 3), rand(157, 3)); // mv
            gradcheck(in -> in[0].matmul(in[1]), rand(158, 3), rand(159, 2, 3, 2)); // vector @ batch
            gradcheck(in -> in[0].bmm(in[1]), rand(160, 2, 2, 3), rand(161, 2, 3, 1));
            gradcheck(in -> in[0].t().mm(in[1].t()), rand(162, 3, 2), rand(163, 4, 3)); // transposed operands
        });

        // ------------------------------------------------------------ shapes
        checks(Primitive.DIAGONAL, () -> {
            gradcheck(in -> in[0].diagonal(), rand(170, 3, 4));
            gradcheck(in -> in[0].diagonal(1, 2, 0), rand(171, 3, 2, 4)); // offset, dims out of order
            gradcheck(in -> in[0].diagonal(-1, -1, -2).mul(in[0].diagonal(-1, -1, -2)), rand(172, 2, 4, 3));
            gradcheck(in -> in[0].t().diagonal(0, 0, 1), rand(173, 5, 2)); // of a transposed view
        });

        // ------------------------------------------------------------ nn (fused kernels)
        checks(Primitive.SOFTMAX, () -> {
            gradcheck(in -> F.softmax(in[0], 1), rand(101, 3, 5));
            gradcheck(in -> F.softmax(in[0], 0), rand(102, 4, 2, 3));
        });
        checks(Primitive.LOG_SOFTMAX, () -> {
            gradcheck(in -> F.logSoftmax(in[0], -1), rand(103, 3, 5));
            gradcheck(in -> F.logSoftmax(in[0], 1), rand(104, 2, 3, 4));
        });
        checks(Primitive.CROSS_ENTROPY, () -> {
            Tensor t = Tensor.fromArray(new long[] {2, 0, 4, 1});
            Tensor w = positive(105, 5);
            for (Reduction r : Reduction.values()) {
                gradcheck(in -> F.crossEntropy(in[0], t, new CrossEntropyOptions().reduction(r)), rand(106, 4, 5));
                gradcheck(in -> F.crossEntropy(in[0], t, new CrossEntropyOptions().weight(w).ignoreIndex(0)
                        .labelSmoothing(0.2).reduction(r)), rand(107, 4, 5));
            }
            gradcheck(in -> F.crossEntropy(in[0], Tensor.fromArray(new long[] {1, 2, 0, 1, 2, 2}, 2, 3)),
                    rand(108, 2, 3, 3));
        });
        checks(Primitive.EMBEDDING, () -> {
            Tensor idx = Tensor.fromArray(new long[] {0, 3, 3, 1, 4, 0}, 2, 3);
            gradcheck(in -> F.embedding(idx, in[0]), rand(109, 5, 2));
        });
        checks(Primitive.EMBEDDING_BAG, () -> {
            Tensor idx = Tensor.fromArray(new long[] {0, 3, 3, 1, 4, 0, 2});
            Tensor offsets = Tensor.fromArray(new long[] {0, 2, 2, 5});
            for (EmbeddingBagMode m : EmbeddingBagMode.values()) {
                gradcheck(in -> F.embeddingBag(idx, in[0], new EmbeddingBagOptions().offsets(offsets).mode(m)
                        .paddingIdx(4L)), rand(111, 5, 3));
            }
            gradcheck(in -> F.embeddingBag(idx, in[0], new EmbeddingBagOptions().offsets(offsets)
                    .mode(EmbeddingBagMode.SUM).perSampleWeights(in[1])), rand(112, 5, 3), rand(113, 7));
        });
    }

    /** At ties the derivative is not defined; PyTorch's conventions (not finite differences) decide. */
    @Test
    void extremaWithTiesFollowPyTorch() {
        Tensor x = Tensor.tensor(new double[][] {{1, 3, 3, 2}, {5, 5, 5, 0}}, DType.FLOAT64).requiresGrad(true);
        x.amax(new int[] {1}, false).sum().backward();
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, x.grad().toDoubleArray(), 1e-12);
        x.setGrad(null);
        x.max().backward(); // the whole-tensor max shares the gradient among all tied maxima too
        assertArrayEquals(new double[] {0, 0, 0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, x.grad().toDoubleArray(), 1e-12);
        x.setGrad(null);
        x.max(1).values().sum().backward(); // max along a dim: all of it to the returned index
        long[] idx = x.detach().max(1).indices().toLongArray();
        double[] expected = new double[8];
        expected[(int) idx[0]] = 1;
        expected[4 + (int) idx[1]] = 1;
        assertArrayEquals(expected, x.grad().toDoubleArray());
        x.setGrad(null);
        x.maximum(Tensor.full(new long[] {4}, 3.0, DType.FLOAT64)).sum().backward(); // maximum: half at a tie
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0, 1, 1, 1, 0}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void compositeGradients() {
        assertTrue(!gradcheckComposites.isEmpty());
        gradcheckComposites.forEach(Runnable::run);
    }

    @Test
    void everyPrimitiveHasAGradientCheck() {
        List<Primitive> missing = Stream.of(Primitive.values()).filter(p -> !CHECKS.containsKey(p)).toList();
        assertTrue(missing.isEmpty(), "primitives without a finite-difference gradient check in "
                + "DerivativesGradTest: " + missing);
    }

    @TestFactory
    Stream<DynamicTest> gradientChecks() {
        return CHECKS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().name(), e.getValue()::run));
    }
}
