package dev.jtensor.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code torch.einsum} and {@code torch.tensordot}, contracted through the existing matrix product.
 *
 * <p>einsum: each operand's subscripts become label ids (upper-case letters first, then lower-case,
 * then the broadcast dims of {@code ...}, so that the implicit output comes out in PyTorch's order).
 * A label repeated within an operand takes that operand's diagonal ({@link Tensor#diagonal}); a
 * dim of size 1 facing a larger size elsewhere is squeezed away (it broadcasts). The operands are
 * then combined left to right: labels that no later operand and not the output use are summed
 * away, labels both sides share and still need become batch dims, and the rest are the rows and
 * columns of one {@code bmm} over permuted and reshaped operands (or one broadcast {@code mul}
 * when nothing is contracted). Everything is built from differentiable views, sums and products,
 * so einsum has no derivative rule of its own.
 */
final class Einsum {
    private static final int LETTERS = 26;
    /** Label ids of the dims covered by {@code ...} start here (after A-Z and a-z). */
    private static final int ELLIPSIS_BASE = 2 * LETTERS;

    private Einsum() {}

    /** One operand during the contraction: a tensor and the label of each of its dims. */
    private record Term(Tensor t, List<Integer> labels) {}

    static Tensor einsum(String equation, Tensor[] operands) {
        if (operands.length == 0) {
            throw new TensorException("einsum(): must provide at least one operand");
        }
        int arrow = equation.indexOf("->");
        String lhs = arrow < 0 ? equation : equation.substring(0, arrow);
        // Parse each input term: its labels, and where "..." sits in it (-1 when absent).
        List<List<Integer>> termLabels = new ArrayList<>();
        List<Integer> ellipsisAt = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int currentEllipsis = -1;
        for (int i = 0; i < lhs.length(); i++) {
            char c = lhs.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c == ',') {
                termLabels.add(current);
                ellipsisAt.add(currentEllipsis);
                if (termLabels.size() >= operands.length) {
                    throw new TensorException("einsum(): fewer operands were provided than specified in the equation"
                            + " (" + operands.length + " operands for \"" + equation + "\")");
                }
                current = new ArrayList<>();
                currentEllipsis = -1;
            } else if (c == '.') {
                if (currentEllipsis >= 0) {
                    throw new TensorException("einsum(): found '.' for operand " + termLabels.size()
                            + " for which an ellipsis was already found");
                }
                if (!lhs.startsWith("...", i)) {
                    throw new TensorException("einsum(): found '.' for operand " + termLabels.size()
                            + " that is not part of any ellipsis");
                }
                currentEllipsis = current.size();
                i += 2;
            } else {
                current.add(labelId(c, i));
            }
        }
        termLabels.add(current);
        ellipsisAt.add(currentEllipsis);
        if (termLabels.size() < operands.length) {
            throw new TensorException("einsum(): more operands were provided than specified in the equation ("
                    + operands.length + " operands for \"" + equation + "\")");
        }

        // Expand "..." into its dims (right-aligned across operands) and check the subscript counts.
        int ellipsisDims = 0;
        for (int k = 0; k < operands.length; k++) {
            int named = termLabels.get(k).size();
            int ndim = operands[k].dim();
            if (ellipsisAt.get(k) < 0) {
                if (named != ndim) {
                    throw new TensorException("einsum(): the number of subscripts in the equation (" + named
                            + ") does not match the number of dimensions (" + ndim + ") for operand " + k
                            + " and no ellipsis was given");
                }
            } else if (named > ndim) {
                throw new TensorException("einsum(): the number of subscripts in the equation (" + named
                        + ") is more than the number of dimensions (" + ndim + ") for operand " + k);
            } else {
                ellipsisDims = Math.max(ellipsisDims, ndim - named);
            }
        }
        List<List<Integer>> dimLabels = new ArrayList<>();
        boolean anyEllipsis = false;
        for (int k = 0; k < operands.length; k++) {
            List<Integer> labels = new ArrayList<>(termLabels.get(k));
            int at = ellipsisAt.get(k);
            if (at >= 0) {
                anyEllipsis = true;
                int covered = operands[k].dim() - labels.size();
                List<Integer> ell = new ArrayList<>();
                for (int e = ellipsisDims - covered; e < ellipsisDims; e++) {
                    ell.add(ELLIPSIS_BASE + e);
                }
                labels.addAll(at, ell);
            }
            dimLabels.add(labels);
        }

