package dev.jtensor.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the exercises: {@code java -jar tensor-examples.jar} runs all of them in order,
 * {@code java -jar tensor-examples.jar indexing cross-entropy} only those, {@code --list} names
 * them. Exits 0 when every exercise ran, 1 when one failed, 2 for an unknown name.
 */
public final class Main {
    private Main() {
    }

    /** Every exercise, in the order of the posts. */
    public static List<Example> examples() {
        return List.of(
                new Tensors(),
                new Broadcasting(),
                new Indexing(),
                new Reshaping(),
                new CrossEntropy(),
                new Attention(),
                new Embeddings(),
                new CollaborativeFiltering(),
                new Makemore(),
                new NanoGpt(),
                new QuadrantCnn());
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the exercises named in {@code args} (all when there are none) and returns the exit
     * status; an exercise that throws is reported on {@code err} and the others still run.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, examples(), out, err);
    }

    /** {@link #run(String[], PrintStream, PrintStream)} over the given exercises. */
    static int run(String[] args, List<Example> examples, PrintStream out, PrintStream err) {
        Map<String, Example> byName = new LinkedHashMap<>();
        for (Example e : examples) {
            byName.put(e.name(), e);
        }
        if (args.length == 1 && (args[0].equals("--list") || args[0].equals("--help") || args[0].equals("-h"))) {
            out.println("usage: java -jar tensor-examples.jar [name...]   (all exercises when no name is given)");
            byName.values().forEach(e -> out.printf("  %-24s %s%n", e.name(), e.title()));
            return 0;
        }
        List<Example> chosen = new ArrayList<>();
        for (String name : args) {
            Example e = byName.get(name);
            if (e == null) {
                err.println("unknown exercise '" + name + "'; the exercises are: " + String.join(", ", byName.keySet()));
                return 2;
            }
            chosen.add(e);
        }
        if (chosen.isEmpty()) {
            chosen.addAll(byName.values());
        }
        int status = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Example e = chosen.get(i);
            if (i > 0) {
                out.println();
            }
            out.println("=== " + e.name() + ": " + e.title() + " ===");
            try {
                e.run(out);
            } catch (RuntimeException ex) {
                out.flush();
                err.println("exercise '" + e.name() + "' failed: " + ex);
                ex.printStackTrace(err);
                status = 1;
            }
        }
        out.flush();
        return status;
    }
}
