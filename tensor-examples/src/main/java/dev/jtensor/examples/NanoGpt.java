package dev.jtensor.examples;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.NoGrad;
import dev.jtensor.ops.nn.ClipGrad;
import dev.jtensor.ops.nn.Embedding;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.LayerNorm;
import dev.jtensor.ops.nn.Linear;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.nn.ModuleList;
import dev.jtensor.ops.optim.Adam;
import dev.jtensor.ops.optim.CosineAnnealingLR;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small character-level GPT on {@code names.txt}: token and position embeddings, two pre-norm blocks
 * of four-head causal self-attention (written out: query, key and value projections, a lower-triangular
 * mask, softmax, output projection) and a GELU MLP, a final layer norm and a linear head, trained with
 * AdamW, a cosine learning-rate schedule and gradient-norm clipping. The checkpoint goes to a
 * safetensors file and back into a freshly built model, which then samples names. The PyTorch twin
 * {@code tensor-examples/src/test/python/nanogpt_twin.py} builds the same model from the same seed in
 * the same order and draws the same minibatches; {@code NanoGptTest} compares the two runs.
 */
public final class NanoGpt implements Example {
    /** The vocabulary: {@code '.'} (index 0, between names) and {@code a..z}. */
    public static final int VOCAB = 27;
    /** Embedding width. */
    public static final int N_EMBD = 32;
    /** Attention heads per block. */
    public static final int N_HEAD = 4;
    /** Context length. */
    public static final int BLOCK = 8;
    /** Transformer blocks. */
    public static final int N_LAYER = 2;
    /** Sequences per minibatch. */
    public static final int BATCH = 32;
    /** Training steps. */
    public static final int STEPS = 300;
    /** AdamW's initial learning rate, annealed to 0 along a half cosine over {@link #STEPS}. */
    public static final double LR = 1e-2;
    /** AdamW's decoupled weight decay (PyTorch's default). */
    public static final double WEIGHT_DECAY = 0.01;
    /** The largest gradient norm. */
    public static final double CLIP = 1.0;
    /** Seed of the generator drawing the initial parameters ({@code torch.manual_seed} in the twin). */
    public static final long INIT_SEED = 1337;
    /** Seed of the generator drawing the minibatches. */
    public static final long BATCH_SEED = 42;
    /** Seed of the generator drawing the evaluation batch. */
    public static final long EVAL_SEED = 7;
    /** Seed of the generator drawing the samples. */
    public static final long SAMPLE_SEED = 2147483647L;
    /** Sequences in the evaluation batch. */
    public static final int EVAL_BATCH = 256;

    @Override
    public String name() {
        return "nanogpt";
    }

    @Override
    public String title() {
        return "character-level GPT on names.txt: causal self-attention, AdamW, cosine LR, safetensors checkpoint";
    }

    @Override
    public void run(PrintStream out) {
        Tensor data = stream();
        Gpt model = new Gpt(new Generator(INIT_SEED));
        long params = 0;
        for (Tensor p : model.parameters()) {
            params += p.numel();
        }
        out.println("parameters " + params + ", tokens " + data.numel());
        train(model, data, new Generator(BATCH_SEED), STEPS, (step, loss) -> {
            if (step % 100 == 0 || step == STEPS - 1) {
                out.printf("step %d loss %.4f%n", step, loss);
            }
        });
        Tensor[] eval = batch(data, EVAL_BATCH, new Generator(EVAL_SEED));
        double trained = loss(model, eval[0], eval[1]);
        Gpt reloaded = new Gpt(new Generator(0));
        try {
            Path file = Files.createTempFile("nanogpt", ".safetensors");
            try {
                model.save(file);
                reloaded.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("eval loss %.4f, after a safetensors round trip into a fresh model %.4f%n", trained,
                loss(reloaded, eval[0], eval[1]));
        out.println("samples: " + String.join(", ", sample(reloaded, sampleGenerator(), 5)));
    }

    /** Receives each step's minibatch loss (before that step's update). */
    @FunctionalInterface
    public interface StepListener {
        /**
         * Called once per step.
         *
         * @param step the step, from 0
         * @param loss the minibatch loss
         */
        void step(int step, double loss);
    }

    /**
     * The names as one int64 stream of character indices: {@code "." + ".".join(words) + "."}.
     *
     * @return the stream
     */
    public static Tensor stream() {
        List<String> words = Makemore.Dataset.readNames();
        int total = 1;
        for (String w : words) {
            total += w.length() + 1;
        }
        long[] ids = new long[total];
        int at = 1;
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                ids[at++] = w.charAt(i) - 'a' + 1;
            }
            at++;
        }
        return Tensor.fromArray(ids);
    }

