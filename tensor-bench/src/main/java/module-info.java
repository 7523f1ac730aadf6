/**
 * JMH benchmarks of JTensor's hot kernels. Each benchmark's javadoc names the NumPy or PyTorch call
 * it mirrors; {@code tensor-bench/scripts/report.sh} runs them beside those calls and writes
 * {@code docs/benchmarks.md}.
 */
@SuppressWarnings("requires-automatic") // jmh.core, see below
module dev.jtensor.bench {
    requires dev.jtensor.ops;
    // jmh-core has neither a module descriptor nor an Automatic-Module-Name: its automatic module
    // name comes from the jar's file name (jmh-core-1.37.jar).
    requires jmh.core;

    // benchmarks.jar runs on the class path (the shade plugin drops module descriptors); these
    // opens let JMH reach the benchmark classes and its generated harness classes (package
    // dev.jtensor.bench.jmh_generated, written by the annotation processor into this module) when
    // the module is run from the module path instead.
    opens dev.jtensor.bench;
    opens dev.jtensor.bench.jmh_generated;
}
