/**
 * JTensor's CUDA backend: device storage with a caching allocator, strided kernels compiled ahead
 * of time to PTX, and cuBLAS for matrix products, behind core's device SPI.
 */
module dev.jtensor.cuda {
    requires dev.jtensor.core;
    requires org.slf4j;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.cuda;

    exports dev.jtensor.cuda;

    provides dev.jtensor.core.spi.BackendProvider with dev.jtensor.cuda.CudaProvider;
}
