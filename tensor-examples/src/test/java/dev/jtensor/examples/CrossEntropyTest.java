package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gymnastics #4: the values the post gives, as published. */
class CrossEntropyTest {
    private static String out;

    @BeforeAll
    static void run() {
        out = ExampleOutput.of(new CrossEntropy());
    }

    /** The figure's vector: after the context 7, 16, 18 the logit for token 1 is about 0.55, as published. */
    @Test
    void logitForToken1AfterTheContext7_16_18() {
        assertPrintsInOrder(out, "tensor([ 7, 16, 18])\n0.55\n");
    }

    /** {@code F.cross_entropy(logits, labels)} gives 3.7759, as published. */
    @Test
    void crossEntropy() {
        assertPrintsInOrder(out, "0.55\ntensor(3.7759)\n");
    }

    /** {@code - prob[torch.arange(24), labels].log().mean()} gives the same 3.7759, as published. */
    @Test
    void manualCrossEntropy() {
        assertPrintsInOrder(out, "0.55\ntensor(3.7759)\n", "tensor(3.7759)\n");
    }
}
