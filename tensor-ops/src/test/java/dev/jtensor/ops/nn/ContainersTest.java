package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ModuleList, ModuleDict, ParameterList, apply and requiresGrad_: PyTorch's names and traversal order. */
class ContainersTest {
    @Test
    void containersRegisterUnderPyTorchNames() {
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put("encoder", new Linear(3, 4));
        parts.put("head", new Sequential(new ReLU(), new Linear(4, 2)));
        ModuleDict dict = new ModuleDict(parts);
        ModuleList list = new ModuleList(new Linear(2, 2)).append(new LayerNorm(2));
        ParameterList params = new ParameterList(Tensor.zeros(3), Tensor.ones(2, 2));
        Sequential all = new Sequential(dict, list, params);
        assertEquals(List.of("0.encoder.weight", "0.encoder.bias", "0.head.1.weight", "0.head.1.bias", "1.0.weight",
                "1.0.bias", "1.1.weight", "1.1.bias", "2.0", "2.1"), List.copyOf(all.namedParameters().keySet()));
        assertSame(parts.get("head"), dict.get("head"));
        assertEquals(2, list.size());
        assertTrue(params.get(1).requiresGrad());
        assertThrows(TensorException.class, () -> dict.get("missing"));
        assertThrows(TensorException.class, () -> list.forward(Tensor.zeros(2)));
        assertThrows(TensorException.class, () -> dict.put("encoder", new ReLU()));
    }

    @Test
    void applyVisitsChildrenFirstAndRequiresGradFreezes() {
        Sequential m = new Sequential(new Linear(2, 3), new Sequential(new ReLU(), new Linear(3, 1)));
        List<String> seen = new ArrayList<>();
        m.apply(x -> seen.add(x.getClass().getSimpleName()));
        assertEquals(List.of("Linear", "ReLU", "Linear", "Sequential", "Sequential"), seen);
        m.apply(x -> {
            if (x instanceof Linear l) {
                Init.constant_(l.weight(), 0.5);
            }
        });
        assertEquals(0.5, m.parameters().get(0).toDoubleArray()[0]);
        m.requiresGrad_(false);
        for (Tensor p : m.parameters()) {
            assertFalse(p.requiresGrad());
        }
    }
}
