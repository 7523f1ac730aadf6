package dev.jtensor.cuda;

import static dev.jtensor.cuda.CudaNatives.checkBlas;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasDgemmStridedBatched;
import static org.bytedeco.cuda.global.cublas.cublasDgemm_v2;
import static org.bytedeco.cuda.global.cublas.cublasSgemmStridedBatched;
import static org.bytedeco.cuda.global.cublas.cublasSgemm_v2;

import dev.jtensor.core.DType;
import dev.jtensor.core.TensorException;
import dev.jtensor.cuda.CudaNatives.DevPtr;
import java.util.List;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Batched strided matrix products on the GPU: float32 and float64 through cuBLAS ({@code ?gemm},
 * {@code ?gemmStridedBatched}) with the row-major mapping of {@link GemmMapping}; int64 and int32
 * through a plain kernel (cuBLAS has no integer GEMM). Operands whose rows and columns are both
 * strided, and outputs that are not row- or column-major, go through contiguous copies.
 */
final class CudaGemm {
    private CudaGemm() {}

    /**
     * One operand: elements {@code (i, j)} of matrix {@code bi} at {@code offset + bi·batchStrides +
     * i·rowStride + j·colStride} of {@code storage}.
     */
    record Mat(CudaStorage storage, long offset, long rowStride, long colStride, long[] batchStrides) {}

    /** {@code C[bi] = alpha · A[bi] @ B[bi] + beta · C[bi]} over {@code batchShape}. */
    static void gemm(CudaDevice gpu, DType dt, long[] batchShape, long m, long n, long k, Mat a, Mat b, Mat c,
                     double alpha, double beta) {
        try {
            run(gpu, dt, batchShape, m, n, k, a, b, c, alpha, beta);
        } finally {
            // The storages stay reachable until every call on them is queued (see CudaBackend.Operands).
            java.lang.ref.Reference.reachabilityFence(new Object[] {a, b, c});
        }
    }

    private static void run(CudaDevice gpu, DType dt, long[] batchShape, long m, long n, long k, Mat a, Mat b, Mat c,
                            double alpha, double beta) {
        long batch = 1;
        for (long s : batchShape) {
            batch *= s;
        }
        if (m == 0 || n == 0 || batch == 0) {
            return;
        }
        if (dt == DType.INT64 || dt == DType.INT32) {
            integerGemm(gpu, dt, batchShape, m, n, k, a, b, c, alpha, beta);
            return;
        }
        if (dt != DType.FLOAT32 && dt != DType.FLOAT64) {
            throw new TensorException("gemm on cuda is implemented for float32, float64, int64 and int32, got " + dt);
        }
        if (k == 0) {
            scaleOutput(gpu, dt, batchShape, m, n, c, beta);
            return;
        }
        GemmMapping.Plan plan = GemmMapping.plan(m, n, k, a.rowStride(), a.colStride(), b.rowStride(), b.colStride(),
                c.rowStride(), c.colStride());
        Mat cc = plan.copyC() ? contiguousCopy(gpu, dt, batchShape, m, n, c, beta != 0) : c;
        Mat aa = a;
        Mat bb = b;
        long mm = m;
        long nn = n;
        if (plan.swapped()) {
            // A column-major C is the row-major Cᵀ = Bᵀ·Aᵀ: swap the operands and read them transposed.
            aa = transpose(b);
            bb = transpose(a);
            cc = transpose(cc);
            mm = n;
            nn = m;
        }
        Mat ra = plan.copyA() ? contiguousCopy(gpu, dt, batchShape, mm, k, aa, true) : aa;
        Mat rb = plan.copyB() ? contiguousCopy(gpu, dt, batchShape, k, nn, bb, true) : bb;
        try {
            GemmMapping.Batches batches = GemmMapping.coalesceBatches(batchShape, ra.batchStrides(), rb.batchStrides(),
                    cc.batchStrides());
            blasBatches(gpu, dt, plan.call(), batches, ra, rb, cc, alpha, beta);
            if (plan.copyC()) {
                copyMatrices(gpu, dt, batchShape, m, n, cc, c);
            }
        } finally {
            // Temporaries go back to the cache; work queued later on the stream runs after these products.
            if (ra != aa) {
                ra.storage().close();
            }
            if (rb != bb) {
                rb.storage().close();
            }
            if (plan.copyC()) {
                cc.storage().close();
            }
        }
    }

