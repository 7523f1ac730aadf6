package dev.jtensor.core.random;

/**
 * PyTorch's CPU {@code uniform_} arithmetic (AVX2 profile): one 32-bit draw per float32 element,
 * one 64-bit draw per float64 element, the low 24/53 bits scaled to {@code [0, 1)}, then
 * {@code fma(x, to - from, from)} (GCC contracts {@code x * (to - from) + from} into an FMA).
 * Elements are written in order, one draw each; nothing is allocated.
 */
public final class UniformKernels {
    private UniformKernels() {}

    /**
     * Writes {@code n} uniform floats into {@code a[off..off+n)}; {@code clamp} (PyTorch 2.x) turns a
     * result equal to {@code to} into {@code from}.
     */
    public static void fillFloat(MersenneTwister mt, float[] a, int off, int n, float from, float to, boolean clamp) {
        mt.fillUnitFloats(a, off, n);
        if (from == 0.0f && to == 1.0f) {
            // fma(x, 1, ±0) == x for every x in [0, 1), and x never equals 1: nothing to do.
            return;
        }
        float range = to - from;
        int end = off + n;
        for (int i = off; i < end; i++) {
            float v = Math.fma(a[i], range, from);
            a[i] = clamp && v == to ? from : v;
        }
    }

    /** Writes {@code n} uniform doubles into {@code a[off..off+n)}; {@code clamp} as for floats. */
    public static void fillDouble(MersenneTwister mt, double[] a, int off, int n, double from, double to, boolean clamp) {
        double range = to - from;
        int end = off + n;
        for (int i = off; i < end; i++) {
            double x = (mt.nextLong() & 0x1FFFFFFFFFFFFFL) * 0x1.0p-53;
            double v = Math.fma(x, range, from);
            a[i] = clamp && v == to ? from : v;
        }
    }
}
