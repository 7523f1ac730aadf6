package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading {@code torch.save} files written by PyTorch 1.13 ({@code tools/make_checkpoint_fixtures.py}; the
 * expected values are in {@code .npz} files NumPy wrote from the same tensors), and refusing hostile ones.
 */
class TorchCheckpointTest {
    @TempDir
    Path tmp;

    private Path fixture(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, SafetensorsTest.resource(name));
        return p;
    }

    @Test
    void loadsEveryDtypeBitForBit() throws IOException {
        Map<String, Tensor> got = TorchCheckpoint.loadStateDict(fixture("dtypes.pt"));
        Map<String, Tensor> want = SafetensorsTest.expected("dtypes_expected.npz");
        assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()));
        for (var e : want.entrySet()) {
            SafetensorsTest.assertSameBits(e.getValue(), got.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void viewsComeBackOverOneStorageWithTheSavedLayout() throws IOException {
        Map<String, Tensor> got = TorchCheckpoint.loadStateDict(fixture("views.pt"));
        Map<String, Tensor> want = SafetensorsTest.expected("views_expected.npz");
        for (var e : want.entrySet()) {
            SafetensorsTest.assertSameBits(e.getValue(), got.get(e.getKey()).detach().contiguous(), e.getKey());
        }
        Tensor base = got.get("base");
        // PyTorch: base[::2, 1::2], base.t(), base[2], base[3, 5], arange(6).reshape(2, 3)[:, 1:]
        assertLayout(got.get("strided"), new long[] {2, 3}, new long[] {12, 2}, 1);
        assertLayout(got.get("transposed"), new long[] {6, 4}, new long[] {1, 6}, 0);
        assertLayout(got.get("row"), new long[] {6}, new long[] {1}, 12);
        assertLayout(got.get("scalar_view"), new long[] {}, new long[] {}, 23);
        assertLayout(got.get("ints"), new long[] {2, 2}, new long[] {3, 1}, 1);
        for (String view : List.of("strided", "transposed", "row", "scalar_view")) {
            assertSame(base.storage(), got.get(view).storage(), view + " shares base's storage");
        }
        base.fill_(-1.0);
        assertEquals(-1.0, got.get("transposed").sum().item() / 24);
        assertEquals(-1.0, got.get("strided").sum().item() / 6, "a write through base is seen by the view");
        assertFalse(got.get("param").requiresGrad(), "an nn.Parameter comes back as a plain tensor");
    }

    private static void assertLayout(Tensor t, long[] shape, long[] stride, long offset) {
        assertArrayEquals(shape, t.shape());
        assertArrayEquals(stride, t.stride());
        assertEquals(offset, t.storageOffset());
    }

    @Test
    void loadsATrainingCheckpointWithPlainValues() throws IOException {
        Object saved = TorchCheckpoint.load(fixture("checkpoint.pt"));
        Map<?, ?> root = assertInstanceOf(Map.class, saved);
        assertEquals(List.of("model", "step", "lr", "name", "betas", "milestones", "nested"), List.copyOf(root.keySet()));
        Map<?, ?> model = assertInstanceOf(Map.class, root.get("model"));
        Map<String, Tensor> want = SafetensorsTest.expected("checkpoint_expected.npz");
        assertEquals(List.copyOf(want.keySet()), List.copyOf(model.keySet()));
        for (var e : want.entrySet()) {
            SafetensorsTest.assertSameBits(e.getValue(), (Tensor) model.get(e.getKey()), e.getKey());
        }
        assertEquals(7L, root.get("step"));
        assertEquals(0.5, root.get("lr"));
        assertEquals("run-1", root.get("name"));
        assertEquals(List.of(0.9, 0.999), root.get("betas"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) root.get("betas")).clear(), "a tuple");
        assertEquals(new ArrayList<>(List.of(10L, 20L)), root.get("milestones"));
        Map<?, ?> nested = assertInstanceOf(Map.class, root.get("nested"));
        assertEquals(true, nested.get("flag"));
        assertTrue(nested.containsKey("none"));
        assertNull(nested.get("none"));
        assertEquals(1L << 40, nested.get("big"));
        assertEquals(-5L, nested.get("neg"));
        assertEquals(BigInteger.TWO.pow(70), nested.get("huge"));
        IOException notFlat = assertThrows(IOException.class,
                () -> TorchCheckpoint.loadStateDict(fixture("checkpoint.pt")));
        assertTrue(notFlat.getMessage().contains("but entry model is a dict"), notFlat.getMessage());
    }

    // ------------------------------------------------------------------ hostile files

    private static String refused(Path p) {
        return assertThrows(IOException.class, () -> TorchCheckpoint.load(p)).getMessage();
    }

    private static void assertRefused(Path p, String fragment) {
        String message = refused(p);
        assertTrue(message.contains(fragment), "'" + message + "' should contain '" + fragment + "'");
    }

    @Test
    void refusesGlobalsThatWouldRunCode() throws IOException {
        assertRefused(fixture("evil_global.pt"), "forbidden global posix.system");
        assertRefused(fixture("evil_eval.pt"), "forbidden global builtins.eval");
    }

    /** A pickle written opcode by opcode. */
    private static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int... codes) {
            for (int c : codes) {
                out.write(c);
            }
            return this;
        }

        Pickle str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        Pickle global(String module, String name) {
            out.write('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Pickle int1(int v) {
            return op('K', v);
        }

        Pickle long8(long v) {
            out.write(0x8a);
            out.write(8);
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            return this;
        }

        /** {@code _rebuild_tensor_v2(('storage', type, key, 'cpu', numel), offset, size, stride, False, OrderedDict())}. */
        Pickle tensor(String storageClass, String key, int numel, int offset, long[] size, long[] stride) {
            global("torch._utils", "_rebuild_tensor_v2").op('(', '(').str("storage").global("torch", storageClass)
                    .str(key).str("cpu").int1(numel).op('t', 'Q').int1(offset).op('(');
            for (long s : size) {
                long8(s);
            }
            op('t', '(');
            for (long s : stride) {
                long8(s);
            }
            return op('t', 0x89).global("collections", "OrderedDict").op(')', 'R', 't', 'R');
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private Path archive(byte[] pickle, Map<String, byte[]> storages) throws IOException {
        Path p = Files.createTempFile(tmp, "hostile", ".pt");
        try (OutputStream f = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(f)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            for (var e : storages.entrySet()) {
                zip.putNextEntry(new ZipEntry("archive/data/" + e.getKey()));
                zip.write(e.getValue());
            }
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return p;
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    @Test
    void handMadeTensorPicklesLoadAndBadLayoutsAreRefused() throws IOException {
        Map<String, byte[]> two = Map.of("0", floats(1.5f, -2f));
        Pickle ok = new Pickle().op(0x80, 2).tensor("FloatStorage", "0", 2, 1, new long[] {1}, new long[] {1}).op('.');
        Tensor t = (Tensor) TorchCheckpoint.load(archive(ok.bytes(), two));
        assertArrayEquals(new float[] {-2f}, t.toFloatArray());

        Pickle past = new Pickle().op(0x80, 2).tensor("FloatStorage", "0", 2, 0, new long[] {3}, new long[] {1}).op('.');
        assertRefused(archive(past.bytes(), two), "size [3] stride [1] offset 0 reach element 2 of a storage of 2");
        Pickle overflow = new Pickle().op(0x80, 2)
                .tensor("FloatStorage", "0", 2, 0, new long[] {4, 4}, new long[] {1L << 62, 1L << 62}).op('.');
        assertRefused(archive(overflow.bytes(), two), "overflow 64 bits");
        Pickle negative = new Pickle().op(0x80, 2).tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {-1}).op('.');
        assertRefused(archive(negative.bytes(), two), "stride must hold non-negative integers");
        Pickle complex = new Pickle().op(0x80, 2).tensor("ComplexFloatStorage", "0", 1, 0, new long[] {1},
                new long[] {1}).op('.');
        assertRefused(archive(complex.bytes(), two),
                "a torch.ComplexFloatStorage holds complex64, a dtype JTensor does not have");
        assertRefused(archive(ok.bytes(), Map.of("0", floats(1f))),
                "storage 0 declares 2 torch.FloatStorage elements (8 bytes) but its entry holds 4 bytes");
        assertRefused(archive(ok.bytes(), Map.of()), "storage 0 has no entry archive/data/0");
        Pickle sneaky = new Pickle().op(0x80, 2).tensor("FloatStorage", "../0", 2, 0, new long[] {2}, new long[] {1}).op('.');
        assertRefused(archive(sneaky.bytes(), two), "storage key '../0' is not a plain name");
        Pickle tooBig = new Pickle().op(0x80, 2).tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1});
        byte[] b = tooBig.bytes();
        assertRefused(archive(b, two), "truncated pickle");
    }

    @Test
    void refusesCodeOpcodesAndMalformedPickles() throws IOException {
        Map<String, byte[]> none = Map.of();
        assertRefused(archive(new Pickle().op(0x80, 2).op('i').bytes(), none), "unsupported pickle opcode 0x69 ('i')");
        assertRefused(archive(new Pickle().op(0x80, 2).global("torch", "Size").bytes(), none),
                "global torch.Size is not supported");
        assertRefused(archive(new Pickle().op(0x80, 2).global("torch.nn.parameter", "Parameter").bytes(), none),
                "not supported");
        assertRefused(archive(new Pickle().op(0x80, 2).op(']', ')', 'b').bytes(), none),
                "BUILD (setting an object's state) is only accepted on an OrderedDict");
        assertRefused(archive(new Pickle().op(0x80, 2).op(']', ')', 'R').bytes(), none),
                "REDUCE may only call OrderedDict or a tensor rebuild function");
        assertRefused(archive(new Pickle().op(0x80, 2, 't').bytes(), none), "no MARK to pop to");
        assertRefused(archive(new Pickle().op(0x80, 2, 'h', 9).bytes(), none), "memo entry 9 was never stored");
        assertRefused(archive(new Pickle().op(0x80, 2, 'X', 0xff, 0xff, 0xff, 0xff).bytes(), none),
                "truncated pickle: 4294967295 bytes needed");
        assertRefused(archive(new Pickle().op(0x80, 2, 'N', 'N', '.').bytes(), none), "values left on the stack");
        assertRefused(archive(new Pickle().op(0x80, 2, '.').bytes(), none), "stack underflow");
        assertRefused(archive(new Pickle().op(0x80, 2, ']', '}', 's', '.').bytes(), none), "stack underflow");
        assertRefused(archive(new Pickle().op(0x80, 2, '}', ']', 'N', 's', '.').bytes(), none), "unhashable dict key");
        assertRefused(archive(new Pickle().op(0x80, 2, 'N', 'N', 'a', '.').bytes(), none), "can only append to lists");
    }

    @Test
    void everyTruncatedPickleIsRefused() throws IOException {
        byte[] pickle;
        Map<String, byte[]> storages = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(fixture("views.pt").toFile())) {
            pickle = zip.getInputStream(zip.getEntry("views/data.pkl")).readAllBytes();
            for (String key : List.of("0", "1", "2")) {
                ZipEntry e = zip.getEntry("views/data/" + key);
                if (e != null) {
                    storages.put(key, zip.getInputStream(e).readAllBytes());
                }
            }
        }
        assertInstanceOf(Map.class, TorchCheckpoint.load(archive(pickle, storages)), "the whole pickle loads");
        for (int n = 0; n < pickle.length; n += 7) {
            refused(archive(Arrays.copyOf(pickle, n), storages));
        }
    }

    @Test
    void refusesOtherFileKinds() throws IOException {
        Path legacy = tmp.resolve("legacy.pt");
        Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        assertRefused(legacy, "legacy (pre-1.6, or _use_new_zipfile_serialization=False)");
        Path text = tmp.resolve("text.pt");
        Files.writeString(text, "hello");
        assertRefused(text, "not a torch.save archive");
        Path npz = tmp.resolve("a.npz");
        Npy.saveAll(Map.of("a", Tensor.zeros(1)), npz);
        assertRefused(npz, "no <folder>/data.pkl entry");
    }

    // ------------------------------------------------------------------ writing

    /** Saves where {@code make_checkpoint_fixtures.py --verify-pt} can compare it with PyTorch's own file. */
    private static Path buildOutput(String name) throws IOException {
        Path out = Path.of("target", "checkpoints", name);
        Files.createDirectories(out.getParent());
        return out;
    }

    @Test
    void savedFilesLoadBackWithTheSameLayoutsStoragesAndBits() throws IOException {
        for (String name : List.of("views", "dtypes")) {
            Map<String, Tensor> original = TorchCheckpoint.loadStateDict(fixture(name + ".pt"));
            Path saved = buildOutput("java-" + name + ".pt");
            TorchCheckpoint.save(original, saved);
            Map<String, Tensor> back = TorchCheckpoint.loadStateDict(saved);
            assertEquals(List.copyOf(original.keySet()), List.copyOf(back.keySet()));
            for (var e : original.entrySet()) {
                Tensor a = e.getValue();
                Tensor b = back.get(e.getKey());
                assertLayout(b, a.shape(), a.stride(), a.storageOffset());
                assertArrayEquals(Npy.toBytes(a), Npy.toBytes(b), e.getKey());
                for (var other : original.entrySet()) {
                    assertEquals(a.storage() == other.getValue().storage(),
                            b.storage() == back.get(other.getKey()).storage(), e.getKey() + " / " + other.getKey());
                }
            }
        }
    }

    @Test
    void savesPlainValuesAndRefusesOthers() throws IOException {
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("model", Map.of("w", Tensor.fromArray(new float[] {1, 2})));
        checkpoint.put("step", 7L);
        checkpoint.put("big", 1L << 40);
        checkpoint.put("lr", 0.5);
        checkpoint.put("name", "run-\u00e9");
        checkpoint.put("milestones", List.of(10, 20));
        checkpoint.put("flags", Arrays.asList(true, false, null));
        Path saved = buildOutput("java-checkpoint.pt");
        TorchCheckpoint.save(checkpoint, saved);
        Map<?, ?> back = (Map<?, ?>) TorchCheckpoint.load(saved);
        assertEquals(List.copyOf(checkpoint.keySet()), List.copyOf(back.keySet()));
        assertArrayEquals(new float[] {1, 2}, ((Tensor) ((Map<?, ?>) back.get("model")).get("w")).toFloatArray());
        assertEquals(7L, back.get("step"));
        assertEquals(1L << 40, back.get("big"));
        assertEquals(0.5, back.get("lr"));
        assertEquals("run-\u00e9", back.get("name"));
        assertEquals(List.of(10L, 20L), back.get("milestones"));
        assertEquals(Arrays.asList(true, false, null), back.get("flags"));
        TensorException e = assertThrows(TensorException.class,
                () -> TorchCheckpoint.save(Map.of("x", BigInteger.ONE), tmp.resolve("x.pt")));
        assertTrue(e.getMessage().contains("cannot save a java.math.BigInteger"), e.getMessage());
    }
}
