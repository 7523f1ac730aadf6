package dev.jtensor.consumer;

import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Linear;
import dev.jtensor.ops.optim.SGD;

/** A short training loop: a linear layer fitted to y = x w + 0.3 by SGD, printing the loss now and then. */
public class Train {
    public static void main(String[] args) {
        Tensor.manualSeed(0);
        Tensor x = Tensor.randn(64, 3);
        Tensor y = x.matmul(Tensor.tensor(new float[][] {{1}, {-2}, {0.5f}})).add(0.3);
        Linear model = new Linear(3, 1);
        SGD optimizer = new SGD(model.parameters(), 0.1);
        for (int step = 0; step < 100; step++) {
            optimizer.zeroGrad();
            Tensor loss = F.mseLoss(model.forward(x), y);
            loss.backward();
            optimizer.step();
            if (step % 25 == 0 || step == 99) {
                System.out.printf("step %d loss %.6f%n", step, loss.item());
            }
        }
        System.out.println(model.weight().detach());
        System.out.println(model.bias().detach());
    }
}
