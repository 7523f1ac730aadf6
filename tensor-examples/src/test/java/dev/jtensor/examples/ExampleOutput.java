package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example into a string and checks what it printed. */
final class ExampleOutput {
    private ExampleOutput() {
    }

    /** Everything {@code example} prints. */
    static String of(Example example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Checks that {@code output} contains each snippet, in the given order (each one after the end
     * of the previous), naming the first one missing.
     */
    static void assertPrintsInOrder(String output, String... snippets) {
        int from = 0;
        for (String s : snippets) {
            int at = output.indexOf(s, from);
            if (at < 0) {
                boolean elsewhere = output.contains(s);
                fail("expected the output to print" + (elsewhere ? " (after the previous snippet)" : "")
                        + ":\n" + s + "\n--- output from there on ---\n" + output.substring(from));
            }
            from = at + s.length();
        }
    }
}
