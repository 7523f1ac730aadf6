package dev.jtensor.core;

import dev.jtensor.core.cpu.CpuStorage;
import dev.jtensor.core.random.GeneratorState;
import dev.jtensor.core.random.IntegerKernels;
import dev.jtensor.core.random.NormalKernels;
import dev.jtensor.core.random.UniformKernels;
import dev.jtensor.core.spi.Storage;
import dev.jtensor.core.spi.TensorIterator;
import java.util.Arrays;

/**
 * The device-neutral side of the random functions of {@link Tensor}: argument checks (before any
 * draw, so a rejected call leaves the generator untouched), the choice of PyTorch's algorithm, and
 * where the values go. Random numbers are always produced on the CPU, sequentially, in PyTorch's
 * element order: increasing storage offset, i.e. the order in which the {@link TensorIterator}
 * visits the output. A dense CPU output is filled in place; any other output (gapped views, other
 * devices) receives a CPU buffer through one copy.
 */
final class RandomOps {
    private RandomOps() {}

    /** Writes {@code n} values in element order into {@code array[off..off+n)}. */
    @FunctionalInterface
    private interface Fill {
        void fill(Object array, int off, int n);
    }

    static Generator resolve(Generator g) {
        return g != null ? g : Generator.defaultGenerator();
    }

    // ------------------------------------------------------------------ in-place ops

    /** {@code t.uniform_(from, to)}. */
    static Tensor uniform_(Tensor t, double from, double to, Generator generator) {
        checkWritable(t, "uniform_");
        DType dt = t.dtype();
        if (!dt.isFloatingPoint()) {
            throw new TensorException("uniform_ is only implemented for floating-point tensors, got " + dt
                    + " (PyTorch: \"check_uniform_bounds\" not implemented)");
        }
        double max = dt == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        checkBound(from, "from", max, dt);
        checkBound(to, "to", max, dt);
        if (!(from <= to)) {
            throw new TensorException("uniform_ expects to return a [from, to) range, but found from=" + from + " > to=" + to);
        }
        if (!(to - from <= max)) {
            throw new TensorException("uniform_ expects to-from <= std::numeric_limits<" + dt + ">::max(), but found to="
                    + to + " and from=" + from + " which result in to-from to exceed the limit");
        }
        if (t.numel() == 0) {
            return t;
        }
        Generator g = resolve(generator);
        synchronized (g) {
            boolean clamp = g.torchVersion() == TorchVersion.V2;
            GeneratorState s = g.state();
            if (dt == DType.FLOAT32) {
                float f = (float) from;
                float e = (float) to;
                write(t, (a, off, n) -> UniformKernels.fillFloat(s.engine, (float[]) a, off, n, f, e, clamp));
            } else {
                write(t, (a, off, n) -> UniformKernels.fillDouble(s.engine, (double[]) a, off, n, from, to, clamp));
            }
        }
        return t;
    }

    private static void checkBound(double v, String name, double max, DType dt) {
        if (!(v >= -max && v <= max)) {
            throw new TensorException("uniform_: " + name + "=" + v + " is out of bounds for " + dt);
        }
    }

    /** {@code t.normal_(mean, std)}. */
    static Tensor normal_(Tensor t, double mean, double std, Generator generator) {
        checkWritable(t, "normal_");
        DType dt = t.dtype();
        if (!(std >= 0.0)) {
            throw new TensorException("normal expects std >= 0.0, but found std " + std);
        }
        if (!dt.isFloatingPoint()) {
            throw new TensorException("normal_ is only implemented for floating-point tensors, got " + dt
                    + " (PyTorch: \"normal_kernel_cpu\" not implemented)");
        }
        long numel = t.numel();
        if (numel == 0) {
            return t;
        }
        // PyTorch's dispatch: the vectorised block path needs a contiguous tensor of >= 16 elements.
        boolean block = numel >= 16 && t.isContiguous();
        Generator g = resolve(generator);
        synchronized (g) {
            boolean log1p = g.torchVersion() == TorchVersion.V2;
            GeneratorState s = g.state();
            if (dt == DType.FLOAT32) {
                if (block) {
                    float m = (float) mean;
                    float sd = (float) std;
                    write(t, (a, off, n) -> NormalKernels.fillFloatBlock(s.engine, (float[]) a, off, n, m, sd));
                } else {
                    write(t, (a, off, n) -> NormalKernels.fillFloatScalar(s, (float[]) a, off, n, mean, std, log1p));
                }
            } else if (block) {
                write(t, (a, off, n) -> NormalKernels.fillDoubleBlock(s.engine, (double[]) a, off, n, mean, std));
            } else {
                write(t, (a, off, n) -> NormalKernels.fillDoubleScalar(s, (double[]) a, off, n, mean, std, log1p));
            }
        }
        return t;
    }

