package dev.jtensor.examples;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * Deep Learning Gymnastics #1, broadcasting. Two shapes broadcast when, aligned on the right, each
 * pair of sizes is equal, or one of them is 1, or one is missing: {@code [3, 4]} with {@code [3, 1]}
 * and {@code [4, 3, 2]} with {@code [3, 1]} do, {@code [4, 3, 2]} with {@code [3, 1, 2]} does not
 * (4 against 3 in the first dim).
 *
 * <p>The post's use of the rule: normalising the rows of a count matrix into probabilities. Summing
 * the rows with {@code keepdim=True} gives a {@code [3, 1]} column that stretches across the columns,
 * and every row sums to 1. Without {@code keepdim} the sums are a {@code [3]} vector, which broadcasts
 * as a {@code [1, 3]} row: column j is divided by the sum of row j, silently, and the rows no longer
 * sum to 1.
 *
 * <p>The post shows the shapes' checks as pictures and prints {@code N}, {@code row_sums} and
 * {@code N_normalized} as pictures too; the example prints them with the post's code and names.
 * Its text gives the shapes (broadcastable or not) and that the rows sum to 1 with {@code keepdim}
 * and not without.
 */
public final class Broadcasting extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public Broadcasting() {
    }

    @Override
    public String name() {
        return "broadcasting";
    }

    @Override
    public String title() {
        return "Deep Learning Gymnastics #1: broadcasting, and the keepdim bug";
    }

    @Override
    protected void cells() {
        // tag::rule[] The broadcastability rule
        // >>> a = torch.ones(3, 4)
        Tensor a = Tensor.ones(3, 4);
        // >>> b = torch.ones(3, 1)
        Tensor b = Tensor.ones(3, 1);
        // >>> print((a + b).shape)
        print(a.add(b).shape());
        // >>> a = torch.ones(4, 3, 2)
        a = Tensor.ones(4, 3, 2);
        // >>> b = torch.ones(3, 1)
        b = Tensor.ones(3, 1);
        // >>> print((a + b).shape)
        print(a.add(b).shape());
        // >>> b = torch.ones(3, 1, 2)
        b = Tensor.ones(3, 1, 2);
        // >>> try:
        try {
            // ...     a + b
            a.add(b);
            // ... except RuntimeError as e:
        } catch (TensorException e) {
            // ...     print(e)
            print(e.getMessage());
        }
        // end::rule[]

        // tag::normalise[] Tensor broadcasting in PyTorch: normalising the rows of N
        // >>> N = torch.tensor([[10, 20, 10],
        // ...                   [20, 5 , 25],
        // ...                   [10, 60, 30]], dtype=torch.int32)
        Tensor N = Tensor.tensor(new int[][] {{10, 20, 10}, {20, 5, 25}, {10, 60, 30}}, DType.INT32);
        // >>> # calculate sum along rows
        // >>> row_sums = N.sum(dim=1, keepdim=True)
        Tensor row_sums = N.sum(1, true);
        // >>> # normalize each row
        // >>> N_normalized = N / row_sums
        Tensor N_normalized = N.div(row_sums);
        // >>> print(N)
        print(N);
        // >>> print(row_sums)
        print(row_sums);
        // >>> print(N_normalized)
        print(N_normalized);
        // >>> print(N_normalized.sum(dim=1))  # "the sum on each row of the results is indeed equal to 1"
        print(N_normalized.sum(1));
        // end::normalise[]

        // tag::bug[] When things go wrong: the same code without keepdim=True
        // >>> row_sums = N.sum(dim=1)
        row_sums = N.sum(1);
        // >>> N_normalized = N / row_sums
        N_normalized = N.div(row_sums);
        // >>> print(N)
        print(N);
        // >>> print(row_sums)
        print(row_sums);
        // >>> print(N_normalized)
        print(N_normalized);
        // >>> print(N_normalized.sum(dim=1))  # "the rows don't sum to 1 anymore"
        print(N_normalized.sum(1));
        // end::bug[]
    }
}
