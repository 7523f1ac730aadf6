/**
 * The reverse-mode autograd engine: the tape ({@link dev.jtensor.ops.autograd.TapeEngine}, found by
 * tensor-core through {@link java.util.ServiceLoader}), its one table of derivatives, and
 * {@link dev.jtensor.ops.autograd.GradCheck} for finite-difference gradient checks.
 */
package dev.jtensor.ops.autograd;
