package dev.jtensor.ops.conformance;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.CrossEntropyOptions;
import dev.jtensor.ops.nn.EmbeddingBagMode;
import dev.jtensor.ops.nn.EmbeddingBagOptions;
import dev.jtensor.ops.nn.EmbeddingOptions;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.NllLossOptions;
import dev.jtensor.ops.nn.Reduction;
import java.util.HashMap;
import java.util.Map;

/**
 * The one table mapping each PyTorch op name of the conformance files to the Java API. Entries
 * only translate arguments and results; all semantics live in the library, where users get them.
 * Each area adds its entries in its own section.
 */
final class OpTable {
    /** One op: arguments in, result out (a Tensor, a list/array of tensors, a record of tensors, a number or a string). */
    @FunctionalInterface
    interface Op {
        Object apply(Args a);
    }

    static final Map<String, Op> OPS = new HashMap<>();

    private OpTable() {}

    /** One module kind of the {@code module:<Name>} cases: builds it from the ctor arguments, then applies it. */
    interface ModuleOp {
        /** Builds the module from the case's {@code ctor} keyword arguments. */
        dev.jtensor.ops.nn.Module build(Args ctor);

        /**
         * Applies the module to the case's positional args (and its {@code forward} keyword arguments);
         * {@code ctor} is what it was built from (some modules' results depend on it, e.g. return_indices).
         */
        Object forward(dev.jtensor.ops.nn.Module m, Args in, Args ctor);
    }

    static final Map<String, ModuleOp> MODULES = new HashMap<>();

    static void op(String name, Op op) {
        OPS.put(name, op);
    }

    static void module(String name, ModuleOp op) {
        MODULES.put(name, op);
    }

    static {
        views();
        creation();
        printing();
        elementwise();
        reductions();
        indexing();
        random();
        linalg();
        nn();
        ShapeOps.register();
        PredicateOps.register();
        MathFunctionOps.register();
        ScanOps.register();
        SortingOps.register();
        NnOps2.register();
    }

    // ---------------------------------------------------------------- views
    private static void views() {
        op("view", a -> a.tensor(0).view(a.longs(1)));
        op("reshape", a -> a.tensor(0).reshape(a.longs(1)));
        op("transpose", a -> a.tensor(0).transpose(a.longAt(1), a.longAt(2)));
        op("permute", a -> a.tensor(0).permute(a.ints(1)));
        op("t", a -> a.tensor(0).t());
        op("squeeze", a -> a.has(1) ? a.tensor(0).squeeze(a.longAt(1)) : a.tensor(0).squeeze());
        op("unsqueeze", a -> a.tensor(0).unsqueeze(a.longAt(1)));
        op("expand", a -> a.tensor(0).expand(a.longs(1)));
        op("flatten", a -> a.tensor(0).flatten(
                a.has(1) ? a.longAt(1) : a.kwLong("start_dim", 0),
                a.has(2) ? a.longAt(2) : a.kwLong("end_dim", -1)));
        op("unflatten", a -> a.tensor(0).unflatten(a.longAt(1), a.longs(2)));
        op("narrow", a -> a.tensor(0).narrow(a.longAt(1), a.longAt(2), a.longAt(3)));
        op("select", a -> a.tensor(0).select(a.longAt(1), a.longAt(2)));
        op("contiguous", a -> a.tensor(0).contiguous());
        op("split", a -> {
            long dim = a.has(2) ? a.longAt(2) : 0;
            return a.get(1) instanceof Number n ? a.tensor(0).split(n.longValue(), dim)
                    : a.tensor(0).split(a.longs(1), dim);
        });
        op("chunk", a -> a.tensor(0).chunk(a.longAt(1), a.has(2) ? a.longAt(2) : 0));
        op("unbind", a -> a.tensor(0).unbind(a.has(1) ? a.longAt(1) : 0));
        op("cat", a -> Tensor.cat(a.tensors(0), a.has(1) ? a.longAt(1) : a.kwLong("dim", 0)));
        op("stack", a -> Tensor.stack(a.tensors(0), a.has(1) ? a.longAt(1) : a.kwLong("dim", 0)));
        op("repeat", a -> a.tensor(0).repeat(a.longs(1)));
        op("flip", a -> a.tensor(0).flip(a.ints(1)));
    }
    // ---------------------------------------------------------------- end of views

