package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.spi.Autograd;
import dev.jtensor.ops.nn.CrossEntropyOptions;
import dev.jtensor.ops.nn.EmbeddingBagMode;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Linear;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.ReLU;
import dev.jtensor.ops.nn.Reduction;
import dev.jtensor.ops.nn.Sequential;
import dev.jtensor.ops.optim.SGD;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Softmax, cross-entropy, embeddings and a whole training step on the GPU against the CPU backend. */
class CudaNnTest extends GpuTest {
    @BeforeEach
    void requireEngine() {
        assumeTrue(Autograd.isAvailable(), "no autograd engine (tensor-ops) installed");
    }

    @Test
    void softmaxAndLogSoftmaxWithGradients() {
        for (int dim = 0; dim < 3; dim++) {
            Tensor x = randomFloats(51, DType.FLOAT32, 3, 4, 5).requiresGrad(true);
            Tensor g = randomFloats(51, DType.FLOAT32, 3, 4, 5).to(gpu).requiresGrad(true);
            Tensor w = randomFloats(52, DType.FLOAT32, 3, 4, 5);
            Tensor yc = F.softmax(x, dim);
            Tensor yg = F.softmax(g, dim);
            assertSame(yc, yg, "softmax dim " + dim);
            assertSame(F.logSoftmax(x, dim), F.logSoftmax(g, dim), "logSoftmax dim " + dim);
            yc.mul(w).sum().backward();
            yg.mul(w.to(gpu)).sum().backward();
            assertSame(x.grad(), g.grad(), "softmax gradient dim " + dim);
        }
    }

    @Test
    void fusedCrossEntropyWithWeightsIgnoreAndSmoothing() {
        Tensor logits = randomFloats(53, DType.FLOAT64, 6, 5);
        Tensor target = Tensor.tensor(new long[] {0, 4, -100, 2, 2, 1});
        Tensor weight = Tensor.tensor(new double[] {1, 0.5, 2, 1, 0.25});
        for (Reduction r : Reduction.values()) {
            for (double eps : new double[] {0, 0.1}) {
                CrossEntropyOptions o = new CrossEntropyOptions().reduction(r).labelSmoothing(eps).weight(weight);
                CrossEntropyOptions og = new CrossEntropyOptions().reduction(r).labelSmoothing(eps).weight(weight.to(gpu));
                Tensor xc = logits.clone().requiresGrad(true);
                Tensor xg = logits.to(gpu).requiresGrad(true);
                Tensor lc = F.crossEntropy(xc, target, o);
                Tensor lg = F.crossEntropy(xg, target.to(gpu), og);
                assertSame(lc, lg, "cross-entropy " + r + " eps " + eps);
                lc.sum().backward();
                lg.sum().backward();
                assertSame(xc.grad(), xg.grad(), "cross-entropy gradient " + r + " eps " + eps);
            }
        }
    }

    @Test
    void embeddingsAndBags() {
        Tensor weight = randomFloats(54, DType.FLOAT32, 10, 4);
        Tensor idx = Tensor.tensor(new long[] {1, 7, 7, 0, 3, 9, 7});
        Tensor offsets = Tensor.tensor(new long[] {0, 3, 3, 5});
        for (EmbeddingBagMode mode : EmbeddingBagMode.values()) {
            Tensor wc = weight.clone().requiresGrad(true);
            Tensor wg = weight.to(gpu).requiresGrad(true);
            Tensor bc = F.embeddingBag(idx, wc, offsets, mode);
            Tensor bg = F.embeddingBag(idx.to(gpu), wg, offsets.to(gpu), mode);
            assertSame(bc, bg, "embeddingBag " + mode);
            bc.sum().backward();
            bg.sum().backward();
            assertSame(wc.grad(), wg.grad(), "embeddingBag gradient " + mode);
        }
        Tensor wc = weight.clone().requiresGrad(true);
        Tensor wg = weight.to(gpu).requiresGrad(true);
        F.embedding(idx.reshape(7, 1), wc).sum().backward();
        F.embedding(idx.reshape(7, 1).to(gpu), wg).sum().backward();
        assertSame(wc.grad(), wg.grad(), "embedding gradient (index_put with accumulate)");
    }

    @Test
    void aModelMovedWithItsParametersTrainsLikeOnTheCpu() {
        Module cpuModel = new Sequential(new Linear(4, 8, true, new Generator(7)), new ReLU(),
                new Linear(8, 3, true, new Generator(8)));
        Module gpuModel = new Sequential(new Linear(4, 8, true, new Generator(7)), new ReLU(),
                new Linear(8, 3, true, new Generator(8))).to(gpu);
        for (Tensor p : gpuModel.parameters()) {
            assertEquals(gpu, p.device());
        }
        SGD cpuOpt = new SGD(cpuModel.parameters(), 0.1);
        SGD gpuOpt = new SGD(gpuModel.parameters(), 0.1);
        Tensor x = randomFloats(55, DType.FLOAT32, 16, 4);
        Tensor y = Tensor.tensor(new long[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
        for (int step = 0; step < 5; step++) {
            cpuOpt.zeroGrad();
            gpuOpt.zeroGrad();
            F.crossEntropy(cpuModel.forward(x), y).backward();
            F.crossEntropy(gpuModel.forward(x.to(gpu)), y.to(gpu)).backward();
            cpuOpt.step();
            gpuOpt.step();
        }
        List<Tensor> pc = cpuModel.parameters();
        List<Tensor> pg = gpuModel.parameters();
        for (int i = 0; i < pc.size(); i++) {
            assertSame(pc.get(i).detach(), pg.get(i).detach(), "parameter " + i + " after 5 SGD steps", 1e-4);
        }
    }
}
