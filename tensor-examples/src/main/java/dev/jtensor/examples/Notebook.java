package dev.jtensor.examples;

import java.io.PrintStream;
import java.util.StringJoiner;

/**
 * An example written like the notebook or post it reproduces: {@link #cells()} runs the post's
 * statements in the post's order, and {@link #print(Object...)} prints as Python's {@code print}
 * does (see {@link Python}), so that the output can be read next to the post's.
 */
public abstract class Notebook implements Example {
    private PrintStream out;

    /** Runs the cells, printing to {@code out}. */
    @Override
    public final void run(PrintStream out) {
        this.out = out;
        try {
            cells();
        } finally {
            this.out = null;
        }
    }

    /** The post's statements, in its order; each one carries the PyTorch line it mirrors. */
    protected abstract void cells();

    /** Python's {@code print(a, b, ...)}: the values' {@code str}, separated by spaces. */
    protected final void print(Object... values) {
        StringJoiner line = new StringJoiner(" ");
        for (Object v : values) {
            line.add(Python.str(v));
        }
        out.println(line);
    }
}
