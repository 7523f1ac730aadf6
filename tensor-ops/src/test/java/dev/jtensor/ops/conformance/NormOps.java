package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.module;
import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.BatchNorm1d;
import dev.jtensor.ops.nn.BatchNorm2d;
import dev.jtensor.ops.nn.Dropout;
import dev.jtensor.ops.nn.Dropout1d;
import dev.jtensor.ops.nn.Dropout2d;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.GroupNorm;
import dev.jtensor.ops.nn.InstanceNorm1d;
import dev.jtensor.ops.nn.InstanceNorm2d;
import dev.jtensor.ops.nn.LayerNorm;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.RMSNorm;
import java.util.function.Function;

/** Conformance mappings of norm.jsonl (issue 21): batch, group, instance, layer and RMS norm, channel dropout. */
final class NormOps {
    private NormOps() {}

    static void register() {
        op("batch_norm", a -> F.batchNorm(a.tensor(0), (Tensor) a.argOrKw(1, "running_mean"), (Tensor) a.argOrKw(2, "running_var"),
                (Tensor) a.argOrKw(3, "weight"), (Tensor) a.argOrKw(4, "bias"), a.kwBool("training", false),
                a.kwDouble("momentum", 0.1), a.kwDouble("eps", 1e-5)));
        op("group_norm", a -> F.groupNorm(a.tensor(0), a.longAt(1), (Tensor) a.argOrKw(2, "weight"), (Tensor) a.argOrKw(3, "bias"),
                a.kwDouble("eps", 1e-5)));
        op("instance_norm", a -> F.instanceNorm(a.tensor(0), (Tensor) a.argOrKw(1, "running_mean"),
                (Tensor) a.argOrKw(2, "running_var"), (Tensor) a.argOrKw(3, "weight"), (Tensor) a.argOrKw(4, "bias"),
                a.kwBool("use_input_stats", true), a.kwDouble("momentum", 0.1), a.kwDouble("eps", 1e-5)));
        op("rms_norm", a -> F.rmsNorm(a.tensor(0), a.longs(1), (Tensor) a.argOrKw(2, "weight"),
                a.hasKw("eps") ? a.kwDouble("eps", 0) : null));
        op("dropout", a -> F.dropout(a.tensor(0), a.kwDouble("p", 0.5), a.kwBool("training", true)));
        op("dropout1d", a -> F.dropout1d(a.tensor(0), a.kwDouble("p", 0.5), a.kwBool("training", true)));
        op("dropout2d", a -> F.dropout2d(a.tensor(0), a.kwDouble("p", 0.5), a.kwBool("training", true)));

        unary("BatchNorm1d", c -> new BatchNorm1d(c.kwLong("num_features", 0), c.kwDouble("eps", 1e-5), momentum(c),
                c.kwBool("affine", true), c.kwBool("track_running_stats", true)));
        unary("BatchNorm2d", c -> new BatchNorm2d(c.kwLong("num_features", 0), c.kwDouble("eps", 1e-5), momentum(c),
                c.kwBool("affine", true), c.kwBool("track_running_stats", true)));
        unary("InstanceNorm1d", c -> new InstanceNorm1d(c.kwLong("num_features", 0), c.kwDouble("eps", 1e-5),
                c.kwDouble("momentum", 0.1), c.kwBool("affine", false), c.kwBool("track_running_stats", false)));
        unary("InstanceNorm2d", c -> new InstanceNorm2d(c.kwLong("num_features", 0), c.kwDouble("eps", 1e-5),
                c.kwDouble("momentum", 0.1), c.kwBool("affine", false), c.kwBool("track_running_stats", false)));
        unary("GroupNorm", c -> new GroupNorm(c.kwLong("num_groups", 0), c.kwLong("num_channels", 0), c.kwDouble("eps", 1e-5),
                c.kwBool("affine", true)));
        unary("LayerNorm", c -> new LayerNorm(Args.toLongs(c.kw("normalized_shape")), c.kwDouble("eps", 1e-5),
                c.kwBool("elementwise_affine", true)));
        unary("RMSNorm", c -> new RMSNorm(Args.toLongs(c.kw("normalized_shape")), c.hasKw("eps") ? c.kwDouble("eps", 0) : null,
                c.kwBool("elementwise_affine", true)));
        unary("Dropout", c -> new Dropout(c.kwDouble("p", 0.5)));
        unary("Dropout1d", c -> new Dropout1d(c.kwDouble("p", 0.5)));
        unary("Dropout2d", c -> new Dropout2d(c.kwDouble("p", 0.5)));
    }

    /** BatchNorm's momentum: 0.1 when absent, null when given as None (a cumulative average). */
    private static Double momentum(Args c) {
        if (!c.kwargs().containsKey("momentum")) {
            return 0.1;
        }
        return c.kw("momentum") == null ? null : Double.valueOf(c.kwDouble("momentum", 0.1));
    }

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
}
