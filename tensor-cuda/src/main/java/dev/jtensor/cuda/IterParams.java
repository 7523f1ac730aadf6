package dev.jtensor.cuda;

import dev.jtensor.core.spi.TensorIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs a {@link TensorIterator} into the {@code JtIter} struct the strided kernels take by value
 * (see {@code jtensor_kernels.cu}): {@code ndim, numel, shape[MAX_DIMS], stride[MAX_OPS][MAX_DIMS],
 * offset[MAX_OPS]}, all 32-bit ints, innermost dimension first.
 *
 * <p>An iteration with more than {@link #MAX_DIMS} dimensions left after coalescing is split on
 * the host: the innermost {@code MAX_DIMS} go to the kernel, and one launch is made per coordinate of
 * the outer ones, with the storage offsets advanced accordingly.
 */
final class IterParams {
    /** Dimensions a kernel walks; must match {@code JT_MAX_DIMS}. */
    static final int MAX_DIMS = 10;
    /** Operands a kernel takes, output included; must match {@code JT_MAX_OPS}. */
    static final int MAX_OPS = 10;
    /** The struct's size in ints. */
    static final int INTS = 2 + MAX_DIMS + MAX_OPS * MAX_DIMS + MAX_OPS;

    private IterParams() {}

    /** The packed launches of an iterator (none when it has no element). */
    static List<int[]> pack(TensorIterator it) {
        int nops = it.operandCount();
        long[][] strides = new long[nops][];
        long[] offsets = new long[nops];
        for (int k = 0; k < nops; k++) {
            strides[k] = it.iterationStrides(k);
            offsets[k] = it.operand(k).storageOffset();
        }
        return pack(it.iterationShape(), strides, offsets);
    }

    /**
     * The packed launches of a layout given outermost dimension first, as tensors list their sizes
     * and strides (dims are reversed, not reordered or merged).
     */
    static List<int[]> packRowMajor(long[] shape, long[][] strides, long[] offsets) {
        int nd = shape.length;
        long[] s = new long[nd];
        long[][] st = new long[strides.length][nd];
        for (int d = 0; d < nd; d++) {
            s[d] = shape[nd - 1 - d];
            for (int k = 0; k < strides.length; k++) {
                st[k][d] = strides[k][nd - 1 - d];
            }
        }
        if (nd == 0) {
            // A single element: one dimension of size 1.
            s = new long[] {1};
            st = new long[strides.length][1];
        }
        return pack(s, st, offsets);
    }

    /**
     * The packed launches of an iteration shape (innermost first), each operand's element strides
     * over it and its storage offset.
     */
    static List<int[]> pack(long[] shape, long[][] strides, long[] offsets) {
        int nops = strides.length;
        if (nops > MAX_OPS) {
            throw new IllegalArgumentException(nops + " operands, kernels take at most " + MAX_OPS);
        }
        long numel = 1;
        for (long s : shape) {
            numel *= s;
        }
        List<int[]> out = new ArrayList<>();
        if (numel == 0) {
            return out;
        }
        int inner = Math.min(shape.length, MAX_DIMS);
        long innerNumel = 1;
        for (int d = 0; d < inner; d++) {
            innerNumel *= shape[d];
        }
        int outer = shape.length - inner;
        long[] counter = new long[outer];
        long launches = numel / innerNumel;
        for (long l = 0; l < launches; l++) {
            int[] p = new int[INTS];
            p[0] = inner;
            p[1] = Math.toIntExact(innerNumel);
            for (int d = 0; d < inner; d++) {
                p[2 + d] = Math.toIntExact(shape[d]);
                for (int k = 0; k < nops; k++) {
                    p[2 + MAX_DIMS + k * MAX_DIMS + d] = Math.toIntExact(strides[k][d]);
                }
            }
            for (int k = 0; k < nops; k++) {
                long off = offsets[k];
                for (int d = 0; d < outer; d++) {
                    off += counter[d] * strides[k][inner + d];
                }
                p[2 + MAX_DIMS + MAX_OPS * MAX_DIMS + k] = Math.toIntExact(off);
            }
            out.add(p);
            for (int d = 0; d < outer && ++counter[d] == shape[inner + d]; d++) {
                counter[d] = 0;
            }
        }
        return out;
    }
}
