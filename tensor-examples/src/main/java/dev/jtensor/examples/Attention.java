package dev.jtensor.examples;

import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Linear;

/**
 * The "10 lines" of self-attention from the transformer post: one masked head over a batch of
 * {@code B = 4} sequences of {@code T = 8} tokens with {@code C = 32} channels. Every token emits a
 * key and a query (head size 16); their dot products, scaled by {@code 1/sqrt(16)}, say how much each
 * token attends to each other one. The lower-triangular mask sets the future to {@code -inf} before
 * the softmax, so token t mixes only the values of tokens 0..t: the first row of the weights is
 * {@code [1, 0, ...]}, and every row sums to 1. A squared-mean loss is then differentiated back to the
 * three projections, which is what the test compares with PyTorch.
 *
 * <p>Before the head, the post's diagrams in code. The post draws no numbers there, so the example
 * prints only what the post states: the scores of v2 against v1, v2 and v3 are 3 numbers, and v2
 * weighted by their softmax is again a {@code (1, 50)} vector, as is v2 times a {@code (50, 50)}
 * matrix; and the {@code (2, 2, 2)} vector's magnitude divided by {@code sqrt(3)} is 2. The post shows
 * the head's code as a picture and prints nothing from it; the values printed for it are JTensor's,
 * checked against PyTorch 1.13 by the test, not the post's.
 */
public final class Attention extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public Attention() {
    }

    @Override
    public String name() {
        return "attention";
    }

    @Override
    public String title() {
        return "Self-attention in 10 lines: one masked head";
    }

    /** The head's tensors, for the test against PyTorch's values. */
    public record Head(Tensor x, Linear key, Linear query, Linear value, Tensor wei, Tensor out, Tensor loss) {
    }

    /** The post's diagrams in code: v2 weighted by its context, the learnable matrices, the scaling. */
    void contextWeighting() {
        // tag::weighting[] Weighting v2 by its context (the post's diagram; it gives shapes, not values)
        // >>> torch.manual_seed(0)  # the post draws no numbers: any embeddings do
        Tensor.manualSeed(0);
        // >>> v1, v2, v3 = torch.randn(1, 50), torch.randn(1, 50), torch.randn(1, 50)
        Tensor v1 = Tensor.randn(1, 50), v2 = Tensor.randn(1, 50), v3 = Tensor.randn(1, 50);
        // >>> V = torch.cat([v1, v2, v3])  # (3, 50)
        Tensor V = Tensor.cat(new Tensor[] {v1, v2, v3}, 0);
        // >>> s2 = v2 @ V.T  # s21, s22, s23
        Tensor s2 = v2.matmul(V.T());
        // >>> w2 = F.softmax(s2, dim=-1)  # w21, w22, w23
        Tensor w2 = F.softmax(s2, -1);
        // >>> y2 = w2 @ V  # w21 * v1 + w22 * v2 + w23 * v3
        Tensor y2 = w2.matmul(V);
        // >>> print(s2.shape, y2.shape)
        print(s2.shape(), y2.shape());
        // end::weighting[]

        // tag::matrices[] M_Q, M_K and M_V keep the dimensions
        // >>> M_Q = torch.randn(50, 50)
        Tensor M_Q = Tensor.randn(50, 50);
        // >>> print((v2 @ M_Q).shape)  # (1, 50) @ (50, 50)
        print(v2.matmul(M_Q).shape());
        // end::matrices[]

        // tag::scaling[] Scaling: the (2, 2, 2) vector
        // >>> v = torch.tensor([2., 2., 2.])
        Tensor v = Tensor.tensor(new double[] {2., 2., 2.});
        // >>> magnitude = (v ** 2).sum().sqrt()
        Tensor magnitude = v.pow(2).sum().sqrt();
        // >>> print(magnitude)
        print(magnitude);
        // >>> print(magnitude / math.sqrt(3))
        print(magnitude.div(Math.sqrt(3)));
        // end::scaling[]
    }

    /** Runs the head forward and backward, as the post does, printing what it prints. */
    public Head head() {
        // tag::head[] One head of self-attention
        // >>> torch.manual_seed(1337)
        Tensor.manualSeed(1337);
        // >>> B, T, C = 4, 8, 32  # batch, time, channels
        long B = 4, T = 8, C = 32;
        // >>> x = torch.randn(B, T, C)
        Tensor x = Tensor.randn(B, T, C);
        // >>> head_size = 16
        long head_size = 16;
        // >>> key = nn.Linear(C, head_size, bias=False)
        Linear key = new Linear(C, head_size, false);
        // >>> query = nn.Linear(C, head_size, bias=False)
        Linear query = new Linear(C, head_size, false);
        // >>> value = nn.Linear(C, head_size, bias=False)
        Linear value = new Linear(C, head_size, false);
        // >>> k = key(x)    # (B, T, 16)
        Tensor k = key.forward(x);
        // >>> q = query(x)  # (B, T, 16)
        Tensor q = query.forward(x);
        // >>> wei = q @ k.transpose(-2, -1) * head_size**-0.5  # (B, T, 16) @ (B, 16, T) -> (B, T, T)
        Tensor wei = q.matmul(k.transpose(-2, -1)).mul(Math.pow(head_size, -0.5));
        // >>> tril = torch.tril(torch.ones(T, T))
        Tensor tril = Tensor.ones(T, T).tril();
        // >>> wei = wei.masked_fill(tril == 0, float('-inf'))
        wei = wei.maskedFill(tril.eq(0), Double.NEGATIVE_INFINITY);
        // >>> wei = F.softmax(wei, dim=-1)
        wei = F.softmax(wei, -1);
        // >>> v = value(x)
        Tensor v = value.forward(x);
        // >>> out = wei @ v  # (B, T, T) @ (B, T, 16) -> (B, T, 16)
        Tensor out = wei.matmul(v);
        // >>> print(wei[0])
        print(wei.index(0));
        // >>> print(out.shape)
        print(out.shape());
        // end::head[]

        // tag::backward[] A loss, and the gradients of the projections
        // >>> loss = out.pow(2).mean()
        Tensor loss = out.pow(2).mean();
        // >>> loss.backward()
        loss.backward();
        // >>> print(loss)
        print(loss);
        // >>> print(key.weight.grad[0, :8])
        print(key.weight().grad().index(0, Index.slice(0, 8)));
        // end::backward[]
        return new Head(x, key, query, value, wei, out, loss);
    }

    @Override
    protected void cells() {
        contextWeighting();
        head();
    }
}
