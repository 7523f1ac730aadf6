package dev.jtensor.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints tensors exactly as PyTorch's {@code repr} does ({@link Tensor#toString()} calls
 * {@link #repr(Tensor)}), with global print options as PyTorch's {@code torch.set_printoptions}.
 *
 * <p>The layout follows PyTorch's {@code torch/_tensor_str.py}: one width for all elements of a
 * tensor; rows of a 1-D slice wrap at the line width; tensors with more elements than the threshold
 * keep {@code edgeItems} elements at each end of every long dim and print {@code ...} between them;
 * suffixes ({@code dtype=}, {@code size=} for empty tensors, {@code device=}, {@code grad_fn=} or
 * {@code requires_grad=True}) follow the data, on a new line when they would pass the line width.
 */
public final class TensorPrinter {
    private static final String PREFIX = "tensor(";

    private static volatile PrintOptions options = PrintOptions.DEFAULT;

    private TensorPrinter() {}

    /** {@return the print options in effect (PyTorch's {@code torch._tensor_str.PRINT_OPTS})} */
    public static PrintOptions printOptions() {
        return options;
    }

    /**
     * Installs print options for every later print (PyTorch's {@code torch.set_printoptions}); returns the
     * options they replace, so a caller can restore them.
     *
     * @param newOptions the new options
     * @return the print options
     */
    public static PrintOptions setPrintOptions(PrintOptions newOptions) {
        if (newOptions == null) {
            throw new TensorException("print options must not be null (use PrintOptions.DEFAULT)");
        }
        PrintOptions previous = options;
        options = newOptions;
        return previous;
    }

    /**
     * {@return PyTorch's {@code repr(t)} with the current print options}
     *
     * @param t the tensor
     */
    public static String repr(Tensor t) {
        return repr(t, options);
    }

    /**
     * {@return PyTorch's {@code repr(t)} with the given print options}
     *
     * @param t the tensor
     * @param opts the options
     */
    public static String repr(Tensor t, PrintOptions opts) {
        return repr(t, opts, t.requiresGrad(), t.gradFn() == null ? null : t.gradFn().name());
    }

    /**
     * The repr with the autograd state given apart from the tensor (so that its suffixes can be tested
     * without an autograd engine): {@code gradFnName} non-null prints {@code grad_fn=<name>}, else
     * {@code requiresGrad} prints {@code requires_grad=True}.
     */
    static String repr(Tensor t, PrintOptions opts, boolean requiresGrad, String gradFnName) {
        int indent = PREFIX.length();
        List<String> suffixes = new ArrayList<>();
        if (!t.device().equals(Device.CPU)) {
            suffixes.add("device='" + t.device() + "'");
        }
        String body;
        if (t.numel() == 0) {
            // Only the shape [0] is implied by "[]"; an empty tensor has no values to show its dtype either.
            if (t.dim() != 1) {
                suffixes.add("size=" + pythonTuple(t.shape()));
            }
            if (t.dtype() != DType.FLOAT32) {
                suffixes.add("dtype=" + t.dtype());
            }
            body = "[]";
        } else {
            if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.INT64 && t.dtype() != DType.BOOL) {
                suffixes.add("dtype=" + t.dtype());
            }
            body = new Layout(t, opts).render(indent);
        }
        if (gradFnName != null) {
            suffixes.add("grad_fn=<" + gradFnName + ">");
        } else if (requiresGrad) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + body, suffixes, indent, opts.lineWidth());
    }

    private static String addSuffixes(String text, List<String> suffixes, int indent, int lineWidth) {
        StringBuilder sb = new StringBuilder(text);
        // PyTorch measures the last line two characters longer than it is; kept for identical wrapping.
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > lineWidth) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** Python's {@code str(tuple(shape))}: {@code ()}, {@code (3,)}, {@code (2, 0, 4)}. */
    static String pythonTuple(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    /**
     * The printed elements of one non-empty tensor: gathered once into a small host array (only the
     * edge items of summarised dims), then laid out recursively.
     */
    private static final class Layout {
        private final PrintOptions opts;
        private final int rank;
        private final boolean[] summarised;
        /** Sizes and row-major strides of the gathered elements. */
        private final long[] keptShape;
        private final long[] keptStrides;
        private final ElementFormatter formatter;

        Layout(Tensor t, PrintOptions opts) {
            this.opts = opts;
            this.rank = t.dim();
            long[] shape = t.shape();
            int edge = opts.edgeItems();
            boolean summarise = t.numel() > opts.threshold();
            summarised = new boolean[rank];
            keptShape = new long[rank];
            for (int d = 0; d < rank; d++) {
                summarised[d] = summarise && shape[d] > 2L * edge;
                keptShape[d] = summarised[d] ? 2L * edge : shape[d];
            }
            keptStrides = Shapes.contiguousStrides(keptShape);
            Tensor kept = gather(t.detach(), shape, edge);
            if (kept.dtype().isReduced()) {
                // The small dtypes print their exact values, as Python's float and int of PyTorch's items do.
                kept = kept.to(kept.dtype().isFloatingPoint() ? DType.FLOAT64 : DType.INT64);
            }
            formatter = new ElementFormatter(kept.toHostArray(), opts);
        }

        /**
         * A contiguous tensor (on t's device) of the kept elements: for k summarised dims, each of the
         * 2^k combinations of head/tail blocks is copied into its place, so only kept elements move.
         */
        private Tensor gather(Tensor src, long[] shape, int edge) {
            Tensor out = Tensor.empty(keptShape, src.dtype(), src.device());
            int[] dims = new int[rank];
            int k = 0;
            for (int d = 0; d < rank; d++) {
                if (summarised[d]) {
                    dims[k++] = d;
                }
            }
            for (int mask = 0; mask < (1 << k); mask++) {
                Tensor from = src;
                Tensor to = out;
                for (int j = 0; j < k; j++) {
                    int d = dims[j];
                    boolean tail = (mask >> j & 1) != 0;
                    from = from.narrow(d, tail ? shape[d] - edge : 0, edge);
                    to = to.narrow(d, tail ? edge : 0, edge);
                }
                to.copy_(from);
            }
            return out;
        }

        String render(int indent) {
            StringBuilder sb = new StringBuilder();
            if (rank == 0) {
                sb.append(formatter.format(0));
            } else {
                appendSlice(sb, 0, 0, indent);
            }
            return sb.toString();
        }

        /** The indices (into the kept elements) printed along dim {@code d}; -1 stands for "...". */
        private int[] printedIndices(int d) {
            int n = (int) keptShape[d];
            if (!summarised[d]) {
                int[] all = new int[n];
                for (int i = 0; i < n; i++) {
                    all[i] = i;
                }
                return all;
            }
            int edge = n / 2;
            int[] idx = new int[n + 1];
            for (int i = 0; i < edge; i++) {
                idx[i] = i;
                idx[edge + 1 + i] = edge + i;
            }
            idx[edge] = -1;
            return idx;
        }

        private void appendSlice(StringBuilder sb, int d, long base, int indent) {
            if (d == rank - 1) {
                appendVector(sb, base, indent);
                return;
            }
            // Sub-slices are separated by one blank line per dim below the next one.
            String separator = "," + "\n".repeat(rank - d - 1) + " ".repeat(indent + 1);
            sb.append('[');
            int[] idx = printedIndices(d);
            for (int i = 0; i < idx.length; i++) {
                if (i > 0) {
                    sb.append(separator);
                }
                if (idx[i] < 0) {
                    sb.append("...");
                } else {
                    appendSlice(sb, d + 1, base + idx[i] * keptStrides[d], indent + 1);
                }
            }
            sb.append(']');
        }

        private void appendVector(StringBuilder sb, long base, int indent) {
            int elementLength = formatter.width() + 2;
            int perLine = Math.max(1, Math.floorDiv(opts.lineWidth() - indent, elementLength));
            String lineBreak = ",\n" + " ".repeat(indent + 1);
            int[] idx = printedIndices(rank - 1);
            sb.append('[');
            for (int i = 0; i < idx.length; i++) {
                if (i > 0) {
                    sb.append(i % perLine == 0 ? lineBreak : ", ");
                }
                sb.append(idx[i] < 0 ? " ..." : formatter.format((int) (base + idx[i])));
            }
            sb.append(']');
        }
    }
}
