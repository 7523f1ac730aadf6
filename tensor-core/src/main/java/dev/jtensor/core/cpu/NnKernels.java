package dev.jtensor.core.cpu;

import dev.jtensor.core.DType;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import java.util.Arrays;

/**
 * CPU kernels of the nn primitives: softmax and log-softmax (forward and backward), the fused
 * cross-entropy over rows of logits, and embedding bags. Arguments were validated by the op code
 * (see the primitives' contracts in {@link dev.jtensor.core.spi.Backend}); these loops only compute.
 *
 * <p>Softmax-like work runs per row (the reduced dim is contiguous) or per column (it is strided:
 * the column is copied into a per-thread buffer, so the row loops of {@link SoftmaxRows} serve both),
 * split across threads over rows above {@link Parallel#GRAIN_SIZE} elements of work. Every output
 * row is computed by one thread, so results do not depend on the thread count.
 */
final class NnKernels {
    private NnKernels() {}

    /** Embedding-bag modes, in the order of the {@code mode} argument of the primitives. */
    static final int SUM = 0;
    static final int MEAN = 1;
    static final int MAX = 2;

    private static Object array(Tensor t) {
        return ((CpuStorage) t.storage()).array();
    }

    private static int off(Tensor t) {
        return (int) t.storageOffset();
    }

    private static long grain(long rowLength) {
        return Math.max(1, Parallel.GRAIN_SIZE / Math.max(1, rowLength));
    }

    /** Sizes of a contiguous shape seen as {@code [outer, size, inner]} around {@code dim}. */
    private static long[] around(long[] shape, int dim) {
        long outer = 1;
        long inner = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new long[] {outer, shape.length == 0 ? 1 : shape[dim], inner};
    }

    // ------------------------------------------------------------------ softmax

    static void softmax(Tensor input, Tensor output, int dim, boolean log, SoftmaxRows k) {
        long[] oss = around(input.shape(), dim);
        int size = (int) oss[1];
        int inner = (int) oss[2];
        long lines = oss[0] * inner;
        if (lines == 0 || size == 0) {
            return;
        }
        int inOff = off(input);
        int outOff = off(output);
        if (input.dtype() == DType.FLOAT32) {
            float[] x = (float[]) array(input);
            float[] y = (float[]) array(output);
            Parallel.forRange(lines, grain(size), (b, e) -> {
                float[] bx = inner == 1 ? null : new float[size];
                float[] by = inner == 1 ? null : new float[size];
                for (long line = b; line < e; line++) {
                    if (inner == 1) {
                        int o = (int) (line * size);
                        softmaxRow(k, x, inOff + o, y, outOff + o, size, log);
                    } else {
                        int base = lineBase(line, size, inner);
                        gather(x, inOff + base, inner, bx, size);
                        softmaxRow(k, bx, 0, by, 0, size, log);
                        scatter(by, y, outOff + base, inner, size);
                    }
                }
            });
        } else {
            double[] x = (double[]) array(input);
            double[] y = (double[]) array(output);
            Parallel.forRange(lines, grain(size), (b, e) -> {
                double[] bx = inner == 1 ? null : new double[size];
                double[] by = inner == 1 ? null : new double[size];
                for (long line = b; line < e; line++) {
                    if (inner == 1) {
                        int o = (int) (line * size);
                        softmaxRow(x, inOff + o, y, outOff + o, size, log);
                    } else {
                        int base = lineBase(line, size, inner);
                        gather(x, inOff + base, inner, bx, size);
                        softmaxRow(bx, 0, by, 0, size, log);
                        scatter(by, y, outOff + base, inner, size);
                    }
                }
            });
        }
    }

    /** The offset of line {@code line} (outer index times inner plus inner index) of an [outer, size, inner] block. */
    private static int lineBase(long line, int size, int inner) {
        long o = line / inner;
        long j = line - o * inner;
        return (int) (o * size * inner + j);
    }

    static void softmaxRow(SoftmaxRows k, float[] x, int xo, float[] y, int yo, int n, boolean log) {
        float m = k.max(x, xo, n);
        if (log) {
            // The exponentials go to y as scratch; y then receives the result.
            float ls = (float) StrictMath.log(k.expSumInto(x, xo, y, yo, n, m));
            k.subtract2(x, xo, y, yo, n, m, ls);
        } else {
            float s = k.expSumInto(x, xo, y, yo, n, m);
            k.scale(y, yo, n, 1f / s);
        }
    }

