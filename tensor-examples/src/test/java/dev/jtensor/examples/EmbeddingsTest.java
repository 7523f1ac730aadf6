package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Tatoeba embeddings notebook: each published table, lookup and bag, one test per cell, as
 * published. The In[8] weight table is not asserted: as published it cannot follow from the same
 * draws as In[9] (see {@link Embeddings}), and the example says so in its output, which is asserted.
 */
class EmbeddingsTest {
    private static String out;

    @BeforeAll
    static void run() {
        out = ExampleOutput.of(new Embeddings());
    }

    private static void assertPrints(String published) {
        assertTrue(out.contains(published), () -> "expected the output to print, as published:\n" + published
                + "\n--- output ---\n" + out);
    }

    private static final String BAGS = "tensor([[-1.1063, -0.0481, -1.5382,  3.2771, -1.6816],\n"
            + "        [ 1.7861, -1.5875,  0.5914, -0.6363, -2.1154]],\n"
            + "       grad_fn=<EmbeddingBagBackward0>)\n";
    private static final String WEIGHTED_BAGS = "tensor([[-0.5532, -0.0241, -0.7691,  1.6385, -0.8408],\n"
            + "        [ 1.2473, -0.6691,  0.5942, -0.5686, -0.9740]],\n"
            + "       grad_fn=<EmbeddingBagBackward0>)\n";

    /** In[5]: the {@code Embedding(8, 5)} table, as published. */
    @Test
    void in5() {
        assertPrints("Parameter containing:\n"
                + "tensor([[-0.4562, -0.9391,  1.9130, -0.7439, -0.4459],\n"
                + "        [-1.2780, -0.2379,  0.2242, -0.0326, -0.9581],\n"
                + "        [-1.5594, -0.2332,  0.6088, -0.5317, -1.3245],\n"
                + "        [ 2.0561, -0.8149, -0.7872, -2.3632,  1.0788],\n"
                + "        [ 0.8716,  0.2437, -1.5932,  0.6259, -0.4487],\n"
                + "        [-0.2243,  0.1594,  0.7884, -0.1794, -0.3420],\n"
                + "        [-1.0898, -0.2070,  0.1724,  0.1432,  0.8795],\n"
                + "        [ 0.0064, -0.6666,  0.9459,  1.7336,  0.2753]], requires_grad=True)\n");
    }

    /** In[6]: the lookup of rows 3 and 2, as published. */
    @Test
    void in6() {
        assertPrints("tensor([[ 2.0561, -0.8149, -0.7872, -2.3632,  1.0788],\n"
                + "        [-1.5594, -0.2332,  0.6088, -0.5317, -1.3245]],\n"
                + "       grad_fn=<EmbeddingBackward0>)\n");
    }

    /** In[8]: the padded embedding's repr, as published; and the note on its weight table. */
    @Test
    void in8() {
        assertPrints("Embedding(8, 5, padding_idx=0)\n");
        assertPrints("# note: the post's In[8] shows In[5]'s table with row 0 zeroed;");
    }

    /** In[9]: the padded lookup of rows 0, 3 and 2, as published. */
    @Test
    void in9() {
        assertPrints("tensor([[ 0.0000,  0.0000,  0.0000,  0.0000,  0.0000],\n"
                + "        [-1.2355,  2.1430, -0.3934,  0.0314, -0.6845],\n"
                + "        [ 1.2457,  0.8432, -0.0916,  1.0716, -1.1500]],\n"
                + "       grad_fn=<EmbeddingBackward0>)\n");
    }

    /** In[19]: the {@code EmbeddingBag(8, 5)} table, as published. */
    @Test
    void in19() {
        assertPrints("Parameter containing:\n"
                + "tensor([[-1.7122,  0.3235, -0.6941, -0.1128, -0.3620],\n"
                + "        [-0.0215, -0.3685, -0.2244,  2.4480, -1.4205],\n"
                + "        [-1.0848,  0.3204, -1.3139,  0.8290, -0.2611],\n"
                + "        [ 0.3025, -1.0016, -0.2019,  0.0992, -1.1972],\n"
                + "        [ 1.4835, -0.5860,  0.7933, -0.7355, -0.9182],\n"
                + "        [-1.0781,  0.0139,  0.6118,  1.1398,  0.1750],\n"
                + "        [ 1.0420,  0.1025,  0.6203, -0.2963,  0.2832],\n"
                + "        [ 0.8905, -0.9703,  1.7193, -0.1643,  1.8135]], requires_grad=True)\n");
    }

    /** In[20]: the bags of a 2-D input, as published. */
    @Test
    void in20() {
        assertPrints("requires_grad=True)\n" + BAGS);
    }

    /** In[21]: the bags of rows 1 and 2 added, as published. */
    @Test
    void in21() {
        assertPrints("tensor([[-1.1063, -0.0481, -1.5382,  3.2771, -1.6816]], grad_fn=<AddBackward0>)\n");
    }

    /** In[22]: rows 3 and 4 added, as published. */
    @Test
    void in22() {
        assertPrints("tensor([ 1.7861, -1.5875,  0.5914, -0.6363, -2.1154], grad_fn=<AddBackward0>)\n");
    }

    /** In[23]: a 1-D input cut at offsets, as published. */
    @Test
    void in23() {
        assertPrints("grad_fn=<AddBackward0>)\n" + BAGS);
    }

    /** In[24]: the weighted bags of a 2-D input, as published. */
    @Test
    void in24() {
        assertPrints(BAGS + WEIGHTED_BAGS);
    }

    /** In[27]: half row 1 plus half row 2, as published. */
    @Test
    void in27() {
        assertPrints("tensor([-0.5532, -0.0241, -0.7691,  1.6385, -0.8408], grad_fn=<AddBackward0>)\n");
    }

    /** In[26]: 0.2 of row 3 plus 0.8 of row 4, as published. */
    @Test
    void in26() {
        assertPrints("tensor([ 1.2473, -0.6691,  0.5942, -0.5686, -0.9740], grad_fn=<AddBackward0>)\n");
    }

    /** In[28]: the weighted bags of a 1-D input cut at offsets, as published. */
    @Test
    void in28() {
        assertPrints("grad_fn=<AddBackward0>)\n" + WEIGHTED_BAGS);
    }
}
