/**
 * The CUDA backend of JTensor: {@code Device.cuda()} and {@code tensor.to(Device.cuda())} once this
 * module is on the class or module path and a GPU with a CUDA 13 driver is present. See
 * {@code docs/cuda.md}.
 */
package dev.jtensor.cuda;
