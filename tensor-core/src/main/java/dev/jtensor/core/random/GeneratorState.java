package dev.jtensor.core.random;

/**
 * Everything PyTorch's {@code CPUGeneratorImpl} keeps: the MT19937 engine and the two cached
 * normal samples (the double one is what the scalar Box–Muller path leaves behind; the float one is
 * never used by the CPU kernels but round-trips through {@link StateBytes}).
 *
 * <p>Not thread-safe: the owning generator serialises access.
 */
public final class GeneratorState {
    /** The engine. */
    public final MersenneTwister engine;
    /** Whether {@link #cachedNormal} holds a standard normal sample to return next. */
    public boolean hasCachedNormal;
    /** The cached standard normal sample (the sine half of the last Box–Muller pair). */
    public double cachedNormal;
    /** Whether {@link #cachedFloatNormal} is valid (state import/export only). */
    public boolean hasCachedFloatNormal;
    /** The cached float normal sample (state import/export only). */
    public float cachedFloatNormal;

    /** A state seeded with {@code seed}. */
    public GeneratorState(long seed) {
        engine = new MersenneTwister(seed);
    }

    /** Re-seeds the engine and clears both cached normals ({@code set_current_seed}). */
    public void seed(long seed) {
        hasCachedNormal = false;
        cachedNormal = 0;
        hasCachedFloatNormal = false;
        cachedFloatNormal = 0;
        engine.seed(seed);
    }
}
