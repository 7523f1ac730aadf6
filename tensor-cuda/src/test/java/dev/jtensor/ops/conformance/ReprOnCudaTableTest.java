package dev.jtensor.ops.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtensor.core.Device;
import dev.jtensor.core.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Without a GPU: the GPU conformance run's expected reprs ({@code conformance-gpu/repr-cuda.jsonl},
 * PyTorch's output for each repr case's tensor on {@code cuda:0}) cover every repr case, and
 * JTensor prints each case's tensor exactly so when the tensor lives on another device (tensor-ops'
 * test device {@code fake:0}, the device name swapped for {@code cuda:0}).
 */
class ReprOnCudaTableTest {
    @Test
    void jtensorPrintsEveryReprCaseAsPytorchDoesOnCuda() throws Exception {
        Path cases = Path.of(System.getProperty("conformance.dir"), "repr.jsonl");
        ObjectMapper json = new ObjectMapper();
        Device fake = Device.of("fake");
        int n = 0;
        StringBuilder failures = new StringBuilder();
        for (String line : Files.readAllLines(cases)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            String id = c.get("id").textValue();
            String want = CudaConformanceTest.reprOnCuda(id).get("string").textValue();
            assertTrue(want.contains("device='cuda:0'"), id + ": " + want);
            Tensor t = (Tensor) Values.fromJson(c.get("args").get(0));
            String got = t.to(fake).toString().replace("device='fake:0'", "device='cuda:0'");
            if (!want.equals(got)) {
                failures.append('\n').append(id).append(":\n").append(want).append("\n but got\n").append(got);
            }
            n++;
        }
        assertEquals(71, n, "repr cases checked");
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
