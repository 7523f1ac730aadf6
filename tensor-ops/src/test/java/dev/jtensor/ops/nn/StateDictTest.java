package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code state_dict()} keys and {@code load_state_dict} errors as PyTorch 1.13 gives them (the expected
 * keys and messages were printed by PyTorch for the same models).
 */
class StateDictTest {
    /** PyTorch's {@code Net}: {@code layers = Sequential(Linear, Tanh, Linear)}, {@code emb}, and {@code tied = emb}. */
    private static final class Net extends Module {
        Net() {
            Generator g = new Generator(0);
            registerModule("layers", new Sequential(new Linear(2, 2, true, g), new Tanh(), new Linear(2, 1, true, g)));
            Embedding emb = registerModule("emb", new Embedding(3, 2, null, g));
            registerModule("tied", emb);
        }

        @Override
        public Tensor forward(Tensor input) {
            return input;
        }
    }

    @Test
    void keysAreTorchsIncludingAModuleReachableTwice() {
        // PyTorch: ['layers.0.weight', 'layers.0.bias', 'layers.2.weight', 'layers.2.bias', 'emb.weight', 'tied.weight']
        Net net = new Net();
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "emb.weight",
                "tied.weight"), List.copyOf(net.stateDict().keySet()));
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "emb.weight"),
                List.copyOf(net.namedParameters().keySet()), "named_parameters lists a shared tensor once");
    }

    private static Sequential linearNorm() {
        return new Sequential(new Linear(2, 3, true, new Generator(0)), new LayerNorm(3));
    }

    @Test
    void strictErrorsListMissingUnexpectedAndSizeMismatchesAsPyTorchDoes() {
        Sequential m = linearNorm();
        Map<String, Tensor> sd = new LinkedHashMap<>(m.stateDict());
        sd.put("extra", Tensor.zeros(1));
        sd.remove("0.bias");
        sd.put("1.weight", Tensor.zeros(4));
        sd.put("0.weight", Tensor.zeros());
        sd.put("2.x", Tensor.zeros(1));
        TensorException e = assertThrows(TensorException.class, () -> m.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tMissing key(s) in state_dict: \"0.bias\". \n"
                + "\tUnexpected key(s) in state_dict: \"extra\", \"2.x\". \n"
                + "\tsize mismatch for 0.weight: copying a param with shape torch.Size([]) from checkpoint, the shape "
                + "in current model is torch.Size([3, 2]).\n"
                + "\tsize mismatch for 1.weight: copying a param with shape torch.Size([4]) from checkpoint, the shape "
                + "in current model is torch.Size([3]).", e.getMessage());
        TensorException nonStrict = assertThrows(TensorException.class, () -> m.loadStateDict(sd, false));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tsize mismatch for 0.weight: copying a param with shape torch.Size([]) from checkpoint, the shape "
                + "in current model is torch.Size([3, 2]).\n"
                + "\tsize mismatch for 1.weight: copying a param with shape torch.Size([4]) from checkpoint, the shape "
                + "in current model is torch.Size([3]).", nonStrict.getMessage());
    }

    @Test
    void nonStrictLoadReturnsTheIncompatibleKeysAndCopiesTheRest() {
        Sequential m = linearNorm();
        Tensor weight = m.stateDict().get("0.weight");
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("extra", Tensor.zeros(1));
        sd.put("0.weight", Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Module.IncompatibleKeys keys = m.loadStateDict(sd, false);
        assertEquals(List.of("0.bias", "1.weight", "1.bias"), keys.missingKeys());
        assertEquals(List.of("extra"), keys.unexpectedKeys());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.stateDict().get("0.weight").toFloatArray(),
                "converted to the parameter's float32");
        assertSame(weight.storage(), m.stateDict().get("0.weight").storage(), "copied in place");
    }

    @Test
    void aFailedLoadCopiesNothing() {
        Sequential m = linearNorm();
        float[] before = m.stateDict().get("0.bias").toFloatArray();
        Map<String, Tensor> sd = new LinkedHashMap<>(m.stateDict());
        sd.put("0.bias", Tensor.ones(3));
        sd.put("1.weight", Tensor.zeros(4));
        assertThrows(TensorException.class, () -> m.loadStateDict(sd));
        assertArrayEquals(before, m.stateDict().get("0.bias").toFloatArray());
    }
}
