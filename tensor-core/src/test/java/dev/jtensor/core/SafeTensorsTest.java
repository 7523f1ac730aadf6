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
 * {@link SafeTensors} against a file laid out by the reference format's rules (resource
 * {@code safetensors/fixture.safetensors}, written by {@code make_fixture.py} with NumPy), bit for bit,
 * round trips, and hostile headers.
 */
class SafeTensorsTest {
    private static byte[] fixture() throws IOException {
        try (InputStream in = SafeTensorsTest.class.getResourceAsStream("/safetensors/fixture.safetensors")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheFixtureBitForBit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fixture.safetensors");
        Files.write(file, fixture());
        Map<String, Tensor> t = SafeTensors.load(file);
        assertEquals(List.of("weight", "bias", "ids", "counts", "mask", "scalar", "empty"), List.copyOf(t.keySet()));
        float[] w = t.get("weight").toFloatArray();
        float[] wantW = {1.5f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f, -2.25f};
        for (int i = 0; i < w.length; i++) {
            assertEquals(Float.floatToRawIntBits(wantW[i]), Float.floatToRawIntBits(w[i]), "weight[" + i + "]");
        }
        assertArrayEquals(new long[] {2, 3}, t.get("weight").shape());
        assertArrayEquals(new double[] {0.1, -1e300, 3.0}, t.get("bias").toDoubleArray());
        assertArrayEquals(new long[] {0, -1, 1L << 62, Long.MIN_VALUE}, t.get("ids").toLongArray());
        assertEquals(DType.INT32, t.get("counts").dtype());
        assertArrayEquals(new int[] {7, -8}, t.get("counts").toIntArray());
        assertArrayEquals(new boolean[] {true, false, false, true}, t.get("mask").toBooleanArray());
        assertEquals(0, t.get("scalar").dim());
        assertEquals(2.5, t.get("scalar").item());
        assertArrayEquals(new long[] {0, 3}, t.get("empty").shape());
        assertEquals(Map.of("format", "pt", "source", "make_fixture.py"), SafeTensors.metadata(file));
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Map<String, Tensor> in = new LinkedHashMap<>(SafeTensors.fromBytes(fixture()));
        in.put("strided", Tensor.arange(12).reshape(3, 4).t());
        Path file = dir.resolve("out.safetensors");
        SafeTensors.save(in, Map.of("k", "v \"quoted\""), file);
        Map<String, Tensor> back = SafeTensors.load(file);
        assertEquals(in.keySet(), back.keySet());
        for (var e : in.entrySet()) {
            Tensor b = back.get(e.getKey());
            assertEquals(e.getValue().dtype(), b.dtype(), e.getKey());
            assertArrayEquals(e.getValue().shape(), b.shape(), e.getKey());
            assertEquals(e.getValue().contiguous().toString(), b.toString(), e.getKey());
        }
        assertEquals(Map.of("k", "v \"quoted\""), SafeTensors.metadata(file));
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "the header is padded to 8 bytes");
    }

    /** A file with the given header text and data length. */
    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    @Test
    void rejectsHostileFiles() {
        String ok = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertEquals(1, SafeTensors.fromBytes(file(ok, 8)).size());
        List<byte[]> bad = List.of(
                new byte[3],
                file(ok, 4),
                file(ok, 12),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", 8),
                file("[1, 2]", 0),
                file("{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16),
                file("{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}", 8),
                file("{\"a\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}", 0),
                file("[".repeat(100) + "]".repeat(100), 0),
                file("{\"__metadata__\":{\"k\":1}}", 0));
        for (int i = 0; i < bad.size(); i++) {
            byte[] b = bad.get(i);
            TensorException e = assertThrows(TensorException.class, () -> SafeTensors.fromBytes(b), "case " + i);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        byte[] hugeLength = new byte[16];
        ByteBuffer.wrap(hugeLength).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE);
        assertThrows(TensorException.class, () -> SafeTensors.fromBytes(hugeLength));
        byte[] badBool = file("{\"a\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1);
        badBool[badBool.length - 1] = 7;
        assertThrows(TensorException.class, () -> SafeTensors.fromBytes(badBool));
        assertThrows(TensorException.class, () -> SafeTensors.toBytes(Map.of("__metadata__", Tensor.zeros(1)), Map.of()));
    }
}
