package dev.jtensor.examples;

import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;

/**
 * The "PyTorch 01 - Tensors" tutorial: tensors from lists and their attributes, tensors like
 * others and of a shape, NumPy-style indexing and slicing with an assignment into a column,
 * concatenation, the three spellings of matrix multiplication, dot, matrix-vector and
 * vector-matrix products, the broadcasting batched products of {@code torch.matmul}'s
 * documentation, elementwise products, a sum read out as a Python number and an in-place add.
 */
public final class Tensors extends Notebook {
    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public Tensors() {
    }

    @Override
    public String name() {
        return "tensors";
    }

    @Override
    public String title() {
        return "PyTorch 01 - Tensors";
    }

    @Override
    protected void cells() {
        // tag::lists[] A tensor from a list, and its attributes
        // >>> data = [[1, 2], [3, 4]]
        long[][] data = {{1, 2}, {3, 4}};
        // >>> x_data = torch.tensor(data)
        Tensor x_data = Tensor.tensor(data);
        // >>> print(x_data)
        print(x_data);
        // >>> print(x_data.dtype)
        print(x_data.dtype());
        // >>> print(x_data.shape)
        print(x_data.shape());
        // >>> print(x_data.device)
        print(x_data.device());
        // >>> print(x_data.requires_grad)
        print(x_data.requiresGrad());
        // >>> print(x_data.is_leaf)
        print(x_data.isLeaf());
        // >>> x_float = torch.tensor([[1., 2.], [3., 4.]])
        Tensor x_float = Tensor.tensor(new double[][] {{1., 2.}, {3., 4.}});
        // >>> print(x_float)
        print(x_float);
        // >>> print(x_float.dtype)
        print(x_float.dtype());
        // end::lists[]

        // tag::like[] Tensors like another, and of a shape
        // >>> x_ones = torch.ones_like(x_data)
        Tensor x_ones = Tensor.onesLike(x_data);
        // >>> print(f"Ones Tensor: \n {x_ones} \n")
        print("Ones Tensor: \n", x_ones, "\n");
        // >>> shape = (2, 3,)
        long[] shape = {2, 3};
        // >>> ones_tensor = torch.ones(shape)
        Tensor ones_tensor = Tensor.ones(shape);
        // >>> zeros_tensor = torch.zeros(shape)
        Tensor zeros_tensor = Tensor.zeros(shape);
        // >>> print(f"Ones Tensor: \n {ones_tensor} \n")
        print("Ones Tensor: \n", ones_tensor, "\n");
        // >>> print(f"Zeros Tensor: \n {zeros_tensor}")
        print("Zeros Tensor: \n", zeros_tensor);
        // end::like[]

        // tag::indexing[] Indexing and slicing
        // >>> tensor = torch.arange(1., 17.).view(4, 4)
        Tensor tensor = Tensor.arange(1., 17., 1.).view(4, 4);
        // >>> print(f"First row: {tensor[0]}")
        print("First row:", tensor.index(0));
        // >>> print(f"First column: {tensor[:, 0]}")
        print("First column:", tensor.index(Index.all(), 0));
        // >>> print(f"Last column: {tensor[..., -1]}")
        print("Last column:", tensor.index(Index.ellipsis(), -1));
        // >>> tensor[:, 1] = 0
        tensor.indexPut_(Index.of(Index.all(), 1), 0);
        // >>> print(tensor)
        print(tensor);
        // end::indexing[]

        // tag::cat[] Joining tensors
        // >>> t1 = torch.cat([tensor, tensor, tensor], dim=1)
        Tensor t1 = Tensor.cat(new Tensor[] {tensor, tensor, tensor}, 1);
        // >>> print(t1)
        print(t1);
        // >>> t0 = torch.cat([tensor, tensor], dim=0)
        Tensor t0 = Tensor.cat(new Tensor[] {tensor, tensor}, 0);
        // >>> print(t0.shape)
        print(t0.shape());
        // end::cat[]

        // tag::matmul[] Three spellings of matrix multiplication
        // >>> y1 = tensor @ tensor.T
        Tensor y1 = tensor.matmul(tensor.T());
        // >>> y2 = tensor.matmul(tensor.T)
        Tensor y2 = tensor.matmul(tensor.T());
        // >>> y3 = torch.rand_like(y1)
        Tensor y3 = Tensor.randLike(y1);
        // >>> torch.matmul(tensor, tensor.T, out=y3)
        tensor.matmul(tensor.T(), y3);
        // >>> print(y1)
        print(y1);
        // >>> print((y1 == y2).all(), (y1 == y3).all())
        print(y1.eq(y2).all(), y1.eq(y3).all());
        // end::matmul[]

        // tag::products[] Dot, matrix-vector and vector-matrix products
        // >>> print(torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1])))
        print(Tensor.tensor(new long[] {2, 3}).dot(Tensor.tensor(new long[] {2, 1})));
        // >>> matrix = torch.tensor([[1, 2, 3], [4, 5, 6]])
        Tensor matrix = Tensor.tensor(new long[][] {{1, 2, 3}, {4, 5, 6}});
        // >>> vector = torch.tensor([1, 0, 1])
        Tensor vector = Tensor.tensor(new long[] {1, 0, 1});
        // >>> print(matrix @ vector)
        print(matrix.matmul(vector));
        // >>> print(torch.mv(matrix, vector))
        print(matrix.mv(vector));
        // >>> print(torch.tensor([1, 1]) @ matrix)
        print(Tensor.tensor(new long[] {1, 1}).matmul(matrix));
        // end::products[]

        // tag::batched[] torch.matmul's rank rules, with seed 0
        // >>> torch.manual_seed(0)
        Tensor.manualSeed(0);
        // >>> # vector x vector
        // >>> tensor1 = torch.randint(0, 10, (3,))
        Tensor tensor1 = Tensor.randint(0, 10, new long[] {3});
        // >>> tensor2 = torch.randint(0, 10, (3,))
        Tensor tensor2 = Tensor.randint(0, 10, new long[] {3});
        // >>> print(torch.matmul(tensor1, tensor2))
        print(tensor1.matmul(tensor2));
        // >>> # batched matrix x broadcasted vector
        // >>> tensor1 = torch.randint(0, 10, (5, 3, 4))
        tensor1 = Tensor.randint(0, 10, new long[] {5, 3, 4});
        // >>> tensor2 = torch.randint(0, 10, (4,))
        tensor2 = Tensor.randint(0, 10, new long[] {4});
        // >>> print(torch.matmul(tensor1, tensor2))
        print(tensor1.matmul(tensor2));
        // >>> # batched matrix x batched matrix
        // >>> tensor2 = torch.randint(0, 10, (5, 4, 5))
        tensor2 = Tensor.randint(0, 10, new long[] {5, 4, 5});
        // >>> print(torch.matmul(tensor1, tensor2).shape)
        print(tensor1.matmul(tensor2).shape());
        // >>> # batched matrix x broadcasted matrix
        // >>> tensor2 = torch.randint(0, 10, (4, 5))
        tensor2 = Tensor.randint(0, 10, new long[] {4, 5});
        // >>> print(torch.matmul(tensor1, tensor2).shape)
        print(tensor1.matmul(tensor2).shape());
        // end::batched[]

        // tag::elementwise[] Elementwise products, a sum, an in-place add
        // >>> z1 = tensor * tensor
        Tensor z1 = tensor.mul(tensor);
        // >>> z2 = tensor.mul(tensor)
        Tensor z2 = tensor.mul(tensor);
        // >>> print(z1)
        print(z1);
        // >>> print((z1 == z2).all())
        print(z1.eq(z2).all());
        // >>> agg = tensor.sum()
        Tensor agg = tensor.sum();
        // >>> agg_item = agg.item()
        double agg_item = agg.item();
        // >>> print(agg_item)
        print(agg_item);
        // >>> tensor.add_(5)
        tensor.add_(5);
        // >>> print(tensor)
        print(tensor);
        // end::elementwise[]
    }
}