    /** {@code t.random_(from, to)}: integers in {@code [from, to)} stored in t's dtype. */
    static Tensor random_(Tensor t, long from, long to, Generator generator) {
        checkWritable(t, "random_");
        if (from >= to) {
            throw new TensorException("random_ expects 'from' to be less than 'to', but got from=" + from + " >= to=" + to);
        }
        DType dt = t.dtype();
        long lo = from;
        long hi = to;
        if (dt.isFloatingPoint()) {
            // Keep [from, to) valid after the cast to a float type, as PyTorch does.
            int digits = dt == DType.FLOAT32 ? 24 : 53;
            lo = IntegerKernels.updateFrom(from, digits);
            hi = IntegerKernels.updateTo(to, digits);
            if (lo >= hi) {
                throw new TensorException("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from="
                        + lo + " >= to=" + hi + " (for " + dt + ", from " + from + " and to " + to + ")");
            }
        }
        checkInRange(lo, "from", dt);
        checkInRange(hi - 1, "to - 1", dt);
        if (t.numel() == 0) {
            return t;
        }
        long base = lo;
        long range = hi - lo;
        Generator g = resolve(generator);
        synchronized (g) {
            boolean use64 = IntegerKernels.use64(range, dt, g.torchVersion());
            GeneratorState s = g.state();
            write(t, (a, off, n) -> IntegerKernels.fromTo(s.engine, a, off, n, range, base, use64));
        }
        return t;
    }

