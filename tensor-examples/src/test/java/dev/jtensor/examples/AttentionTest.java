package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Tensor;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One masked self-attention head against PyTorch 1.13's values (reference/attention_head.json). */
class AttentionTest {
    private static JsonNode ref;
    private static Attention.Head head;

    @BeforeAll
    static void run() throws IOException {
        try (InputStream in = AttentionTest.class.getResourceAsStream("/reference/attention_head.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        head = new Attention().head();
    }

    private static void assertClose(String key, float[] actual, double rtol, double atol) {
        JsonNode expected = ref.get(key);
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, actual[i], atol + rtol * Math.abs(e), key + "[" + i + "]");
        }
    }

    private static float[] first(Tensor t, int n) {
        float[] all = t.contiguous().toFloatArray();
        return java.util.Arrays.copyOf(all, n);
    }

    @Test
    void inputsWeightsAndOutputsMatchPyTorch() {
        assertClose("x_first8", first(head.x(), 8), 0, 1e-7);
        assertClose("wei_batch0", head.wei().index(0).contiguous().toFloatArray(), 1e-5, 1e-6);
        long[] shape = new long[ref.get("out_shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ref.get("out_shape").get(i).asLong();
        }
        assertArrayEquals(shape, head.out().shape());
        assertClose("out_first16", first(head.out(), 16), 1e-5, 1e-6);
        assertEquals(ref.get("out_sum").asDouble(), head.out().sum().item(), 1e-4);
        assertEquals(ref.get("loss").asDouble(), head.loss().item(), 1e-6);
    }

    @Test
    void gradientsOfTheThreeProjectionsMatchPyTorch() {
        assertClose("grad_key_weight_first8", first(head.key().weight().grad(), 8), 1e-4, 1e-7);
        assertClose("grad_query_weight_first8", first(head.query().weight().grad(), 8), 1e-4, 1e-7);
        assertClose("grad_value_weight_first8", first(head.value().weight().grad(), 8), 1e-4, 1e-7);
    }

    @Test
    void theMaskLetsTheFirstTokenSeeOnlyItselfAndRowsSumToOne() {
        float[] wei = head.wei().index(0).contiguous().toFloatArray();
        for (int t = 0; t < 8; t++) {
            double sum = 0;
            for (int s = 0; s < 8; s++) {
                if (s > t) {
                    assertEquals(0f, wei[t * 8 + s], "token " + t + " attends to the future token " + s);
                }
                sum += wei[t * 8 + s];
            }
            assertEquals(1.0, sum, 1e-6, "row " + t);
        }
        String out = ExampleOutput.of(new Attention());
        assertPrintsInOrder(out, "tensor([[1.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000],\n"
                + "        [0.3966, 0.6034, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000],\n",
                "torch.Size([4, 8, 16])\n");
    }

    /** v2's scores against v1..v3 are 3 numbers, and v2 weighted by their softmax stays (1, 50), as the post states. */
    @Test
    void y2KeepsTheShapeOfV2() {
        assertPrintsInOrder(ExampleOutput.of(new Attention()), "torch.Size([1, 3]) torch.Size([1, 50])\n");
    }

    /** A (1, 50) vector times a (50, 50) matrix is (1, 50), as the post states. */
    @Test
    void aQueryMatrixKeepsTheShape() {
        assertPrintsInOrder(ExampleOutput.of(new Attention()), "torch.Size([1, 50])\ntorch.Size([1, 50])\n");
    }

    /** The (2, 2, 2) vector's magnitude divided by sqrt(3) is 2, as the post states. */
    @Test
    void scaledMagnitudeOfTwoTwoTwoIsTwo() {
        assertPrintsInOrder(ExampleOutput.of(new Attention()), "tensor(3.4641)\ntensor(2.)\n");
    }
}
