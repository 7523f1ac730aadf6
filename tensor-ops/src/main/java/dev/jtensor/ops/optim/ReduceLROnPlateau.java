package dev.jtensor.ops.optim;

import dev.jtensor.core.TensorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: multiplies the rate by {@code factor} when a metric
 * has not improved for more than {@code patience} steps, then waits {@code cooldown} steps; the rate
 * never goes below {@code minLr}, and changes smaller than {@code eps} are skipped. Improvement is
 * relative ({@code "rel"}: beyond {@code best * (1 -/+ threshold)}) or absolute ({@code "abs"}).
 */
public final class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private final boolean minimise;
    private final double factor;
    private final long patience;
    private final double threshold;
    private final boolean relative;
    private final long cooldown;
    private final double minLr;
    private final double eps;
    private double best;
    private long numBadEpochs;
    private long cooldownCounter;
    private long lastEpoch;

    /**
     * With PyTorch's defaults: mode {@code "min"}, factor 0.1, patience 10, threshold 1e-4 relative, no
     * cooldown, no minimum rate, eps 1e-8.
     *
     * @param optimizer the optimizer
     */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, "min", 0.1, 10, 1e-4, "rel", 0, 0.0, 1e-8);
    }

    /**
     * A plateau schedule.
     *
     * @param optimizer the optimizer
     * @param mode {@code "min"} (lower metrics are better) or {@code "max"}
     * @param factor the reduction factor, below 1
     * @param patience how many steps without improvement are tolerated
     * @param threshold the least improvement that counts
     * @param thresholdMode {@code "rel"} or {@code "abs"}
     * @param cooldown how many steps to wait after a reduction
     * @param minLr the smallest rate
     * @param eps the smallest change of rate that is applied
     * @throws TensorException for an invalid argument
     */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, long patience, double threshold,
            String thresholdMode, long cooldown, double minLr, double eps) {
        if (factor >= 1.0) {
            throw new TensorException("Factor should be < 1.0.");
        }
        if (!mode.equals("min") && !mode.equals("max")) {
            throw new TensorException("mode " + mode + " is unknown!");
        }
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw new TensorException("threshold mode " + thresholdMode + " is unknown!");
        }
        this.optimizer = optimizer;
        this.minimise = mode.equals("min");
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.relative = thresholdMode.equals("rel");
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.eps = eps;
        this.best = minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private boolean isBetter(double a) {
        if (minimise) {
            return relative ? a < best * (1 - threshold) : a < best - threshold;
        }
        return relative ? a > best * (threshold + 1) : a > best + threshold;
    }

    /**
     * Records one epoch's metric and reduces the rate if it has plateaued ({@code scheduler.step(metrics)}).
     *
     * @param metric the metric
     */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            double oldLr = optimizer.lr();
            double newLr = Math.max(oldLr * factor, minLr);
            if (oldLr - newLr > eps) {
                optimizer.paramGroup().put("lr", newLr);
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
    }

    /**
     * The schedule's state ({@code state_dict()}): the best metric, counters and the epoch.
     *
     * @return a new map
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("best", best);
        out.put("num_bad_epochs", numBadEpochs);
        out.put("cooldown_counter", cooldownCounter);
        out.put("last_epoch", lastEpoch);
        return out;
    }

    /**
     * Restores a {@link #stateDict()} ({@code load_state_dict}).
     *
     * @param state the state
     */
    public void loadStateDict(Map<String, Object> state) {
        best = ((Number) state.get("best")).doubleValue();
        numBadEpochs = ((Number) state.get("num_bad_epochs")).longValue();
        cooldownCounter = ((Number) state.get("cooldown_counter")).longValue();
        lastEpoch = ((Number) state.get("last_epoch")).longValue();
    }
}
