package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Npy;
import dev.jtensor.core.Safetensors;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TorchCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state dict of a model trained in PyTorch 1.13 ({@code nn.Sequential(Embedding(10, 6), Linear(6, 8),
 * LayerNorm(8), Tanh(), Linear(8, 4))}, 20 Adam steps; {@code tools/make_checkpoint_fixtures.py}), saved with
 * {@code torch.save} and as safetensors, loaded into the same JTensor model, which must then give PyTorch's
 * outputs for PyTorch's inputs.
 */
class CheckpointModelTest {
    @TempDir
    Path tmp;

    private Path fixture(String name) throws IOException {
        try (InputStream in = CheckpointModelTest.class.getResourceAsStream("/checkpoints/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /checkpoints/" + name);
            }
            Path p = tmp.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private static Sequential model() {
        return new Sequential(new Embedding(10, 6), new Linear(6, 8), new LayerNorm(8), new Tanh(), new Linear(8, 4));
    }

    private void assertGivesPyTorchsOutputs(Sequential m) throws IOException {
        Map<String, Tensor> io = Safetensors.load(fixture("tiny_model_io.safetensors"));
        m.eval();
        Tensor out = m.forward(io.get("input"));
        Tensor want = io.get("output");
        assertArrayEquals(want.shape(), out.shape());
        float[] got = out.toFloatArray();
        float[] expected = want.toFloatArray();
        for (int i = 0; i < got.length; i++) {
            // Summation order inside the matrix products and LayerNorm may differ from PyTorch's; outputs are
            // sums of O(1) terms, so an error of a few float32 ulps of 1 is expected even for outputs near 0.
            assertEquals(expected[i], got[i], 1e-6 + 1e-6 * Math.abs(expected[i]), "output " + i);
        }
    }

    @Test
    void torchSaveStateDictLoadsIntoTheSameModel() throws IOException {
        Map<String, Tensor> state = TorchCheckpoint.loadStateDict(fixture("tiny_model.pt"));
        Sequential m = model();
        assertEquals(List.copyOf(state.keySet()), List.copyOf(m.stateDict().keySet()), "PyTorch's keys, one to one");
        m.loadStateDict(state);
        for (var e : state.entrySet()) {
            assertArrayEquals(Npy.toBytes(e.getValue()), Npy.toBytes(m.stateDict().get(e.getKey())), e.getKey());
        }
        assertGivesPyTorchsOutputs(m);
    }

    @Test
    void safetensorsStateDictLoadsAndRoundTrips() throws IOException {
        Sequential m = model();
        Module.IncompatibleKeys keys = m.loadStateDict(Safetensors.load(fixture("tiny_model.safetensors")), true);
        assertTrue(keys.missingKeys().isEmpty() && keys.unexpectedKeys().isEmpty());
        assertGivesPyTorchsOutputs(m);

        Path saved = tmp.resolve("saved.safetensors");
        Safetensors.save(m.stateDict(), saved);
        assertArrayEquals(Files.readAllBytes(fixture("tiny_model.safetensors")), Files.readAllBytes(saved),
                "the same bytes as the PyTorch-side writer");
        Sequential again = model();
        again.loadStateDict(Safetensors.load(saved));
        assertGivesPyTorchsOutputs(again);
    }

    @Test
    void moduleSaveAndLoadPickTheFormatFromTheFileName() throws IOException {
        Sequential m = model();
        m.load(fixture("tiny_model.pt"));
        assertGivesPyTorchsOutputs(m);
        Sequential fromSafetensors = model();
        fromSafetensors.load(fixture("tiny_model.safetensors"));
        assertGivesPyTorchsOutputs(fromSafetensors);
        Path saved = tmp.resolve("m.safetensors");
        m.save(saved);
        assertArrayEquals(Files.readAllBytes(fixture("tiny_model.safetensors")), Files.readAllBytes(saved));
        // Left in the build folder: `torch.load` of it loads into the PyTorch model (see the tool's docs).
        Path pt = Path.of("target", "checkpoints", "java-tiny_model.pt");
        Files.createDirectories(pt.getParent());
        m.save(pt);
        Sequential fromPt = model();
        fromPt.load(pt);
        assertGivesPyTorchsOutputs(fromPt);
    }
}