    // ---------------------------------------------------------------- creation
    private static void creation() {
        op("tensor", a -> a.kwDtype("dtype") == null ? Tensor.tensor(a.get(0)) : Tensor.tensor(a.get(0), a.kwDtype("dtype")));
        op("zeros", a -> Tensor.zeros(a.longs(0), dtypeOr(a, DType.FLOAT32)));
        op("ones", a -> Tensor.ones(a.longs(0), dtypeOr(a, DType.FLOAT32)));
        op("full", a -> {
            Object v = a.get(1);
            DType dtype = a.kwDtype("dtype");
            Tensor t = switch (v) {
                case Boolean b -> Tensor.full(a.longs(0), b);
                case Long l when dtype != null -> Tensor.full(a.longs(0), l, dtype);
                case Long l -> Tensor.full(a.longs(0), l);
                case Double d when dtype != null -> Tensor.full(a.longs(0), d, dtype);
                default -> Tensor.full(a.longs(0), ((Number) v).doubleValue());
            };
            return dtype == null ? t : t.to(dtype);
        });
        op("arange", a -> {
            boolean allInts = true;
            for (Object o : a.positional()) {
                allInts &= o instanceof Long;
            }
            DType dtype = a.kwDtype("dtype");
            double start = a.size() > 1 ? a.doubleAt(0) : 0;
            double end = a.size() > 1 ? a.doubleAt(1) : a.doubleAt(0);
            if (allInts) {
                long s = a.size() > 1 ? a.longAt(0) : 0;
                long e = a.size() > 1 ? a.longAt(1) : a.longAt(0);
                long step = a.size() > 2 ? a.longAt(2) : 1;
                Tensor t = Tensor.arange(s, e, step);
                return dtype == null ? t : t.to(dtype);
            }
            double step = a.size() > 2 ? a.doubleAt(2) : 1;
            return Tensor.arange(start, end, step, dtype == null ? DType.FLOAT32 : dtype);
        });
        op("linspace", a -> Tensor.linspace(a.doubleAt(0), a.doubleAt(1), a.longAt(2), dtypeOr(a, DType.FLOAT32)));
        op("eye", a -> Tensor.eye(a.longAt(0), a.has(1) ? a.longAt(1) : a.longAt(0), dtypeOr(a, DType.FLOAT32)));
        op("zeros_like", a -> a.hasKw("dtype") ? Tensor.fullLike(a.tensor(0), 0, a.kwDtype("dtype")) : Tensor.zerosLike(a.tensor(0)));
        op("ones_like", a -> a.hasKw("dtype") ? Tensor.fullLike(a.tensor(0), 1, a.kwDtype("dtype")) : Tensor.onesLike(a.tensor(0)));
        op("full_like", a -> {
            Tensor t = a.tensor(0);
            Object v = a.get(1);
            DType dtype = a.hasKw("dtype") ? a.kwDtype("dtype") : t.dtype();
            double value = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
            return Tensor.fullLike(t, value, dtype);
        });
        op("to", a -> a.tensor(0).to(((Values.DTypeArg) a.get(1)).dtype()));
    }

    static DType dtypeOr(Args a, DType dflt) {
        DType d = a.kwDtype("dtype");
        return d == null ? dflt : d;
    }
    // ---------------------------------------------------------------- end of creation

    // ---------------------------------------------------------------- printing
    private static void printing() {
        op("repr", a -> a.tensor(0).toString());
    }
    // ---------------------------------------------------------------- end of printing

