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
}
