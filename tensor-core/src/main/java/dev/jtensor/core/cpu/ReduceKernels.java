package dev.jtensor.core.cpu;

import dev.jtensor.core.Parallel;
import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.ReducePlan;
import dev.jtensor.core.spi.TensorIterator;

/**
 * CPU reduction and scan kernels over a {@link ReducePlan}. Work is split between threads only
 * over lines (independent output elements), at least {@link Parallel#GRAIN_SIZE} input elements
 * per chunk; how a line is summed depends on the plan alone, so results never depend on the
 * thread count. The dtype switch happens once per call, outside the loops.
 *
 * <p>Sums come in two loop orders chosen from the plan's strides: along each line (lines given
 * one after the other, the contiguous case using {@link FloatSumKernel}), or, when consecutive
 * lines are adjacent in memory and a line is strided (reducing a leading dim), across lines:
 * rows of the input are added into blocks of per-line partial sums ({@link #ROW_BLOCK} rows at a
 * time, then added into the totals), which reads memory in order.
 */
final class ReduceKernels {
    /** Rows added into a partial sum before it joins the total, in the across-lines order. */
    static final int ROW_BLOCK = 64;
    /** Lines handled at once in the across-lines order (the partial-sum buffers' length). */
    static final int COLUMN_BLOCK = 4096;

    private static final FloatSumKernel FLOAT_SUM = FloatSumKernel.best();

    private ReduceKernels() {}

    static void reduce(ReduceOp op, ReducePlan plan) {
        TensorIterator it = plan.iterator();
        int nout = plan.outputCount();
        Object in = ((CpuStorage) plan.input().storage()).array();
        Object out = ((CpuStorage) plan.output(0).storage()).array();
        int r = plan.reduceSize();
        int sr = plan.inputReduceStride();
        int si = it.innerStride(nout);
        int so = it.innerStride(0);
        // Across-lines order: lines adjacent in memory, each strided (see the class comment).
        boolean across = si == 1 && sr != 1;
        if ((op == ReduceOp.SUM || op == ReduceOp.MEAN) && it.numel() == 1 && sr == 1 && in instanceof float[] a) {
            // One long contiguous line: split its pairwise tree between threads (same bits as serial).
            float[] o = (float[]) out;
            float s = FLOAT_SUM.sumParallel(a, (int) plan.input().storageOffset(), r);
            o[(int) plan.output(0).storageOffset()] = op == ReduceOp.MEAN ? s / r : s;
            return;
        }
        TensorIterator.RowKernel k = switch (op) {
            case SUM, MEAN -> sumKernel(in, out, r, sr, si, so, nout, across, op == ReduceOp.MEAN);
            case PROD -> prodKernel(in, out, r, sr, si, so, nout);
            case AMAX, AMIN -> extremumKernel(in, out, r, sr, si, so, nout, op == ReduceOp.AMAX);
            case MAX, MIN, ARGMAX, ARGMIN -> {
                boolean max = op == ReduceOp.MAX || op == ReduceOp.ARGMAX;
                boolean values = op == ReduceOp.MAX || op == ReduceOp.MIN;
                long[] idx = (long[]) ((CpuStorage) plan.output(nout - 1).storage()).array();
                int sx = it.innerStride(nout - 1);
                yield argKernel(in, values ? out : null, idx, r, sr, si, so, sx, nout, max);
            }
            case ALL, ANY -> boolKernel((boolean[]) in, (boolean[]) out, r, sr, si, so, nout, op == ReduceOp.ALL);
            case LOGSUMEXP -> logSumExpKernel(in, out, r, sr, si, so, nout);
        };
        run(plan, k);
    }

