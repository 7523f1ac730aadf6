package dev.jtensor.ops.autograd;

import static dev.jtensor.ops.autograd.DerivativesGradTest.rand;

import dev.jtensor.core.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks (float64) of the shape ops, einsum and tensordot of issue 20. They are
 * composed of views and primitives that {@link DerivativesGradTest} checks one by one; these check
 * that the compositions route every gradient where it belongs.
 */
class ShapeOpsGradTest {
    private static void gradcheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.check(f, inputs);
    }

    @Test
    void diagonalsAndTraces() {
        gradcheck(in -> in[0].diagEmbed(), rand(1, 2, 3));
        gradcheck(in -> in[0].diagEmbed(-2, 0, 2), rand(2, 2, 3));
        gradcheck(in -> in[0].diag(1), rand(3, 3));
        gradcheck(in -> in[0].diag(-1), rand(4, 3, 4));
        gradcheck(in -> in[0].trace(), rand(5, 3, 3));
        gradcheck(in -> in[0].trace(), rand(6, 5, 2)); // tall: only the 2 diagonal elements
        gradcheck(in -> in[0].trace(), rand(7, 2, 5));
    }

    @Test
    void rollsTilesAndRepeats() {
        gradcheck(in -> in[0].roll(new long[] {1, -2}, new long[] {0, 1}), rand(10, 3, 4));
        gradcheck(in -> in[0].roll(5), rand(11, 2, 3));
        gradcheck(in -> in[0].tile(2, 1, 2), rand(12, 2, 3));
        gradcheck(in -> in[0].repeatInterleave(3, 1), rand(13, 2, 2));
        gradcheck(in -> in[0].repeatInterleave(Tensor.tensor(new long[] {2, 0, 1}), 0), rand(14, 3, 2));
        gradcheck(in -> in[0].rot90(1, 0, 1), rand(15, 2, 3));
        gradcheck(in -> in[0].rot90(-1, 2, 0), rand(16, 2, 3, 2));
        gradcheck(in -> in[0].movedim(new long[] {0, 2}, new long[] {2, 1}), rand(17, 2, 3, 4));
    }

    @Test
    void splitsStacksAndGrids() {
        gradcheck(in -> in[0].tensorSplit(new long[] {1, 3}, 1)[1], rand(20, 2, 5));
        gradcheck(in -> in[0].hsplit(2)[1], rand(21, 2, 4));
        gradcheck(in -> Tensor.hstack(in[0], in[1]), rand(22, 3), rand(23, 2));
        gradcheck(in -> Tensor.vstack(in[0], in[1]), rand(24, 3), rand(25, 2, 3));
        gradcheck(in -> Tensor.dstack(in[0], in[1]), rand(26, 2, 2), rand(27, 2, 2));
        gradcheck(in -> Tensor.columnStack(in[0], in[1]), rand(28, 3), rand(29, 3, 2));
        gradcheck(in -> Tensor.meshgrid(new Tensor[] {in[0], in[1]}, "xy")[0].mul(2.0), rand(30, 2), rand(31, 3));
        gradcheck(in -> Tensor.cartesianProd(in[0], in[1]), rand(32, 2), rand(33, 3));
        gradcheck(in -> in[0].combinations(2, true), rand(34, 3));
        gradcheck(in -> in[0].kron(in[1]), rand(35, 2, 1), rand(36, 2, 3));
    }

    @Test
    void einsumAndTensordot() {
        gradcheck(in -> Tensor.einsum("bij,bjk->bik", in[0], in[1]), rand(40, 2, 2, 3), rand(41, 2, 3, 2));
        gradcheck(in -> Tensor.einsum("ii->i", in[0]), rand(42, 3, 3));
        gradcheck(in -> Tensor.einsum("i...j,j...k->...ik", in[0], in[1]), rand(43, 2, 3, 2), rand(44, 2, 3, 2));
        gradcheck(in -> Tensor.einsum("ab,ab,ab->a", in[0], in[1], in[0]), rand(45, 2, 3), rand(46, 2, 3));
        gradcheck(in -> Tensor.einsum("ij,ij->ij", in[0], in[1]), rand(47, 1, 3), rand(48, 2, 3)); // broadcast
        gradcheck(in -> Tensor.tensordot(in[0], in[1], new long[] {0, 2}, new long[] {1, 0}),
                rand(49, 2, 3, 4), rand(50, 4, 2, 1));
        gradcheck(in -> Tensor.tensordot(in[0], in[1], new long[] {1}, new long[] {0}), rand(51, 2, 1), rand(52, 3, 2));
    }
}
