package dev.jtensor.ops.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.optim.Adagrad;
import dev.jtensor.ops.optim.Adam;
import dev.jtensor.ops.optim.Adamax;
import dev.jtensor.ops.optim.ConstantLR;
import dev.jtensor.ops.optim.CosineAnnealingLR;
import dev.jtensor.ops.optim.ExponentialLR;
import dev.jtensor.ops.optim.LRScheduler;
import dev.jtensor.ops.optim.LambdaLR;
import dev.jtensor.ops.optim.LinearLR;
import dev.jtensor.ops.optim.MultiStepLR;
import dev.jtensor.ops.optim.MultiplicativeLR;
import dev.jtensor.ops.optim.NAdam;
import dev.jtensor.ops.optim.OneCycleLR;
import dev.jtensor.ops.optim.Optimizer;
import dev.jtensor.ops.optim.RAdam;
import dev.jtensor.ops.optim.RMSprop;
import dev.jtensor.ops.optim.ReduceLROnPlateau;
import dev.jtensor.ops.optim.SGD;
import dev.jtensor.ops.optim.SequentialLR;
import dev.jtensor.ops.optim.StepLR;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Runs the {@code optim:<Name>} cases (format in the conformance README): build the optimizer from
 * {@code hyper} (and a schedule), then per step set the gradients, {@code step()}, step the schedule,
 * and compare the parameters after each step and the learning rate after construction and each step.
 */
final class OptimCases {
    private OptimCases() {}

    static boolean handles(String op) {
        return op.startsWith("optim:");
    }

