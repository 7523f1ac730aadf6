package dev.jtensor.core;

import dev.jtensor.core.spi.Autograd;
import dev.jtensor.core.spi.Backends;
import dev.jtensor.core.spi.Primitive;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Creation ops that need more than a line: data conversion, ranges, cat and repeat. */
final class Creation {
    private Creation() {}

    /** PyTorch's dtype inference over nested Java arrays, lists and boxed scalars. */
    static Tensor fromData(Object data, DType dtype) {
        if (data instanceof Tensor t) {
            return dtype == null ? t.detach().clone() : t.detach().to(dtype).clone();
        }
        List<Long> shape = new ArrayList<>();
        inferShape(data, shape, 0);
        long[] s = Shapes.checkShape(shape.stream().mapToLong(Long::longValue).toArray());
        int n = (int) Shapes.numel(s);
        DType.Category[] cat = {null};
        // Flatten into the widest holder: doubles for floats, longs for integers, booleans for bool.
        double[] dv = new double[n];
        long[] lv = new long[n];
        boolean[] bv = new boolean[n];
        int[] pos = {0};
        flatten(data, s, 0, dv, lv, bv, pos, cat);
        DType inferred = cat[0] == null ? DType.FLOAT32 : DType.defaultOf(cat[0]);
        DType target = dtype == null ? inferred : dtype;
        // The small dtypes are filled through their exact holder (float64 or int64) and cast once, as PyTorch's
        // c10::convert does (a double reaches float16 and bfloat16 through float); ranges are checked against target.
        DType holder = !target.isReduced() ? target : target.isFloatingPoint() ? DType.FLOAT64 : DType.INT64;
        Object array = switch (holder) {
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = cat[0] == DType.Category.FLOATING ? (float) dv[i] : cat[0] == DType.Category.BOOL ? (bv[i] ? 1 : 0) : (float) lv[i];
                }
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = cat[0] == DType.Category.FLOATING ? dv[i] : cat[0] == DType.Category.BOOL ? (bv[i] ? 1 : 0) : (double) lv[i];
                }
                yield a;
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    if (cat[0] == DType.Category.FLOATING) {
                        checkFits(dv[i], i, target);
                    } else if (cat[0] == DType.Category.INTEGER && target != DType.INT64) {
                        checkFits(lv[i], i, target);
                    }
                    a[i] = cat[0] == DType.Category.FLOATING ? (long) dv[i] : cat[0] == DType.Category.BOOL ? (bv[i] ? 1 : 0) : lv[i];
                }
                yield a;
            }
            case INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    if (cat[0] == DType.Category.FLOATING) {
                        checkFits(dv[i], i, target);
                    } else if (cat[0] != DType.Category.BOOL) {
                        checkFits(lv[i], i, target);
                    }
                    a[i] = (int) (cat[0] == DType.Category.FLOATING ? (long) dv[i] : cat[0] == DType.Category.BOOL ? (bv[i] ? 1 : 0) : lv[i]);
                }
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = cat[0] == DType.Category.FLOATING ? dv[i] != 0 : cat[0] == DType.Category.BOOL ? bv[i] : lv[i] != 0;
                }
                yield a;
            }
            default -> throw new IllegalStateException("holder " + holder);
        };
        Tensor t = new Tensor(dev.jtensor.core.cpu.CpuStorage.wrap(array), s, Shapes.contiguousStrides(s), 0);
        return holder == target ? t : t.to(target);
    }

    /** PyTorch's checked conversion of data into an integer dtype, naming the element. */
    private static void checkFits(Object value, int index, DType target) {
        try {
            Elementwise.checkFits("tensor", value, target);
        } catch (TensorException e) {
            throw new TensorException(e.getMessage() + " (element " + index + " of the data)");
        }
    }

    private static boolean isSequence(Object o) {
        return o != null && (o.getClass().isArray() || o instanceof List<?>);
    }

    private static int length(Object o) {
        return o instanceof List<?> l ? l.size() : Array.getLength(o);
    }

    private static Object element(Object o, int i) {
        return o instanceof List<?> l ? l.get(i) : Array.get(o, i);
    }

    private static void inferShape(Object data, List<Long> shape, int depth) {
        if (!isSequence(data)) {
            return;
        }
        int len = length(data);
        shape.add((long) len);
        if (len > 0) {
            inferShape(element(data, 0), shape, depth + 1);
        }
    }

    private static void flatten(Object data, long[] shape, int depth, double[] dv, long[] lv, boolean[] bv,
                                int[] pos, DType.Category[] cat) {
        if (depth == shape.length) {
            if (isSequence(data)) {
                throw new TensorException("too many dimensions: found a sequence at depth " + depth
                        + " where the inferred shape " + Arrays.toString(shape) + " expects a scalar");
            }
            int i = pos[0]++;
            switch (data) {
                case Boolean b -> {
                    bv[i] = b;
                    lv[i] = b ? 1 : 0;
                    dv[i] = b ? 1 : 0;
                    cat[0] = max(cat[0], DType.Category.BOOL);
                }
                case Double d -> setFloat(d, i, dv, lv, bv, cat);
                case Float f -> setFloat(f, i, dv, lv, bv, cat);
                case Long l -> setInt(l, i, dv, lv, bv, cat);
                case Integer x -> setInt(x, i, dv, lv, bv, cat);
                case Short x -> setInt(x, i, dv, lv, bv, cat);
                case Byte x -> setInt(x, i, dv, lv, bv, cat);
                case null -> throw new TensorException("cannot make a tensor element from null");
                default -> throw new TensorException("cannot make a tensor element from a "
                        + data.getClass().getSimpleName() + ": expected a number or boolean");
            }
            return;
        }
        if (!isSequence(data)) {
            throw new TensorException("expected a sequence of length " + shape[depth] + " at dim " + depth
                    + " (inferred shape " + Arrays.toString(shape) + ") but got a scalar " + data);
        }
        int len = length(data);
        if (len != shape[depth]) {
            throw new TensorException("expected sequence of length " + shape[depth] + " at dim " + depth
                    + " (got " + len + ")");
        }
        for (int i = 0; i < len; i++) {
            flatten(element(data, i), shape, depth + 1, dv, lv, bv, pos, cat);
        }
    }

    private static void setFloat(double v, int i, double[] dv, long[] lv, boolean[] bv, DType.Category[] cat) {
        if (cat[0] != DType.Category.FLOATING) {
            // Earlier integer/bool elements are re-read from lv below; promote them now.
            for (int j = 0; j < i; j++) {
                dv[j] = cat[0] == DType.Category.BOOL ? (bv[j] ? 1 : 0) : lv[j];
            }
        }
        dv[i] = v;
        cat[0] = DType.Category.FLOATING;
    }

    private static void setInt(long v, int i, double[] dv, long[] lv, boolean[] bv, DType.Category[] cat) {
        lv[i] = v;
        dv[i] = v;
        bv[i] = v != 0;
        if (cat[0] == DType.Category.BOOL) {
            for (int j = 0; j < i; j++) {
                lv[j] = bv[j] ? 1 : 0;
            }
        }
        cat[0] = max(cat[0], DType.Category.INTEGER);
    }

    private static DType.Category max(DType.Category a, DType.Category b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0) {
            throw new TensorException("arange: step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new TensorException("arange: unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new TensorException("arange: upper bound and larger bound inconsistent with step sign: start="
                    + start + ", end=" + end + ", step=" + step);
        }
        // A double count above 2^63 saturates to Long.MAX_VALUE, which storageSize then names.
        long n = Shapes.storageSize((long) Math.ceil((end - start) / step), "arange(start=" + start + ", end=" + end
                + ", step=" + step + ")");
        Object array = switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[(int) n];
                for (int i = 0; i < n; i++) a[i] = (float) (start + i * step);
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[(int) n];
                for (int i = 0; i < n; i++) a[i] = start + i * step;
                yield a;
            }
            case INT64 -> {
                long[] a = new long[(int) n];
                for (int i = 0; i < n; i++) a[i] = (long) (start + i * step);
                yield a;
            }
            case INT32 -> {
                int[] a = new int[(int) n];
                for (int i = 0; i < n; i++) a[i] = (int) (start + i * step);
                yield a;
            }
            case BOOL -> throw new TensorException("arange: \"arange_cpu\" not implemented for 'Bool'");
            case FLOAT16, BFLOAT16 -> {
                // PyTorch's accumulate type of the 16-bit floats is float: start + step * i in float arithmetic.
                float[] a = new float[(int) n];
                float fs = (float) start;
                float fstep = (float) step;
                for (int i = 0; i < n; i++) a[i] = fs + fstep * i;
                yield a;
            }
            case UINT8, INT8, INT16 -> {
                long[] a = new long[(int) n];
                for (int i = 0; i < n; i++) a[i] = (long) (start + i * step);
                yield a;
            }
        };
        Tensor t = Tensor.fromArray(array, n);
        return t.dtype() == dtype ? t : t.to(dtype);
    }

    static Tensor arange(long start, long end, long step, DType dtype) {
        if (step == 0) {
            throw new TensorException("arange: step must be nonzero");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new TensorException("arange: upper bound and larger bound inconsistent with step sign: start="
                    + start + ", end=" + end + ", step=" + step);
        }
        String what = "arange(start=" + start + ", end=" + end + ", step=" + step + ")";
        // The span and the step's size are exact as unsigned 64-bit values (the signs are known).
        long span = step > 0 ? end - start : start - end;
        long stride = step > 0 ? step : -step;
        long n = Long.divideUnsigned(span, stride) + (Long.remainderUnsigned(span, stride) != 0 ? 1 : 0);
        if (n < 0) {
            throw new TensorException(what + ": a tensor of " + Long.toUnsignedString(n) + " elements is more than "
                    + Shapes.MAX_STORAGE_ELEMENTS + ", the most a JTensor storage holds");
        }
        Shapes.storageSize(n, what);
        long[] a = new long[(int) n];
        for (int i = 0; i < n; i++) {
            a[i] = start + i * step;
        }
        Tensor t = Tensor.fromArray(a, n);
        return dtype == DType.INT64 ? t : t.to(dtype);
    }

    /** PyTorch's linspace: the first half counts up from start, the second half down from end. */
    static Tensor linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) {
            throw new TensorException("linspace: number of steps must be non-negative, got " + steps);
        }
        int n = Shapes.storageSize(steps, "linspace(steps=" + steps + ")");
        double[] a = new double[n];
        if (n == 1) {
            a[0] = start;
        } else if (n > 1) {
            double step = (end - start) / (n - 1);
            int half = n / 2;
            for (int i = 0; i < n; i++) {
                a[i] = i < half ? start + step * i : end - step * (n - 1 - i);
            }
        }
        if (dtype == DType.FLOAT32 || dtype == DType.FLOAT16 || dtype == DType.BFLOAT16) {
            // PyTorch computes float32 linspace in float arithmetic (and the 16-bit floats in float, rounded once).
            float fs = (float) start;
            float fe = (float) end;
            float[] f = new float[n];
            if (n == 1) {
                f[0] = fs;
            } else if (n > 1) {
                float step = (fe - fs) / (n - 1);
                int half = n / 2;
                for (int i = 0; i < n; i++) {
                    f[i] = i < half ? fs + step * i : fe - step * (n - 1 - i);
                }
            }
            return dtype == DType.FLOAT32 ? Tensor.fromArray(f, n) : Tensor.fromArray(f, n).to(dtype);
        }
        Tensor t = Tensor.fromArray(a, n);
        return t.to(dtype);
    }

    static Tensor cat(Tensor[] tensors, long dim) {
        if (tensors.length == 0) {
            throw new TensorException("torch.cat(): expected a non-empty list of Tensors");
        }
        // Legacy rule: 1-D tensors of shape [0] are skipped.
        List<Tensor> parts = new ArrayList<>();
        Tensor ref = null;
        DType dtype = null;
        for (Tensor t : tensors) {
            dtype = dtype == null ? t.dtype() : DType.promote(dtype, t.dtype());
            if (t.dim() == 1 && t.size(0) == 0) {
                continue;
            }
            if (ref == null) {
                ref = t;
            }
            parts.add(t);
        }
        if (ref == null) {
            return Tensor.empty(new long[] {0}, dtype, tensors[0].device());
        }
        if (ref.dim() == 0) {
            throw new TensorException("zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = Shapes.normalizeDim(dim, ref.dim());
        long total = 0;
        long[] sizes = new long[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            Tensor t = tensors[i];
            if (t.dim() == 1 && t.size(0) == 0) {
                continue;
            }
            if (t.dim() != ref.dim()) {
                throw new TensorException("Tensors must have same number of dimensions: got " + ref.dim() + " and "
                        + t.dim() + " (shapes " + Arrays.toString(ref.shape()) + " and " + Arrays.toString(t.shape()) + ")");
            }
            ref.checkSameDevice(t, "cat");
            for (int k = 0; k < t.dim(); k++) {
                if (k != d && t.size(k) != ref.size(k)) {
                    throw new TensorException("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + ref.size(k) + " but got size " + t.size(k) + " for tensor number " + i
                            + " in the list (shapes " + Arrays.toString(ref.shape()) + " and " + Arrays.toString(t.shape()) + ")");
                }
            }
            sizes[i] = t.size(d);
            total += t.size(d);
        }
        long[] shape = ref.shape();
        shape[d] = total;
        Tensor out = Tensor.empty(shape, dtype, ref.device());
        long start = 0;
        try (var g = new NoGradScope()) {
            for (Tensor t : parts) {
                long len = t.size(d);
                if (len > 0) {
                    out.slice(d, start, start + len, 1).copy_(t);
                }
                start += len;
            }
        }
        return Autograd.record(Primitive.CAT, out, tensors, d, sizes);
    }

    static Tensor repeat(Tensor t, long[] repeats) {
        if (repeats.length < t.dim()) {
            throw new TensorException("Number of dimensions of repeat dims (" + repeats.length
                    + ") can not be smaller than number of dimensions of tensor (" + t.dim() + ")");
        }
        for (long r : repeats) {
            if (r < 0) {
                throw new TensorException("Trying to create tensor with negative dimension " + r + ": "
                        + Arrays.toString(repeats));
            }
        }
        int nd = repeats.length;
        long[] padded = new long[nd];
        Arrays.fill(padded, 1);
        long[] src = t.shape();
        System.arraycopy(src, 0, padded, nd - src.length, src.length);
        // View the output as [r0, s0, r1, s1, ...] and copy the input expanded over the r dims.
        long[] outShape = new long[nd];
        long[] interleaved = new long[2 * nd];
        long[] expandTo = new long[2 * nd];
        long[] unsq = new long[2 * nd];
        for (int i = 0; i < nd; i++) {
            outShape[i] = Shapes.multiplySizes(padded[i], repeats[i], "repeat: size " + padded[i] + " of dim " + i
                    + " repeated " + repeats[i] + " times (repeats " + Arrays.toString(repeats) + ")");
            interleaved[2 * i] = repeats[i];
            interleaved[2 * i + 1] = padded[i];
            expandTo[2 * i] = repeats[i];
            expandTo[2 * i + 1] = padded[i];
            unsq[2 * i] = 1;
            unsq[2 * i + 1] = padded[i];
        }
        Tensor out = Tensor.empty(outShape, t.dtype(), t.device());
        if (Shapes.numel(outShape) > 0) {
            try (var g = new NoGradScope()) {
                out.view(interleaved).copy_(t.reshape(unsq).expand(expandTo));
            }
        }
        return Autograd.record(Primitive.REPEAT, out, new Tensor[] {t}, repeats.clone(), t.shape());
    }

    /** Turns off recording while a composite op fills its output (the op records itself once). */
    static final class NoGradScope implements AutoCloseable {
        private final boolean prev = Autograd.setGradEnabled(false);

        @Override
        public void close() {
            Autograd.setGradEnabled(prev);
        }
    }

    static {
        // Touch the CPU backend so its start-up log line comes before any op output.
        Backends.cpu();
    }
}
