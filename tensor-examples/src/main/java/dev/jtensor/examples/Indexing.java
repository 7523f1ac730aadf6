package dev.jtensor.examples;

import dev.jtensor.core.Tensor;

/**
 * Deep Learning Gymnastics #2, indexing with a tensor, with the post's code: a batch
 * {@code random_tensor} of eight three-character contexts (token ids below 26) picks rows of a
 * 27 x 4 embedding table. Indexing the {@code [27, 4]} {@code embeddings} with the {@code [8, 3]}
 * batch gives the {@code [8, 3, 4]} {@code embedded_batch}: one embedding row per id, in the batch's
 * shape, and {@code embedded_batch[0, 0]} is the row of the batch's first id.
 *
 * <p>The post's PyTorch code prints nothing: it shows the batch, the table, the shape (8, 3, 4) and
 * {@code embedded_batch[0, 0]} in pictures, and its TensorFlow version prints the same four things,
 * which the example prints with PyTorch's numbers (all but the 27-row table, to keep the output short).
 * Only the shape is in the post's text.
 */
public final class Indexing extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public Indexing() {
    }

    @Override
    public String name() {
        return "indexing";
    }

    @Override
    public String title() {
        return "Deep Learning Gymnastics #2: indexing an embedding table with a batch";
    }

    @Override
    protected void cells() {
        // tag::data[] The two input tensors
        // >>> torch.manual_seed(18)
        Tensor.manualSeed(18);
        // >>> # Create a random batch of shape (8,3)
        // >>> # with indexes between 0 and 26
        // >>> random_tensor = torch.randint(low=0, high=26, size=(8,3))
        Tensor random_tensor = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> # Create a random embedding matrix of shape (27,4):
        // >>> # one vector for each of the 27 indexes elements
        // >>> embeddings = torch.randn(size=(27, 4))
        Tensor embeddings = Tensor.randn(27, 4);
        // end::data[]

        // tag::lookup[] The exercise: a tensor as the index
        // >>> embedded_batch = embeddings[random_tensor]
        Tensor embedded_batch = embeddings.index(random_tensor);
        // end::lookup[]

        // tag::validate[] Validating the results (the prints of the post's TensorFlow version, less the 27-row table)
        // >>> print(random_tensor)
        print(random_tensor);
        // >>> print(embedded_batch.shape) # (8,3,4) which is the expected dimension
        print(embedded_batch.shape());
        // >>> print(embedded_batch[0,0])
        print(embedded_batch.index(0, 0));
        // >>> print(embeddings[random_tensor[0,0]])  # the row of the batch's first id: the same
        print(embeddings.index(random_tensor.index(0, 0)));
        // end::validate[]
    }
}
