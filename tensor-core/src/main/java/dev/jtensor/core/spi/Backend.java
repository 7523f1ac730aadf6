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

    // ---------------------------------------------------------------- end of elementwise primitives


    // ---------------------------------------------------------------- reductions primitives
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of reductions primitives


    // ---------------------------------------------------------------- indexing primitives
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of indexing primitives


    // ---------------------------------------------------------------- linalg primitives
    // (primitives of this area go here; keep the blank lines between areas)

    /**
     * The batched strided matrix product described by {@code spec}:
     * {@code C[bi] = alpha * A[bi] @ B[bi] + beta * C[bi]} for every batch index (BLAS's
     * {@code gemm} over a batch). Operands may have any strides, including 0 and transposed
     * layouts; the output does not overlap the inputs. Implemented for float32, float64, int64
     * and int32; results must not depend on the number of threads used.
     */
    void gemm(GemmSpec spec);

    // ---------------------------------------------------------------- end of linalg primitives


    // ---------------------------------------------------------------- nn primitives
    // (primitives of this area go here; keep the blank lines between areas)

    // ---------------------------------------------------------------- end of nn primitives

}
