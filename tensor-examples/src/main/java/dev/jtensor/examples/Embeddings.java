package dev.jtensor.examples;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.Embedding;
import dev.jtensor.ops.nn.EmbeddingBag;
import dev.jtensor.ops.nn.EmbeddingBagMode;

/**
 * The Tatoeba notebook on PyTorch embeddings (Pierre Nugues, EDAN96). An {@code Embedding(8, 5)} is
 * a lookup table of eight 5-dimensional vectors; with {@code padding_idx=0} row 0 is zeros (and gets
 * no gradient), for the padding of sequences of different lengths. An {@code EmbeddingBag} in sum
 * mode adds the looked-up rows of each bag: a 2-D input has one bag per row, a 1-D input is cut
 * into bags at {@code offsets}, and {@code per_sample_weights} make the sum a weighted one. The
 * notebook checks each bag against the rows it sums, and so does this example.
 *
 * <p>The tables are drawn in the notebook's order from {@code manual_seed(4321)}: the plain table
 * first, then the padded one, then the bag's, which is what makes the padded table's row 1
 * {@code [-1.2780, -0.2379, 0.2242, -0.0326, -0.9581]} as published (see docs/random.md).
 */
public final class Embeddings extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public Embeddings() {
    }

    @Override
    public String name() {
        return "embeddings";
    }

    @Override
    public String title() {
        return "Tatoeba notebook: nn.Embedding, padding_idx and nn.EmbeddingBag";
    }

    @Override
    protected void cells() {
        // tag::embedding[] An embedding table is a lookup table
        // >>> torch.manual_seed(4321)
        Tensor.manualSeed(4321);
        // >>> embedding = nn.Embedding(8, 5)
        Embedding embedding = new Embedding(8, 5);
        // >>> print(embedding.weight)
        print(embedding.weight());
        // >>> print(embedding(torch.LongTensor([3, 2])))
        print(embedding.forward(Tensor.tensor(new long[] {3, 2})));
        // end::embedding[]

        // tag::padding[] A padding index
        // >>> embedding = nn.Embedding(8, 5, padding_idx=0)
        embedding = new Embedding(8, 5, 0);
        // >>> print(embedding)
        print(embedding);
        // >>> print(embedding.weight)
        print(embedding.weight());
        // >>> print(embedding(torch.LongTensor([0, 3, 2])))
        print(embedding.forward(Tensor.tensor(new long[] {0, 3, 2})));
        // end::padding[]

        // tag::bag[] Embedding bags sum the rows of each bag
        // >>> embedding_bag = nn.EmbeddingBag(8, 5, mode='sum')
        EmbeddingBag embedding_bag = new EmbeddingBag(8, 5, EmbeddingBagMode.SUM);
        // >>> print(embedding_bag.weight)
        print(embedding_bag.weight());
        // >>> print(embedding_bag(torch.tensor([[1, 2], [3, 4]])))
        print(embedding_bag.forward(Tensor.tensor(new long[][] {{1, 2}, {3, 4}})));
        // >>> print(embedding_bag(torch.tensor([[1]])) + embedding_bag(torch.tensor([[2]])))
        print(embedding_bag.forward(Tensor.tensor(new long[][] {{1}}))
                .add(embedding_bag.forward(Tensor.tensor(new long[][] {{2}}))));
        // >>> print(embedding_bag.weight[3] + embedding_bag.weight[4])
        print(embedding_bag.weight().index(3).add(embedding_bag.weight().index(4)));
        // end::bag[]

        // tag::offsets[] A 1-D input cut into bags at offsets
        // >>> print(embedding_bag(torch.tensor([1, 2, 3, 4]), offsets=torch.tensor([0, 2])))
        print(embedding_bag.forward(Tensor.tensor(new long[] {1, 2, 3, 4}), Tensor.tensor(new long[] {0, 2})));
        // end::offsets[]

        // tag::weights[] Weighted sums with per_sample_weights
        // >>> print(embedding_bag(torch.tensor([[1, 2], [3, 4]]),
        // ...                     per_sample_weights=torch.tensor([[0.5, 0.5], [0.2, 0.8]])))
        print(embedding_bag.forward(Tensor.tensor(new long[][] {{1, 2}, {3, 4}}), null,
                Tensor.tensor(new double[][] {{0.5, 0.5}, {0.2, 0.8}})));
        // >>> print(0.5 * embedding_bag.weight[1] + 0.5 * embedding_bag.weight[2])
        print(embedding_bag.weight().index(1).mul(0.5).add(embedding_bag.weight().index(2).mul(0.5)));
        // >>> print(0.2 * embedding_bag.weight[3] + 0.8 * embedding_bag.weight[4])
        print(embedding_bag.weight().index(3).mul(0.2).add(embedding_bag.weight().index(4).mul(0.8)));
        // >>> print(embedding_bag(torch.tensor([1, 2, 3, 4]),
        // ...                     offsets=torch.tensor([0, 2]),
        // ...                     per_sample_weights=torch.tensor([0.5, 0.5, 0.2, 0.8])))
        print(embedding_bag.forward(Tensor.tensor(new long[] {1, 2, 3, 4}), Tensor.tensor(new long[] {0, 2}),
                Tensor.tensor(new double[] {0.5, 0.5, 0.2, 0.8})));
        // end::weights[]
    }
}
