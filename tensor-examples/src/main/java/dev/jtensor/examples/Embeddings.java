package dev.jtensor.examples;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.Embedding;
import dev.jtensor.ops.nn.EmbeddingBag;
import dev.jtensor.ops.nn.EmbeddingBagMode;

/**
 * The Tatoeba notebook on PyTorch embeddings (Pierre Nugues), cell by cell. An {@code Embedding(8, 5)}
 * is a lookup table of eight 5-dimensional vectors; with {@code padding_idx=0} row 0 is zeros (and gets
 * no gradient), for the padding of sequences of different lengths. An {@code EmbeddingBag} in sum mode
 * adds the looked-up rows of each bag: a 2-D input has one bag per row, a 1-D input is cut into bags at
 * {@code offsets}, and {@code per_sample_weights} make the sum a weighted one. The notebook checks each
 * bag against the rows it sums, and so does this example.
 *
 * <p>The notebook was run with cells its export does not show: its counter skips In[3] and In[10] to
 * In[17]. Replayed with PyTorch 1.13, its tables follow from {@code manual_seed(4321)} when In[3] draws
 * {@code torch.randint(0, 8, (8, 7))} (56 numbers; the In[5] table follows it) and one of In[10] to
 * In[17] draws 40 normal numbers, as another {@code nn.Embedding(8, 5)} does (the In[19] table follows
 * it). The example runs those two draws where the counter says they were, so that In[5], In[6], In[9]
 * and In[19] to In[28] print as published. The cells' code is the notebook's; the two hidden draws
 * are this reconstruction's (other draws that advance the generator as far give the same tables).
 *
 * <p>One published table does not follow: the In[8] weight shows the In[5] table with row 0 zeroed,
 * that is, a padded table drawn from the generator state In[4] drew from; but In[9], which looks up
 * rows 3 and 2 of the same padded embedding, shows the rows of the table drawn after In[5]'s. No order
 * of draws gives both, so the example prints the table In[9] looks up in, with a note, and the In[8]
 * table as published is not reproduced. In[2]'s output (the generator object's address) is not
 * printed.
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
        // tag::embedding[] Embeddings: a lookup table
        // >>> torch.manual_seed(4321)  # In[2]
        Tensor.manualSeed(4321);
        // >>> torch.randint(0, 8, (8, 7))  # In[3], not shown: 56 draws, which the In[5] table follows
        Tensor.randint(0, 8, new long[] {8, 7});
        // >>> embedding = nn.Embedding(8, 5)  # In[4]
        Embedding embedding = new Embedding(8, 5);
        // >>> embedding.weight  # In[5]
        print(Python.parameter(embedding.weight()));
        // >>> embedding(torch.LongTensor([3, 2]))  # In[6]
        print(embedding.forward(Tensor.tensor(new long[] {3, 2})));
        // end::embedding[]

        // tag::padding[] A padding index
        // >>> embedding = nn.Embedding(8, 5, padding_idx=0)  # In[7]
        embedding = new Embedding(8, 5, 0);
        // >>> embedding  # In[8]
        print(embedding);
        // >>> embedding.weight  # In[8]
        print(Python.parameter(embedding.weight()));
        print("# note: the post's In[8] shows In[5]'s table with row 0 zeroed; In[9] looks up rows 3 and 2 of this"
                + " table, drawn after In[5]'s: no order of draws gives both");
        // >>> embedding(torch.LongTensor([0, 3, 2]))  # In[9]
        print(embedding.forward(Tensor.tensor(new long[] {0, 3, 2})));
        // end::padding[]

        // tag::bag[] Embedding bags
        // >>> nn.Embedding(8, 5)  # one of In[10]-In[17], not shown: 40 draws, which the In[19] table follows
        new Embedding(8, 5);
        // >>> embedding_bag = nn.EmbeddingBag(8, 5, mode='sum')  # Default mean  # In[18]
        EmbeddingBag embedding_bag = new EmbeddingBag(8, 5, EmbeddingBagMode.SUM);
        // >>> embedding_bag.weight  # In[19]
        print(Python.parameter(embedding_bag.weight()));
        // >>> embedding_bag(torch.tensor([[1, 2], [3, 4]]))  # In[20]
        print(embedding_bag.forward(Tensor.tensor(new long[][] {{1, 2}, {3, 4}})));
        // >>> embedding_bag(torch.tensor([[1]])) + embedding_bag(torch.tensor([[2]]))  # In[21]
        print(embedding_bag.forward(Tensor.tensor(new long[][] {{1}}))
                .add(embedding_bag.forward(Tensor.tensor(new long[][] {{2}}))));
        // >>> embedding_bag.weight[3] + embedding_bag.weight[4]  # In[22]
        print(embedding_bag.weight().index(3).add(embedding_bag.weight().index(4)));
        // end::bag[]

        // tag::offsets[] A 1-D input cut into bags at offsets
        // >>> embedding_bag(torch.tensor([1, 2, 3, 4]), offsets=torch.tensor([0, 2]))  # In[23]
        print(embedding_bag.forward(Tensor.tensor(new long[] {1, 2, 3, 4}), Tensor.tensor(new long[] {0, 2})));
        // end::offsets[]

        // tag::weights[] Weighted sums with per_sample_weights
        // >>> embedding_bag(torch.tensor([[1, 2], [3, 4]]), per_sample_weights=torch.tensor(
        // ...     [[0.5, 0.5], [0.2, 0.8]]))  # In[24]
        print(embedding_bag.forward(Tensor.tensor(new long[][] {{1, 2}, {3, 4}}), null,
                Tensor.tensor(new double[][] {{0.5, 0.5}, {0.2, 0.8}})));
        // >>> 0.5 * embedding_bag.weight[1] + 0.5 * embedding_bag.weight[2]  # In[27]
        print(embedding_bag.weight().index(1).mul(0.5).add(embedding_bag.weight().index(2).mul(0.5)));
        // >>> 0.2 * embedding_bag.weight[3] + 0.8 * embedding_bag.weight[4]  # In[26]
        print(embedding_bag.weight().index(3).mul(0.2).add(embedding_bag.weight().index(4).mul(0.8)));
        // >>> embedding_bag(torch.tensor([1, 2, 3, 4]),
        // ...               offsets=torch.tensor([0, 2]),
        // ...               per_sample_weights=torch.tensor([0.5, 0.5, 0.2, 0.8]))  # In[28]
        print(embedding_bag.forward(Tensor.tensor(new long[] {1, 2, 3, 4}), Tensor.tensor(new long[] {0, 2}),
                Tensor.tensor(new double[] {0.5, 0.5, 0.2, 0.8})));
        // end::weights[]
    }
}
