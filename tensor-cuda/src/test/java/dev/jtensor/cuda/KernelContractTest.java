package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.spi.BinaryOp;
import dev.jtensor.core.spi.ReduceOp;
import dev.jtensor.core.spi.UnaryOp;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract between the Java side and the kernels, checked without a GPU: op codes and limits
 * agree with the .cu file's {@code #define}s, and every kernel's parameter list in the PTX has the
 * sizes the Java side packs into {@link KernelArgs} (a mismatch would be a silent memory error on a GPU).
 */
class KernelContractTest {
    private static final Path CU = Path.of("src/main/cuda/jtensor_kernels.cu");
    private static final int ITER = IterParams.INTS * 4;
    private static final int INDEX = (1 + 3 * CudaIndexing.MAX_INDICES) * 8;
    private static final int SHAPE = (1 + CudaIndexing.MAX_NONZERO_DIMS) * 4;

    private static Map<String, Integer> defines() throws Exception {
        Map<String, Integer> m = new TreeMap<>();
        Matcher d = Pattern.compile("^#define JT_(\\w+) (\\d+)\\s*$", Pattern.MULTILINE).matcher(Files.readString(CU));
        while (d.find()) {
            m.put(d.group(1), Integer.parseInt(d.group(2)));
        }
        return m;
    }

