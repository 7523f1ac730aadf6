package dev.jtensor.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

/**
 * An example written like the notebook or post it reproduces: {@link #cells()} runs the post's
 * statements in the post's order, and {@link #print(Object...)} prints as Python's {@code print}
 * does (see {@link Python}), so that the output can be read next to the post's.
 */
public abstract class Notebook implements Example {
    private PrintStream out;
    private BiConsumer<List<Integer>, String> tracer;

    /** For subclasses: the exercises. */
    protected Notebook() {
    }

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

    /**
     * Runs the cells and hands each printed line to {@code printed} with the source line numbers of
     * the calls in this class that led to it (innermost first), so that the generated walkthrough
     * can show each output under the code that printed it.
     */
    final void runTraced(BiConsumer<List<Integer>, String> printed) {
        this.tracer = printed;
        try {
            cells();
        } finally {
            this.tracer = null;
        }
    }

    /** The post's statements, in its order; each one carries the PyTorch line it mirrors. */
    protected abstract void cells();

    /**
     * Python's {@code print(a, b, ...)}: the values' {@code str}, separated by spaces. Outside
     * {@link #run} it prints nothing, so that tests can call an example's steps directly.
     */
    protected final void print(Object... values) {
        StringJoiner line = new StringJoiner(" ");
        for (Object v : values) {
            line.add(Python.str(v));
        }
        if (tracer != null) {
            List<Integer> lines = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                    .walk(frames -> frames.filter(f -> f.getDeclaringClass() == getClass())
                            .map(StackWalker.StackFrame::getLineNumber).toList());
            tracer.accept(lines, line.toString());
        } else if (out != null) {
            out.println(line);
        }
    }
}
