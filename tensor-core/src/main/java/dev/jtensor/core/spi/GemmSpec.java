package dev.jtensor.core.spi;

import dev.jtensor.core.DType;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * One call of the batched strided matrix product {@link Backend#gemm}: for every index {@code bi}
 * of {@code batchShape}, {@code C[bi] = alpha * A[bi] @ B[bi] + beta * C[bi]}, with {@code A[bi]}
 * of {@code m x k}, {@code B[bi]} of {@code k x n} and {@code C[bi]} of {@code m x n} (BLAS's
 * {@code ?gemm} applied over a batch, like {@code cublasGemmStridedBatched}).
 *
 * <p>Each operand is a strided view of a storage (see {@link Operand}): element {@code (i, j)} of
 * matrix {@code bi} lives at {@code offset + sum(bi[d] * batchStrides[d]) + i * rowStride +
 * j * colStride}. Any strides are allowed, including 0 (a broadcast operand) and transposed
 * layouts; only the output must not have two elements at one storage index, and it must not
 * overlap the inputs. When {@code beta == 0} the output is not read (NaNs in it do not propagate),
 * as in BLAS; for integer dtypes {@code alpha} and {@code beta} must be integral.
 *
 * @param dtype the dtype of all three storages
 * @param batchShape the sizes of the batch dims (empty for one matrix product)
 * @param m rows of A and C
 * @param n columns of B and C
 * @param k columns of A and rows of B
 * @param a the left operand, {@code m x k}
 * @param b the right operand, {@code k x n}
 * @param c the output, {@code m x n}
 * @param alpha the factor of the product
 * @param beta the factor of the output's previous content (0: overwrite)
 */
public record GemmSpec(DType dtype, long[] batchShape, long m, long n, long k,
                       Operand a, Operand b, Operand c, double alpha, double beta) {

    /**
     * One operand: a storage and the layout of its matrices in it.
     *
     * @param storage the elements
     * @param offset the storage index of element {@code (0, 0)} of the first matrix
     * @param rowStride the step between rows
     * @param colStride the step between columns
     * @param batchStrides the step along each batch dim (0 where the operand is broadcast)
     */
    public record Operand(Storage storage, long offset, long rowStride, long colStride, long[] batchStrides) {
        /** Validates the strides; the arrays are copied. */
        public Operand {
            batchStrides = batchStrides.clone();
            if (offset < 0 || rowStride < 0 || colStride < 0) {
                throw new TensorException("gemm operand with negative offset or stride: offset " + offset
                        + ", row stride " + rowStride + ", column stride " + colStride);
            }
            for (long s : batchStrides) {
                if (s < 0) {
                    throw new TensorException("gemm operand with a negative batch stride: "
                            + Arrays.toString(batchStrides));
                }
            }
        }

        /** {@return the batch strides (a copy)} */
        @Override
        public long[] batchStrides() {
            return batchStrides.clone();
        }

        /**
         * {@return the storage index of element {@code (i, j)} of the matrix at batch multi-index {@code bi}}
         *
         * @param bi the index of the bag
         * @param i the index i
         * @param j the index j
         */
        public long index(long[] bi, long i, long j) {
            long idx = offset + i * rowStride + j * colStride;
            for (int d = 0; d < bi.length; d++) {
                idx += bi[d] * batchStrides[d];
            }
            return idx;
        }
    }

    /**
     * Validates the sizes and that the operands match them and the dtype; the shape array is copied.
     *
     * @throws TensorException for negative sizes, batch strides of the wrong length or a storage of another dtype
     */
    public GemmSpec {
        batchShape = batchShape.clone();
        if (m < 0 || n < 0 || k < 0) {
            throw new TensorException("gemm sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
        }
        for (long s : batchShape) {
            if (s < 0) {
                throw new TensorException("gemm batch shape must be non-negative, got " + Arrays.toString(batchShape));
            }
        }
        for (Operand o : new Operand[] {a, b, c}) {
            if (o.batchStrides.length != batchShape.length) {
                throw new TensorException("gemm operand has batch strides " + Arrays.toString(o.batchStrides)
                        + " for batch shape " + Arrays.toString(batchShape));
            }
            if (o.storage.dtype() != dtype) {
                throw new TensorException("gemm of dtype " + dtype + " got an operand of dtype " + o.storage.dtype());
            }
        }
    }

    /** {@return the batch sizes (a copy)} */
    @Override
    public long[] batchShape() {
        return batchShape.clone();
    }

    /** {@return the number of matrix products: the product of the batch sizes} */
    public long batchCount() {
        long p = 1;
        for (long s : batchShape) {
            p *= s;
        }
        return p;
    }
}
