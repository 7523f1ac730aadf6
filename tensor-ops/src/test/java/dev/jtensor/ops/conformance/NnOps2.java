package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.module;
import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.BCELoss;
import dev.jtensor.ops.nn.BCEWithLogitsLoss;
import dev.jtensor.ops.nn.CELU;
import dev.jtensor.ops.nn.CTCLoss;
import dev.jtensor.ops.nn.CosineEmbeddingLoss;
import dev.jtensor.ops.nn.CrossEntropyLoss;
import dev.jtensor.ops.nn.ELU;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Flatten;
import dev.jtensor.ops.nn.GELU;
import dev.jtensor.ops.nn.GLU;
import dev.jtensor.ops.nn.GaussianNLLLoss;
import dev.jtensor.ops.nn.Hardshrink;
import dev.jtensor.ops.nn.Hardsigmoid;
import dev.jtensor.ops.nn.Hardswish;
import dev.jtensor.ops.nn.Hardtanh;
import dev.jtensor.ops.nn.HuberLoss;
import dev.jtensor.ops.nn.Identity;
import dev.jtensor.ops.nn.KLDivLoss;
import dev.jtensor.ops.nn.L1Loss;
import dev.jtensor.ops.nn.LeakyReLU;
import dev.jtensor.ops.nn.LogSigmoid;
import dev.jtensor.ops.nn.LogSoftmax;
import dev.jtensor.ops.nn.MSELoss;
import dev.jtensor.ops.nn.MarginRankingLoss;
import dev.jtensor.ops.nn.Mish;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.NLLLoss;
import dev.jtensor.ops.nn.PoissonNLLLoss;
import dev.jtensor.ops.nn.ReLU;
import dev.jtensor.ops.nn.ReLU6;
import dev.jtensor.ops.nn.Reduction;
import dev.jtensor.ops.nn.SELU;
import dev.jtensor.ops.nn.SiLU;
import dev.jtensor.ops.nn.Sigmoid;
import dev.jtensor.ops.nn.SmoothL1Loss;
import dev.jtensor.ops.nn.Softmax;
import dev.jtensor.ops.nn.Softmin;
import dev.jtensor.ops.nn.Softplus;
import dev.jtensor.ops.nn.Softshrink;
import dev.jtensor.ops.nn.Softsign;
import dev.jtensor.ops.nn.Tanh;
import dev.jtensor.ops.nn.Tanhshrink;
import dev.jtensor.ops.nn.TripletMarginLoss;
import dev.jtensor.ops.nn.Unflatten;
import java.util.function.Function;
import java.util.function.Supplier;

/** Conformance mappings of nn2.jsonl (issue 21): activations, distances, padding, losses and their modules. */
final class NnOps2 {
    private NnOps2() {}

    static void register() {
        clipping();
        functional();
        losses();
        modules();
        NormOps.register();
        AttentionOps.register();
        ConvOps.register();
    }

