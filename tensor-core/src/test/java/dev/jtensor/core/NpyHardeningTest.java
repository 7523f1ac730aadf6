package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, item 6: untrusted {@code .npy}/{@code .npz} input cannot take the heap, and NumPy's rules hold. */
class NpyHardeningTest {
    @TempDir
    Path tmp;

    /** A version 1.0 file with the given header dict text (padded as NumPy pads) and data bytes. */
    static byte[] npy(String dict, byte[] data) {
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.put(data);
        return b.array();
    }

    private static byte[] bytes(ByteOrder order, int capacity, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer b = ByteBuffer.allocate(capacity).order(order);
        fill.accept(b);
        return b.array();
    }

    /**
     * Bytes this thread allocates while {@code call} runs (HotSpot's per-thread allocation counter,
     * reached reflectively: the tests compile inside the core module, which does not read
     * jdk.management, but run on the class path).
     */
    private static long allocatedBy(Executable call) throws Throwable {
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        java.lang.reflect.Method counter = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class);
        long id = Thread.currentThread().threadId();
        long before = (long) counter.invoke(mx, id);
        call.execute();
        return (long) counter.invoke(mx, id) - before;
    }

    /** Hides the stream's length from the loader (as a socket would). */
    private static InputStream opaque(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return 0;
            }
        };
    }

    private static void fails(Executable call, String... named) {
        TensorException e = assertThrows(TensorException.class, call);
        for (String s : named) {
            assertTrue(e.getMessage().contains(s), () -> "message should name " + s + ": " + e.getMessage());
        }
    }

    @Test
    void aHugeDeclaredShapeIsRefusedBeforeAllocating() throws Throwable {
        byte[] hostile = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000,), }", new byte[24]);
        assertTrue(hostile.length < 160);
        Path p = tmp.resolve("hostile.npy");
        Files.write(p, hostile);
        long fromFile = allocatedBy(() -> fails(() -> Npy.load(p), "expected 4000000000 bytes", "found 24"));
        long fromBytes = allocatedBy(() -> fails(() -> Npy.fromBytes(hostile), "4000000000", "found 24"));
        // A stream of unknown length: the storage grows only with data that actually arrives.
        long fromStream = allocatedBy(() -> fails(() -> Npy.load(opaque(hostile)), "4000000000", "found 24"));
        for (long allocated : new long[] {fromFile, fromBytes, fromStream}) {
            assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes for a " + hostile.length + "-byte file");
        }
    }

    @Test
    void anNpzMemberCannotDeclareMoreThanItsEntryHolds() throws Throwable {
        byte[] member = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (500000000,), }", new byte[64]);
        for (boolean compressed : new boolean[] {false, true}) {
            ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
                ZipEntry e = new ZipEntry("w.npy");
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(member);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(member.length);
                    e.setCompressedSize(member.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(member);
                zip.closeEntry();
            }
            Path p = tmp.resolve("hostile" + compressed + ".npz");
            Files.write(p, zipBytes.toByteArray());
            long allocated = allocatedBy(() -> fails(() -> Npy.loadAll(p), "'w.npy'", "4000000000"));
            assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
            long streamed = allocatedBy(() -> fails(() -> Npy.loadAll(opaque(zipBytes.toByteArray())), "4000000000"));
            assertTrue(streamed < 16L << 20, "allocated " + streamed + " bytes");
        }
    }

    @Test
    void aLoadReadsStraightIntoTheStorage() throws Throwable {
        int n = 5_000_000; // 20 MB of float32
        Path p = tmp.resolve("big.npy");
        Npy.save(Tensor.ones(n), p);
        Tensor[] loaded = new Tensor[1];
        long allocated = allocatedBy(() -> loaded[0] = Npy.load(p));
        assertEquals(n, loaded[0].numel());
        assertEquals(1.0, loaded[0].min().item());
        assertTrue(allocated < 4L * n * 5 / 4, "a 20 MB load allocated " + allocated + " bytes (a second copy?)");
    }

    @Test
    void headersOverNumpysLimitAreRefused() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }" + " ".repeat(10_050);
        fails(() -> Npy.fromBytes(npy(dict, new byte[8])), "Header info length", "10000");
        // A version 2.0 header length field of 4 GB is refused before it is read.
        byte[] v2 = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1};
        fails(() -> Npy.fromBytes(v2), "4294967295");
    }

    @Test
    void bigEndianAndNativeOrderLoadByteSwapped() throws IOException {
        byte[] f4 = npy("{'descr': '>f4', 'fortran_order': False, 'shape': (3,), }",
                bytes(ByteOrder.BIG_ENDIAN, 12, b -> b.putFloat(1.5f).putFloat(-2f).putFloat(1e-30f)));
        assertArrayEquals(new float[] {1.5f, -2f, 1e-30f}, Npy.fromBytes(f4).toFloatArray());
        byte[] i8 = npy("{'descr': '>i8', 'fortran_order': False, 'shape': (2,), }",
                bytes(ByteOrder.BIG_ENDIAN, 16, b -> b.putLong(-3).putLong(1L << 40)));
        assertArrayEquals(new long[] {-3, 1L << 40}, Npy.fromBytes(i8).toLongArray());
        byte[] i4 = npy("{'descr': '>i4', 'fortran_order': True, 'shape': (2, 2), }",
                bytes(ByteOrder.BIG_ENDIAN, 16, b -> b.putInt(1).putInt(2).putInt(3).putInt(4)));
        assertArrayEquals(new int[] {1, 3, 2, 4}, (int[]) Npy.fromBytes(i4).toHostArray());
        byte[] f8 = npy("{'descr': '>f8', 'fortran_order': False, 'shape': (), }",
                bytes(ByteOrder.BIG_ENDIAN, 8, b -> b.putDouble(Math.E)));
        assertEquals(Math.E, Npy.fromBytes(f8).item());
        byte[] nativeF8 = npy("{'descr': '=f8', 'fortran_order': False, 'shape': (2,), }",
                bytes(ByteOrder.nativeOrder(), 16, b -> b.putDouble(0.25).putDouble(-7)));
        assertArrayEquals(new double[] {0.25, -7}, Npy.fromBytes(nativeF8).toDoubleArray());
        byte[] bool = npy("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", new byte[] {0, 1});
        assertArrayEquals(new boolean[] {false, true}, Npy.fromBytes(bool).toBooleanArray());
        // Written by NumPy: np.array([1, 2], dtype='>f4').
        try (InputStream in = NpyHardeningTest.class.getResourceAsStream("/npy/f32_big_endian.npy")) {
            assertArrayEquals(new float[] {1, 2}, Npy.load(in).toFloatArray());
        }
    }

    @Test
    void unsupportedDtypesNameTheDtypeAndWhatIsSupported() {
        String[][] cases = {{"<u2", "uint16"}, {"<u4", "uint32"}, {"<f16", "longdouble"}, {">u8", "uint64"},
            {"<c16", "complex128"}, {"<U5", "str"}, {"|O", "object"}};
        for (String[] c : cases) {
            byte[] file = npy("{'descr': '" + c[0] + "', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
            fails(() -> Npy.fromBytes(file), "'" + c[0] + "'", c[1], "float32 (f4)", "bool (b1)", "big-endian");
        }
        byte[] structured = npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        fails(() -> Npy.fromBytes(structured), "structured");
    }

    @Test
    void headersFollowNumpysRules() {
        byte[] extra = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1, }", new byte[4]);
        fails(() -> Npy.fromBytes(extra), "Header does not contain the correct keys",
                "['descr', 'extra', 'fortran_order', 'shape']");
        byte[] missing = npy("{'descr': '<f4', 'shape': (1,), }", new byte[4]);
        fails(() -> Npy.fromBytes(missing), "Header does not contain the correct keys", "['descr', 'shape']");
        byte[] list = npy("{'descr': '<f4', 'fortran_order': False, 'shape': [1], }", new byte[4]);
        fails(() -> Npy.fromBytes(list), "shape is not valid", "[1]");
        byte[] negative = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[4]);
        fails(() -> Npy.fromBytes(negative), "-1");
        byte[] notBool = npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }", new byte[4]);
        fails(() -> Npy.fromBytes(notBool), "fortran_order is not a valid bool");
        byte[] overflow = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }",
                new byte[4]);
        fails(() -> Npy.fromBytes(overflow), "4294967296");
        byte[] deep = npy("{'descr': '<f4', 'fortran_order': False, 'shape': " + "(".repeat(3000) + "}", new byte[4]);
        fails(() -> Npy.fromBytes(deep), "malformed .npy header");
    }
}
