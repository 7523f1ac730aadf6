package dev.jtensor.examples;

import java.io.PrintStream;

/**
 * One exercise of a post or notebook, reproduced in Java in the post's order of calls. Running it
 * prints what the post prints (tensors in PyTorch's format).
 */
public interface Example {
    /** The exercise's short name, used on the command line (e.g. {@code "broadcasting"}). */
    String name();

    /** Where the exercise comes from, one line. */
    String title();

    /** Runs the exercise, printing to {@code out}. */
    void run(PrintStream out);
}
