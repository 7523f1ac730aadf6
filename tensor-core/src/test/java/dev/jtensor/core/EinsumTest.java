package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * einsum against a brute-force reference: random equations over a few labels (repeated labels,
 * implicit outputs, one to three operands, size-1 broadcasting) are evaluated by looping over every
 * assignment of the labels, and the results must agree exactly on small integers.
 */
class EinsumTest {
    private static final String LABELS = "abcdA";

    @Test
    void randomEquationsAgreeWithLoopsOverAllLabels() {
        SplittableRandom r = new SplittableRandom(20);
        for (int trial = 0; trial < 300; trial++) {
            int operands = 1 + r.nextInt(3);
            long[] sizes = new long[LABELS.length()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = 1 + r.nextInt(3);
            }
            List<String> terms = new ArrayList<>();
            Tensor[] inputs = new Tensor[operands];
            LinkedHashSet<Character> used = new LinkedHashSet<>();
            for (int k = 0; k < operands; k++) {
                StringBuilder t = new StringBuilder();
                int rank = r.nextInt(4);
                long[] shape = new long[rank];
                for (int d = 0; d < rank; d++) {
                    char c = LABELS.charAt(r.nextInt(LABELS.length()));
                    t.append(c);
                    used.add(c);
                    // Now and then a size-1 dim that broadcasts against the label's size.
                    shape[d] = r.nextInt(6) == 0 ? 1 : sizes[LABELS.indexOf(c)];
                }
                String term = t.toString();
                // A repeated label needs equal sizes within the operand.
                for (int d = 0; d < rank; d++) {
                    shape[d] = shape[term.indexOf(term.charAt(d))];
                }
                terms.add(term);
                long n = Shapes.numel(shape);
                long[] data = new long[(int) n];
                for (int i = 0; i < n; i++) {
                    data[i] = r.nextInt(7) - 3;
                }
                inputs[k] = Tensor.fromArray(data, shape);
            }
            String output = null;
            if (r.nextBoolean()) {
                StringBuilder o = new StringBuilder();
                for (char c : used) {
                    if (r.nextBoolean()) {
                        o.append(c);
                    }
                }
                output = o.toString();
            }
            String equation = String.join(",", terms) + (output == null ? "" : "->" + output);
            Tensor got = Tensor.einsum(equation, inputs);
            long[] want = reference(terms, output, inputs);
            assertArrayEquals(want, got.toLongArray(), equation);
        }
    }

    @Test
    void implicitOutputPutsUpperCaseFirst() {
        Tensor a = Tensor.ones(2, 3);
        assertArrayEquals(new long[] {3, 2}, Tensor.einsum("bA", a).shape());
        assertEquals(DType.FLOAT32, Tensor.einsum("ij,jk", a, Tensor.ones(3, 4)).dtype());
    }

    /** Loops over every assignment of the labels: out[output labels] += prod_k input_k[its labels]. */
    private static long[] reference(List<String> terms, String output, Tensor[] inputs) {
        TreeSet<Character> all = new TreeSet<>();
        terms.forEach(t -> t.chars().forEach(c -> all.add((char) c)));
        if (output == null) {
            // Labels used once, upper-case before lower-case (their char order).
            StringBuilder o = new StringBuilder();
            for (char c : all) {
                long count = terms.stream().mapToLong(t -> t.chars().filter(x -> x == c).count()).sum();
                if (count == 1) {
                    o.append(c);
                }
            }
            output = o.toString();
        }
        List<Character> labels = new ArrayList<>(all);
        long[] size = new long[labels.size()];
        for (int k = 0; k < terms.size(); k++) {
            for (int d = 0; d < terms.get(k).length(); d++) {
                int l = labels.indexOf(terms.get(k).charAt(d));
                size[l] = Math.max(size[l], inputs[k].size(d));
            }
        }
        long[] outShape = new long[output.length()];
        for (int i = 0; i < outShape.length; i++) {
            outShape[i] = size[labels.indexOf(output.charAt(i))];
        }
        long[] out = new long[(int) Shapes.numel(outShape)];
        long[][] data = new long[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            data[k] = inputs[k].toLongArray();
        }
        long[] at = new long[labels.size()];
        long total = Shapes.numel(size);
        for (long step = 0; step < total; step++) {
            long rest = step;
            for (int l = labels.size() - 1; l >= 0; l--) {
                at[l] = rest % size[l];
                rest /= size[l];
            }
            long product = 1;
            for (int k = 0; k < inputs.length; k++) {
                long flat = 0;
                String t = terms.get(k);
                for (int d = 0; d < t.length(); d++) {
                    long dimSize = inputs[k].size(d);
                    long index = dimSize == 1 ? 0 : at[labels.indexOf(t.charAt(d))]; // size 1 broadcasts
                    flat = flat * dimSize + index;
                }
                product *= data[k][(int) flat];
            }
            long flatOut = 0;
            for (int i = 0; i < output.length(); i++) {
                flatOut = flatOut * outShape[i] + at[labels.indexOf(output.charAt(i))];
            }
            out[(int) flatOut] += product;
        }
        return out;
    }
}