    private static Mat transpose(Mat x) {
        return new Mat(x.storage(), x.offset(), x.colStride(), x.rowStride(), x.batchStrides());
    }

    /** One cuBLAS call per coordinate of the outer batch dims, each strided-batched over the innermost. */
    private static void blasBatches(CudaDevice gpu, DType dt, GemmMapping.Call call, GemmMapping.Batches batches,
                                    Mat a, Mat b, Mat c, double alpha, double beta) {
        int nb = batches.sizes().length;
        int inner = nb == 0 ? 1 : (int) batches.sizes()[nb - 1];
        long sa = nb == 0 ? 0 : batches.a()[nb - 1];
        long sb = nb == 0 ? 0 : batches.b()[nb - 1];
        long sc = nb == 0 ? 0 : batches.c()[nb - 1];
        long[] counter = new long[Math.max(0, nb - 1)];
        long outer = nb == 0 ? 1 : batches.count() / inner;
        long item = dt.itemSize();
        gpu.makeCurrent();
        // TF32 only when the user allowed it (torch.backends.cuda.matmul.allow_tf32); it affects float32 only.
        cublasContext h = gpu.blas(Cuda.allowTf32());
        synchronized (h) {
            try (FloatPointer fa = new FloatPointer(1).put((float) alpha);
                 FloatPointer fb = new FloatPointer(1).put((float) beta);
                 DoublePointer da = new DoublePointer(1).put(alpha);
                 DoublePointer db = new DoublePointer(1).put(beta)) {
                for (long o = 0; o < outer; o++) {
                    long offA = a.offset();
                    long offB = b.offset();
                    long offC = c.offset();
                    for (int d = 0; d < counter.length; d++) {
                        offA += counter[d] * batches.a()[d];
                        offB += counter[d] * batches.b()[d];
                        offC += counter[d] * batches.c()[d];
                    }
                    // X is B's buffer, Y is A's (see GemmMapping).
                    long x = b.storage().address() + offB * item;
                    long y = a.storage().address() + offA * item;
                    long z = c.storage().address() + offC * item;
                    int opX = call.transX() ? CUBLAS_OP_T : CUBLAS_OP_N;
                    int opY = call.transY() ? CUBLAS_OP_T : CUBLAS_OP_N;
                    if (dt == DType.FLOAT32) {
                        FloatPointer px = new FloatPointer(new DevPtr(x));
                        FloatPointer py = new FloatPointer(new DevPtr(y));
                        FloatPointer pz = new FloatPointer(new DevPtr(z));
                        if (inner == 1) {
                            checkBlas(cublasSgemm_v2(h, opX, opY, call.m(), call.n(), call.k(), fa, px, call.ldx(),
                                    py, call.ldy(), fb, pz, call.ldc()), "cublasSgemm");
                        } else {
                            checkBlas(cublasSgemmStridedBatched(h, opX, opY, call.m(), call.n(), call.k(), fa, px,
                                    call.ldx(), sb, py, call.ldy(), sa, fb, pz, call.ldc(), sc, inner),
                                    "cublasSgemmStridedBatched");
                        }
                    } else {
                        DoublePointer px = new DoublePointer(new DevPtr(x));
                        DoublePointer py = new DoublePointer(new DevPtr(y));
                        DoublePointer pz = new DoublePointer(new DevPtr(z));
                        if (inner == 1) {
                            checkBlas(cublasDgemm_v2(h, opX, opY, call.m(), call.n(), call.k(), da, px, call.ldx(),
                                    py, call.ldy(), db, pz, call.ldc()), "cublasDgemm");
                        } else {
                            checkBlas(cublasDgemmStridedBatched(h, opX, opY, call.m(), call.n(), call.k(), da, px,
                                    call.ldx(), sb, py, call.ldy(), sa, db, pz, call.ldc(), sc, inner),
                                    "cublasDgemmStridedBatched");
                        }
                    }
                    for (int d = counter.length - 1; d >= 0 && ++counter[d] == batches.sizes()[d]; d--) {
                        counter[d] = 0;
                    }
                }
            }
        }
    }

