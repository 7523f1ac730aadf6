package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.Test;

/** "PyTorch 01 - Tensors": the published attributes, slices, products and sum. */
class TensorsTest {
    @Test
    void printsThePublishedValues() {
        String out = ExampleOutput.of(new Tensors());
        assertPrintsInOrder(out,
                // creation from a list: int64, [2, 2], cpu, no grad, a leaf
                "tensor([[1, 2],\n        [3, 4]])\ntorch.int64\ntorch.Size([2, 2])\ncpu\nFalse\nTrue\n",
                "tensor([[1., 2.],\n        [3., 4.]])\ntorch.float32\n",
                "Ones Tensor: \n tensor([[1, 1],\n        [1, 1]]) \n",
                "Ones Tensor: \n tensor([[1., 1., 1.],\n        [1., 1., 1.]]) \n",
                "Zeros Tensor: \n tensor([[0., 0., 0.],\n        [0., 0., 0.]])\n",
                // tensor[0], tensor[:, 0], tensor[..., -1]
                "First row: tensor([1., 2., 3., 4.])\n",
                "First column: tensor([ 1.,  5.,  9., 13.])\n",
                "Last column: tensor([ 4.,  8., 12., 16.])\n",
                // tensor[:, 1] = 0
                "tensor([[ 1.,  0.,  3.,  4.],\n        [ 5.,  0.,  7.,  8.],\n"
                        + "        [ 9.,  0., 11., 12.],\n        [13.,  0., 15., 16.]])\n",
                // cat on dim 1 and dim 0
                "tensor([[ 1.,  0.,  3.,  4.,  1.,  0.,  3.,  4.,  1.,  0.,  3.,  4.],\n",
                "torch.Size([8, 4])\n",
                // the three spellings of matmul agree, the out= one included
                "tensor([[ 26.,  58.,  90., 122.],\n",
                "tensor(True) tensor(True)\n",
                // dot, matrix-vector (two spellings), vector-matrix
                "tensor(7)\n",
                "tensor([ 4, 10])\ntensor([ 4, 10])\n",
                "tensor([5, 7, 9])\n",
                // seed 0: [5, 3, 4] @ [4] broadcasts the vector over the batch
                "tensor([[124,  86, 140],\n",
                "torch.Size([5, 3, 5])\ntorch.Size([5, 3, 5])\n",
                // elementwise product, sum().item(), add_(5)
                "tensor([[  1.,   0.,   9.,  16.],\n",
                "tensor(True)\n104.0\n",
                "tensor([[ 6.,  5.,  8.,  9.],\n");
    }
}
