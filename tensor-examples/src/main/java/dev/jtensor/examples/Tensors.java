package dev.jtensor.examples;

import dev.jtensor.core.DType;
import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The "PyTorch 01 - Tensors" tutorial, cell by cell with its data and names: tensors from a list and
 * their attributes, tensors like others and of a shape, NumPy-style indexing with an assignment into
 * a column, {@code torch.cat} on both dims, the three spellings of matrix multiplication, the rank
 * rules of {@code torch.matmul} with seed 0 (dot, matrix-vector, vector-matrix and the three batched
 * cases), elementwise products, a sum read out as a Python number, an in-place add, and the fully
 * connected layer (3 inputs, 4 hidden nodes, 2 outputs) written as matrix products with seed 42, for
 * one input and for a batch of five.
 *
 * <p>The post shows its matrices through a {@code tensor_to_latex} helper (two decimals, as LaTeX)
 * and prints the rest; the example prints both the way the post's rendered page shows them, so every
 * value below is the post's, computed by JTensor, except the random tensors of "like another" and
 * "of a shape": the post draws them from an unseeded generator, so its values cannot be reproduced;
 * the example seeds 0 before them (a line the post does not have) so that its output repeats.
 * {@code np.array} and {@code torch.from_numpy} have no Java counterpart: the cell uses a Java array,
 * and prints nothing, as in the post.
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
        // tag::lists[] Tensor creation from a list, and its attributes
        // >>> data = [[1, 2], [2, 3]]
        List<List<Integer>> data = List.of(List.of(1, 2), List.of(2, 3));
        // >>> print(f"data: {data}")
        print("data:", data);
        // >>> print(f"type(data): {type(data)}")
        print("type(data):", Python.type(data));
        // >>> x_data = torch.tensor(data)
        Tensor x_data = Tensor.tensor(data);
        // >>> print(f"x_data: {x_data}")
        print("x_data:", x_data);
        // >>> print(f"type(x_data): {type(x_data)}")
        print("type(x_data):", Python.type(x_data));
        // >>> print(f"x_data.dtype: {x_data.dtype}")
        print("x_data.dtype:", x_data.dtype());
        // >>> print(f"x_data.shape: {x_data.shape}")
        print("x_data.shape:", x_data.shape());
        // >>> print(f"x_data.device: {x_data.device}")
        print("x_data.device:", x_data.device());
        // >>> print(f"x_data.requires_grad: {x_data.requires_grad}")
        print("x_data.requires_grad:", x_data.requiresGrad());
        // >>> print(f"x_data.is_leaf: {x_data.is_leaf}")
        print("x_data.is_leaf:", x_data.isLeaf());
        // >>> y_data = torch.tensor([[0.1, 1.2], [2.2, 3.1]])
        Tensor y_data = Tensor.tensor(new double[][] {{0.1, 1.2}, {2.2, 3.1}});
        // >>> print(f"y_data: {y_data}")
        print("y_data:", y_data);
        // >>> print(f"y_data.dtype: {y_data.dtype}")
        print("y_data.dtype:", y_data.dtype());
        // >>> print(f"y_data.device: {y_data.device}")
        print("y_data.device:", y_data.device());
        // end::lists[]

        // tag::numpy[] From a NumPy array (a Java array here; the post prints nothing)
        // >>> np_array = np.array(data)
        long[][] np_array = {{1, 2}, {2, 3}};
        // >>> x_np = torch.from_numpy(np_array)
        Tensor x_np = Tensor.tensor(np_array);
        // end::numpy[]

        // tag::like[] As the same shape of another tensor (unseeded in the post; seeded here)
        // >>> torch.manual_seed(0)  # not in the post, whose random values cannot be reproduced
        Tensor.manualSeed(0);
        // >>> x_ones = torch.ones_like(x_data) # retains the properties of x_data
        Tensor x_ones = Tensor.onesLike(x_data);
        // >>> print(f"Ones Tensor: \n {x_ones} \n")
        print("Ones Tensor: \n", x_ones, "\n");
        // >>> x_rand = torch.rand_like(x_data, dtype=torch.float) # overrides the datatype of x_data
        Tensor x_rand = Tensor.randLike(x_data, DType.FLOAT32);
        // >>> print(f"Random Tensor: \n {x_rand} \n")
        print("Random Tensor: \n", x_rand, "\n");
        // end::like[]

        // tag::shape[] With random or constant values
        // >>> shape = (2,3)
        long[] shape = {2, 3};
        // >>> rand_tensor = torch.rand(shape)
        Tensor rand_tensor = Tensor.rand(shape);
        // >>> ones_tensor = torch.ones(shape)
        Tensor ones_tensor = Tensor.ones(shape);
        // >>> zeros_tensor = torch.zeros(shape)
        Tensor zeros_tensor = Tensor.zeros(shape);
        // >>> print(f"Random Tensor: \n {rand_tensor} \n")
        print("Random Tensor: \n", rand_tensor, "\n");
        // >>> print(f"Ones Tensor: \n {ones_tensor} \n")
        print("Ones Tensor: \n", ones_tensor, "\n");
        // >>> print(f"Zeros Tensor: \n {zeros_tensor}")
        print("Zeros Tensor: \n", zeros_tensor);
        // end::shape[]

        // tag::indexing[] Standard numpy-like indexing and slicing
        // >>> tensor = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]], dtype=torch.float32)
        Tensor tensor = Tensor.tensor(new long[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}},
                DType.FLOAT32);
        // >>> print(f"tensor.dtype: {tensor.dtype}")
        print("tensor.dtype:", tensor.dtype());
        // >>> print(f"First row: {tensor[0]}")
        print("First row:", tensor.index(0));
        // >>> print(f"Second row: {tensor[1]}")
        print("Second row:", tensor.index(1));
        // >>> print(f"First column: {tensor[:, 0]}")
        print("First column:", tensor.index(Index.all(), 0));
        // >>> print(f"Second column: {tensor[:, 1]}")
        print("Second column:", tensor.index(Index.all(), 1));
        // >>> print(f"Last column: {tensor[..., -1]}")
        print("Last column:", tensor.index(Index.ellipsis(), -1));
        // >>> print(f"Last column: {tensor[:, -1]}")
        print("Last column:", tensor.index(Index.all(), -1));
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
        // >>> t2 = torch.cat([tensor, tensor, tensor], dim=0)
        Tensor t2 = Tensor.cat(new Tensor[] {tensor, tensor, tensor}, 0);
        // >>> print(t2)
        print(t2);
        // end::cat[]

        // tag::latex[] Equivalent matrix multiplication operations, shown as LaTeX
        // >>> def tensor_to_latex(tensor):
        // ...     """Convert a PyTorch tensor to a LaTeX bmatrix string."""
        // ...     if tensor.dim() == 1:
        // ...         tensor = tensor.unsqueeze(1)
        // ...     latex_str = "\\begin{bmatrix}\n"
        // ...     for row in tensor:
        // ...         latex_str += " & ".join([f"{val.item():.2f}" for val in row]) + " \\\\\n"
        // ...     latex_str += "\\end{bmatrix}"
        // ...     return latex_str
        Function<Tensor, String> tensor_to_latex = t -> {
            Tensor m = t.dim() == 1 ? t.unsqueeze(1) : t;
            StringBuilder latex_str = new StringBuilder("\\begin{bmatrix}\n");
            for (long r = 0; r < m.size(0); r++) {
                StringJoiner row = new StringJoiner(" & ");
                for (long c = 0; c < m.size(1); c++) {
                    row.add(Python.fixed(m.index(r, c).item(), 2));
                }
                latex_str.append(row).append(" \\\\\n");
            }
            return latex_str.append("\\end{bmatrix}").toString();
        };
        // >>> A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
        Tensor A = Tensor.tensor(new double[][] {{1.0, 2.0}, {3.0, 4.0}});
        // >>> x = torch.tensor([5.0, 6.0])
        Tensor x = Tensor.tensor(new double[] {5.0, 6.0});
        // >>> Ax = torch.matmul(A, x)
        Tensor Ax = A.matmul(x);
        // >>> latex_A = tensor_to_latex(A)
        String latex_A = tensor_to_latex.apply(A);
        // >>> latex_x = tensor_to_latex(x)
        String latex_x = tensor_to_latex.apply(x);
        // >>> latex_Ax = tensor_to_latex(Ax)
        String latex_Ax = tensor_to_latex.apply(Ax);
        // >>> display(Math(f"A \\times x = {latex_A} \\times {latex_x} = {latex_Ax}"))
        display("A \\times x = " + latex_A + " \\times " + latex_x + " = " + latex_Ax);
        // >>> latex_tensor = tensor_to_latex(tensor)
        String latex_tensor = tensor_to_latex.apply(tensor);
        // >>> display(Math(f"\\mathrm{{tensor}} = {latex_tensor}"))
        display("\\mathrm{tensor} = " + latex_tensor);
        // end::latex[]

        // tag::matmul[] Three ways to the same product
        // >>> y1 = tensor @ tensor.T
        Tensor y1 = tensor.matmul(tensor.T());
        // >>> latex_tensorT = tensor_to_latex(tensor.T)
        String latex_tensorT = tensor_to_latex.apply(tensor.T());
        // >>> latex_y1 = tensor_to_latex(y1)
        String latex_y1 = tensor_to_latex.apply(y1);
        // >>> display(Math(f"y1 = \\mathrm{{tensor}} \\times \\mathrm{{tensor.T}} = {latex_tensor} \\times {latex_tensorT} = {latex_y1}"))
        display("y1 = \\mathrm{tensor} \\times \\mathrm{tensor.T} = " + latex_tensor + " \\times " + latex_tensorT
                + " = " + latex_y1);
        // >>> y2 = tensor.matmul(tensor.T)
        Tensor y2 = tensor.matmul(tensor.T());
        // >>> latex_y2 = tensor_to_latex(y2)
        String latex_y2 = tensor_to_latex.apply(y2);
        // >>> display(Math(f"y2 = \\mathrm{{tensor}} \\times \\mathrm{{tensor.T}} = {latex_tensor} \\times {latex_tensorT} = {latex_y2}"))
        display("y2 = \\mathrm{tensor} \\times \\mathrm{tensor.T} = " + latex_tensor + " \\times " + latex_tensorT
                + " = " + latex_y2);
        // >>> y3 = torch.rand_like(y1)
        Tensor y3 = Tensor.randLike(y1);
        // >>> torch.matmul(tensor, tensor.T, out=y3)
        tensor.matmul(tensor.T(), y3);
        // >>> latex_y3 = tensor_to_latex(y3)
        String latex_y3 = tensor_to_latex.apply(y3);
        // >>> display(Math(f"y3 = \\mathrm{{torch.matmul(tensor, tensor.T)}} = {latex_tensor} \\times {latex_tensorT} = {latex_y3}"))
        display("y3 = \\mathrm{torch.matmul(tensor, tensor.T)} = " + latex_tensor + " \\times " + latex_tensorT
                + " = " + latex_y3);
        // end::matmul[]

        // tag::dot[] Vector dot product
        // >>> torch.manual_seed(0)
        Tensor.manualSeed(0);
        // >>> # vector x vector
        // >>> tensor1 = torch.randint(low=0, high=10, size=(3,))
        Tensor tensor1 = Tensor.randint(0, 10, new long[] {3});
        // >>> tensor2 = torch.randint(low=0, high=10, size=(3,))
        Tensor tensor2 = Tensor.randint(0, 10, new long[] {3});
        // >>> latex_tensor1 = tensor_to_latex(tensor1)
        String latex_tensor1 = tensor_to_latex.apply(tensor1);
        // >>> latex_tensor2 = tensor_to_latex(tensor2)
        String latex_tensor2 = tensor_to_latex.apply(tensor2);
        // >>> display(Math(f"\\mathrm{{tensor1}} = {latex_tensor1}, \\mathrm{{tensor2}} = {latex_tensor2}"))
        display("\\mathrm{tensor1} = " + latex_tensor1 + ", \\mathrm{tensor2} = " + latex_tensor2);
        // >>> tensor3 = torch.matmul(tensor1, tensor2)
        Tensor tensor3 = tensor1.matmul(tensor2);
        // >>> print(f"tensor3 = tensor1 @ tensor2: {tensor3}")
        print("tensor3 = tensor1 @ tensor2:", Python.format(tensor3));
        // >>> print(f"tensor3.size(): {tensor3.size()}")
        print("tensor3.size():", tensor3.size());
        // >>> tensor3 = torch.dot(tensor1, tensor2)
        tensor3 = tensor1.dot(tensor2);
        // >>> print(f"tensor3 = torch.dot(tensor1, tensor2): {tensor3}")
        print("tensor3 = torch.dot(tensor1, tensor2):", Python.format(tensor3));
        // >>> print(f"tensor3.size(): {tensor3.size()}")
        print("tensor3.size():", tensor3.size());
        // end::dot[]

        // tag::mv[] Matrix-vector multiplication
        // >>> tensor1 = torch.tensor([[1, 2], [3, 4]])
        tensor1 = Tensor.tensor(new long[][] {{1, 2}, {3, 4}});
        // >>> print(f"Operand 1 --tensor1.size(): {tensor1.size()}")
        print("Operand 1 --tensor1.size():", tensor1.size());
        // >>> latex_tensor1 = tensor_to_latex(tensor1)
        latex_tensor1 = tensor_to_latex.apply(tensor1);
        // >>> tensor2 = torch.tensor([1, 2])
        tensor2 = Tensor.tensor(new long[] {1, 2});
        // >>> print(f"Operand 2 --tensor2.size(): {tensor2.size()}")
        print("Operand 2 --tensor2.size():", tensor2.size());
        // >>> latex_tensor2 = tensor_to_latex(tensor2)
        latex_tensor2 = tensor_to_latex.apply(tensor2);
        // >>> tensor3 = torch.matmul(tensor1, tensor2)
        tensor3 = tensor1.matmul(tensor2);
        // >>> print(f"Output -- tensor3.size(): {tensor3.size()}")
        print("Output -- tensor3.size():", tensor3.size());
        // >>> latex_tensor3 = tensor_to_latex(tensor3)
        String latex_tensor3 = tensor_to_latex.apply(tensor3);
        // >>> display(Math(f"\\mathrm{{tensor3}} = \\mathrm{{tensor1}} \\times \\mathrm{{tensor2}} = {latex_tensor1} \\times {latex_tensor2} = {latex_tensor3}"))
        display("\\mathrm{tensor3} = \\mathrm{tensor1} \\times \\mathrm{tensor2} = " + latex_tensor1 + " \\times "
                + latex_tensor2 + " = " + latex_tensor3);
        // >>> # Change tensor2 to be shape (2,1)
        // >>> tensor2 = torch.tensor([[1], [2]])
        tensor2 = Tensor.tensor(new long[][] {{1}, {2}});
        // >>> print(f"Operand 2 -- tensor2.size(): {tensor2.size()}")
        print("Operand 2 -- tensor2.size():", tensor2.size());
        // >>> print(f"Operand 2 -- tensor2: {tensor2}")
        print("Operand 2 -- tensor2:", tensor2);
        // >>> tensor3 = torch.matmul(tensor1, tensor2)
        tensor3 = tensor1.matmul(tensor2);
        // >>> print(f"Output -- tensor3: {tensor3}")
        print("Output -- tensor3:", tensor3);
        // >>> print(f"Output -- tensor3.size(): {tensor3.size()}")
        print("Output -- tensor3.size():", tensor3.size());
        // end::mv[]

        // tag::vm[] Vector-matrix multiplication
        // >>> tensor2 = torch.tensor([1, 2])
        tensor2 = Tensor.tensor(new long[] {1, 2});
        // >>> print(f"Operand 1 -- tensor2.size(): {tensor2.size()}")
        print("Operand 1 -- tensor2.size():", tensor2.size());
        // >>> print(f"Operand 1 -- tensor2: {tensor2}")
        print("Operand 1 -- tensor2:", tensor2);
        // >>> tensor3 = torch.matmul(tensor2, tensor1)
        tensor3 = tensor2.matmul(tensor1);
        // >>> print(f"Output -- tensor3: {tensor3}")
        print("Output -- tensor3:", tensor3);
        // >>> print(f"Output -- tensor3.size(): {tensor3.size()}")
        print("Output -- tensor3.size():", tensor3.size());
        // >>> tensor2 = torch.tensor([[1, 2]])
        tensor2 = Tensor.tensor(new long[][] {{1, 2}});
        // >>> print(f"Operand 1 -- tensor2.size(): {tensor2.size()}")
        print("Operand 1 -- tensor2.size():", tensor2.size());
        // >>> print(f"Operand 1 -- tensor2: {tensor2}")
        print("Operand 1 -- tensor2:", tensor2);
        // >>> tensor3 = torch.matmul(tensor2, tensor1)
        tensor3 = tensor2.matmul(tensor1);
        // >>> print(f"Output -- tensor3: {tensor3}")
        print("Output -- tensor3:", tensor3);
        // >>> print(f"Output -- tensor3.size(): {tensor3.size()}")
        print("Output -- tensor3.size():", tensor3.size());
        // end::vm[]

        // tag::batched-vector[] Batched matrix x broadcasted vector
        // >>> # batched matrix x broadcasted vector
        // >>> tensor1 = torch.randint(low=0, high=10, size=(5, 3, 4))
        tensor1 = Tensor.randint(0, 10, new long[] {5, 3, 4});
        // >>> print(f"tensor1.size(): {tensor1.size()}")
        print("tensor1.size():", tensor1.size());
        // >>> print(f"tensor1: {tensor1}")
        print("tensor1:", tensor1);
        // >>> tensor2 = torch.randint(low=0, high=10, size=(4,))
        tensor2 = Tensor.randint(0, 10, new long[] {4});
        // >>> print(f"tensor2.size(): {tensor2.size()}")
        print("tensor2.size():", tensor2.size());
        // >>> print(f"tensor2: {tensor2}")
        print("tensor2:", tensor2);
        // >>> tensor3 = torch.matmul(tensor1, tensor2)
        tensor3 = tensor1.matmul(tensor2);
        // >>> print(f"tensor3 = torch.matmul(tensor1, tensor2): {tensor3}")
        print("tensor3 = torch.matmul(tensor1, tensor2):", tensor3);
        // >>> print(f"tensor3.size(): {tensor3.size()}")
        print("tensor3.size():", tensor3.size());
        // >>> latex_tensor3 = tensor_to_latex(tensor3)
        latex_tensor3 = tensor_to_latex.apply(tensor3);
        // >>> display(Math(f"\\mathrm{{tensor3}} = {latex_tensor3}"))
        display("\\mathrm{tensor3} = " + latex_tensor3);
        // end::batched-vector[]

        // tag::batched-batched[] Batched matrix x batched matrix
        // >>> # batched matrix x batched matrix
        // >>> tensor1 = torch.randint(low=0, high=10, size=(5, 3, 4))
        tensor1 = Tensor.randint(0, 10, new long[] {5, 3, 4});
        // >>> print(f"tensor1.size(): {tensor1.size()}")
        print("tensor1.size():", tensor1.size());
        // >>> print(f"tensor1: {tensor1}")
        print("tensor1:", tensor1);
        // >>> tensor2 = torch.randint(low=0, high=10, size=(5, 4, 5))
        tensor2 = Tensor.randint(0, 10, new long[] {5, 4, 5});
        // >>> print(f"tensor2.size(): {tensor2.size()}")
        print("tensor2.size():", tensor2.size());
        // >>> print(f"tensor2: {tensor2}")
        print("tensor2:", tensor2);
        // >>> tensor3 = torch.matmul(tensor1, tensor2)
        tensor3 = tensor1.matmul(tensor2);
        // >>> print(f"tensor3 = torch.matmul(tensor1, tensor2): {tensor3}")
        print("tensor3 = torch.matmul(tensor1, tensor2):", tensor3);
        // >>> print(f"tensor3.size(): {tensor3.size()}")
        print("tensor3.size():", tensor3.size());
        // end::batched-batched[]

        // tag::batched-matrix[] Batched matrix x broadcasted matrix
        // >>> # batched matrix x broadcasted matrix
        // >>> tensor1 = torch.randint(low=0, high=10, size=(5, 3, 4))
        tensor1 = Tensor.randint(0, 10, new long[] {5, 3, 4});
        // >>> tensor2 = torch.randint(low=0, high=10, size=(4, 5))
        tensor2 = Tensor.randint(0, 10, new long[] {4, 5});
        // >>> tensor3 = torch.matmul(tensor1, tensor2)
        tensor3 = tensor1.matmul(tensor2);
        // >>> print(f"tensor3: {tensor3}")
        print("tensor3:", tensor3);
        // >>> print(f"tensor3.size(): {tensor3.size()}")
        print("tensor3.size():", tensor3.size());
        // end::batched-matrix[]

        // tag::elementwise[] Element-wise multiplication
        // >>> z1 = tensor * tensor
        Tensor z1 = tensor.mul(tensor);
        // >>> z2 = tensor.mul(tensor)
        Tensor z2 = tensor.mul(tensor);
        // >>> z3 = torch.rand_like(tensor)
        Tensor z3 = Tensor.randLike(tensor);
        // >>> torch.mul(tensor, tensor, out=z3)
        print(tensor.mul(tensor, z3));
        // end::elementwise[]

        // tag::item[] Single-element tensors
        // >>> agg = tensor.sum()
        Tensor agg = tensor.sum();
        // >>> agg_item = agg.item()
        double agg_item = agg.item();
        // >>> print(agg_item, type(agg_item))
        print(agg_item, Python.type(agg_item));
        // end::item[]

        // tag::inplace[] In-place operations
        // >>> print(f"{tensor} \n")
        print(tensor + " \n");
        // >>> tensor.add_(5)
        tensor.add_(5);
        // >>> print(tensor)
        print(tensor);
        // end::inplace[]

        fullyConnected(Tensor.tensor(new double[][] {{1.0, 2.0, 3.0}}), tensor_to_latex);
        fullyConnectedBatch();
    }

    /** The post's fully connected layer on one input, with the matrix equations it displays. */
    private void fullyConnected(Tensor input, Function<Tensor, String> tensor_to_latex) {
        // tag::fc[] Fully connected layer as matrix multiplication
        // >>> torch.manual_seed(42)
        Tensor.manualSeed(42);
        // >>> # Define the input tensor (batch size of 1 for simplicity)
        // >>> input_tensor = torch.tensor([[1.0, 2.0, 3.0]])
        Tensor input_tensor = input;
        // >>> # Initialize weights and biases for the hidden layer
        // >>> weights_hidden = torch.randn(3, 4) # 3 inputs to 4 hidden nodes
        Tensor weights_hidden = Tensor.randn(3, 4);
        // >>> bias_hidden = torch.randn(4) # 4 hidden nodes
        Tensor bias_hidden = Tensor.randn(4);
        // >>> # Initialize weights and biases for the output layer
        // >>> weights_output = torch.randn(4, 2) # 4 hidden nodes to 2 outputs
        Tensor weights_output = Tensor.randn(4, 2);
        // >>> bias_output = torch.randn(2) # 2 outputs
        Tensor bias_output = Tensor.randn(2);
        // >>> # Perform matrix multiplication and add biases for the hidden layer
        // >>> hidden_layer = torch.matmul(input_tensor, weights_hidden) + bias_hidden
        Tensor hidden_layer = input_tensor.matmul(weights_hidden).add(bias_hidden);
        // >>> # Apply ReLU activation function
        // >>> hidden_layer_activated = torch.relu(hidden_layer)
        Tensor hidden_layer_activated = hidden_layer.relu();
        // >>> # Perform matrix multiplication and add biases for the output layer
        // >>> output_layer = torch.matmul(hidden_layer_activated, weights_output) + bias_output
        Tensor output_layer = hidden_layer_activated.matmul(weights_output).add(bias_output);
        // >>> print("Output:", output_layer)
        print("Output:", output_layer);
        // end::fc[]

        // tag::fc-latex[] The matrix equations of the layer
        // >>> latex_input_tensor = tensor_to_latex(input_tensor.T)
        String latex_input_tensor = tensor_to_latex.apply(input_tensor.T());
        // >>> latex_weights_hidden = tensor_to_latex(weights_hidden.T)
        String latex_weights_hidden = tensor_to_latex.apply(weights_hidden.T());
        // >>> latex_bias_hidden = tensor_to_latex(bias_hidden)
        String latex_bias_hidden = tensor_to_latex.apply(bias_hidden);
        // >>> latex_weights_output = tensor_to_latex(weights_output.T)
        String latex_weights_output = tensor_to_latex.apply(weights_output.T());
        // >>> latex_bias_output = tensor_to_latex(bias_output)
        String latex_bias_output = tensor_to_latex.apply(bias_output);
        // >>> latex_hidden_layer = tensor_to_latex(hidden_layer.T)
        String latex_hidden_layer = tensor_to_latex.apply(hidden_layer.T());
        // >>> latex_hidden_layer_activated = tensor_to_latex(hidden_layer_activated.T)
        String latex_hidden_layer_activated = tensor_to_latex.apply(hidden_layer_activated.T());
        // >>> latex_output_layer = tensor_to_latex(output_layer.T)
        String latex_output_layer = tensor_to_latex.apply(output_layer.T());
        // >>> display(Math(f"{latex_weights_hidden} \\times {latex_input_tensor} + {latex_bias_hidden} = {latex_hidden_layer}"))
        display(latex_weights_hidden + " \\times " + latex_input_tensor + " + " + latex_bias_hidden + " = "
                + latex_hidden_layer);
        // >>> display(Math(f"\\mathrm{{ReLU}}({latex_hidden_layer}) = {latex_hidden_layer_activated}"))
        display("\\mathrm{ReLU}(" + latex_hidden_layer + ") = " + latex_hidden_layer_activated);
        // >>> display(Math(f"{latex_weights_output} \\times {latex_hidden_layer_activated} + {latex_bias_output} = {latex_output_layer}"))
        display(latex_weights_output + " \\times " + latex_hidden_layer_activated + " + " + latex_bias_output + " = "
                + latex_output_layer);
        // end::fc-latex[]
    }

    /** The same layer's code on a batch of five inputs, as the post's last cell runs it. */
    private void fullyConnectedBatch() {
        // tag::fc-batch[] Fully connected layer with batched input
        // >>> torch.manual_seed(42)
        Tensor.manualSeed(42);
        // >>> # Define the input tensor (batch size of 5)
        // >>> input_tensor = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0], [13.0, 14.0, 15.0]])
        Tensor input_tensor = Tensor.tensor(new double[][] {
            {1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}, {7.0, 8.0, 9.0}, {10.0, 11.0, 12.0}, {13.0, 14.0, 15.0}});
        // >>> #vvvv The code below is the same as above ^^^^^
        // >>> weights_hidden = torch.randn(3, 4) # 3 inputs to 4 hidden nodes
        Tensor weights_hidden = Tensor.randn(3, 4);
        // >>> bias_hidden = torch.randn(4) # 4 hidden nodes
        Tensor bias_hidden = Tensor.randn(4);
        // >>> weights_output = torch.randn(4, 2) # 4 hidden nodes to 2 outputs
        Tensor weights_output = Tensor.randn(4, 2);
        // >>> bias_output = torch.randn(2) # 2 outputs
        Tensor bias_output = Tensor.randn(2);
        // >>> hidden_layer = torch.matmul(input_tensor, weights_hidden) + bias_hidden
        Tensor hidden_layer = input_tensor.matmul(weights_hidden).add(bias_hidden);
        // >>> hidden_layer_activated = torch.relu(hidden_layer)
        Tensor hidden_layer_activated = hidden_layer.relu();
        // >>> output_layer = torch.matmul(hidden_layer_activated, weights_output) + bias_output
        Tensor output_layer = hidden_layer_activated.matmul(weights_output).add(bias_output);
        // >>> print("Output:", output_layer)
        print("Output:", output_layer);
        // end::fc-batch[]
    }

    /** IPython's {@code display(Math(latex))} as the post's page shows it: one line, in {@code \(\displaystyle ...\)}. */
    private void display(String latex) {
        print("\\(\\displaystyle " + latex.replace('\n', ' ') + "\\)");
    }
}
