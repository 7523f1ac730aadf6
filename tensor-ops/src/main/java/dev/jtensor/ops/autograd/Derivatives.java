package dev.jtensor.ops.autograd;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.ops.nn.internal.NnDerivatives;
import java.util.Arrays;

/**
 * THE table of derivatives: for every {@link Primitive}, how the gradients of its inputs follow from
 * the gradients of its outputs (PyTorch's {@code derivatives.yaml}, as one exhaustive switch: a
 * primitive added without a derivative does not compile).
 *
 * <p>Rules may return a gradient whose shape is the broadcast shape of the op, or whose dtype is the
 * output's: {@link #conform} sums it down to the input's shape and casts it to the input's dtype in
 * one place, after every rule. Rules run with grad mode off; they may use any op of the library.
 * A rule returns null for inputs that are not differentiable (indices, masks) or not needed.
 */
final class Derivatives {
    /** {@link #traits} flag: the rule reads the op's inputs (they are saved). */
    static final int INPUTS = 1;
    /** {@link #traits} flag: the rule reads the op's outputs (they are saved). */
    static final int OUTPUTS = 2;
    /** {@link #traits} flag: the output is a view sharing the input's storage. */
    static final int VIEW = 4;
    private static final int NOTHING = 0;

    private Derivatives() {}

    /**
     * What the engine must know about {@code op} besides its rule: which tensors the rule reads
     * ({@link #INPUTS}, {@link #OUTPUTS}; only those are kept alive by the graph and checked for
     * in-place modification, as PyTorch's saved variables; shapes and dtypes are always kept),
     * and whether the output is a {@link #VIEW} of the input.
     */
    static int traits(Primitive op) {
        return switch (op) {
            case VIEW, PERMUTE, EXPAND, SLICE, SELECT, RESHAPE_ALIAS, DIAGONAL -> VIEW;
            case FLIP, CAT, REPEAT, CAST, CLONE -> NOTHING;
            case ADD, SUB, NEG, WHERE, FLOOR, CEIL, ROUND -> NOTHING;
            case MUL, DIV, REMAINDER, MAXIMUM, MINIMUM, CLAMP_MIN, CLAMP_MAX, ABS, LOG, LOG1P, SIN, COS -> INPUTS;
            case EXP, SQRT, RSQRT, TANH, SIGMOID, RELU, RECIPROCAL -> OUTPUTS;
            case POW, GELU -> INPUTS | OUTPUTS;
            case SUM, MEAN, MAX_DIM, MIN_DIM, CUMSUM -> NOTHING;
            case PROD, AMAX, AMIN, LOGSUMEXP, STD -> INPUTS | OUTPUTS;
            case VAR -> INPUTS;
            case INDEX, INDEX_PUT, GATHER, SCATTER, SCATTER_ADD, INDEX_SELECT, INDEX_ADD -> NOTHING;
            case MATMUL -> INPUTS;
            case SOFTMAX, LOG_SOFTMAX -> OUTPUTS;
            case CROSS_ENTROPY, EMBEDDING_BAG -> INPUTS;
            case EMBEDDING -> NOTHING;
            // math functions (issue 20)
            case TRUNC, SIGN -> NOTHING;
            case ASIN, ACOS, ATAN, SINH, COSH, ASINH, ACOSH, ATANH, LOG2, LOG10, ERF, ERFC, LGAMMA, DIGAMMA -> INPUTS;
            case TAN, EXP2, EXPM1, ERFINV -> OUTPUTS;
            case ATAN2, FMOD, LOGADDEXP -> INPUTS;
            case HYPOT -> INPUTS | OUTPUTS;
            case NORM -> INPUTS | OUTPUTS;
            case NANSUM -> INPUTS;
        };
    }

