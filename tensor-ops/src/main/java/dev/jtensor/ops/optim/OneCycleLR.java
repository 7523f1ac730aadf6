package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR}: the 1cycle policy. The rate rises from
 * {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of {@code totalSteps},
 * then falls to {@code initial / finalDivFactor} (with {@code threePhase}, it first falls back to the
 * initial rate); with {@code cycleMomentum}, the momentum (SGD's {@code momentum}, or the first of
 * Adam-like {@code betas}) moves the opposite way between {@code maxMomentum} and {@code baseMomentum}.
 * Stepping more than {@code totalSteps} times is an error.
 */
public final class OneCycleLR extends LRScheduler {
    private final long totalSteps;
    private final boolean cosine;
    private final boolean cycleMomentum;
    private final boolean useBeta1;
    private final double[][] phases;

    /**
     * A 1cycle schedule with PyTorch's defaults ({@code pct_start=0.3}, cosine annealing, momentum
     * cycled between 0.85 and 0.95, {@code div_factor=25}, {@code final_div_factor=1e4}, two phases).
     *
     * @param optimizer the optimizer
     * @param maxLr the peak rate
     * @param totalSteps the number of steps of the cycle
     * @throws TensorException for an invalid argument
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, long totalSteps) {
        this(optimizer, maxLr, totalSteps, 0.3, "cos", true, 0.85, 0.95, 25.0, 1e4, false);
    }

    /**
     * A 1cycle schedule; performs the first step.
     *
     * @param optimizer the optimizer
     * @param maxLr the peak rate
     * @param totalSteps the number of steps of the cycle, positive
     * @param pctStart the fraction of the cycle spent rising, in [0, 1]
     * @param annealStrategy {@code "cos"} or {@code "linear"}
     * @param cycleMomentum whether to cycle the momentum
     * @param baseMomentum the lowest momentum
     * @param maxMomentum the highest momentum
     * @param divFactor the initial rate is {@code maxLr / divFactor}
     * @param finalDivFactor the final rate is {@code initial / finalDivFactor}
     * @param threePhase whether to fall back to the initial rate before annealing to the final one
     * @throws TensorException for an invalid argument, or cycling momentum of an optimizer without one
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, long totalSteps, double pctStart, String annealStrategy,
            boolean cycleMomentum, double baseMomentum, double maxMomentum, double divFactor, double finalDivFactor,
            boolean threePhase) {
        Map<String, Object> group = optimizer.paramGroup();
        if (totalSteps <= 0) {
            throw new TensorException("Expected positive integer total_steps, but got " + totalSteps);
        }
        if (!(pctStart >= 0 && pctStart <= 1)) {
            throw new TensorException("Expected float between 0 and 1 pct_start, but got " + pctStart);
        }
        if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
            throw new TensorException("anneal_strategy must by one of 'cos' or 'linear', instead got " + annealStrategy);
        }
        boolean betas = group.containsKey("betas");
        if (cycleMomentum && !betas && !group.containsKey("momentum")) {
            throw new TensorException("optimizer must support momentum with `cycle_momentum` option enabled");
        }
        double initialLr = maxLr / divFactor;
        group.put("initial_lr", initialLr);
        group.put("max_lr", maxLr);
        group.put("min_lr", initialLr / finalDivFactor);
        super(optimizer);
        this.totalSteps = totalSteps;
        this.cosine = annealStrategy.equals("cos");
        this.cycleMomentum = cycleMomentum;
        this.useBeta1 = betas;
        double minLr = initialLr / finalDivFactor;
        // Each phase: end step, start lr, end lr, start momentum, end momentum.
        if (threePhase) {
            phases = new double[][] {
                {pctStart * totalSteps - 1, initialLr, maxLr, maxMomentum, baseMomentum},
                {2 * pctStart * totalSteps - 2, maxLr, initialLr, baseMomentum, maxMomentum},
                {totalSteps - 1, initialLr, minLr, maxMomentum, maxMomentum}};
        } else {
            phases = new double[][] {
                {pctStart * totalSteps - 1, initialLr, maxLr, maxMomentum, baseMomentum},
                {totalSteps - 1, maxLr, minLr, baseMomentum, maxMomentum}};
        }
        if (cycleMomentum) {
            setMomentum(maxMomentum);
            group.put("max_momentum", maxMomentum);
            group.put("base_momentum", baseMomentum);
        }
        group.put("lr", initialLr);
        initialStep();
    }

    private void setMomentum(double m) {
        Map<String, Object> group = optimizer.paramGroup();
        if (useBeta1) {
            double[] b = ((double[]) group.get("betas")).clone();
            b[0] = m;
            group.put("betas", b);
        } else {
            group.put("momentum", m);
        }
    }

    private double anneal(double start, double end, double pct) {
        if (cosine) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected double computeLr() {
        long stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new TensorException("Tried to step " + (stepNum + 1) + " times. The specified number of total steps is "
                    + totalSteps);
        }
        double start = 0;
        for (int i = 0; i < phases.length; i++) {
            double end = phases[i][0];
            if (stepNum <= end || i == phases.length - 1) {
                double pct = (stepNum - start) / (end - start);
                if (cycleMomentum) {
                    setMomentum(anneal(phases[i][3], phases[i][4], pct));
                }
                return anneal(phases[i][1], phases[i][2], pct);
            }
            start = end;
        }
        throw new IllegalStateException("unreachable: the last phase always matches");
    }
}