        List<Integer> output = arrow < 0 ? implicitOutput(dimLabels, ellipsisDims, anyEllipsis)
                : explicitOutput(equation, arrow + 2, dimLabels, ellipsisDims);

        // Diagonals for repeated labels, then the size of every label (size 1 broadcasts).
        List<Term> terms = new ArrayList<>();
        long[] sizes = new long[ELLIPSIS_BASE + ellipsisDims];
        Arrays.fill(sizes, -1);
        for (int k = 0; k < operands.length; k++) {
            Term term = diagonals(operands[k], dimLabels.get(k), k);
            for (int d = 0; d < term.labels().size(); d++) {
                int label = term.labels().get(d);
                long s = term.t().size(d);
                if (sizes[label] < 0 || sizes[label] == 1) {
                    sizes[label] = s;
                } else if (s != 1 && s != sizes[label]) {
                    throw new TensorException(label >= ELLIPSIS_BASE
                            ? "einsum(): dimension " + (label - ELLIPSIS_BASE) + " covered by ellipsis in operand " + k
                                    + " has size " + s + " which does not broadcast with previously seen ellipsis with "
                                    + "size " + sizes[label] + " for the respective dimension"
                            : "einsum(): subscript " + labelChar(label) + " has size " + s + " for operand " + k
                                    + " which does not broadcast with previously seen size " + sizes[label]);
                }
            }
            terms.add(term);
        }
        for (int k = 0; k < terms.size(); k++) {
            terms.set(k, squeezeBroadcast(terms.get(k), sizes));
        }

