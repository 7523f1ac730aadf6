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
    void runsOnlyTheNamedExercisesInTheGivenOrder() {
        assertEquals(0, run("indexing", "broadcasting"));
        String printed = out.toString(StandardCharsets.UTF_8);
        for (Example e : Main.examples()) {
            boolean named = e.name().equals("indexing") || e.name().equals("broadcasting");
            assertEquals(named, printed.contains("=== " + e.name() + ": "), e.name());
        }
        assertTrue(printed.indexOf("=== indexing: ") < printed.indexOf("=== broadcasting: "), printed);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingExerciseIsReportedAndTheExitStatusIsOne() {
        Example failing = new Example() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public String title() {
                return "throws";
            }

            @Override
            public void run(PrintStream ignored) {
                throw new IllegalStateException("boom");
            }
        };
        assertEquals(1, Main.run(new String[0], java.util.List.of(failing, new Broadcasting()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exercise 'failing' failed"), err.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("=== broadcasting: "), "the next exercise still runs");
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
