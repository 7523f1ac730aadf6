package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runner: all exercises by default, only the named ones otherwise, clear errors. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void namesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Example e : Main.examples()) {
            assertTrue(seen.add(e.name()), "duplicate exercise name " + e.name());
        }
    }

    @Test
    void runsOnlyTheNamedExercises() {
        String last = Main.examples().getLast().name();
        assertEquals(0, run(last));
        String printed = out.toString(StandardCharsets.UTF_8);
        for (Example e : Main.examples()) {
            assertEquals(e.name().equals(last), printed.contains("=== " + e.name() + ": "), e.name());
        }
    }

    @Test
    void unknownNameIsAnErrorListingTheExercises() {
        assertEquals(2, run("no-such-exercise"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown exercise 'no-such-exercise'"), message);
        assertTrue(message.contains(Main.examples().getFirst().name()), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listNamesEveryExercise() {
        assertEquals(0, run("--list"));
        String printed = out.toString(StandardCharsets.UTF_8);
        for (Example e : Main.examples()) {
            assertTrue(printed.contains(e.name()) && printed.contains(e.title()), printed);
        }
    }
}
