package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every {@code repr} case of the PyTorch conformance set: {@code toString()} must match exactly. */
class ReprConformanceTest {
    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> toStringMatchesPyTorchRepr() throws IOException {
        List<Map<String, Object>> cases = ConformanceTensors.readCases("/conformance/repr.jsonl");
        assertTrue(cases.size() >= 70, "expected the full repr case set, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> {
            assertEquals("repr", c.get("op"));
            Tensor t = ConformanceTensors.tensor(((List<Object>) c.get("args")).get(0));
            String expected = (String) ((Map<String, Object>) c.get("expect")).get("string");
            assertEquals(expected, t.toString());
        }));
    }
}
