package dev.jtensor.bench.peers;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.jtensor.bench.BenchConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The DJL twins (PyTorch engine: libtorch 2.7.1 from the pytorch-native-cpu jar) of JTensor's
 * benchmarks, with the same shapes, data types and thread counts; the report pairs each method with
 * the JTensor benchmark named in its javadoc. Every call closes the arrays it created before it
 * returns (native memory, which DJL does not leave to the garbage collector), so that cost is in the
 * timed call, where JTensor's benchmarks leave their outputs to the GC.
 */
public class DjlBench extends BenchConfig {
    static {
        Peers.configureDjl();
    }

    /** For JMH. */
    public DjlBench() {}

    /** Loads the PyTorch engine, sets libtorch's intra-op thread count and checks that it holds. */
    static void threads(int n) {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(n);
        Peers.checkThreads("DJL/libtorch", n, JniUtils.getNumThreads());
    }

    /** The [4096, 1024] inputs of the memory-bound benchmarks, on one thread. */
    @State(Scope.Benchmark)
    public static class Rows {
        NDManager manager;
        NDArray a;
        NDArray b;

        /** For JMH. */
        public Rows() {}

        /** a [4096, 1024] and b [1024], standard normal float32. */
        @Setup
        public void setUp() {
            threads(1);
            manager = NDManager.newBaseManager("PyTorch");
            a = manager.randomNormal(new Shape(4096, 1024), DataType.FLOAT32);
            b = manager.randomNormal(new Shape(1024), DataType.FLOAT32);
            try (NDArray sum = a.add(b); NDArray sm = a.softmax(1); NDArray s = a.sum(new int[] {1}, true)) {
                Peers.checkShape("DJL add", sum.getShape().getShape(), 4096, 1024);
                Peers.checkClose("DJL add [1, 2]", sum.getFloat(1, 2), a.getFloat(1, 2) + b.getFloat(2), 1e-6);
                Peers.checkShape("DJL sum", s.getShape().getShape(), 4096, 1);
                try (NDArray row = a.get(3).sum()) {
                    Peers.checkClose("DJL sum row 3", s.getFloat(3, 0), row.getFloat(), 1e-3);
                }
                Peers.checkShape("DJL softmax", sm.getShape().getShape(), 4096, 1024);
                try (NDArray row = sm.get(5).sum()) {
                    Peers.checkClose("DJL softmax row 5 sum", row.getFloat(), 1, 1e-4);
                }
            }
        }

        /** Frees the inputs. */
        @TearDown
        public void tearDown() {
            manager.close();
        }
    }

    /** Twin of ElementwiseBench.addBroadcast: {@code a.add(b)}, [4096, 1024] + [1024] into a new array. */
    @Benchmark
    public void addBroadcast(Rows s, Blackhole bh) {
        NDArray r = s.a.add(s.b);
        bh.consume(r);
        r.close();
    }

    /** Twin of ReductionBench.sumDim1: {@code x.sum(new int[] {1}, true)}, [4096, 1024] to [4096, 1]. */
    @Benchmark
    public void sumDim1(Rows s, Blackhole bh) {
        NDArray r = s.a.sum(new int[] {1}, true);
        bh.consume(r);
        r.close();
    }

    /** Twin of SoftmaxBench.softmaxDim1: {@code x.softmax(1)} of [4096, 1024]. */
    @Benchmark
    public void softmaxDim1(Rows s, Blackhole bh) {
        NDArray r = s.a.softmax(1);
        bh.consume(r);
        r.close();
    }

    /** The table and indices of the embedding lookup, on one thread. */
    @State(Scope.Benchmark)
    public static class Embedding {
        NDManager manager;
        NDArray table;
        NDArray idx;

        /** For JMH. */
        public Embedding() {}

        /** A [50000, 256] float32 table and [64, 128] int64 row indices. */
        @Setup
        public void setUp() {
            threads(1);
            manager = NDManager.newBaseManager("PyTorch");
            table = manager.randomNormal(new Shape(50_000, 256), DataType.FLOAT32);
            long[] rows = Peers.randomIndices(0, 50_000, 64 * 128);
            idx = manager.create(rows, new Shape(64, 128));
            try (NDArray r = table.get(idx)) {
                Peers.checkShape("DJL gather", r.getShape().getShape(), 64, 128, 256);
                Peers.checkClose("DJL gather [1, 7, 9]", r.getFloat(1, 7, 9), table.getFloat(rows[128 + 7], 9), 0);
            }
        }

        /** Frees the table. */
        @TearDown
        public void tearDown() {
            manager.close();
        }
    }

    /** Twin of EmbeddingBench.gather: {@code table.get(idx)}, rows of [50000, 256] by int64 [64, 128]. */
    @Benchmark
    public void gather(Embedding s, Blackhole bh) {
        NDArray r = s.table.get(s.idx);
        bh.consume(r);
        r.close();
    }

    /** Square products on 1 or 2 threads. */
    @State(Scope.Benchmark)
    public static class Matmul {
        /** The matrix size: [n, n] @ [n, n]. */
        @Param({"128", "256", "512", "1024", "2048"})
        public int n;

        /** libtorch's intra-op thread count ({@code torch.set_num_threads}). */
        @Param({"1", "2"})
        public int threads;

        NDManager manager;
        NDArray a;
        NDArray b;

        /** For JMH. */
        public Matmul() {}

