package dev.jtensor.core.random;

import dev.jtensor.core.TensorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * PyTorch's {@code torch.get_rng_state()} byte layout for the CPU generator (the C struct
 * {@code CPUGeneratorImplState} on x86-64, little-endian, 5056 bytes), so states can be exchanged
 * with PyTorch: seed (u64) at 0, left (i32) at 8, seeded (i32) at 12, next (u64) at 16, 624 state
 * words zero-extended to u64 from 24, then normal_x, normal_y (the cached double normal),
 * normal_rho (f64 at 5016, 5024, 5032), normal_is_valid (i32 at 5040), 4 bytes of padding, the
 * cached float normal (f32 at 5048) and its valid flag (u8 at 5052), then padding to 5056.
 */
public final class StateBytes {
    /** The size of the state in bytes. */
    public static final int SIZE = 5056;

    private static final int WORDS = 24;
    private static final int NORMAL_Y = WORDS + 8 * MersenneTwister.N + 8;
    private static final int NORMAL_VALID = NORMAL_Y + 16;
    private static final int FLOAT_NORMAL = NORMAL_VALID + 8;
    private static final int FLOAT_VALID = FLOAT_NORMAL + 4;

    private StateBytes() {}

    /** The state as PyTorch's bytes. */
    public static byte[] encode(GeneratorState s) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        MersenneTwister e = s.engine;
        b.putLong(0, e.seedValue());
        b.putInt(8, e.left());
        b.putInt(12, 1);
        b.putLong(16, e.nextIndex());
        for (int i = 0; i < MersenneTwister.N; i++) {
            b.putLong(WORDS + 8 * i, e.word(i) & 0xFFFFFFFFL);
        }
        if (s.hasCachedNormal) {
            b.putDouble(NORMAL_Y, s.cachedNormal);
            b.putInt(NORMAL_VALID, 1);
        }
        if (s.hasCachedFloatNormal) {
            b.putFloat(FLOAT_NORMAL, s.cachedFloatNormal);
            b.put(FLOAT_VALID, (byte) 1);
        }
        return b.array();
    }

    /**
     * Loads PyTorch's bytes into {@code s} (nothing changes when they are rejected).
     *
     * @throws TensorException for a wrong size or an invalid engine state, with PyTorch's messages
     */
    public static void decode(byte[] bytes, GeneratorState s) {
        if (bytes == null || bytes.length != SIZE) {
            throw new TensorException("Expected a CPUGeneratorImplState of size " + SIZE
                    + " but found the input RNG state size to be " + (bytes == null ? 0 : bytes.length));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long seed = b.getLong(0);
        int left = b.getInt(8);
        int seeded = b.getInt(12);
        // PyTorch keeps next_ as a uint32 and the words as uint32: higher bits are dropped on load.
        int next = (int) b.getLong(16);
        if (seeded == 0 || left <= 0 || left > MersenneTwister.N || next < 0 || next > MersenneTwister.N
                || next + left - 1 > MersenneTwister.N) {
            // The last condition is stricter than PyTorch's, which would read past the state there.
            throw new TensorException("Invalid mt19937 state: left=" + left + ", next=" + Integer.toUnsignedString(next)
                    + ", seeded=" + seeded + " (expected seeded != 0, 1 <= left <= 624, next + left <= 625)");
        }
        int[] words = new int[MersenneTwister.N];
        for (int i = 0; i < words.length; i++) {
            words[i] = (int) b.getLong(WORDS + 8 * i);
        }
        s.engine.restore(seed, left, next, words);
        s.hasCachedNormal = b.getInt(NORMAL_VALID) != 0;
        s.cachedNormal = s.hasCachedNormal ? b.getDouble(NORMAL_Y) : 0;
        s.hasCachedFloatNormal = b.get(FLOAT_VALID) != 0;
        s.cachedFloatNormal = s.hasCachedFloatNormal ? b.getFloat(FLOAT_NORMAL) : 0;
    }
}