    /** The gradients of {@code node}'s inputs given the gradients of its outputs (null entries for unused outputs). */
    static Tensor[] backward(Node n, Tensor[] gradOutputs) {
        for (int k = 0; k < gradOutputs.length; k++) {
            if (gradOutputs[k] == null && n.outputDtype(k).isFloatingPoint()) {
                gradOutputs[k] = zeros(n.outputShape(k), n.outputDtype(k), gradOutputs);
            }
        }
        Tensor g = gradOutputs[0];
        return switch (n.op()) {
            // ------------------------------------------------------------ views and copies
            case VIEW, RESHAPE_ALIAS -> one(g.reshape(n.inputShape(0)));
            case PERMUTE -> one(g.permute(inverse(n.intsAttr(0))));
            case EXPAND -> one(g); // summed back to the input's shape by conform
            case SLICE -> one(sliceBackward(n, g));
            case SELECT -> one(selectBackward(n, g));
            case FLIP -> one(g.flip(n.intsAttr(0)));
            case CAT -> catBackward(n, g);
            case REPEAT -> one(repeatBackward(n, g));
            case CAST -> one(n.attrCount() > 1 ? g.to((Device) n.attr(1)) : g); // conform casts the dtype
            case CLONE -> one(g);

            // ------------------------------------------------------------ elementwise (inputs are
            // recorded before broadcasting: conform sums each gradient back to its input's shape)
            case ADD -> two(g, n.needsGrad(1) ? scaled(g, ((Number) n.attr(0)).doubleValue()) : null);
            case SUB -> two(g, n.needsGrad(1) ? scaled(g, -((Number) n.attr(0)).doubleValue()) : null);
            case MUL -> two(n.needsGrad(0) ? g.mul(n.input(1)) : null, n.needsGrad(1) ? g.mul(n.input(0)) : null);
            case DIV -> divBackward(n, g);
            case REMAINDER -> two(g, n.needsGrad(1)
                    ? g.mul(n.input(0).div(n.input(1), "floor")).neg() : null);
            case POW -> powBackward(n, g);
            case MAXIMUM, MINIMUM -> extremumBackward(n, g, n.op() == Primitive.MAXIMUM);
            case CLAMP_MIN -> two(masked(g, n.input(0).ge(n.input(1))), masked(g, n.input(0).lt(n.input(1))));
            case CLAMP_MAX -> two(masked(g, n.input(0).le(n.input(1))), masked(g, n.input(0).gt(n.input(1))));
            case NEG -> one(g.neg());
            case ABS -> one(Tensor.where(n.input(0).gt(0L), g, Tensor.where(n.input(0).lt(0L), g.neg(), 0.0)));
            case EXP -> one(g.mul(n.output(0)));
            case LOG -> one(g.div(n.input(0)));
            case LOG1P -> one(g.div(n.input(0).add(1.0)));
            case SQRT -> one(g.div(n.output(0).mul(2.0)));
            case RSQRT -> one(g.mul(n.output(0).pow(3L)).mul(-0.5));
            case SIN -> one(g.mul(n.input(0).cos()));
            case COS -> one(g.mul(n.input(0).sin()).neg());
            case TANH -> one(tanhBackward(g, n.output(0)));
            case SIGMOID -> one(g.mul(n.output(0)).mul(n.output(0).neg().add(1.0)));
            case RELU -> one(masked(g, n.output(0).gt(0L)));
            case GELU -> one(geluBackward(n, g));
            case RECIPROCAL -> one(g.mul(n.output(0).mul(n.output(0))).neg());
            case WHERE -> two(masked(g, cond(n)), Tensor.where(cond(n), 0.0, g));
            case FLOOR, CEIL, ROUND -> one(Tensor.zerosLike(g)); // piecewise constant

            // ------------------------------------------------------------ math functions (issue 20)
            case TRUNC, SIGN -> one(Tensor.zerosLike(g)); // piecewise constant
            case TAN -> one(g.mul(n.output(0).square().add(1.0)));
            case ASIN -> one(g.mul(n.input(0).square().neg().add(1.0).rsqrt()));
            case ACOS -> one(g.mul(n.input(0).square().neg().add(1.0).rsqrt()).neg());
            case ATAN -> one(g.div(n.input(0).square().add(1.0)));
            case SINH -> one(g.mul(n.input(0).cosh()));
            case COSH -> one(g.mul(n.input(0).sinh()));
            case ASINH -> one(g.mul(n.input(0).square().add(1.0).rsqrt()));
            case ACOSH -> one(g.mul(n.input(0).square().sub(1.0).rsqrt()));
            case ATANH -> one(g.div(n.input(0).square().neg().add(1.0)));
            case LOG2 -> one(g.div(n.input(0).mul(Math.log(2))));
            case LOG10 -> one(g.div(n.input(0).mul(Math.log(10))));
            case EXP2 -> one(g.mul(n.output(0)).mul(Math.log(2)));
            case EXPM1 -> one(g.mul(n.output(0).add(1.0)));
            case ERF -> one(g.mul(n.input(0).square().neg().exp()).mul(2 / Math.sqrt(Math.PI)));
            case ERFC -> one(g.mul(n.input(0).square().neg().exp()).mul(-2 / Math.sqrt(Math.PI)));
            case ERFINV -> one(g.mul(n.output(0).square().exp()).mul(Math.sqrt(Math.PI) / 2));
            case LGAMMA -> one(g.mul(n.input(0).digamma()));
            case DIGAMMA -> one(g.mul(n.input(0).polygamma(1)));
            case ATAN2 -> atan2Backward(n, g);
            case FMOD -> two(g, n.needsGrad(1) ? g.mul(n.input(0).div(n.input(1), "trunc")).neg() : null);
            case HYPOT -> two(n.needsGrad(0) ? g.mul(n.input(0)).div(n.output(0)) : null,
                    n.needsGrad(1) ? g.mul(n.input(1)).div(n.output(0)) : null);
            case LOGADDEXP -> two(n.needsGrad(0) ? g.div(n.input(1).sub(n.input(0)).exp().add(1.0)) : null,
                    n.needsGrad(1) ? g.div(n.input(0).sub(n.input(1)).exp().add(1.0)) : null);

            // ------------------------------------------------------------ reductions
            case SUM -> one(expandBack(n, g));
            // Divided before expanding: the same values, and an input of more elements than a storage
            // holds (an expanded view) gets an expanded gradient instead of a copy that cannot exist.
            case MEAN -> one(expandBack(n, g.div((double) reducedCount(n))));
            case PROD -> one(prodBackward(n, g));
            case AMAX, AMIN -> one(amaxBackward(n, g));
            case MAX_DIM, MIN_DIM -> one(maxDimBackward(n, g));
            case LOGSUMEXP -> one(expandBack(n, g).mul(n.input(0).sub(keepDims(n, n.output(0))).exp()));
            case VAR -> one(varBackward(n, g, false));
            case STD -> one(varBackward(n, g, true));
            case NORM -> one(normBackward(n, g));
            case NANSUM -> one(expandBack(n, g).mul(n.input(0).isnan().logicalNot()));
            case CUMSUM -> one(n.inputShape(0).length == 0 ? g : g.flip(n.intAttr(0)).cumsum(n.intAttr(0)).flip(n.intAttr(0)));

            // ------------------------------------------------------------ indexing
            case INDEX -> one(zerosFor(n, 0, g).indexPut_((Index[]) n.attr(1), g, true));
            case INDEX_PUT -> two(((Boolean) n.attr(1)) ? g : g.indexPut((Index[]) n.attr(0), 0.0),
                    n.needsGrad(1) ? atRank(g.index((Index[]) n.attr(0)), n.inputShape(1).length) : null);
            case GATHER -> one(zerosFor(n, 0, g).scatterAdd_(n.intAttr(0), (Tensor) n.attr(1), g));
            case SCATTER -> two(g.scatter(n.intAttr(0), (Tensor) n.attr(1), 0.0), srcBackward(n, g));
            case SCATTER_ADD -> two(g, srcBackward(n, g));
            case INDEX_SELECT -> one(zerosFor(n, 0, g).indexAdd_(n.intAttr(0), (Tensor) n.attr(1), g));
            case INDEX_ADD -> two(g, n.needsGrad(1) ? indexAddSourceBackward(n, g) : null);

            // ------------------------------------------------------------ linalg (batch dims broadcast:
            // conform sums each gradient back over them)
            case MATMUL -> two(n.needsGrad(0) ? g.matmul(n.input(1).transpose(-2, -1)) : null,
                    n.needsGrad(1) ? n.input(0).transpose(-2, -1).matmul(g) : null);

            // ------------------------------------------------------------ shapes
            case DIAGONAL -> one(diagonalBackward(n, g));

            // ------------------------------------------------------------ nn (fused kernels, see NnDerivatives)
            case SOFTMAX -> one(NnDerivatives.softmax(g, n.output(0), n.intAttr(0), false));
            case LOG_SOFTMAX -> one(NnDerivatives.softmax(g, n.output(0), n.intAttr(0), true));
            case CROSS_ENTROPY -> one(NnDerivatives.crossEntropy(g, n.input(0), attrs(n), n.lastUse));
            case EMBEDDING -> one(NnDerivatives.embedding(g, n.inputShape(0), n.inputDtype(0), attrs(n)));
            case EMBEDDING_BAG -> NnDerivatives.embeddingBag(g, n.input(0), n.inputCount() > 1 && n.needsGrad(1),
                    attrs(n));
        };
    }

