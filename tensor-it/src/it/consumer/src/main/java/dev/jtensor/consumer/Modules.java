package dev.jtensor.consumer;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;

/** Prints the modules JTensor and this program were loaded as ("null" for the class path's unnamed module). */
public class Modules {
    public static void main(String[] args) {
        System.out.println(Tensor.class.getModule().getName() + " " + F.class.getModule().getName() + " "
                + Modules.class.getModule().getName());
    }
}
