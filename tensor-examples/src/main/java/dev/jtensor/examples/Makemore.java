package dev.jtensor.examples;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TorchVersion;
import dev.jtensor.ops.NoGrad;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Module;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The makemore-style MLP (Bengio et al. 2003, as in Karpathy's "makemore" part 2) trained on
 * {@code names.txt}: three characters of context, each embedded in 10 dimensions, a 200-unit tanh
 * hidden layer and 27 output logits, trained with minibatch SGD and cross-entropy. The calls follow
 * the PyTorch notebook one for one, so that with the same seed the Java run reproduces its losses.
 * The posts only cite this model (Gymnastics #3 and #4 build its first layer); they publish none of
 * its values, so every number printed here is the example's own, checked against PyTorch 1.13 by the
 * tests.
 */
public final class Makemore implements Example {
    /** Characters of context. */
    public static final int BLOCK_SIZE = 3;
    /** The vocabulary: {@code '.'} (index 0, start and end of a name) and {@code a..z}. */
    public static final int VOCAB = 27;
    /** The seed of the generator that draws the parameters and the minibatches. */
    public static final long TRAIN_SEED = 2147483647L;
    /** The seed of the generator that draws the samples. */
    public static final long SAMPLE_SEED = 2147483647L + 10;
    /** Training steps. */
    public static final int STEPS = 2000;
    /** Examples per minibatch. */
    public static final int BATCH = 32;

    @Override
    public String name() {
        return "makemore";
    }

    @Override
    public String title() {
        return "makemore MLP on names.txt: embeddings, tanh layer, cross-entropy, SGD, sampling";
    }

    @Override
    public void run(PrintStream out) {
        Dataset data = Dataset.load();
        Generator g = new Generator(TRAIN_SEED);
        Mlp model = new Mlp(g);
        train(model, data, g, STEPS, (step, loss) -> {
            if (step % 100 == 0 || step == STEPS - 1) {
                out.println("step " + step + " loss " + loss);
            }
        });
        out.println("full_loss " + fullLoss(model, data));
        // The notebook ran PyTorch 1.13, which draws one sample with replacement by the cumulative search.
        for (String name : sample(model, new Generator(SAMPLE_SEED).setTorchVersion(TorchVersion.V1_13), 10)) {
            out.println(name);
        }
    }

    /** The learning rate of step {@code step}: 0.1, then 0.01 from step 1000. */
    public static double learningRate(int step) {
        return step < 1000 ? 0.1 : 0.01;
    }

    /** Receives each step's minibatch loss (before that step's update). */
    @FunctionalInterface
    public interface StepListener {
        /** Called once per step. */
        void step(int step, double loss);
    }

    /**
     * Trains {@code steps} steps: each draws a minibatch with {@code torch.randint(0, N, (32,),
     * generator=g)}, computes the cross-entropy, back-propagates and updates every parameter with
     * {@code p.data += -lr * p.grad}.
     */
    public static void train(Mlp model, Dataset data, Generator g, int steps, StepListener listener) {
        List<Tensor> params = model.parameters();
        long n = data.x().size(0);
        for (int i = 0; i < steps; i++) {
            Tensor ix = Tensor.randint(0, n, new long[] {BATCH}, g);
            Tensor logits = model.forward(data.x().indexSelect(0, ix));
            Tensor loss = F.crossEntropy(logits, data.y().indexSelect(0, ix));
            model.zeroGrad();
            loss.backward();
            double lr = learningRate(i);
            try (var _ = NoGrad.enter()) {
                for (Tensor p : params) {
                    p.add_(p.grad().mul(-lr));
                }
            }
            listener.step(i, loss.item());
        }
    }

    /** The cross-entropy over every example, one forward pass without recording. */
    public static double fullLoss(Mlp model, Dataset data) {
        try (var _ = NoGrad.enter()) {
            return F.crossEntropy(model.forward(data.x()), data.y()).item();
        }
    }

    /**
     * Draws {@code count} names: from a context of dots, repeatedly sample the next character with
     * {@code torch.multinomial(softmax(logits), 1, generator=g)} until the end dot (not included).
     */
    public static List<String> sample(Mlp model, Generator g, int count) {
        List<String> names = new ArrayList<>();
        try (var _ = NoGrad.enter()) {
            for (int k = 0; k < count; k++) {
                long[] context = new long[BLOCK_SIZE];
                StringBuilder sb = new StringBuilder();
                while (true) {
                    Tensor probs = F.softmax(model.forward(Tensor.fromArray(context, 1, BLOCK_SIZE)), 1);
                    int ix = (int) probs.multinomial(1, true, g).itemLong();
                    System.arraycopy(context, 1, context, 0, BLOCK_SIZE - 1);
                    context[BLOCK_SIZE - 1] = ix;
                    if (ix == 0) {
                        break;
                    }
                    sb.append((char) ('a' + ix - 1));
                }
                names.add(sb.toString());
            }
        }
        return names;
    }

    /**
     * The model: {@code C (27, 10)}, {@code W1 (30, 200)}, {@code b1 (200)}, {@code W2 (200, 27)},
     * {@code b2 (27)}, drawn in that order with {@code torch.randn} from the given generator.
     */
    public static final class Mlp extends Module {
        /** Draws the parameters from {@code g}. */
        public Mlp(Generator g) {
            registerParameter("C", Tensor.randn(new long[] {VOCAB, 10}, DType.FLOAT32, g));
            registerParameter("W1", Tensor.randn(new long[] {BLOCK_SIZE * 10, 200}, DType.FLOAT32, g));
            registerParameter("b1", Tensor.randn(new long[] {200}, DType.FLOAT32, g));
            registerParameter("W2", Tensor.randn(new long[] {200, VOCAB}, DType.FLOAT32, g));
            registerParameter("b2", Tensor.randn(new long[] {VOCAB}, DType.FLOAT32, g));
        }

        /** Logits {@code [B, 27]} for int64 contexts {@code [B, 3]}: {@code tanh(C[x].view(-1, 30) @ W1 + b1) @ W2 + b2}. */
        @Override
        public Tensor forward(Tensor x) {
            Tensor emb = F.embedding(x, parameter("C"));
            Tensor h = emb.view(-1, BLOCK_SIZE * 10).matmul(parameter("W1")).add(parameter("b1")).tanh();
            return h.matmul(parameter("W2")).add(parameter("b2"));
        }
    }

    /**
     * Every (context, next character) pair of {@code names.txt}, names in file order: {@code x} int64
     * {@code [N, 3]}, {@code y} int64 {@code [N]}.
     */
    public record Dataset(Tensor x, Tensor y, List<String> words) {
        /** Builds the dataset from the bundled {@code data/names.txt}. */
        public static Dataset load() {
            List<String> words = readNames();
            TreeSet<Character> chars = new TreeSet<>();
            for (String w : words) {
                for (char c : w.toCharArray()) {
                    chars.add(c);
                }
            }
            if (chars.size() != VOCAB - 1 || chars.first() != 'a' || chars.last() != 'z') {
                throw new IllegalStateException("names.txt should use exactly the letters a-z, found " + chars);
            }
            int total = 0;
            for (String w : words) {
                total += w.length() + 1;
            }
            long[] xs = new long[total * BLOCK_SIZE];
            long[] ys = new long[total];
            int row = 0;
            for (String w : words) {
                long[] context = new long[BLOCK_SIZE];
                for (int i = 0; i <= w.length(); i++) {
                    int ix = i < w.length() ? w.charAt(i) - 'a' + 1 : 0;
                    System.arraycopy(context, 0, xs, row * BLOCK_SIZE, BLOCK_SIZE);
                    ys[row++] = ix;
                    System.arraycopy(context, 1, context, 0, BLOCK_SIZE - 1);
                    context[BLOCK_SIZE - 1] = ix;
                }
            }
            return new Dataset(Tensor.fromArray(xs, total, BLOCK_SIZE), Tensor.fromArray(ys), List.copyOf(words));
        }

        static List<String> readNames() {
            try (InputStream in = Makemore.class.getResourceAsStream("/data/names.txt")) {
                if (in == null) {
                    throw new IllegalStateException("data/names.txt is missing from the class path");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> words = new ArrayList<>();
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        words.add(line.strip());
                    }
                }
                return words;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