    static void stdVar(ReducePlan plan, double correction, boolean std) {
        TensorIterator it = plan.iterator();
        Object in = ((CpuStorage) plan.input().storage()).array();
        Object out = ((CpuStorage) plan.output(0).storage()).array();
        int r = plan.reduceSize();
        int sr = plan.inputReduceStride();
        int si = it.innerStride(1);
        int so = it.innerStride(0);
        double divisor = Math.max(0, r - correction);
        run(plan, switch (in) {
            case float[] a -> (off, n) -> {
                float[] o = (float[]) out;
                for (int j = 0, p = off[1], q = off[0]; j < n; j++, p += si, q += so) {
                    double mean = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        mean += a[x];
                    }
                    mean /= r;
                    double m2 = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        double d = a[x] - mean;
                        m2 += d * d;
                    }
                    double v = m2 / divisor;
                    o[q] = (float) (std ? Math.sqrt(v) : v);
                }
            };
            case double[] a -> (off, n) -> {
                double[] o = (double[]) out;
                for (int j = 0, p = off[1], q = off[0]; j < n; j++, p += si, q += so) {
                    double mean = sumD(a, p, sr, r) / r;
                    double m2 = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        double d = a[x] - mean;
                        m2 += d * d;
                    }
                    double v = m2 / divisor;
                    o[q] = std ? Math.sqrt(v) : v;
                }
            };
            default -> throw unsupported("stdVar", in);
        });
    }

    static void cumsum(ReducePlan plan) {
        TensorIterator it = plan.iterator();
        Object in = ((CpuStorage) plan.input().storage()).array();
        Object out = ((CpuStorage) plan.output(0).storage()).array();
        int r = plan.reduceSize();
        int sr = plan.inputReduceStride();
        int sw = plan.outputReduceStride();
        int si = it.innerStride(1);
        int so = it.innerStride(0);
        run(plan, switch (in) {
            case float[] a -> (off, n) -> {
                float[] o = (float[]) out;
                for (int j = 0, p = off[1], q = off[0]; j < n; j++, p += si, q += so) {
                    double acc = 0;
                    for (int i = 0, x = p, y = q; i < r; i++, x += sr, y += sw) {
                        acc += a[x];
                        o[y] = (float) acc;
                    }
                }
            };
            case double[] a -> (off, n) -> {
                double[] o = (double[]) out;
                for (int j = 0, p = off[1], q = off[0]; j < n; j++, p += si, q += so) {
                    double acc = 0;
                    for (int i = 0, x = p, y = q; i < r; i++, x += sr, y += sw) {
                        acc += a[x];
                        o[y] = acc;
                    }
                }
            };
            case long[] a -> (off, n) -> {
                long[] o = (long[]) out;
                for (int j = 0, p = off[1], q = off[0]; j < n; j++, p += si, q += so) {
                    long acc = 0;
                    for (int i = 0, x = p, y = q; i < r; i++, x += sr, y += sw) {
                        acc += a[x];
                        o[y] = acc;
                    }
                }
            };
            default -> throw unsupported("cumsum", in);
        });
    }

    /** Runs a kernel over the plan's lines, in parallel above the grain size. */
    private static void run(ReducePlan plan, TensorIterator.RowKernel k) {
        TensorIterator it = plan.iterator();
        long grain = Math.max(1, Parallel.GRAIN_SIZE / plan.reduceSize());
        if (!Parallel.splits(it.numel(), grain)) {
            it.forEachRow(0, it.numel(), k); // forRange's one chunk, without allocating its body
            return;
        }
        Parallel.forRange(it.numel(), grain, (b, e) -> it.forEachRow(b, e, k));
    }

    private static IllegalStateException unsupported(String what, Object array) {
        return new IllegalStateException(what + " has no CPU kernel for " + array.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- sum and mean

    private static TensorIterator.RowKernel sumKernel(Object in, Object out, int r, int sr, int si, int so, int nin,
            boolean across, boolean mean) {
        return switch (in) {
            case float[] a -> {
                float[] o = (float[]) out;
                if (across) {
                    yield (off, n) -> sumAcrossF(a, off[nin], sr, r, n, o, off[0], so, mean);
                }
                yield (off, n) -> {
                    // One line at a time: two contiguous lines side by side measured slower
                    // (tensor-bench/scripts/analysis.md, ReductionBench.sumDim1).
                    for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                        float s = sr == 1 ? FLOAT_SUM.sum(a, p, r) : FloatSumKernel.sumStrided(a, p, sr, r);
                        o[q] = mean ? s / r : s;
                    }
                };
            }
            case double[] a -> {
                double[] o = (double[]) out;
                if (across) {
                    yield (off, n) -> sumAcrossD(a, off[nin], sr, r, n, o, off[0], so, mean);
                }
                yield (off, n) -> {
                    for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                        double s = sumD(a, p, sr, r);
                        o[q] = mean ? s / r : s;
                    }
                };
            }
            case long[] a -> (off, n) -> {
                long[] o = (long[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    long s = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        s += a[x];
                    }
                    o[q] = s;
                }
            };
            default -> throw unsupported("sum", in);
        };
    }

    /** Pairwise double sum of a strided run, four accumulators per block. */
    static double sumD(double[] a, int p, int s, int n) {
        if (n <= FloatSumKernel.BLOCK) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 4 <= n; i += 4, p += 4 * s) {
                s0 += a[p];
                s1 += a[p + s];
                s2 += a[p + 2 * s];
                s3 += a[p + 3 * s];
            }
            double t = (s0 + s1) + (s2 + s3);
            for (; i < n; i++, p += s) {
                t += a[p];
            }
            return t;
        }
        int h = FloatSumKernel.half(n);
        return sumD(a, p, s, h) + sumD(a, p + h * s, s, n - h);
    }

    /**
     * Sums of {@code n} adjacent lines of {@code r} elements {@code sr} apart, reading the input row
     * by row. Each line's sum is the same whatever {@code n}: blocks of {@link #ROW_BLOCK} rows are
     * summed in order, and the block sums are added in order.
     */
    private static void sumAcrossF(float[] a, int p, int sr, int r, int n, float[] o, int q, int so, boolean mean) {
        int width = Math.min(n, COLUMN_BLOCK);
        float[] total = new float[width];
        float[] part = new float[width];
        for (int j0 = 0; j0 < n; j0 += width) {
            int w = Math.min(width, n - j0);
            java.util.Arrays.fill(total, 0f);
            for (int r0 = 0; r0 < r; r0 += ROW_BLOCK) {
                int rEnd = Math.min(r, r0 + ROW_BLOCK);
                int base = p + r0 * sr + j0;
                System.arraycopy(a, base, part, 0, w);
                for (int i = r0 + 1; i < rEnd; i++) {
                    base += sr;
                    for (int j = 0; j < w; j++) {
                        part[j] += a[base + j];
                    }
                }
                for (int j = 0; j < w; j++) {
                    total[j] += part[j];
                }
            }
            for (int j = 0, y = q + j0 * so; j < w; j++, y += so) {
                o[y] = mean ? total[j] / r : total[j];
            }
        }
    }

    /** The float64 twin of {@link #sumAcrossF}. */
    private static void sumAcrossD(double[] a, int p, int sr, int r, int n, double[] o, int q, int so, boolean mean) {
        int width = Math.min(n, COLUMN_BLOCK);
        double[] total = new double[width];
        double[] part = new double[width];
        for (int j0 = 0; j0 < n; j0 += width) {
            int w = Math.min(width, n - j0);
            java.util.Arrays.fill(total, 0d);
            for (int r0 = 0; r0 < r; r0 += ROW_BLOCK) {
                int rEnd = Math.min(r, r0 + ROW_BLOCK);
                int base = p + r0 * sr + j0;
                System.arraycopy(a, base, part, 0, w);
                for (int i = r0 + 1; i < rEnd; i++) {
                    base += sr;
                    for (int j = 0; j < w; j++) {
                        part[j] += a[base + j];
                    }
                }
                for (int j = 0; j < w; j++) {
                    total[j] += part[j];
                }
            }
            for (int j = 0, y = q + j0 * so; j < w; j++, y += so) {
                o[y] = mean ? total[j] / r : total[j];
            }
        }
    }

    // ---------------------------------------------------------------- prod

    private static TensorIterator.RowKernel prodKernel(Object in, Object out, int r, int sr, int si, int so, int nin) {
        return switch (in) {
            case float[] a -> (off, n) -> {
                float[] o = (float[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    float s = 1;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        s *= a[x];
                    }
                    o[q] = s;
                }
            };
            case double[] a -> (off, n) -> {
                double[] o = (double[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    double s = 1;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        s *= a[x];
                    }
                    o[q] = s;
                }
            };
            case long[] a -> (off, n) -> {
                long[] o = (long[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    long s = 1;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        s *= a[x];
                    }
                    o[q] = s;
                }
            };
            default -> throw unsupported("prod", in);
        };
    }

    // ---------------------------------------------------------------- amax, amin

    private static TensorIterator.RowKernel extremumKernel(Object in, Object out, int r, int sr, int si, int so,
            int nin, boolean max) {
        return switch (in) {
            case float[] a -> (off, n) -> {
                float[] o = (float[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    float m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        float v = a[x];
                        // A NaN, once taken, stays: no comparison with it is true.
                        if ((max ? v > m : v < m) || v != v) {
                            m = v;
                        }
                    }
                    o[q] = m;
                }
            };
            case double[] a -> (off, n) -> {
                double[] o = (double[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    double m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        double v = a[x];
                        if ((max ? v > m : v < m) || v != v) {
                            m = v;
                        }
                    }
                    o[q] = m;
                }
            };
            case long[] a -> (off, n) -> {
                long[] o = (long[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    long m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        m = max ? Math.max(m, a[x]) : Math.min(m, a[x]);
                    }
                    o[q] = m;
                }
            };
            case int[] a -> (off, n) -> {
                int[] o = (int[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    int m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        m = max ? Math.max(m, a[x]) : Math.min(m, a[x]);
                    }
                    o[q] = m;
                }
            };
            case boolean[] a -> boolKernel(a, (boolean[]) out, r, sr, si, so, nin, !max);
            default -> throw unsupported("amax/amin", in);
        };
    }

    // ---------------------------------------------------------------- max/min with indices, argmax, argmin

    /** Writes each line's first extremum (or first NaN) index into {@code idx}, and its value into {@code values} if not null. */
    private static TensorIterator.RowKernel argKernel(Object in, Object values, long[] idx, int r, int sr, int si,
            int so, int sx, int nin, boolean max) {
        return switch (in) {
            case float[] a -> (off, n) -> {
                float[] o = (float[]) values;
                for (int j = 0, p = off[nin], q = off[0], y = off[nin - 1]; j < n; j++, p += si, q += so, y += sx) {
                    int best = 0;
                    float m = a[p];
                    for (int i = 1, x = p + sr; i < r && m == m; i++, x += sr) {
                        float v = a[x];
                        if ((max ? v > m : v < m) || v != v) {
                            m = v;
                            best = i;
                        }
                    }
                    idx[y] = best;
                    if (o != null) {
                        o[q] = m;
                    }
                }
            };
            case double[] a -> (off, n) -> {
                double[] o = (double[]) values;
                for (int j = 0, p = off[nin], q = off[0], y = off[nin - 1]; j < n; j++, p += si, q += so, y += sx) {
                    int best = 0;
                    double m = a[p];
                    for (int i = 1, x = p + sr; i < r && m == m; i++, x += sr) {
                        double v = a[x];
                        if ((max ? v > m : v < m) || v != v) {
                            m = v;
                            best = i;
                        }
                    }
                    idx[y] = best;
                    if (o != null) {
                        o[q] = m;
                    }
                }
            };
            case long[] a -> (off, n) -> {
                long[] o = (long[]) values;
                for (int j = 0, p = off[nin], q = off[0], y = off[nin - 1]; j < n; j++, p += si, q += so, y += sx) {
                    int best = 0;
                    long m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        long v = a[x];
                        if (max ? v > m : v < m) {
                            m = v;
                            best = i;
                        }
                    }
                    idx[y] = best;
                    if (o != null) {
                        o[q] = m;
                    }
                }
            };
            case int[] a -> (off, n) -> {
                int[] o = (int[]) values;
                for (int j = 0, p = off[nin], q = off[0], y = off[nin - 1]; j < n; j++, p += si, q += so, y += sx) {
                    int best = 0;
                    int m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        int v = a[x];
                        if (max ? v > m : v < m) {
                            m = v;
                            best = i;
                        }
                    }
                    idx[y] = best;
                    if (o != null) {
                        o[q] = m;
                    }
                }
            };
            case boolean[] a -> (off, n) -> {
                boolean[] o = (boolean[]) values;
                for (int j = 0, p = off[nin], q = off[0], y = off[nin - 1]; j < n; j++, p += si, q += so, y += sx) {
                    // max: the first true (else index 0); min: the first false (else index 0).
                    int best = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        if (a[x] == max) {
                            best = i;
                            break;
                        }
                    }
                    idx[y] = best;
                    if (o != null) {
                        o[q] = a[p + best * sr];
                    }
                }
            };
            default -> throw unsupported("max/min/argmax/argmin", in);
        };
    }

    // ---------------------------------------------------------------- all, any

    /** {@code all} when {@code and}, else {@code any}: stops at the first deciding element. */
    private static TensorIterator.RowKernel boolKernel(boolean[] a, boolean[] o, int r, int sr, int si, int so,
            int nin, boolean and) {
        return (off, n) -> {
            for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                boolean acc = and;
                for (int i = 0, x = p; i < r; i++, x += sr) {
                    if (a[x] != and) {
                        acc = !and;
                        break;
                    }
                }
                o[q] = acc;
            }
        };
    }

    // ---------------------------------------------------------------- logsumexp

    private static TensorIterator.RowKernel logSumExpKernel(Object in, Object out, int r, int sr, int si, int so,
            int nin) {
        return switch (in) {
            case float[] a -> (off, n) -> {
                float[] o = (float[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    float m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        float v = a[x];
                        if (v > m || v != v) {
                            m = v;
                        }
                    }
                    // An infinite maximum would give inf - inf; PyTorch shifts by 0 instead.
                    double shift = Float.isInfinite(m) ? 0 : m;
                    double s = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        s += StrictMath.exp(a[x] - shift);
                    }
                    o[q] = (float) (StrictMath.log(s) + shift);
                }
            };
            case double[] a -> (off, n) -> {
                double[] o = (double[]) out;
                for (int j = 0, p = off[nin], q = off[0]; j < n; j++, p += si, q += so) {
                    double m = a[p];
                    for (int i = 1, x = p + sr; i < r; i++, x += sr) {
                        double v = a[x];
                        if (v > m || v != v) {
                            m = v;
                        }
                    }
                    double shift = Double.isInfinite(m) ? 0 : m;
                    double s = 0;
                    for (int i = 0, x = p; i < r; i++, x += sr) {
                        s += StrictMath.exp(a[x] - shift);
                    }
                    o[q] = StrictMath.log(s) + shift;
                }
            };
            default -> throw unsupported("logsumexp", in);
        };
    }
}
