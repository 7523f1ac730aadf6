package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Tensor;

/** Conformance mappings of issue 20's scans and statistics ({@code scans.jsonl}); they only translate arguments. */
final class ScanOps {
    private ScanOps() {}

    static void register() {
        op("cumprod", a -> a.kwDtype("dtype") == null ? a.tensor(0).cumprod(a.longAt(1))
                : a.tensor(0).cumprod(a.longAt(1), a.kwDtype("dtype")));
        op("cummax", a -> a.tensor(0).cummax(a.longAt(1)));
        op("cummin", a -> a.tensor(0).cummin(a.longAt(1)));
        op("logcumsumexp", a -> a.tensor(0).logcumsumexp(a.longAt(1)));
        op("std_mean", a -> a.tensor(0).stdMean(dims(a.argOrKw(1, "dim")), correction(a), keepdim(a, 3)));
        op("var_mean", a -> a.tensor(0).varMean(dims(a.argOrKw(1, "dim")), correction(a), keepdim(a, 3)));
        op("linalg.vector_norm", a -> a.tensor(0).vectorNorm(order(a.argOrKw(1, "ord"), 2),
                dims(a.argOrKw(2, "dim")), keepdim(a, 3), a.kwDtype("dtype")));
        op("norm", a -> {
            Object p = a.argOrKw(1, "p");
            int[] dims = dims(a.argOrKw(2, "dim"));
            boolean keepdim = keepdim(a, 3);
            if (p instanceof String s && (s.equals("fro") || s.equals("nuc"))) {
                return a.tensor(0).norm(s, dims, keepdim);
            }
            return a.tensor(0).norm(order(p, 2), dims, keepdim);
        });
        op("count_nonzero", a -> a.tensor(0).countNonzero(dims(a.argOrKw(1, "dim"))));
        op("nansum", a -> a.tensor(0).nansum(dims(a.argOrKw(1, "dim")), keepdim(a, 2)));
        op("nanmean", a -> a.tensor(0).nanmean(dims(a.argOrKw(1, "dim")), keepdim(a, 2)));
        op("aminmax", a -> a.hasKw("dim") ? a.tensor(0).aminmax(a.kwLong("dim", 0), a.kwBool("keepdim", false))
                : a.tensor(0).aminmax());
        op("diff", a -> a.tensor(0).diff(a.kwLong("n", 1), a.kwLong("dim", -1), (Tensor) a.kw("prepend"),
                (Tensor) a.kw("append")));
    }

    /** A dim argument: null (all), one dim, or a list. */
    private static int[] dims(Object o) {
        return o == null ? null : Args.toLongs(o).length == 0 ? new int[0] : toInts(Args.toLongs(o));
    }

    private static int[] toInts(long[] l) {
        int[] r = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            r[i] = (int) l[i];
        }
        return r;
    }

    /** std_mean/var_mean: {@code correction}, or {@code unbiased} (positional 2 or keyword), default 1. */
    private static double correction(Args a) {
        if (a.hasKw("correction")) {
            return a.kwDouble("correction", 1);
        }
        Object unbiased = a.argOrKw(2, "unbiased");
        return unbiased == null || (Boolean) unbiased ? 1 : 0;
    }

    private static boolean keepdim(Args a, int position) {
        Object k = a.argOrKw(position, "keepdim");
        return k != null && (Boolean) k;
    }

    /** A norm order: a number, or "inf"/"-inf". */
    private static double order(Object o, double dflt) {
        if (o == null) {
            return dflt;
        }
        if (o instanceof String s) {
            return switch (s) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("not a numeric order: " + s);
            };
        }
        return ((Number) o).doubleValue();
    }
}
