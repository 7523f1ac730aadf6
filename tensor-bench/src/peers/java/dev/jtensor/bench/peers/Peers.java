package dev.jtensor.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the DJL and ND4J twins of JTensor's benchmarks share: DJL's offline set-up, the index data,
 * and the checks that each twin computes what the JTensor benchmark computes (run once per trial in
 * {@code @Setup}, outside the timed calls; a twin that computes something else fails its trial).
 */
final class Peers {
    /** Rows of each batch in the MLP step; the step's twins cycle through {@link #MLP_BATCHES} batches. */
    static final int MLP_BATCH = 32;
    /** Distinct MLP batches, as MlpStepBench. */
    static final int MLP_BATCHES = 64;
    /** The SGD learning rate of the MLP step, as MlpStepBench. */
    static final float MLP_LR = 0.1f;

    private Peers() {}

    /**
     * Keeps DJL off the network and out of the home directory: {@code ai.djl.offline} (never download
     * an engine) and DJL's cache directories next to the jar this class came from (target/peers/),
     * where DJL unpacks libtorch from the pytorch-native-cpu jar on the class path. One inter-op
     * thread (eager ops do not use that pool); the intra-op count is set per trial. Properties given
     * on the command line win.
     */
    static void configureDjl() {
        setDefault("ai.djl.offline", "true");
        Path cache = codeDirectory().resolve("djl-cache");
        setDefault("DJL_CACHE_DIR", cache.toString());
        setDefault("ENGINE_CACHE_DIR", cache.toString());
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        setDefault("ai.djl.pytorch.num_threads", "1");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The directory of the jar (or class directory) this class was loaded from. */
    private static Path codeDirectory() {
        try {
            Path p = Path.of(Peers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "jtensor-bench-peers");
        }
    }

    /** {@code count} uniform indices in [0, bound) from a fixed seed: the same data for every twin. */
    static long[] randomIndices(long seed, int bound, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = r.nextInt(bound);
        }
        return out;
    }

    /**
     * The MLP step's batches: {@code MLP_BATCHES} arrays of {@code MLP_BATCH * width} indices in [0, 27)
     * (27 characters), row-major [MLP_BATCH, width]; width 3 for the contexts, 1 for the targets.
     */
    static long[][] mlpBatches(long seed, int width) {
        long[] all = randomIndices(seed, 27, MLP_BATCHES * MLP_BATCH * width);
        long[][] out = new long[MLP_BATCHES][];
        for (int i = 0; i < MLP_BATCHES; i++) {
            out[i] = Arrays.copyOfRange(all, i * MLP_BATCH * width, (i + 1) * MLP_BATCH * width);
        }
        return out;
    }

    /** Fails the trial unless {@code actual} equals {@code expected}, naming the operation and both shapes. */
    static void checkShape(String what, long[] actual, long... expected) {
        if (!Arrays.equals(actual, expected)) {
            throw new IllegalStateException(what + ": expected shape " + Arrays.toString(expected)
                    + ", got " + Arrays.toString(actual));
        }
    }

    /** Fails the trial unless {@code actual} is within {@code tol} of {@code expected}, naming the check. */
    static void checkClose(String what, double actual, double expected, double tol) {
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new IllegalStateException(what + ": expected " + expected + " (within " + tol + "), got " + actual);
        }
    }

    /** Fails the trial unless the library reports the thread count the benchmark asked for. */
    static void checkThreads(String library, int asked, int reported) {
        if (asked != reported) {
            throw new IllegalStateException(library + ": asked for " + asked + " threads, the library reports "
                    + reported);
        }
    }
}
