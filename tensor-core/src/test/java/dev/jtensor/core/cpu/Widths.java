package dev.jtensor.core.cpu;

/** The vector widths, sizes and offsets the twin tests run every vector kernel at. */
final class Widths {
    private Widths() {}

    /** Every vector width a kernel can be built for (the Vector API runs widths wider than the hardware's too). */
    static final int[] VECTOR_BITS = {128, 256, 512};
    /** The awkward sizes of the twin tests: empty, single, around the lane counts and the 32 accumulators, long. */
    static final int[] SIZES = {0, 1, 7, 13, 15, 17, 31, 33, 207, 4099};
    /** Offsets of a run's first element: aligned to every vector, and not. */
    static final int[] OFFSETS = {0, 3};
}
