package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Npy;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Module base (names, modes, gradients, state dict, devices) and the layers' PyTorch initialisation. */
class ModuleTest {
    private static Sequential mlp() {
        Generator g = new Generator(0);
        return new Sequential(new Linear(3, 4, true, g), new Tanh(), new Linear(4, 2, false, g), new Dropout(0.5));
    }

    @Test
    void namedParametersFollowRegistrationOrderWithDottedNames() {
        Sequential m = mlp();
        Map<String, Tensor> named = m.namedParameters();
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(named.keySet()));
        assertArrayEquals(new long[] {4, 3}, named.get("0.weight").shape());
        assertArrayEquals(new long[] {4}, named.get("0.bias").shape());
        assertArrayEquals(new long[] {2, 4}, named.get("2.weight").shape());
        assertEquals(List.copyOf(named.values()), m.parameters());
        for (Tensor p : m.parameters()) {
            assertTrue(p.requiresGrad() && p.isLeaf());
        }
        assertEquals(List.of("", "0", "1", "2", "3"), List.copyOf(m.namedModules().keySet()));
        assertNull(((Linear) m.get(2)).bias());
    }

    @Test
    void aSharedParameterIsListedOnce() {
        Linear shared = new Linear(2, 2, true, new Generator(1));
        Sequential m = new Sequential(shared, shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(m.namedParameters().keySet()));
    }

    @Test
    void linearHoldsPyTorchsInitialValues() {
        // rng/linear_init/0: torch.manual_seed(164834547); nn.Linear(3, 4)
        Generator.manualSeed(164834547L);
        Linear l = new Linear(3, 4);
        assertArrayEquals(new float[] {-0.054179788f, 0.08622708f, -0.32711762f, 0.19487366f, -0.2731966f,
                0.46525255f, 0.3718421f, -0.039934836f, 0.16236869f, -0.3463803f, 0.14787251f, -0.2687651f},
                l.weight().toFloatArray());
        assertArrayEquals(new float[] {0.20602292f, -0.42537603f, 0.34256813f, -0.4636803f}, l.bias().toFloatArray());
    }

    @Test
    void embeddingHoldsPyTorchsPaddedTable() {
        // rng/blog/4: torch.manual_seed(4321); nn.Embedding(8, 5, padding_idx=0)
        Generator.manualSeed(4321L);
        Embedding e = new Embedding(8, 5, 0);
        float[] w = e.weight().toFloatArray();
        for (int j = 0; j < 5; j++) {
            assertEquals(0f, w[j]);
        }
        assertArrayEquals(new float[] {-0.6415338f, 0.85379595f, -1.8968512f, 0.21421044f, 1.1936914f},
                e.weight().select(0, 1).toFloatArray());
        assertEquals(0L, e.paddingIdx());
    }

    @Test
    void trainAndEvalReachEveryModule() {
        Sequential m = mlp();
        assertTrue(m.isTraining() && m.get(3).isTraining());
        m.eval();
        assertFalse(m.isTraining() || m.get(0).isTraining() || m.get(3).isTraining());
        Tensor x = Tensor.ones(5, 2);
        assertSame(x, m.get(3).forward(x), "dropout in eval mode is the identity");
        m.train();
        assertTrue(m.get(3).isTraining());
    }

    @Test
    void zeroGradSetsToNoneByDefaultOrZeroesInPlace() {
        Sequential m = mlp();
        Tensor w = m.parameters().get(0);
        w.setGrad(Tensor.onesLike(w));
        m.zeroGrad(false);
        assertNotNull(w.grad());
        assertEquals(0.0, w.grad().abs().sum().item());
        m.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void stateDictRoundTripsThroughOneNpzArchive(@TempDir Path dir) throws Exception {
        Sequential a = mlp();
        Path file = dir.resolve("model.npz");
        a.save(file);
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(Npy.loadAll(file).keySet()));
        Sequential b = new Sequential(new Linear(3, 4, true, new Generator(7)), new Tanh(),
                new Linear(4, 2, false, new Generator(8)), new Dropout(0.5));
        Tensor before = b.parameters().get(0);
        b.load(file);
        assertSame(before, b.parameters().get(0), "loading copies in place, keeping the parameter");
        for (var e : a.stateDict().entrySet()) {
            assertArrayEquals(e.getValue().toFloatArray(), b.stateDict().get(e.getKey()).toFloatArray(), e.getKey());
        }
    }

    @Test
    void stateDictRoundTripsThroughNpyFiles(@TempDir Path dir) throws Exception {
        Generator.manualSeed(3);
        Embedding a = new Embedding(6, 3);
        a.save(dir.resolve("emb"));
        assertTrue(Files.exists(dir.resolve("emb").resolve("weight.npy")));
        Embedding b = new Embedding(6, 3);
        b.load(dir.resolve("emb"));
        assertArrayEquals(a.weight().toFloatArray(), b.weight().toFloatArray());
    }

    @Test
    void loadStateDictRejectsMissingUnexpectedAndMisshapenEntries() {
        Linear l = new Linear(3, 2, true, new Generator(0));
        TensorException missing = assertThrows(TensorException.class,
                () -> l.loadStateDict(Map.of("weight", Tensor.zeros(2, 3))));
        assertTrue(missing.getMessage().contains("bias"), missing.getMessage());
        TensorException unexpected = assertThrows(TensorException.class, () -> l.loadStateDict(
                Map.of("weight", Tensor.zeros(2, 3), "bias", Tensor.zeros(2), "extra", Tensor.zeros(1))));
        assertTrue(unexpected.getMessage().contains("extra"), unexpected.getMessage());
        TensorException shape = assertThrows(TensorException.class,
                () -> l.loadStateDict(Map.of("weight", Tensor.zeros(3, 2), "bias", Tensor.zeros(2))));
        assertTrue(shape.getMessage().contains("size mismatch for weight"), shape.getMessage());
        l.loadStateDict(Map.of("weight", Tensor.zeros(2, 3)), false);
        assertEquals(0.0, l.weight().abs().sum().item());
    }

    @Test
    void toDtypeAndDeviceReplaceParametersWithNewLeaves() {
        Linear l = new Linear(3, 2, true, new Generator(0));
        float[] w = l.weight().toFloatArray();
        l.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, l.weight().dtype());
        assertTrue(l.weight().requiresGrad() && l.weight().isLeaf());
        double[] d = l.weight().toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], d[i]);
        }
        Tensor before = l.weight();
        assertSame(l, l.to(Device.CPU));
        assertSame(before, l.weight(), "already on the device: nothing moves");
        assertThrows(TensorException.class, () -> l.to(DType.INT64));
    }

    /** A module with a parameter "w" and a buffer of the given name. */
    private static final class WithBuffer extends Module {
        WithBuffer(String bufferName) {
            registerParameter("w", Tensor.zeros(2));
            registerBuffer(bufferName, Tensor.ones(3));
        }

        @Override
        public Tensor forward(Tensor input) {
            return input;
        }
    }

    @Test
    void buffersAreSavedButNotTrainedAndNamesAreChecked() {
        WithBuffer m = new WithBuffer("running");
        assertEquals(List.of("w"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("running"), List.copyOf(m.namedBuffers().keySet()));
        assertEquals(List.of("w", "running"), List.copyOf(m.stateDict().keySet()));
        assertFalse(m.buffer("running").requiresGrad());
        assertThrows(TensorException.class, () -> new WithBuffer("w"), "a name registered twice");
        assertThrows(TensorException.class, () -> new WithBuffer("a.b"), "a dotted name");
        assertThrows(TensorException.class, () -> m.parameter("nope"));
    }

    @Test
    void layersComputeWhatTheFunctionalOpsCompute() {
        Generator g = new Generator(5);
        Linear l = new Linear(3, 2, true, g);
        Tensor x = Tensor.randn(new long[] {4, 3}, DType.FLOAT32, g);
        assertArrayEquals(F.linear(x, l.weight(), l.bias()).toFloatArray(), l.forward(x).toFloatArray());
        LayerNorm ln = new LayerNorm(3);
        assertArrayEquals(F.layerNorm(x, new long[] {3}).toFloatArray(), ln.forward(x).toFloatArray(), 1e-6f);
        assertArrayEquals(x.tanh().toFloatArray(), new Tanh().forward(x).toFloatArray());
        assertArrayEquals(x.relu().toFloatArray(), new ReLU().forward(x).toFloatArray());
        assertTrue(l.toString().contains("in_features=3, out_features=2, bias=True"), l.toString());
    }
}
