package dev.jtensor.consumer;

import dev.jtensor.core.Index;
import dev.jtensor.core.Npy;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import java.io.IOException;
import java.nio.file.Path;

public class Taste {
    public static void main(String[] args) throws IOException {      // Npy.save throws IOException
        Tensor.manualSeed(42);                                        // torch.manual_seed(42)
        Tensor x = Tensor.tensor(new float[][] {{1, 2}, {3, 4}});     // torch.tensor([[1., 2.], [3., 4.]])
        Tensor w = Tensor.randn(2, 3).requiresGrad(true);             // torch.randn(2, 3, requires_grad=True)
        Tensor y = x.matmul(w).tanh();                                // torch.tanh(x @ w)
        Tensor n = x.div(x.sum(1, true));                             // x / x.sum(1, keepdim=True)
        Tensor row = x.index(Index.all(), Index.at(1));               // x[:, 1]
        Tensor loss = F.crossEntropy(y, Tensor.tensor(new long[] {2, 0}));  // F.cross_entropy(y, target)
        loss.backward();                                              // loss.backward()
        System.out.println(y.size());                                 // torch.Size([2, 3])
        System.out.println(w.grad());                                 // tensor([[ 0.1298,  0.0035,  0.0083], ...
        Npy.save(w.detach(), Path.of("w.npy"));                       // np.save("w.npy", w.detach().numpy())
    }
}
