package dev.jtensor.ops.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Gradients of float16 and bfloat16 tensors are float16 and bfloat16 (as in PyTorch): each rule runs through the same
 * widen/compute/narrow path as the forward ops, so a gradient equals the float32 gradient rounded to the dtype, up
 * to the roundings of its intermediate steps.
 */
class SmallDTypesGradTest {
    @Test
    void gradientsKeepTheLeafsDtype() {
        for (DType t : new DType[] {DType.FLOAT16, DType.BFLOAT16}) {
            Tensor x = Tensor.tensor(new double[] {1, -2, 3.5}, t).requiresGrad(true);
            x.mul(x).sum().backward();
            assertEquals(t, x.grad().dtype());
            assertArrayEquals(new double[] {2, -4, 7}, x.grad().toDoubleArray(), 0, t.toString());
        }
    }

    @Test
    void softmaxAndMatmulGradientsAreTheRoundedFloat32Ones() {
        for (DType t : new DType[] {DType.FLOAT16, DType.BFLOAT16}) {
            double[] a = {0.5, -1.25, 2, 0.75, -0.5, 1.5};
            Tensor x = Tensor.tensor(a, t).view(2, 3).requiresGrad(true);
            Tensor w = Tensor.tensor(new double[] {1, 0.5, -1, 2, 0.25, -0.75}, t).view(3, 2).requiresGrad(true);
            F.softmax(x.matmul(w), 1).select(1, 0).sum().backward();
            Tensor x32 = Tensor.tensor(a, DType.FLOAT32).view(2, 3).requiresGrad(true);
            Tensor w32 = w.detach().to(DType.FLOAT32).requiresGrad(true);
            F.softmax(x32.matmul(w32), 1).select(1, 0).sum().backward();
            assertEquals(t, x.grad().dtype());
            assertEquals(t, w.grad().dtype());
            double tol = t == DType.FLOAT16 ? 2e-3 : 1.6e-2;
            double[] gx = x.grad().toDoubleArray();
            double[] gx32 = x32.grad().toDoubleArray();
            for (int i = 0; i < gx.length; i++) {
                assertEquals(gx32[i], gx[i], tol * Math.max(1, Math.abs(gx32[i])), t + " dx[" + i + "]");
            }
            double[] gw = w.grad().toDoubleArray();
            double[] gw32 = w32.grad().toDoubleArray();
            for (int i = 0; i < gw.length; i++) {
                assertEquals(gw32[i], gw[i], tol * Math.max(1, Math.abs(gw32[i])), t + " dw[" + i + "]");
            }
        }
    }

    /**
     * For ops across the areas (elementwise math, reductions, indexing, nn), the gradient of a float16 or bfloat16
     * leaf has the leaf's dtype and is the float32 gradient up to the 16-bit type's rounding of the steps.
     */
    @Test
    void gradientsOfOpsAcrossAreasFollowFloat32() {
        Tensor target = Tensor.tensor(new long[] {2, 0});
        Tensor rows = Tensor.tensor(new long[] {1, 1, 0});
        Map<String, UnaryOperator<Tensor>> ops = new LinkedHashMap<>();
        ops.put("exp", x -> x.exp().sum());
        ops.put("tanh*sigmoid", x -> x.tanh().mul(x.sigmoid()).sum());
        ops.put("div", x -> x.div(x.abs().add(1.0)).sum());
        ops.put("mean", x -> x.mul(x).mean());
        ops.put("index", x -> x.indexSelect(0, rows).mul(x.indexSelect(0, rows)).sum());
        ops.put("layer_norm", x -> F.layerNorm(x, new long[] {3}, null, null, 1e-5).mul(x).sum());
        ops.put("cross_entropy", x -> F.crossEntropy(x, target));
        ops.put("embedding", x -> F.embedding(rows, x).pow(2L).sum());
        ops.put("log_softmax", x -> F.logSoftmax(x, 1).select(1, 1).sum());
        double[] data = {0.5, -1.25, 2, 0.75, -0.5, 1.5};
        for (DType t : new DType[] {DType.FLOAT16, DType.BFLOAT16}) {
            double tol = t == DType.FLOAT16 ? 4e-3 : 3e-2;
            for (var e : ops.entrySet()) {
                Tensor x = Tensor.tensor(data, t).view(2, 3).requiresGrad(true);
                e.getValue().apply(x).backward();
                Tensor x32 = Tensor.tensor(data, DType.FLOAT32).view(2, 3).requiresGrad(true);
                e.getValue().apply(x32).backward();
                String what = e.getKey() + " " + t;
                assertEquals(t, x.grad().dtype(), what);
                double[] g = x.grad().toDoubleArray();
                double[] g32 = x32.grad().toDoubleArray();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(g32[i], g[i], tol * Math.max(1, Math.abs(g32[i])), what + " [" + i + "]");
                }
            }
        }
    }
}
