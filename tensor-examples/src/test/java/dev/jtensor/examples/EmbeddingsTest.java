package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.Test;

/**
 * The Tatoeba embeddings notebook: the tables and every lookup and bag it prints, character for
 * character as published (less the {@code Parameter containing:} header that Python prints before a
 * parameter, which is not part of the tensor's repr).
 */
class EmbeddingsTest {
    @Test
    void printsTheNotebooksTablesLookupsAndBags() {
        String out = ExampleOutput.of(new Embeddings());
        assertPrintsInOrder(out,
                // nn.Embedding(8, 5) after manual_seed(4321)
                "tensor([[-0.4716, -0.3436, -1.1742,  0.1221,  1.3231],\n"
                        + "        [-0.6415,  0.8538, -1.8969,  0.2142,  1.1937],\n"
                        + "        [-0.8704,  0.2439, -0.0453,  1.4172, -0.0614],\n"
                        + "        [ 1.5471,  1.4126,  0.0268,  0.5757, -0.8794],\n"
                        + "        [-0.0493,  0.0144, -0.3218, -0.1144, -0.6089],\n"
                        + "        [-0.1303,  0.1426,  1.6467,  0.8824, -0.8752],\n"
                        + "        [-0.4935,  0.4820, -0.6308, -0.1754,  0.3182],\n"
                        + "        [ 1.7125, -1.5122,  0.5076,  0.1487,  0.4369]], requires_grad=True)\n",
                // embedding(torch.LongTensor([3, 2]))
                "tensor([[ 1.5471,  1.4126,  0.0268,  0.5757, -0.8794],\n"
                        + "        [-0.8704,  0.2439, -0.0453,  1.4172, -0.0614]],\n"
                        + "       grad_fn=<EmbeddingBackward0>)\n",
                "Embedding(8, 5, padding_idx=0)\n",
                // the padded table: row 0 zeros, row 1 as published
                "tensor([[ 0.0000,  0.0000,  0.0000,  0.0000,  0.0000],\n"
                        + "        [-1.2780, -0.2379,  0.2242, -0.0326, -0.9581],\n"
                        + "        [-1.5594, -0.2332,  0.6088, -0.5317, -1.3245],\n"
                        + "        [ 2.0561, -0.8149, -0.7872, -2.3632,  1.0788],\n"
                        + "        [ 0.8716,  0.2437, -1.5932,  0.6259, -0.4487],\n"
                        + "        [-0.2243,  0.1594,  0.7884, -0.1794, -0.3420],\n"
                        + "        [-1.0898, -0.2070,  0.1724,  0.1432,  0.8795],\n"
                        + "        [ 0.0064, -0.6666,  0.9459,  1.7336,  0.2753]], requires_grad=True)\n",
                "tensor([[ 0.0000,  0.0000,  0.0000,  0.0000,  0.0000],\n"
                        + "        [ 2.0561, -0.8149, -0.7872, -2.3632,  1.0788],\n"
                        + "        [-1.5594, -0.2332,  0.6088, -0.5317, -1.3245]],\n"
                        + "       grad_fn=<EmbeddingBackward0>)\n",
                // the bag's table
                "tensor([[ 1.6391, -0.1375,  0.0677, -0.0138, -0.4869],\n"
                        + "        [-0.7907,  2.7215,  0.1517, -1.2534,  0.0896],\n"
                        + "        [ 1.2457,  0.8432, -0.0916,  1.0716, -1.1500],\n"
                        + "        [-1.2355,  2.1430, -0.3934,  0.0314, -0.6845],\n"
                        + "        [-3.5251, -2.2849, -0.7089,  1.5505, -0.4069],\n"
                        + "        [-0.0530,  0.5492,  1.4681, -0.4333,  0.0309],\n"
                        + "        [-0.5371, -1.9131,  0.6755,  1.3665,  0.7476],\n"
                        + "        [-0.8257, -0.0985,  0.3710, -1.2320,  0.1728]], requires_grad=True)\n",
                // bags of a 2-D input, and the identities the notebook checks them with
                "tensor([[ 0.4549,  3.5647,  0.0601, -0.1818, -1.0604],\n"
                        + "        [-4.7606, -0.1419, -1.1023,  1.5819, -1.0914]],\n"
                        + "       grad_fn=<EmbeddingBagBackward0>)\n",
                "tensor([[ 0.4549,  3.5647,  0.0601, -0.1818, -1.0604]], grad_fn=<AddBackward0>)\n",
                "tensor([-4.7606, -0.1419, -1.1023,  1.5819, -1.0914], grad_fn=<AddBackward0>)\n",
                // a 1-D input with offsets
                "tensor([[ 0.4549,  3.5647,  0.0601, -0.1818, -1.0604],\n"
                        + "        [-4.7606, -0.1419, -1.1023,  1.5819, -1.0914]],\n"
                        + "       grad_fn=<EmbeddingBagBackward0>)\n",
                // per-sample weights, checked against the weighted rows, then with offsets
                "tensor([[ 0.2275,  1.7823,  0.0301, -0.0909, -0.5302],\n"
                        + "        [-3.0672, -1.3993, -0.6458,  1.2467, -0.4624]],\n"
                        + "       grad_fn=<EmbeddingBagBackward0>)\n",
                "tensor([ 0.2275,  1.7823,  0.0301, -0.0909, -0.5302], grad_fn=<AddBackward0>)\n",
                "tensor([-3.0672, -1.3993, -0.6458,  1.2467, -0.4624], grad_fn=<AddBackward0>)\n",
                "tensor([[ 0.2275,  1.7823,  0.0301, -0.0909, -0.5302],\n"
                        + "        [-3.0672, -1.3993, -0.6458,  1.2467, -0.4624]],\n");
    }
}
