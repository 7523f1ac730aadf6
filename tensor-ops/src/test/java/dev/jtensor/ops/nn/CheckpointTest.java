package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Safetensors;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TorchVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch checkpoints in and out: a state dict written from PyTorch 1.13 (resources {@code checkpoints/},
 * by {@code make_checkpoints.py}) has the keys of the same JTensor model, equals its seeded initial
 * parameters bit for bit, and loads into it; a JTensor model saved as safetensors loads back.
 */
class CheckpointTest {
    private static Map<String, Tensor> resource(String name) throws IOException {
        try (InputStream in = CheckpointTest.class.getResourceAsStream("/checkpoints/" + name)) {
            return Safetensors.fromBytes(in.readAllBytes());
        }
    }

    /** nn.Sequential(nn.Conv1d(2, 3, 2), nn.BatchNorm1d(3), nn.Flatten(), nn.Linear(9, 4)) after manual_seed(21). */
    private static Sequential model() {
        TorchVersion previous = Generator.getCompatibility();
        Generator.setCompatibility(TorchVersion.V1_13);
        try {
            Tensor.manualSeed(21);
            return new Sequential(new Conv1d(2, 3, 2), new BatchNorm1d(3), new Flatten(), new Linear(9, 4));
        } finally {
            Generator.setCompatibility(previous);
        }
    }

    private static void assertSameBits(Map<String, Tensor> want, Map<String, Tensor> got) {
        assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()));
        for (var e : want.entrySet()) {
            Tensor g = got.get(e.getKey());
            assertEquals(e.getValue().dtype(), g.dtype(), e.getKey());
            assertArrayEquals(e.getValue().shape(), g.shape(), e.getKey());
            if (g.dtype().isFloatingPoint()) {
                assertArrayEquals(e.getValue().toFloatArray(), g.toFloatArray(), 0f, e.getKey());
            } else {
                assertArrayEquals(e.getValue().toLongArray(), g.toLongArray(), e.getKey());
            }
        }
    }

    @Test
    void pytorchStateDictMatchesTheSeededModelAndLoads() throws IOException {
        Sequential m = model();
        assertSameBits(resource("seq_init.safetensors"), m.stateDict());
        Map<String, Tensor> trained = resource("seq_trained.safetensors");
        assertNotEquals(0L, trained.get("1.num_batches_tracked").itemLong());
        m.loadStateDict(trained);
        assertSameBits(trained, m.stateDict());
    }

    @Test
    void moduleSavesAndLoadsSafetensors(@TempDir Path dir) throws IOException {
        Sequential m = model();
        m.loadStateDict(resource("seq_trained.safetensors"));
        Path file = dir.resolve("model.safetensors");
        m.save(file);
        Sequential fresh = new Sequential(new Conv1d(2, 3, 2), new BatchNorm1d(3), new Flatten(), new Linear(9, 4));
        fresh.load(file);
        assertSameBits(m.stateDict(), fresh.stateDict());
        assertEquals(true, Files.size(file) > 0);
    }
}
