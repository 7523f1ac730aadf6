package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safetensors reading and writing against a file written from PyTorch tensors by
 * {@code tools/make_checkpoint_fixtures.py} (expected values in an {@code .npz} written by NumPy), and
 * hostile files.
 */
class SafetensorsTest {
    @TempDir
    Path tmp;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SafetensorsTest.class.getResourceAsStream("/checkpoints/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /checkpoints/" + name);
            }
            return in.readAllBytes();
        }
    }

    static Map<String, Tensor> expected(String npz) throws IOException {
        return Npy.loadAll(new java.io.ByteArrayInputStream(resource(npz)));
    }

    /** Same dtype, shape and bits: the .npy bytes hold all three. */
    static void assertSameBits(Tensor expected, Tensor actual, String name) {
        assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(actual), name);
    }

    private static final Map<String, String> METADATA = orderedMetadata();

    private static Map<String, String> orderedMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("note", "made by tools/make_checkpoint_fixtures.py");
        return m;
    }

    @Test
    void readsEveryDtypeBitForBit() throws IOException {
        Path file = tmp.resolve("dtypes.safetensors");
        Files.write(file, resource("dtypes.safetensors"));
        Map<String, Tensor> want = expected("dtypes_expected.npz");
        for (Map<String, Tensor> got : List.of(Safetensors.load(file), Safetensors.fromBytes(Files.readAllBytes(file)))) {
            assertEquals(want.keySet(), got.keySet());
            for (var e : want.entrySet()) {
                assertSameBits(e.getValue(), got.get(e.getKey()), e.getKey());
            }
        }
        assertEquals(DType.BOOL, Safetensors.load(file).get("bool").dtype());
        assertEquals(METADATA, Safetensors.metadata(file));
    }

    @Test
    void writesTheFileThePythonWriterWrites() throws IOException {
        // The generator orders tensors as the reference writer does and pads the header to 8 bytes; so does save.
        byte[] written = Safetensors.toBytes(expected("dtypes_expected.npz"), METADATA);
        assertArrayEquals(resource("dtypes.safetensors"), written);
        // Left in the build folder for `make_checkpoint_fixtures.py --verify`, which reads it with PyTorch.
        Path out = Path.of("target", "checkpoints", "java-dtypes.safetensors");
        Files.createDirectories(out.getParent());
        Safetensors.save(expected("dtypes_expected.npz"), METADATA, out);
        assertArrayEquals(written, Files.readAllBytes(out));
    }

    @Test
    void roundTripsViewsAsContiguousData() throws IOException {
        Tensor base = Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("t", base.t());
        state.put("row", base.select(0, 1));
        state.put("", Tensor.fromArray(new int[] {9}));
        Path file = tmp.resolve("views.safetensors");
        Safetensors.save(state, file);
        Map<String, Tensor> back = Safetensors.load(file);
        assertEquals(List.of("row", "t", ""), List.copyOf(back.keySet()), "larger elements first, then by name");
        for (var e : state.entrySet()) {
            assertSameBits(e.getValue().contiguous(), back.get(e.getKey()), e.getKey());
        }
        assertEquals(Map.of(), Safetensors.metadata(file));
    }

    @Test
    void refusesReservedAndNullNames() {
        assertThrows(TensorException.class,
                () -> Safetensors.toBytes(Map.of("__metadata__", Tensor.zeros(1)), Map.of()));
        Map<String, Tensor> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThrows(TensorException.class, () -> Safetensors.toBytes(nullValue, Map.of()));
    }

    // ------------------------------------------------------------------ hostile files

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).array();
    }

    private static String rejected(byte[] bytes) {
        return assertThrows(IOException.class, () -> Safetensors.fromBytes(bytes)).getMessage();
    }

    private static void assertRejected(byte[] bytes, String... fragments) {
        String message = rejected(bytes);
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + message + "' should contain '" + f + "'");
        }
    }

    @Test
    void everyTruncationIsAnIOException() throws IOException {
        byte[] good = resource("dtypes.safetensors");
        for (int n = 0; n < good.length; n++) {
            rejected(java.util.Arrays.copyOf(good, n));
        }
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertRejected(longer, "cover 115 bytes of data but the file holds 116");
    }

    @Test
    void rejectsBadHeaderLengths() {
        assertRejected(new byte[3], "too short for the 8-byte header length");
        byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array();
        assertRejected(huge, "header length 18446744073709551615 exceeds the limit of 100000000");
        byte[] past = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(9).array();
        assertRejected(past, "header length 9 runs past the end of the file (16 bytes, 8 after the length field)");
        byte[] overLimit = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001L).array();
        assertRejected(overLimit, "exceeds the limit");
        assertRejected(file("[]", 0), "does not start with '{'");
        assertRejected(file("{\"a\":", 0), "malformed JSON header");
        assertRejected(file("{}x", 0), "unexpected text after the JSON value");
        assertRejected(file("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", 0), "nested deeper than 64");
        byte[] badUtf8 = file("{\"\u00e9\":1}", 0);
        badUtf8[10] = (byte) 0xFF;
        assertRejected(badUtf8, "not valid UTF-8");
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }

    @Test
    void rejectsInconsistentEntries() {
        assertRejected(file("{" + entry("h", "F8_E4M3", "[2]", 0, 2) + "}", 2),
                "tensor 'h' has dtype F8_E4M3, which JTensor does not have");
        assertRejected(file("{" + entry("a", "F32", "[3]", 0, 8) + "}", 8),
                "tensor 'a': shape [3] of F32 needs 12 bytes but data_offsets [0, 8] hold 8");
        assertRejected(file("{" + entry("a", "F32", "[2]", 0, 8) + "}", 4), "reach past the 4 bytes of data");
        assertRejected(file("{" + entry("a", "F32", "[2]", 8, 0) + "}", 8), "end before they begin");
        assertRejected(file("{" + entry("a", "F32", "[-2]", 0, 8) + "}", 8), "non-negative integers");
        assertRejected(file("{" + entry("a", "F32", "[2.0]", 0, 8) + "}", 8), "non-negative integers");
        assertRejected(file("{" + entry("a", "F32", "[4294967296,4294967296,4294967296]", 0, 8) + "}", 8),
                "overflows a 64-bit byte count");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,18446744073709551616]}}", 4),
                "does not fit in 64 bits");
        assertRejected(file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[1]", 4, 8) + "}", 8),
                "tensor 'b' data_offsets [4, 8] overlap tensor 'a' [0, 8]");
        assertRejected(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12) + "}", 12),
                "tensor 'b' data_offsets [8, 12] leave a gap after byte 4");
        assertRejected(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("a", "F32", "[1]", 4, 8) + "}", 8),
                "duplicate key \"a\"");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", 4),
                "unknown field \"x\"");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4), "data_offsets must be a list of 2");
        assertRejected(file("{\"__metadata__\":{\"k\":1}}", 0), "__metadata__ value of \"k\" must be a string");
        assertRejected(file("{\"a\":[1]}", 0), "expected an object with dtype, shape and data_offsets");
    }

    @Test
    void acceptsEmptyAndZeroSizedTensorsAtAnyOffset() throws IOException {
        Map<String, Tensor> got = Safetensors.fromBytes(file("{" + entry("z", "F64", "[0,5]", 0, 0) + ","
                + entry("one", "I32", "[]", 0, 4) + "}", 4));
        assertArrayEquals(new long[] {0, 5}, got.get("z").shape());
        assertEquals(0, got.get("one").dim());
        assertEquals(Map.of(), Safetensors.fromBytes(file("{}", 0)));
    }
}
