package dev.jtensor.examples;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * Deep Learning Gymnastics #3, view and reshape. A view reinterprets the same storage with a new
 * shape (one size may be -1, inferred); it is how the {@code [8, 3, 4]} embedded batch of #2 becomes
 * the {@code [8, 12]} input of a hidden layer, without a copy. A view needs strides that fit the new
 * shape: the transpose of a {@code [2, 3]} tensor cannot be flattened by {@code view}, and
 * {@code reshape} copies it instead, giving the elements in the transposed order.
 */
public final class Reshaping extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public Reshaping() {
    }

    @Override
    public String name() {
        return "reshaping";
    }

    @Override
    public String title() {
        return "Deep Learning Gymnastics #3: view, reshape and flatten";
    }

    @Override
    protected void cells() {
        // tag::views[] Views of arange(18)
        // >>> x = torch.arange(18)
        Tensor x = Tensor.arange(18);
        // >>> print(x.view(2, 9))
        print(x.view(2, 9));
        // >>> print(x.view(9, 2))
        print(x.view(9, 2));
        // >>> print(x.view(3, 2, 3))
        print(x.view(3, 2, 3));
        // >>> print(x.view(-1, 9))
        print(x.view(-1, 9));
        // end::views[]

        // tag::hidden[] The embedded batch as the input of a hidden layer
        // >>> torch.manual_seed(18)
        Tensor.manualSeed(18);
        // >>> batch = torch.randint(0, 26, (8, 3))
        Tensor batch = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> embeddings = torch.randn(27, 4)
        Tensor embeddings = Tensor.randn(27, 4);
        // >>> emb = embeddings[batch]
        Tensor emb = embeddings.index(batch);
        // >>> print(emb.shape)
        print(emb.shape());
        // >>> print(emb.view(8, 12).shape)
        print(emb.view(8, 12).shape());
        // >>> print(emb.view(8, 12)[0])
        print(emb.view(8, 12).index(0));
        // >>> W1 = torch.randn(12, 100)
        Tensor W1 = Tensor.randn(12, 100);
        // >>> b1 = torch.randn(100)
        Tensor b1 = Tensor.randn(100);
        // >>> h = torch.tanh(emb.view(-1, 12) @ W1 + b1)
        Tensor h = emb.view(-1, 12).matmul(W1).add(b1).tanh();
        // >>> print(h.shape)
        print(h.shape());
        // end::hidden[]

        // tag::transposed[] view needs compatible strides, reshape copies when it must
        // >>> a = torch.tensor([[1, 2, 3], [4, 5, 6]])
        Tensor a = Tensor.tensor(new long[][] {{1, 2, 3}, {4, 5, 6}});
        // >>> t = a.T
        Tensor t = a.T();
        // >>> print(t.is_contiguous())
        print(t.isContiguous());
        // >>> try:
        try {
            // ...     t.view(6)
            t.view(6);
            // ... except RuntimeError as e:
        } catch (TensorException e) {
            // ...     print(e)
            print(e.getMessage());
        }
        // >>> print(t.reshape(6))
        print(t.reshape(6));
        // end::transposed[]

        // tag::flatten[] Flattening all but the batch dim
        // >>> images = torch.randn(10, 8, 5, 5)
        Tensor images = Tensor.randn(10, 8, 5, 5);
        // >>> print(images.view(10, -1).shape)
        print(images.view(10, -1).shape());
        // >>> print(images.flatten(1).shape)
        print(images.flatten(1, -1).shape());
        // end::flatten[]
    }
}
