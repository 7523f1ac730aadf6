package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.spi.TensorIterator;
import java.lang.ref.Reference;
import org.bytedeco.javacpp.LongPointer;

/**
 * Advanced indexing on the GPU: the gather kernel behind {@code index}/{@code gather}/{@code
 * indexSelect}, the scatter kernel behind {@code indexPut_}/{@code scatter_}/{@code scatterAdd_}/{@code
 * indexAdd_} (atomic adds when accumulating), and {@code nonzero} as a two-pass stream compaction.
 */
final class CudaIndexing {
    /** Index tensors one kernel takes; must match {@code JT_MAX_INDICES}. */
    static final int MAX_INDICES = 8;
    /** Elements per block of the nonzero kernels; must match {@code JT_NZ_CHUNK}. */
    static final int NONZERO_CHUNK = 4096;
    /** Dims of a nonzero input; must match {@code JT_MAX_NZ_DIMS}. */
    static final int MAX_NONZERO_DIMS = 32;
    private static final int THREADS = 256;

    private CudaIndexing() {}

    /**
     * The {@code JtIndex} struct as 8-byte words: the count, then sizes, strides and pointers of
     * {@value #MAX_INDICES} slots.
     */
    static long[] indexStruct(long[] sizes, long[] strides, long[] pointers) {
        if (sizes.length > MAX_INDICES) {
            throw new TensorException("the CUDA backend indexes at most " + MAX_INDICES
                    + " dims with tensors in one operation, got " + sizes.length);
        }
        long[] w = new long[1 + 3 * MAX_INDICES];
        w[0] = sizes.length;
        for (int j = 0; j < sizes.length; j++) {
            w[1 + j] = sizes[j];
            w[1 + MAX_INDICES + j] = strides[j];
            w[1 + 2 * MAX_INDICES + j] = pointers[j];
        }
        return w;
    }

    private static long[] indexPointers(CudaBackend.Operands ops, int count) {
        long[] p = new long[count];
        for (int j = 0; j < count; j++) {
            p[j] = ops.address(2 + j);
        }
        return p;
    }

    /** Output element i = source element at {@code offset_1(i) + Σ idx_j(i)·indexedStrides[j]}. */
    static void gather(CudaBackend b, TensorIterator it, long[] indexedSizes, long[] indexedStrides) {
        CudaBackend.Operands ops = b.operands(it, "indexGather");
        long[] ix = indexStruct(indexedSizes, indexedStrides, indexPointers(ops, indexedSizes.length));
        String kernel = KernelNames.of("index_gather", it.operand(0).dtype());
        for (int[] p : ops.launches()) {
            b.gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1)).words(ix));
        }
        ops.done();
    }

    /** Value element i written to (or, accumulating, {@code alpha}× added to) the indexed destination element. */
    static void put(CudaBackend b, TensorIterator it, long[] indexedSizes, long[] indexedStrides, boolean accumulate,
                    double alpha) {
        CudaBackend.Operands ops = b.operands(it, "indexPut");
        long[] ix = indexStruct(indexedSizes, indexedStrides, indexPointers(ops, indexedSizes.length));
        String kernel = KernelNames.of("index_put", it.operand(0).dtype());
        for (int[] p : ops.launches()) {
            b.gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(ops.address(0)).ptr(ops.address(1)).words(ix)
                    .i32(accumulate ? 1 : 0).f64(alpha).i64((long) alpha));
        }
        ops.done();
    }

    /** The number of chunks the nonzero kernels split {@code n} elements into. */
    static int chunks(long n) {
        return (int) LaunchConfig.ceilDiv(n, NONZERO_CHUNK);
    }

    /** The per-chunk counts of non-zero elements of a contiguous tensor (none for an empty one). */
    private static long[] chunkCounts(CudaBackend b, Tensor input) {
        int n = Math.toIntExact(input.numel());
        if (n == 0) {
            return new long[0];
        }
        CudaStorage in = b.own(input.storage(), "nonzero");
        int chunks = chunks(n);
        try (CudaStorage counts = b.gpu.allocate(DType.INT64, chunks, false)) {
            long base = in.address() + input.storageOffset() * input.dtype().itemSize();
            b.gpu.launch(KernelNames.of("nonzero_count", input.dtype()), new LaunchConfig(chunks, THREADS), THREADS * 8,
                    KernelArgs.begin().ptr(base).i32(n).ptr(counts.address()));
            long[] host = new long[chunks];
            try (LongPointer h = new LongPointer(chunks)) {
                b.gpu.download(h, counts.address(), (long) chunks * 8);
                h.get(host);
            }
            return host;
        } finally {
            Reference.reachabilityFence(in);
        }
    }

    /** The number of elements of a contiguous tensor that are not zero (NaN counts). */
    static long countNonzero(CudaBackend b, Tensor input) {
        long total = 0;
        for (long c : chunkCounts(b, input)) {
            total += c;
        }
        return total;
    }

    /** Writes the row-major coordinates of the non-zero elements of {@code input} into {@code out}. */
    static void nonzero(CudaBackend b, Tensor input, Tensor out) {
        int nd = input.dim();
        if (nd > MAX_NONZERO_DIMS) {
            throw new TensorException("nonzero on cuda supports tensors of at most " + MAX_NONZERO_DIMS
                    + " dims, got " + nd);
        }
        long[] counts = chunkCounts(b, input);
        if (counts.length == 0 || nd == 0 && out.numel() == 0) {
            return;
        }
        long[] starts = new long[counts.length];
        for (int c = 1; c < counts.length; c++) {
            starts[c] = starts[c - 1] + counts[c - 1];
        }
        int[] shape = new int[1 + MAX_NONZERO_DIMS];
        shape[0] = nd;
        for (int d = 0; d < nd; d++) {
            shape[1 + d] = (int) input.size(d);
        }
        CudaStorage in = b.own(input.storage(), "nonzero");
        CudaStorage dst = b.own(out.storage(), "nonzero");
        CudaStorage s = (CudaStorage) b.fromHost(starts, DType.INT64);
        try (s) {
            long base = in.address() + input.storageOffset() * input.dtype().itemSize();
            long outBase = dst.address() + out.storageOffset() * 8;
            b.gpu.launch(KernelNames.of("nonzero_write", input.dtype()), new LaunchConfig(counts.length, THREADS),
                    THREADS * 8, KernelArgs.begin().ptr(base).i32(Math.toIntExact(input.numel())).ptr(s.address())
                            .ptr(outBase).ints(shape));
        } finally {
            Reference.reachabilityFence(in);
            Reference.reachabilityFence(dst);
        }
    }
}