        Term acc = terms.get(0);
        for (int k = 1; k < terms.size(); k++) {
            Set<Integer> needed = new LinkedHashSet<>(output);
            for (int later = k + 1; later < terms.size(); later++) {
                needed.addAll(terms.get(later).labels());
            }
            acc = contract(acc, terms.get(k), needed);
        }
        acc = sumOut(acc, Set.copyOf(output));
        int[] perm = new int[output.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = acc.labels().indexOf(output.get(i));
        }
        return acc.t().permute(perm);
    }

    /** Without "->": the "..." dims, then the labels used exactly once, upper-case before lower-case. */
    private static List<Integer> implicitOutput(List<List<Integer>> dimLabels, int ellipsisDims, boolean anyEllipsis) {
        int[] count = new int[ELLIPSIS_BASE];
        for (List<Integer> labels : dimLabels) {
            for (int l : labels) {
                if (l < ELLIPSIS_BASE) {
                    count[l]++;
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        if (anyEllipsis) {
            for (int e = 0; e < ellipsisDims; e++) {
                out.add(ELLIPSIS_BASE + e);
            }
        }
        for (int l = 0; l < ELLIPSIS_BASE; l++) {
            if (count[l] == 1) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<Integer> explicitOutput(String equation, int from, List<List<Integer>> dimLabels,
            int ellipsisDims) {
        Set<Integer> inInputs = new LinkedHashSet<>();
        dimLabels.forEach(inInputs::addAll);
        List<Integer> out = new ArrayList<>();
        boolean ellipsis = false;
        for (int i = from; i < equation.length(); i++) {
            char c = equation.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c == '.') {
                if (ellipsis || !equation.startsWith("...", i)) {
                    throw new TensorException("einsum(): found '.' for output but it is not part of any ellipsis or "
                            + "the ellipsis appears more than once");
                }
                ellipsis = true;
                for (int e = 0; e < ellipsisDims; e++) {
                    out.add(ELLIPSIS_BASE + e);
                }
                i += 2;
                continue;
            }
            int label = labelId(c, i);
            if (out.contains(label)) {
                throw new TensorException("einsum(): output subscript " + c + " appears more than once in the output");
            }
            if (!inInputs.contains(label)) {
                throw new TensorException("einsum(): output subscript " + c
                        + " does not appear in the equation for any input operand");
            }
            out.add(label);
        }
        return out;
    }

    private static int labelId(char c, int index) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return LETTERS + c - 'a';
        }
        throw new TensorException("einsum(): invalid subscript given at index " + index
                + " in the equation string, subscripts must be in [a-zA-Z]");
    }

    private static char labelChar(int label) {
        return (char) (label < LETTERS ? 'A' + label : 'a' + label - LETTERS);
    }

    /** The operand with each repeated label replaced by the diagonal over its dims (a view). */
    private static Term diagonals(Tensor t, List<Integer> labels, int operand) {
        List<Integer> ls = new ArrayList<>(labels);
        Tensor x = t;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int d = 0; d < ls.size() && !changed; d++) {
                int label = ls.get(d);
                int other = ls.lastIndexOf(label);
                if (other == d) {
                    continue;
                }
                if (x.size(other) != x.size(d)) {
                    throw new TensorException("einsum(): subscript " + labelChar(label) + " is repeated for operand "
                            + operand + " but the sizes don't match, " + x.size(other) + " != " + x.size(d));
                }
                // diagonal() drops both dims and appends their diagonal as the last one.
                x = x.diagonal(0, d, other);
                ls.remove(other);
                ls.remove(d);
                ls.add(label);
                changed = true;
            }
        }
        return new Term(x, ls);
    }

    /** Squeezes the size-1 dims whose label is larger elsewhere: those broadcast, as if absent. */
    private static Term squeezeBroadcast(Term term, long[] sizes) {
        Tensor t = term.t();
        List<Integer> ls = new ArrayList<>(term.labels());
        for (int d = ls.size() - 1; d >= 0; d--) {
            if (t.size(d) == 1 && sizes[ls.get(d)] != 1) {
                t = t.squeeze(d);
                ls.remove(d);
            }
        }
        return new Term(t, ls);
    }

    /** Sums away the labels not in {@code keep}. */
    private static Term sumOut(Term term, Set<Integer> keep) {
        List<Integer> kept = new ArrayList<>();
        List<Integer> summed = new ArrayList<>();
        for (int d = 0; d < term.labels().size(); d++) {
            (keep.contains(term.labels().get(d)) ? kept : summed).add(d);
        }
        if (summed.isEmpty()) {
            return term;
        }
        int[] dims = summed.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> labels = new ArrayList<>();
        kept.forEach(d -> labels.add(term.labels().get(d)));
        return new Term(term.t().sum(dims, false), labels);
    }

    /** The product of two terms, keeping only the labels in {@code needed} (the others are summed). */
    private static Term contract(Term a, Term b, Set<Integer> needed) {
        Set<Integer> keepA = new LinkedHashSet<>(needed);
        keepA.addAll(b.labels());
        Set<Integer> keepB = new LinkedHashSet<>(needed);
        keepB.addAll(a.labels());
        Term left = sumOut(a, keepA);
        Term right = sumOut(b, keepB);
        List<Integer> batch = new ArrayList<>();
        List<Integer> contracted = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int l : left.labels()) {
            if (right.labels().contains(l)) {
                (needed.contains(l) ? batch : contracted).add(l);
            } else {
                rows.add(l);
            }
        }
        for (int l : right.labels()) {
            if (!left.labels().contains(l)) {
                cols.add(l);
            }
        }
        List<Integer> labels = new ArrayList<>(batch);
        labels.addAll(rows);
        labels.addAll(cols);
        long[] batchSizes = sizesOf(left, batch);
        long[] rowSizes = sizesOf(left, rows);
        long[] colSizes = sizesOf(right, cols);
        Tensor l = left.t().permute(positions(left, batch, rows, contracted));
        Tensor r = right.t().permute(positions(right, batch, contracted, cols));
        if (contracted.isEmpty()) {
            // Nothing to sum: a broadcast product, [batch, rows, 1...] * [batch, 1..., cols].
            Tensor lv = l.reshape(concat(batchSizes, rowSizes, ones(cols.size())));
            Tensor rv = r.reshape(concat(batchSizes, ones(rows.size()), colSizes));
            return new Term(lv.mul(rv), labels);
        }
        long nb = Shapes.numel(batchSizes);
        long m = Shapes.numel(rowSizes);
        long n = Shapes.numel(colSizes);
        long k = Shapes.numel(sizesOf(left, contracted));
        Tensor product = l.reshape(nb, m, k).bmm(r.reshape(nb, k, n));
        return new Term(product.reshape(concat(batchSizes, rowSizes, colSizes)), labels);
    }

    private static long[] sizesOf(Term term, List<Integer> labels) {
        long[] s = new long[labels.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = term.t().size(term.labels().indexOf(labels.get(i)));
        }
        return s;
    }

    @SafeVarargs
    private static int[] positions(Term term, List<Integer>... groups) {
        List<Integer> order = new ArrayList<>();
        for (List<Integer> g : groups) {
            for (int l : g) {
                order.add(term.labels().indexOf(l));
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] ones(int n) {
        long[] r = new long[n];
        Arrays.fill(r, 1);
        return r;
    }

    private static long[] concat(long[]... parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] r = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, r, at, p.length);
            at += p.length;
        }
        return r;
    }

    // ---------------------------------------------------------------- tensordot

    static Tensor tensordot(Tensor a, Tensor b, long dims) {
        if (dims < 0) {
            throw new TensorException("tensordot expects dims >= 0, but got dims=" + dims);
        }
        if (dims > a.dim() || dims > b.dim()) {
            throw new TensorException("tensordot expects dims <= the number of dims of both operands, but got dims="
                    + dims + " for shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        int n = (int) dims;
        long[] dimsA = new long[n];
        long[] dimsB = new long[n];
        for (int i = 0; i < n; i++) {
            dimsA[i] = i - n; // the last n dims of a, counted from the end as PyTorch names them
            dimsB[i] = i;
        }
        return tensordot(a, b, dimsA, dimsB);
    }

    static Tensor tensordot(Tensor a, Tensor b, long[] dimsA, long[] dimsB) {
        if (dimsA.length != dimsB.length) {
            throw new TensorException("both dimension lists should have same length (got " + Arrays.toString(dimsA)
                    + " and " + Arrays.toString(dimsB) + ")");
        }
        Tensor ta = a;
        Tensor tb = b;
        int[] ca = new int[dimsA.length];
        int[] cb = new int[dimsB.length];
        boolean[] contractedA = new boolean[a.dim()];
        boolean[] contractedB = new boolean[b.dim()];
        for (int i = 0; i < dimsA.length; i++) {
            ca[i] = Shapes.normalizeDim(dimsA[i], a.dim());
            cb[i] = Shapes.normalizeDim(dimsB[i], b.dim());
            if (contractedA[ca[i]] || contractedB[cb[i]]) {
                throw new TensorException("tensordot: a dim appears twice in " + Arrays.toString(dimsA) + " or "
                        + Arrays.toString(dimsB));
            }
            contractedA[ca[i]] = true;
            contractedB[cb[i]] = true;
            long sa = a.size(ca[i]);
            long sb = b.size(cb[i]);
            if (sa != sb && sa != 1 && sb != 1) {
                throw new TensorException("contracted dimensions need to match, but first has size " + sa + " in dim "
                        + dimsA[i] + " and second has size " + sb + " in dim " + dimsB[i]);
            }
        }
        for (int i = 0; i < ca.length; i++) {
            // A size-1 side broadcasts: sum the other side over that dim first.
            if (b.size(cb[i]) == 1) {
                ta = ta.sum(new int[] {ca[i]}, true);
            } else if (a.size(ca[i]) == 1) {
                tb = tb.sum(new int[] {cb[i]}, true);
            }
        }
        int freeA = a.dim() - ca.length;
        int freeB = b.dim() - cb.length;
        int[] permA = new int[a.dim()];
        int[] permB = new int[b.dim()];
        long[] outShape = new long[freeA + freeB];
        int p = 0;
        for (int d = 0; d < a.dim(); d++) {
            if (!contractedA[d]) {
                outShape[p] = a.size(d);
                permA[p++] = d;
            }
        }
        System.arraycopy(ca, 0, permA, freeA, ca.length);
        System.arraycopy(cb, 0, permB, 0, cb.length);
        p = cb.length;
        int q = freeA;
        for (int d = 0; d < b.dim(); d++) {
            if (!contractedB[d]) {
                outShape[q++] = b.size(d);
                permB[p++] = d;
            }
        }
        long rows = Shapes.numel(Arrays.copyOfRange(outShape, 0, freeA));
        long cols = Shapes.numel(Arrays.copyOfRange(outShape, freeA, outShape.length));
        long inner = 1;
        for (int d : ca) {
            inner *= ta.size(d);
        }
        Tensor product = ta.permute(permA).reshape(rows, inner).mm(tb.permute(permB).reshape(inner, cols));
        return product.reshape(outShape);
    }
}
