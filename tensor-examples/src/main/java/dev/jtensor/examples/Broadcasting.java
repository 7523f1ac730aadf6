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

        // tag::normalise[] Normalising the rows of a count matrix
        // >>> counts = torch.tensor([[10, 20, 10], [20, 5, 25], [10, 60, 30]], dtype=torch.int32)
        Tensor counts = Tensor.tensor(new int[][] {{10, 20, 10}, {20, 5, 25}, {10, 60, 30}}, DType.INT32);
        // >>> print(counts.sum(1, keepdim=True).shape)
        print(counts.sum(1, true).shape());
        // >>> probs = counts / counts.sum(1, keepdim=True)
        Tensor probs = counts.div(counts.sum(1, true));
        // >>> print(probs)
        print(probs);
        // >>> print(probs.sum(1))
        print(probs.sum(1));
        // end::normalise[]

        // tag::bug[] The silent bug: the same division without keepdim
        // >>> print(counts.sum(1).shape)
        print(counts.sum(1).shape());
        // >>> probs = counts / counts.sum(1)
        probs = counts.div(counts.sum(1));
        // >>> print(probs)
        print(probs);
        // >>> print(probs.sum(1))
        print(probs.sum(1));
        // end::bug[]
    }
}
