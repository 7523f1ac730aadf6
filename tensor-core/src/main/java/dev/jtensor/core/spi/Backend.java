package dev.jtensor.core.spi;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;

/**
 * The device SPI: the small, closed set of primitives a device implements. Everything else in
 * JTensor is composed from these in device-neutral code. The SPI knows nothing about autograd.
 *
 * <p>Operand checks (shapes, dtypes, bounds, devices) happen before a primitive is called, so
 * implementations may assume valid arguments.
 *
 * <p>The small dtypes (uint8, int8, int16, float16, bfloat16) reach every primitive. A backend implements
 * {@link #allocate}, {@link #fromHost}, {@link #toHost}, {@link #copy} (the casts), {@link #fill}, {@link #where} and
 * the indexing primitives for them natively (bit-exact data movement), and starts each arithmetic primitive
 * ({@link #unary}, {@link #binary}, {@link #reduce}, {@link #stdVar}, {@link #cumsum}, {@link #gemm}, the nn
 * primitives) with the matching {@link Widening} call, which computes in {@link DType#computeType()} and rounds or
 * wraps the results back; the per-primitive dtype notes below are then about the compute types. A backend that
 * cannot hold a small dtype refuses it in {@link #allocate} and {@link #fromHost} with a message naming it.
 */
public interface Backend {
    /** {@return the device type, e.g. {@code "cpu"}} */
    String type();

    /**
     * {@return a zero-filled storage of {@code numel} elements}
     *
     * @param dtype the dtype
     * @param numel the number of elements
     */
    Storage allocate(DType dtype, long numel);

    /**
     * {@return a storage of {@code numel} elements with unspecified contents} For outputs whose every
     * element the caller writes before reading any (PyTorch's {@code torch.empty}); a device may hand
     * out recycled memory. The default is {@link #allocate}.
     *
     * @param dtype the dtype
     * @param numel the number of elements
     */
    default Storage allocateUninitialized(DType dtype, long numel) {
        return allocate(dtype, numel);
    }

    /**
     * {@return a storage of {@code dtype} on this device holding a copy of a host primitive array of the dtype's
     * holder type ({@code float[]} for float32, {@code byte[]} for uint8 and int8, {@code short[]} with the bits of
     * float16 and bfloat16 and for int16, ...)}
     *
     * @param array the Java array
     * @param dtype the dtype of the elements
     */
    Storage fromHost(Object array, DType dtype);

    /**
     * {@return a host primitive array holding a copy of the whole storage}
     *
     * @param storage the storage
     */
    Object toHost(Storage storage);

    /**
     * {@code out = cast(in)}: operand 0 is written with operand 1 converted to its dtype (PyTorch's casts).
     *
     * @param it the tensor iterator
     */
    void copy(TensorIterator it);

    /**
     * Writes {@code value} (a Long, Double or Boolean) converted to operand 0's dtype into every element.
     *
     * @param it the tensor iterator
     * @param value the value
     */
    void fill(TensorIterator it, Object value);

    // ---------------------------------------------------------------- elementwise primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * {@code out = op(in)}: operand 0 is written with {@code op} applied to operand 1, both of the
     * op's dtype (see {@link UnaryOp}).
     *
     * @param op the operation
     * @param it the tensor iterator
     */
    void unary(UnaryOp op, TensorIterator it);

    /**
     * {@code out = op(a, b)}: operand 0 is written with {@code op} applied to operands 1 and 2, which
     * have the op's compute dtype (see {@link BinaryOp}).
     *
     * @param alpha the scale of {@code b} for {@link BinaryOp#ADD} and {@link BinaryOp#SUB} (a Long
     *     for integer and bool dtypes, a Double for floating ones); 1 for every other op
     * @param op the operation
     * @param it the tensor iterator
     */
    void binary(BinaryOp op, TensorIterator it, Number alpha);

    /**
     * {@code out = cond ? x : y}: operand 1 is the bool condition, operands 2 and 3 the values, of
     * the output's dtype.
     *
     * @param it the tensor iterator
     */
    void where(TensorIterator it);

    // ---------------------------------------------------------------- end of elementwise primitives