    /** Checks one case; an assertion error describes the first difference. */
    static void check(JsonNode c) {
        String name = c.get("op").textValue().substring("optim:".length());
        JsonNode expect = c.get("expect");
        JsonNode kw = c.get("kwargs");
        List<Tensor> params = new ArrayList<>();
        c.get("args").get(0).forEach(p -> params.add(((Tensor) Values.fromJson(p)).requiresGrad(true)));
        JsonNode steps = c.get("args").get(1);
        if (expect.has("error")) {
            try {
                run(name, kw, params, steps, null);
                fail("expected an error like PyTorch's " + expect.get("error").textValue() + ": "
                        + expect.path("message").asText());
            } catch (TensorException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "error without a message");
            }
            return;
        }
        List<Double> lrs = new ArrayList<>();
        List<List<Tensor>> after = run(name, kw, params, steps, lrs);
        JsonNode wantParams = expect.get("params");
        assertEquals(wantParams.size(), after.size(), "number of steps");
        for (int k = 0; k < after.size(); k++) {
            String diff = Values.compare(after.get(k), wantParams.get(k), c.get("tol"), "params after step " + (k + 1));
            if (diff != null) {
                fail(diff);
            }
        }
        JsonNode wantLr = expect.get("lr");
        assertEquals(wantLr.size(), lrs.size(), "number of learning rates");
        for (int k = 0; k < lrs.size(); k++) {
            double want = wantLr.get(k).doubleValue();
            if (!Values.close(lrs.get(k), want, 1e-9, 1e-12)) {
                fail("lr[" + k + "] is " + lrs.get(k) + " but expected " + want);
            }
        }
    }

    private static List<List<Tensor>> run(String name, JsonNode kw, List<Tensor> params, JsonNode steps, List<Double> lrs) {
        Optimizer opt = optimizer(name, params, ModuleCases.argsOf(kw.get("hyper"), List.of()));
        JsonNode spec = kw.get("scheduler");
        Object sched = spec == null ? null : scheduler(opt, spec);
        if (lrs != null) {
            lrs.add(opt.lr());
        }
        List<List<Tensor>> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).setGrad((Tensor) Values.fromJson(steps.get(k).get(i)));
            }
            opt.step();
            if (sched instanceof ReduceLROnPlateau plateau) {
                plateau.step(kw.get("metrics").get(k).doubleValue());
            } else if (sched != null) {
                ((LRScheduler) sched).step();
            }
            List<Tensor> snapshot = new ArrayList<>();
            for (Tensor p : params) {
                snapshot.add(p.detach().clone());
            }
            out.add(snapshot);
            if (lrs != null) {
                lrs.add(opt.lr());
            }
        }
        return out;
    }

    private static Optimizer optimizer(String name, List<Tensor> ps, Args h) {
        double[] betas = h.hasKw("betas") ? doubles(h.kw("betas")) : new double[] {0.9, 0.999};
        Optimizer opt = switch (name) {
            case "SGD" -> new SGD(ps, h.kwDouble("lr", 1e-3), h.kwDouble("momentum", 0), h.kwDouble("dampening", 0),
                    h.kwDouble("weight_decay", 0), h.kwBool("nesterov", false));
            case "Adam" -> new Adam(ps, h.kwDouble("lr", 1e-3), betas[0], betas[1], h.kwDouble("eps", 1e-8),
                    h.kwDouble("weight_decay", 0), h.kwBool("amsgrad", false));
            case "AdamW" -> Adam.adamW(ps, h.kwDouble("lr", 1e-3), betas[0], betas[1], h.kwDouble("eps", 1e-8),
                    h.kwDouble("weight_decay", 1e-2), h.kwBool("amsgrad", false));
            case "RMSprop" -> new RMSprop(ps, h.kwDouble("lr", 1e-2), h.kwDouble("alpha", 0.99), h.kwDouble("eps", 1e-8),
                    h.kwDouble("weight_decay", 0), h.kwDouble("momentum", 0), h.kwBool("centered", false));
            case "Adagrad" -> new Adagrad(ps, h.kwDouble("lr", 1e-2), h.kwDouble("lr_decay", 0), h.kwDouble("weight_decay", 0),
                    h.kwDouble("initial_accumulator_value", 0), h.kwDouble("eps", 1e-10));
            case "Adamax" -> new Adamax(ps, h.kwDouble("lr", 2e-3), betas[0], betas[1], h.kwDouble("eps", 1e-8),
                    h.kwDouble("weight_decay", 0));
            case "NAdam" -> new NAdam(ps, h.kwDouble("lr", 2e-3), betas[0], betas[1], h.kwDouble("eps", 1e-8),
                    h.kwDouble("weight_decay", 0), h.kwDouble("momentum_decay", 4e-3));
            case "RAdam" -> new RAdam(ps, h.kwDouble("lr", 1e-3), betas[0], betas[1], h.kwDouble("eps", 1e-8),
                    h.kwDouble("weight_decay", 0));
            default -> throw new IllegalArgumentException("no optimizer " + name);
        };
        return opt.maximize(h.kwBool("maximize", false));
    }

    private static Object scheduler(Optimizer opt, JsonNode s) {
        String name = s.get("name").textValue();
        return switch (name) {
            case "StepLR" -> new StepLR(opt, s.get("step_size").longValue(), s.path("gamma").asDouble(0.1));
            case "MultiStepLR" -> new MultiStepLR(opt, Values.longs(s.get("milestones")), s.path("gamma").asDouble(0.1));
            case "ExponentialLR" -> new ExponentialLR(opt, s.get("gamma").doubleValue());
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, s.get("T_max").longValue(), s.path("eta_min").asDouble(0));
            case "LambdaLR" -> new LambdaLR(opt, lambda(s.get("lr_lambda")));
            case "MultiplicativeLR" -> new MultiplicativeLR(opt, lambda(s.get("lr_lambda")));
            case "LinearLR" -> new LinearLR(opt, s.path("start_factor").asDouble(1.0 / 3), s.path("end_factor").asDouble(1.0),
                    s.path("total_iters").asLong(5));
            case "ConstantLR" -> new ConstantLR(opt, s.path("factor").asDouble(1.0 / 3), s.path("total_iters").asLong(5));
            case "OneCycleLR" -> new OneCycleLR(opt, s.get("max_lr").doubleValue(), s.get("total_steps").longValue(),
                    s.path("pct_start").asDouble(0.3), s.path("anneal_strategy").asText("cos"),
                    s.path("cycle_momentum").asBoolean(true), s.path("base_momentum").asDouble(0.85),
                    s.path("max_momentum").asDouble(0.95), s.path("div_factor").asDouble(25.0),
                    s.path("final_div_factor").asDouble(1e4), s.path("three_phase").asBoolean(false));
            case "SequentialLR" -> {
                List<LRScheduler> children = new ArrayList<>();
                s.get("schedulers").forEach(child -> children.add((LRScheduler) scheduler(opt, child)));
                yield new SequentialLR(opt, children.toArray(new LRScheduler[0]), Values.longs(s.get("milestones")));
            }
            case "ReduceLROnPlateau" -> new ReduceLROnPlateau(opt, s.path("mode").asText("min"), s.path("factor").asDouble(0.1),
                    s.path("patience").asLong(10), s.path("threshold").asDouble(1e-4), s.path("threshold_mode").asText("rel"),
                    s.path("cooldown").asLong(0), s.path("min_lr").asDouble(0), s.path("eps").asDouble(1e-8));
            default -> throw new IllegalArgumentException("no scheduler " + name);
        };
    }

    private static LongToDoubleFunction lambda(JsonNode l) {
        return switch (l.get("kind").textValue()) {
            case "pow" -> e -> Math.pow(l.get("base").doubleValue(), e);
            case "warmup" -> e -> Math.min(1.0, (e + 1) / (double) l.get("steps").longValue());
            case "constant" -> e -> l.get("value").doubleValue();
            default -> throw new IllegalArgumentException("unknown lr_lambda " + l);
        };
    }

    private static double[] doubles(Object list) {
        List<?> l = (List<?>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }
}
