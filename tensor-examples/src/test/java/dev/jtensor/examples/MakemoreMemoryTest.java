package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Generator;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Memory of makemore training: a step allocates a small multiple of the bytes of the tensors it
 * computes (forward activations, their gradients, the parameters' gradients and update terms), and
 * the heap after garbage collection does not grow between step 1,000 and step 10,000 (nothing
 * accumulates across steps: the tape is released by backward, gradients are set to none).
 */
class MakemoreMemoryTest {
    /** Bytes of the float32 tensors one step computes, counted from the model's shapes. */
    private static long stepTensorBytes() {
        long b = Makemore.BATCH;
        long hidden = 200;
        long emb = b * Makemore.BLOCK_SIZE * 10;
        long activations = emb + 3 * b * hidden + 2 * b * Makemore.VOCAB; // emb; x@W1, +b1, tanh; h@W2, +b2
        long params = Makemore.VOCAB * 10 + Makemore.BLOCK_SIZE * 10 * hidden + hidden + hidden * Makemore.VOCAB
                + Makemore.VOCAB;
        // Each activation gets a gradient; each parameter a gradient and an update term (-lr * grad).
        return 4 * (2 * activations + 2 * params);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    @Test
    void stepsAllocateAFewTimesTheirTensorsAndTheHeapStaysFlat() {
        Makemore.Dataset data = Makemore.Dataset.load();
        Generator g = new Generator(Makemore.TRAIN_SEED);
        Makemore.Mlp model = new Makemore.Mlp(g);
        Makemore.train(model, data, g, 1000, (s, l) -> { });
        long heapAt1000 = usedHeapAfterGc();

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = threads.getCurrentThreadAllocatedBytes();
        int measured = 1000;
        Makemore.train(model, data, g, measured, (s, l) -> { });
        long perStep = (threads.getCurrentThreadAllocatedBytes() - before) / measured;
        double ratio = (double) perStep / stepTensorBytes();

        Makemore.train(model, data, g, 8000, (s, l) -> { });
        long heapAt10000 = usedHeapAfterGc();
        System.getLogger(MakemoreMemoryTest.class.getName()).log(System.Logger.Level.INFO, String.format(
                "makemore memory: %d bytes allocated per step (%.2fx the %d bytes of its tensors, thread %d); "
                + "heap after GC %.2f MB at step 1000, %.2f MB at step 10000", perStep, ratio, stepTensorBytes(), tid,
                heapAt1000 / 1e6, heapAt10000 / 1e6));
        assertTrue(ratio < 4, "a step allocates " + perStep + " bytes, " + ratio + "x its tensors' "
                + stepTensorBytes() + " bytes");
        // A leak of even 1 KB per step would add 9 MB over these 9,000 steps.
        assertTrue(heapAt10000 - heapAt1000 < 4_000_000, "heap grew from " + heapAt1000 + " to " + heapAt10000
                + " bytes between step 1000 and step 10000");
    }
}