    /**
     * A minibatch as the twin draws it: {@code ix = torch.randint(0, len(data) - BLOCK, (n,), generator=g)},
     * inputs {@code data[ix[:, None] + arange(BLOCK)]} and targets one character later.
     *
     * @param data the stream
     * @param n the number of sequences
     * @param g the generator
     * @return inputs and targets, int64 {@code [n, BLOCK]}
     */
    public static Tensor[] batch(Tensor data, int n, Generator g) {
        Tensor ix = Tensor.randint(0, data.numel() - BLOCK, new long[] {n}, g);
        Tensor pos = ix.view(-1, 1).add(Tensor.arange(BLOCK));
        Tensor x = data.indexSelect(0, pos.flatten()).view(n, BLOCK);
        Tensor y = data.indexSelect(0, pos.add(1L).flatten()).view(n, BLOCK);
        return new Tensor[] {x, y};
    }

    /**
     * Trains {@code steps} steps of AdamW ({@link #LR}, {@link #WEIGHT_DECAY}) under a cosine schedule
     * over {@link #STEPS}: minibatch, cross-entropy, {@code zero_grad}, backward,
     * {@code clip_grad_norm_(params, CLIP)}, optimizer step, scheduler step.
     *
     * @param model the model
     * @param data the stream
     * @param g the minibatch generator
     * @param steps the number of steps
     * @param listener receives each step's loss
     */
    public static void train(Gpt model, Tensor data, Generator g, int steps, StepListener listener) {
        List<Tensor> params = model.parameters();
        Adam opt = Adam.adamW(params, LR, 0.9, 0.999, 1e-8, WEIGHT_DECAY, false);
        CosineAnnealingLR schedule = new CosineAnnealingLR(opt, STEPS, 0);
        for (int step = 0; step < steps; step++) {
            Tensor[] xy = batch(data, BATCH, g);
            Tensor loss = lossTensor(model, xy[0], xy[1]);
            opt.zeroGrad(true);
            loss.backward();
            ClipGrad.clipGradNorm_(params, CLIP);
            opt.step();
            schedule.step();
            listener.step(step, loss.item());
        }
    }

    /**
     * The mean cross-entropy of the next-character predictions, without recording.
     *
     * @param model the model
     * @param x the inputs, int64 {@code [B, T]}
     * @param y the targets, int64 {@code [B, T]}
     * @return the loss
     */
    public static double loss(Gpt model, Tensor x, Tensor y) {
        try (var _ = NoGrad.enter()) {
            return lossTensor(model, x, y).item();
        }
    }

    private static Tensor lossTensor(Gpt model, Tensor x, Tensor y) {
        return F.crossEntropy(model.forward(x).view(-1, VOCAB), y.view(-1));
    }

    /**
     * The generator of the samples. It keeps the default {@code TorchVersion.V2} draw: the twin's
     * PyTorch (Debian's 1.13.0a0) draws one multinomial sample with the exponential race, as V2 does,
     * not with the cumulative search that {@code TorchVersion.V1_13} reproduces (measured: ten draws
     * from {@code [0.1, 0.2, 0.3, 0.4]} with seed 2147483647 agree with V2 only).
     *
     * @return the generator
     */
    public static Generator sampleGenerator() {
        return new Generator(SAMPLE_SEED);
    }

    /**
     * Draws {@code count} names: from the context {@code "."}, repeatedly sample the next character from
     * the softmax of the last position's logits (context cropped to {@link #BLOCK}) until a dot or 20
     * characters.
     *
     * @param model the model
     * @param g the generator
     * @param count how many names
     * @return the names
     */
    public static List<String> sample(Gpt model, Generator g, int count) {
        List<String> names = new ArrayList<>();
        try (var _ = NoGrad.enter()) {
            for (int k = 0; k < count; k++) {
                List<Long> context = new ArrayList<>(List.of(0L));
                StringBuilder name = new StringBuilder();
                while (name.length() < 20) {
                    List<Long> window = context.subList(Math.max(0, context.size() - BLOCK), context.size());
                    long[] ids = window.stream().mapToLong(Long::longValue).toArray();
                    Tensor logits = model.forward(Tensor.fromArray(ids, 1, ids.length));
                    Tensor probs = F.softmax(logits.select(0, 0).select(0, ids.length - 1), -1);
                    long ix = probs.multinomial(1, true, g).itemLong();
                    if (ix == 0) {
                        break;
                    }
                    context.add(ix);
                    name.append((char) ('a' + ix - 1));
                }
                names.add(name.toString());
            }
        }
        return names;
    }

    /** Multi-head causal self-attention with separate query, key and value projections (no bias) and an output projection. */
    public static final class SelfAttention extends Module {
        private final Linear query;
        private final Linear key;
        private final Linear value;
        private final Linear proj;

