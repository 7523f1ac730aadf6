package dev.jtensor.ops;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Parallel;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.optim.SGD;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A whole program whose every result {@link SameBitsAcrossModesTest} compares between JVMs started
 * in each kernel mode: a short makemore-style training run (embedding, tanh layer, cross-entropy,
 * SGD) and the order-sensitive kernels (softmax, log-softmax, cross-entropy, matrix products and
 * matrix-vector products, sums, means, variances, cumulative sums, with their gradients) on random
 * data, in float32 and float64, strided and contiguous. It runs everything on 1, 2 and 3 threads and
 * prints one line per thread count: {@code threads <t> simd <bits> <section>=<SHA-256 of its bits>}.
 */
public final class SameBitsProgram {
    private SameBitsProgram() {}

    /**
     * Runs the program.
     *
     * @param args unused
     * @throws NoSuchAlgorithmException if SHA-256 is missing
     */
    public static void main(String[] args) throws NoSuchAlgorithmException {
        // The width in use, from the CPU backend's internal class (tests run on the class path).
        Object bits;
        try {
            bits = Class.forName("dev.jtensor.core.cpu.Simd").getMethod("bits").invoke(null);
        } catch (ReflectiveOperationException e) {
            bits = "unknown";
        }
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.setNumThreads(threads);
            System.out.println("threads " + threads + " simd " + bits + " training=" + training()
                    + " kernels=" + kernels());
        }
    }

    private static final class Digest {
        private final MessageDigest md;

        Digest() throws NoSuchAlgorithmException {
            md = MessageDigest.getInstance("SHA-256");
        }

        void add(Tensor t) {
            Tensor c = t.detach().contiguous();
            if (c.dtype() == DType.FLOAT64) {
                double[] v = c.toDoubleArray();
                ByteBuffer b = ByteBuffer.allocate(8 * v.length);
                for (double x : v) {
                    b.putLong(Double.doubleToRawLongBits(x));
                }
                md.update(b.array());
            } else {
                float[] v = c.to(DType.FLOAT32).toFloatArray();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length);
                for (float x : v) {
                    b.putInt(Float.floatToRawIntBits(x));
                }
                md.update(b.array());
            }
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** makemore's MLP, small: 27 characters, a context of 3, 10-dimensional embeddings, 64 tanh units, 50 SGD steps. */
    static String training() throws NoSuchAlgorithmException {
        Digest d = new Digest();
        Generator g = new Generator(2147483647L);
        Tensor xs = Tensor.randint(0, 27, new long[] {300, 3}, g);
        Tensor ys = Tensor.randint(0, 27, new long[] {300}, g);
        Tensor c = Tensor.randn(g, 27, 10).requiresGrad(true);
        Tensor w1 = Tensor.randn(g, 30, 64).mul(0.2).requiresGrad(true);
        Tensor b1 = Tensor.randn(g, 64).mul(0.01).requiresGrad(true);
        Tensor w2 = Tensor.randn(g, 64, 27).mul(0.1).requiresGrad(true);
        Tensor b2 = Tensor.randn(g, 27).mul(0).requiresGrad(true);
        List<Tensor> params = List.of(c, w1, b1, w2, b2);
        SGD sgd = new SGD(params, 0.1);
        for (int step = 0; step < 50; step++) {
            Tensor ix = Tensor.randint(0, 300, new long[] {32}, g);
            Tensor emb = F.embedding(xs.indexSelect(0, ix), c);
            Tensor h = emb.view(32, 30).matmul(w1).add(b1).tanh();
            Tensor logits = h.matmul(w2).add(b2);
            Tensor loss = F.crossEntropy(logits, ys.indexSelect(0, ix));
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
            d.add(loss);
        }
        Tensor full = F.crossEntropy(F.embedding(xs, c).view(300, 30).matmul(w1).add(b1).tanh().matmul(w2).add(b2), ys);
        d.add(full);
        for (Tensor p : params) {
            d.add(p);
        }
        return d.hex();
    }

    /** The order-sensitive kernels on random data, forward and backward, float32 and float64. */
    static String kernels() throws NoSuchAlgorithmException {
        Digest d = new Digest();
        Generator g = new Generator(20261204L);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (long[] shape : new long[][] {{7, 33}, {13, 207}, {3, 4099}, {5000}, {2, 70001}}) {
                Tensor x = Tensor.randn(g, shape).mul(3).to(dtype).requiresGrad(true);
                long last = shape.length - 1;
                Tensor y = F.softmax(x, last).mul(Tensor.randn(g, shape).to(dtype)).sum()
                        .add(F.logSoftmax(x, last).mul(Tensor.randn(g, shape).to(dtype)).sum())
                        .add(x.sum(last).mul(1.5).sum()).add(x.mean()).add(x.var(last).sum())
                        .add(x.cumsum(last).mul(0.01).sum()).add(x.mul(x).sum(0).sum());
                d.add(y);
                y.backward();
                d.add(x.grad());
                d.add(x.detach().t().sum(0));
                d.add(x.detach().sum(0));
                d.add(x.detach().var());
                d.add(x.detach().cumsum(0));
            }
            Tensor logits = Tensor.randn(g, 64, 1000).to(dtype).requiresGrad(true);
            Tensor target = Tensor.randint(0, 1000, new long[] {64}, g);
            Tensor ce = F.crossEntropy(logits, target);
            ce.backward();
            d.add(ce);
            d.add(logits.grad());
            for (long[] mnk : new long[][] {{1, 33, 207}, {33, 1, 207}, {1, 4099, 17}, {13, 207, 31}, {70, 90, 600}}) {
                Tensor a = Tensor.randn(g, mnk[0], mnk[2]).to(dtype);
                Tensor b = Tensor.randn(g, mnk[2], mnk[1]).to(dtype);
                d.add(a.matmul(b));
                d.add(b.t().matmul(a.t()));
            }
        }
        return d.hex();
    }
}
