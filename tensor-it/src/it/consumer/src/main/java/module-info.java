/** A user's application of JTensor, on the module path. */
module dev.jtensor.consumer {
    requires dev.jtensor.ops;

    exports dev.jtensor.consumer;
}
