package dev.jtensor.examples;

import dev.jtensor.core.Tensor;

/**
 * Deep Learning Gymnastics #2, indexing with a tensor: a batch of eight three-character contexts
 * (token ids below 26) picks rows of a 27 x 4 embedding table. Indexing a {@code [27, 4]} table with
 * an {@code [8, 3]} batch of ids gives {@code [8, 3, 4]}: one embedding row per id, in the batch's
 * shape. With the post's seed the first id is 2, so {@code emb[0, 0]} is row 2 of the table,
 * {@code [-0.8365, 0.1805, -0.4101, 2.0654]}.
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
        // tag::data[] A batch of token ids and an embedding table
        // >>> torch.manual_seed(18)
        Tensor.manualSeed(18);
        // >>> batch = torch.randint(0, 26, (8, 3))
        Tensor batch = Tensor.randint(0, 26, new long[] {8, 3});
        // >>> print(batch)
        print(batch);
        // >>> embeddings = torch.randn(27, 4)
        Tensor embeddings = Tensor.randn(27, 4);
        // >>> print(embeddings)
        print(embeddings);
        // end::data[]

        // tag::lookup[] One id, a list of ids, the whole batch
        // >>> print(embeddings[2])
        print(embeddings.index(2));
        // >>> print(embeddings[[2, 15, 22]])
        print(embeddings.index(new long[] {2, 15, 22}));
        // >>> emb = embeddings[batch]
        Tensor emb = embeddings.index(batch);
        // >>> print(emb.shape)
        print(emb.shape());
        // >>> print(emb[0, 0])
        print(emb.index(0, 0));
        // >>> print(emb[0])
        print(emb.index(0));
        // end::lookup[]
    }
}
