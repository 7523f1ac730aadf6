package dev.jtensor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The library's promise of one answer per program on every CPU: {@link SameBitsProgram} run in
 * fresh JVMs with the Vector API at its preferred width, at each forced width
 * ({@code -Djtensor.simd=128|256|512}, which the Vector API runs on any machine), with the scalar
 * kernels ({@code -Djtensor.simd=scalar}), and without the Vector API module at all, each on 1, 2
 * and 3 threads, must print the same digests of every result bit.
 */
class SameBitsAcrossModesTest {
    private static final Map<String, List<String>> MODES = new LinkedHashMap<>();

    static {
        String vector = "--add-modules=jdk.incubator.vector";
        MODES.put("preferred width", List.of(vector));
        MODES.put("no Vector API module", List.of());
        MODES.put("512 bits", List.of(vector, "-Djtensor.simd=512"));
        MODES.put("256 bits", List.of(vector, "-Djtensor.simd=256"));
        MODES.put("128 bits", List.of(vector, "-Djtensor.simd=128"));
        MODES.put("scalar kernels", List.of(vector, "-Djtensor.simd=scalar"));
    }

    /** The program's output lines in a JVM started with {@code options}. */
    private static List<String> run(String mode, List<String> options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.add("-Xss8m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SameBitsProgram.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        // Drain stderr (logs) so that the child never blocks on a full pipe.
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the child's logs are not needed
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), mode + ": the program did not finish");
        drain.join();
        assertEquals(0, p.exitValue(), mode + ": the program failed; its output:\n" + out);
        return out.lines().toList();
    }

    @Test
    void everyWidthTheScalarKernelsAndEveryThreadCountGiveTheSameBits() throws Exception {
        String reference = null;
        String referenceMode = null;
        for (Map.Entry<String, List<String>> mode : MODES.entrySet()) {
            List<String> lines = run(mode.getKey(), mode.getValue());
            assertEquals(3, lines.size(), mode.getKey() + ": expected one line per thread count, got " + lines);
            for (String line : lines) {
                String[] f = line.split(" ");
                // "threads <t> simd <bits> training=<hex> kernels=<hex>"
                String forced = mode.getValue().stream().filter(o -> o.startsWith("-Djtensor.simd="))
                        .map(o -> o.substring("-Djtensor.simd=".length())).findFirst().orElse(null);
                if (forced != null) {
                    assertEquals(forced.equals("scalar") ? "0" : forced, f[3], mode.getKey() + ": the width in use");
                } else if (mode.getValue().isEmpty()) {
                    assertEquals("0", f[3], mode.getKey() + " runs the scalar kernels");
                }
                String digests = f[4] + " " + f[5];
                if (reference == null) {
                    reference = digests;
                    referenceMode = mode.getKey() + ", " + f[1] + " thread(s)";
                } else {
                    assertEquals(reference, digests, mode.getKey() + ", " + f[1] + " thread(s), against "
                            + referenceMode);
                }
            }
        }
    }
}
