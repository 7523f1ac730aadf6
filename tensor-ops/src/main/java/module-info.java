/**
 * JTensor ops: the autograd tape and its table of derivatives, the functional neural-network ops,
 * nn modules with PyTorch's initialisation, and optimizers.
 */
module dev.jtensor.ops {
    requires transitive dev.jtensor.core;
    requires org.slf4j;

    exports dev.jtensor.ops;
    exports dev.jtensor.ops.nn;
    exports dev.jtensor.ops.optim;
    exports dev.jtensor.ops.autograd;

    provides dev.jtensor.core.spi.AutogradEngine with dev.jtensor.ops.autograd.TapeEngine;
}
