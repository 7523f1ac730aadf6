package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;
import java.util.ArrayList;
import java.util.List;

/** Gradient clipping, PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * {@code clip_grad_norm_(parameters, max_norm)} with the 2-norm.
     *
     * @param parameters the parameters whose gradients to clip (those without a gradient are skipped)
     * @param maxNorm the largest total norm
     * @return the total norm before clipping, a 0-d tensor
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /**
     * {@code clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}: the total norm is the
     * {@code normType}-norm of the per-gradient norms (for infinity, the largest absolute entry), and
     * every gradient is multiplied in place by {@code min(1, maxNorm / (total + 1e-6))}.
     *
     * @param parameters the parameters whose gradients to clip (those without a gradient are skipped)
     * @param maxNorm the largest total norm
     * @param normType the norm's order (may be {@code Double.POSITIVE_INFINITY})
     * @param errorIfNonfinite whether a NaN or infinite total norm is an error
     * @return the total norm before clipping, a 0-d tensor (0 without gradients)
     * @throws TensorException if {@code errorIfNonfinite} and the total norm is not finite
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                grads.add(p.grad());
            }
        }
        if (grads.isEmpty()) {
            return Tensor.scalar(0.0);
        }
        try (var _ = NoGrad.enter()) {
            Tensor[] norms = new Tensor[grads.size()];
            for (int i = 0; i < norms.length; i++) {
                Tensor g = grads.get(i).detach();
                norms[i] = normType == Double.POSITIVE_INFINITY ? g.abs().amax()
                        : F.vectorNorm(g, normType, allDims(g), false);
            }
            Tensor total;
            if (normType == Double.POSITIVE_INFINITY) {
                total = norms.length == 1 ? norms[0] : Tensor.stack(norms, 0).amax();
            } else {
                Tensor stacked = Tensor.stack(norms, 0);
                total = F.vectorNorm(stacked, normType, new int[] {0}, false);
            }
            double value = total.item();
            if (errorIfNonfinite && (Double.isNaN(value) || Double.isInfinite(value))) {
                throw new TensorException("The total norm of order " + normType + " for gradients from `parameters` is "
                        + "non-finite, so it cannot be clipped. To disable this error and scale the gradients by the "
                        + "non-finite norm anyway, set `error_if_nonfinite=False`");
            }
            Tensor coef = Tensor.fullLike(total, maxNorm).div(total.add(1e-6)).clampMax(1.0);
            for (Tensor g : grads) {
                g.mul_(coef.to(g.device()));
            }
            return total;
        }
    }

    /**
     * {@code clip_grad_value_(parameters, clip_value)}: clamps every gradient entry to
     * {@code [-clipValue, clipValue]} in place.
     *
     * @param parameters the parameters whose gradients to clip (those without a gradient are skipped)
     * @param clipValue the largest absolute value
     */
    public static void clipGradValue_(Iterable<Tensor> parameters, double clipValue) {
        try (var _ = NoGrad.enter()) {
            for (Tensor p : parameters) {
                if (p.grad() != null) {
                    p.grad().clamp_(-clipValue, clipValue);
                }
            }
        }
    }

    private static int[] allDims(Tensor g) {
        int[] dims = new int[g.dim()];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = d;
        }
        return dims;
    }
}
