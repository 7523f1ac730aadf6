package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Backend;
import dev.jtensor.ops.Grad;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The cross-entropy's forward may leave the softmax rows in a scratch buffer that its backward
 * scales in place. Checks that this path gives the gradient the recomputing path gives (every
 * option, both dtypes, awkward widths), that a retained graph can run backward again, and that the
 * leaf keeps the buffer as its grad without a copy.
 */
class CrossEntropyScratchTest {

    @ParameterizedTest(name = "{0} rows x {1} classes, {2}, smoothing {3}, weighted {4}, reduction {5}")
    @CsvSource({
        "1, 1, FLOAT32, 0.0, false, 1",
        "7, 13, FLOAT32, 0.0, false, 1",
        "5, 33, FLOAT32, 0.2, true, 2",
        "9, 1000, FLOAT32, 0.1, true, 0",
        "6, 17, FLOAT64, 0.3, true, 1",
        "4, 9, FLOAT64, 0.0, false, 0",
    })
    void scratchAndRecomputeGiveTheSameGradient(int rows, int classes, DType dtype, double smoothing, boolean weighted,
            int reduction) {
        Generator g = new Generator(rows * 1000L + classes);
        Tensor logits = Tensor.randn(g, rows, classes).mul(3.0).to(dtype);
        Tensor target = Tensor.randint(classes, new long[] {rows}, g);
        // One row ignored when there are several.
        long ignore = rows > 1 ? (long) target.index(1).item() : -100;
        Tensor weight = weighted ? Tensor.rand(g, classes).add(0.5).to(dtype) : null;
        Backend b = logits.device().backend();
        Tensor gradLoss = reduction == 0 ? Tensor.rand(g, rows).to(dtype) : Tensor.scalar(1.5, dtype);

        Tensor statsA = Tensor.empty(new long[] {rows, 2}, dtype, logits.device());
        Tensor lossA = Tensor.empty(reduction == 0 ? new long[] {rows} : new long[0], dtype, logits.device());
        double wA = b.crossEntropyForward(logits, target, weight, ignore, smoothing, reduction, statsA, null, lossA);
        Tensor recomputed = Tensor.empty(logits.shape(), dtype, logits.device());
        b.crossEntropyBackward(logits, target, weight, ignore, smoothing, statsA, null, gradLoss, 0.25, recomputed);

        Tensor statsB = Tensor.empty(new long[] {rows, 2}, dtype, logits.device());
        Tensor lossB = Tensor.empty(lossA.shape(), dtype, logits.device());
        Tensor probs = Tensor.empty(logits.shape(), dtype, logits.device());
        double wB = b.crossEntropyForward(logits, target, weight, ignore, smoothing, reduction, statsB, probs, lossB);
        Tensor copied = Tensor.empty(logits.shape(), dtype, logits.device());
        b.crossEntropyBackward(logits, target, weight, ignore, smoothing, statsB, probs, gradLoss, 0.25, copied);
        b.crossEntropyBackward(logits, target, weight, ignore, smoothing, statsB, probs, gradLoss, 0.25, probs);

        assertEquals(wA, wB);
        assertArrayEquals(lossA.toDoubleArray(), lossB.toDoubleArray(), 0.0, "the loss does not depend on the buffer");
        double tol = dtype == DType.FLOAT32 ? 2e-6 : 1e-14;
        assertArrayEquals(recomputed.toDoubleArray(), copied.toDoubleArray(), tol);
        assertArrayEquals(recomputed.toDoubleArray(), probs.toDoubleArray(), tol, "in place, written into probs");
    }

    @Test
    void aRetainedGraphRunsBackwardTwiceAndTheLastRunKeepsTheBuffer() {
        Generator g = new Generator(7);
        Tensor logits = Tensor.randn(g, 6, 11).requiresGrad(true);
        Tensor target = Tensor.randint(11, new long[] {6}, g);
        Tensor loss = F.crossEntropy(logits, target);
        loss.backward(null, true);
        double[] once = logits.grad().toDoubleArray();
        loss.backward(null, false);
        double[] twice = logits.grad().toDoubleArray();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-7);
        }
        // Computed from scratch with grad(): the same as the first run.
        Tensor fresh = logits.detach().requiresGrad(true);
        Tensor[] gs = Grad.grad(F.crossEntropy(fresh, target), fresh);
        assertArrayEquals(once, gs[0].toDoubleArray(), 1e-7);
    }

    @Test
    void theLeafKeepsTheGradientWrittenIntoTheBuffer() {
        Generator g = new Generator(3);
        Tensor logits = Tensor.randn(g, 4, 5).requiresGrad(true);
        Tensor target = Tensor.randint(5, new long[] {4}, g);
        F.crossEntropy(logits, target).backward();
        Tensor grad = logits.grad();
        assertNotNull(grad);
        // The buffer the forward made is the whole of the grad's storage (contiguous, offset 0), and
        // the rows of a mean cross-entropy gradient sum to zero.
        assertEquals(grad.numel(), grad.storage().size());
        assertEquals(0, grad.storageOffset());
        double[] v = grad.toDoubleArray();
        for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int c = 0; c < 5; c++) {
                s += v[r * 5 + c];
            }
            assertEquals(0.0, s, 1e-7);
        }
    }
}
