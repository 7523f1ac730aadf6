package dev.jtensor.ops.conformance;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.util.List;

/**
 * The conformance mappings of the shape ops, einsum and tensordot (issue 20): {@code shapes2.jsonl}
 * and {@code einsum.jsonl}. Entries only translate PyTorch's arguments to the Java API.
 */
final class ShapeOps {
    private ShapeOps() {}

    static void register() {
        OpTable.op("roll", a -> {
            Object dims = a.argOrKw(2, "dims");
            return a.tensor(0).roll(Args.toLongs(a.argOrKw(1, "shifts")), dims == null ? new long[0] : Args.toLongs(dims));
        });
        OpTable.op("diagonal", a -> a.tensor(0).diagonal(longOr(a, 1, "offset", 0), longOr(a, 2, "dim1", 0),
                longOr(a, 3, "dim2", 1)));
        OpTable.op("diag", a -> a.tensor(0).diag(longOr(a, 1, "diagonal", 0)));
        OpTable.op("diag_embed", a -> a.tensor(0).diagEmbed(longOr(a, 1, "offset", 0), longOr(a, 2, "dim1", -2),
                longOr(a, 3, "dim2", -1)));
        OpTable.op("trace", a -> a.tensor(0).trace());
        OpTable.op("repeat_interleave", a -> {
            Object repeats = a.argOrKw(1, "repeats");
            Object dim = a.argOrKw(2, "dim");
            if (repeats == null) {
                return a.tensor(0).repeatInterleave();
            }
            if (repeats instanceof Tensor r) {
                if (dim == null) {
                    return a.tensor(0).repeatInterleave(r);
                }
                long d = ((Number) dim).longValue();
                return a.hasKw("output_size") ? a.tensor(0).repeatInterleave(r, d, a.kwLong("output_size", 0))
                        : a.tensor(0).repeatInterleave(r, d);
            }
            long r = ((Number) repeats).longValue();
            return dim == null ? a.tensor(0).repeatInterleave(r) : a.tensor(0).repeatInterleave(r, ((Number) dim).longValue());
        });
        OpTable.op("tile", a -> a.tensor(0).tile(Args.toLongs(a.argOrKw(1, "dims"))));
        OpTable.op("movedim", a -> a.tensor(0).movedim(Args.toLongs(a.argOrKw(1, "source")),
                Args.toLongs(a.argOrKw(2, "destination"))));
        OpTable.op("swapaxes", a -> a.tensor(0).swapaxes(a.longAt(1), a.longAt(2)));
        OpTable.op("rot90", a -> {
            Object dims = a.argOrKw(2, "dims");
            return a.tensor(0).rot90(longOr(a, 1, "k", 1), dims == null ? new long[] {0, 1} : Args.toLongs(dims));
        });
        OpTable.op("tensor_split", a -> {
            Object split = a.argOrKw(1, "indices_or_sections");
            long dim = longOr(a, 2, "dim", 0);
            return switch (split) {
                case Tensor t -> a.tensor(0).tensorSplit(t, dim);
                case Number n -> a.tensor(0).tensorSplit(n.longValue(), dim);
                default -> a.tensor(0).tensorSplit(Args.toLongs(split), dim);
            };
        });
        OpTable.op("hsplit", a -> a.get(1) instanceof Number n ? a.tensor(0).hsplit(n.longValue())
                : a.tensor(0).hsplit(a.longs(1)));
        OpTable.op("vsplit", a -> a.get(1) instanceof Number n ? a.tensor(0).vsplit(n.longValue())
                : a.tensor(0).vsplit(a.longs(1)));
        OpTable.op("hstack", a -> Tensor.hstack(a.tensors(0)));
        OpTable.op("vstack", a -> Tensor.vstack(a.tensors(0)));
        OpTable.op("dstack", a -> Tensor.dstack(a.tensors(0)));
        OpTable.op("column_stack", a -> Tensor.columnStack(a.tensors(0)));
        OpTable.op("meshgrid", a -> Tensor.meshgrid(positionalTensors(a, 0), a.kwString("indexing", "ij")));
        OpTable.op("cartesian_prod", a -> Tensor.cartesianProd(positionalTensors(a, 0)));
        OpTable.op("combinations", a -> a.tensor(0).combinations(longOr(a, 1, "r", 2),
                a.has(2) ? (Boolean) a.get(2) : a.kwBool("with_replacement", false)));
        OpTable.op("tril_indices", a -> Tensor.trilIndices(a.longAt(0), a.longAt(1), longOr(a, 2, "offset", 0),
                OpTable.dtypeOr(a, DType.INT64)));
        OpTable.op("triu_indices", a -> Tensor.triuIndices(a.longAt(0), a.longAt(1), longOr(a, 2, "offset", 0),
                OpTable.dtypeOr(a, DType.INT64)));
        OpTable.op("kron", a -> a.tensor(0).kron(a.tensor(1)));
        OpTable.op("einsum", a -> Tensor.einsum((String) a.get(0),
                a.get(1) instanceof List<?> ? a.tensors(1) : positionalTensors(a, 1)));
        OpTable.op("tensordot", a -> {
            Object dims = a.argOrKw(2, "dims");
            if (dims instanceof Number n) {
                return Tensor.tensordot(a.tensor(0), a.tensor(1), n.longValue());
            }
            List<?> pair = (List<?>) dims;
            return Tensor.tensordot(a.tensor(0), a.tensor(1), Args.toLongs(pair.get(0)), Args.toLongs(pair.get(1)));
        });
    }

    /** The i-th positional argument, else the keyword argument, else {@code dflt}, as a long. */
    private static long longOr(Args a, int i, String name, long dflt) {
        Object v = a.argOrKw(i, name);
        return v == null ? dflt : ((Number) v).longValue();
    }

    /** The positional arguments from {@code from} on, all tensors (PyTorch's {@code *tensors}). */
    private static Tensor[] positionalTensors(Args a, int from) {
        return a.positional().subList(from, a.size()).toArray(new Tensor[0]);
    }
}
