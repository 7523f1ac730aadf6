package dev.jtensor.core;

/**
 * Which PyTorch release's random-number behaviour a {@link Generator} reproduces. The Mersenne
 * Twister, seeding, {@code rand}, {@code randn} and the {@code nn} initialisations are identical in
 * both; the releases differ in a few documented places (see {@code docs/random.md}).
 */
public enum TorchVersion {
    /**
     * PyTorch 1.13 (and 2.x up to at least 2.6): {@code randint}/{@code random_} draw 64 bits only
     * for ranges of at least 2^32 (and only for int64/float32/float64 results), {@code randperm}
     * always uses the 32-bit swap shuffle, {@code uniform_} has no {@code v == to -> from} clamp, and
     * the scalar normal path uses {@code log(1 - u)}.
     */
    V1_13,
    /**
     * Current PyTorch 2.x (measured on 2.13; the changes landed around 2.7): {@code randint} draws 64
     * bits for ranges of at least 2^28 for any dtype, {@code randperm(n)} with
     * {@code n >= 214748364} uses the inside-out shuffle with 64-bit draws, {@code uniform_} maps a
     * result equal to {@code to} back to {@code from}, and the scalar normal path uses
     * {@code log1p(-u)}. The default.
     */
    V2
}