    /** The integer kernel: one thread per output element over (batch..., m, n). */
    private static void integerGemm(CudaDevice gpu, DType dt, long[] batchShape, long m, long n, long k, Mat a, Mat b,
                                    Mat c, double alpha, double beta) {
        int nb = batchShape.length;
        long[] shape = new long[nb + 2];
        long[][] strides = new long[3][nb + 2];
        for (int d = 0; d < nb; d++) {
            shape[d] = batchShape[d];
            strides[0][d] = c.batchStrides()[d];
            strides[1][d] = a.batchStrides()[d];
            strides[2][d] = b.batchStrides()[d];
        }
        shape[nb] = m;
        shape[nb + 1] = n;
        strides[0][nb] = c.rowStride();
        strides[0][nb + 1] = c.colStride();
        strides[1][nb] = a.rowStride();
        strides[2][nb + 1] = b.colStride();
        List<int[]> launches = IterParams.packRowMajor(shape, strides, new long[] {c.offset(), a.offset(), b.offset()});
        String kernel = KernelNames.of("gemm", dt);
        for (int[] p : launches) {
            gpu.launch(kernel, p[1], KernelArgs.begin().ints(p).ptr(c.storage().address()).ptr(a.storage().address())
                    .ptr(b.storage().address()).i32(Math.toIntExact(k)).i32(Math.toIntExact(a.colStride()))
                    .i32(Math.toIntExact(b.rowStride())).i64((long) alpha).i64((long) beta));
        }
    }

    /** {@code C = beta · C} (a product with k == 0). */
    private static void scaleOutput(CudaDevice gpu, DType dt, long[] batchShape, long m, long n, Mat c, double beta) {
        List<int[]> launches = IterParams.packRowMajor(matrixShape(batchShape, m, n),
                new long[][] {matrixStrides(c)}, new long[] {c.offset()});
        for (int[] p : launches) {
            if (beta == 0) {
                gpu.launch(KernelNames.of("fill", dt), p[1], KernelArgs.begin().ints(p).ptr(c.storage().address())
                        .f64(0).i64(0));
            } else {
                gpu.launch(KernelNames.of("scale", dt), p[1], KernelArgs.begin().ints(p).ptr(c.storage().address())
                        .f64(beta));
            }
        }
    }

    /** A contiguous {@code [batch..., rows, cols]} copy of {@code x} (its content copied when {@code fill}). */
    private static Mat contiguousCopy(CudaDevice gpu, DType dt, long[] batchShape, long rows, long cols, Mat x,
                                      boolean fill) {
        long[] shape = matrixShape(batchShape, rows, cols);
        long numel = 1;
        for (long s : shape) {
            numel *= s;
        }
        CudaStorage s = gpu.allocate(dt, numel, false);
        long[] strides = new long[shape.length];
        long st = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = st;
            st *= shape[d];
        }
        long[] bs = java.util.Arrays.copyOf(strides, batchShape.length);
        Mat tmp = new Mat(s, 0, cols, 1, bs);
        if (fill) {
            copyMatrices(gpu, dt, batchShape, rows, cols, x, tmp);
        }
        return tmp;
    }

    /** Copies every matrix of {@code from} into {@code to} (same dtype and sizes). */
    private static void copyMatrices(CudaDevice gpu, DType dt, long[] batchShape, long rows, long cols, Mat from, Mat to) {
        List<int[]> launches = IterParams.packRowMajor(matrixShape(batchShape, rows, cols),
                new long[][] {matrixStrides(to), matrixStrides(from)}, new long[] {to.offset(), from.offset()});
        for (int[] p : launches) {
            gpu.launch(KernelNames.copy(dt, dt), p[1], KernelArgs.begin().ints(p).ptr(to.storage().address())
                    .ptr(from.storage().address()));
        }
    }

    private static long[] matrixShape(long[] batchShape, long rows, long cols) {
        long[] shape = java.util.Arrays.copyOf(batchShape, batchShape.length + 2);
        shape[batchShape.length] = rows;
        shape[batchShape.length + 1] = cols;
        return shape;
    }

    private static long[] matrixStrides(Mat x) {
        long[] bs = x.batchStrides();
        long[] st = java.util.Arrays.copyOf(bs, bs.length + 2);
        st[bs.length] = x.rowStride();
        st[bs.length + 1] = x.colStride();
        return st;
    }
}
