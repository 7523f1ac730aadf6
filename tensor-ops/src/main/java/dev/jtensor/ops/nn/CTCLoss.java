package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;

/** {@code nn.CTCLoss}: the connectionist temporal classification loss. */
public final class CTCLoss extends Loss {
    private final long blank;
    private final boolean zeroInfinity;

    /** With PyTorch's defaults (blank 0, zeroInfinity false, reduction mean). */
    public CTCLoss() {
        this(0, false, Reduction.MEAN);
    }

    /**
     * A CTCLoss.
     *
     * @param blank the blank class
     * @param zeroInfinity whether infinite losses become zero
     * @param reduction how to reduce the per-element losses
     */
    public CTCLoss(long blank, boolean zeroInfinity, Reduction reduction) {
        super(reduction);
        this.blank = blank;
        this.zeroInfinity = zeroInfinity;
    }

    /**
     * Computes {@code F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction, zero_infinity)}.
     *
     * @param logProbs log-probabilities [T, N, C]
     * @param targets the targets
     * @param inputLengths each input's length
     * @param targetLengths each target's length
     * @return the loss
     * @throws dev.jtensor.core.TensorException if the shapes do not fit
     */
    public Tensor forward(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }
}