    // ---------------------------------------------------------------- rules longer than a line

    private static Tensor sliceBackward(Node n, Tensor g) {
        int dim = n.intAttr(0);
        long start = n.longAttr(1);
        long step = n.longAttr(2);
        Tensor out = zerosFor(n, 0, g);
        long len = g.size(dim);
        if (len > 0) {
            out.slice(dim, start, start + (len - 1) * step + 1, step).copy_(g);
        }
        return out;
    }

    private static Tensor diagonalBackward(Node n, Tensor g) {
        Tensor out = zerosFor(n, 0, g);
        out.diagonal(n.longAttr(0), n.intAttr(1), n.intAttr(2)).copy_(g);
        return out;
    }

    private static Tensor selectBackward(Node n, Tensor g) {
        Tensor out = zerosFor(n, 0, g);
        out.select(n.intAttr(0), n.longAttr(1)).copy_(g);
        return out;
    }

    private static Tensor[] catBackward(Node n, Tensor g) {
        int dim = n.intAttr(0);
        long[] sizes = n.longsAttr(1);
        Tensor[] out = new Tensor[n.inputCount()];
        long start = 0;
        for (int i = 0; i < out.length; i++) {
            long[] shape = n.inputShape(i);
            // PyTorch's legacy rule lets 1-D empty inputs take part without matching: they get an empty gradient.
            boolean skipped = shape.length != g.dim();
            if (n.needsGrad(i)) {
                out[i] = skipped ? zerosFor(n, i, g) : g.narrow(dim, start, sizes[i]);
            }
            if (!skipped) {
                start += sizes[i];
            }
        }
        return out;
    }

