package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code torch.multinomial} against PyTorch 1.13's samples, and its checks. */
class MultinomialTest {
    private record Case(String header, Tensor probs, long seed, int n, boolean replacement, long[] expected) {}

    private static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = MultinomialTest.class.getResourceAsStream("/multinomial/multinomial.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.strip().split("\n");
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            String[] h = lines[i].split(" ");
            DType dtype = h[1].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
            int dims = Integer.parseInt(h[2]);
            int rows = Integer.parseInt(h[3]);
            int cols = Integer.parseInt(h[4]);
            String[] ps = lines[i + 1].split(" ");
            double[] values = new double[ps.length];
            for (int k = 0; k < ps.length; k++) {
                values[k] = Double.parseDouble(ps[k]);
            }
            Tensor probs = Tensor.fromArray(values).to(dtype);
            probs = dims == 1 ? probs : probs.view(rows, cols);
            String[] es = lines[i + 2].split(" ");
            long[] expected = new long[es.length];
            for (int k = 0; k < es.length; k++) {
                expected[k] = Long.parseLong(es[k]);
            }
            out.add(new Case(lines[i], probs, Long.parseLong(h[5]), Integer.parseInt(h[6]), h[7].equals("1"), expected));
        }
        return out;
    }

    @Test
    void matchesPyTorch113Samples() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 19);
        for (Case c : cases) {
            Generator g = new Generator(c.seed()).setTorchVersion(TorchVersion.V1_13);
            Tensor out = c.probs().multinomial(c.n(), c.replacement(), g);
            assertEquals(DType.INT64, out.dtype());
            long[] shape = c.probs().dim() == 1 ? new long[] {c.n()} : new long[] {c.probs().size(0), c.n()};
            assertArrayEquals(shape, out.shape(), c.header());
            assertArrayEquals(c.expected(), out.toLongArray(), c.header());
        }
    }

    @Test
    void pyTorch2DrawsOneSampleByTheExponentialRace() {
        Tensor p = Tensor.fromArray(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.0f, 0.5f}, 2, 3);
        Tensor withReplacement = p.multinomial(1, true, new Generator(3).setTorchVersion(TorchVersion.V2));
        Tensor without = p.multinomial(1, false, new Generator(3).setTorchVersion(TorchVersion.V2));
        assertArrayEquals(without.toLongArray(), withReplacement.toLongArray());
    }

    @Test
    void zeroProbabilitiesAreNeverDrawnAndWithoutReplacementIsDistinct() {
        Tensor p = Tensor.fromArray(new double[] {0, 3, 0, 1, 2, 0});
        Generator g = new Generator(99);
        for (int k = 0; k < 50; k++) {
            long[] s = p.multinomial(3, false, g).toLongArray();
            Set<Long> seen = new HashSet<>();
            for (long v : s) {
                assertTrue(v == 1 || v == 3 || v == 4, "drew a zero-probability category " + v);
                assertTrue(seen.add(v), "repeated category without replacement");
            }
            for (long v : p.multinomial(4, true, g).toLongArray()) {
                assertTrue(v == 1 || v == 3 || v == 4, "drew a zero-probability category " + v);
            }
        }
    }

    @Test
    void rejectsBadDistributions() {
        Generator g = new Generator(1);
        assertThrows(TensorException.class, () -> Tensor.fromArray(new float[] {0.5f, -0.1f}).multinomial(1, true, g));
        assertThrows(TensorException.class, () -> Tensor.fromArray(new float[] {0f, 0f}).multinomial(1, true, g));
        assertThrows(TensorException.class,
                () -> Tensor.fromArray(new float[] {1f, Float.POSITIVE_INFINITY}).multinomial(1, true, g));
        assertThrows(TensorException.class, () -> Tensor.fromArray(new float[] {1f, 2f}).multinomial(3, false, g));
        assertThrows(TensorException.class, () -> Tensor.fromArray(new float[] {1f, 2f}).multinomial(0, true, g));
        assertThrows(TensorException.class, () -> Tensor.fromArray(new long[] {1, 2}).multinomial(1, true, g));
        assertThrows(TensorException.class, () -> Tensor.zeros(2, 2, 2).multinomial(1, true, g));
    }
}