    // ---------------------------------------------------------------- elementwise
    private static void elementwise() {
        op("add", a -> addOrSub(a, true));
        op("sub", a -> addOrSub(a, false));
        op("mul", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).mul(t);
            case Long l -> a.tensor(0).mul(l);
            case Boolean b -> a.tensor(0).mul(b);
            default -> a.tensor(0).mul(a.doubleAt(1));
        });
        op("div", a -> {
            Tensor x = a.tensor(0);
            String mode = a.kwString("rounding_mode", null);
            return switch (a.get(1)) {
                case Tensor t -> mode == null ? x.div(t) : x.div(t, mode);
                case Long l -> mode == null ? x.div(l) : x.div(l, mode);
                case Boolean b -> x.div(b);
                default -> mode == null ? x.div(a.doubleAt(1)) : x.div(a.doubleAt(1), mode);
            };
        });
        op("remainder", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).remainder(t);
            case Long l -> a.tensor(0).remainder(l);
            default -> a.tensor(0).remainder(a.doubleAt(1));
        });
        op("pow", a -> switch (a.get(0)) {
            case Long base -> Tensor.pow(base, a.tensor(1));
            case Double base -> Tensor.pow(base, a.tensor(1));
            default -> switch (a.get(1)) {
                case Tensor t -> a.tensor(0).pow(t);
                case Long l -> a.tensor(0).pow(l);
                default -> a.tensor(0).pow(a.doubleAt(1));
            };
        });
        op("maximum", a -> a.tensor(0).maximum(a.tensor(1)));
        op("minimum", a -> a.tensor(0).minimum(a.tensor(1)));
        op("eq", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).eq(t);
            case Long l -> a.tensor(0).eq(l);
            case Boolean b -> a.tensor(0).eq(b);
            default -> a.tensor(0).eq(a.doubleAt(1));
        });
        op("ne", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).ne(t);
            case Long l -> a.tensor(0).ne(l);
            case Boolean b -> a.tensor(0).ne(b);
            default -> a.tensor(0).ne(a.doubleAt(1));
        });
        op("lt", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).lt(t);
            case Long l -> a.tensor(0).lt(l);
            default -> a.tensor(0).lt(a.doubleAt(1));
        });
        op("le", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).le(t);
            case Long l -> a.tensor(0).le(l);
            default -> a.tensor(0).le(a.doubleAt(1));
        });
        op("gt", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).gt(t);
            case Long l -> a.tensor(0).gt(l);
            default -> a.tensor(0).gt(a.doubleAt(1));
        });
        op("ge", a -> switch (a.get(1)) {
            case Tensor t -> a.tensor(0).ge(t);
            case Long l -> a.tensor(0).ge(l);
            default -> a.tensor(0).ge(a.doubleAt(1));
        });
        op("logical_and", a -> a.tensor(0).logicalAnd(a.tensor(1)));
        op("logical_or", a -> a.tensor(0).logicalOr(a.tensor(1)));
        op("logical_not", a -> a.tensor(0).logicalNot());
        op("neg", a -> a.tensor(0).neg());
        op("abs", a -> a.tensor(0).abs());
        op("exp", a -> a.tensor(0).exp());
        op("log", a -> a.tensor(0).log());
        op("log1p", a -> a.tensor(0).log1p());
        op("sqrt", a -> a.tensor(0).sqrt());
        op("rsqrt", a -> a.tensor(0).rsqrt());
        op("sin", a -> a.tensor(0).sin());
        op("cos", a -> a.tensor(0).cos());
        op("tanh", a -> a.tensor(0).tanh());
        op("sigmoid", a -> a.tensor(0).sigmoid());
        op("relu", a -> a.tensor(0).relu());
        op("gelu", a -> a.tensor(0).gelu(a.kwString("approximate", "none")));
        op("floor", a -> a.tensor(0).floor());
        op("ceil", a -> a.tensor(0).ceil());
        op("round", a -> a.tensor(0).round(a.kwLong("decimals", 0)));
        op("reciprocal", a -> a.tensor(0).reciprocal());
        op("clamp", a -> {
            Object min = a.argOrKw(1, "min");
            Object max = a.argOrKw(2, "max");
            return min instanceof Tensor || max instanceof Tensor ? a.tensor(0).clamp((Tensor) min, (Tensor) max)
                    : a.tensor(0).clamp((Number) min, (Number) max);
        });
        op("where", a -> {
            if (a.size() == 1) {
                return Tensor.where(a.tensor(0));
            }
            Tensor cond = a.tensor(0);
            Object x = a.get(1);
            Object y = a.get(2);
            if (x instanceof Tensor xt) {
                return switch (y) {
                    case Tensor yt -> Tensor.where(cond, xt, yt);
                    case Long l -> Tensor.where(cond, xt, l);
                    default -> Tensor.where(cond, xt, a.doubleAt(2));
                };
            }
            return x instanceof Long l ? Tensor.where(cond, l, a.tensor(2)) : Tensor.where(cond, a.doubleAt(1), a.tensor(2));
        });
        op("masked_fill", a -> switch (a.get(2)) {
            case Tensor v -> a.tensor(0).maskedFill(a.tensor(1), v);
            case Long l -> a.tensor(0).maskedFill(a.tensor(1), l);
            case Boolean b -> a.tensor(0).maskedFill(a.tensor(1), b);
            default -> a.tensor(0).maskedFill(a.tensor(1), a.doubleAt(2));
        });
        op("tril", a -> a.tensor(0).tril(a.has(1) ? a.longAt(1) : a.kwLong("diagonal", 0)));
        op("triu", a -> a.tensor(0).triu(a.has(1) ? a.longAt(1) : a.kwLong("diagonal", 0)));
    }

    /** add/sub with an optional alpha; a Python-number other stays a Java number. */
    private static Tensor addOrSub(Args a, boolean add) {
        Tensor x = a.tensor(0);
        Object other = a.get(1);
        Object alpha = a.kw("alpha");
        if (other instanceof Tensor t) {
            if (alpha == null) {
                return add ? x.add(t) : x.sub(t);
            }
            return alpha instanceof Long l ? (add ? x.add(t, l) : x.sub(t, l))
                    : (add ? x.add(t, ((Number) alpha).doubleValue()) : x.sub(t, ((Number) alpha).doubleValue()));
        }
        if (alpha != null) {
            return add ? x.add((Number) other, (Number) alpha) : x.sub((Number) other, (Number) alpha);
        }
        return switch (other) {
            case Long l -> add ? x.add(l) : x.sub(l);
            case Boolean b -> add ? x.add(b) : x.sub(b);
            default -> add ? x.add(((Number) other).doubleValue()) : x.sub(((Number) other).doubleValue());
        };
    }
    // ---------------------------------------------------------------- end of elementwise

    // ---------------------------------------------------------------- reductions
    private static void reductions() {
        op("sum", a -> {
            int[] dims = dims(a);
            DType dtype = a.kwDtype("dtype");
            return dims == null && dtype == null ? a.tensor(0).sum() : a.tensor(0).sum(dims, keepdim(a), dtype);
        });
        op("mean", a -> {
            int[] dims = dims(a);
            DType dtype = a.kwDtype("dtype");
            return dims == null && dtype == null ? a.tensor(0).mean() : a.tensor(0).mean(dims, keepdim(a), dtype);
        });
        op("prod", a -> dims(a) == null ? (a.hasKw("dtype") ? a.tensor(0).prod(a.kwDtype("dtype")) : a.tensor(0).prod())
                : a.tensor(0).prod(dims(a)[0], keepdim(a), a.kwDtype("dtype")));
        op("max", a -> dims(a) == null ? a.tensor(0).max() : a.tensor(0).max(dims(a)[0], keepdim(a)));
        op("min", a -> dims(a) == null ? a.tensor(0).min() : a.tensor(0).min(dims(a)[0], keepdim(a)));
        op("argmax", a -> dims(a) == null ? a.tensor(0).argmax() : a.tensor(0).argmax(dims(a)[0], keepdim(a)));
        op("argmin", a -> dims(a) == null ? a.tensor(0).argmin() : a.tensor(0).argmin(dims(a)[0], keepdim(a)));
        op("amax", a -> a.tensor(0).amax(dims(a), keepdim(a)));
        op("amin", a -> a.tensor(0).amin(dims(a), keepdim(a)));
        op("logsumexp", a -> a.tensor(0).logsumexp(dims(a), keepdim(a)));
        op("var", a -> a.tensor(0).var(dims(a), correction(a), keepdim(a)));
        op("std", a -> a.tensor(0).std(dims(a), correction(a), keepdim(a)));
        op("all", a -> dims(a) == null ? a.tensor(0).all() : a.tensor(0).all(dims(a)[0], keepdim(a)));
        op("any", a -> dims(a) == null ? a.tensor(0).any() : a.tensor(0).any(dims(a)[0], keepdim(a)));
        op("cumsum", a -> a.hasKw("dtype") ? a.tensor(0).cumsum(dims(a)[0], a.kwDtype("dtype"))
                : a.tensor(0).cumsum(dims(a)[0]));
    }

    /** The {@code dim} argument (positional 1 or keyword) as a list, or null when absent. */
    private static int[] dims(Args a) {
        Object d = a.argOrKw(1, "dim");
        if (d == null) {
            return null;
        }
        long[] l = Args.toLongs(d);
        int[] r = new int[l.length];
        for (int k = 0; k < l.length; k++) {
            r[k] = Math.toIntExact(l[k]);
        }
        return r;
    }

    private static boolean keepdim(Args a) {
        return a.kwBool("keepdim", false);
    }

    /** var/std's correction: the keyword {@code correction}, else 1 or 0 from {@code unbiased} (default true). */
    private static double correction(Args a) {
        return a.hasKw("correction") ? a.kwDouble("correction", 1) : a.kwBool("unbiased", true) ? 1 : 0;
    }
    // ---------------------------------------------------------------- end of reductions

    // ---------------------------------------------------------------- indexing
    private static void indexing() {
        op("index", a -> a.tensor(0).index(indexItems(a.get(1))));
        op("index_put", a -> a.tensor(0).indexPut(indexItems(a.get(1)), putValue(a.get(2), a.tensor(0).dtype())));
        op("index_put_accumulate", a -> a.tensor(0).indexPut(indexItems(a.get(1)),
                putValue(a.get(2), a.tensor(0).dtype()), true));
        op("masked_select", a -> a.tensor(0).maskedSelect(a.tensor(1)));
        op("nonzero", a -> a.kwBool("as_tuple", false) ? a.tensor(0).nonzeroAsTuple() : a.tensor(0).nonzero());
        op("gather", a -> a.tensor(0).gather(a.longAt(1), a.tensor(2)));
        op("scatter", a -> a.has(3) ? a.tensor(0).scatter(a.longAt(1), a.tensor(2), a.tensor(3))
                : a.tensor(0).scatter(a.longAt(1), a.tensor(2), a.kwDouble("value", 0)));
        op("scatter_add", a -> a.tensor(0).scatterAdd(a.longAt(1), a.tensor(2), a.tensor(3)));
        op("index_select", a -> a.tensor(0).indexSelect(a.longAt(1), a.tensor(2)));
        op("index_add", a -> a.tensor(0).indexAdd(a.longAt(1), a.tensor(2), a.tensor(3), a.kwDouble("alpha", 1)));
    }

    /** The items of {@code x[i0, i1, ...]}: integers, slices, ellipsis, newaxis and tensors. */
    static dev.jtensor.core.Index[] indexItems(Object list) {
        java.util.List<?> items = (java.util.List<?>) list;
        dev.jtensor.core.Index[] out = new dev.jtensor.core.Index[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (items.get(i)) {
                case Long l -> dev.jtensor.core.Index.at(l);
                case Values.SliceArg s -> dev.jtensor.core.Index.slice(s.start(), s.stop(), s.step());
                case Values.Marker m -> m == Values.Marker.ELLIPSIS ? dev.jtensor.core.Index.ellipsis()
                        : dev.jtensor.core.Index.newAxis();
                case Tensor t -> dev.jtensor.core.Index.tensor(t);
                default -> throw new IllegalArgumentException("not an index item: " + items.get(i));
            };
        }
        return out;
    }

    /** The value of {@code x[idx] = v}: a Python int or float converted as Python does, or a tensor. */
    private static Tensor putValue(Object v, DType dtype) {
        return switch (v) {
            case Long l -> Tensor.scalar(l);
            case Double d -> Tensor.scalar(d, dtype);
            default -> (Tensor) v;
        };
    }
    // ---------------------------------------------------------------- end of indexing

    // ---------------------------------------------------------------- random
    private static void random() {
        op("rng", RngPrograms::run);
    }
    // ---------------------------------------------------------------- end of random

    // ---------------------------------------------------------------- linalg
    private static void linalg() {
        op("matmul", a -> a.tensor(0).matmul(a.tensor(1)));
        op("mm", a -> a.tensor(0).mm(a.tensor(1)));
        op("bmm", a -> a.tensor(0).bmm(a.tensor(1)));
        op("dot", a -> a.tensor(0).dot(a.tensor(1)));
        op("mv", a -> a.tensor(0).mv(a.tensor(1)));
        op("outer", a -> a.tensor(0).outer(a.tensor(1)));
    }
    // ---------------------------------------------------------------- end of linalg

    // ---------------------------------------------------------------- nn
    private static void nn() {
        op("softmax", a -> F.softmax(a.tensor(0), a.has(1) ? a.longAt(1) : a.kwLong("dim", -1)));
        op("log_softmax", a -> F.logSoftmax(a.tensor(0), a.has(1) ? a.longAt(1) : a.kwLong("dim", -1)));
        op("cross_entropy", a -> F.crossEntropy(a.tensor(0), a.tensor(1), new CrossEntropyOptions()
                .weight((Tensor) a.kw("weight"))
                .ignoreIndex(a.kwLong("ignore_index", -100))
                .reduction(Reduction.of(a.kwString("reduction", "mean")))
                .labelSmoothing(a.kwDouble("label_smoothing", 0.0))));
        op("nll_loss", a -> F.nllLoss(a.tensor(0), a.tensor(1), new NllLossOptions()
                .weight((Tensor) a.kw("weight"))
                .ignoreIndex(a.kwLong("ignore_index", -100))
                .reduction(Reduction.of(a.kwString("reduction", "mean")))));
        op("embedding", a -> F.embedding(a.tensor(0), a.tensor(1), new EmbeddingOptions()
                .paddingIdx(a.hasKw("padding_idx") ? a.kwLong("padding_idx", 0) : null)
                .maxNorm(a.hasKw("max_norm") ? a.kwDouble("max_norm", 0) : null)
                .normType(a.kwDouble("norm_type", 2.0))));
        op("embedding_bag", a -> F.embeddingBag(a.tensor(0), a.tensor(1), new EmbeddingBagOptions()
                .offsets((Tensor) a.argOrKw(2, "offsets"))
                .mode(EmbeddingBagMode.of(a.kwString("mode", "mean")))
                .perSampleWeights((Tensor) a.kw("per_sample_weights"))
                .includeLastOffset(a.kwBool("include_last_offset", false))
                .paddingIdx(a.hasKw("padding_idx") ? a.kwLong("padding_idx", 0) : null)
                .maxNorm(a.hasKw("max_norm") ? a.kwDouble("max_norm", 0) : null)));
        op("linear", a -> F.linear(a.tensor(0), a.tensor(1), a.has(2) ? a.tensor(2) : (Tensor) a.kw("bias")));
        op("layer_norm", a -> F.layerNorm(a.tensor(0), a.longs(1),
                (Tensor) a.argOrKw(2, "weight"), (Tensor) a.argOrKw(3, "bias"), a.kwDouble("eps", 1e-5)));
        op("mse_loss", a -> F.mseLoss(a.tensor(0), a.tensor(1), Reduction.of(a.kwString("reduction", "mean"))));
    }
    // ---------------------------------------------------------------- end of nn
}