    private static Tensor repeatBackward(Node n, Tensor g) {
        long[] repeats = n.longsAttr(0);
        long[] inputShape = n.longsAttr(1);
        int nd = repeats.length;
        long[] padded = new long[nd];
        Arrays.fill(padded, 1);
        System.arraycopy(inputShape, 0, padded, nd - inputShape.length, inputShape.length);
        // The output viewed as [r0, s0, r1, s1, ...]: the input's gradient sums over the r dims.
        long[] interleaved = new long[2 * nd];
        int[] repeatDims = new int[nd];
        for (int i = 0; i < nd; i++) {
            interleaved[2 * i] = repeats[i];
            interleaved[2 * i + 1] = padded[i];
            repeatDims[i] = 2 * i;
        }
        return sumDims(g.reshape(interleaved), repeatDims).reshape(inputShape);
    }

    private static Tensor[] divBackward(Node n, Tensor g) {
        if (n.attr(0) != null) {
            // Rounding division is piecewise constant: its derivative is zero almost everywhere.
            Tensor zero = Tensor.zerosLike(g);
            return two(zero, zero);
        }
        Tensor a = n.input(0);
        Tensor b = n.input(1);
        return two(n.needsGrad(0) ? g.div(b) : null, n.needsGrad(1) ? g.mul(a).div(b.mul(b)).neg() : null);
    }

