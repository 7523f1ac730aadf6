package dev.jtensor.ops.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rng conformance programs held to a stricter standard than the runner's tolerance: every
 * float32 value must equal PyTorch's bit for bit (the file prints float32 values in their shortest
 * round-trip form, so parsing and rounding to float recovers PyTorch's exact value).
 */
class RngExactTest {
    @TestFactory
    Stream<DynamicTest> everyProgramBitForBit() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(ConformanceTest.casesDir().resolve("rng.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            tests.add(DynamicTest.dynamicTest(c.get("id").textValue(), () -> check(c)));
        }
        assertTrue(tests.size() >= 70, "rng.jsonl has " + tests.size() + " programs");
        return tests.stream();
    }

    private static void check(JsonNode c) {
        List<Object> args = List.of(Values.fromJson(c.get("args").get(0)), Values.fromJson(c.get("args").get(1)));
        List<Tensor> got = RngPrograms.run(new Args(args, Map.of()));
        JsonNode expect = c.get("expect");
        assertEquals(expect.size(), got.size(), "number of tensors");
        for (int k = 0; k < got.size(); k++) {
            JsonNode e = expect.get(k).get("tensor");
            Tensor t = got.get(k);
            assertEquals(e.get("dtype").textValue(), t.dtype().torchName(), "dtype of result " + k);
            JsonNode data = e.get("data");
            assertEquals(data.size(), t.numel(), "numel of result " + k);
            if (t.dtype().isFloatingPoint()) {
                float[] f = t.toFloatArray();
                for (int i = 0; i < f.length; i++) {
                    float want = (float) data.get(i).doubleValue();
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(f[i]),
                            "result " + k + " element " + i + ": want " + want + " got " + f[i]);
                }
            } else {
                long[] l = t.toLongArray();
                for (int i = 0; i < l.length; i++) {
                    assertEquals(data.get(i).longValue(), l[i], "result " + k + " element " + i);
                }
            }
        }
    }
}