    static void softmaxRow(double[] x, int xo, double[] y, int yo, int n, boolean log) {
        double m = SoftmaxRows.max(x, xo, n);
        if (log) {
            double ls = StrictMath.log(SoftmaxRows.expSum(x, xo, n, m));
            SoftmaxRows.subtract2(x, xo, y, yo, n, m, ls);
        } else {
            double s = SoftmaxRows.expSumInto(x, xo, y, yo, n, m);
            SoftmaxRows.scale(y, yo, n, 1.0 / s);
        }
    }

    static void softmaxBackward(Tensor gradOutput, Tensor output, Tensor gradInput, int dim, boolean log,
            SoftmaxRows k) {
        long[] oss = around(output.shape(), dim);
        int size = (int) oss[1];
        int inner = (int) oss[2];
        long lines = oss[0] * inner;
        if (lines == 0 || size == 0) {
            return;
        }
        int gOff = off(gradOutput);
        int yOff = off(output);
        int oOff = off(gradInput);
        if (output.dtype() == DType.FLOAT32) {
            float[] g = (float[]) array(gradOutput);
            float[] y = (float[]) array(output);
            float[] gi = (float[]) array(gradInput);
            Parallel.forRange(lines, grain(size), (b, e) -> {
                float[] bg = inner == 1 ? null : new float[size];
                float[] by = inner == 1 ? null : new float[size];
                float[] bo = inner == 1 ? null : new float[size];
                for (long line = b; line < e; line++) {
                    if (inner == 1) {
                        int o = (int) (line * size);
                        softmaxGradRow(k, g, gOff + o, y, yOff + o, gi, oOff + o, size, log);
                    } else {
                        int base = lineBase(line, size, inner);
                        gather(g, gOff + base, inner, bg, size);
                        gather(y, yOff + base, inner, by, size);
                        softmaxGradRow(k, bg, 0, by, 0, bo, 0, size, log);
                        scatter(bo, gi, oOff + base, inner, size);
                    }
                }
            });
        } else {
            double[] g = (double[]) array(gradOutput);
            double[] y = (double[]) array(output);
            double[] gi = (double[]) array(gradInput);
            Parallel.forRange(lines, grain(size), (b, e) -> {
                double[] bg = inner == 1 ? null : new double[size];
                double[] by = inner == 1 ? null : new double[size];
                double[] bo = inner == 1 ? null : new double[size];
                for (long line = b; line < e; line++) {
                    if (inner == 1) {
                        int o = (int) (line * size);
                        softmaxGradRow(g, gOff + o, y, yOff + o, gi, oOff + o, size, log);
                    } else {
                        int base = lineBase(line, size, inner);
                        gather(g, gOff + base, inner, bg, size);
                        gather(y, yOff + base, inner, by, size);
                        softmaxGradRow(bg, 0, by, 0, bo, 0, size, log);
                        scatter(bo, gi, oOff + base, inner, size);
                    }
                }
            });
        }
    }

    static void softmaxGradRow(SoftmaxRows k, float[] g, int go, float[] y, int yo, float[] out, int oo, int n,
            boolean log) {
        if (log) {
            k.logSoftmaxGrad(y, yo, g, go, out, oo, n, k.sum(g, go, n));
        } else {
            // The products g * y go to out as scratch; out then receives the result.
            k.softmaxGrad(y, yo, g, go, out, oo, n, k.dot(g, go, y, yo, n, out, oo));
        }
    }

    static void softmaxGradRow(double[] g, int go, double[] y, int yo, double[] out, int oo, int n, boolean log) {
        if (log) {
            SoftmaxRows.logSoftmaxGrad(y, yo, g, go, out, oo, n, SoftmaxRows.sum(g, go, n));
        } else {
            SoftmaxRows.softmaxGrad(y, yo, g, go, out, oo, n, SoftmaxRows.dot(g, go, y, yo, n));
        }
    }

