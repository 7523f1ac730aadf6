package dev.jtensor.ops.autograd;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.NoGrad;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Gradient checking by finite differences (PyTorch's {@code torch.autograd.gradcheck}): the full
 * Jacobian of a function is computed twice, analytically by backward passes (one per output
 * element) and numerically by central differences in float64, and the two must agree.
 *
 * <p>Every floating input must be float64 and is treated as differentiable; integer and bool
 * inputs (indices, masks) are passed through unchanged. The function receives fresh contiguous
 * tensors on every call, so it may freely build views of them. Example:
 * {@snippet :
 * GradCheck.check(in -> in[0].mul(in[1]).sum(), x, y);
 * }
 */
public final class GradCheck {
    /** The default finite-difference step. */
    public static final double DEFAULT_EPS = 1e-6;
    /** The default absolute tolerance. */
    public static final double DEFAULT_ATOL = 1e-5;
    /** The default relative tolerance. */
    public static final double DEFAULT_RTOL = 1e-3;

    private GradCheck() {}

    /**
     * Checks {@code f}'s gradients at {@code inputs} with the default step and tolerances.
     *
     * @param f the function
     * @param inputs the inputs
     * @throws TensorException naming the input, input element, output element and both values at
     *     the first mismatch, or when an input or the output is not float64
     */
    public static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(f, DEFAULT_EPS, DEFAULT_ATOL, DEFAULT_RTOL, inputs);
    }

    /**
     * Checks {@code f}'s gradients at {@code inputs}: analytic and numerical Jacobian entries
     * {@code a} and {@code n} must satisfy {@code |a - n| <= atol + rtol * |n|}.
     *
     * @param f the function
     * @param eps the epsilon added for numerical stability
     * @param atol the absolute tolerance
     * @param rtol the relative tolerance
     * @param inputs the inputs
     */
    public static void check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        int count = inputs.length;
        double[][] data = new double[count][];
        for (int i = 0; i < count; i++) {
            if (inputs[i].dtype().isFloatingPoint()) {
                if (inputs[i].dtype() != DType.FLOAT64) {
                    throw new TensorException("GradCheck needs float64 inputs for accurate finite differences, but input "
                            + i + " of shape " + Arrays.toString(inputs[i].shape()) + " is " + inputs[i].dtype());
                }
                data[i] = inputs[i].toDoubleArray();
            }
        }
        Tensor[] leaves = build(inputs, data, true);
        Tensor y = f.apply(leaves);
        if (y.dtype() != DType.FLOAT64) {
            throw new TensorException("GradCheck needs a float64 output, got " + y.dtype() + " of shape "
                    + Arrays.toString(y.shape()));
        }
        int outN = Math.toIntExact(y.numel());
        double[][][] analytic = analytic(y, leaves, data, outN);
        for (int i = 0; i < count; i++) {
            if (data[i] == null) {
                continue;
            }
            for (int j = 0; j < data[i].length; j++) {
                double[] column = numericColumn(f, inputs, data, i, j, eps, outN);
                for (int k = 0; k < outN; k++) {
                    double a = analytic[i][k][j];
                    double n = column[k];
                    if (!(Math.abs(a - n) <= atol + rtol * Math.abs(n))) {
                        throw new TensorException("Jacobian mismatch for output element " + k + " of shape "
                                + Arrays.toString(y.shape()) + " with respect to input " + i + " element " + j
                                + " of shape " + Arrays.toString(inputs[i].shape()) + ": numerical " + n + ", analytical "
                                + a + " (eps " + eps + ", atol " + atol + ", rtol " + rtol + ")");
                    }
                }
            }
        }
    }

    /** Row {@code k} of the Jacobian by one backward pass with a one-hot output gradient; indexed [input][k][j]. */
    private static double[][][] analytic(Tensor y, Tensor[] leaves, double[][] data, int outN) {
        double[][][] jac = new double[leaves.length][][];
        for (int i = 0; i < leaves.length; i++) {
            if (data[i] != null) {
                jac[i] = new double[outN][data[i].length];
            }
        }
        if (!y.requiresGrad()) {
            return jac;
        }
        Tensor[] wrt = Arrays.stream(leaves).filter(t -> t.dtype().isFloatingPoint()).toArray(Tensor[]::new);
        for (int k = 0; k < outN; k++) {
            double[] oneHot = new double[outN];
            oneHot[k] = 1;
            Tensor seed = Tensor.fromArray(oneHot, y.shape());
            Tensor[] grads = TapeEngine.run(y, seed, true, wrt);
            int w = 0;
            for (int i = 0; i < leaves.length; i++) {
                if (data[i] == null) {
                    continue;
                }
                Tensor g = grads[w++];
                if (g == null) {
                    continue;
                }
                if (!Arrays.equals(g.shape(), leaves[i].shape()) || g.dtype() != DType.FLOAT64) {
                    throw new TensorException("the gradient of input " + i + " has shape " + Arrays.toString(g.shape())
                            + " and dtype " + g.dtype() + ", expected " + Arrays.toString(leaves[i].shape())
                            + " and torch.float64");
                }
                jac[i][k] = g.toDoubleArray();
            }
        }
        return jac;
    }

    /** Column j of input i's Jacobian: (f(x + eps e_j) - f(x - eps e_j)) / 2 eps. */
    private static double[] numericColumn(Function<Tensor[], Tensor> f, Tensor[] inputs, double[][] data, int i, int j,
            double eps, int outN) {
        double saved = data[i][j];
        try (var _ = NoGrad.enter()) {
            data[i][j] = saved + eps;
            double[] plus = f.apply(build(inputs, data, false)).toDoubleArray();
            data[i][j] = saved - eps;
            double[] minus = f.apply(build(inputs, data, false)).toDoubleArray();
            double[] column = new double[outN];
            for (int k = 0; k < outN; k++) {
                column[k] = (plus[k] - minus[k]) / (2 * eps);
            }
            return column;
        } finally {
            data[i][j] = saved;
        }
    }

    private static Tensor[] build(Tensor[] inputs, double[][] data, boolean requiresGrad) {
        Tensor[] out = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (data[i] == null) {
                out[i] = inputs[i];
            } else {
                out[i] = Tensor.fromArray(data[i].clone(), inputs[i].shape());
                if (requiresGrad) {
                    out[i].requiresGrad(true);
                }
            }
        }
        return out;
    }
}
