package dev.jtensor.core.cpu;

/**
 * The scalar twin of {@code PanamaFloatSum}: a block is summed with eight independent float
 * accumulators (which also lets the JIT overlap the additions), combined pairwise.
 */
final class ScalarFloatSum extends FloatSumKernel {
    static final ScalarFloatSum INSTANCE = new ScalarFloatSum();

    private ScalarFloatSum() {}

    @Override
    float block(float[] a, int off, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = off;
        int end = off + n;
        for (; i + 8 <= end; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        float s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    String name() {
        return "scalar, 8 accumulators";
    }
}