    // ---------------------------------------------------------------- reductions primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * Reduces every line of {@code plan} into its output element(s) with {@code op} (see
     * {@link ReduceOp} for the dtypes each op receives). Each output element is computed on one
     * thread, so results do not depend on the thread count.
     *
     * @param op the operation
     * @param plan the plan
     */
    void reduce(ReduceOp op, ReducePlan plan);

    /**
     * Variance of every line of {@code plan} with {@code correction} (1 = Bessel's; the divisor is
     * {@code max(0, n - correction)}), or its square root when {@code std}; input and output float32
     * or float64, accumulated in float64 as PyTorch does.
     *
     * @param plan the plan
     * @param correction the difference between the sample size and the divisor (1 for Bessel's correction)
     * @param std the standard deviation
     */
    void stdVar(ReducePlan plan, double correction, boolean std);

    /**
     * Inclusive prefix sum along the lines of a scan plan ({@link ReducePlan#scan}); input and
     * output float32, float64 or int64 of one dtype (float32 accumulates in float64, as PyTorch's CPU
     * kernel does).
     *
     * @param plan the plan
     */
    void cumsum(ReducePlan plan);

    // ---------------------------------------------------------------- end of reductions primitives


    // ---------------------------------------------------------------- indexing primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * Advanced-index read, the one gather kernel behind {@code index}, {@code gather} and
     * {@code indexSelect} (PyTorch's {@code index} kernel). Operand 0 is the output; operand 1 is the
     * source restrided over the output's shape (stride 0 on the output dims the indices produce);
     * operands {@code 2 .. 2+k-1} are int64 index tensors, one per indexed source dim, broadcast
     * over the output's shape. Output element {@code i} is the source element at storage offset
     * {@code offset_1(i) + sum_j idx_j(i)' * indexedStrides[j]}, where {@code idx'} is the index
     * with {@code indexedSizes[j]} added when negative. Source and output have the same dtype, and
     * every index lies in {@code [-indexedSizes[j], indexedSizes[j])} (checked by the caller).
     *
     * @param it the tensor iterator
     * @param indexedSizes the sizes of the indexed dims
     * @param indexedStrides the strides of the indexed dims
     */
    void indexGather(TensorIterator it, long[] indexedSizes, long[] indexedStrides);

    /**
     * Advanced-index write, the one scatter kernel behind {@code indexPut_}, {@code scatter_},
     * {@code scatterAdd_} and {@code indexAdd_} (PyTorch's {@code index_put} kernel). Operand 0
     * holds the values (read, not written; no two of its elements share memory); operand 1 is the
     * destination restrided over the values' shape; operands {@code 2..} are int64 index tensors
     * as for {@link #indexGather}. Value element {@code i} goes to the destination element at
     * {@code offset_1(i) + sum_j idx_j(i)' * indexedStrides[j]}: with {@code accumulate} it is
     * multiplied by {@code alpha} and added (bool: or-ed), so duplicate positions sum up; otherwise
     * it overwrites ({@code alpha} unused) and, where positions repeat, which value stays is
     * unspecified (the CPU backend keeps the last in iteration order). Values and destination have
     * the same dtype and do not share memory; indices are in bounds (checked by the caller).
     *
     * @param it the tensor iterator
     * @param indexedSizes the sizes of the indexed dims
     * @param indexedStrides the strides of the indexed dims
     * @param accumulate whether to add to the existing values instead of replacing them
     * @param alpha the multiplier alpha
     */
    void indexPut(TensorIterator it, long[] indexedSizes, long[] indexedStrides, boolean accumulate, double alpha);

    /**
     * {@return the number of elements of a contiguous tensor that are not zero (NaN counts as non-zero)}
     *
     * @param input the input tensor
     */
    long countNonzero(dev.jtensor.core.Tensor input);

    /**
     * Writes the coordinates of the non-zero elements of the contiguous tensor {@code input}, in
     * row-major order, into {@code out}: a contiguous int64 tensor of shape
     * {@code [countNonzero(input), input.dim()]}.
     *
     * @param input the input tensor
     * @param out the tensor to write the result into
     */
    void nonzero(dev.jtensor.core.Tensor input, dev.jtensor.core.Tensor out);

    // ---------------------------------------------------------------- end of indexing primitives


    // ---------------------------------------------------------------- linalg primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * The batched strided matrix product described by {@code spec}:
     * {@code C[bi] = alpha * A[bi] @ B[bi] + beta * C[bi]} for every batch index (BLAS's
     * {@code gemm} over a batch). Operands may have any strides, including 0 and transposed
     * layouts; the output does not overlap the inputs. Implemented for float32, float64, int64
     * and int32; results must not depend on the number of threads used.
     *
     * @param spec the specification
     */
    void gemm(GemmSpec spec);

    // ---------------------------------------------------------------- end of linalg primitives


    // ---------------------------------------------------------------- nn primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * Softmax ({@code log == false}) or log-softmax of {@code input} along {@code dim}, written to
     * {@code output} (PyTorch's {@code _softmax}/{@code _log_softmax}): per line, subtract the max,
     * exponentiate and normalise. Both tensors are contiguous, of one shape and one dtype (float32 or
     * float64); {@code dim} is normalised ({@code 0} for a 0-d tensor).
     *
     * @param input the input tensor
     * @param output the output
     * @param dim the dim (negative counts from the end)
     * @param log whether the values are logarithms
     */
    void softmax(dev.jtensor.core.Tensor input, dev.jtensor.core.Tensor output, int dim, boolean log);

    /**
     * The input gradient of {@link #softmax}: {@code gradInput = y * (g - sum(g * y))} for softmax,
     * {@code g - exp(y) * sum(g)} for log-softmax, sums along {@code dim}, where {@code y} is the
     * forward output and {@code g} the output gradient. All three contiguous, one shape and dtype.
     *
     * @param gradOutput the gradient of the output
     * @param output the output
     * @param gradInput the gradient of the input
     * @param dim the dim (negative counts from the end)
     * @param log whether the values are logarithms
     */
    void softmaxBackward(dev.jtensor.core.Tensor gradOutput, dev.jtensor.core.Tensor output,
            dev.jtensor.core.Tensor gradInput, int dim, boolean log);

    /**
     * Fused cross-entropy with class-index targets over the rows of {@code logits} ({@code [M, C]},
     * contiguous, float32 or float64, {@code C > 0}): log-softmax and pick in one pass. Row {@code i}
     * with target {@code t} (int64 {@code [M]}, contiguous; each either {@code ignoreIndex} or in
     * {@code [0, C)}, checked by the caller), class weights {@code w} ({@code [C]} of the logits'
     * dtype, or null for ones) and smoothing {@code e} has the loss
     * {@code (1-e) * w[t] * -logp[i,t] + e/C * sum_c w[c] * -logp[i,c]}, and 0 when ignored. Writes
     * {@code stats} ({@code [M, 2]}, the logits' dtype: each row's max and log of its shifted exponential
     * sum, for {@link #crossEntropyBackward}) and {@code loss}: the row losses ({@code reduction} 0,
     * {@code loss} of shape {@code [M]}), their sum over the total weight (1, 0-d; NaN when that is 0)
     * or their sum (2, 0-d). {@code probs} is null (no backward will follow) or a scratch buffer
     * (contiguous {@code [M, C]}, the logits' dtype) that is handed unchanged to
     * {@link #crossEntropyBackward}: the backend may leave each row's softmax there so that its
     * backward scales it instead of computing every exponential again (the CPU backend does), or
     * ignore it. Nothing but the backward reads it.
     *
     * @param logits the logits
     * @param target the target
     * @param weight the weight
     * @param ignoreIndex the target value that is ignored
     * @param labelSmoothing the label smoothing amount in [0, 1]
     * @param reduction how the per-element results are reduced
     * @param stats the statistics
     * @param probs the probabilities
     * @param loss the loss
     * @return the total weight: the sum of {@code w[t]} over rows not ignored
     */
    double crossEntropyForward(dev.jtensor.core.Tensor logits, dev.jtensor.core.Tensor target,
            dev.jtensor.core.Tensor weight, long ignoreIndex, double labelSmoothing, int reduction,
            dev.jtensor.core.Tensor stats, dev.jtensor.core.Tensor probs, dev.jtensor.core.Tensor loss);

    /**
     * The logits gradient of {@link #crossEntropyForward} (softmax minus the smoothed one-hot, scaled):
     * row {@code i} gets {@code g * ((1-e) * w[t] * (p - onehot(t)) + e/C * (sum(w) * p - w))}, where
     * {@code p = exp(logits - max - logSum)} from {@code stats} and {@code g} is {@code gradLoss[i]}
     * ({@code [M]}) or the 0-d {@code gradLoss}, times {@code scale}; ignored rows get 0. Arguments as
     * in the forward; {@code gradLogits} is contiguous {@code [M, C]}. {@code probs} is the forward's
     * scratch buffer (or null), whatever that forward left in it; {@code gradLogits} may be
     * {@code probs} itself, then written in place.
     *
     * @param logits the logits
     * @param target the target
     * @param weight the weight
     * @param ignoreIndex the target value that is ignored
     * @param labelSmoothing the label smoothing amount in [0, 1]
     * @param stats the statistics
     * @param probs the probabilities
     * @param gradLoss the gradient of the loss
     * @param scale the scale
     * @param gradLogits the gradient of the logits
     */
    void crossEntropyBackward(dev.jtensor.core.Tensor logits, dev.jtensor.core.Tensor target,
            dev.jtensor.core.Tensor weight, long ignoreIndex, double labelSmoothing,
            dev.jtensor.core.Tensor stats, dev.jtensor.core.Tensor probs, dev.jtensor.core.Tensor gradLoss,
            double scale, dev.jtensor.core.Tensor gradLogits);

    /**
     * Embedding bags (PyTorch's {@code _embedding_bag}): bag {@code b} is the rows
     * {@code indices[offsets[b] .. offsets[b+1])} of {@code weight} ({@code [num, D]}, contiguous,
     * float32 or float64), entries equal to {@code paddingIdx} left out (a value outside
     * {@code [0, num)} means none). {@code mode} 0 sums (each row times {@code perSampleWeights[l]}
     * when that {@code [L]} tensor is given), 1 averages over the entries kept, 2 takes the
     * elementwise max and writes the row it came from into {@code maxIndices} (int64 {@code [B, D]};
     * -1 for an empty bag). {@code indices} (int64 {@code [L]}, valid rows) and {@code offsets} (int64
     * {@code [B+1]}, non-decreasing from 0 to L) are contiguous; {@code output} is a contiguous,
     * zero-filled {@code [B, D]} tensor of the weight's dtype; an empty bag stays zero.
     *
     * @param weight the weight
     * @param indices the indices
     * @param offsets the offsets
     * @param mode the mode
     * @param perSampleWeights the per-sample weights, or null
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @param output the output
     * @param maxIndices the indices of the maxima
     */
    void embeddingBag(dev.jtensor.core.Tensor weight, dev.jtensor.core.Tensor indices,
            dev.jtensor.core.Tensor offsets, int mode, dev.jtensor.core.Tensor perSampleWeights, long paddingIdx,
            dev.jtensor.core.Tensor output, dev.jtensor.core.Tensor maxIndices);

    /**
     * The weight gradient of {@link #embeddingBag}: adds each bag's output gradient ({@code [B, D]},
     * contiguous) into the rows it was made of (sum: times the per-sample weight; mean: divided by the
     * bag's count; max: only the elements that were the max) of {@code gradWeight}, a contiguous,
     * zero-filled {@code [num, D]} tensor. Other arguments as in the forward.
     *
     * @param gradOutput the gradient of the output
     * @param indices the indices
     * @param offsets the offsets
     * @param mode the mode
     * @param perSampleWeights the per-sample weights, or null
     * @param paddingIdx the padding index ({@code padding_idx}), whose row gets no gradient
     * @param maxIndices the indices of the maxima
     * @param gradWeight the gradient of the weight
     */
    void embeddingBagBackward(dev.jtensor.core.Tensor gradOutput, dev.jtensor.core.Tensor indices,
            dev.jtensor.core.Tensor offsets, int mode, dev.jtensor.core.Tensor perSampleWeights, long paddingIdx,
            dev.jtensor.core.Tensor maxIndices, dev.jtensor.core.Tensor gradWeight);

    // ---------------------------------------------------------------- end of nn primitives

}