    /** A norm order or other number that may be the string "inf" / "-inf". */
    static double num(Object o, double dflt) {
        if (o == null) {
            return dflt;
        }
        if (o instanceof String s) {
            return switch (s) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("not a number: " + s);
            };
        }
        return ((Number) o).doubleValue();
    }

    private static Reduction reduction(Args a) {
        return Reduction.of(a.kwString("reduction", "mean"));
    }

    /** clip_grad_norm_ / clip_grad_value_: the case's gradients become the .grad of as many parameters. */
    private static void clipping() {
        op("clip_grad_norm_", a -> {
            java.util.List<Tensor> ps = withGrads(a.tensors(0));
            Tensor total = dev.jtensor.ops.nn.ClipGrad.clipGradNorm_(ps, num(a.get(1), 0), num(a.kw("norm_type"), 2.0),
                    a.kwBool("error_if_nonfinite", false));
            return java.util.List.of(total, ps.stream().map(Tensor::grad).toList());
        });
        op("clip_grad_value_", a -> {
            java.util.List<Tensor> ps = withGrads(a.tensors(0));
            dev.jtensor.ops.nn.ClipGrad.clipGradValue_(ps, num(a.get(1), 0));
            return ps.stream().map(Tensor::grad).toList();
        });
    }

    private static java.util.List<Tensor> withGrads(Tensor[] grads) {
        java.util.List<Tensor> ps = new java.util.ArrayList<>();
        for (Tensor g : grads) {
            Tensor p = Tensor.zerosLike(g).requiresGrad(true);
            p.setGrad(g);
            ps.add(p);
        }
        return ps;
    }

    private static void functional() {
        op("silu", a -> F.silu(a.tensor(0)));
        op("mish", a -> F.mish(a.tensor(0)));
        op("leaky_relu", a -> F.leakyRelu(a.tensor(0), num(a.argOrKw(1, "negative_slope"), 0.01)));
        op("elu", a -> F.elu(a.tensor(0), num(a.argOrKw(1, "alpha"), 1.0)));
        op("selu", a -> F.selu(a.tensor(0)));
        op("celu", a -> F.celu(a.tensor(0), num(a.argOrKw(1, "alpha"), 1.0)));
        op("softplus", a -> F.softplus(a.tensor(0), num(a.argOrKw(1, "beta"), 1.0), num(a.argOrKw(2, "threshold"), 20.0)));
        op("softsign", a -> F.softsign(a.tensor(0)));
        op("hardtanh", a -> F.hardtanh(a.tensor(0), num(a.argOrKw(1, "min_val"), -1.0), num(a.argOrKw(2, "max_val"), 1.0)));
        op("relu6", a -> F.relu6(a.tensor(0)));
        op("hardsigmoid", a -> F.hardsigmoid(a.tensor(0)));
        op("hardswish", a -> F.hardswish(a.tensor(0)));
        op("logsigmoid", a -> F.logsigmoid(a.tensor(0)));
        op("glu", a -> F.glu(a.tensor(0), (long) num(a.argOrKw(1, "dim"), -1)));
        op("softmin", a -> a.hasKw("dtype") ? F.softmin(a.tensor(0), (long) num(a.argOrKw(1, "dim"), -1), a.kwDtype("dtype"))
                : F.softmin(a.tensor(0), (long) num(a.argOrKw(1, "dim"), -1)));
        op("one_hot", a -> F.oneHot(a.tensor(0), (long) num(a.argOrKw(1, "num_classes"), -1)));
        op("normalize", a -> F.normalize(a.tensor(0), num(a.argOrKw(1, "p"), 2.0), (long) num(a.argOrKw(2, "dim"), 1),
                num(a.argOrKw(3, "eps"), 1e-12)));
        op("pad", a -> F.pad(a.tensor(0), a.longs(1), a.has(2) ? (String) a.get(2) : a.kwString("mode", "constant"),
                num(a.argOrKw(3, "value"), 0.0)));
        op("cosine_similarity", a -> F.cosineSimilarity(a.tensor(0), a.tensor(1), (long) num(a.argOrKw(2, "dim"), 1),
                num(a.argOrKw(3, "eps"), 1e-8)));
        op("pairwise_distance", a -> F.pairwiseDistance(a.tensor(0), a.tensor(1), num(a.argOrKw(2, "p"), 2.0),
                num(a.argOrKw(3, "eps"), 1e-6), a.kwBool("keepdim", false)));
        op("cdist", a -> F.cdist(a.tensor(0), a.tensor(1), num(a.argOrKw(2, "p"), 2.0)));
    }

    private static void losses() {
        op("binary_cross_entropy", a -> F.binaryCrossEntropy(a.tensor(0), a.tensor(1), (Tensor) a.kw("weight"), reduction(a)));
        op("binary_cross_entropy_with_logits", a -> F.binaryCrossEntropyWithLogits(a.tensor(0), a.tensor(1),
                (Tensor) a.kw("weight"), (Tensor) a.kw("pos_weight"), reduction(a)));
        op("l1_loss", a -> F.l1Loss(a.tensor(0), a.tensor(1), reduction(a)));
        op("smooth_l1_loss", a -> F.smoothL1Loss(a.tensor(0), a.tensor(1), reduction(a), a.kwDouble("beta", 1.0)));
        op("huber_loss", a -> F.huberLoss(a.tensor(0), a.tensor(1), reduction(a), a.kwDouble("delta", 1.0)));
        op("kl_div", a -> F.klDiv(a.tensor(0), a.tensor(1), a.kwString("reduction", "mean"), a.kwBool("log_target", false)));
        op("cosine_embedding_loss", a -> F.cosineEmbeddingLoss(a.tensor(0), a.tensor(1), a.tensor(2),
                a.kwDouble("margin", 0.0), reduction(a)));
        op("margin_ranking_loss", a -> F.marginRankingLoss(a.tensor(0), a.tensor(1), a.tensor(2),
                a.kwDouble("margin", 0.0), reduction(a)));
        op("triplet_margin_loss", a -> F.tripletMarginLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.kwDouble("margin", 1.0),
                num(a.kw("p"), 2.0), a.kwDouble("eps", 1e-6), a.kwBool("swap", false), reduction(a)));
        op("poisson_nll_loss", a -> F.poissonNllLoss(a.tensor(0), a.tensor(1), a.kwBool("log_input", true),
                a.kwBool("full", false), a.kwDouble("eps", 1e-8), reduction(a)));
        op("gaussian_nll_loss", a -> F.gaussianNllLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.kwBool("full", false),
                a.kwDouble("eps", 1e-6), reduction(a)));
        op("ctc_loss", a -> F.ctcLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.tensor(3), a.kwLong("blank", 0),
                reduction(a), a.kwBool("zero_infinity", false)));
    }

    /** A module applied to its one input. */
    private static void unary(String name, Function<Args, Module> ctor) {
        module(name, new OpTable.ModuleOp() {
            @Override
            public Module build(Args c) {
                return ctor.apply(c);
            }

            @Override
            public Object forward(Module m, Args in, Args ctor) {
                return m.forward(in.tensor(0));
            }
        });
    }

    private static void unary(String name, Supplier<Module> ctor) {
        unary(name, c -> ctor.get());
    }

    /** A loss module; {@code fwd} applies it to the case's tensors. */
    private static <M extends Module> void loss(String name, Function<Args, M> ctor, LossForward<M> fwd) {
        module(name, new OpTable.ModuleOp() {
            @Override
            public Module build(Args c) {
                return ctor.apply(c);
            }

            @Override
            @SuppressWarnings("unchecked")
            public Object forward(Module m, Args in, Args ctor) {
                return fwd.apply((M) m, in);
            }
        });
    }

    @FunctionalInterface
    private interface LossForward<M> {
        Tensor apply(M m, Args in);
    }

    private static void modules() {
        unary("GELU", c -> new GELU(c.kwString("approximate", "none")));
        unary("Sigmoid", Sigmoid::new);
        unary("SiLU", SiLU::new);
        unary("Mish", Mish::new);
        unary("Identity", Identity::new);
        unary("ReLU", ReLU::new);
        unary("Tanh", Tanh::new);
        unary("LeakyReLU", c -> new LeakyReLU(c.kwDouble("negative_slope", 0.01)));
        unary("ELU", c -> new ELU(c.kwDouble("alpha", 1.0)));
        unary("SELU", SELU::new);
        unary("CELU", c -> new CELU(c.kwDouble("alpha", 1.0)));
        unary("Softplus", c -> new Softplus(c.kwDouble("beta", 1.0), c.kwDouble("threshold", 20.0)));
        unary("Softsign", Softsign::new);
        unary("Hardtanh", c -> new Hardtanh(c.kwDouble("min_val", -1.0), c.kwDouble("max_val", 1.0)));
        unary("ReLU6", ReLU6::new);
        unary("Hardsigmoid", Hardsigmoid::new);
        unary("Hardswish", Hardswish::new);
        unary("LogSigmoid", LogSigmoid::new);
        unary("Tanhshrink", Tanhshrink::new);
        unary("Softshrink", c -> new Softshrink(c.kwDouble("lambd", 0.5)));
        unary("Hardshrink", c -> new Hardshrink(c.kwDouble("lambd", 0.5)));
        unary("Softmax", c -> new Softmax(c.kwLong("dim", -1)));
        unary("LogSoftmax", c -> new LogSoftmax(c.kwLong("dim", -1)));
        unary("Softmin", c -> new Softmin(c.kwLong("dim", -1)));
        unary("GLU", c -> new GLU(c.kwLong("dim", -1)));
        unary("Flatten", c -> new Flatten(c.kwLong("start_dim", 1), c.kwLong("end_dim", -1)));
        unary("Unflatten", c -> new Unflatten(c.kwLong("dim", 0), Args.toLongs(c.kw("unflattened_size"))));

        loss("BCELoss", c -> new BCELoss((Tensor) c.kw("weight"), reduction(c)), (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("BCEWithLogitsLoss", c -> new BCEWithLogitsLoss((Tensor) c.kw("weight"), (Tensor) c.kw("pos_weight"), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("L1Loss", c -> new L1Loss(reduction(c)), (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("MSELoss", c -> new MSELoss(reduction(c)), (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("SmoothL1Loss", c -> new SmoothL1Loss(c.kwDouble("beta", 1.0), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("HuberLoss", c -> new HuberLoss(c.kwDouble("delta", 1.0), reduction(c)), (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("KLDivLoss", c -> new KLDivLoss(c.kwString("reduction", "mean"), c.kwBool("log_target", false)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("CosineEmbeddingLoss", c -> new CosineEmbeddingLoss(c.kwDouble("margin", 0.0), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1), in.tensor(2)));
        loss("MarginRankingLoss", c -> new MarginRankingLoss(c.kwDouble("margin", 0.0), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1), in.tensor(2)));
        loss("TripletMarginLoss", c -> new TripletMarginLoss(c.kwDouble("margin", 1.0), num(c.kw("p"), 2.0),
                c.kwDouble("eps", 1e-6), c.kwBool("swap", false), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1), in.tensor(2)));
        loss("PoissonNLLLoss", c -> new PoissonNLLLoss(c.kwBool("log_input", true), c.kwBool("full", false),
                c.kwDouble("eps", 1e-8), reduction(c)), (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("GaussianNLLLoss", c -> new GaussianNLLLoss(c.kwBool("full", false), c.kwDouble("eps", 1e-6), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1), in.tensor(2)));
        loss("CTCLoss", c -> new CTCLoss(c.kwLong("blank", 0), c.kwBool("zero_infinity", false), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1), in.tensor(2), in.tensor(3)));
        loss("NLLLoss", c -> new NLLLoss((Tensor) c.kw("weight"), c.kwLong("ignore_index", -100), reduction(c)),
                (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
        loss("CrossEntropyLoss", c -> new CrossEntropyLoss((Tensor) c.kw("weight"), c.kwLong("ignore_index", -100),
                c.kwDouble("label_smoothing", 0.0), reduction(c)), (m, in) -> m.forward(in.tensor(0), in.tensor(1)));
    }
}