    /** PyTorch's pow_backward_self / pow_backward_exponent, with their conventions at 0. */
    private static Tensor[] powBackward(Node n, Tensor g) {
        Tensor base = n.input(0);
        Tensor exponent = n.input(1);
        Tensor gBase = null;
        Tensor gExponent = null;
        if (n.needsGrad(0)) {
            Tensor d = exponent.mul(base.pow(exponent.sub(1.0)));
            gBase = Tensor.where(exponent.eq(0.0), 0.0, g.mul(d));
        }
        if (n.needsGrad(1)) {
            Tensor atZero = base.eq(0.0).logicalAnd(exponent.ge(0.0));
            gExponent = Tensor.where(atZero, 0.0, g.mul(n.output(0).mul(base.log())));
        }
        return two(gBase, gExponent);
    }

    /** maximum/minimum: the gradient goes to the winner, split evenly on ties (PyTorch's rule). */
    private static Tensor[] extremumBackward(Node n, Tensor g, boolean max) {
        Tensor a = n.input(0);
        Tensor b = n.input(1);
        Tensor shared = Tensor.where(a.eq(b), g.div(2.0), g);
        Tensor aLoses = max ? a.lt(b) : a.gt(b);
        Tensor bLoses = max ? a.gt(b) : a.lt(b);
        return two(Tensor.where(aLoses, 0.0, shared), Tensor.where(bLoses, 0.0, shared));
    }

    private static Tensor geluBackward(Node n, Tensor g) {
        Tensor x = n.input(0);
        if ("tanh".equals(n.attr(0))) {
            double k = Math.sqrt(2 / Math.PI);
            double c = 0.044715;
            Tensor x2 = x.mul(x);
            Tensor t = x.add(x2.mul(x).mul(c)).mul(k).tanh();
            Tensor dInner = x2.mul(3 * c).add(1.0).mul(k);
            Tensor d = t.add(1.0).mul(0.5).add(x.mul(0.5).mul(t.mul(t).neg().add(1.0)).mul(dInner));
            return g.mul(d);
        }
        // d/dx x*Phi(x) = Phi(x) + x*phi(x); Phi(x) is recovered from the output as gelu(x) / x.
        Tensor phi = x.mul(x).mul(-0.5).exp().mul(1 / Math.sqrt(2 * Math.PI));
        Tensor cdf = Tensor.where(x.eq(0.0), 0.5, n.output(0).div(x));
        return g.mul(cdf.add(x.mul(phi)));
    }

    /**
     * {@code g * (1 - y^2)}. When both are contiguous (the output then is too) the temporaries are
     * written in place, which gives the same values without two of the three intermediate tensors;
     * other layouts take the out-of-place form, whose output follows g's layout.
     */
    private static Tensor tanhBackward(Tensor g, Tensor y) {
        if (g.isContiguous() && y.isContiguous()) {
            // -(y*y) + 1, then times g (multiplication commutes exactly).
            return y.mul(y).neg_().add_(1.0).mul_(g);
        }
        return g.mul(y.mul(y).neg().add(1.0));
    }

    private static Tensor cond(Node n) {
        return (Tensor) n.attr(0);
    }

    /** The product of the others, safe where the input has zeros (as PyTorch's prod_backward). */
    private static Tensor prodBackward(Node n, Tensor g) {
        Tensor x = n.input(0);
        int[] dims = n.intsAttr(0);
        Tensor isZero = x.eq(0.0);
        Tensor nonZero = Tensor.where(isZero, 1.0, x);
        boolean all = dims.length == x.dim();
        Tensor prodNonZero = all ? nonZero.prod().reshape(keptShape(n)) : nonZero.prod(dims[0], true);
        Tensor zeros = all ? isZero.sum().reshape(keptShape(n)) : isZero.sum(new int[] {dims[0]}, true);
        Tensor out = keepDims(n, n.output(0));
        // Where x != 0 the product of the others is out / x (0 when another element is 0); where
        // x == 0 it is the product of the non-zero elements if x is the only zero, else 0.
        Tensor others = Tensor.where(isZero, Tensor.where(zeros.eq(1L), prodNonZero, 0.0), out.div(nonZero));
        return expandBack(n, g).mul(others);
    }

