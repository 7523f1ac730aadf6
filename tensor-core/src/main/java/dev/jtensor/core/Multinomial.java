package dev.jtensor.core;

import java.util.Arrays;

/**
 * {@code torch.multinomial} on the CPU generator, with PyTorch's two algorithms (ATen's
 * {@code multinomial_out} and {@code multinomial_with_replacement} kernel):
 * <ul>
 *   <li>sampling without replacement, and (PyTorch 2, {@link TorchVersion#V2}, the generator's
 *       setting) drawing one sample: the exponential-race (Gumbel) trick. Every
 *       category draws {@code q ~ Exp(1)} (one uniform double {@code u} per element, in row-major order,
 *       {@code q = -log1p(-u)} rounded to the probabilities' dtype), and the samples are the indices of
 *       the largest {@code p / q} (the first on ties); several samples take the largest first.</li>
 *   <li>otherwise, with replacement (in PyTorch 1.13 also for one sample): per row the cumulative
 *       distribution is normalised (its last
 *       entry set to 1), and each sample draws one uniform double and takes the first slot whose
 *       cumulative probability is not below it (binary search).</li>
 * </ul>
 * Draws happen on the host, as all of JTensor's random numbers; the result is moved to the
 * probabilities' device. PyTorch builds with MKL draw the exponentials from an MKL stream instead, so
 * their samples differ; this follows the non-MKL CPU path.
 */
final class Multinomial {
    private Multinomial() {}

    static Tensor sample(Tensor probs, long numSamples, boolean replacement, Generator generator) {
        if (probs.dim() != 1 && probs.dim() != 2) {
            throw new TensorException("prob_dist must be 1 or 2 dim, got a tensor of shape "
                    + Arrays.toString(probs.shape()));
        }
        if (!probs.dtype().isFloatingPoint()) {
            throw new TensorException("multinomial only supports floating-point dtypes for input, got: " + probs.dtype());
        }
        if (numSamples <= 0) {
            throw new TensorException("cannot sample n_sample <= 0 samples (got " + numSamples + ")");
        }
        int categories = (int) probs.size(-1);
        int rows = probs.dim() == 2 ? (int) probs.size(0) : 1;
        if (!replacement && numSamples > categories) {
            throw new TensorException("cannot sample n_sample > prob_dist.size(-1) samples without replacement (n_sample "
                    + numSamples + ", " + categories + " categories)");
        }
        if (categories > (1 << 24)) {
            throw new TensorException("number of categories cannot exceed 2^24, got " + categories);
        }
        long[] outShape = probs.dim() == 1 ? new long[] {numSamples} : new long[] {rows, numSamples};
        if (rows == 0) {
            return Tensor.empty(outShape, DType.INT64, probs.device());
        }
        boolean isFloat = probs.dtype() == DType.FLOAT32;
        double[] p = probs.toDoubleArray();
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < categories; j++) {
                double v = p[i * categories + j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new TensorException("probability tensor contains either `inf`, `nan` or element < 0 (row " + i
                            + ", category " + j + ": " + v + ")");
                }
                sum += v;
            }
            if (sum == 0) {
                throw new TensorException("invalid multinomial distribution (sum of probabilities <= 0) in row " + i);
            }
        }
        Generator g = generator != null ? generator : Generator.defaultGenerator();
        long[] out = new long[(int) (rows * numSamples)];
        // PyTorch 2 takes the exponential race for one sample too; 1.13 only without replacement.
        boolean race = !replacement || (numSamples == 1 && g.torchVersion() == TorchVersion.V2);
        if (race) {
            double[] u = Tensor.rand(new long[] {(long) rows * categories}, DType.FLOAT64, g).toDoubleArray();
            double[] key = new double[categories];
            Integer[] order = new Integer[categories];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < categories; j++) {
                    int k = i * categories + j;
                    double q = -Math.log1p(-u[k]);
                    key[j] = isFloat ? (float) p[k] / (float) q : p[k] / q;
                }
                if (numSamples == 1) {
                    int best = 0;
                    for (int j = 1; j < categories; j++) {
                        if (key[j] > key[best]) {
                            best = j;
                        }
                    }
                    out[i] = best;
                } else {
                    for (int j = 0; j < categories; j++) {
                        order[j] = j;
                    }
                    // Largest first; the stable sort keeps the lower index first on ties.
                    Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
                    for (int s = 0; s < numSamples; s++) {
                        out[(int) (i * numSamples + s)] = order[s];
                    }
                }
            }
        } else {
            double[] u = Tensor.rand(new long[] {rows * numSamples}, DType.FLOAT64, g).toDoubleArray();
            double[] cum = new double[categories];
            for (int i = 0; i < rows; i++) {
                double sum = 0;
                for (int j = 0; j < categories; j++) {
                    double v = p[i * categories + j];
                    sum = isFloat ? (float) (sum + (float) v) : sum + v;
                    cum[j] = sum;
                }
                for (int j = 0; j < categories; j++) {
                    cum[j] = isFloat ? (float) cum[j] / (float) sum : cum[j] / sum;
                }
                cum[categories - 1] = 1;
                for (int s = 0; s < numSamples; s++) {
                    double x = u[(int) (i * numSamples + s)];
                    int lo = 0;
                    int hi = categories;
                    while (hi > lo) {
                        int mid = lo + (hi - lo) / 2;
                        if (cum[mid] < x) {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    out[(int) (i * numSamples + s)] = lo;
                }
            }
        }
        return Tensor.fromArray(out).view(outShape).to(probs.device());
    }
}
