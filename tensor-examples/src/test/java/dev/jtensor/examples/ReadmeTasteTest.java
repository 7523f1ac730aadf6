package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "taste" program is the consumer test's {@code Taste.java} (tensor-it/src/it/consumer), which the
 * build compiles against the packaged artifacts and runs, checking its output against PyTorch's: this test keeps
 * the two texts identical, so the first code a user reads keeps compiling and printing what the README says.
 */
class ReadmeTasteTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void readmeTasteIsTheConsumerTestsProgram() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("```java\n");
        assertTrue(start >= 0, "README.md has a ```java block");
        start += "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String taste = Files.readString(
                ROOT.resolve("tensor-it/src/it/consumer/src/main/java/dev/jtensor/consumer/Taste.java"));
        assertTrue(taste.startsWith("package dev.jtensor.consumer;\n\n"), "Taste.java starts with its package");
        assertEquals(taste.substring("package dev.jtensor.consumer;\n\n".length()), block,
                "README.md's java block and tensor-it's Taste.java (less its package line) differ");
    }
}
