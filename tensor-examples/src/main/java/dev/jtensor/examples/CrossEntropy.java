package dev.jtensor.examples;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;

/**
 * Deep Learning Gymnastics #4, cross-entropy in LLMs, with the post's code. A {@code [27, 27]} table
 * {@code L} of logits (one row of next-token scores per token) is indexed by the {@code [8, 3]} batch
 * {@code random_tensor}, giving the {@code [8, 3, 27]} batch {@code X}; viewed as {@code [24, 27]},
 * one row per position, its logits meet the 24 labels of {@code Y}. The post's figure shows the
 * logits after the context 7, 16, 18, the 7th row from the bottom, whose logit for token 1 is about
 * 0.55; the example prints that row's context and that logit to the post's two decimals (the post
 * shows them in a figure, not with code). The loss is the published 3.7759, once from
 * {@code F.cross_entropy} and once by hand: softmax the rows, pick each row's probability of its label
 * with a pair of index tensors, and average the negative logs. (The post's last line indexes with
 * {@code target}, a name its code never defines; it means {@code labels}.)
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
        // tag::inputs[] The batch, its logits and its labels
        // >>> torch.manual_seed(18)
        Tensor.manualSeed(18);
        // >>> # creates the batch
        // >>> random_tensor = torch.randint(low=0, high=26, size=(8,3))
        Tensor random_tensor = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> # create random logits for each index in the vocabulary
        // >>> L = torch.randn((27, 27))
        Tensor L = Tensor.randn(27, 27);
        // >>> #creating the labels
        // >>> Y = torch.randint(low=0, high=26, size=(8,3))
        Tensor Y = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> # creating our batch (8,3,27)
        // >>> X = L[random_tensor]
        Tensor X = L.index(random_tensor);
        // end::inputs[]

        // tag::views[] Stretching the batch out to 24 rows of logits
        // >>> B,T,C = X.shape
        long B = X.size(0), T = X.size(1), C = X.size(2);
        // >>> logits = X.view(B*T,C)
        Tensor logits = X.view(B * T, C);
        // >>> labels = Y.view(B*T)
        Tensor labels = Y.view(B * T);
        // >>> print(random_tensor[5])  # the figure's context, 7 16 18 (not printed in the post)
        print(random_tensor.index(5));
        // >>> print(f"{logits[-7, 1].item():.2f}")  # its logit for token 1: "~0.55" in the post
        print(Python.fixed(logits.index(-7, 1).item(), 2));
        // end::views[]

        // tag::library[] F.cross_entropy
        // >>> F.cross_entropy(logits , labels)
        print(F.crossEntropy(logits, labels));
        // end::library[]

        // tag::manual[] The same loss by hand
        // >>> counts = logits.exp()
        Tensor counts = logits.exp();
        // >>> prob = counts / counts.sum(1,keepdims=True)
        Tensor prob = counts.div(counts.sum(1, true));
        // >>> - prob[torch.arange(24),labels].log().mean()  # the post writes target for labels
        print(prob.index(Tensor.arange(24), labels).log().mean().neg());
        // end::manual[]
    }
}
