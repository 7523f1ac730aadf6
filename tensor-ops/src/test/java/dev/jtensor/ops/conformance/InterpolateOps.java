package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.Upsample;
import java.util.List;

/** Conformance mappings of conv.jsonl's resampling cases (issue 21): {@code interpolate} and {@code module:Upsample}. */
final class InterpolateOps {
    private InterpolateOps() {}

    static void register() {
        op("interpolate", a -> F.interpolate(a.tensor(0), sizes(a.argOrKw(1, "size")),
                scales(a.argOrKw(2, "scale_factor")), a.hasKw("mode") ? a.kwString("mode", "nearest") : "nearest",
                bool(a.kw("align_corners")), bool(a.kw("recompute_scale_factor"))));
        OpTable.module("Upsample", new OpTable.ModuleOp() {
            @Override
            public Module build(Args c) {
                return new Upsample(sizes(c.kw("size")), scales(c.kw("scale_factor")), c.kwString("mode", "nearest"),
                        bool(c.kw("align_corners")), bool(c.kw("recompute_scale_factor")));
            }

            @Override
            public Object forward(Module m, Args in) {
                return m.forward(in.tensor(0));
            }
        });
    }

    /** An int (every spatial dim) or a list of ints; null stays null. */
    private static long[] sizes(Object o) {
        return o == null ? null : Args.toLongs(o);
    }

    /** A number (every spatial dim) or a list of numbers; null stays null. */
    private static double[] scales(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        List<?> l = (List<?>) o;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    private static Boolean bool(Object o) {
        return o == null ? null : (Boolean) o;
    }
}
