package dev.jtensor.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.Npy;
import dev.jtensor.core.spi.AutogradEngine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library as a user gets it from a repository: the README's program and a training loop print what
 * PyTorch 1.13.1 prints for the same code, run here on the class path and in a child JVM on the module path
 * ({@code java -p ... -m dev.jtensor.consumer/...}), where JTensor's module descriptors and services are used.
 */
class ConsumerTest {
    /** Taste's output in PyTorch 1.13.1: print(y.size()); print(w.grad) after torch.manual_seed(42) etc. */
    private static final String TASTE = """
            torch.Size([2, 3])
            tensor([[ 0.1298,  0.0035,  0.0083],
                    [ 0.2868,  0.0069, -0.2266]])
            """;

    @ParameterizedTest
    @ValueSource(strings = {"class path", "module path"})
    void readmeProgramPrintsWhatPyTorchPrints(String path) throws Exception {
        Files.deleteIfExists(Path.of("w.npy"));
        assertEquals(TASTE, run(path, Taste.class));
        assertArrayEquals(new long[] {2, 3}, Npy.load(Path.of("w.npy")).shape());
    }

    @ParameterizedTest
    @ValueSource(strings = {"class path", "module path"})
    void trainingLoopFollowsPyTorch(String path) throws Exception {
        List<String> lines = run(path, Train.class).lines().toList();
        // The same loop in PyTorch 1.13.1: losses at steps 0, 25, 50, 75, 99, then the fitted parameters.
        double[] expected = {6.163935, 0.009251, 0.000061, 0.000000, 0.000000};
        int[] steps = {0, 25, 50, 75, 99};
        assertEquals(7, lines.size(), String.join("\n", lines));
        for (int i = 0; i < steps.length; i++) {
            String[] f = lines.get(i).split(" ");
            assertEquals("step " + steps[i] + " loss", f[0] + " " + f[1] + " " + f[2], lines.get(i));
            assertEquals(expected[i], Double.parseDouble(f[3]), 2e-6 + 1e-5 * expected[i], lines.get(i));
        }
        assertEquals("tensor([[ 1.0000, -1.9999,  0.5000]])", lines.get(5));
        assertEquals("tensor([0.3000])", lines.get(6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"class path", "module path"})
    void loadedAsModulesOnlyOnTheModulePath(String path) throws Exception {
        String expected = path.equals("module path") ? "dev.jtensor.core dev.jtensor.ops dev.jtensor.consumer"
                : "null null null";
        assertEquals(expected + "\n", run(path, Modules.class));
        // on the class path, autograd (Tensor.backward) finds tensor-ops' engine through META-INF/services
        String service = "META-INF/services/" + AutogradEngine.class.getName();
        assertTrue(AutogradEngine.class.getClassLoader().getResource(service) != null, service);
    }

    private interface Main {
        void run() throws Exception;
    }

    /** What the program's main prints, run in this JVM (class path) or in a child JVM on the module path. */
    private static String run(String path, Class<?> program) throws Exception {
        if (path.equals("class path")) {
            return captured(() -> program.getMethod("main", String[].class).invoke(null, (Object) new String[0]));
        }
        // The module path: this build's classes and the jars JTensor brings (tensor-ops, tensor-core, slf4j-api).
        List<String> modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(File.separator + "classes") || p.contains("dev" + File.separator + "jtensor")
                        || p.contains("org" + File.separator + "slf4j"))
                .toList();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--module-path", String.join(File.pathSeparator, modulePath),
                "-m", "dev.jtensor.consumer/" + program.getName()));
        Path err = Files.createTempFile("consumer", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        String stderr = Files.readString(err);
        Files.delete(err);
        assertEquals(0, exit, String.join(" ", command) + "\n" + out + stderr);
        return out;
    }

    private static String captured(Main body) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