    /** amax/amin: the gradient is shared evenly among the elements equal to the extremum. */
    private static Tensor amaxBackward(Node n, Tensor g) {
        Tensor x = n.input(0);
        Tensor hit = x.eq(keepDims(n, n.output(0))).to(g.dtype());
        Tensor count = hit.sum(n.intsAttr(0), true);
        return expandBack(n, g).mul(hit).div(count);
    }

    /** max/min along a dim: the gradient goes to the element whose index was returned. */
    private static Tensor maxDimBackward(Node n, Tensor g) {
        long[] shape = n.longsAttr(2);
        if (shape.length == 0) {
            return g.reshape(shape);
        }
        int dim = n.intAttr(0);
        boolean keepdim = (Boolean) n.attr(1);
        Tensor indices = (Tensor) n.attr(3);
        Tensor gk = keepdim ? g : g.unsqueeze(dim);
        Tensor ik = keepdim ? indices : indices.unsqueeze(dim);
        return Tensor.empty(shape, g.dtype(), g.device()).scatter_(dim, ik, gk);
    }

    /** var and std: {@code 2 (x - mean) / (n - correction)}, times {@code 1 / (2 std)} for std. */
    private static Tensor varBackward(Node n, Tensor g, boolean std) {
        int[] dims = n.intsAttr(0);
        double correction = ((Number) n.attr(1)).doubleValue();
        Tensor x = n.input(0);
        double divisor = Math.max(0, reducedCount(n) - correction);
        Tensor centered = x.sub(x.mean(dims, true));
        Tensor gk = keepDims(n, g);
        if (std) {
            // PyTorch masks the gradient where std is 0 instead of producing 0/0.
            Tensor out = keepDims(n, n.output(0));
            gk = Tensor.where(out.eq(0.0), 0.0, gk.div(out));
            return gk.mul(centered).div(divisor);
        }
        return gk.mul(centered).mul(2.0 / divisor);
    }

    /** The source of scatter/scatterAdd gets {@code grad.gather(dim, index)}, zero-padded to its shape. */
    private static Tensor srcBackward(Node n, Tensor g) {
        if (n.inputCount() < 2 || !n.needsGrad(1)) {
            return null;
        }
        Tensor picked = g.gather(n.intAttr(0), (Tensor) n.attr(1));
        long[] srcShape = n.inputShape(1);
        if (Arrays.equals(picked.shape(), srcShape)) {
            return picked;
        }
        Tensor out = Tensor.empty(srcShape, g.dtype(), g.device());
        Tensor block = out;
        for (int d = 0; d < picked.dim(); d++) {
            block = block.narrow(d, 0, picked.size(d));
        }
        block.copy_(picked);
        return out;
    }

    private static Tensor indexAddSourceBackward(Node n, Tensor g) {
        double alpha = ((Number) n.attr(2)).doubleValue();
        Tensor picked = g.indexSelect(n.intAttr(0), (Tensor) n.attr(1));
        if (alpha != 1) {
            picked = picked.mul(alpha);
        }
        long[] sourceShape = n.inputShape(1);
        // A 0-d source was read as one element along dim.
        return picked.dim() == sourceShape.length ? picked : picked.reshape(sourceShape);
    }

    // ---------------------------------------------------------------- reduction helpers

    /** The output shape with the reduced dims kept as size 1. */
    private static long[] keptShape(Node n) {
        long[] shape = n.inputShape(0);
        for (int d : n.intsAttr(0)) {
            shape[d] = 1;
        }
        return shape;
    }