    private static void gather(float[] src, int off, int stride, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[off + i * stride];
        }
    }

    private static void scatter(float[] src, float[] dst, int off, int stride, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i * stride] = src[i];
        }
    }

    private static void gather(double[] src, int off, int stride, double[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[off + i * stride];
        }
    }

    private static void scatter(double[] src, double[] dst, int off, int stride, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i * stride] = src[i];
        }
    }

    // ------------------------------------------------------------------ cross-entropy

    /** See {@link dev.jtensor.core.spi.Backend#crossEntropyForward}. */
    static double crossEntropyForward(Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
            double labelSmoothing, int reduction, Tensor stats, Tensor probs, Tensor loss, SoftmaxRows k) {
        int rows = (int) logits.size(0);
        int classes = (int) logits.size(1);
        long[] t = (long[]) array(target);
        int tOff = off(target);
        double[] rowLoss = new double[rows];
        double[] rowWeight = new double[rows];
        int xOff = off(logits);
        int sOff = off(stats);
        double eps = labelSmoothing;
        if (logits.dtype() == DType.FLOAT32) {
            float[] x = (float[]) array(logits);
            float[] st = (float[]) array(stats);
            float[] w = weight == null ? null : (float[]) array(weight);
            int wOff = weight == null ? 0 : off(weight);
            float[] p = probs == null ? null : (float[]) array(probs);
            int pOff = probs == null ? 0 : off(probs);
            Parallel.forRange(rows, grain(classes), (b, e) -> {
                float[] scratch = p == null ? new float[classes] : null;
                for (int i = (int) b; i < e; i++) {
                    long ti = t[tOff + i];
                    if (ti == ignoreIndex) {
                        continue;
                    }
                    int c = (int) ti;
                    int o = xOff + i * classes;
                    float m = k.max(x, o, classes);
                    float sum;
                    if (p == null) {
                        sum = k.expSumInto(x, o, scratch, 0, classes, m);
                    } else {
                        // The exponentials go to probs while the row is in cache; normalised there.
                        int po = pOff + i * classes;
                        sum = k.expSumInto(x, o, p, po, classes, m);
                        k.scale(p, po, classes, 1f / sum);
                    }
                    float ls = (float) StrictMath.log(sum);
                    st[sOff + 2 * i] = m;
                    st[sOff + 2 * i + 1] = ls;
                    double wt = w == null ? 1.0 : w[wOff + c];
                    double nll = -wt * ((x[o + c] - m) - ls);
                    double l = nll;
                    if (eps > 0) {
                        double smooth = 0;
                        for (int j = 0; j < classes; j++) {
                            double wj = w == null ? 1.0 : w[wOff + j];
                            smooth -= wj * ((x[o + j] - m) - ls);
                        }
                        l = (1 - eps) * nll + eps / classes * smooth;
                    }
                    rowLoss[i] = l;
                    rowWeight[i] = wt;
                }
            });
        } else {
            double[] x = (double[]) array(logits);
            double[] st = (double[]) array(stats);
            double[] w = weight == null ? null : (double[]) array(weight);
            int wOff = weight == null ? 0 : off(weight);
            double[] p = probs == null ? null : (double[]) array(probs);
            int pOff = probs == null ? 0 : off(probs);
            Parallel.forRange(rows, grain(classes), (b, e) -> {
                for (int i = (int) b; i < e; i++) {
                    long ti = t[tOff + i];
                    if (ti == ignoreIndex) {
                        continue;
                    }
                    int c = (int) ti;
                    int o = xOff + i * classes;
                    double m = SoftmaxRows.max(x, o, classes);
                    double sum;
                    if (p == null) {
                        sum = SoftmaxRows.expSum(x, o, classes, m);
                    } else {
                        int po = pOff + i * classes;
                        sum = SoftmaxRows.expSumInto(x, o, p, po, classes, m);
                        SoftmaxRows.scale(p, po, classes, 1 / sum);
                    }
                    double ls = StrictMath.log(sum);
                    st[sOff + 2 * i] = m;
                    st[sOff + 2 * i + 1] = ls;
                    double wt = w == null ? 1.0 : w[wOff + c];
                    double nll = -wt * ((x[o + c] - m) - ls);
                    double l = nll;
                    if (eps > 0) {
                        double smooth = 0;
                        for (int j = 0; j < classes; j++) {
                            double wj = w == null ? 1.0 : w[wOff + j];
                            smooth -= wj * ((x[o + j] - m) - ls);
                        }
                        l = (1 - eps) * nll + eps / classes * smooth;
                    }
                    rowLoss[i] = l;
                    rowWeight[i] = wt;
                }
            });
        }
        // Sequential sums after the parallel pass, so the result does not depend on the thread count.
        double total = 0;
        double totalWeight = 0;
        for (int i = 0; i < rows; i++) {
            total += rowLoss[i];
            totalWeight += rowWeight[i];
        }
        int lOff = off(loss);
        if (reduction == 0) {
            if (loss.dtype() == DType.FLOAT32) {
                float[] out = (float[]) array(loss);
                for (int i = 0; i < rows; i++) {
                    out[lOff + i] = (float) rowLoss[i];
                }
            } else {
                System.arraycopy(rowLoss, 0, (double[]) array(loss), lOff, rows);
            }
        } else {
            double value = reduction == 1 ? total / totalWeight : total;
            if (loss.dtype() == DType.FLOAT32) {
                ((float[]) array(loss))[lOff] = (float) value;
            } else {
                ((double[]) array(loss))[lOff] = value;
            }
        }
        return totalWeight;
    }

    /** See {@link dev.jtensor.core.spi.Backend#crossEntropyBackward}. */
    static void crossEntropyBackward(Tensor logits, Tensor target, Tensor weight, long ignoreIndex,
            double labelSmoothing, Tensor stats, Tensor probs, Tensor gradLoss, double scale, Tensor gradLogits,
            SoftmaxRows k) {
        int rows = (int) logits.size(0);
        int classes = (int) logits.size(1);
        long[] t = (long[]) array(target);
        int tOff = off(target);
        int xOff = off(logits);
        int sOff = off(stats);
        int gOff = off(gradLoss);
        int oOff = off(gradLogits);
        boolean perRow = gradLoss.dim() == 1;
        double eps = labelSmoothing;
        if (logits.dtype() == DType.FLOAT32) {
            float[] x = (float[]) array(logits);
            float[] st = (float[]) array(stats);
            float[] gl = (float[]) array(gradLoss);
            float[] out = (float[]) array(gradLogits);
            float[] w = weight == null ? null : (float[]) array(weight);
            int wOff = weight == null ? 0 : off(weight);
            double wSum = weightSum(w, wOff, classes);
            float[] p = probs == null ? null : (float[]) array(probs);
            int pOff = probs == null ? 0 : off(probs);
            Parallel.forRange(rows, grain(classes), (b, e) -> {
                for (int i = (int) b; i < e; i++) {
                    long ti = t[tOff + i];
                    int o = oOff + i * classes;
                    if (ti == ignoreIndex) {
                        Arrays.fill(out, o, o + classes, 0f);
                        continue;
                    }
                    int c = (int) ti;
                    double g = (perRow ? gl[gOff + i] : gl[gOff]) * scale;
                    double wt = w == null ? 1.0 : w[wOff + c];
                    double coef = g * ((1 - eps) * wt + eps * wSum / classes);
                    if (p == null) {
                        k.expScale(x, xOff + i * classes, out, o, classes, st[sOff + 2 * i], st[sOff + 2 * i + 1],
                                (float) coef);
                    } else {
                        // Scales the forward's softmax (in place when gradLogits is probs).
                        int po = pOff + i * classes;
                        if (p != out || po != o) {
                            System.arraycopy(p, po, out, o, classes);
                        }
                        k.scale(out, o, classes, (float) coef);
                    }
                    out[o + c] -= (float) (g * (1 - eps) * wt);
                    if (eps > 0) {
                        double s = g * eps / classes;
                        for (int j = 0; j < classes; j++) {
                            out[o + j] -= (float) (s * (w == null ? 1.0 : w[wOff + j]));
                        }
                    }
                }
            });
        } else {
            double[] x = (double[]) array(logits);
            double[] st = (double[]) array(stats);
            double[] gl = (double[]) array(gradLoss);
            double[] out = (double[]) array(gradLogits);
            double[] w = weight == null ? null : (double[]) array(weight);
            int wOff = weight == null ? 0 : off(weight);
            double wSum = weightSum(w, wOff, classes);
            double[] p = probs == null ? null : (double[]) array(probs);
            int pOff = probs == null ? 0 : off(probs);
            Parallel.forRange(rows, grain(classes), (b, e) -> {
                for (int i = (int) b; i < e; i++) {
                    long ti = t[tOff + i];
                    int o = oOff + i * classes;
                    if (ti == ignoreIndex) {
                        Arrays.fill(out, o, o + classes, 0.0);
                        continue;
                    }
                    int c = (int) ti;
                    double g = (perRow ? gl[gOff + i] : gl[gOff]) * scale;
                    double wt = w == null ? 1.0 : w[wOff + c];
                    double coef = g * ((1 - eps) * wt + eps * wSum / classes);
                    if (p == null) {
                        SoftmaxRows.expScale(x, xOff + i * classes, out, o, classes, st[sOff + 2 * i],
                                st[sOff + 2 * i + 1], coef);
                    } else {
                        int po = pOff + i * classes;
                        if (p != out || po != o) {
                            System.arraycopy(p, po, out, o, classes);
                        }
                        SoftmaxRows.scale(out, o, classes, coef);
                    }
                    out[o + c] -= g * (1 - eps) * wt;
                    if (eps > 0) {
                        double s = g * eps / classes;
                        for (int j = 0; j < classes; j++) {
                            out[o + j] -= s * (w == null ? 1.0 : w[wOff + j]);
                        }
                    }
                }
            });
        }
    }

    private static double weightSum(float[] w, int off, int n) {
        if (w == null) {
            return n;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += w[off + j];
        }
        return s;
    }

    private static double weightSum(double[] w, int off, int n) {
        if (w == null) {
            return n;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += w[off + j];
        }
        return s;
    }

    // ------------------------------------------------------------------ embedding bags

    /** See {@link dev.jtensor.core.spi.Backend#embeddingBag}. */
    static void embeddingBag(Tensor weight, Tensor indices, Tensor offsets, int mode, Tensor perSampleWeights,
            long paddingIdx, Tensor output, Tensor maxIndices) {
        int bags = (int) output.size(0);
        int dimSize = (int) weight.size(1);
        long[] idx = (long[]) array(indices);
        int iOff = off(indices);
        long[] offs = (long[]) array(offsets);
        int ofOff = off(offsets);
        long[] arg = maxIndices == null ? null : (long[]) array(maxIndices);
        int aOff = maxIndices == null ? 0 : off(maxIndices);
        int wOff = off(weight);
        int oOff = off(output);
        int pOff = perSampleWeights == null ? 0 : off(perSampleWeights);
        boolean isFloat = weight.dtype() == DType.FLOAT32;
        float[] wf = isFloat ? (float[]) array(weight) : null;
        double[] wd = isFloat ? null : (double[]) array(weight);
        float[] of = isFloat ? (float[]) array(output) : null;
        double[] od = isFloat ? null : (double[]) array(output);
        float[] pf = isFloat && perSampleWeights != null ? (float[]) array(perSampleWeights) : null;
        double[] pd = !isFloat && perSampleWeights != null ? (double[]) array(perSampleWeights) : null;
        long work = Math.max(1, indices.numel() / Math.max(1, bags)) * dimSize;
        Parallel.forRange(bags, grain(work), (b, e) -> {
            for (int bag = (int) b; bag < e; bag++) {
                int start = (int) offs[ofOff + bag];
                int end = (int) offs[ofOff + bag + 1];
                int o = oOff + bag * dimSize;
                int count = 0;
                for (int l = start; l < end; l++) {
                    long row = idx[iOff + l];
                    if (row == paddingIdx) {
                        continue;
                    }
                    int r = wOff + (int) row * dimSize;
                    if (mode == MAX) {
                        for (int d = 0; d < dimSize; d++) {
                            if (isFloat) {
                                float v = wf[r + d];
                                if (count == 0 || v > of[o + d] || Float.isNaN(v)) {
                                    of[o + d] = v;
                                    arg[aOff + bag * dimSize + d] = row;
                                }
                            } else {
                                double v = wd[r + d];
                                if (count == 0 || v > od[o + d] || Double.isNaN(v)) {
                                    od[o + d] = v;
                                    arg[aOff + bag * dimSize + d] = row;
                                }
                            }
                        }
                    } else if (isFloat) {
                        float s = pf == null ? 1f : pf[pOff + l];
                        for (int d = 0; d < dimSize; d++) {
                            of[o + d] += pf == null ? wf[r + d] : wf[r + d] * s;
                        }
                    } else {
                        double s = pd == null ? 1.0 : pd[pOff + l];
                        for (int d = 0; d < dimSize; d++) {
                            od[o + d] += pd == null ? wd[r + d] : wd[r + d] * s;
                        }
                    }
                    count++;
                }
                if (mode == MAX && count == 0 && arg != null) {
                    Arrays.fill(arg, aOff + bag * dimSize, aOff + (bag + 1) * dimSize, -1L);
                }
                if (mode == MEAN && count > 0) {
                    for (int d = 0; d < dimSize; d++) {
                        if (isFloat) {
                            of[o + d] /= count;
                        } else {
                            od[o + d] /= count;
                        }
                    }
                }
            }
        });
    }

    /** See {@link dev.jtensor.core.spi.Backend#embeddingBagBackward}. */
    static void embeddingBagBackward(Tensor gradOutput, Tensor indices, Tensor offsets, int mode,
            Tensor perSampleWeights, long paddingIdx, Tensor maxIndices, Tensor gradWeight) {
        int bags = (int) gradOutput.size(0);
        int dimSize = (int) gradWeight.size(1);
        long[] idx = (long[]) array(indices);
        int iOff = off(indices);
        long[] offs = (long[]) array(offsets);
        int ofOff = off(offsets);
        int gOff = off(gradOutput);
        int wOff = off(gradWeight);
        int pOff = perSampleWeights == null ? 0 : off(perSampleWeights);
        boolean isFloat = gradWeight.dtype() == DType.FLOAT32;
        float[] gf = isFloat ? (float[]) array(gradOutput) : null;
        double[] gd = isFloat ? null : (double[]) array(gradOutput);
        float[] wf = isFloat ? (float[]) array(gradWeight) : null;
        double[] wd = isFloat ? null : (double[]) array(gradWeight);
        float[] pf = isFloat && perSampleWeights != null ? (float[]) array(perSampleWeights) : null;
        double[] pd = !isFloat && perSampleWeights != null ? (double[]) array(perSampleWeights) : null;
        if (mode == MAX) {
            long[] arg = (long[]) array(maxIndices);
            int aOff = off(maxIndices);
            for (int bag = 0; bag < bags; bag++) {
                for (int d = 0; d < dimSize; d++) {
                    long row = arg[aOff + bag * dimSize + d];
                    if (row < 0) {
                        continue;
                    }
                    int dst = wOff + (int) row * dimSize + d;
                    int src = gOff + bag * dimSize + d;
                    if (isFloat) {
                        wf[dst] += gf[src];
                    } else {
                        wd[dst] += gd[src];
                    }
                }
            }
            return;
        }
        // Rows of the weight gradient receive from several bags: one thread, in bag order.
        for (int bag = 0; bag < bags; bag++) {
            int start = (int) offs[ofOff + bag];
            int end = (int) offs[ofOff + bag + 1];
            int count = 0;
            if (mode == MEAN) {
                for (int l = start; l < end; l++) {
                    if (idx[iOff + l] != paddingIdx) {
                        count++;
                    }
                }
            }
            int src = gOff + bag * dimSize;
            for (int l = start; l < end; l++) {
                long row = idx[iOff + l];
                if (row == paddingIdx) {
                    continue;
                }
                int dst = wOff + (int) row * dimSize;
                if (isFloat) {
                    float s = pf == null ? 1f : pf[pOff + l];
                    for (int d = 0; d < dimSize; d++) {
                        wf[dst + d] += mode == MEAN ? gf[src + d] / count : gf[src + d] * s;
                    }
                } else {
                    double s = pd == null ? 1.0 : pd[pOff + l];
                    for (int d = 0; d < dimSize; d++) {
                        wd[dst + d] += mode == MEAN ? gd[src + d] / count : gd[src + d] * s;
                    }
                }
            }
        }
    }
}
