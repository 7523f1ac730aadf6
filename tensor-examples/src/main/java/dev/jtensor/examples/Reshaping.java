package dev.jtensor.examples;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;

/**
 * Deep Learning Gymnastics #3, view and reshape, with the post's code. A view reinterprets the same
 * storage with a new shape (one size may be -1, inferred); it is how the {@code [8, 3, 4]} embedded
 * batch of #2 becomes the {@code [8, 12]} input layer of a hidden layer, without a copy. A view needs
 * strides that fit the new shape: the transpose of a {@code [2, 3]} tensor cannot be flattened by
 * {@code view}, and {@code reshape} copies it instead, giving the elements in the transposed order.
 *
 * <p>The post shows the views of {@code arange(18)} and the first row of the input layer in pictures;
 * its text gives the shapes (8, 12) and (8, 100), {@code tensor([1, 4, 2, 5, 3, 6])}, the start of
 * the view error and {@code torch.Size([10, 200])}. Its hidden layer reads {@code emb}, a name its
 * code never defines; it means {@code embedded_batch}.
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
        // tag::views[] The basics of PyTorch views: arange(18) (pictures in the post)
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

        // tag::input-layer[] Solving the exercise with views
        // >>> torch.manual_seed(18)
        Tensor.manualSeed(18);
        // >>> random_tensor = torch.randint(low=0, high=26, size=(8,3))
        Tensor random_tensor = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> embeddings = torch.randn(size=(27, 4))
        Tensor embeddings = Tensor.randn(27, 4);
        // >>> embedded_batch = embeddings[random_tensor]
        Tensor embedded_batch = embeddings.index(random_tensor);
        // >>> input_layer = embedded_batch.view(8,12)
        Tensor input_layer = embedded_batch.view(8, 12);
        // >>> print(input_layer.shape)
        print(input_layer.shape());
        // >>> print(input_layer[0])  # the first example: its three embeddings side by side
        print(input_layer.index(0));
        // >>> W1 = torch.randn((12, 100)) # weights
        Tensor W1 = Tensor.randn(12, 100);
        // >>> b1 = torch.randn(100) # biases
        Tensor b1 = Tensor.randn(100);
        // >>> h = torch.tanh(embedded_batch.view(-1, 12) @ W1 + b1) # (8,12) @ (12,100) => (8,100)
        Tensor h = embedded_batch.view(-1, 12).matmul(W1).add(b1).tanh();
        // >>> print(h.shape)
        print(h.shape());
        // end::input-layer[]

        // tag::view-vs-reshape[] PyTorch view vs. reshape
        // >>> # Create a non-contiguous tensor
        // >>> tensor = torch.tensor([[1, 2, 3], [4, 5, 6]]).t()  # Transpose to make it non-contiguous
        Tensor tensor = Tensor.tensor(new long[][] {{1, 2, 3}, {4, 5, 6}}).t();
        // >>> # Reshape works successfully
        // >>> reshaped_tensor = tensor.reshape(6)
        Tensor reshaped_tensor = tensor.reshape(6);
        // >>> print(reshaped_tensor)  # Output: tensor([1, 4, 2, 5, 3, 6])
        print(reshaped_tensor);
        // >>> # View fails with an error
        // >>> try:
        try {
            // ...     viewed_tensor = tensor.view(6)
            Tensor viewed_tensor = tensor.view(6);
            // ... except RuntimeError as e:
        } catch (TensorException e) {
            // ...     print(e)  # Output: RuntimeError: view size is not compatible with input tensor's size and stride
            print(e.getMessage());
        }
        // end::view-vs-reshape[]

        // tag::cnn[] Another example of usage: CNNs
        // >>> # An output from a convolutional layer
        // >>> conv_output = torch.randn(10, 8, 5, 5)  # (batch size, channels, height, width)
        Tensor conv_output = Tensor.randn(10, 8, 5, 5);
        // >>> # Flatten for a fully connected layer
        // >>> flattened = conv_output.view(-1, 8 * 5 * 5)  # (batch size, flattened features)
        Tensor flattened = conv_output.view(-1, 8 * 5 * 5);
        // >>> print(flattened.shape)  # Output: torch.Size([10, 200])
        print(flattened.shape());
        // end::cnn[]
    }
}
