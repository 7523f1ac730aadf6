/** The autograd engine, functional ops, modules and optimizers of JTensor. */
package dev.jtensor.ops;
