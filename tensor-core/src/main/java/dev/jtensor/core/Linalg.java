package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.GemmSpec;
import dev.jtensor.core.spi.Primitive;
import dev.jtensor.core.spi.TensorIterator;
import java.util.Arrays;

/**
 * Matrix products with PyTorch's rank rules ({@code torch.matmul}, {@code mm}, {@code bmm},
 * {@code dot}, {@code mv}, {@code outer}).
 *
 * <p>Every product is reduced to one differentiable primitive, {@link Primitive#MATMUL}: a batched
 * product of two tensors of at least 2 dims whose batch dims broadcast, computed by the backend's
 * {@code gemm} directly on the operands' strides (transposed and broadcast operands are not
 * copied). A 1-D operand becomes a 1-row or 1-column matrix by {@code unsqueeze} and the added dim
 * is squeezed from the result, so the autograd tape sees views around one primitive.
 *
 * <p>Arguments are checked here, before any kernel runs, with PyTorch's messages followed by the
 * shapes involved. Unlike elementwise ops, the products do not promote dtypes (PyTorch does not
 * either): both operands must have the same dtype. {@code outer} is the exception, as in PyTorch,
 * where it is an elementwise product.
 */
final class Linalg {
    private Linalg() {}

    /** {@code torch.matmul(a, b, out=out)}; {@code out} may be null. */
    static Tensor matmul(Tensor a, Tensor b, Tensor out) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new TensorException("both arguments to matmul need to be at least 1D, but they are "
                    + da + "D and " + db + "D");
        }
        checkOperands("matmul", a, b);
        long ka = a.size(-1);
        long kb = db == 1 ? b.size(0) : b.size(-2);
        if (da == 1 && db == 1) {
            checkDotSizes(a, b);
        } else if (db == 1) {
            if (ka != kb) {
                long rows = a.numel() / Math.max(ka, 1);
                throw new TensorException("size mismatch, got input (" + rows + "), mat (" + rows + "x" + ka
                        + "), vec (" + kb + ")" + shapes("matmul", a, b));
            }
        } else if (db == 2) {
            if (ka != kb) {
                long rows = da == 1 ? 1 : rowsOf(a);
                throw new TensorException("mat1 and mat2 shapes cannot be multiplied (" + rows + "x" + ka
                        + " and " + kb + "x" + b.size(1) + ")" + shapes("matmul", a, b));
            }
        }
        Tensor a2 = da == 1 ? a.unsqueeze(0) : a;
        Tensor b2 = db == 1 ? b.unsqueeze(1) : b;
        long[] batch = batchShape("matmul", a2, b2, a, b);
        if (ka != kb) {
            // Only batched products get here (db >= 3): PyTorch reports them from bmm.
            long count = Shapes.numel(batch);
            throw new TensorException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + count + ", " + ka + "] but got: [" + count + ", " + kb + "]." + shapes("matmul", a, b));
        }
        long[] resultShape = resultShape(batch, a2, b2);
        if (da == 1) {
            resultShape = remove(resultShape, resultShape.length - 2);
        }
        if (db == 1) {
            resultShape = remove(resultShape, resultShape.length - 1);
        }
        if (out == null) {
            Tensor r = product(a2, b2, batch);
            if (da == 1) {
                r = r.squeeze(-2);
            }
            if (db == 1) {
                r = r.squeeze(-1);
            }
            return r;
        }
        checkOut(out, resultShape, a, b);
        Tensor o2 = out;
        if (db == 1) {
            o2 = o2.unsqueeze(-1);
        }
        if (da == 1) {
            o2 = o2.unsqueeze(-2);
        }
        writeInto(o2, a2, b2, batch);
        return out;
    }

    /** {@code torch.mm}: 2-D by 2-D. */
    static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw new TensorException("self must be a matrix, got a " + a.dim() + "-D tensor of shape "
                    + Arrays.toString(a.shape()));
        }
        if (b.dim() != 2) {
            throw new TensorException("mat2 must be a matrix, got a " + b.dim() + "-D tensor of shape "
                    + Arrays.toString(b.shape()));
        }
        checkOperands("mm", a, b);
        if (a.size(1) != b.size(0)) {
            throw new TensorException("mat1 and mat2 shapes cannot be multiplied (" + a.size(0) + "x" + a.size(1)
                    + " and " + b.size(0) + "x" + b.size(1) + ")");
        }
        return product(a, b, new long[0]);
    }

    /** {@code torch.bmm}: 3-D by 3-D with equal batch sizes (no broadcasting). */
    static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) {
            throw new TensorException("batch1 must be a 3D tensor, got shape " + Arrays.toString(a.shape()));
        }
        if (b.dim() != 3) {
            throw new TensorException("batch2 must be a 3D tensor, got shape " + Arrays.toString(b.shape()));
        }
        checkOperands("bmm", a, b);
        if (b.size(0) != a.size(0) || b.size(1) != a.size(2)) {
            throw new TensorException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.size(0) + ", " + a.size(2) + "] but got: [" + b.size(0) + ", " + b.size(1) + "]."
                    + shapes("bmm", a, b));
        }
        return product(a, b, new long[] {a.size(0)});
    }

    /** {@code torch.dot}: the inner product of two 1-D tensors, a 0-d result. */
    static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new TensorException("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors"
                    + shapes("dot", a, b));
        }
        if (a.dtype() != b.dtype()) {
            throw new TensorException("dot : expected both vectors to have same dtype, but found "
                    + a.dtype() + " and " + b.dtype());
        }
        checkOperands("dot", a, b);
        checkDotSizes(a, b);
        return product(a.unsqueeze(0), b.unsqueeze(1), new long[0]).squeeze(-1).squeeze(-1);
    }

    /** {@code torch.mv}: 2-D matrix times 1-D vector. */
    static Tensor mv(Tensor a, Tensor v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw new TensorException("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim()
                    + shapes("mv", a, v));
        }
        checkOperands("mv", a, v);
        if (a.size(1) != v.size(0)) {
            throw new TensorException("size mismatch, got input (" + a.size(0) + "), mat (" + a.size(0) + "x"
                    + a.size(1) + "), vec (" + v.size(0) + ")");
        }
        return product(a, v.unsqueeze(1), new long[0]).squeeze(-1);
    }

    /**
     * {@code torch.outer}: {@code out[i, j] = a[i] * b[j]}, with the dtypes promoted as for an
     * elementwise product (an exact single product per element, computed as a depth-1 matrix product).
     */
    static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1) {
            throw new TensorException("outer: Expected 1-D argument self, but got " + a.dim() + "-D (shape "
                    + Arrays.toString(a.shape()) + ")");
        }
        if (b.dim() != 1) {
            throw new TensorException("outer: Expected 1-D argument vec2, but got " + b.dim() + "-D (shape "
                    + Arrays.toString(b.shape()) + ")");
        }
        a.checkSameDevice(b, "outer");
        DType dt = DType.promote(a.dtype(), b.dtype());
        if (dt == DType.BOOL) {
            // A bool product is a logical and: 0/1 products of int32 cast back.
            return outer(a.to(DType.INT32), b.to(DType.INT32)).to(DType.BOOL);
        }
        return product(a.to(dt).unsqueeze(1), b.to(dt).unsqueeze(0), new long[0]);
    }

    // ------------------------------------------------------------------ checks

    private static void checkOperands(String op, Tensor a, Tensor b) {
        a.checkSameDevice(b, op);
        if (a.dtype() != b.dtype()) {
            throw new TensorException("expected m1 and m2 to have the same dtype, but got: " + a.dtype() + " != "
                    + b.dtype() + shapes(op, a, b));
        }
        if (a.dtype() == DType.BOOL) {
            throw new TensorException(op + " is not implemented for bool tensors (PyTorch: \"addmm_impl_cpu_\" "
                    + "not implemented for 'Bool')" + shapes(op, a, b));
        }
    }

    private static void checkDotSizes(Tensor a, Tensor b) {
        if (a.size(0) != b.size(0)) {
            throw new TensorException("inconsistent tensor size, expected tensor [" + a.size(0) + "] and src ["
                    + b.size(0) + "] to have the same number of elements, but got " + a.size(0) + " and "
                    + b.size(0) + " elements respectively");
        }
    }

    private static void checkOut(Tensor out, long[] resultShape, Tensor a, Tensor b) {
        out.checkSameDevice(a, "matmul");
        if (out.dtype() != a.dtype()) {
            throw new TensorException("Expected out tensor to have dtype " + a.dtype() + ", but got " + out.dtype()
                    + " instead");
        }
        if (!Arrays.equals(out.shape(), resultShape)) {
            throw new TensorException("matmul: out has shape " + Arrays.toString(out.shape()) + " but the result of "
                    + Arrays.toString(a.shape()) + " @ " + Arrays.toString(b.shape()) + " has shape "
                    + Arrays.toString(resultShape));
        }
        if (Autograd.isGradEnabled() && (a.requiresGrad() || b.requiresGrad() || out.requiresGrad())) {
            throw new TensorException("matmul(): functions with out=... arguments don't support automatic "
                    + "differentiation, but one of the arguments requires grad.");
        }
        TensorIterator.checkNoInternalOverlap(out);
    }

    private static String shapes(String op, Tensor a, Tensor b) {
        return " (" + op + " of shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + ")";
    }

    private static long rowsOf(Tensor a) {
        long rows = 1;
        for (int d = 0; d < a.dim() - 1; d++) {
            rows *= a.size(d);
        }
        return rows;
    }

    /** The broadcast batch shape of two tensors of at least 2 dims; errors name the caller's shapes. */
    private static long[] batchShape(String op, Tensor a2, Tensor b2, Tensor a, Tensor b) {
        long[] sa = Arrays.copyOf(a2.shape(), a2.dim() - 2);
        long[] sb = Arrays.copyOf(b2.shape(), b2.dim() - 2);
        int n = Math.max(sa.length, sb.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int ia = sa.length - n + i;
            int ib = sb.length - n + i;
            long x = ia >= 0 ? sa[ia] : 1;
            long y = ib >= 0 ? sb[ib] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new TensorException("The size of tensor a (" + x + ") must match the size of tensor b (" + y
                        + ") at non-singleton dimension " + i + shapes(op, a, b) + ": batch dims "
                        + Arrays.toString(sa) + " and " + Arrays.toString(sb) + " do not broadcast");
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    private static long[] resultShape(long[] batch, Tensor a2, Tensor b2) {
        long[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = a2.size(-2);
        s[batch.length + 1] = b2.size(-1);
        return s;
    }

    private static long[] remove(long[] a, int i) {
        long[] r = new long[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    // ------------------------------------------------------------------ the primitive

    /**
     * The batched product of {@code a2} ({@code [..., n, k]}) and {@code b2} ({@code [..., k, m]})
     * whose batch dims broadcast to {@code batch}, into a new contiguous tensor, recorded as
     * {@link Primitive#MATMUL}. Shapes and dtypes are already checked.
     */
    private static Tensor product(Tensor a2, Tensor b2, long[] batch) {
        Tensor a = a2;
        Tensor b = b2;
        // A negative-stride layout (only constructible by hand) is copied; gemm takes strides >= 0.
        if (hasNegativeStride(a)) {
            a = a.contiguous();
        }
        if (hasNegativeStride(b)) {
            b = b.contiguous();
        }
        // The first slice's product has beta = 0: it writes every element of out.
        Tensor out = Tensor.emptyUninitialized(resultShape(batch, a, b), a.dtype(), a.device());
        gemm(a, b, out, batch);
        return Autograd.record(Primitive.MATMUL, out, new Tensor[] {a, b});
    }

    /** Computes the product into {@code o2} (matmul's {@code out=}), through a temporary when it overlaps an input. */
    private static void writeInto(Tensor o2, Tensor a2, Tensor b2, long[] batch) {
        Tensor a = hasNegativeStride(a2) ? a2.contiguous() : a2;
        Tensor b = hasNegativeStride(b2) ? b2.contiguous() : b2;
        if (o2.sharesStorage(a) || o2.sharesStorage(b) || hasNegativeStride(o2)) {
            Tensor tmp = Tensor.emptyUninitialized(o2.shape(), o2.dtype(), o2.device());
            gemm(a, b, tmp, batch);
            o2.copy_(tmp);
            return;
        }
        gemm(a, b, o2, batch);
        o2.storage().bumpVersion();
    }

    private static boolean hasNegativeStride(Tensor t) {
        for (long s : t.stride()) {
            if (s < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest inner dimension handed to one gemm call. The output fits a storage, so only the
     * inner dimension {@code k} can exceed an int, and only for views (an {@code expand}ed operand).
     */
    static final long MAX_GEMM_K = 1L << 30;

    /**
     * Hands {@code out = a @ b} (batch dims of {@code a} and {@code b} broadcast to {@code batch}) to
     * the backend; an inner dimension longer than {@link #MAX_GEMM_K} is cut into slices whose
     * products are accumulated into {@code out} ({@code beta = 1} after the first).
     */
    private static void gemm(Tensor a, Tensor b, Tensor out, long[] batch) {
        long k = a.size(-1);
        long step = Math.min(Math.max(k, 1), MAX_GEMM_K);
        for (long start = 0; start < Math.max(k, 1); start += step) {
            long len = Math.min(step, k - start);
            Tensor as = k > MAX_GEMM_K ? a.detach().narrow(-1, start, len) : a;
            Tensor bs = k > MAX_GEMM_K ? b.detach().narrow(-2, start, len) : b;
            GemmSpec spec = new GemmSpec(a.dtype(), batch, a.size(-2), b.size(-1), len,
                    operand(as, batch.length), operand(bs, batch.length), operand(out, batch.length), 1.0,
                    start == 0 ? 0.0 : 1.0);
            out.backend().gemm(spec);
        }
    }

    /** The gemm operand of a tensor of at least 2 dims, its batch dims aligned right to {@code nb} dims (stride 0 where broadcast). */
    private static GemmSpec.Operand operand(Tensor t, int nb) {
        int own = t.dim() - 2;
        long[] bs = new long[nb];
        for (int i = 0; i < own; i++) {
            bs[nb - own + i] = t.size(i) == 1 ? 0 : t.stride(i);
        }
        return new GemmSpec.Operand(t.storage(), t.storageOffset(), t.stride(-2), t.stride(-1), bs);
    }
}