        /** Two [n, n] standard normal float32 matrices. */
        @Setup
        public void setUp() {
            threads(threads);
            manager = NDManager.newBaseManager("PyTorch");
            a = manager.randomNormal(new Shape(n, n), DataType.FLOAT32);
            b = manager.randomNormal(new Shape(n, n), DataType.FLOAT32);
            try (NDArray c = a.matMul(b); NDArray row = a.get(1); NDArray col = b.get(":, 2");
                    NDArray dot = row.mul(col).sum()) {
                Peers.checkShape("DJL matmul", c.getShape().getShape(), n, n);
                Peers.checkClose("DJL matmul [1, 2]", c.getFloat(1, 2), dot.getFloat(), 1e-3 * Math.sqrt(n));
            }
        }

        /** Frees the matrices. */
        @TearDown
        public void tearDown() {
            manager.close();
        }
    }

    /** Twin of MatmulBench.matmul: {@code a.matMul(b)} into a new [n, n]. */
    @Benchmark
    public void matmul(Matmul s, Blackhole bh) {
        NDArray r = s.a.matMul(s.b);
        bh.consume(r);
        r.close();
    }

    /** The makemore MLP of MlpStepBench, its batches and its SGD state. */
    @State(Scope.Benchmark)
    public static class Mlp {
        NDManager manager;
        NDArray[] params;
        NDArray[] xs;
        NDArray[] ys;
        int k;

        /** For JMH. */
        public Mlp() {}

        /** C [27, 10], W1 [30, 200], b1 [200], W2 [200, 27], b2 [27] (standard normal) and 64 batches. */
        @Setup
        public void setUp() {
            threads(1);
            manager = NDManager.newBaseManager("PyTorch");
            params = new NDArray[] {
                manager.randomNormal(new Shape(27, 10), DataType.FLOAT32),
                manager.randomNormal(new Shape(30, 200), DataType.FLOAT32),
                manager.randomNormal(new Shape(200), DataType.FLOAT32),
                manager.randomNormal(new Shape(200, 27), DataType.FLOAT32),
                manager.randomNormal(new Shape(27), DataType.FLOAT32)};
            for (NDArray p : params) {
                p.setRequiresGradient(true);
            }
            xs = new NDArray[Peers.MLP_BATCHES];
            ys = new NDArray[Peers.MLP_BATCHES];
            long[][] contexts = Peers.mlpBatches(1, 3);
            long[][] targets = Peers.mlpBatches(2, 1);
            for (int i = 0; i < Peers.MLP_BATCHES; i++) {
                xs[i] = manager.create(contexts[i], new Shape(Peers.MLP_BATCH, 3));
                ys[i] = manager.create(targets[i], new Shape(Peers.MLP_BATCH, 1));
            }
            // The step must train: the loss over the first batch falls after 50 steps on it.
            float first = step(this, 0);
            float last = first;
            for (int i = 0; i < 50; i++) {
                last = step(this, 0);
            }
            if (!(last < first)) {
                throw new IllegalStateException("DJL MLP step does not train: loss " + first + " -> " + last);
            }
        }

        /** Frees the model and the batches. */
        @TearDown
        public void tearDown() {
            manager.close();
        }
    }

    /**
     * One training step on batch {@code i}; returns the loss. Everything the step creates (activations,
     * the graph, gradient handles) belongs to a sub-manager closed at the end; the parameters are
     * attached to it only for the step and return to the model's manager on close.
     */
    static float step(Mlp s, int i) {
        try (NDManager step = s.manager.newSubManager()) {
            for (NDArray p : s.params) {
                p.tempAttach(step);
            }
            NDArray c = s.params[0];
            NDArray w1 = s.params[1];
            NDArray b1 = s.params[2];
            NDArray w2 = s.params[3];
            NDArray b2 = s.params[4];
            float loss;
            try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                NDArray emb = c.get(s.xs[i]);                                   // [32, 3, 10]
                NDArray h = emb.reshape(-1, 30).matMul(w1).add(b1).tanh();      // [32, 200]
                NDArray logits = h.matMul(w2).add(b2);                          // [32, 27]
                // Mean cross-entropy: -mean(log_softmax(logits)[row, y[row]]).
                NDArray l = logits.logSoftmax(1).gather(s.ys[i], 1).mean().neg();
                gc.backward(l);
                loss = l.getFloat();
            }
            // SGD, then the gradients back to zero (the step's opt.zero_grad()).
            for (NDArray p : s.params) {
                NDArray g = p.getGradient();
                p.subi(g.mul(Peers.MLP_LR));
                g.subi(g);
            }
            return loss;
        }
    }

    /**
     * Twin of MlpStepBench.step: embedding lookup, view, matmul + bias, tanh, matmul + bias,
     * cross-entropy, backward and the SGD update under a {@code GradientCollector}.
     */
    @Benchmark
    public float mlpStep(Mlp s) {
        int i = s.k;
        s.k = (i + 1) % Peers.MLP_BATCHES;
        return step(s, i);
    }

    /** Two 2x2 arrays. */
    @State(Scope.Benchmark)
    public static class Tiny {
        NDManager manager;
        NDArray a;
        NDArray b;

        /** For JMH. */
        public Tiny() {}

        /** Two 2x2 standard normal float32 arrays. */
        @Setup
        public void setUp() {
            threads(1);
            manager = NDManager.newBaseManager("PyTorch");
            a = manager.randomNormal(new Shape(2, 2), DataType.FLOAT32);
            b = manager.randomNormal(new Shape(2, 2), DataType.FLOAT32);
        }

        /** Frees the arrays. */
        @TearDown
        public void tearDown() {
            manager.close();
        }
    }

    /** Twin of TinyOpBench.add2x2: {@code a.add(b)} on 2x2 arrays (per-call overhead). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void add2x2(Tiny s, Blackhole bh) {
        NDArray r = s.a.add(s.b);
        bh.consume(r);
        r.close();
    }
}
