package dev.jtensor.examples;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.NoGrad;
import dev.jtensor.ops.nn.Conv2d;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Flatten;
import dev.jtensor.ops.nn.Linear;
import dev.jtensor.ops.nn.MaxPool2d;
import dev.jtensor.ops.nn.ReLU;
import dev.jtensor.ops.nn.Sequential;
import dev.jtensor.ops.optim.Adam;
import java.io.PrintStream;

/**
 * A small convolutional network on a synthetic image task: which quadrant of a noisy 8x8 image holds a
 * bright 2x2 blob. Two {@code Conv2d(3x3, padding 1) -> ReLU -> MaxPool2d(2)} stages (8 and 16
 * channels), a flatten and a linear layer to four logits, trained with cross-entropy and Adam. The
 * images come from a seeded generator. The PyTorch twin {@code tensor-examples/src/test/python/cnn_twin.py}
 * builds the same network from the same seed and draws the same images; {@code QuadrantCnnTest} compares
 * the two runs.
 */
public final class QuadrantCnn implements Example {
    /** Image side. */
    public static final int SIZE = 8;
    /** Images per minibatch. */
    public static final int BATCH = 32;
    /** Training steps. */
    public static final int STEPS = 60;
    /** Adam's learning rate. */
    public static final double LR = 3e-3;
    /** Standard deviation of the pixel noise. */
    public static final double NOISE = 0.5;
    /** Seed of the generator drawing the initial parameters ({@code torch.manual_seed} in the twin). */
    public static final long INIT_SEED = 0;
    /** Seed of the generator drawing the training images. */
    public static final long DATA_SEED = 1;
    /** Seed of the generator drawing the held-out images. */
    public static final long TEST_SEED = 2;
    /** Held-out images. */
    public static final int TEST_BATCH = 256;

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String title() {
        return "small CNN on synthetic 8x8 images (which quadrant holds the blob): Conv2d, MaxPool2d, Adam";
    }

    @Override
    public void run(PrintStream out) {
        Sequential net = model(new Generator(INIT_SEED));
        train(net, new Generator(DATA_SEED), STEPS, (step, loss) -> {
            if (step % 20 == 0 || step == STEPS - 1) {
                out.printf("step %d loss %.4f%n", step, loss);
            }
        });
        Tensor[] test = batch(TEST_BATCH, new Generator(TEST_SEED));
        try (var _ = NoGrad.enter()) {
            Tensor logits = net.forward(test[0]);
            out.printf("held-out loss %.4f, accuracy %d/%d%n", F.crossEntropy(logits, test[1]).item(),
                    logits.argmax(1).eq(test[1]).sum().itemLong(), TEST_BATCH);
        }
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
     * The network, its layers drawn from {@code g} in order: {@code Conv2d(1, 8, 3, padding=1), ReLU,
     * MaxPool2d(2), Conv2d(8, 16, 3, padding=1), ReLU, MaxPool2d(2), Flatten, Linear(64, 4)}.
     *
     * @param g the generator
     * @return the network
     */
    public static Sequential model(Generator g) {
        return new Sequential(
                conv(1, 8, g), new ReLU(), new MaxPool2d(2),
                conv(8, 16, g), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(16 * 2 * 2, 4, true, g));
    }

    private static Conv2d conv(long in, long out, Generator g) {
        return new Conv2d(in, out, new long[] {3}, new long[] {1}, new long[] {1}, null, new long[] {1}, 1, true,
                "zeros", g);
    }

    /**
     * A minibatch drawn as the twin draws it: quadrant row and column ({@code randint(0, 2)} each),
     * the blob's offset inside the quadrant ({@code randint(0, 3)} twice), then the noise
     * {@code NOISE * randn(n, 1, 8, 8)}; the blob adds 1 to its four pixels.
     *
     * @param n the number of images
     * @param g the generator
     * @return images float32 {@code [n, 1, 8, 8]} and labels int64 {@code [n]} ({@code 2 * row + column})
     */
    public static Tensor[] batch(int n, Generator g) {
        Tensor qr = Tensor.randint(0, 2, new long[] {n}, g);
        Tensor qc = Tensor.randint(0, 2, new long[] {n}, g);
        Tensor r = Tensor.randint(0, 3, new long[] {n}, g);
        Tensor c = Tensor.randint(0, 3, new long[] {n}, g);
        Tensor noise = Tensor.randn(g, n, 1, SIZE, SIZE).mul(NOISE);
        Tensor top = qr.mul(4L).add(r).view(-1, 1);
        Tensor left = qc.mul(4L).add(c).view(-1, 1);
        Tensor ar = Tensor.arange(SIZE).view(1, -1);
        Tensor inRows = ar.ge(top).logicalAnd(ar.lt(top.add(2L)));
        Tensor inCols = ar.ge(left).logicalAnd(ar.lt(left.add(2L)));
        Tensor blob = inRows.view(n, SIZE, 1).logicalAnd(inCols.view(n, 1, SIZE));
        Tensor x = noise.add(blob.view(n, 1, SIZE, SIZE).float_());
        return new Tensor[] {x, qr.mul(2L).add(qc)};
    }

    /**
     * Trains {@code steps} steps of Adam ({@link #LR}) on fresh minibatches: cross-entropy,
     * {@code zero_grad}, backward, step.
     *
     * @param net the network
     * @param g the image generator
     * @param steps the number of steps
     * @param listener receives each step's loss
     */
    public static void train(Sequential net, Generator g, int steps, StepListener listener) {
        Adam opt = new Adam(net.parameters(), LR);
        for (int step = 0; step < steps; step++) {
            Tensor[] xy = batch(BATCH, g);
            Tensor loss = F.crossEntropy(net.forward(xy[0]), xy[1]);
            opt.zeroGrad(true);
            loss.backward();
            opt.step();
            listener.step(step, loss.item());
        }
    }
}
