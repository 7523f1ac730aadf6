package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DotProductBias trained with Adam against PyTorch 1.13's losses (reference/dotproductbias.json). */
class CollaborativeFilteringTest {
    private static JsonNode ref;
    private static CollaborativeFiltering.Ratings data;
    private static final List<Double> losses = new ArrayList<>();

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = CollaborativeFilteringTest.class.getResourceAsStream("/reference/dotproductbias.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        CollaborativeFiltering example = new CollaborativeFiltering();
        data = example.ratings();
        example.train(data, CollaborativeFiltering.STEPS, losses);
    }

    @Test
    void syntheticRatingsMatchPyTorch() {
        float[] ratings = data.ratings().toFloatArray();
        JsonNode expected = ref.get("ratings_first8");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).asDouble(), ratings[i], 1e-6, "rating " + i);
        }
    }

    @Test
    void gradientsFlowBackThroughTheIndexIntoEveryUsersRow() {
        CollaborativeFiltering example = new CollaborativeFiltering();
        // One step: the parameters' gradients are then those of step 0 (the update does not clear them).
        CollaborativeFiltering.DotProductBias model = example.train(example.ratings(), 1, new ArrayList<>());
        Tensor grad = model.parameter("user_factors").grad();
        JsonNode expected = ref.get("step0_grads");
        // PyTorch's user_factors.grad.abs().sum(): every user's row gets the scatter-added gradients of its ratings.
        assertEquals(expected.get("user_factors_grad_row_sum_abs").asDouble(), grad.abs().sum().item(), 1e-6);
        long untouched = grad.abs().sum(1).eq(0).sum().itemLong();
        assertEquals(expected.get("untouched_user_rows").asLong(), untouched);
    }

    @Test
    void lossesMatchPyTorchAtTheListedSteps() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : ref.get("loss_at_step").properties()) {
            int step = Integer.parseInt(e.getKey());
            double expected = e.getValue().asDouble();
            double rtol = step < 10 ? 1e-4 : 1e-3;
            assertTrue(step < losses.size(), "no loss recorded at step " + step);
            assertEquals(expected, losses.get(step), rtol * Math.abs(expected), "loss at step " + step);
            checked++;
        }
        assertEquals(16, checked);
    }
}
