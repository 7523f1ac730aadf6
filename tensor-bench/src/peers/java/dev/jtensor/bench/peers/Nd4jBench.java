package dev.jtensor.bench.peers;

import dev.jtensor.bench.BenchConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.ops.NDBase;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The ND4J twins (nd4j-native 1.0.0-M2.1: libnd4j and OpenBLAS for this platform, from their jars) of
 * JTensor's benchmarks, with the same shapes, data types and thread counts; the report pairs each
 * method with the JTensor benchmark named in its javadoc. Every call closes the array it returns
 * (its native buffer is freed there, not by the garbage collector), so that cost is in the timed
 * call; the MLP step's gradients belong to SameDiff and are left to it.
 */
public class Nd4jBench extends BenchConfig {
    /** ND4J's generated op namespace (gather and the like). */
    private static final NDBase BASE = new NDBase();

    /** For JMH. */
    public Nd4jBench() {}

    /**
     * Sets libnd4j's threads and OpenBLAS's threads, and checks that they hold. libnd4j takes its
     * thread ceiling from OMP_NUM_THREADS when it loads and does not raise or lower it afterwards, so
     * the JMH process must be started with OMP_NUM_THREADS=n (report.py does): a trial whose ceiling
     * differs from n fails here instead of measuring another thread count.
     */
    static void threads(int n) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        int ceiling = Nd4j.getEnvironment().maxThreads();
        if (ceiling != n) {
            throw new IllegalStateException("ND4J (libnd4j): asked for " + n + " threads, the library reports "
                    + ceiling + " (OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS")
                    + "); start the benchmark with OMP_NUM_THREADS=" + n);
        }
        Peers.checkThreads("ND4J (libnd4j master threads)", n, Nd4j.getEnvironment().maxMasterThreads());
        Peers.checkThreads("ND4J (OpenBLAS)", n, Nd4j.factory().blas().getMaxThreads());
    }

    /** The [4096, 1024] inputs of the memory-bound benchmarks, on one thread. */
    @State(Scope.Benchmark)
    public static class Rows {
        INDArray a;
        INDArray b;

        /** For JMH. */
        public Rows() {}

        /** a [4096, 1024] and b [1024], standard normal float32. */
        @Setup
        public void setUp() {
            threads(1);
            Nd4j.getRandom().setSeed(0);
            a = Nd4j.randn(DataType.FLOAT, 4096, 1024);
            b = Nd4j.randn(DataType.FLOAT, 1024);
            try (INDArray sum = a.add(b); INDArray sm = Transforms.softmax(a, true); INDArray s = a.sum(true, 1)) {
                Peers.checkShape("ND4J add", sum.shape(), 4096, 1024);
                Peers.checkClose("ND4J add [1, 2]", sum.getFloat(1, 2), a.getFloat(1, 2) + b.getFloat(2), 1e-6);
                Peers.checkShape("ND4J sum", s.shape(), 4096, 1);
                Peers.checkClose("ND4J sum row 3", s.getFloat(3, 0), a.getRow(3).sumNumber().doubleValue(), 1e-3);
                Peers.checkShape("ND4J softmax", sm.shape(), 4096, 1024);
                Peers.checkClose("ND4J softmax row 5 sum", sm.getRow(5).sumNumber().doubleValue(), 1, 1e-4);
            }
        }

        /** Frees the inputs. */
        @TearDown
        public void tearDown() {
            a.close();
            b.close();
        }
    }

    /** Twin of ElementwiseBench.addBroadcast: {@code a.add(b)}, [4096, 1024] + [1024] into a new array. */
    @Benchmark
    public void addBroadcast(Rows s, Blackhole bh) {
        INDArray r = s.a.add(s.b);
        bh.consume(r);
        r.close();
    }

    /** Twin of ReductionBench.sumDim1: {@code x.sum(true, 1)}, [4096, 1024] to [4096, 1]. */
    @Benchmark
    public void sumDim1(Rows s, Blackhole bh) {
        INDArray r = s.a.sum(true, 1);
        bh.consume(r);
        r.close();
    }

    /** Twin of SoftmaxBench.softmaxDim1: {@code Transforms.softmax(x, true)}, over dim 1 of [4096, 1024]. */
    @Benchmark
    public void softmaxDim1(Rows s, Blackhole bh) {
        INDArray r = Transforms.softmax(s.a, true);
        bh.consume(r);
        r.close();
    }

    /** The table and indices of the embedding lookup, on one thread. */
    @State(Scope.Benchmark)
    public static class Embedding {
        INDArray table;
        INDArray idx;

        /** For JMH. */
        public Embedding() {}

        /** A [50000, 256] float32 table and [64, 128] int64 row indices. */
        @Setup
        public void setUp() {
            threads(1);
            Nd4j.getRandom().setSeed(0);
            table = Nd4j.randn(DataType.FLOAT, 50_000, 256);
            long[] rows = Peers.randomIndices(0, 50_000, 64 * 128);
            idx = Nd4j.createFromArray(rows).reshape(64, 128);
            try (INDArray r = BASE.gather(table, idx, 0)) {
                Peers.checkShape("ND4J gather", r.shape(), 64, 128, 256);
                Peers.checkClose("ND4J gather [1, 7, 9]", r.getFloat(1, 7, 9), table.getFloat(rows[128 + 7], 9), 0);
            }
        }

        /** Frees the table. */
        @TearDown
        public void tearDown() {
            table.close();
            idx.close();
        }
    }

    /** Twin of EmbeddingBench.gather: {@code new NDBase().gather(table, idx, 0)}, rows of [50000, 256] by int64 [64, 128]. */
    @Benchmark
    public void gather(Embedding s, Blackhole bh) {
        INDArray r = BASE.gather(s.table, s.idx, 0);
        bh.consume(r);
        r.close();
    }

    /** Square products on 1 or 2 threads. */
    @State(Scope.Benchmark)
    public static class Matmul {
        /** The matrix size: [n, n] @ [n, n]. */
        @Param({"128", "256", "512", "1024", "2048"})
        public int n;

        /** libnd4j's and OpenBLAS's thread count. */
        @Param({"1", "2"})
        public int threads;

        INDArray a;
        INDArray b;

        /** For JMH. */
        public Matmul() {}

        /** Two [n, n] standard normal float32 matrices. */
        @Setup
        public void setUp() {
            threads(threads);
            Nd4j.getRandom().setSeed(0);
            a = Nd4j.randn(DataType.FLOAT, n, n);
            b = Nd4j.randn(DataType.FLOAT, n, n);
            try (INDArray c = a.mmul(b)) {
                Peers.checkShape("ND4J matmul", c.shape(), n, n);
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += (double) a.getFloat(1, k) * b.getFloat(k, 2);
                }
                Peers.checkClose("ND4J matmul [1, 2]", c.getFloat(1, 2), dot, 1e-3 * Math.sqrt(n));
            }
        }

        /** Frees the matrices. */
        @TearDown
        public void tearDown() {
            a.close();
            b.close();
        }
    }

    /** Twin of MatmulBench.matmul: {@code a.mmul(b)} (OpenBLAS sgemm) into a new [n, n]. */
    @Benchmark
    public void matmul(Matmul s, Blackhole bh) {
        INDArray r = s.a.mmul(s.b);
        bh.consume(r);
        r.close();
    }

    /** The makemore MLP of MlpStepBench as a SameDiff graph, and its batches. */
    @State(Scope.Benchmark)
    public static class Mlp {
        static final String[] PARAMS = {"C", "W1", "b1", "W2", "b2"};

        SameDiff sd;
        INDArray[] xs;
        INDArray[] ys;
        int k;

        /** For JMH. */
        public Mlp() {}

        /** C [27, 10], W1 [30, 200], b1 [200], W2 [200, 27], b2 [27] (standard normal) and 64 batches. */
        @Setup
        public void setUp() {
            threads(1);
            Nd4j.getRandom().setSeed(2147483647L);
            sd = SameDiff.create();
            SDVariable x = sd.placeHolder("x", DataType.INT64, Peers.MLP_BATCH, 3);
            SDVariable y = sd.placeHolder("y", DataType.INT64, Peers.MLP_BATCH);
            SDVariable c = sd.var("C", Nd4j.randn(DataType.FLOAT, 27, 10));
            SDVariable w1 = sd.var("W1", Nd4j.randn(DataType.FLOAT, 30, 200));
            SDVariable b1 = sd.var("b1", Nd4j.randn(DataType.FLOAT, 200));
            SDVariable w2 = sd.var("W2", Nd4j.randn(DataType.FLOAT, 200, 27));
            SDVariable b2 = sd.var("b2", Nd4j.randn(DataType.FLOAT, 27));
            SDVariable emb = sd.gather(c, x, 0);                                  // [32, 3, 10]
            SDVariable h = sd.math().tanh(emb.reshape(Peers.MLP_BATCH, 30).mmul(w1).add(b1));
            SDVariable logits = h.mmul(w2).add(b2);                                // [32, 27]
            SDVariable loss = sd.mean("loss", sd.loss().sparseSoftmaxCrossEntropy(logits, y));
            sd.setLossVariables(loss);
            xs = new INDArray[Peers.MLP_BATCHES];
            ys = new INDArray[Peers.MLP_BATCHES];
            long[][] contexts = Peers.mlpBatches(1, 3);
            long[][] targets = Peers.mlpBatches(2, 1);
            for (int i = 0; i < Peers.MLP_BATCHES; i++) {
                xs[i] = Nd4j.createFromArray(contexts[i]).reshape(Peers.MLP_BATCH, 3);
                ys[i] = Nd4j.createFromArray(targets[i]);
            }
            // The step must train: the loss over the first batch falls after 50 steps on it.
            double first = loss(this, 0);
            for (int i = 0; i < 50; i++) {
                step(this, 0);
            }
            double last = loss(this, 0);
            if (!(last < first)) {
                throw new IllegalStateException("ND4J MLP step does not train: loss " + first + " -> " + last);
            }
        }

        /** Frees the batches. */
        @TearDown
        public void tearDown() {
            for (int i = 0; i < Peers.MLP_BATCHES; i++) {
                xs[i].close();
                ys[i].close();
            }
        }
    }

    private static Map<String, INDArray> batch(Mlp s, int i) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", s.xs[i]);
        ph.put("y", s.ys[i]);
        return ph;
    }

    private static double loss(Mlp s, int i) {
        return s.sd.output(batch(s, i), "loss").get("loss").getDouble(0);
    }

    /** One training step on batch {@code i}: the gradients of the mean loss, then SGD in place. */
    static Map<String, INDArray> step(Mlp s, int i) {
        Map<String, INDArray> grads = s.sd.calculateGradients(batch(s, i), Mlp.PARAMS);
        for (String p : Mlp.PARAMS) {
            s.sd.getVariable(p).getArr().subi(grads.get(p).muli(Peers.MLP_LR));
        }
        return grads;
    }

    /**
     * Twin of MlpStepBench.step: the same model as a SameDiff graph (gather, reshape, mmul + bias,
     * tanh, mmul + bias, sparse softmax cross-entropy, mean), {@code calculateGradients} for the five
     * parameters, and the SGD update in place.
     */
    @Benchmark
    public Object mlpStep(Mlp s) {
        int i = s.k;
        s.k = (i + 1) % Peers.MLP_BATCHES;
        return step(s, i);
    }

    /** Two 2x2 arrays. */
    @State(Scope.Benchmark)
    public static class Tiny {
        INDArray a;
        INDArray b;

        /** For JMH. */
        public Tiny() {}

        /** Two 2x2 standard normal float32 arrays. */
        @Setup
        public void setUp() {
            threads(1);
            a = Nd4j.randn(DataType.FLOAT, 2, 2);
            b = Nd4j.randn(DataType.FLOAT, 2, 2);
        }
    }

    /** Twin of TinyOpBench.add2x2: {@code a.add(b)} on 2x2 arrays (per-call overhead). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void add2x2(Tiny s, Blackhole bh) {
        INDArray r = s.a.add(s.b);
        bh.consume(r);
        r.close();
    }
}
