package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
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
