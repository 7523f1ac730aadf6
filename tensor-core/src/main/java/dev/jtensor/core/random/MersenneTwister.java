package dev.jtensor.core.random;

/**
 * The MT19937 engine exactly as PyTorch's CPU generator runs it: Matsumoto–Nishimura seeding from
 * the low 32 bits of the seed, a lazy first twist ({@code left = 1} after seeding), the in-place
 * twist, and the standard tempering. Draws are unsigned 32-bit values carried in an {@code int}.
 *
 * <p>Not thread-safe: the owning generator serialises access.
 */
public final class MersenneTwister {
    /** The number of 32-bit state words. */
    public static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7FFFFFFF;

    private final int[] st = new int[N];
    private long seed;
    private int left;
    private int next;

    /** An engine seeded with {@code seed} (only its low 32 bits enter the state). */
    public MersenneTwister(long seed) {
        seed(seed);
    }

    /** Re-seeds: {@code st[0]} is the low 32 bits of {@code seed}, the rest follow {@code init_genrand}. */
    public void seed(long seed) {
        this.seed = seed;
        st[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int p = st[i - 1];
            st[i] = 1812433253 * (p ^ (p >>> 30)) + i;
        }
        left = 1;
        next = 0;
    }

    /** The next unsigned 32-bit draw ({@code CPUGeneratorImpl::random()}). */
    public int nextInt() {
        if (--left == 0) {
            regenerate();
        }
        int y = st[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y;
    }

    /** The next unsigned 64-bit draw: the high word is drawn first ({@code random64()}). */
    public long nextLong() {
        long hi = nextInt() & 0xFFFFFFFFL;
        long lo = nextInt() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** A float in {@code [0, 1 - 2^-24]}: the low 24 bits of one draw, scaled exactly. */
    public float unitFloat() {
        return (nextInt() & 0xFFFFFF) * 0x1.0p-24f;
    }

    /** A double in {@code [0, 1 - 2^-53]}: the low 53 bits of one 64-bit draw, scaled exactly. */
    public double unitDouble() {
        return (nextLong() & 0x1FFFFFFFFFFFFFL) * 0x1.0p-53;
    }

    /**
     * Writes the next {@code n} draws as unit floats into {@code a[off..off+n)}: the same values as
     * {@code n} calls of {@link #unitFloat()}, tempered straight from the state between twists.
     */
    public void fillUnitFloats(float[] a, int off, int n) {
        int i = off;
        int end = off + n;
        while (i < end) {
            if (left == 1) {
                regenerate();
                // Twisted, nothing consumed yet: N words readable before the next twist.
                left = N + 1;
            }
            int k = Math.min(left - 1, end - i);
            int j = next;
            int[] s = st;
            for (int t = 0; t < k; t++) {
                int y = s[j + t];
                y ^= y >>> 11;
                y ^= (y << 7) & 0x9D2C5680;
                y ^= (y << 15) & 0xEFC60000;
                y ^= y >>> 18;
                a[i + t] = (y & 0xFFFFFF) * 0x1.0p-24f;
            }
            next += k;
            left -= k;
            i += k;
        }
    }

    // The standard in-place twist; indices past N - M read words already updated in this pass.
    private void regenerate() {
        int[] s = st;
        int i = 0;
        for (; i < N - M; i++) {
            s[i] = s[i + M] ^ twist(s[i], s[i + 1]);
        }
        for (; i < N - 1; i++) {
            s[i] = s[i + M - N] ^ twist(s[i], s[i + 1]);
        }
        s[N - 1] = s[M - 1] ^ twist(s[N - 1], s[0]);
        left = N;
        next = 0;
    }

    private static int twist(int u, int v) {
        return (((u & UPPER) | (v & LOWER)) >>> 1) ^ (-(v & 1) & MATRIX_A);
    }

    /** The seed last given (reported by {@code initial_seed()}), as an unsigned 64-bit value. */
    public long seedValue() {
        return seed;
    }

    /** Draws left before the next twist, plus one (PyTorch's {@code left_}). */
    public int left() {
        return left;
    }

    /** The index of the next state word to temper (PyTorch's {@code next_}). */
    public int nextIndex() {
        return next;
    }

    /** State word {@code i} (unsigned 32-bit in an int). */
    public int word(int i) {
        return st[i];
    }

    /**
     * Replaces the whole engine state; the caller has validated that {@code 1 <= left <= N},
     * {@code 0 <= next <= N} and {@code next + left - 1 <= N}, so every draw stays inside the state.
     */
    public void restore(long seed, int left, int next, int[] words) {
        this.seed = seed;
        this.left = left;
        this.next = next;
        System.arraycopy(words, 0, st, 0, N);
    }
}
