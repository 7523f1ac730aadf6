/** The exercises of the blog posts and notebooks JTensor grew from, as runnable programs. */
module dev.jtensor.examples {
    requires transitive dev.jtensor.ops;

    exports dev.jtensor.examples;
}
