package dev.jtensor.core.cpu;

/**
 * The scalar twin of {@code PanamaFloatSum}: a block summed with {@link #LANES} float accumulators
 * in the order {@link FloatSumKernel} defines (the inner loop over the accumulators is simple
 * enough for the JIT's auto-vectoriser, which keeps each lane's additions as they are).
 */
final class ScalarFloatSum extends FloatSumKernel {
    static final ScalarFloatSum INSTANCE = new ScalarFloatSum();

    private ScalarFloatSum() {}

    @Override
    float block(float[] a, int off, int n) {
        int full = n - n % LANES;
        float s = 0;
        if (full > 0) {
            float[] acc = new float[LANES];
            for (int g = off, end = off + full; g < end; g += LANES) {
                for (int j = 0; j < LANES; j++) {
                    acc[j] += a[g + j];
                }
            }
            s = tree(acc, LANES / 2);
        }
        for (int i = off + full, end = off + n; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    String name() {
        return "scalar, " + LANES + " accumulators";
    }
}
