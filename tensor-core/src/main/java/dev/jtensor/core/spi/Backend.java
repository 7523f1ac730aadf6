package dev.jtensor.core.spi;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;

/**
 * The device SPI: the small, closed set of primitives a device implements. Everything else in
 * JTensor is composed from these in device-neutral code. The SPI knows nothing about autograd.
 *
 * <p>Operand checks (shapes, dtypes, bounds, devices) happen before a primitive is called, so
 * implementations may assume valid arguments.
 */
public interface Backend {
    /** The device type, e.g. {@code "cpu"}. */
    String type();

    /** A zero-filled storage of {@code numel} elements. */
    Storage allocate(DType dtype, long numel);

    /** A storage on this device holding a copy of a host primitive array. */
    Storage fromHost(Object array);

    /** A host primitive array holding a copy of the whole storage. */
    Object toHost(Storage storage);

    /** {@code out = cast(in)}: operand 0 is written with operand 1 converted to its dtype (PyTorch's casts). */
    void copy(TensorIterator it);

    /** Writes {@code value} (a Long, Double or Boolean) converted to operand 0's dtype into every element. */
    void fill(TensorIterator it, Object value);

    // ---------------------------------------------------------------- elementwise primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * {@code out = op(in)}: operand 0 is written with {@code op} applied to operand 1, both of the
     * op's dtype (see {@link UnaryOp}).
     */
    void unary(UnaryOp op, TensorIterator it);

    /**
     * {@code out = op(a, b)}: operand 0 is written with {@code op} applied to operands 1 and 2, which
     * have the op's compute dtype (see {@link BinaryOp}).
     *
     * @param alpha the scale of {@code b} for {@link BinaryOp#ADD} and {@link BinaryOp#SUB} (a Long
     *     for integer and bool dtypes, a Double for floating ones); 1 for every other op
     */
    void binary(BinaryOp op, TensorIterator it, Number alpha);

    /**
     * {@code out = cond ? x : y}: operand 1 is the bool condition, operands 2 and 3 the values, of
     * the output's dtype.
     */
    void where(TensorIterator it);

    // ---------------------------------------------------------------- end of elementwise primitives


    // ---------------------------------------------------------------- reductions primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * Reduces every line of {@code plan} into its output element(s) with {@code op} (see
     * {@link ReduceOp} for the dtypes each op receives). Each output element is computed on one
     * thread, so results do not depend on the thread count.
     */
    void reduce(ReduceOp op, ReducePlan plan);

    /**
     * Variance of every line of {@code plan} with {@code correction} (1 = Bessel's; the divisor is
     * {@code max(0, n - correction)}), or its square root when {@code std}; input and output float32
     * or float64, accumulated in float64 as PyTorch does.
     */
    void stdVar(ReducePlan plan, double correction, boolean std);

    /**
     * Inclusive prefix sum along the lines of a scan plan ({@link ReducePlan#scan}); input and
     * output float32, float64 or int64 of one dtype (float32 accumulates in float64, as PyTorch's CPU
     * kernel does).
     */
    void cumsum(ReducePlan plan);

    // ---------------------------------------------------------------- end of reductions primitives


    // ---------------------------------------------------------------- indexing primitives
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of indexing primitives


    // ---------------------------------------------------------------- linalg primitives
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of linalg primitives


    // ---------------------------------------------------------------- nn primitives
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of nn primitives

}
