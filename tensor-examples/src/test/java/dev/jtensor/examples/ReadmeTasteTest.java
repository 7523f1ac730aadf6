package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Index;
import dev.jtensor.core.Npy;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "taste" lines, run as written, so the first code a user reads keeps compiling and working. */
class ReadmeTasteTest {
    @Test
    void readmeTasteRuns(@TempDir Path dir) throws Exception {
        // The block below is the README's, line for line (the path is the only change).
        Tensor.manualSeed(42);                                        // torch.manual_seed(42)
        Tensor x = Tensor.tensor(new float[][] {{1, 2}, {3, 4}});     // torch.tensor([[1., 2.], [3., 4.]])
        Tensor w = Tensor.randn(2, 3).requiresGrad(true);             // torch.randn(2, 3, requires_grad=True)
        Tensor y = x.matmul(w).tanh();                                // torch.tanh(x @ w)
        Tensor n = x.div(x.sum(1, true));                             // x / x.sum(1, keepdim=True)
        Tensor row = x.index(Index.all(), Index.at(1));               // x[:, 1]
        Tensor loss = F.crossEntropy(y, Tensor.tensor(new long[] {2, 0}));  // F.cross_entropy(y, target)
        loss.backward();                                              // loss.backward()
        System.out.println(w.grad());                                 // tensor([[...]]) exactly as PyTorch prints
        Npy.save(w.detach(), dir.resolve("w.npy"));                   // np.save("w.npy", w.detach().numpy())

        assertArrayEquals(new long[] {2, 3}, y.shape());
        assertArrayEquals(new float[] {1f / 3, 2f / 3, 3f / 7, 4f / 7}, n.toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {2, 4}, row.toFloatArray());
        assertNotNull(w.grad());
        assertArrayEquals(new long[] {2, 3}, w.grad().shape());
        assertTrue(w.grad().toString().startsWith("tensor([["), w.grad().toString());
        assertTrue(Files.size(dir.resolve("w.npy")) > 0);
        assertEquals(2, Npy.load(dir.resolve("w.npy")).dim());
    }
}
