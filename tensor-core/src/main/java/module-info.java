/**
 * JTensor core: strided tensors with PyTorch's semantics, views, broadcasting, indexing,
 * elementwise math, reductions, PyTorch-compatible random numbers, printing, {@code .npy} I/O and the
 * device SPI with the CPU backend.
 */
module dev.jtensor.core {
    requires org.slf4j;
    requires static jdk.incubator.vector;

    exports dev.jtensor.core;
    exports dev.jtensor.core.spi;

    uses dev.jtensor.core.spi.BackendProvider;
    uses dev.jtensor.core.spi.AutogradEngine;
}
