package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.AdaptiveAvgPool1d;
import dev.jtensor.ops.nn.AdaptiveAvgPool2d;
import dev.jtensor.ops.nn.AdaptiveMaxPool1d;
import dev.jtensor.ops.nn.AdaptiveMaxPool2d;
import dev.jtensor.ops.nn.AvgPool1d;
import dev.jtensor.ops.nn.AvgPool2d;
import dev.jtensor.ops.nn.Conv1d;
import dev.jtensor.ops.nn.Conv2d;
import dev.jtensor.ops.nn.ConvTranspose1d;
import dev.jtensor.ops.nn.ConvTranspose2d;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Fold;
import dev.jtensor.ops.nn.MaxPool1d;
import dev.jtensor.ops.nn.MaxPool2d;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.Unfold;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.Arrays;
import java.util.List;

/** Conformance mappings of conv.jsonl (issue 21): convolutions, pooling, unfold/fold. */
final class ConvOps {
    private ConvOps() {}

    /** An int-or-list argument as longs, or {@code dflt} when absent. */
    static long[] ls(Object o, long... dflt) {
        return o == null ? dflt : Args.toLongs(o);
    }

    static void register() {
        op("conv1d", a -> conv(a, 1));
        op("conv2d", a -> conv(a, 2));
        op("conv_transpose1d", a -> F.convTranspose1d(a.tensor(0), a.tensor(1), (Tensor) a.argOrKw(2, "bias"),
                ls(a.kw("stride"), 1), ls(a.kw("padding"), 0), ls(a.kw("output_padding"), 0), a.kwLong("groups", 1),
                ls(a.kw("dilation"), 1)));
        op("conv_transpose2d", a -> F.convTranspose2d(a.tensor(0), a.tensor(1), (Tensor) a.argOrKw(2, "bias"),
                ls(a.kw("stride"), 1), ls(a.kw("padding"), 0), ls(a.kw("output_padding"), 0), a.kwLong("groups", 1),
                ls(a.kw("dilation"), 1)));
        op("max_pool1d", a -> {
            Tensor[] r = F.maxPool1dWithIndices(a.tensor(0), ls(a.get(1)), ls(a.kw("stride")), ls(a.kw("padding"), 0),
                    ls(a.kw("dilation"), 1), a.kwBool("ceil_mode", false));
            return a.kwBool("return_indices", false) ? Arrays.asList(r) : r[0];
        });
        op("max_pool2d", a -> {
            Tensor[] r = F.maxPool2dWithIndices(a.tensor(0), ls(a.get(1)), ls(a.kw("stride")), ls(a.kw("padding"), 0),
                    ls(a.kw("dilation"), 1), a.kwBool("ceil_mode", false));
            return a.kwBool("return_indices", false) ? Arrays.asList(r) : r[0];
        });
        op("avg_pool1d", a -> F.avgPool1d(a.tensor(0), ls(a.get(1)), ls(a.kw("stride")), ls(a.kw("padding"), 0),
                a.kwBool("ceil_mode", false), a.kwBool("count_include_pad", true)));
        op("avg_pool2d", a -> F.avgPool2d(a.tensor(0), ls(a.get(1)), ls(a.kw("stride")), ls(a.kw("padding"), 0),
                a.kwBool("ceil_mode", false), a.kwBool("count_include_pad", true),
                a.hasKw("divisor_override") ? a.kwLong("divisor_override", 0) : null));
        op("adaptive_avg_pool1d", a -> F.adaptiveAvgPool1d(a.tensor(0), single(a.get(1))));
        op("adaptive_avg_pool2d", a -> F.adaptiveAvgPool2d(a.tensor(0), sizes(a.get(1), 2)));
        op("adaptive_max_pool1d", a -> {
            Tensor[] r = F.adaptiveMaxPool1d(a.tensor(0), single(a.get(1)), true);
            return a.kwBool("return_indices", false) ? Arrays.asList(r) : r[0];
        });
        op("adaptive_max_pool2d", a -> {
            Tensor[] r = F.adaptiveMaxPool2d(a.tensor(0), sizes(a.get(1), 2), true);
            return a.kwBool("return_indices", false) ? Arrays.asList(r) : r[0];
        });
        op("nn.functional.unfold", a -> F.unfold(a.tensor(0), ls(a.get(1)), ls(a.kw("dilation"), 1), ls(a.kw("padding"), 0),
                ls(a.kw("stride"), 1)));
        op("nn.functional.fold", a -> F.fold(a.tensor(0), ls(a.get(1)), ls(a.get(2)), ls(a.kw("dilation"), 1),
                ls(a.kw("padding"), 0), ls(a.kw("stride"), 1)));
        op("interpolate", a -> F.interpolate(a.tensor(0), a.hasKw("size") ? ls(a.kw("size")) : null, doubles(a.kw("scale_factor")),
                a.kwString("mode", "nearest"), a.hasKw("align_corners") ? a.kwBool("align_corners", false) : null,
                a.hasKw("recompute_scale_factor") ? a.kwBool("recompute_scale_factor", false) : null));
        module("Upsample", c -> new dev.jtensor.ops.nn.Upsample(c.hasKw("size") ? ls(c.kw("size")) : null,
                doubles(c.kw("scale_factor")), c.kwString("mode", "nearest"),
                c.hasKw("align_corners") ? c.kwBool("align_corners", false) : null), (m, in) -> m.forward(in.tensor(0)));
        modules();
    }

