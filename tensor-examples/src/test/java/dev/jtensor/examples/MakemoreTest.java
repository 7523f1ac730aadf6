package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Generator;
import dev.jtensor.core.TorchVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trains the makemore MLP for 2000 steps from PyTorch's seed and compares with PyTorch's trajectory
 * ({@code reference/makemore_mlp.json}): minibatch losses at steps 0-19 within 1e-4 relative, every
 * 100th step within 1e-2, the full-data loss after training within 1e-3, and the ten sampled names.
 */
class MakemoreTest {
    private static JsonNode reference;
    private static Makemore.Dataset data;
    private static Makemore.Mlp model;
    private static final double[] LOSSES = new double[Makemore.STEPS];

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = MakemoreTest.class.getResourceAsStream("/reference/makemore_mlp.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        data = Makemore.Dataset.load();
        Generator g = new Generator(Makemore.TRAIN_SEED);
        model = new Makemore.Mlp(g);
        long t0 = System.nanoTime();
        Makemore.train(model, data, g, Makemore.STEPS, (step, loss) -> LOSSES[step] = loss);
        long nanos = System.nanoTime() - t0;
        // Reported, not asserted: timings are for benchmarks.
        System.out.printf("makemore: %d steps in %.0f ms (%.3f ms per step)%n", Makemore.STEPS, nanos / 1e6,
                nanos / 1e6 / Makemore.STEPS);
    }

    private static void assertRelative(double expected, double actual, double rtol, String what) {
        assertTrue(Math.abs(actual - expected) <= rtol * Math.abs(expected),
                what + ": expected " + expected + " but got " + actual + " (relative tolerance " + rtol + ")");
    }

    @Test
    void datasetMatchesTheReference() {
        assertEquals(reference.get("num_examples").longValue(), data.x().size(0));
        assertEquals(data.x().size(0), data.y().size(0));
    }

    @Test
    void minibatchLossesFollowPyTorch() {
        JsonNode losses = reference.get("loss_at_step");
        int checked = 0;
        for (var it = losses.fields(); it.hasNext(); ) {
            var e = it.next();
            int step = Integer.parseInt(e.getKey());
            double rtol = step < 20 ? 1e-4 : 1e-2;
            assertRelative(e.getValue().doubleValue(), LOSSES[step], rtol, "loss at step " + step);
            checked++;
        }
        assertEquals(20 + 19 + 1, checked, "steps 0-19, 100 to 1900 by 100, and 1999");
    }

    @Test
    void fullDataLossAfterTrainingFollowsPyTorch() {
        assertRelative(reference.get("full_loss_after").doubleValue(), Makemore.fullLoss(model, data), 1e-3,
                "full-data loss");
    }

    @Test
    void sampledNamesArePyTorchs() {
        // PyTorch 1.13 (the reference's version) draws one sample with replacement by the cumulative search.
        Generator g = new Generator(Makemore.SAMPLE_SEED).setTorchVersion(TorchVersion.V1_13);
        List<String> expected = new ArrayList<>();
        reference.get("samples").forEach(n -> expected.add(n.textValue()));
        assertEquals(expected, Makemore.sample(model, g, expected.size()));
    }
}
