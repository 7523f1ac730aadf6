package dev.jtensor.examples;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;

/**
 * Deep Learning Gymnastics #4, cross-entropy. A {@code [27, 27]} table of logits (one row of
 * next-token scores per token) is indexed by the {@code [8, 3]} batch, giving {@code [8, 3, 27]}
 * logits; viewed as {@code [24, 27]}, one row per position, they meet 24 labels. With the post's
 * seed the loss is 3.7759, once from {@code F.cross_entropy} and once by hand: softmax the rows,
 * pick each row's probability of its label with a pair of index tensors, and average the negative
 * logs.
 */
public final class CrossEntropy extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public CrossEntropy() {
    }

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public String title() {
        return "Deep Learning Gymnastics #4: cross-entropy, by F.cross_entropy and by hand";
    }

    @Override
    protected void cells() {
        // tag::logits[] Logits for every position of the batch
        // >>> torch.manual_seed(18)
        Tensor.manualSeed(18);
        // >>> batch = torch.randint(0, 26, (8, 3))
        Tensor batch = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> L = torch.randn(27, 27)
        Tensor L = Tensor.randn(27, 27);
        // >>> logits = L[batch]
        Tensor logits = L.index(batch);
        // >>> print(logits.shape)
        print(logits.shape());
        // >>> logits = logits.view(24, 27)
        logits = logits.view(24, 27);
        // >>> labels = torch.randint(0, 26, (24,))
        Tensor labels = Tensor.randint(0, 26, new long[] {24});
        // >>> print(labels)
        print(labels);
        // end::logits[]

        // tag::library[] F.cross_entropy
        // >>> loss = F.cross_entropy(logits, labels)
        Tensor loss = F.crossEntropy(logits, labels);
        // >>> print(loss)
        print(loss);
        // end::library[]

        // tag::manual[] The same loss by hand
        // >>> counts = logits.exp()
        Tensor counts = logits.exp();
        // >>> prob = counts / counts.sum(1, keepdim=True)
        Tensor prob = counts.div(counts.sum(1, true));
        // >>> print(prob[torch.arange(24), labels].shape)
        print(prob.index(Tensor.arange(24), labels).shape());
        // >>> loss = -prob[torch.arange(24), labels].log().mean()
        loss = prob.index(Tensor.arange(24), labels).log().mean().neg();
        // >>> print(loss)
        print(loss);
        // end::manual[]
    }
}
