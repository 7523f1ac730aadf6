package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy and .npz reading and writing, against files written by NumPy (see resources/npy/README.md). */
class NpyTest {
    @TempDir
    Path tmp;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /npy/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static Tensor load(String name) throws IOException {
        return Npy.fromBytes(resource(name));
    }

    @Test
    void loadsEachDtypeWrittenByNumpy() throws IOException {
        Tensor f = load("f32_2x3.npy");
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new long[] {2, 3}, f.shape());
        assertArrayEquals(new float[] {0.1f, -1.5f, 2.25f, 1e-5f, 3e38f, -0.0f}, f.toFloatArray());

        Tensor pi = load("f64_scalar.npy");
        assertEquals(DType.FLOAT64, pi.dtype());
        assertEquals(0, pi.dim());
        assertEquals(Math.PI, pi.item());

        assertArrayEquals(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5},
                load("f64_nan_inf.npy").toDoubleArray());

        Tensor l = load("i64_5.npy");
        assertEquals(DType.INT64, l.dtype());
        assertArrayEquals(new long[] {-(1L << 62), -1, 0, 1, (1L << 62) + 3}, l.toLongArray());

        Tensor i = load("i32_2x2x2.npy");
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new long[] {2, 2, 2}, i.shape());
        assertArrayEquals(new int[] {-4, -3, -2, -1, 0, 1, 2, 3}, (int[]) i.toHostArray());

        Tensor b = load("bool_4.npy");
        assertEquals(DType.BOOL, b.dtype());
        assertArrayEquals(new boolean[] {true, false, false, true}, b.toBooleanArray());

        Tensor e = load("f32_empty_0x3.npy");
        assertArrayEquals(new long[] {0, 3}, e.shape());
        assertEquals(DType.FLOAT32, e.dtype());
    }

    @Test
    void fortranOrderLoadsAsContiguousCopy() throws IOException {
        Tensor f = load("f32_fortran_2x3x4.npy");
        assertArrayEquals(new long[] {2, 3, 4}, f.shape());
        assertTrue(f.isContiguous());
        float[] expected = new float[24];
        for (int k = 0; k < 24; k++) {
            expected[k] = k;
        }
        assertArrayEquals(expected, f.toFloatArray());
        // Saved back it is the C-order file NumPy writes for the same values.
        assertArrayEquals(resource("f32_2x3x4.npy"), Npy.toBytes(f));
    }

    @Test
    void readsFormatVersionsTwoAndThree() throws IOException {
        assertArrayEquals(new long[] {7, 8, 9}, load("i64_3_v2.npy").toLongArray());
        Tensor v3 = load("f64_2x2_v3.npy");
        assertArrayEquals(new long[] {2, 2}, v3.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, v3.toDoubleArray());
    }

    @Test
    void saveIsByteForByteNumpysFile() throws IOException {
        for (String name : List.of("f32_2x3.npy", "f64_scalar.npy", "f64_nan_inf.npy", "i64_5.npy", "i32_2x2x2.npy",
                "bool_4.npy", "f32_empty_0x3.npy", "f32_2x3x4.npy")) {
            byte[] numpy = resource(name);
            assertArrayEquals(numpy, Npy.toBytes(Npy.fromBytes(numpy)), name);
        }
    }

    @Test
    void headersPastVersionOneLimitUseVersionTwo() {
        // 22000 dims of size 1 need a header longer than the 65535 bytes version 1.0 can describe.
        long[] shape = new long[22000];
        Arrays.fill(shape, 1);
        Tensor t = Tensor.full(shape, 4.0);
        byte[] bytes = Npy.toBytes(t);
        assertEquals(2, bytes[6]);
        assertEquals(0, (bytes.length - 4) % 64, "header and data of one float stay 64-byte aligned");
        // Written as NumPy writes it, and refused on load as NumPy refuses it (its max_header_size is 10000).
        TensorException e = assertThrows(TensorException.class, () -> Npy.fromBytes(bytes));
        assertTrue(e.getMessage().contains("Header info length"), e.getMessage());
    }

    @Test
    void saveAndLoadThroughFilesAndStreams() throws IOException {
        Tensor t = Tensor.arange(12).view(3, 4).t();
        Path p = tmp.resolve("t.npy");
        Npy.save(t, p);
        Tensor back = Npy.load(p);
        assertArrayEquals(new long[] {4, 3}, back.shape());
        assertArrayEquals(t.toLongArray(), back.toLongArray());

        // Two arrays back to back in one stream: each load consumes exactly its own bytes.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.save(Tensor.scalar(2.5), out);
        Npy.save(Tensor.tensor(new boolean[] {true, false}), out);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(2.5, Npy.load(in).item());
        assertArrayEquals(new boolean[] {true, false}, Npy.load(in).toBooleanArray());
        assertEquals(0, in.available());
    }

    @Test
    void uint8FilesLoadAndBigEndianLoads() throws IOException {
        assertArrayEquals(new float[] {1, 2}, load("f32_big_endian.npy").toFloatArray());
        // A file NumPy wrote ('|u1'): it loads as uint8 and saves back byte for byte.
        Tensor u8 = load("u8_unsupported.npy");
        assertEquals(DType.UINT8, u8.dtype());
        assertArrayEquals(resource("u8_unsupported.npy"), Npy.toBytes(u8));
    }

    @Test
    void truncatedFilesNameExpectedAndFoundBytes() throws IOException {
        byte[] full = resource("f32_2x3.npy");
        byte[] cut = Arrays.copyOf(full, full.length - 5);
        TensorException data = assertThrows(TensorException.class, () -> Npy.fromBytes(cut));
        assertTrue(data.getMessage().contains("expected 24 bytes") && data.getMessage().contains("found 19"),
                data.getMessage());
        TensorException header = assertThrows(TensorException.class, () -> Npy.fromBytes(Arrays.copyOf(full, 40)));
        assertTrue(header.getMessage().contains("truncated .npy header: expected 118 bytes, found 30"),
                header.getMessage());
        TensorException magic = assertThrows(TensorException.class,
                () -> Npy.fromBytes("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(magic.getMessage().contains("not a .npy file"), magic.getMessage());
    }

    @Test
    void malformedHeadersAreRejected() throws IOException {
        byte[] full = resource("f32_2x3.npy");
        byte[] noShape = new String(full, StandardCharsets.ISO_8859_1).replace("'shape'", "'shope'")
                .getBytes(StandardCharsets.ISO_8859_1);
        TensorException e = assertThrows(TensorException.class, () -> Npy.fromBytes(noShape));
        assertTrue(e.getMessage().contains("Header does not contain the correct keys"), e.getMessage());
        byte[] version = full.clone();
        version[6] = 4;
        TensorException v = assertThrows(TensorException.class, () -> Npy.fromBytes(version));
        assertTrue(v.getMessage().contains("unsupported .npy format version 4.0"), v.getMessage());
    }

    @Test
    void loadsNpzArchivesWrittenByNumpy() throws IOException {
        Path stored = tmp.resolve("pair.npz");
        Files.write(stored, resource("pair.npz"));
        Map<String, Tensor> m = Npy.loadAll(stored);
        assertEquals(List.of("weight", "bias", "steps"), List.copyOf(m.keySet()));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, m.get("weight").toFloatArray());
        assertArrayEquals(new long[] {2, 3}, m.get("weight").shape());
        assertArrayEquals(new float[] {0.5f, -0.5f}, m.get("bias").toFloatArray());
        assertEquals(3, m.get("steps").itemLong());

        Map<String, Tensor> c = Npy.loadAll(new ByteArrayInputStream(resource("pair_compressed.npz")));
        assertEquals(List.of("weight", "mask"), List.copyOf(c.keySet()));
        assertArrayEquals(new boolean[] {true, false}, c.get("mask").toBooleanArray());
        Map<String, Tensor> s = Npy.loadAll(new ByteArrayInputStream(resource("pair.npz")));
        assertArrayEquals(new float[] {0.5f, -0.5f}, s.get("bias").toFloatArray());
    }

    @Test
    void npzRoundTripStoredAndCompressed() throws IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layer.weight", Tensor.eye(3));
        m.put("layer.bias", Tensor.tensor(new double[] {1, 2, 3}, DType.FLOAT64));
        m.put("step", Tensor.scalar(7L));
        Path a = tmp.resolve("a.npz");
        Path b = tmp.resolve("b.npz");
        Npy.saveAll(m, a);
        Npy.saveAllCompressed(m, b);
        for (Path p : List.of(a, b)) {
            Map<String, Tensor> back = Npy.loadAll(p);
            assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
            for (String k : m.keySet()) {
                assertArrayEquals(Npy.toBytes(m.get(k)), Npy.toBytes(back.get(k)), k);
            }
        }
        TensorException e = assertThrows(TensorException.class,
                () -> Npy.saveAll(Map.of("", Tensor.zeros(1)), new ByteArrayOutputStream(), false));
        assertTrue(e.getMessage().contains("non-empty name"), e.getMessage());
    }

    @Test
    void npzMembersThatAreNotArraysAreNamed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write("hi".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        TensorException e = assertThrows(TensorException.class,
                () -> Npy.loadAll(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(e.getMessage().contains("'notes.txt'"), e.getMessage());
    }
}
