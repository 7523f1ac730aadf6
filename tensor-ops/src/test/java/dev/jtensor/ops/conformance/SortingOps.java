package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;

/** Conformance mappings of issue 20's sorting and selection ops ({@code sorting.jsonl}); they only translate arguments. */
final class SortingOps {
    private SortingOps() {}

    static void register() {
        op("sort", a -> a.tensor(0).sort(dim(a, 1, -1), a.kwBool("descending", false), a.kwBool("stable", false)));
        op("argsort", a -> a.tensor(0).argsort(dim(a, 1, -1), a.kwBool("descending", false), a.kwBool("stable", false)));
        op("topk", a -> a.tensor(0).topk(a.longAt(1), dim(a, 2, -1), a.kwBool("largest", true), a.kwBool("sorted", true)));
        op("kthvalue", a -> a.tensor(0).kthvalue(a.longAt(1), dim(a, 2, -1), a.kwBool("keepdim", false)));
        op("msort", a -> a.tensor(0).msort());
        op("unique", a -> {
            boolean inverse = a.kwBool("return_inverse", false);
            boolean counts = a.kwBool("return_counts", false);
            Long dim = a.hasKw("dim") ? a.kwLong("dim", 0) : null;
            Tensor[] r = a.tensor(0).unique(a.kwBool("sorted", true), inverse, counts, dim);
            return inverse || counts ? r : r[0];
        });
        op("searchsorted", a -> {
            Tensor seq = a.tensor(0);
            Tensor values = a.get(1) instanceof Tensor t ? t
                    : Tensor.full(new long[0], ((Number) a.get(1)).doubleValue(), DType.FLOAT64).to(seq.dtype());
            return seq.searchsorted(values, a.hasKw("right") ? (Boolean) a.kw("right") : null,
                    a.kwString("side", null), a.kwBool("out_int32", false), (Tensor) a.kw("sorter"));
        });
        op("bucketize", a -> {
            Tensor boundaries = a.tensor(1);
            Tensor input = a.get(0) instanceof Tensor t ? t
                    : Tensor.full(new long[0], ((Number) a.get(0)).doubleValue(), DType.FLOAT64).to(boundaries.dtype());
            return input.bucketize(boundaries, a.kwBool("right", false), a.kwBool("out_int32", false));
        });
        op("median", a -> a.has(1) || a.hasKw("dim") ? a.tensor(0).median(dim(a, 1, -1), a.kwBool("keepdim", false))
                : a.tensor(0).median());
        op("nanmedian", a -> a.has(1) || a.hasKw("dim")
                ? a.tensor(0).nanmedian(dim(a, 1, -1), a.kwBool("keepdim", false)) : a.tensor(0).nanmedian());
        op("mode", a -> a.tensor(0).mode(dim(a, 1, -1), a.kwBool("keepdim", false)));
        op("quantile", a -> {
            Object dimArg = a.argOrKw(2, "dim");
            Long dim = dimArg == null ? null : ((Number) dimArg).longValue();
            boolean keepdim = a.kwBool("keepdim", false);
            String interpolation = a.kwString("interpolation", "linear");
            return a.get(1) instanceof Tensor q ? a.tensor(0).quantile(q, dim, keepdim, interpolation)
                    : a.tensor(0).quantile(a.doubleAt(1), dim, keepdim, interpolation);
        });
    }

    /** The dim: positional {@code i}, else keyword {@code dim}, else {@code dflt}. */
    private static long dim(Args a, int i, long dflt) {
        Object d = a.argOrKw(i, "dim");
        return d == null ? dflt : ((Number) d).longValue();
    }
}
