package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import org.junit.jupiter.api.Test;

/**
 * The fused nn primitives against compositions of core ops (float64, so that only the algorithms
 * differ), values and gradients, on the shapes the conformance cases do not cover; plus dropout.
 */
class FunctionalTest {
    private static final Generator G = new Generator(2024);

    private static Tensor randn(long... shape) {
        return Tensor.randn(shape, DType.FLOAT64, G);
    }

    private static void close(Tensor expected, Tensor actual, double tol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= tol * (1 + Math.abs(e[i])),
                    what + "[" + i + "]: expected " + e[i] + " but got " + a[i]);
        }
    }

    /** The cross-entropy written out with core ops: PyTorch's formula for class-index targets. */
    private static Tensor composite(Tensor logits, Tensor target, Tensor weight, long ignore, double eps,
            Reduction r) {
        long classes = logits.size(1);
        Tensor logp = logits.sub(logits.logsumexp(1, true));
        Tensor ignored = target.eq(ignore);
        Tensor safe = target.maskedFill(ignored, 0L);
        Tensor picked = logp.gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor w = weight == null ? Tensor.onesLike(picked) : weight.indexSelect(0, safe);
        w = w.maskedFill(ignored, 0.0);
        Tensor nll = picked.mul(w).neg();
        Tensor smooth = (weight == null ? logp : logp.mul(weight)).sum(1).neg().maskedFill(ignored, 0.0);
        Tensor rows = nll.mul(1 - eps).add(smooth.mul(eps / classes));
        return switch (r) {
            case NONE -> rows;
            case SUM -> rows.sum();
            case MEAN -> rows.sum().div(w.sum());
        };
    }

    @Test
    void fusedCrossEntropyMatchesItsCompositionWithGradients() {
        long[] targets = {3, 0, 6, 6, 2, 1, 5, 4, 0};
        Tensor target = Tensor.fromArray(targets);
        Tensor weight = Tensor.rand(new long[] {7}, DType.FLOAT64, G).add(0.5);
        for (Reduction r : Reduction.values()) {
            for (double eps : new double[] {0, 0.2}) {
                for (Tensor w : new Tensor[] {null, weight}) {
                    Tensor x = randn(9, 7).mul(3.0);
                    Tensor a = x.detach().requiresGrad(true);
                    Tensor b = x.detach().requiresGrad(true);
                    Tensor fused = F.crossEntropy(a, target, new CrossEntropyOptions().weight(w).ignoreIndex(6)
                            .labelSmoothing(eps).reduction(r));
                    Tensor ref = composite(b, target, w, 6, eps, r);
                    String what = r + " eps=" + eps + " weight=" + (w != null);
                    close(ref, fused, 1e-12, what);
                    Tensor g = r == Reduction.NONE ? randn(9) : Tensor.scalar(1.7, DType.FLOAT64);
                    fused.backward(g, false);
                    ref.backward(g, false);
                    close(b.grad(), a.grad(), 1e-12, what + " grad");
                }
            }
        }
    }

    @Test
    void crossEntropyOverExtraDimsIsTheCrossEntropyOfTheMovedRows() {
        Tensor x = randn(2, 5, 3, 4);
        Tensor t = Tensor.randint(0, 5, new long[] {2, 3, 4}, G);
        Tensor loss = F.crossEntropy(x, t, Reduction.NONE);
        assertArrayEquals(new long[] {2, 3, 4}, loss.shape());
        Tensor rows = x.permute(0, 2, 3, 1).reshape(-1, 5);
        close(F.crossEntropy(rows, t.reshape(-1), Reduction.NONE).view(2, 3, 4), loss, 1e-12, "none");
        close(F.crossEntropy(rows, t.reshape(-1)), F.crossEntropy(x, t), 1e-12, "mean");
    }

    @Test
    void softmaxAlongEveryDimMatchesExpOverSum() {
        Tensor x = randn(3, 4, 5).mul(10.0);
        for (int d = -3; d < 3; d++) {
            Tensor a = x.detach().requiresGrad(true);
            Tensor b = x.detach().requiresGrad(true);
            Tensor e = b.sub(b.amax(new int[] {d}, true).detach()).exp();
            Tensor ref = e.div(e.sum(new int[] {d}, true));
            Tensor out = F.softmax(a, d);
            close(ref, out, 1e-12, "softmax dim " + d);
            Tensor g = randn(3, 4, 5);
            out.backward(g, false);
            ref.backward(g, false);
            close(b.grad(), a.grad(), 1e-12, "softmax grad dim " + d);
            Tensor la = x.detach().requiresGrad(true);
            Tensor lb = x.detach().requiresGrad(true);
            Tensor lref = lb.sub(lb.logsumexp(d, true));
            Tensor lout = F.logSoftmax(la, d);
            close(lref, lout, 1e-12, "log_softmax dim " + d);
            lout.backward(g, false);
            lref.backward(g, false);
            close(lb.grad(), la.grad(), 1e-12, "log_softmax grad dim " + d);
        }
    }

    @Test
    void softmaxOfNonContiguousInputAndLargeLogitsIsStable() {
        Tensor x = Tensor.fromArray(new float[] {1e4f, -1e4f, 0f, 1e4f, 1e4f - 1, -5f}, 2, 3).t();
        Tensor p = F.softmax(x, 0);
        assertArrayEquals(new float[] {1f, 0f, 0f, 0.7310586f, 0.26894143f, 0f},
                p.t().contiguous().toFloatArray(), 1e-6f);
        Tensor lp = F.logSoftmax(x, 0);
        float[] l = lp.t().contiguous().toFloatArray();
        assertEquals(0f, l[0]);
        assertEquals(-2e4f, l[1]);
        assertEquals(-0.31326166f, l[3], 1e-6f);
        assertThrows(TensorException.class, () -> F.softmax(Tensor.arange(3), 0));
        assertThrows(TensorException.class, () -> F.softmax(x, 2));
    }

    @Test
    void embeddingGivesNoGradientToThePaddingRow() {
        Tensor w = randn(5, 3).requiresGrad(true);
        Tensor idx = Tensor.fromArray(new long[] {0, 2, 2, 4, 0}, 5);
        Tensor out = F.embedding(idx, w, 2);
        assertArrayEquals(w.detach().indexSelect(0, idx).toDoubleArray(), out.toDoubleArray());
        out.sum().backward();
        double[] g = w.grad().toDoubleArray();
        assertArrayEquals(new double[] {2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, g);
    }

    @Test
    void embeddingMaxNormRescalesTheLookedUpRowsInPlace() {
        Tensor w = Tensor.fromArray(new float[] {3, 4, 0.3f, 0.4f, 6, 8}, 3, 2);
        Tensor out = F.embedding(Tensor.fromArray(new long[] {0, 1}), w, new EmbeddingOptions().maxNorm(1.0));
        float[] after = w.toFloatArray();
        assertEquals(0.6f, after[0], 1e-6f);
        assertEquals(0.8f, after[1], 1e-6f);
        assertEquals(0.3f, after[2]);
        assertEquals(6f, after[4], "rows not looked up are left alone");
        assertArrayEquals(new float[] {after[0], after[1], 0.3f, 0.4f}, out.toFloatArray());
    }

    @Test
    void dropoutKeepsAndScalesWithTheGivenGenerator() {
        Tensor x = Tensor.ones(10000);
        Tensor a = F.dropout(x, 0.25, true, new Generator(7));
        Tensor b = F.dropout(x, 0.25, true, new Generator(7));
        assertArrayEquals(a.toFloatArray(), b.toFloatArray(), "same seed, same mask");
        long kept = 0;
        for (float v : a.toFloatArray()) {
            assertTrue(v == 0f || Math.abs(v - 1 / 0.75f) < 1e-6, "value " + v);
            kept += v != 0 ? 1 : 0;
        }
        assertTrue(kept > 7300 && kept < 7700, "kept " + kept + " of 10000 at p=0.25");
        assertSame(x, F.dropout(x, 0.25, false));
        assertEquals(0.0, F.dropout(x, 1.0, true).abs().sum().item());
        assertThrows(TensorException.class, () -> F.dropout(x, 1.5, true));
    }

    @Test
    void lossesRejectBadTargets() {
        Tensor x = randn(3, 5);
        assertThrows(TensorException.class, () -> F.crossEntropy(x, Tensor.fromArray(new long[] {1, 5, 2})));
        assertThrows(TensorException.class, () -> F.crossEntropy(x, Tensor.fromArray(new long[] {1, 2})));
        assertThrows(TensorException.class, () -> F.crossEntropy(x, Tensor.fromArray(new float[] {0, 1, 2})));
        assertThrows(TensorException.class, () -> F.crossEntropy(x, Tensor.fromArray(new long[] {1, 2, 3}),
                new CrossEntropyOptions().weight(Tensor.ones(4))));
        assertThrows(TensorException.class, () -> F.crossEntropy(x, Tensor.fromArray(new long[] {1, 2, 3}),
                new CrossEntropyOptions().labelSmoothing(1.5)));
        assertThrows(TensorException.class, () -> F.nllLoss(randn(2, 3, 4), Tensor.fromArray(new long[] {1, 2})));
        assertThrows(TensorException.class, () -> Reduction.of("avg"));
    }
}