    /** A reduction's output-shaped tensor with the reduced dims present as size 1. */
    private static Tensor keepDims(Node n, Tensor t) {
        long[] kept = keptShape(n);
        return Arrays.equals(t.shape(), kept) ? t : t.reshape(kept);
    }

    /** A reduction's output gradient broadcast back over the input's shape. */
    private static Tensor expandBack(Node n, Tensor g) {
        return keepDims(n, g).expand(n.inputShape(0));
    }

    /** How many input elements each output element of a reduction reduced. */
    private static long reducedCount(Node n) {
        long[] shape = n.inputShape(0);
        long count = 1;
        for (int d : n.intsAttr(0)) {
            count *= shape[d];
        }
        return count;
    }

    // ---------------------------------------------------------------- the central fix-up

    /**
     * Input {@code i}'s gradient in that input's shape, dtype and device: broadcast dims are summed
     * away (PyTorch's {@code sum_to}), then the dtype is cast, and a CPU scalar that joined an op on
     * another device gets its gradient back on the CPU (both as PyTorch's {@code validate_outputs}).
     */
    static Tensor conform(Node n, int i, Tensor g) {
        long[] shape = n.inputShape(i);
        Tensor out = sumToShape(g, shape, n);
        if (out.dtype() != n.inputDtype(i)) {
            out = out.to(n.inputDtype(i));
        }
        if (n.inputIsCpuScalar(i) && !out.device().equals(Device.CPU)) {
            out = out.to(Device.CPU);
        }
        return out;
    }

    private static Tensor sumToShape(Tensor g, long[] shape, Node n) {
        long[] gs = g.shape();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        if (lead < 0) {
            throw new IllegalStateException("derivative of " + n.name() + " gave a gradient of shape "
                    + Arrays.toString(gs) + " for an input of shape " + Arrays.toString(shape));
        }
        int[] dims = new int[gs.length];
        int count = 0;
        for (int d = 0; d < gs.length; d++) {
            if (d < lead) {
                dims[count++] = d;
            } else if (shape[d - lead] == 1 && gs[d] != 1) {
                dims[count++] = d;
            } else if (shape[d - lead] != gs[d]) {
                throw new IllegalStateException("derivative of " + n.name() + " gave a gradient of shape "
                        + Arrays.toString(gs) + " for an input of shape " + Arrays.toString(shape));
            }
        }
        Tensor summed = count == 0 ? g : sumDims(g, Arrays.copyOf(dims, count));
        return summed.reshape(shape);
    }

    // ---------------------------------------------------------------- fan-in and accumulation

