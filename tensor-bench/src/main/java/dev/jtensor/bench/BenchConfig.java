package dev.jtensor.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark inherits (JMH reads these annotations from superclasses): average
 * time per call, one fork with the Vector API module, and 5 warm-up plus 5 measured iterations of one
 * second, which keeps the whole report within its time budget on two cores. The report script passes
 * the same counts on the command line, and times its NumPy/PyTorch twins the same way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed heap keeps heap resizing out of the measurements; 2 GiB holds the largest benchmark
// (matmul n=2048: three 16 MiB matrices) many times over. AlwaysPreTouch maps the whole heap at
// start-up, so first touches of fresh heap pages (expensive in a virtual machine) land before the
// warm-up rather than in whichever iteration first reaches them.
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch", "--sun-misc-unsafe-memory-access=allow"})
public abstract class BenchConfig {
    /** For subclasses. */
    protected BenchConfig() {}
}
