package dev.jtensor.ops.nn;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;

/**
 * Convolution, pooling, im2col/col2im and resampling behind {@link F}'s functions, composed of
 * differentiable core ops: every spatial op works on {@code [N, C, H, W]} (1-d ops with {@code H = 1}),
 * sliding windows are strided slices stacked into {@code [N, C, KH * KW, OH, OW]}, and a convolution is
 * one batched matrix product of the weights with those windows (the GEMM does the arithmetic).
 */
final class Conv {
    private Conv() {}

    /** {@code (size + 2 pad - dilation (k - 1) - 1) / stride + 1}, rounded down or (ceil mode, PyTorch's rule) up. */
    static long outSize(long size, long k, long stride, long padLo, long padHi, long dilation, boolean ceil) {
        long span = size + padLo + padHi - dilation * (k - 1) - 1;
        if (span < 0) {
            return 0;
        }
        long out = (ceil ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
        if (ceil && (out - 1) * stride >= size + padLo) {
            out--;
        }
        return out;
    }

    /**
     * The sliding windows of a padded {@code [N, C, H, W]} tensor: {@code [N, C, KH * KW, OH, OW]}, window
     * element {@code (i, j)} of output {@code (oh, ow)} being {@code x[.., oh * sh + i * dh, ow * sw + j * dw]}.
     */
    static Tensor windows(Tensor x, long kh, long kw, long sh, long sw, long dh, long dw, long oh, long ow) {
        Tensor[] parts = new Tensor[(int) (kh * kw)];
        for (long i = 0; i < kh; i++) {
            for (long j = 0; j < kw; j++) {
                Tensor rows = x.slice(2, i * dh, i * dh + sh * (oh - 1) + 1, sh);
                parts[(int) (i * kw + j)] = rows.slice(3, j * dw, j * dw + sw * (ow - 1) + 1, sw);
            }
        }
        return Tensor.stack(parts, 2);
    }

    /** Inserts {@code s - 1} zeros between neighbours along {@code dim}: size {@code n} becomes {@code (n - 1) s + 1}. */
    static Tensor dilate(Tensor x, int dim, long s) {
        long n = x.size(dim);
        if (s == 1 || n == 0) {
            return x;
        }
        Tensor[] parts = new Tensor[(int) s];
        parts[0] = x;
        Tensor zeros = Tensor.zerosLike(x);
        for (int i = 1; i < s; i++) {
            parts[i] = zeros;
        }
        long[] shape = x.shape().clone();
        shape[dim] = n * s;
        return Tensor.stack(parts, dim + 1).reshape(shape).narrow(dim, 0, (n - 1) * s + 1);
    }

    /** A {@code "(a x b)"} / {@code "(a)"} size in PyTorch's message style. */
    static String dims(long[] v, int spatial) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = v.length - spatial; i < v.length; i++) {
            sb.append(i > v.length - spatial ? " x " : "").append(v[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * A 2-d convolution of {@code x [N, C, H, W]} with {@code w [O, C / groups, KH, KW]}; {@code pad} is
     * (top, bottom, left, right); {@code spatial} (1 or 2) only shapes the error messages.
     */
    static Tensor conv2d(Tensor x, Tensor w, Tensor b, long[] stride, long[] pad, long[] dilation, long groups,
            int spatial, long[] userInputShape, long[] userWeightShape) {
        long n = x.size(0);
        long c = x.size(1);
        long o = w.size(0);
        if (groups <= 0) {
            throw new TensorException("non-positive groups is not supported, got groups=" + groups);
        }
        if (o % groups != 0) {
            throw new TensorException("Given groups=" + groups + ", expected weight to be divisible by " + groups
                    + " at dimension 0, but got weight of size " + Arrays.toString(userWeightShape) + " instead");
        }
        if (w.size(1) * groups != c) {
            throw new TensorException("Given groups=" + groups + ", weight of size " + Arrays.toString(userWeightShape)
                    + ", expected input" + Arrays.toString(userInputShape) + " to have " + w.size(1) * groups
                    + " channels, but got " + c + " channels instead");
        }
        if (b != null && (b.dim() != 1 || b.numel() != o)) {
            throw new TensorException("Given weight of size " + Arrays.toString(userWeightShape) + ", expected bias to be "
                    + "1-dimensional with " + o + " elements, but got bias of size " + Arrays.toString(b.shape()) + " instead");
        }
        long kh = w.size(2);
        long kw = w.size(3);
        long hp = x.size(2) + pad[0] + pad[1];
        long wp = x.size(3) + pad[2] + pad[3];
        long effH = dilation[0] * (kh - 1) + 1;
        long effW = dilation[1] * (kw - 1) + 1;
        if (hp < effH || wp < effW) {
            throw new TensorException("Calculated padded input size per channel: " + dims(new long[] {hp, wp}, spatial)
                    + ". Kernel size: " + dims(new long[] {effH, effW}, spatial)
                    + ". Kernel size can't be greater than actual input size");
        }
        Tensor padded = F.pad(x, new long[] {pad[2], pad[3], pad[0], pad[1]}, "constant", 0);
        long oh = (hp - effH) / stride[0] + 1;
        long ow = (wp - effW) / stride[1] + 1;
        Tensor cols = windows(padded, kh, kw, stride[0], stride[1], dilation[0], dilation[1], oh, ow)
                .reshape(n, groups, c / groups * kh * kw, oh * ow);
        Tensor weights = w.reshape(1, groups, o / groups, c / groups * kh * kw);
        Tensor out = weights.matmul(cols).reshape(n, o, oh, ow);
        return b == null ? out : out.add(b.reshape(1, o, 1, 1));
    }

    /**
     * A 2-d transposed convolution of {@code x [N, C, H, W]} with {@code w [C, O / groups, KH, KW]}: the
     * input dilated by the stride, padded by {@code dilation (k - 1) - padding} (plus the output padding
     * at the end), convolved with the flipped, transposed kernel.
     */
    static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, long[] stride, long[] padding, long[] outputPadding,
            long groups, long[] dilation, long[] userInputShape, long[] userWeightShape) {
        long c = x.size(1);
        if (w.size(0) != c) {
            throw new TensorException("Given transposed=1, weight of size " + Arrays.toString(userWeightShape)
                    + ", expected input" + Arrays.toString(userInputShape) + " to have " + w.size(0)
                    + " channels, but got " + c + " channels instead");
        }
        if (groups <= 0 || c % groups != 0) {
            throw new TensorException("Given transposed=1 and groups=" + groups + ", the input's " + c
                    + " channels are not divisible by the groups");
        }
        for (int d = 0; d < 2; d++) {
            if (outputPadding[d] >= stride[d] && outputPadding[d] >= dilation[d]) {
                throw new TensorException("output padding must be smaller than either stride or dilation, but got "
                        + "output_padding_height: " + outputPadding[0] + " output_padding_width: " + outputPadding[1]
                        + " stride_height: " + stride[0] + " stride_width: " + stride[1] + " dilation_height: "
                        + dilation[0] + " dilation_width: " + dilation[1]);
            }
        }
        long cg = c / groups;
        long og = w.size(1);
        long kh = w.size(2);
        long kw = w.size(3);
        // [C, O/g, KH, KW] -> per group [O/g, C/g, KH, KW], flipped in space -> [O, C/g, KH, KW].
        Tensor flipped = w.reshape(groups, cg, og, kh, kw).transpose(1, 2).flip(3, 4).reshape(groups * og, cg, kh, kw);
        Tensor xd = dilate(dilate(x, 2, stride[0]), 3, stride[1]);
        long[] pad = {
            dilation[0] * (kh - 1) - padding[0], dilation[0] * (kh - 1) - padding[0] + outputPadding[0],
            dilation[1] * (kw - 1) - padding[1], dilation[1] * (kw - 1) - padding[1] + outputPadding[1]};
        Tensor padded = F.pad(xd, new long[] {pad[2], pad[3], pad[0], pad[1]}, "constant", 0);
        return conv2d(padded, flipped, b, new long[] {1, 1}, new long[4], dilation, groups, 2, userInputShape,
                userWeightShape);
    }

    /** The inverse placement of {@link #windows}: sums {@code cols [N, C, KH * KW, OH, OW]} into {@code [N, C, H, W]} (padded size). */
    static Tensor overlapAdd(Tensor cols, long kh, long kw, long sh, long sw, long dh, long dw, long oh, long ow,
            long height, long width) {
        Tensor out = null;
        for (long i = 0; i < kh; i++) {
            for (long j = 0; j < kw; j++) {
                Tensor part = dilate(dilate(cols.select(2, i * kw + j), 2, sh), 3, sw);
                long top = i * dh;
                long left = j * dw;
                long bottom = height - top - part.size(2);
                long right = width - left - part.size(3);
                Tensor placed = F.pad(part, new long[] {left, right, top, bottom}, "constant", 0);
                out = out == null ? placed : out.add(placed);
            }
        }
        return out;
    }

    /** {@code x} as {@code [N, C, H, W]}: a 1-d op's {@code [N, C, L]} gets {@code H = 1}. */
    static Tensor as4d(Tensor x, int spatial) {
        return spatial == 1 ? x.unsqueeze(2) : x;
    }

    /** Checks a pooling input: {@code spatial + 1} dims (unbatched) or {@code spatial + 2}. */
    static void checkPoolInput(Tensor x, int spatial, String op) {
        if (x.dim() != spatial + 1 && x.dim() != spatial + 2) {
            throw new TensorException(op + ": Expected " + (spatial + 1) + "D or " + (spatial + 2) + "D (batch mode) "
                    + "tensor with optional 0 dim batch size for input, but got: " + Arrays.toString(x.shape()));
        }
        for (int d = x.dim() - spatial; d < x.dim(); d++) {
            if (x.size(d) == 0) {
                throw new TensorException(op + ": Expected input's non-batch dimensions to have positive length, but input "
                        + "has a shape of " + Arrays.toString(x.shape()));
            }
        }
    }

    /** {@code [N, C, OH, OW]} int64 flat indices {@code row * W + col} of each window's chosen element. */
    static Tensor windowIndices(Tensor k, long kw, long sh, long sw, long ph, long pw, long dh, long dw, long width,
            long oh, long ow) {
        Tensor ki = k.div(kw, "floor");
        Tensor kj = k.remainder(kw);
        Tensor rows = Tensor.arange(oh).to(k.device()).mul(sh).sub(ph).reshape(1, 1, oh, 1);
        Tensor colsIdx = Tensor.arange(ow).to(k.device()).mul(sw).sub(pw).reshape(1, 1, 1, ow);
        Tensor row = rows.add(ki.mul(dh));
        Tensor col = colsIdx.add(kj.mul(dw));
        return row.mul(width).add(col);
    }

    /** Max pooling of {@code x [N, C, H, W]}; returns values and (when asked) flat indices. */
    static Tensor[] maxPool(Tensor x, long[] k, long[] s, long[] p, long[] d, boolean ceil, boolean indices, int spatial) {
        for (int i = 0; i < 2; i++) {
            if (k[i] <= 0 || s[i] <= 0 || d[i] <= 0) {
                throw new TensorException("max_pool" + spatial + "d: kernel_size, stride and dilation must be greater than "
                        + "zero, got kernel " + Arrays.toString(k) + ", stride " + Arrays.toString(s) + ", dilation "
                        + Arrays.toString(d));
            }
            if (p[i] < 0 || p[i] > k[i] / 2) {
                throw new TensorException("pad should be at most half of effective kernel size, but got pad="
                        + p[i] + ", kernel_size=" + k[i] + " and dilation=" + d[i]);
            }
        }
        long h = x.size(2);
        long w = x.size(3);
        long oh = outSize(h, k[0], s[0], p[0], p[0], d[0], ceil);
        long ow = outSize(w, k[1], s[1], p[1], p[1], d[1], ceil);
        if (oh <= 0 || ow <= 0) {
            throw new TensorException("Given input size: " + dims(new long[] {x.size(1), h, w}, spatial + 1)
                    + ". Calculated output size: " + dims(new long[] {x.size(1), oh, ow}, spatial + 1)
                    + ". Output size is too small");
        }
        long extraH = Math.max(0, (oh - 1) * s[0] + d[0] * (k[0] - 1) + 1 - (h + 2 * p[0]));
        long extraW = Math.max(0, (ow - 1) * s[1] + d[1] * (k[1] - 1) + 1 - (w + 2 * p[1]));
        Tensor padded = F.pad(x, new long[] {p[1], p[1] + extraW, p[0], p[0] + extraH}, "constant", Double.NEGATIVE_INFINITY);
        Tensor win = windows(padded, k[0], k[1], s[0], s[1], d[0], d[1], oh, ow);
        Tensor values = win.amax(new int[] {2}, false);
        if (!indices) {
            return new Tensor[] {values};
        }
        Tensor arg = win.detach().argmax(2, false);
        return new Tensor[] {values, windowIndices(arg, k[1], s[0], s[1], p[0], p[1], d[0], d[1], w, oh, ow)};
    }

    /** Average pooling of {@code x [N, C, H, W]} with PyTorch's divisors. */
    static Tensor avgPool(Tensor x, long[] k, long[] s, long[] p, boolean ceil, boolean countIncludePad,
            Long divisorOverride, int spatial) {
        for (int i = 0; i < 2; i++) {
            if (k[i] <= 0 || s[i] <= 0) {
                throw new TensorException("avg_pool" + spatial + "d: kernel_size and stride must be greater than zero, got "
                        + "kernel " + Arrays.toString(k) + " and stride " + Arrays.toString(s));
            }
            if (p[i] < 0 || p[i] > k[i] / 2) {
                throw new TensorException("pad should be at most half of kernel size, but got pad=" + p[i]
                        + " and kernel_size=" + k[i]);
            }
        }
        if (divisorOverride != null && divisorOverride == 0) {
            throw new TensorException("divisor must be not zero");
        }
        long h = x.size(2);
        long w = x.size(3);
        long oh = outSize(h, k[0], s[0], p[0], p[0], 1, ceil);
        long ow = outSize(w, k[1], s[1], p[1], p[1], 1, ceil);
        if (oh <= 0 || ow <= 0) {
            throw new TensorException("Given input size: " + dims(new long[] {x.size(1), h, w}, spatial + 1)
                    + ". Calculated output size: " + dims(new long[] {x.size(1), oh, ow}, spatial + 1)
                    + ". Output size is too small");
        }
        long extraH = Math.max(0, (oh - 1) * s[0] + k[0] - (h + 2 * p[0]));
        long extraW = Math.max(0, (ow - 1) * s[1] + k[1] - (w + 2 * p[1]));
        Tensor padded = F.pad(x, new long[] {p[1], p[1] + extraW, p[0], p[0] + extraH}, "constant", 0);
        Tensor sums = windows(padded, k[0], k[1], s[0], s[1], 1, 1, oh, ow).sum(new int[] {2}, false);
        double[] divisor = new double[(int) (oh * ow)];
        for (long i = 0; i < oh; i++) {
            for (long j = 0; j < ow; j++) {
                long hs = i * s[0] - p[0];
                long ws = j * s[1] - p[1];
                long he = Math.min(hs + k[0], h + p[0]);
                long we = Math.min(ws + k[1], w + p[1]);
                long poolSize = (he - hs) * (we - ws);
                long inside = (Math.min(he, h) - Math.max(hs, 0)) * (Math.min(we, w) - Math.max(ws, 0));
                divisor[(int) (i * ow + j)] = divisorOverride != null ? divisorOverride : countIncludePad ? poolSize : inside;
            }
        }
        Tensor div = Tensor.fromArray(divisor, oh, ow).to(x.dtype()).to(x.device());
        return sums.div(div);
    }

    /** PyTorch's adaptive pooling bounds: output {@code i} covers {@code [floor(i n / o), ceil((i + 1) n / o))}. */
    static long start(long i, long n, long o) {
        return Math.floorDiv(i * n, o);
    }

    static long end(long i, long n, long o) {
        return Math.floorDiv((i + 1) * n + o - 1, o);
    }

    /** Adaptive average pooling of {@code x [N, C, H, W]} to {@code [N, C, oh, ow]}. */
    static Tensor adaptiveAvg(Tensor x, long oh, long ow) {
        long h = x.size(2);
        long w = x.size(3);
        Tensor[] rows = new Tensor[(int) oh];
        for (long i = 0; i < oh; i++) {
            Tensor band = x.narrow(2, start(i, h, oh), end(i, h, oh) - start(i, h, oh));
            Tensor[] cells = new Tensor[(int) ow];
            for (long j = 0; j < ow; j++) {
                cells[(int) j] = band.narrow(3, start(j, w, ow), end(j, w, ow) - start(j, w, ow))
                        .mean(new int[] {2, 3}, false, null);
            }
            rows[(int) i] = Tensor.stack(cells, 2);
        }
        return Tensor.stack(rows, 2);
    }

    /** Adaptive max pooling of {@code x [N, C, H, W]} to {@code [N, C, oh, ow]}: values and flat indices. */
    static Tensor[] adaptiveMax(Tensor x, long oh, long ow) {
        long h = x.size(2);
        long w = x.size(3);
        Tensor[] rows = new Tensor[(int) oh];
        Tensor[] idxRows = new Tensor[(int) oh];
        for (long i = 0; i < oh; i++) {
            long hs = start(i, h, oh);
            long hl = end(i, h, oh) - hs;
            Tensor band = x.narrow(2, hs, hl);
            Tensor[] cells = new Tensor[(int) ow];
            Tensor[] idx = new Tensor[(int) ow];
            for (long j = 0; j < ow; j++) {
                long ws = start(j, w, ow);
                long wl = end(j, w, ow) - ws;
                Tensor cell = band.narrow(3, ws, wl).reshape(x.size(0), x.size(1), hl * wl);
                cells[(int) j] = cell.amax(new int[] {2}, false);
                Tensor arg = cell.detach().argmax(2, false);
                idx[(int) j] = arg.div(wl, "floor").add(hs).mul(w).add(arg.remainder(wl).add(ws));
            }
            rows[(int) i] = Tensor.stack(cells, 2);
            idxRows[(int) i] = Tensor.stack(idx, 2);
        }
        return new Tensor[] {Tensor.stack(rows, 2), Tensor.stack(idxRows, 2)};
    }

    /** A float tensor of source coordinates, as int64 indices for gathering. */
    static Tensor indices(long[] idx, Tensor like) {
        return Tensor.fromArray(idx).to(like.device());
    }

    static Tensor ofDoubles(double[] v, Tensor like, long... shape) {
        return Tensor.fromArray(v, shape).to(like.dtype()).to(like.device());
    }

    static DType checkFloating(Tensor x, String op) {
        if (!x.dtype().isFloatingPoint()) {
            throw new TensorException(op + ": expected a floating-point input, got " + x.dtype());
        }
        return x.dtype();
    }
}
