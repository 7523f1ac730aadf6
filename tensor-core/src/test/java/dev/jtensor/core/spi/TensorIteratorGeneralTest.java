package dev.jtensor.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The general iterator path against a plain restatement of its rule (full strides with 0 for
 * broadcast dims, dims sorted by the output's strides with ties to the later dim, then merged where
 * every operand continues contiguously), over random shapes, broadcasts, permutations and slices.
 */
class TensorIteratorGeneralTest {
    /** The expected iteration: shape first, then each operand's strides. */
    private static long[][] reference(Tensor out, Tensor... inputs) {
        Tensor[] ops = new Tensor[inputs.length + 1];
        ops[0] = out;
        System.arraycopy(inputs, 0, ops, 1, inputs.length);
        int nd = out.dim();
        long[][] full = new long[ops.length][nd];
        for (int k = 0; k < ops.length; k++) {
            int shift = nd - ops[k].dim();
            for (int d = 0; d < ops[k].dim(); d++) {
                full[k][d + shift] = ops[k].size(d) == 1 ? 0 : ops[k].stride(d);
            }
        }
        Integer[] order = new Integer[nd];
        for (int i = 0; i < nd; i++) {
            order[i] = nd - 1 - i;
        }
        Arrays.sort(order, (x, y) -> full[0][x] != full[0][y] ? Long.compare(full[0][x], full[0][y]) : Integer.compare(y, x));
        java.util.List<long[]> dims = new java.util.ArrayList<>(); // {size, stride0, stride1, ...}
        for (int i = 0; i < nd; i++) {
            int d = order[i];
            if (out.size(d) == 1) {
                continue;
            }
            long[] dim = new long[ops.length + 1];
            dim[0] = out.size(d);
            for (int k = 0; k < ops.length; k++) {
                dim[k + 1] = full[k][d];
            }
            if (!dims.isEmpty()) {
                long[] last = dims.getLast();
                boolean merge = true;
                for (int k = 1; k <= ops.length; k++) {
                    merge &= last[k] * last[0] == dim[k];
                }
                if (merge) {
                    last[0] *= dim[0];
                    continue;
                }
            }
            dims.add(dim);
        }
        if (dims.isEmpty()) {
            long[] one = new long[ops.length + 1];
            one[0] = out.numel() == 0 ? 0 : 1;
            dims.add(one);
        }
        long[][] result = new long[ops.length + 1][dims.size()];
        for (int i = 0; i < dims.size(); i++) {
            for (int k = 0; k <= ops.length; k++) {
                result[k][i] = dims.get(i)[k];
            }
        }
        return result;
    }

    /** A random layout of {@code shape}: permuted storage order and possibly a slice of a bigger tensor. */
    private static Tensor layout(long[] shape, Random rnd) {
        int nd = shape.length;
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = i;
        }
        for (int i = nd - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        long[] permuted = new long[nd];
        for (int i = 0; i < nd; i++) {
            permuted[i] = shape[perm[i]];
        }
        boolean slice = nd > 0 && rnd.nextBoolean();
        if (slice) {
            permuted[nd - 1] *= 2;
        }
        Tensor base = Tensor.zeros(permuted);
        if (slice) {
            base = base.slice(nd - 1, 0, permuted[nd - 1], 2);
        }
        int[] inverse = new int[nd];
        for (int i = 0; i < nd; i++) {
            inverse[perm[i]] = i;
        }
        return base.permute(inverse);
    }

    @Property(tries = 400)
    void matchesTheReference(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        int nd = rnd.nextInt(5);
        long[] shape = new long[nd];
        for (int d = 0; d < nd; d++) {
            shape[d] = rnd.nextInt(5) == 0 ? 1 : 1 + rnd.nextInt(4);
        }
        Tensor out = layout(shape, rnd);
        Tensor[] inputs = new Tensor[rnd.nextInt(4)];
        for (int k = 0; k < inputs.length; k++) {
            // A suffix of the output's dims, each kept or broadcast from size 1.
            int rank = rnd.nextInt(nd + 1);
            long[] s = new long[rank];
            for (int d = 0; d < rank; d++) {
                s[d] = rnd.nextBoolean() ? shape[nd - rank + d] : 1;
            }
            inputs[k] = rnd.nextInt(4) == 0 && rank > 0 ? Tensor.zeros(1).expand(s) : layout(s, rnd);
        }
        TensorIterator it = TensorIterator.general(out, inputs);
        long[][] expected = reference(out, inputs);
        assertArrayEquals(expected[0], it.iterationShape());
        assertEquals(out.numel(), it.numel());
        for (int k = 0; k <= inputs.length; k++) {
            assertArrayEquals(expected[k + 1], it.iterationStrides(k), "operand " + k);
        }
    }

    @Test
    void inputsThatDoNotFitTheOutputKeepTheirMessages() {
        Tensor out = Tensor.zeros(2, 3);
        TensorException grow = assertThrows(TensorException.class, () -> TensorIterator.general(out, Tensor.zeros(1, 2, 3)));
        assertEquals("output with shape [2, 3] doesn't match the broadcast shape [1, 2, 3]", grow.getMessage());
        TensorException mismatch = assertThrows(TensorException.class, () -> TensorIterator.general(out, Tensor.zeros(4)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1: "
                + "shapes [2, 3] and [4] are not broadcastable", mismatch.getMessage());
        TensorException between = assertThrows(TensorException.class,
                () -> TensorIterator.general(out, Tensor.zeros(2, 1), Tensor.zeros(3, 1)));
        assertEquals("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0: "
                + "shapes [2, 1] and [3, 1] are not broadcastable", between.getMessage());
    }
}
