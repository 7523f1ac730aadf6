package dev.jtensor.examples;

import static dev.jtensor.examples.ExampleOutput.assertPrintsInOrder;

import org.junit.jupiter.api.Test;

/** Gymnastics #4: F.cross_entropy and the manual form both give the published 3.7759. */
class CrossEntropyTest {
    @Test
    void bothFormsGiveThePublishedLoss() {
        String out = ExampleOutput.of(new CrossEntropy());
        assertPrintsInOrder(out,
                "torch.Size([8, 3, 27])\n",
                "tensor(3.7759)\n",
                "torch.Size([24])\n",
                "tensor(3.7759)\n");
    }
}
