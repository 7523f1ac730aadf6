package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "PyTorch 01 - Tensors": each value the post prints or displays, as published (the post's rendered
 * LaTeX on one line, tensors in PyTorch's format). The post's unseeded random tensors are not
 * asserted: the post does not give the seed they were drawn with.
 */
class TensorsTest {
    private static String out;

    @BeforeAll
    static void run() {
        out = ExampleOutput.of(new Tensors());
    }

    private static void assertPrints(String published) {
        assertTrue(out.contains(published), () -> "expected the output to print, as published:\n" + published
                + "\n--- output ---\n" + out);
    }

    /** {@code data} and its type, as published. */
    @Test
    void data() {
        assertPrints("data: [[1, 2], [2, 3]]\ntype(data): <class 'list'>\n");
    }

    /** {@code x_data} and its attributes, as published. */
    @Test
    void x_data() {
        assertPrints("x_data: tensor([[1, 2],\n        [2, 3]])\ntype(x_data): <class 'torch.Tensor'>\n"
                + "x_data.dtype: torch.int64\nx_data.shape: torch.Size([2, 2])\nx_data.device: cpu\n"
                + "x_data.requires_grad: False\nx_data.is_leaf: True\n");
    }

    /** {@code y_data}, its dtype and device, as published. */
    @Test
    void y_data() {
        assertPrints("y_data: tensor([[0.1000, 1.2000],\n        [2.2000, 3.1000]])\ny_data.dtype: torch.float32\n"
                + "y_data.device: cpu\n");
    }

    /** {@code x_ones}, as published. */
    @Test
    void x_ones() {
        assertPrints("Ones Tensor: \n tensor([[1, 1],\n        [1, 1]]) \n\n");
    }

    /** {@code ones_tensor} and {@code zeros_tensor}, as published. */
    @Test
    void ones_tensorAndZeros_tensor() {
        assertPrints("Ones Tensor: \n tensor([[1., 1., 1.],\n        [1., 1., 1.]]) \n\n"
                + "Zeros Tensor: \n tensor([[0., 0., 0.],\n        [0., 0., 0.]])\n");
    }

    /** The indexing cell: dtype, rows, columns, and the tensor after {@code tensor[:, 1] = 0}, as published. */
    @Test
    void indexingAndSlicing() {
        assertPrints("tensor.dtype: torch.float32\nFirst row: tensor([1., 2., 3., 4.])\n"
                + "Second row: tensor([5., 6., 7., 8.])\nFirst column: tensor([ 1.,  5.,  9., 13.])\n"
                + "Second column: tensor([ 2.,  6., 10., 14.])\nLast column: tensor([ 4.,  8., 12., 16.])\n"
                + "Last column: tensor([ 4.,  8., 12., 16.])\n"
                + "tensor([[ 1.,  0.,  3.,  4.],\n        [ 5.,  0.,  7.,  8.],\n"
                + "        [ 9.,  0., 11., 12.],\n        [13.,  0., 15., 16.]])\n");
    }

    /** {@code t1 = torch.cat(..., dim=1)}, as published. */
    @Test
    void t1() {
        assertPrints("tensor([[ 1.,  0.,  3.,  4.,  1.,  0.,  3.,  4.,  1.,  0.,  3.,  4.],\n"
                + "        [ 5.,  0.,  7.,  8.,  5.,  0.,  7.,  8.,  5.,  0.,  7.,  8.],\n"
                + "        [ 9.,  0., 11., 12.,  9.,  0., 11., 12.,  9.,  0., 11., 12.],\n"
                + "        [13.,  0., 15., 16., 13.,  0., 15., 16., 13.,  0., 15., 16.]])\n");
    }

    /** {@code t2 = torch.cat(..., dim=0)}, 12 x 4, as published. */
    @Test
    void t2() {
        String block = "        [ 1.,  0.,  3.,  4.],\n        [ 5.,  0.,  7.,  8.],\n"
                + "        [ 9.,  0., 11., 12.],\n        [13.,  0., 15., 16.]";
        assertPrints("tensor([" + block.substring(8) + ",\n" + block + ",\n" + block + "])\n");
    }

    /** {@code A \times x}, as published. */
    @Test
    void ax() {
        assertPrints("\\(\\displaystyle A \\times x = \\begin{bmatrix} 1.00 & 2.00 \\\\ 3.00 & 4.00 \\\\ \\end{bmatrix}"
                + " \\times \\begin{bmatrix} 5.00 \\\\ 6.00 \\\\ \\end{bmatrix} = \\begin{bmatrix} 17.00 \\\\ 39.00 \\\\"
                + " \\end{bmatrix}\\)\n");
    }

    private static final String TENSOR_LATEX = "\\begin{bmatrix} 1.00 & 0.00 & 3.00 & 4.00 \\\\ 5.00 & 0.00 & 7.00 & 8.00"
            + " \\\\ 9.00 & 0.00 & 11.00 & 12.00 \\\\ 13.00 & 0.00 & 15.00 & 16.00 \\\\ \\end{bmatrix}";
    private static final String TENSOR_T_PRODUCT = TENSOR_LATEX + " \\times \\begin{bmatrix} 1.00 & 5.00 & 9.00 & 13.00"
            + " \\\\ 0.00 & 0.00 & 0.00 & 0.00 \\\\ 3.00 & 7.00 & 11.00 & 15.00 \\\\ 4.00 & 8.00 & 12.00 & 16.00 \\\\"
            + " \\end{bmatrix} = \\begin{bmatrix} 26.00 & 58.00 & 90.00 & 122.00 \\\\ 58.00 & 138.00 & 218.00 & 298.00"
            + " \\\\ 90.00 & 218.00 & 346.00 & 474.00 \\\\ 122.00 & 298.00 & 474.00 & 650.00 \\\\ \\end{bmatrix}\\)\n";

    /** {@code latex_tensor}, as published. */
    @Test
    void latex_tensor() {
        assertPrints("\\(\\displaystyle \\mathrm{tensor} = " + TENSOR_LATEX + "\\)\n");
    }

    /** {@code y1 = tensor @ tensor.T}, as published. */
    @Test
    void y1() {
        assertPrints("\\(\\displaystyle y1 = \\mathrm{tensor} \\times \\mathrm{tensor.T} = " + TENSOR_T_PRODUCT);
    }

    /** {@code y2 = tensor.matmul(tensor.T)}, as published. */
    @Test
    void y2() {
        assertPrints("\\(\\displaystyle y2 = \\mathrm{tensor} \\times \\mathrm{tensor.T} = " + TENSOR_T_PRODUCT);
    }

    /** {@code torch.matmul(tensor, tensor.T, out=y3)}, as published. */
    @Test
    void y3() {
        assertPrints("\\(\\displaystyle y3 = \\mathrm{torch.matmul(tensor, tensor.T)} = " + TENSOR_T_PRODUCT);
    }

    /** The seed-0 vectors, their matmul and their dot, as published. */
    @Test
    void vectorDotProduct() {
        assertPrints("\\(\\displaystyle \\mathrm{tensor1} = \\begin{bmatrix} 4.00 \\\\ 9.00 \\\\ 3.00 \\\\ \\end{bmatrix},"
                + " \\mathrm{tensor2} = \\begin{bmatrix} 0.00 \\\\ 3.00 \\\\ 9.00 \\\\ \\end{bmatrix}\\)\n"
                + "tensor3 = tensor1 @ tensor2: 54\ntensor3.size(): torch.Size([])\n"
                + "tensor3 = torch.dot(tensor1, tensor2): 54\ntensor3.size(): torch.Size([])\n");
    }

    /** The matrix-vector product {@code [5, 11]}, as published. */
    @Test
    void matrixVector() {
        assertPrints("Operand 1 --tensor1.size(): torch.Size([2, 2])\nOperand 2 --tensor2.size(): torch.Size([2])\n"
                + "Output -- tensor3.size(): torch.Size([2])\n\\(\\displaystyle \\mathrm{tensor3} = \\mathrm{tensor1}"
                + " \\times \\mathrm{tensor2} = \\begin{bmatrix} 1.00 & 2.00 \\\\ 3.00 & 4.00 \\\\ \\end{bmatrix}"
                + " \\times \\begin{bmatrix} 1.00 \\\\ 2.00 \\\\ \\end{bmatrix} = \\begin{bmatrix} 5.00 \\\\ 11.00 \\\\"
                + " \\end{bmatrix}\\)\n");
    }

    /** The matrix times a {@code (2, 1)} column, {@code [[5], [11]]}, as published. */
    @Test
    void matrixColumn() {
        assertPrints("Operand 2 -- tensor2.size(): torch.Size([2, 1])\nOperand 2 -- tensor2: tensor([[1],\n        [2]])\n"
                + "Output -- tensor3: tensor([[ 5],\n        [11]])\nOutput -- tensor3.size(): torch.Size([2, 1])\n");
    }

    /** The vector-matrix product {@code [7, 10]}, as published. */
    @Test
    void vectorMatrix() {
        assertPrints("Operand 1 -- tensor2.size(): torch.Size([2])\nOperand 1 -- tensor2: tensor([1, 2])\n"
                + "Output -- tensor3: tensor([ 7, 10])\nOutput -- tensor3.size(): torch.Size([2])\n");
    }

    /** A {@code (1, 2)} row times the matrix, {@code [[7, 10]]}, as published. */
    @Test
    void rowMatrix() {
        assertPrints("Operand 1 -- tensor2.size(): torch.Size([1, 2])\nOperand 1 -- tensor2: tensor([[1, 2]])\n"
                + "Output -- tensor3: tensor([[ 7, 10]])\nOutput -- tensor3.size(): torch.Size([1, 2])\n");
    }

    /** Batched matrix x broadcasted vector: {@code tensor1}, {@code tensor2} and the product, as published. */
    @Test
    void batchedMatrixBroadcastedVector() {
        assertPrints("tensor1.size(): torch.Size([5, 3, 4])\ntensor1: tensor([[[7, 3, 7, 3],\n         [1, 6, 6, 9],\n"
                + "         [8, 6, 6, 8]],\n\n        [[4, 3, 6, 9],\n         [1, 4, 4, 1],\n         [9, 9, 9, 0]],\n\n"
                + "        [[1, 2, 3, 0],\n         [5, 5, 2, 9],\n         [1, 8, 8, 3]],\n\n"
                + "        [[6, 9, 1, 7],\n         [3, 5, 2, 1],\n         [0, 9, 3, 1]],\n\n"
                + "        [[1, 0, 3, 6],\n         [6, 7, 9, 6],\n         [3, 4, 5, 0]]])\n"
                + "tensor2.size(): torch.Size([4])\ntensor2: tensor([8, 2, 8, 2])\n"
                + "tensor3 = torch.matmul(tensor1, tensor2): tensor([[124,  86, 140],\n        [104,  50, 162],\n"
                + "        [ 36,  84,  94],\n        [ 88,  52,  44],\n        [ 44, 146,  72]])\n"
                + "tensor3.size(): torch.Size([5, 3])\n"
                + "\\(\\displaystyle \\mathrm{tensor3} = \\begin{bmatrix} 124.00 & 86.00 & 140.00 \\\\ 104.00 & 50.00 & 162.00"
                + " \\\\ 36.00 & 84.00 & 94.00 \\\\ 88.00 & 52.00 & 44.00 \\\\ 44.00 & 146.00 & 72.00 \\\\"
                + " \\end{bmatrix}\\)\n");
    }

    /** Batched matrix x batched matrix: {@code tensor1}, {@code tensor2} and the product, as published. */
    @Test
    void batchedMatrixBatchedMatrix() {
        assertPrints("tensor1.size(): torch.Size([5, 3, 4])\ntensor1: tensor([[[7, 5, 0, 0],\n         [8, 1, 9, 6],\n"
                + "         [1, 0, 2, 9]],\n\n        [[4, 3, 9, 3],\n         [9, 3, 9, 8],\n         [5, 3, 2, 8]],\n\n"
                + "        [[5, 6, 6, 5],\n         [7, 2, 5, 6],\n         [6, 5, 4, 0]],\n\n"
                + "        [[8, 1, 7, 8],\n         [5, 4, 4, 8],\n         [4, 4, 9, 0]],\n\n"
                + "        [[7, 4, 5, 3],\n         [3, 7, 3, 0],\n         [9, 9, 3, 1]]])\n"
                + "tensor2.size(): torch.Size([5, 4, 5])\ntensor2: tensor([[[8, 1, 7, 8, 4],\n         [1, 0, 4, 0, 4],\n"
                + "         [9, 7, 0, 0, 1],\n         [4, 9, 9, 5, 9]],\n\n"
                + "        [[2, 2, 2, 1, 4],\n         [9, 1, 1, 0, 3],\n         [0, 6, 7, 6, 9],\n         [1, 6, 4, 1, 0]],\n\n"
                + "        [[5, 2, 5, 8, 1],\n         [8, 1, 2, 8, 0],\n         [3, 8, 9, 2, 7],\n         [0, 8, 8, 6, 8]],\n\n"
                + "        [[5, 8, 6, 5, 2],\n         [4, 2, 7, 2, 4],\n         [9, 8, 5, 6, 4],\n         [3, 3, 4, 0, 2]],\n\n"
                + "        [[5, 1, 2, 8, 2],\n         [4, 8, 3, 6, 5],\n         [8, 8, 0, 5, 1],\n         [3, 0, 8, 1, 1]]])\n"
                + "tensor3 = torch.matmul(tensor1, tensor2): tensor([[[ 61,   7,  69,  56,  48],\n"
                + "         [170, 125, 114,  94,  99],\n         [ 62,  96,  88,  53,  87]],\n\n"
                + "        [[ 38,  83,  86,  61, 106],\n         [ 53, 123, 116,  71, 126],\n         [ 45,  73,  59,  25,  47]],\n\n"
                + "        [[ 91, 104, 131, 130,  87],\n         [ 66, 104, 132, 118,  90],\n         [ 82,  49,  76,  96,  34]],\n\n"
                + "        [[131, 146, 122,  84,  64],\n         [101, 104, 110,  57,  58],\n         [117, 112,  97,  82,  60]],\n\n"
                + "        [[100,  79,  50, 108,  42],\n         [ 67,  83,  27,  81,  44],\n         [108, 105,  53, 142,  67]]])\n"
                + "tensor3.size(): torch.Size([5, 3, 5])\n");
    }

    /** Batched matrix x broadcasted matrix, as published. */
    @Test
    void batchedMatrixBroadcastedMatrix() {
        assertPrints("tensor3: tensor([[[ 17,  77,  66,  36,  87],\n         [ 43,  62,  63,  63,  79],\n"
                + "         [ 60, 118,  63,  54, 111]],\n\n"
                + "        [[ 30,  59,  78,  68,  82],\n         [ 27,  83,  60,  41,  82],\n         [ 54, 133, 123, 112, 129]],\n\n"
                + "        [[ 37,  90,  90,  83,  90],\n         [ 72, 103,  78, 105,  83],\n         [ 79, 103,  69,  93,  93]],\n\n"
                + "        [[ 45,  72,  72,  76,  79],\n         [ 56, 107,  87,  66, 133],\n         [ 27,  94, 111,  82, 116]],\n\n"
                + "        [[ 59, 154, 126, 114, 137],\n         [ 89, 121,  87, 105, 121],\n         [ 74, 123, 132, 133, 143]]])\n"
                + "tensor3.size(): torch.Size([5, 3, 5])\n");
    }

    /** {@code torch.mul(tensor, tensor, out=z3)}, as published. */
    @Test
    void z3() {
        assertPrints("tensor([[  1.,   0.,   9.,  16.],\n        [ 25.,   0.,  49.,  64.],\n"
                + "        [ 81.,   0., 121., 144.],\n        [169.,   0., 225., 256.]])\n");
    }

    /** {@code agg_item} and its type, as published. */
    @Test
    void agg_item() {
        assertPrints("104.0 <class 'float'>\n");
    }

    /** {@code tensor} before and after {@code add_(5)}, as published. */
    @Test
    void add_() {
        assertPrints("tensor([[ 1.,  0.,  3.,  4.],\n        [ 5.,  0.,  7.,  8.],\n        [ 9.,  0., 11., 12.],\n"
                + "        [13.,  0., 15., 16.]]) \n\n"
                + "tensor([[ 6.,  5.,  8.,  9.],\n        [10.,  5., 12., 13.],\n        [14.,  5., 16., 17.],\n"
                + "        [18.,  5., 20., 21.]])\n");
    }

    /** The fully connected layer's output, as published. */
    @Test
    void output_layer() {
        assertPrints("Output: tensor([[7.4129, 6.0104]])\n");
    }

    /** The hidden layer's equation (weights, input, bias and hidden values to two decimals), as published. */
    @Test
    void hidden_layerEquation() {
        assertPrints("\\(\\displaystyle \\begin{bmatrix} 0.34 & -1.12 & 0.46 \\\\ 0.13 & -0.19 & 0.27 \\\\ 0.23 & 2.21 & 0.53"
                + " \\\\ 0.23 & -0.64 & 0.81 \\\\ \\end{bmatrix} \\times \\begin{bmatrix} 1.00 \\\\ 2.00 \\\\ 3.00 \\\\"
                + " \\end{bmatrix} + \\begin{bmatrix} 1.11 \\\\ -1.69 \\\\ -0.99 \\\\ 0.96 \\\\ \\end{bmatrix} ="
                + " \\begin{bmatrix} 0.59 \\\\ -1.13 \\\\ 5.27 \\\\ 2.34 \\\\ \\end{bmatrix}\\)\n");
    }

    /** The ReLU equation, as published. */
    @Test
    void hidden_layer_activatedEquation() {
        assertPrints("\\(\\displaystyle \\mathrm{ReLU}(\\begin{bmatrix} 0.59 \\\\ -1.13 \\\\ 5.27 \\\\ 2.34 \\\\ \\end{bmatrix})"
                + " = \\begin{bmatrix} 0.59 \\\\ 0.00 \\\\ 5.27 \\\\ 2.34 \\\\ \\end{bmatrix}\\)\n");
    }

    /** The output layer's equation, as published. */
    @Test
    void output_layerEquation() {
        assertPrints("\\(\\displaystyle \\begin{bmatrix} 1.32 & -0.77 & 1.35 & -0.33 \\\\ 0.82 & -0.75 & 0.69 & 0.79 \\\\"
                + " \\end{bmatrix} \\times \\begin{bmatrix} 0.59 \\\\ 0.00 \\\\ 5.27 \\\\ 2.34 \\\\ \\end{bmatrix} +"
                + " \\begin{bmatrix} 0.28 \\\\ 0.06 \\\\ \\end{bmatrix} = \\begin{bmatrix} 7.41 \\\\ 6.01 \\\\"
                + " \\end{bmatrix}\\)\n");
    }

    /** The layer on the batch of five, as published. */
    @Test
    void output_layerBatched() {
        assertPrints("Output: tensor([[ 7.4129,  6.0104],\n        [18.3247, 12.6200],\n        [29.9141, 19.6131],\n"
                + "        [41.1189, 26.2293],\n        [52.3238, 32.8455]])\n");
    }
}
