package dev.jtensor.core.spi;

import dev.jtensor.core.Shapes;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * The layout of a reduction or a scan for a backend (PyTorch's TensorIterator reductions are the
 * model): the input is split into independent <em>lines</em> of {@link #reduceSize()} elements,
 * one per output element (a reduction) or one per output line (a scan along a dim).
 *
 * <p>Building a plan splits the input's dims into kept and reduced ones. The reduced dims are
 * ordered by stride and merged into one line with a single stride ({@link #inputReduceStride()});
 * when their strides do not allow that (e.g. reducing dims 0 and 2 of a contiguous tensor), the
 * input is first copied, kept dims first, so that every line is contiguous. The kept dims go
 * through a {@link TensorIterator} over views of the outputs and of the input at the start of each
 * line: its operands {@code 0 .. outputCount()-1} are the outputs and operand {@link #outputCount()}
 * is the input, and its rows give, for {@code n} consecutive lines, where each operand starts and
 * ({@link TensorIterator#innerStride}) how far apart consecutive lines are.
 *
 * <p>Kernels therefore see 2-D blocks: {@code n} lines by {@code reduceSize} elements. A kernel
 * may choose its loop order from the strides (lines contiguous in memory or elements contiguous
 * along the line), but that choice must come from the plan, never from {@code n}, so that results
 * do not depend on how the lines are split between threads. With one reduced dim, the elements of
 * a line are in index order along that dim (what index-returning reductions report).
 */
public final class ReducePlan {
    /**
     * The most elements on one line a plan hands to a kernel. Only a view (an {@code expand}ed
     * tensor) can have longer lines; the ops split such reductions into parts before building plans.
     */
    public static final int MAX_LINE = 1 << 30;

    private final Tensor input;
    private final Tensor[] outputs;
    private final TensorIterator iterator;
    private final int reduceSize;
    private final int inputReduceStride;
    private final int outputReduceStride;
    /** The op's input as given, and its dims (a reduction) or null with {@link #scanDim} (a scan). */
    private Tensor source;
    private int[] dims;
    private int scanDim;

    private ReducePlan(Tensor input, Tensor[] outputs, TensorIterator iterator, int reduceSize,
            int inputReduceStride, int outputReduceStride) {
        this.input = input;
        this.outputs = outputs;
        this.iterator = iterator;
        this.reduceSize = reduceSize;
        this.inputReduceStride = inputReduceStride;
        this.outputReduceStride = outputReduceStride;
    }

    /**
     * {@return a reduction of {@code input} over {@code dims} (normalised, distinct; empty for a 0-d input) into
     * {@code outputs}, each of the input's shape with the reduced dims either removed or of size 1 (keepdim)}
     *
     * @param input the input tensor
     * @param dims the dims (negative count from the end)
     * @param outputs the outputs
     * @throws TensorException if a reduced dim is empty (the op handles empty reductions), or an
     *     output's shape does not match
     */
    public static ReducePlan of(Tensor input, int[] dims, Tensor... outputs) {
        int nd = input.dim();
        long[] shape = input.shape();
        long[] strides = input.stride();
        boolean[] reduced = new boolean[nd];
        for (int d : dims) {
            if (d < 0 || d >= nd || reduced[d]) {
                throw new TensorException("reduction plan: dims " + Arrays.toString(dims)
                        + " must be distinct and normalised for a tensor of shape " + Arrays.toString(shape));
            }
            reduced[d] = true;
        }
        int nk = nd - dims.length;
        long[] keptShape = new long[nk];
        long[] keptStrides = new long[nk];
        long reduceNumel = 1;
        for (int d = 0, k = 0; d < nd; d++) {
            if (reduced[d]) {
                reduceNumel *= shape[d];
            } else {
                keptShape[k] = shape[d];
                keptStrides[k++] = strides[d];
            }
        }
        if (reduceNumel == 0) {
            throw new TensorException("reduction plan: the reduced dims " + Arrays.toString(dims) + " of shape "
                    + Arrays.toString(shape) + " hold no elements; the op fills empty reductions itself");
        }
        if (reduceNumel > MAX_LINE) {
            throw new TensorException("reduction plan: the reduced dims " + Arrays.toString(dims) + " of shape "
                    + Arrays.toString(shape) + " hold " + reduceNumel + " elements per output, more than the "
                    + MAX_LINE + " a line may have; the op splits such reductions first");
        }
        Tensor[] outViews = new Tensor[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            outViews[k] = keptView(outputs[k], shape, reduced, keptShape);
        }
        // Reduced dims with more than one element, outermost (largest stride) first.
        // (A stable insertion sort: equal strides keep the order of dims; there are only a few.)
        int[] red = new int[dims.length];
        int nr = 0;
        for (int d : dims) {
            if (shape[d] > 1) {
                int j = nr++;
                while (j > 0 && strides[red[j - 1]] < strides[d]) {
                    red[j] = red[j - 1];
                    j--;
                }
                red[j] = d;
            }
        }
        red = nr == red.length ? red : Arrays.copyOf(red, nr);
        long lineStride = red.length == 0 ? 1 : strides[red[red.length - 1]];
        long span = red.length == 0 ? 1 : shape[red[red.length - 1]];
        boolean merged = true;
        for (int i = red.length - 2; i >= 0 && merged; i--) {
            merged = strides[red[i]] == lineStride * span;
            span *= shape[red[i]];
        }
        Tensor src = input;
        if (!merged) {
            // The reduced dims cannot be walked with one stride: copy the input with the kept dims
            // first and the reduced dims last, so that every line is contiguous.
            int[] perm = new int[nd];
            int p = 0;
            for (int d = 0; d < nd; d++) {
                if (!reduced[d]) {
                    perm[p++] = d;
                }
            }
            for (int d : dims) {
                perm[p++] = d;
            }
            long[] pShape = new long[nd];
            long[] pStrides = new long[nd];
            for (int i = 0; i < nd; i++) {
                pShape[i] = shape[perm[i]];
                pStrides[i] = strides[perm[i]];
            }
            Tensor permuted = new Tensor(input.storage(), pShape, pStrides, input.storageOffset());
            src = Tensor.empty(pShape, input.dtype(), input.device());
            input.device().backend().copy(TensorIterator.of(src, permuted));
            long[] cs = Shapes.contiguousStrides(pShape);
            keptStrides = Arrays.copyOf(cs, nk);
            lineStride = 1;
        }
        Tensor starts = new Tensor(src.storage(), keptShape, keptStrides, src.storageOffset());
        ReducePlan plan = new ReducePlan(src, outputs.clone(), iterate(outViews, starts), (int) reduceNumel,
                (int) lineStride, 0);
        plan.source = input;
        plan.dims = dims.clone();
        return plan;
    }

    /**
     * {@return the same reduction or scan over another input and outputs of the same shapes (for example copies in
     * a wider dtype, see {@link Widening})}
     *
     * @param newInput the input, of the shape of {@link #source()}
     * @param newOutputs the outputs, of the shapes of this plan's outputs
     */
    public ReducePlan with(Tensor newInput, Tensor... newOutputs) {
        return dims != null ? of(newInput, dims, newOutputs) : scan(newInput, scanDim, newOutputs[0]);
    }

    /** {@return the op's input as it was given to {@link #of} or {@link #scan} (before any reordering copy)} */
    public Tensor source() {
        return source;
    }

    /**
     * A scan along {@code dim} (normalised) of {@code input} into {@code output} of the same shape:
     * each line runs along {@code dim}, and {@link #outputReduceStride()} steps along the output's line.
     *
     * @param input the input tensor
     * @param dim the dim (negative counts from the end)
     * @param output the output
     * @return a scan along {@code dim} (normalised) of {@code input} into {@code output} of the same shape
     * @throws TensorException if the tensors are empty or their shapes differ
     */
    public static ReducePlan scan(Tensor input, int dim, Tensor output) {
        if (!Arrays.equals(input.shape(), output.shape()) || input.numel() == 0) {
            throw new TensorException("scan plan: input of shape " + Arrays.toString(input.shape())
                    + " and output of shape " + Arrays.toString(output.shape()) + " must match and be non-empty");
        }
        ReducePlan plan;
        if (input.dim() == 0) {
            plan = new ReducePlan(input, new Tensor[] {output}, iterate(new Tensor[] {output}, input), 1, 1, 1);
        } else {
            Tensor outStarts = dropDim(output, dim);
            Tensor inStarts = dropDim(input, dim);
            plan = new ReducePlan(input, new Tensor[] {output}, iterate(new Tensor[] {outStarts}, inStarts),
                    (int) input.size(dim), (int) input.stride(dim), (int) output.stride(dim));
        }
        plan.source = input;
        plan.scanDim = dim;
        return plan;
    }

    private static Tensor dropDim(Tensor t, int dim) {
        long[] s = t.shape();
        long[] st = t.stride();
        long[] ks = new long[s.length - 1];
        long[] kst = new long[s.length - 1];
        for (int d = 0, k = 0; d < s.length; d++) {
            if (d != dim) {
                ks[k] = s[d];
                kst[k++] = st[d];
            }
        }
        return new Tensor(t.storage(), ks, kst, t.storageOffset());
    }

    private static TensorIterator iterate(Tensor[] outViews, Tensor starts) {
        Tensor[] rest = new Tensor[outViews.length];
        System.arraycopy(outViews, 1, rest, 0, outViews.length - 1);
        rest[outViews.length - 1] = starts;
        return TensorIterator.of(outViews[0], rest);
    }

    /** {@code out} viewed with the kept dims only (its reduced dims are absent or of size 1). */
    private static Tensor keptView(Tensor out, long[] shape, boolean[] reduced, long[] keptShape) {
        long[] os = out.shape();
        long[] ost = out.stride();
        if (Arrays.equals(os, keptShape)) {
            return new Tensor(out.storage(), keptShape, ost, out.storageOffset());
        }
        boolean keepdim = os.length == shape.length;
        long[] kst = new long[keptShape.length];
        for (int d = 0, k = 0; keepdim && d < shape.length; d++) {
            if (reduced[d]) {
                keepdim = os[d] == 1;
            } else {
                keepdim = os[d] == shape[d];
                if (keepdim) {
                    kst[k++] = ost[d];
                }
            }
        }
        if (!keepdim) {
            throw new TensorException("reduction plan: output of shape " + Arrays.toString(os)
                    + " does not match input shape " + Arrays.toString(shape) + " reduced to "
                    + Arrays.toString(keptShape));
        }
        return new Tensor(out.storage(), keptShape, kst, out.storageOffset());
    }

    /** {@return the tensor kernels read: the op's input, or its reordered contiguous copy} */
    public Tensor input() {
        return input;
    }

    /** {@return the number of outputs (2 for {@link ReduceOp#MAX}/{@link ReduceOp#MIN}, else 1)} */
    public int outputCount() {
        return outputs.length;
    }

    /**
     * {@return Output {@code k} as the op allocated it}
     *
     * @param k the count k
     */
    public Tensor output(int k) {
        return outputs[k];
    }

    /**
     * The iterator over lines: operands {@code 0 .. outputCount()-1} are the outputs, operand
     * {@code outputCount()} the input at the start of each line; {@code numel()} is the number of lines.
     *
     * @return the iterator over lines
     */
    public TensorIterator iterator() {
        return iterator;
    }

    /** {@return the number of lines (output elements of a reduction)} */
    public long lineCount() {
        return iterator.numel();
    }

    /** {@return the number of input elements on each line, at least 1} */
    public int reduceSize() {
        return reduceSize;
    }

    /** {@return the element stride between consecutive input elements of a line} */
    public int inputReduceStride() {
        return inputReduceStride;
    }

    /** {@return For a scan, the element stride between consecutive output elements of a line; 0 for a reduction} */
    public int outputReduceStride() {
        return outputReduceStride;
    }
}
