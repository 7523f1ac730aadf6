package dev.jtensor.core;

import dev.jtensor.core.random.GeneratorState;
import dev.jtensor.core.random.StateBytes;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A pseudo-random number generator bit-compatible with PyTorch's CPU generator
 * ({@code torch.Generator()}): a Mersenne Twister (MT19937) seeded like {@code manual_seed}, plus
 * the cached normal sample PyTorch keeps. Seeded identically, the random functions of {@link Tensor}
 * ({@code rand}, {@code randn}, {@code randint}, {@code randperm}, {@code uniform_}, {@code normal_},
 * {@code random_}) produce PyTorch's float32 and int64 values bit for bit (see {@code docs/random.md}).
 *
 * <p>There is one process-wide {@linkplain #defaultGenerator() default generator}, used when no
 * generator is passed; {@link #manualSeed(long)} seeds it like {@code torch.manual_seed}. Explicit
 * generators ({@code new Generator(seed)}, like {@code torch.Generator().manual_seed(seed)}) have
 * their own streams. A generator is thread-safe: each operation holds it for its whole fill, so the
 * numbers never depend on thread scheduling within one call.
 *
 * <p>Behaviour follows current PyTorch 2.x unless switched to 1.13 with {@link #setCompatibility}
 * (all generators) or {@link #setTorchVersion} (this generator).
 */
public final class Generator {
    /** The seed of a new {@code torch.Generator()}: 67280421310721. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static volatile TorchVersion globalVersion = TorchVersion.V2;

    private static final class DefaultHolder {
        // PyTorch seeds its default generator nondeterministically at start-up.
        static final Generator INSTANCE = new Generator(new SplittableRandom().nextLong());
    }

    private final GeneratorState state;
    private TorchVersion version;

    /** A generator seeded with {@link #DEFAULT_SEED}, like {@code torch.Generator()}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /**
     * A generator seeded with {@code seed}, like {@code torch.Generator().manual_seed(seed)}. Any
     * 64-bit pattern is accepted: a negative long stands for {@code seed + 2^64}, as PyTorch reduces
     * negative seeds modulo 2^64.
     *
     * @param seed the seed
     */
    public Generator(long seed) {
        state = new GeneratorState(seed);
    }

    /** {@return the default generator that random functions use when none is given} */
    public static Generator defaultGenerator() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Seeds the default generator, like {@code torch.manual_seed(seed)}; returns it.
     *
     * @param seed the seed
     * @return this generator
     */
    public static Generator manualSeed(long seed) {
        return defaultGenerator().setSeed(seed);
    }

    /**
     * Re-seeds this generator and clears its cached normal sample, like
     * {@code generator.manual_seed(seed)}; returns this. Only the low 32 bits of the seed shape the
     * stream; {@link #initialSeed()} reports all 64.
     *
     * @param seed the seed
     * @return this generator
     */
    public synchronized Generator setSeed(long seed) {
        state.seed(seed);
        return this;
    }

    /**
     * Re-seeds this generator from a nondeterministic source, like {@code generator.seed()}; returns the seed.
     *
     * @return the seed
     */
    public synchronized long seed() {
        long s = new SplittableRandom().nextLong();
        state.seed(s);
        return s;
    }

    /**
     * The seed this generator was last seeded with, like {@code initial_seed()}; read it as unsigned
     * ({@link Long#toUnsignedString(long)}) to compare with PyTorch's value.
     *
     * @return the seed this generator was last seeded with, like {@code initial_seed()}
     */
    public synchronized long initialSeed() {
        return state.engine.seedValue();
    }

    /**
     * {@return the full state in PyTorch's layout ({@code get_rng_state()}: 5056 bytes, little-endian), so it can
     * be saved, restored, or exchanged with PyTorch's {@code set_rng_state}}
     */
    public synchronized byte[] getState() {
        return StateBytes.encode(state);
    }

    /**
     * Restores a state produced by {@link #getState()} or by PyTorch's {@code get_rng_state()};
     * returns this.
     *
     * @param bytes the bytes
     * @return this generator
     * @throws TensorException when the array is not 5056 bytes or holds an invalid engine state
     */
    public synchronized Generator setState(byte[] bytes) {
        StateBytes.decode(bytes, state);
        return this;
    }

    /**
     * {@return the device this generator serves: always the CPU (random numbers for other devices are copied
     * there)}
     */
    public Device device() {
        return Device.CPU;
    }

    /**
     * Sets which PyTorch release's behaviour every generator without its own setting reproduces
     * (default {@link TorchVersion#V2}); e.g. {@code setCompatibility(TorchVersion.V1_13)} to match
     * values computed with PyTorch 1.13.
     *
     * @param version the version
     */
    public static void setCompatibility(TorchVersion version) {
        globalVersion = Objects.requireNonNull(version, "version");
    }

    /** {@return the process-wide behaviour set by {@link #setCompatibility}} */
    public static TorchVersion getCompatibility() {
        return globalVersion;
    }

    /**
     * Makes this generator reproduce {@code version}'s behaviour regardless of the process-wide
     * setting; {@code null} makes it follow {@link #setCompatibility} again. Returns this.
     *
     * @param version the version
     * @return this generator
     */
    public synchronized Generator setTorchVersion(TorchVersion version) {
        this.version = version;
        return this;
    }

    /** {@return the behaviour this generator reproduces: its own setting, else the process-wide one} */
    public synchronized TorchVersion torchVersion() {
        TorchVersion v = version;
        return v != null ? v : globalVersion;
    }

    /** The engine and caches; callers hold this generator's lock while using them. */
    GeneratorState state() {
        return state;
    }

    @Override
    public String toString() {
        return "Generator(device=cpu, initial_seed=" + Long.toUnsignedString(initialSeed()) + ")";
    }
}