    private static void checkInRange(long v, String name, DType dt) {
        long min;
        long max;
        switch (dt) {
            case INT32 -> {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
            case BOOL -> {
                min = 0;
                max = 1;
            }
            default -> {
                return;
            }
        }
        if (v < min || v > max) {
            throw new TensorException(name + " is out of bounds for " + dt + ": " + v + " is not in [" + min + ", " + max + "]");
        }
    }

    /** {@code t.random_()}: integers over the dtype's natural range (see {@link IntegerKernels#full}). */
    static Tensor random_(Tensor t, Generator generator) {
        checkWritable(t, "random_");
        if (t.numel() == 0) {
            return t;
        }
        Generator g = resolve(generator);
        synchronized (g) {
            GeneratorState s = g.state();
            write(t, (a, off, n) -> IntegerKernels.full(s.engine, a, off, n));
        }
        return t;
    }

    // ------------------------------------------------------------------ factories

    /** {@code torch.randperm(n, dtype=dtype)}. */
    static Tensor randperm(long n, DType dtype, Generator generator) {
        refuseSmall(dtype, "randperm");
        if (n < 0) {
            throw new TensorException("randperm: n must be non-negative, got " + n);
        }
        switch (dtype) {
            case BOOL -> throw new TensorException("randperm is not implemented for bool (n=" + n + ")");
            case INT32 -> {
                if (n - 1 > Integer.MAX_VALUE) {
                    throw new TensorException("n is too large for result tensor type int32: n=" + n);
                }
            }
            case FLOAT32 -> {
                if (n > (1L << 24) + 1) {
                    throw new TensorException("n cannot be greater than 2^24+1 for Float type, got n=" + n);
                }
            }
            case FLOAT64, INT64 -> { }
        }
        if (n > CpuStorage.MAX_ELEMENTS) {
            throw new TensorException("randperm: n=" + n + " exceeds the largest CPU storage (" + CpuStorage.MAX_ELEMENTS
                    + " elements)");
        }
        long[] r = new long[(int) n];
        Generator g = resolve(generator);
        synchronized (g) {
            GeneratorState s = g.state();
            if (g.torchVersion() == TorchVersion.V2 && n >= IntegerKernels.RANDPERM_LARGE) {
                IntegerKernels.permutationInsideOut(s.engine, r);
            } else {
                IntegerKernels.permutationSwap(s.engine, r);
            }
        }
        Tensor t = new Tensor(CpuStorage.wrap(r), new long[] {n}, new long[] {1}, 0);
        return t.to(dtype);
    }

    /**
     * An uninitialised tensor like {@code x} (PyTorch's {@code empty_like} with the preserve format):
     * x's strides when x is dense, else dense strides in x's dimension order.
     */
    static Tensor emptyLike(Tensor x, DType dtype) {
        long[] strides = isDense(x) ? x.stride() : elementOrderStrides(x);
        Storage s = x.device().backend().allocate(dtype, x.numel());
        return new Tensor(s, x.shape(), strides, 0);
    }

    // ------------------------------------------------------------------ where the values go

    private static void checkWritable(Tensor t, String op) {
        refuseSmall(t.dtype(), op);
        t.checkInPlaceAllowed(op);
        TensorIterator.checkNoInternalOverlap(t);
    }

    /**
     * The random fills reproduce PyTorch's streams for float32, float64, int32 and int64 only: a small dtype
     * (PyTorch draws those with their own conversions) is refused by name rather than filled differently.
     */
    private static void refuseSmall(DType dt, String op) {
        if (dt.isReduced()) {
            throw new TensorException(op + " of a " + dt + " tensor is not supported: JTensor draws PyTorch's random "
                    + "streams for float32, float64, int32, int64 and bool; draw one of those and cast with to()");
        }
    }

    /** Fills {@code out} with {@code numel} values in element order. */
    private static void write(Tensor out, Fill f) {
        int n = (int) out.numel();
        if (out.device().equals(Device.CPU) && isDense(out)) {
            // The elements occupy storage[offset, offset + n) and are visited in storage order.
            f.fill(((CpuStorage) out.storage()).array(), (int) out.storageOffset(), n);
        } else {
            CpuStorage buf = CpuStorage.allocate(out.dtype(), n);
            f.fill(buf.array(), 0, n);
            // A source laid out densely in the output's element order: the copy reads it sequentially.
            Tensor src = new Tensor(buf, out.shape(), elementOrderStrides(out), 0);
            if (!out.device().equals(Device.CPU)) {
                src = src.to(out.device());
            }
            out.backend().copy(TensorIterator.of(out, src));
        }
        out.storage().bumpVersion();
    }

    /** The dims of {@code t} innermost first, in the order the {@link TensorIterator} visits them. */
    private static Integer[] innermostFirst(Tensor t) {
        int nd = t.dim();
        long[] key = new long[nd];
        Integer[] order = new Integer[nd];
        for (int d = 0; d < nd; d++) {
            key[d] = t.size(d) == 1 ? 0 : t.stride(d);
            order[d] = nd - 1 - d;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Long.compare(key[x], key[y]);
            return c != 0 ? c : Integer.compare(y, x);
        });
        return order;
    }

    /** Whether t's elements fill exactly {@code numel} consecutive storage slots (positive strides, no gaps). */
    static boolean isDense(Tensor t) {
        if (t.numel() == 0) {
            return true;
        }
        long expected = 1;
        for (int d : innermostFirst(t)) {
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

    /** Dense strides for t's shape that follow t's element order (PyTorch's {@code infer_dense_strides}). */
    private static long[] elementOrderStrides(Tensor t) {
        long[] st = new long[t.dim()];
        long acc = 1;
        for (int d : innermostFirst(t)) {
            st[d] = acc;
            acc *= Math.max(t.size(d), 1);
        }
        return st;
    }
}
