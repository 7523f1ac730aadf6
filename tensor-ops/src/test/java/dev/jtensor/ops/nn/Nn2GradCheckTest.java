package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.autograd.GradCheck;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The issue-21 activations, distances, padding and losses (composed of core ops) against central
 * finite differences in float64, at random points away from their kinks; the conformance cases
 * check values and gradients against PyTorch, including at the kinks.
 */
class Nn2GradCheckTest {
    private static final Generator G = new Generator(21);

    /** Standard normal values moved at least 0.05 away from each kink, so that differences stay on one side. */
    private static Tensor away(long[] shape, double... kinks) {
        double[] v = Tensor.randn(shape, DType.FLOAT64, G).mul(2.0).toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            for (double k : kinks) {
                if (Math.abs(v[i] - k) < 0.05) {
                    v[i] = k + (v[i] >= k ? 0.05 : -0.05);
                }
            }
        }
        return Tensor.fromArray(v, shape);
    }

    private static void unary(Function<Tensor, Tensor> f, double... kinks) {
        GradCheck.check(t -> f.apply(t[0]), away(new long[] {3, 5}, kinks));
    }

    @Test
    void activations() {
        unary(F::silu);
        unary(F::mish);
        unary(x -> F.leakyRelu(x, 0.2), 0);
        unary(x -> F.elu(x, 0.7), 0);
        unary(F::selu, 0);
        unary(x -> F.celu(x, 1.5), 0);
        unary(x -> F.softplus(x, 2.0, 3.0), 1.5);
        unary(F::softsign, 0);
        unary(x -> F.hardtanh(x, -0.5, 2.0), -0.5, 2.0);
        unary(F::relu6, 0, 6);
        unary(F::hardsigmoid, -3, 3);
        unary(F::hardswish, -3, 3);
        unary(F::logsigmoid, 0);
        unary(F::tanhshrink);
        unary(x -> F.softshrink(x, 0.5), -0.5, 0.5);
        unary(x -> F.hardshrink(x, 0.5), -0.5, 0.5);
        unary(x -> F.glu(x.narrow(1, 0, 4), 1));
        unary(x -> F.softmin(x, 1));
        unary(x -> F.normalize(x, 2.0, 1, 1e-12));
        unary(x -> F.normalize(x, 3.0, 0, 1e-12));
    }

    @Test
    void padding() {
        Tensor x = away(new long[] {2, 3, 4});
        GradCheck.check(t -> F.pad(t[0], new long[] {1, 2, -1, 1}, "constant", 0.5), x);
        GradCheck.check(t -> F.pad(t[0], new long[] {2, 3, 1, 2}, "reflect", 0), x);
        GradCheck.check(t -> F.pad(t[0], new long[] {3, 1, 2, 0}, "replicate", 0), x);
        GradCheck.check(t -> F.pad(t[0], new long[] {4, 2, 3, 1}, "circular", 0), x);
    }

    @Test
    void distances() {
        Tensor a = away(new long[] {4, 3});
        Tensor b = away(new long[] {4, 3});
        GradCheck.check(t -> F.cosineSimilarity(t[0], t[1], 1, 1e-8), a, b);
        GradCheck.check(t -> F.pairwiseDistance(t[0], t[1], 2.0, 1e-6, false), a, b);
        GradCheck.check(t -> F.pairwiseDistance(t[0], t[1], 1.5, 1e-6, true), a, b);
        GradCheck.check(t -> F.cdist(t[0], t[1].narrow(0, 0, 2), 2.0), a, b);
        GradCheck.check(t -> F.cdist(t[0], t[1], 3.0), a, b);
    }

    @Test
    void losses() {
        Tensor x = away(new long[] {3, 4});
        Tensor y = away(new long[] {3, 4});
        Tensor p = x.sigmoid().detach();
        Tensor q = y.sigmoid().detach();
        GradCheck.check(t -> F.binaryCrossEntropy(t[0], t[1], null, Reduction.MEAN), p, q);
        GradCheck.check(t -> F.binaryCrossEntropyWithLogits(t[0], t[1], null, Tensor.fromArray(new double[] {1, 2, 3, 0.5}),
                Reduction.SUM), x, q);
        GradCheck.check(t -> F.smoothL1Loss(t[0], t[1], Reduction.MEAN, 0.7), x, y);
        GradCheck.check(t -> F.huberLoss(t[0], t[1], Reduction.SUM, 0.7), x, y);
        GradCheck.check(t -> F.klDiv(t[0], t[1], "batchmean", false), F.logSoftmax(x, 1).detach(), F.softmax(y, 1).detach());
        GradCheck.check(t -> F.klDiv(t[0], t[1], "mean", true), F.logSoftmax(x, 1).detach(), F.logSoftmax(y, 1).detach());
        Tensor sign = Tensor.fromArray(new double[] {1, -1, 1});
        GradCheck.check(t -> F.cosineEmbeddingLoss(t[0], t[1], sign, -0.9, Reduction.MEAN), x, y);
        GradCheck.check(t -> F.poissonNllLoss(t[0], t[1], true, false, 1e-8, Reduction.MEAN), x, q);
        GradCheck.check(t -> F.gaussianNllLoss(t[0], t[1], t[2], true, 1e-6, Reduction.MEAN), x, y, q.add(0.1));
        GradCheck.check(t -> F.tripletMarginLoss(t[0], t[1], t[2], 5.0, 2.0, 1e-6, true, Reduction.SUM), x, y, p);
    }

    @Test
    void normalisation() {
        Tensor x = away(new long[] {3, 4, 5});
        Tensor w = away(new long[] {4});
        Tensor b = away(new long[] {4});
        GradCheck.check(t -> F.batchNorm(t[0], null, null, t[1], t[2], true, 0.1, 1e-5), x, w, b);
        GradCheck.check(t -> F.batchNorm(t[0], Tensor.fromArray(new double[] {0.1, -0.2, 0.3, 0}),
                Tensor.fromArray(new double[] {1, 2, 0.5, 1.5}), t[1], t[2], false, 0.1, 1e-5), x, w, b);
        GradCheck.check(t -> F.groupNorm(t[0], 2, t[1], t[2], 1e-5), x, w, b);
        GradCheck.check(t -> F.instanceNorm(t[0], null, null, t[1], t[2], true, 0.1, 1e-5), x, w, b);
        GradCheck.check(t -> F.rmsNorm(t[0], new long[] {4, 5}, t[1], null), x, away(new long[] {4, 5}));
    }

    @Test
    void batchNormUpdatesRunningStatisticsWithTheUnbiasedVariance() {
        Tensor x = Tensor.fromArray(new double[] {1, 2, 3, 6}, 4, 1);
        Tensor mean = Tensor.zeros(new long[] {1}, DType.FLOAT64);
        Tensor var = Tensor.ones(new long[] {1}, DType.FLOAT64);
        F.batchNorm(x, mean, var, null, null, true, 0.5, 1e-5);
        assertEquals(0.5 * 3, mean.item(), 1e-12);
        assertEquals(0.5 + 0.5 * 14.0 / 3, var.item(), 1e-12);
        BatchNorm1d cumulative = new BatchNorm1d(1, 1e-5, null, false, true);
        cumulative.to(DType.FLOAT64);
        cumulative.forward(x);
        cumulative.forward(x.mul(2.0));
        assertEquals(2L, cumulative.buffer("num_batches_tracked").itemLong());
        assertEquals((3.0 + 6.0) / 2, cumulative.buffer("running_mean").item(), 1e-12);
    }

    @Test
    void attention() {
        Tensor q = away(new long[] {2, 3, 4});
        Tensor k = away(new long[] {2, 5, 4});
        Tensor v = away(new long[] {2, 5, 2});
        GradCheck.check(t -> F.scaledDotProductAttention(t[0], t[1], t[2]), q, k, v);
        GradCheck.check(t -> F.scaledDotProductAttention(t[0], t[1], t[2], null, 0.0, true, 0.3), q, k, v);
        MultiheadAttention mha = new MultiheadAttention(4, 2, 0.0, true, true, true, 3, 2, true, new Generator(5));
        mha.to(DType.FLOAT64);
        Tensor key = away(new long[] {2, 5, 3});
        Tensor padding = Tensor.tensor(new boolean[][] {{false, false, true, false, false}, {false, false, false, false, true}});
        GradCheck.check(t -> {
            MultiheadAttention.Output o = mha.forward(t[0], t[1], t[2], padding, true, null, true);
            return o.output().sum().add(o.weights().mul(o.weights()).sum());
        }, q, key, v);
    }

    @Test
    void convolutionAndPooling() {
        Tensor x = away(new long[] {2, 4, 5, 6});
        Tensor w = away(new long[] {6, 2, 2, 3});
        Tensor b = away(new long[] {6});
        GradCheck.check(t -> F.conv2d(t[0], t[1], t[2], new long[] {2, 1}, new long[] {1, 2}, new long[] {1, 2}, 2), x, w, b);
        GradCheck.check(t -> F.conv1d(t[0], t[1], null, new long[] {1}, "same", new long[] {2}, 1),
                away(new long[] {2, 3, 7}), away(new long[] {4, 3, 3}));
        GradCheck.check(t -> F.convTranspose2d(t[0], t[1], t[2], new long[] {2, 3}, new long[] {1, 0}, new long[] {1, 2},
                2, new long[] {1, 1}), x, away(new long[] {4, 3, 3, 2}), b);
        GradCheck.check(t -> F.maxPool2d(t[0], new long[] {2, 3}, new long[] {2, 2}, new long[] {1, 1}, new long[] {1, 1}, true), x);
        GradCheck.check(t -> F.avgPool2d(t[0], new long[] {3, 2}, new long[] {2, 1}, new long[] {1, 0}, true, false, null), x);
        GradCheck.check(t -> F.adaptiveAvgPool2d(t[0], new Long[] {3L, 4L}), x);
        GradCheck.check(t -> F.adaptiveMaxPool2d(t[0], new Long[] {2L, 4L}, false)[0], x);
        GradCheck.check(t -> F.fold(F.unfold(t[0], new long[] {2, 3}, new long[] {1, 1}, new long[] {1, 0}, new long[] {2, 1}),
                new long[] {5, 6}, new long[] {2, 3}, new long[] {1, 1}, new long[] {1, 0}, new long[] {2, 1}), x);
        GradCheck.check(t -> F.interpolate(t[0], new long[] {7, 4}, null, "bicubic", false, null), x);
        GradCheck.check(t -> F.interpolate(t[0], null, new double[] {1.5}, "bilinear", true, null), x);
    }

    @Test
    void ctcLossGradientIsTheFiniteDifference() {
        Tensor logProbs = F.logSoftmax(away(new long[] {6, 2, 4}), 2).detach();
        Tensor targets = Tensor.tensor(new long[][] {{1, 2, 2}, {3, 1, 0}});
        Tensor inputLengths = Tensor.tensor(new long[] {6, 5});
        Tensor targetLengths = Tensor.tensor(new long[] {3, 2});
        GradCheck.check(t -> F.ctcLoss(t[0], targets, inputLengths, targetLengths, 0, Reduction.MEAN, false), logProbs);
    }

    @Test
    void ctcLossOfAnImpossibleAlignmentIsInfinite() {
        Tensor logProbs = F.logSoftmax(away(new long[] {2, 1, 3}), 2).detach();
        Tensor loss = F.ctcLoss(logProbs, Tensor.tensor(new long[][] {{1, 1}}), Tensor.tensor(new long[] {2}),
                Tensor.tensor(new long[] {2}), 0, Reduction.NONE, false);
        assertEquals(Double.POSITIVE_INFINITY, loss.toDoubleArray()[0]);
        assertThrows(TensorException.class, () -> new Hardtanh(1.0, -1.0));
        assertThrows(TensorException.class, () -> new L1Loss().forward(logProbs));
    }
}