    /** A float-or-list argument as doubles, or null. */
    static double[] doubles(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        return ((List<?>) o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static void modules() {
        module("Conv1d", c -> convModule(c, 1), (m, in) -> m.forward(in.tensor(0)));
        module("Conv2d", c -> convModule(c, 2), (m, in) -> m.forward(in.tensor(0)));
        module("ConvTranspose1d", c -> new ConvTranspose1d(c.kwLong("in_channels", 0), c.kwLong("out_channels", 0),
                ls(c.kw("kernel_size")), ls(c.kw("stride"), 1), ls(c.kw("padding"), 0), ls(c.kw("output_padding"), 0),
                c.kwLong("groups", 1), c.kwBool("bias", true), ls(c.kw("dilation"), 1), Generator.defaultGenerator()),
                (m, in) -> m.forward(in.tensor(0)));
        module("ConvTranspose2d", c -> new ConvTranspose2d(c.kwLong("in_channels", 0), c.kwLong("out_channels", 0),
                ls(c.kw("kernel_size")), ls(c.kw("stride"), 1), ls(c.kw("padding"), 0), ls(c.kw("output_padding"), 0),
                c.kwLong("groups", 1), c.kwBool("bias", true), ls(c.kw("dilation"), 1), Generator.defaultGenerator()),
                (m, in) -> m.forward(in.tensor(0)));
        module("MaxPool1d", c -> new MaxPool1d(ls(c.kw("kernel_size")), (long[]) (c.hasKw("stride") ? ls(c.kw("stride")) : null),
                ls(c.kw("padding"), 0), ls(c.kw("dilation"), 1), c.kwBool("ceil_mode", false)), (m, in) -> pooled(m, in));
        module("MaxPool2d", c -> new MaxPool2d(ls(c.kw("kernel_size")), (long[]) (c.hasKw("stride") ? ls(c.kw("stride")) : null),
                ls(c.kw("padding"), 0), ls(c.kw("dilation"), 1), c.kwBool("ceil_mode", false)), (m, in) -> pooled(m, in));
        module("AvgPool1d", c -> new AvgPool1d(ls(c.kw("kernel_size")), (long[]) (c.hasKw("stride") ? ls(c.kw("stride")) : null),
                ls(c.kw("padding"), 0), c.kwBool("ceil_mode", false), c.kwBool("count_include_pad", true)),
                (m, in) -> m.forward(in.tensor(0)));
        module("AvgPool2d", c -> new AvgPool2d(ls(c.kw("kernel_size")), (long[]) (c.hasKw("stride") ? ls(c.kw("stride")) : null),
                ls(c.kw("padding"), 0), c.kwBool("ceil_mode", false), c.kwBool("count_include_pad", true),
                c.hasKw("divisor_override") ? c.kwLong("divisor_override", 0) : null), (m, in) -> m.forward(in.tensor(0)));
        module("AdaptiveAvgPool1d", c -> new AdaptiveAvgPool1d(single(c.kw("output_size"))), (m, in) -> m.forward(in.tensor(0)));
        module("AdaptiveAvgPool2d", c -> new AdaptiveAvgPool2d(sizes(c.kw("output_size"), 2)), (m, in) -> m.forward(in.tensor(0)));
        module("AdaptiveMaxPool1d", c -> new AdaptiveMaxPool1d(single(c.kw("output_size"))), (m, in) -> pooled(m, in));
        module("AdaptiveMaxPool2d", c -> new AdaptiveMaxPool2d(sizes(c.kw("output_size"), 2)), (m, in) -> pooled(m, in));
        module("Unfold", c -> new Unfold(ls(c.kw("kernel_size")), ls(c.kw("dilation"), 1), ls(c.kw("padding"), 0),
                ls(c.kw("stride"), 1)), (m, in) -> m.forward(in.tensor(0)));
        module("Fold", c -> new Fold(ls(c.kw("output_size")), ls(c.kw("kernel_size")), ls(c.kw("dilation"), 1),
                ls(c.kw("padding"), 0), ls(c.kw("stride"), 1)), (m, in) -> m.forward(in.tensor(0)));
    }

    /** The forward keyword arguments plus the ctor's {@code return_indices}, which changes what PyTorch returns. */
    private static java.util.Map<String, Object> merged(Args in, Args ctor) {
        java.util.Map<String, Object> kw = new java.util.LinkedHashMap<>(in.kwargs());
        if (ctor.hasKw("return_indices")) {
            kw.put("return_indices", ctor.kw("return_indices"));
        }
        return kw;
    }

    /** A pool module's result: (values, indices) when built with return_indices=True, as PyTorch's module returns. */
    private static Object pooled(Module m, Args in) {
        Tensor x = in.tensor(0);
        if (!in.kwBool("return_indices", false)) {
            return m.forward(x);
        }
        return Arrays.asList(switch (m) {
            case MaxPool1d p -> p.forwardWithIndices(x);
            case MaxPool2d p -> p.forwardWithIndices(x);
            case AdaptiveMaxPool1d p -> p.forwardWithIndices(x);
            case AdaptiveMaxPool2d p -> p.forwardWithIndices(x);
            default -> throw new IllegalArgumentException("no indices from " + m);
        });
    }

    private static Module convModule(Args c, int spatial) {
        Object padding = c.kw("padding");
        String mode = padding instanceof String s ? s : null;
        long[] pad = mode == null ? ls(padding, 0) : null;
        long in = c.kwLong("in_channels", 0);
        long out = c.kwLong("out_channels", 0);
        long[] k = ls(c.kw("kernel_size"));
        return spatial == 1
                ? new Conv1d(in, out, k, ls(c.kw("stride"), 1), pad, mode, ls(c.kw("dilation"), 1), c.kwLong("groups", 1),
                        c.kwBool("bias", true), c.kwString("padding_mode", "zeros"), Generator.defaultGenerator())
                : new Conv2d(in, out, k, ls(c.kw("stride"), 1), pad, mode, ls(c.kw("dilation"), 1), c.kwLong("groups", 1),
                        c.kwBool("bias", true), c.kwString("padding_mode", "zeros"), Generator.defaultGenerator());
    }

    private static void module(String name, Function<Args, Module> ctor, BiFunction<Module, Args, Object> forward) {
        OpTable.module(name, new OpTable.ModuleOp() {
            @Override
            public Module build(Args c) {
                return ctor.apply(c);
            }

            @Override
            public Object forward(Module m, Args in, Args ctor) {
                return forward.apply(m, new Args(in.positional(), merged(in, ctor)));
            }
        });
    }

    /** A 1-d output size: one int (a list of one is accepted; longer lists are PyTorch's error). */
    static long single(Object o) {
        if (o instanceof List<?> l && l.size() != 1) {
            throw new dev.jtensor.core.TensorException("adaptive pool 1d: 'output_size' should contain one int (got "
                    + l.size() + ")");
        }
        return Args.toLongs(o)[0];
    }

    /** A 2-d output size: one int for both, or a list whose null entries keep the input's size. */
    static Long[] sizes(Object o, int n) {
        Long[] out = new Long[n];
        if (o instanceof Number v) {
            Arrays.fill(out, v.longValue());
            return out;
        }
        List<?> l = (List<?>) o;
        out = new Long[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i) == null ? null : ((Number) l.get(i)).longValue();
        }
        return out;
    }

    private static Tensor conv(Args a, int spatial) {
        Tensor bias = (Tensor) a.argOrKw(2, "bias");
        Object padding = a.kw("padding");
        long[] stride = ls(a.kw("stride"), 1);
        long[] dilation = ls(a.kw("dilation"), 1);
        long groups = a.kwLong("groups", 1);
        if (padding instanceof String mode) {
            return spatial == 1 ? F.conv1d(a.tensor(0), a.tensor(1), bias, stride, mode, dilation, groups)
                    : F.conv2d(a.tensor(0), a.tensor(1), bias, stride, mode, dilation, groups);
        }
        long[] pad = ls(padding, 0);
        return spatial == 1 ? F.conv1d(a.tensor(0), a.tensor(1), bias, stride, pad, dilation, groups)
                : F.conv2d(a.tensor(0), a.tensor(1), bias, stride, pad, dilation, groups);
    }
}
