package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed PTX: loadable from the jar, defining every kernel the Java side launches, and not stale. */
class PtxResourceTest {
    private static final Path CU = Path.of("src/main/cuda/jtensor_kernels.cu");
    private static final Path STAMP = Path.of("src/main/cuda/jtensor_kernels.cu.sha256");
    private static final String REBUILD = "rebuild it with ./mvnw -q -Pptx -pl tensor-cuda -am test-compile";

    @Test
    void definesEveryKernelTheBackendLaunches() {
        PtxResource ptx = PtxResource.load();
        Set<String> missing = new TreeSet<>(KernelNames.all());
        missing.removeAll(ptx.entries());
        assertTrue(missing.isEmpty(), "kernels launched from Java but absent from the PTX: " + missing + "; " + REBUILD);
    }

    @Test
    void aDriverOfTheCuda13SeriesCanJitIt() {
        PtxResource ptx = PtxResource.load();
        // nvcc 13.0 writes ISA 9.0, which the 580 driver series (CUDA 13.0) accepts; newer ISAs need newer drivers.
        assertTrue(ptx.isaVersion() <= 90, "PTX ISA " + ptx.isaVersion() + " needs a driver newer than CUDA 13.0");
        assertEquals("sm_75", ptx.target(), "compute_75 is the oldest arch nvcc 13 supports");
    }

    @Test
    void isBuiltFromTheCurrentKernelSource() throws Exception {
        String stamp = Files.readString(STAMP).strip().split("\\s+")[0];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(CU));
        assertEquals(HexFormat.of().formatHex(digest), stamp, "jtensor_kernels.cu changed since the PTX was built; " + REBUILD);
    }

    @Test
    void ptxAndFatbinAreTheOnesTheStampRecords() throws Exception {
        // The ptx profile stamps the .cu, then the PTX and the fatbin it built from it, in one run.
        java.util.List<String> lines = Files.readAllLines(STAMP);
        assertEquals(3, lines.size(), "the stamp lists the .cu, the .ptx and the .fatbin; " + REBUILD);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] ptx;
        try (var in = PtxResource.class.getResourceAsStream(PtxResource.RESOURCE)) {
            ptx = in.readAllBytes();
        }
        assertEquals(HexFormat.of().formatHex(sha.digest(ptx)), lines.get(1).split("\\s+")[0],
                "the PTX resource was not built with the stamped source; " + REBUILD);
        byte[] fatbin = KernelImages.loadFatbin();
        assertTrue(fatbin != null, "the fatbin resource is in the jar");
        assertEquals(HexFormat.of().formatHex(sha.digest(fatbin)), lines.get(2).split("\\s+")[0],
                "the fatbin resource was not built with the stamped source; " + REBUILD);
    }

    @Test
    void parsesEntriesVersionAndTarget() {
        PtxResource p = new PtxResource("""
                .version 8.7
                .target sm_80
                .address_size 64
                .visible .entry first_f32(
                \t.param .u64 first_f32_param_0
                )
                .func helper(
                .visible .entry second_b8 (
                """);
        assertEquals(Set.of("first_f32", "second_b8"), p.entries());
        assertEquals(87, p.isaVersion());
        assertEquals("sm_80", p.target());
    }
}
