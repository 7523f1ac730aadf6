package dev.jtensor.bench;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.optim.SGD;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * One training step of the character-level MLP of Karpathy's makemore (part 2), batch 32, on one
 * thread: many small ops, so it measures per-op overhead and the autograd tape as much as kernels.
 */
public class MlpStepBench extends BenchConfig {
    /** Distinct batches cycled through, so that no step sees the same batch as its predecessor. */
    private static final int BATCHES = 64;

    private Tensor c;
    private Tensor w1;
    private Tensor b1;
    private Tensor w2;
    private Tensor b2;
    private SGD opt;
    private Tensor[] xs;
    private Tensor[] ys;
    private int k;

    /**
     * The model C [27, 10], W1 [30, 200], b1 [200], W2 [200, 27], b2 [27] and 64 random batches of
     * 3-character contexts and next characters, drawn from a generator seeded like makemore's, so that
     * the values equal the PyTorch twin's.
     */
    @Setup
    public void setUp() {
        Parallel.setNumThreads(1);
        Generator g = new Generator(2147483647L);
        c = Tensor.randn(g, 27, 10).requiresGrad(true);
        w1 = Tensor.randn(g, 30, 200).requiresGrad(true);
        b1 = Tensor.randn(g, 200).requiresGrad(true);
        w2 = Tensor.randn(g, 200, 27).requiresGrad(true);
        b2 = Tensor.randn(g, 27).requiresGrad(true);
        opt = new SGD(List.of(c, w1, b1, w2, b2), 0.1);
        Tensor x = Tensor.randint(0, 27, new long[] {BATCHES, 32, 3}, g);
        Tensor y = Tensor.randint(0, 27, new long[] {BATCHES, 32}, g);
        xs = new Tensor[BATCHES];
        ys = new Tensor[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            xs[i] = x.select(0, i);
            ys[i] = y.select(0, i);
        }
    }

    /**
     * Embedding lookup, view, matmul + bias, tanh, matmul + bias, cross-entropy, backward, SGD update;
     * mirrors the PyTorch step {@code emb = C[Xb]; h = torch.tanh(emb.view(-1, 30) @ W1 + b1);
     * loss = F.cross_entropy(h @ W2 + b2, Yb); opt.zero_grad(set_to_none=True); loss.backward(); opt.step()}.
     */
    @Benchmark
    public Tensor step() {
        int i = k;
        k = (k + 1) % BATCHES;
        Tensor emb = c.index(xs[i]);
        Tensor h = emb.view(-1, 30).matmul(w1).add(b1).tanh();
        Tensor logits = h.matmul(w2).add(b2);
        Tensor loss = F.crossEntropy(logits, ys[i]);
        opt.zeroGrad();
        loss.backward();
        opt.step();
        return loss;
    }
}