        /**
         * Draws the projections from {@code g} in the order query, key, value, proj.
         *
         * @param g the generator
         */
        public SelfAttention(Generator g) {
            query = registerModule("query", new Linear(N_EMBD, N_EMBD, false, g));
            key = registerModule("key", new Linear(N_EMBD, N_EMBD, false, g));
            value = registerModule("value", new Linear(N_EMBD, N_EMBD, false, g));
            proj = registerModule("proj", new Linear(N_EMBD, N_EMBD, true, g));
        }

        /**
         * {@code softmax(q k^T / sqrt(hs) masked to the past) v}, heads concatenated, projected.
         *
         * @param x {@code [B, T, C]}
         * @return {@code [B, T, C]}
         */
        @Override
        public Tensor forward(Tensor x) {
            long b = x.size(0);
            long t = x.size(1);
            long c = x.size(2);
            long hs = c / N_HEAD;
            Tensor q = query.forward(x).view(b, t, N_HEAD, hs).transpose(1, 2);
            Tensor k = key.forward(x).view(b, t, N_HEAD, hs).transpose(1, 2);
            Tensor v = value.forward(x).view(b, t, N_HEAD, hs).transpose(1, 2);
            Tensor att = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.sqrt(hs));
            Tensor future = Tensor.ones(t, t).tril().eq(0L);
            att = F.softmax(att.maskedFill(future, Double.NEGATIVE_INFINITY), -1);
            Tensor y = att.matmul(v).transpose(1, 2).contiguous().view(b, t, c);
            return proj.forward(y);
        }
    }

    /** The feed-forward part of a block: {@code Linear(C, 4C)}, exact GELU, {@code Linear(4C, C)}. */
    public static final class Mlp extends Module {
        private final Linear fc;
        private final Linear out;

        /**
         * Draws the two layers from {@code g}.
         *
         * @param g the generator
         */
        public Mlp(Generator g) {
            fc = registerModule("fc", new Linear(N_EMBD, 4 * N_EMBD, true, g));
            out = registerModule("out", new Linear(4 * N_EMBD, N_EMBD, true, g));
        }

        @Override
        public Tensor forward(Tensor x) {
            return out.forward(F.gelu(fc.forward(x)));
        }
    }

    /** A pre-norm transformer block: {@code x + attn(ln1(x))}, then {@code x + mlp(ln2(x))}. */
    public static final class Block extends Module {
        private final LayerNorm ln1;
        private final SelfAttention attn;
        private final LayerNorm ln2;
        private final Mlp mlp;

        /**
         * Builds the block, drawing its layers from {@code g}.
         *
         * @param g the generator
         */
        public Block(Generator g) {
            ln1 = registerModule("ln1", new LayerNorm(N_EMBD));
            attn = registerModule("attn", new SelfAttention(g));
            ln2 = registerModule("ln2", new LayerNorm(N_EMBD));
            mlp = registerModule("mlp", new Mlp(g));
        }

        @Override
        public Tensor forward(Tensor x) {
            x = x.add(attn.forward(ln1.forward(x)));
            return x.add(mlp.forward(ln2.forward(x)));
        }
    }

    /**
     * The model, with PyTorch's parameter names ({@code tok_emb.weight}, {@code blocks.0.attn.query.weight},
     * ..., {@code head.bias}) so that its safetensors checkpoint has the twin's keys.
     */
    public static final class Gpt extends Module {
        private final Embedding tokEmb;
        private final Embedding posEmb;
        private final ModuleList blocks;
        private final LayerNorm lnF;
        private final Linear head;

        /**
         * Draws every parameter from {@code g}, in the twin's construction order.
         *
         * @param g the generator
         */
        public Gpt(Generator g) {
            tokEmb = registerModule("tok_emb", new Embedding(VOCAB, N_EMBD, null, g));
            posEmb = registerModule("pos_emb", new Embedding(BLOCK, N_EMBD, null, g));
            ModuleList list = new ModuleList();
            for (int i = 0; i < N_LAYER; i++) {
                list.append(new Block(g));
            }
            blocks = registerModule("blocks", list);
            lnF = registerModule("ln_f", new LayerNorm(N_EMBD));
            head = registerModule("head", new Linear(N_EMBD, VOCAB, true, g));
        }

        /**
         * Next-character logits.
         *
         * @param idx int64 character indices {@code [B, T]}, {@code T <= BLOCK}
         * @return logits {@code [B, T, VOCAB]}
         */
        @Override
        public Tensor forward(Tensor idx) {
            Tensor x = tokEmb.forward(idx).add(posEmb.forward(Tensor.arange(idx.size(1))));
            for (Module b : blocks.modules()) {
                x = b.forward(x);
            }
            return head.forward(lnF.forward(x));
        }
    }
}