    @Test
    void opCodesMatchTheDefinesBothWays() throws Exception {
        Map<String, Integer> cu = new TreeMap<>();
        defines().forEach((k, v) -> {
            if (k.matches("[UBR]_\\w+")) {
                cu.put(k, v);
            }
        });
        Map<String, Integer> java = new TreeMap<>();
        for (Field f : OpCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                f.setAccessible(true);
                java.put(f.getName(), f.getInt(null));
            }
        }
        assertEquals(cu, java);
        assertTrue(cu.size() > 40);
    }

    private static int opCode(String name) throws ReflectiveOperationException {
        Field f = OpCodes.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.getInt(null);
    }

    @Test
    void coreOpsMapToTheCodeOfTheSameName() throws Exception {
        for (UnaryOp op : UnaryOp.values()) {
            assertEquals(opCode("U_" + op.name()), CudaBackend.unaryCode(op), op.name());
        }
        for (BinaryOp op : BinaryOp.values()) {
            assertEquals(opCode("B_" + op.name()), CudaBackend.binaryCode(op), op.name());
            assertEquals(op.isComparison(), OpCodes.isComparison(CudaBackend.binaryCode(op)), op.name());
        }
        for (ReduceOp op : ReduceOp.values()) {
            assertEquals(opCode("R_" + op.name()), CudaBackend.reduceCode(op), op.name());
        }
    }

    @Test
    void limitsMatchTheDefines() throws Exception {
        Map<String, Integer> d = defines();
        assertEquals(IterParams.MAX_DIMS, d.get("MAX_DIMS"));
        assertEquals(IterParams.MAX_OPS, d.get("MAX_OPS"));
        assertEquals(CudaIndexing.MAX_INDICES, d.get("MAX_INDICES"));
        assertEquals(CudaIndexing.NONZERO_CHUNK, d.get("NZ_CHUNK"));
        assertEquals(CudaIndexing.MAX_NONZERO_DIMS, d.get("MAX_NZ_DIMS"));
    }

    /** The byte sizes of an entry's parameters, in order, from the PTX. */
    private static List<Integer> ptxParams(String ptx, String entry) {
        Matcher m = Pattern.compile("\\.entry " + entry + "\\(([^)]*)\\)").matcher(ptx);
        assertTrue(m.find(), "no entry " + entry);
        List<Integer> sizes = new ArrayList<>();
        Matcher p = Pattern.compile("\\.param\\s+(?:\\.align \\d+\\s+)?\\.(\\w)(\\d+)\\s+\\w+(?:\\[(\\d+)])?").matcher(m.group(1));
        while (p.find()) {
            sizes.add(p.group(3) != null ? Integer.parseInt(p.group(3)) : Integer.parseInt(p.group(2)) / 8);
        }
        return sizes;
    }

    /** What the Java side passes to each family (see CudaBackend, CudaElementwise, CudaReductions, CudaIndexing, CudaGemm). */
    private static final Map<String, List<Integer>> JAVA_SIDE = Map.ofEntries(
            Map.entry("copy", List.of(ITER, 8, 8)),
            Map.entry("fill", List.of(ITER, 8, 8, 8)),
            Map.entry("unary", List.of(ITER, 8, 8, 4)),
            Map.entry("binary", List.of(ITER, 8, 8, 8, 4, 8, 8)),
            Map.entry("compare", List.of(ITER, 8, 8, 8, 4)),
            Map.entry("where", List.of(ITER, 8, 8, 8, 8)),
            Map.entry("reduce_sum", List.of(ITER, 8, 8, 4, 4, 4)),
            Map.entry("reduce_minmax", List.of(ITER, 8, 8, 8, 4, 4, 4, 4)),
            Map.entry("reduce_bool", List.of(ITER, 8, 8, 4, 4, 4)),
            Map.entry("reduce_logsumexp", List.of(ITER, 8, 8, 4, 4)),
            Map.entry("stdvar", List.of(ITER, 8, 8, 4, 4, 8, 4)),
            Map.entry("cumsum", List.of(ITER, 8, 8, 4, 4, 4)),
            Map.entry("index_gather", List.of(ITER, 8, 8, INDEX)),
            Map.entry("index_put", List.of(ITER, 8, 8, INDEX, 4, 8, 8)),
            Map.entry("nonzero_count", List.of(8, 4, 8)),
            Map.entry("nonzero_write", List.of(8, 4, 8, 8, SHAPE)),
            Map.entry("gemm", List.of(ITER, 8, 8, 8, 4, 4, 4, 8, 8)),
            Map.entry("scale", List.of(ITER, 8, 8)),
            Map.entry("softmax", List.of(8, 4, 4, 8, 8, 4)),
            Map.entry("softmax_backward", List.of(8, 4, 4, 8, 8, 8, 4)),
            Map.entry("cross_entropy_forward", List.of(4, 4, 8, 8, 8, 8, 8, 8, 8, 8, 8)),
            Map.entry("cross_entropy_total", List.of(4, 8, 8, 4, 8, 8)),
            Map.entry("cross_entropy_backward", List.of(4, 4, 8, 8, 8, 8, 8, 8, 8, 4, 8, 8, 8)),
            Map.entry("weight_sum", List.of(4, 8, 8)),
            Map.entry("embedding_bag", List.of(4, 4, 8, 8, 8, 4, 8, 8, 8, 8)),
            Map.entry("embedding_bag_backward", List.of(4, 4, 8, 8, 8, 4, 8, 8, 8, 8)));

    @Test
    void everyKernelTakesWhatTheJavaSidePacks() {
        String ptx = PtxResource.load().text();
        int checked = 0;
        for (String name : KernelNames.all()) {
            String family = name.substring(0, name.lastIndexOf('_'));
            if (family.startsWith("copy_")) {
                family = "copy";
            }
            List<Integer> expected = JAVA_SIDE.get(family);
            assertTrue(expected != null, "no Java-side signature for " + name);
            assertEquals(expected, ptxParams(ptx, name), name);
            checked++;
        }
        assertEquals(KernelNames.all().size(), checked);
    }

    @Test
    void kernelNamesPerDtype() {
        assertEquals("copy_f32_b8", KernelNames.copy(DType.FLOAT32, DType.BOOL));
        assertEquals("index_put_i32", KernelNames.of("index_put", DType.INT32));
        assertEquals(KernelNames.all().size(), new java.util.HashSet<>(KernelNames.all()).size(), "no duplicates");
    }
}