    /** {@code a + b} for two gradients of one tensor (a fresh tensor: either may alias user data). */
    static Tensor sum(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** Adds {@code g} into an accumulated leaf gradient in place. */
    static void addInto(Tensor accumulated, Tensor g) {
        accumulated.add_(g);
    }

    // ---------------------------------------------------------------- names

    /** PyTorch's {@code grad_fn} name for a node, e.g. {@code "AddBackward0"}. */
    static String name(Node n) {
        return switch (n.op()) {
            case PERMUTE -> isSwap(n.intsAttr(0)) ? "TransposeBackward0" : "PermuteBackward0";
            case RESHAPE_ALIAS -> n.outputShape(0).length > n.inputShape(0).length
                    ? "UnsqueezeBackward0" : "SqueezeBackward0";
            case CAST -> "ToCopyBackward0";
            case CROSS_ENTROPY -> "NllLossBackward0"; // PyTorch's cross_entropy ends in nll_loss
            case MATMUL -> n.inputShape(0).length == 2 && n.inputShape(1).length == 2 ? "MmBackward0" : "BmmBackward0";
            case MAX_DIM -> "MaxBackward0";
            case MIN_DIM -> "MinBackward0";
            default -> camel(n.op().name()) + "Backward0";
        };
    }

    private static String camel(String enumName) {
        StringBuilder sb = new StringBuilder();
        for (String part : enumName.split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    private static boolean isSwap(int[] perm) {
        int moved = 0;
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                moved++;
            }
        }
        return moved == 2;
    }

    // ---------------------------------------------------------------- small helpers

    /** The node's attributes as an array, for the rules that take them all. */
    private static Object[] attrs(Node n) {
        Object[] a = new Object[n.attrCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = n.attr(i);
        }
        return a;
    }

    /**
     * A vector norm of order p (PyTorch's {@code norm_backward}): 0 for p = 0; {@code sgn(x)} for
     * p = 1; for +-inf the gradient is shared among the elements whose |x| is the norm (or NaN);
     * otherwise {@code x |x|^(p-2) g / norm^(p-1)}, with 0 where the norm is 0 (for p < 1: where x is 0).
     */
    private static Tensor normBackward(Node n, Tensor g) {
        double p = (Double) n.attr(3);
        Tensor x = n.input(0);
        Tensor gk = keepDims(n, g);
        Tensor norm = keepDims(n, n.output(0));
        if (p == 0) {
            return Tensor.zerosLike(x);
        }
        if (p == 1) {
            return x.sgn().mul(gk);
        }
        if (Double.isInfinite(p)) {
            Tensor ax = x.abs();
            Tensor hit = ax.eq(norm).logicalOr(ax.isnan()).to(g.dtype());
            return x.sgn().mul(gk.div(hit.sum(n.intsAttr(0), true)).mul(hit));
        }
        if (p == 2) {
            return x.mul(Tensor.where(norm.eq(0.0), 0.0, gk.div(norm)));
        }
        if (p < 1) {
            Tensor scaled = x.sgn().mul(Tensor.where(x.eq(0.0), 0.0, x.abs().pow(p - 1)));
            return scaled.mul(gk).mul(norm.pow(1 - p));
        }
        Tensor scaled = p < 2 ? x.sgn().mul(x.abs().pow(p - 1)) : x.mul(x.abs().pow(p - 2));
        return scaled.mul(Tensor.where(norm.eq(0.0), 0.0, gk.div(norm.pow(p - 1))));
    }

    /** atan2(a, b): {@code d/da = b / (a^2 + b^2)}, {@code d/db = -a / (a^2 + b^2)}. */
    private static Tensor[] atan2Backward(Node n, Tensor g) {
        Tensor a = n.input(0);
        Tensor b = n.input(1);
        Tensor scaled = g.div(a.square().add(b.square()));
        return two(n.needsGrad(0) ? scaled.mul(b) : null, n.needsGrad(1) ? scaled.mul(a).neg() : null);
    }

    private static Tensor[] one(Tensor g) {
        return new Tensor[] {g};
    }

    private static Tensor[] two(Tensor a, Tensor b) {
        return new Tensor[] {a, b};
    }

    private static Tensor scaled(Tensor g, double alpha) {
        return alpha == 1 ? g : g.mul(alpha);
    }

    /** {@code g} where {@code keep} holds, else 0. */
    private static Tensor masked(Tensor g, Tensor keep) {
        return Tensor.where(keep, g, 0.0);
    }

    /** {@code t} with leading size-1 dims added up to {@code rank} dims (values written with extra leading ones). */
    private static Tensor atRank(Tensor t, int rank) {
        Tensor r = t;
        while (r.dim() < rank) {
            r = r.unsqueeze(0);
        }
        return r;
    }

    private static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return inv;
    }

    /** Zeros in input {@code i}'s shape, with the gradient's dtype and device. */
    private static Tensor zerosFor(Node n, int i, Tensor g) {
        return Tensor.empty(n.inputShape(i), g.dtype(), g.device());
    }

    private static Tensor zeros(long[] shape, DType dtype, Tensor[] like) {
        for (Tensor t : like) {
            if (t != null) {
                return Tensor.empty(shape, dtype, t.device());
            }
        }
        return Tensor.zeros(shape, dtype);
    }

    /** The sum over {@code dims}, keeping them as size 1. */
    private static Tensor sumDims(Tensor g, int[] dims) {
        return g.sum(dims, true);
    }
}
