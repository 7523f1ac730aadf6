package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.NoGrad;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Sequential;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trains {@link QuadrantCnn} and compares it with its PyTorch twin ({@code src/test/python/cnn_twin.py},
 * whose output is {@code reference/cnn_twin.json}): the step-0 loss to 1e-5, every later minibatch loss
 * and the held-out loss to 1e-4 (measured: at most 2.4e-7 apart over the 60 steps, with 512-bit and with
 * 256-bit vectors), and the held-out accuracy exactly.
 */
class QuadrantCnnTest {
    private static final double STEP0_TOLERANCE = 1e-5;
    private static final double TRAJECTORY_TOLERANCE = 1e-4;

    private static JsonNode twin;
    private static Sequential net;
    private static final double[] LOSSES = new double[QuadrantCnn.STEPS];

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = QuadrantCnnTest.class.getResourceAsStream("/reference/cnn_twin.json")) {
            twin = new ObjectMapper().readTree(in);
        }
        net = QuadrantCnn.model(new Generator(QuadrantCnn.INIT_SEED));
        QuadrantCnn.train(net, new Generator(QuadrantCnn.DATA_SEED), QuadrantCnn.STEPS, (step, loss) -> LOSSES[step] = loss);
    }

    @Test
    void stepZeroLossMatchesTheTwin() {
        assertEquals(QuadrantCnn.STEPS, twin.get("steps").asInt());
        assertEquals(twin.get("losses").get(0).asDouble(), LOSSES[0], STEP0_TOLERANCE, "step 0 loss");
    }

    @Test
    void everyStepFollowsTheTwin() {
        JsonNode losses = twin.get("losses");
        assertEquals(QuadrantCnn.STEPS, losses.size());
        for (int step = 0; step < QuadrantCnn.STEPS; step++) {
            assertEquals(losses.get(step).asDouble(), LOSSES[step], TRAJECTORY_TOLERANCE, "loss at step " + step);
        }
        assertTrue(LOSSES[QuadrantCnn.STEPS - 1] < 0.5 * LOSSES[0], "training should lower the loss: " + LOSSES[0]
                + " -> " + LOSSES[QuadrantCnn.STEPS - 1]);
    }

    @Test
    void heldOutLossAndAccuracyMatchTheTwin() {
        assertEquals(QuadrantCnn.TEST_BATCH, twin.get("test_batch").asInt());
        Tensor[] test = QuadrantCnn.batch(QuadrantCnn.TEST_BATCH, new Generator(QuadrantCnn.TEST_SEED));
        try (var _ = NoGrad.enter()) {
            Tensor logits = net.forward(test[0]);
            assertEquals(twin.get("test_loss").asDouble(), F.crossEntropy(logits, test[1]).item(), TRAJECTORY_TOLERANCE);
            assertEquals(twin.get("test_correct").asLong(), logits.argmax(1).eq(test[1]).sum().itemLong());
        }
    }
}
