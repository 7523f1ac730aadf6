package dev.jtensor.core.spi;

import dev.jtensor.core.Device;
import dev.jtensor.core.Shapes;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * The one strided iterator of JTensor (PyTorch's TensorIterator is the model): every elementwise
 * op, cast, copy, fill and {@code where} runs through it, and kernels never walk strides themselves.
 *
 * <p>Building it broadcasts the inputs against each other (PyTorch's rule: align from the right;
 * each pair of sizes equal, or one of them 1, or missing), checks that the output has the broadcast
 * shape and is not itself a broadcast (stride 0) view, checks that no input partially overlaps the
 * output in memory (an input that reads exactly the elements being written, as in {@code x.add_(x)},
 * is fine; see {@code separateFromOutput}), computes every operand's element strides over
 * the broadcast shape (0 where an input is broadcast), orders the dimensions by the output's strides
 * so that iteration follows memory, and merges dimensions that are contiguous for every operand.
 * Kernels then receive rows: the storage offset of each operand, one inner stride per operand
 * ({@link #innerStride}) and a length.
 *
 * <p>Operand 0 is the output; the rest are inputs in the order given. The iterator does not convert
 * dtypes: the op that builds it casts its inputs first, so a kernel sees the dtypes it expects.
 */
public final class TensorIterator {
    private final Tensor[] operands;
    /** Iteration shape after reordering and coalescing; index 0 is the innermost dimension. */
    private final long[] shape;
    /** strides[operand][dim], element strides over {@link #shape}. */
    private final long[][] strides;
    private final long numel;

    private TensorIterator(Tensor[] operands, long[] shape, long[][] strides, long numel) {
        this.operands = operands;
        this.shape = shape;
        this.strides = strides;
        this.numel = numel;
    }

    /**
     * Builds an iterator over {@code output} (already allocated with the broadcast shape of the
     * inputs) and {@code inputs}.
     *
     * @param output the output
     * @param inputs the inputs
     * @return the iterator
     * @throws TensorException if the inputs do not broadcast, the output's shape is not their
     *     broadcast shape, the output has several elements at one memory location, or a dense input
     *     partially overlaps a dense output, or an input is on another device (a 0-dim CPU input excepted)
     */
    public static TensorIterator of(Tensor output, Tensor... inputs) {
        TensorIterator flat = flat(output, inputs);
        return flat != null ? flat : general(output, inputs);
    }

    /** {@link #of} for every layout: broadcast, reorder and coalesce. */
    static TensorIterator general(Tensor output, Tensor... inputs) {
        int nd = output.dim();
        if (!fitOutput(output, inputs)) {
            // Inputs broadcast against each other and to the output's shape (copy_ of a [3] into
            // [2, 3]), but never grow the output: some input does not fit, so this throws.
            long[] outShape = output.shape();
            long[] broadcast = Shapes.broadcast(outShape, broadcastShapes(inputs));
            if (!Arrays.equals(broadcast, outShape)) {
                throw new TensorException("output with shape " + Arrays.toString(outShape)
                        + " doesn't match the broadcast shape " + Arrays.toString(broadcast));
            }
        }
        checkNoInternalOverlap(output);
        checkSameDevice(output, inputs);
        int nops = inputs.length + 1;
        Tensor[] ops = new Tensor[nops];
        ops[0] = output;
        for (int k = 0; k < inputs.length; k++) {
            ops[k + 1] = separateFromOutput(output, inputs[k]);
        }
        // Order dims innermost first, by the output's strides ascending (0 for a dim of size 1),
        // ties going to the later dim: an insertion sort, as there are only a few dims.
        long[] key = new long[nd];
        int[] order = new int[nd];
        for (int i = 0; i < nd; i++) {
            int d = nd - 1 - i;
            key[d] = output.size(d) == 1 ? 0 : output.stride(d);
            int j = i;
            while (j > 0 && (key[d] < key[order[j - 1]] || (key[d] == key[order[j - 1]] && d > order[j - 1]))) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = d;
        }
        // Operand strides over the output's dims in that order; broadcast dims (missing or of size 1) get 0.
        long[] shape = new long[nd];
        long[][] strides = new long[nops][nd];
        long numel = 1;
        for (int i = 0; i < nd; i++) {
            shape[i] = output.size(order[i]);
            numel *= shape[i];
        }
        for (int k = 0; k < nops; k++) {
            Tensor t = ops[k];
            int shift = nd - t.dim();
            long[] st = strides[k];
            for (int i = 0; i < nd; i++) {
                int d = order[i] - shift;
                st[i] = d < 0 || t.size(d) == 1 ? 0 : t.stride(d);
            }
        }
        // Coalesce: merge dim i+1 into dim i where it continues every operand contiguously.
        int n = 0;
        for (int i = 0; i < nd; i++) {
            if (shape[i] == 1) {
                continue;
            }
            if (n > 0) {
                boolean merge = true;
                for (long[] st : strides) {
                    if (st[n - 1] * shape[n - 1] != st[i]) {
                        merge = false;
                        break;
                    }
                }
                if (merge) {
                    shape[n - 1] *= shape[i];
                    continue;
                }
            }
            shape[n] = shape[i];
            for (long[] st : strides) {
                st[n] = st[i];
            }
            n++;
        }
        if (n == 0) {
            // All dims were of size 1 (or there were none): iterate one element, or none.
            n = 1;
            if (nd == 0) {
                shape = new long[1];
                strides = new long[nops][1];
            }
            shape[0] = numel == 0 ? 0 : 1;
        }
        if (n < shape.length) {
            shape = Arrays.copyOf(shape, n);
            for (int k = 0; k < nops; k++) {
                strides[k] = Arrays.copyOf(strides[k], n);
            }
        }
        return new TensorIterator(ops, shape, strides, numel);
    }

    /**
     * Whether every input broadcasts to the output's shape as it is (no more dims, each size equal
     * or 1); they then also broadcast against each other, to a shape the output's covers.
     */
    private static boolean fitOutput(Tensor output, Tensor[] inputs) {
        int nd = output.dim();
        for (Tensor t : inputs) {
            int shift = nd - t.dim();
            if (shift < 0) {
                return false;
            }
            for (int d = 0; d < t.dim(); d++) {
                long size = t.size(d);
                if (size != 1 && size != output.size(d + shift)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Row strides of the flat case: a contiguous operand, and a one-element operand read for every element. */
    private static final long[] UNIT = {1};
    private static final long[] BROADCAST = {0};

    /**
     * The common case of small ops, built without sorting or temporary arrays: a contiguous,
     * non-empty output and inputs that are each either contiguous with the output's shape or a
     * single element of at most the output's rank (a scalar operand). The general path reduces
     * exactly these operands to one row of {@code numel} elements with stride 1 (0 for the single
     * elements, and for every operand when the output has one element), which is what this
     * returns; null for every other case.
     */
    static TensorIterator flat(Tensor output, Tensor[] inputs) {
        int nd = output.dim();
        long numel = output.numel();
        if (numel == 0 || !output.isContiguous()) {
            return null;
        }
        for (Tensor t : inputs) {
            if (t.numel() == 1 ? t.dim() > nd : !(sameShape(t, output) && t.isContiguous())) {
                return null;
            }
        }
        checkSameDevice(output, inputs);
        Tensor[] ops = new Tensor[inputs.length + 1];
        long[][] strides = new long[ops.length][];
        ops[0] = output;
        strides[0] = numel == 1 ? BROADCAST : UNIT;
        for (int k = 0; k < inputs.length; k++) {
            ops[k + 1] = separateFromOutput(output, inputs[k]);
            strides[k + 1] = inputs[k].numel() == 1 ? BROADCAST : UNIT;
        }
        return new TensorIterator(ops, new long[] {numel}, strides, numel);
    }

    private static boolean sameShape(Tensor a, Tensor b) {
        int nd = a.dim();
        if (b.dim() != nd) {
            return false;
        }
        for (int d = 0; d < nd; d++) {
            if (a.size(d) != b.size(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the broadcast shape of several tensors, with PyTorch's rule and error message}
     *
     * @param tensors the tensors
     */
    public static long[] broadcastShapes(Tensor... tensors) {
        long[] result = tensors[0].shape();
        for (int i = 1; i < tensors.length; i++) {
            result = Shapes.broadcast(result, tensors[i].shape());
        }
        return result;
    }

    /**
     * Rejects a tensor that several of its own elements share memory with (an {@code expand}ed
     * view), as PyTorch does for outputs of in-place ops.
     *
     * @param t the tensor
     */
    public static void checkNoInternalOverlap(Tensor t) {
        for (int d = 0; d < t.dim(); d++) {
            if (t.size(d) > 1 && t.stride(d) == 0) {
                throw new TensorException("unsupported operation: more than one element of the "
                        + "written-to tensor (shape " + Arrays.toString(t.shape()) + ", strides "
                        + Arrays.toString(t.stride()) + ") refers to a single memory location. "
                        + "Please clone() the tensor before performing the operation.");
            }
        }
    }

    /**
     * Rejects inputs on another device than the output, with PyTorch's message naming both; like
     * PyTorch, a 0-dim CPU tensor may join an op on any device (backends upload its one element).
     */
    static void checkSameDevice(Tensor output, Tensor... inputs) {
        Device device = output.device();
        for (Tensor t : inputs) {
            Device d = t.device();
            if (d != device && !d.equals(device) && !isCpuScalar(t)) {
                throw new TensorException("Expected all tensors to be on the same device, but found at least two devices, "
                        + device + " and " + d + "!");
            }
        }
    }

    /**
     * Whether {@code t} is a CPU scalar: a 0-dim tensor on the CPU. PyTorch lets such a tensor join an op
     * on any device (it is read or uploaded as one value); this is the one place that rule is written.
     *
     * @param t a tensor
     * @return whether {@code t} has no dims and lives on the CPU
     */
    public static boolean isCpuScalar(Tensor t) {
        return t.dim() == 0 && t.device().equals(Device.CPU);
    }

    /**
     * The device an op on {@code tensors} runs on: the device they share, where CPU scalars
     * ({@link #isCpuScalar}) join any device; the CPU when every tensor is a CPU scalar.
     *
     * @param op the op's name, for the message
     * @param tensors the op's tensor operands (null entries are skipped)
     * @return the device the op runs on and allocates its outputs on
     * @throws TensorException PyTorch's "Expected all tensors to be on the same device" naming two devices
     */
    public static Device commonDevice(String op, Tensor... tensors) {
        Device common = null;
        for (Tensor t : tensors) {
            if (t == null || isCpuScalar(t)) {
                continue;
            }
            if (common == null) {
                common = t.device();
            } else if (!common.equals(t.device())) {
                throw new TensorException("Expected all tensors to be on the same device, but found at least two devices, "
                        + common + " and " + t.device() + "! (in " + op + ")");
            }
        }
        return common == null ? Device.CPU : common;
    }

    /**
     * {@code t} ready to take part in an op on {@code device} outside an iterator (where it may be
     * expanded or read by a primitive that takes no CPU operand): {@code t} itself on that device, a
     * copy on it when {@code t} is a CPU scalar.
     *
     * @param t an operand
     * @param device the op's device
     * @param op the op's name, for the message
     * @return {@code t} on {@code device}
     * @throws TensorException PyTorch's "Expected all tensors to be on the same device" for any other tensor
     */
    public static Tensor joinDevice(Tensor t, Device device, String op) {
        if (t.device().equals(device)) {
            return t;
        }
        if (isCpuScalar(t)) {
            return t.to(device);
        }
        throw new TensorException("Expected all tensors to be on the same device, but found at least two devices, "
                + device + " and " + t.device() + "! (in " + op + ")");
    }

    /**
     * The input itself when it cannot change under the writes to {@code output}: another storage,
     * disjoint memory, or exactly the output's elements (an in-place op reading what it writes).
     * PyTorch rejects the remaining cases when both layouts are dense, and so does this method; when
     * either is not dense (a strided slice), whether elements really collide is not cheap to tell,
     * so the input is copied first, which gives the result of an out-of-place op.
     *
     * @throws TensorException for partial overlap of two dense layouts, with PyTorch's message
     */
    private static Tensor separateFromOutput(Tensor output, Tensor input) {
        if (input.storage() != output.storage() || input.numel() == 0 || output.numel() == 0) {
            return input;
        }
        if (sameElements(output, input)) {
            return input;
        }
        long[] o = extent(output);
        long[] i = extent(input);
        if (o[1] < i[0] || i[1] < o[0]) {
            return input;
        }
        if (isNonOverlappingAndDense(output) && isNonOverlappingAndDense(input)) {
            throw new TensorException("unsupported operation: some elements of the input tensor (shape "
                    + Arrays.toString(input.shape()) + ", strides " + Arrays.toString(input.stride())
                    + ", offset " + input.storageOffset() + ") and the written-to tensor (shape "
                    + Arrays.toString(output.shape()) + ", strides " + Arrays.toString(output.stride())
                    + ", offset " + output.storageOffset() + ") refer to a single memory location. "
                    + "Please clone() the tensor before performing the operation.");
        }
        return input.detach().clone();
    }

    /** Whether {@code input}, broadcast to the output's shape, reads exactly the element each output element is. */
    private static boolean sameElements(Tensor output, Tensor input) {
        if (input.storageOffset() != output.storageOffset()) {
            return false;
        }
        int shift = output.dim() - input.dim();
        for (int d = 0; d < output.dim(); d++) {
            if (output.size(d) == 1) {
                continue;
            }
            long st = d < shift || input.size(d - shift) == 1 ? 0 : input.stride(d - shift);
            if (st != output.stride(d)) {
                return false;
            }
        }
        return true;
    }

    /** The lowest and highest storage index a non-empty tensor reaches. */
    private static long[] extent(Tensor t) {
        long lo = t.storageOffset();
        long hi = lo;
        for (int d = 0; d < t.dim(); d++) {
            long span = (t.size(d) - 1) * t.stride(d);
            if (span < 0) {
                lo += span;
            } else {
                hi += span;
            }
        }
        return new long[] {lo, hi};
    }

    /**
     * Whether the elements fill a block of memory exactly once in some order of the dims (PyTorch's
     * {@code is_non_overlapping_and_dense}): sorted by stride, each stride is the product of the
     * sizes below it.
     *
     * @param t the tensor
     * @return whether the elements fill a block of memory exactly once in some order of the dims (PyTorch's {@code
     *     is_non_overlapping_and_dense})
     */
    public static boolean isNonOverlappingAndDense(Tensor t) {
        int nd = t.dim();
        Integer[] order = new Integer[nd];
        for (int d = 0; d < nd; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (x, y) -> Long.compare(Math.abs(t.stride(x)), Math.abs(t.stride(y))));
        long expected = 1;
        for (int d : order) {
            long size = t.size(d);
            if (size == 1) {
                continue;
            }
            if (t.stride(d) != expected) {
                return false;
            }
            expected *= size;
        }
        return true;
    }

    /**
     * {@return operand {@code k}: 0 is the output, 1.} the inputs.
     *
     * @param k the count k
     */
    public Tensor operand(int k) {
        return operands[k];
    }

    /** {@return the number of operands, output included} */
    public int operandCount() {
        return operands.length;
    }

    /** {@return the number of elements iterated} */
    public long numel() {
        return numel;
    }

    /**
     * {@return the element stride of operand {@code k} along rows}
     *
     * @param k the count k
     */
    public int innerStride(int k) {
        return (int) strides[k][0];
    }

    /** {@return the length of a full row (the innermost coalesced dimension)} */
    public long rowLength() {
        return shape[0];
    }

    /** {@return the iteration shape, innermost dimension first (for device backends that launch over it)} */
    public long[] iterationShape() {
        return shape.clone();
    }

    /**
     * {@return operand {@code k}'s element strides over {@link #iterationShape()}, innermost first}
     *
     * @param k the count k
     */
    public long[] iterationStrides(int k) {
        return strides[k].clone();
    }

    /** {@return whether every operand has inner stride 1, so rows are plain contiguous runs} */
    public boolean isInnerContiguous() {
        for (long[] s : strides) {
            if (s[0] != 1) {
                return false;
            }
        }
        return true;
    }

    /** Receives one row: each operand's storage offset of its first element, and the row length. */
    @FunctionalInterface
    public interface RowKernel {
        /**
         * Processes {@code n} elements; operand {@code k} starts at {@code offsets[k]} and steps by
         * {@link #innerStride(int) innerStride(k)}. {@code offsets} is reused between calls.
         *
         * @param offsets the offsets
         * @param n the count
         */
        void row(int[] offsets, int n);
    }

    /**
     * Visits all elements, row by row, on the calling thread.
     *
     * @param kernel the kernel
     */
    public void forEachRow(RowKernel kernel) {
        forEachRow(0, numel, kernel);
    }

    /**
     * Visits the elements with linear iteration index in {@code [begin, end)}, emitting partial
     * rows at the ends. Ranges are how backends split work between threads.
     *
     * @param begin the first position
     * @param end the end
     * @param kernel the kernel
     */
    public void forEachRow(long begin, long end, RowKernel kernel) {
        if (begin >= end) {
            return;
        }
        int nd = shape.length;
        int nops = operands.length;
        if (nd == 1) {
            // One dimension: the range is one (partial) row, no odometer needed.
            int[] offsets = new int[nops];
            for (int k = 0; k < nops; k++) {
                offsets[k] = (int) (operands[k].storageOffset() + begin * strides[k][0]);
            }
            kernel.row(offsets, (int) (end - begin));
            return;
        }
        long[] counter = new long[nd];
        long rem = begin;
        for (int d = 0; d < nd; d++) {
            counter[d] = rem % shape[d];
            rem /= shape[d];
        }
        long[] base = new long[nops];
        for (int k = 0; k < nops; k++) {
            long off = operands[k].storageOffset();
            for (int d = 0; d < nd; d++) {
                off += counter[d] * strides[k][d];
            }
            base[k] = off;
        }
        int[] offsets = new int[nops];
        long pos = begin;
        long rowLen = shape[0];
        while (pos < end) {
            int n = (int) Math.min(rowLen - counter[0], end - pos);
            for (int k = 0; k < nops; k++) {
                offsets[k] = (int) base[k];
            }
            kernel.row(offsets, n);
            pos += n;
            if (pos >= end) {
                break;
            }
            // Advance the odometer by n along dim 0, carrying into outer dims.
            counter[0] += n;
            for (int k = 0; k < nops; k++) {
                base[k] += n * strides[k][0];
            }
            for (int d = 0; d < nd - 1 && counter[d] == shape[d]; d++) {
                counter[d] = 0;
                counter[d + 1]++;
                for (int k = 0; k < nops; k++) {
                    base[k] += strides[k][d + 1] - shape[d] * strides[k][d];
                }
            }
        }
    }
}
