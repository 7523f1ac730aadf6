package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 19, item 6: a valid {@code .npy} file mutated (truncated, header bytes changed, shape
 * rewritten, version changed, bytes inserted) either loads correctly or fails with a
 * {@link TensorException} (an {@link IOException} for a failing stream), never with another
 * exception, and the stream and byte-array readers agree.
 */
class NpyMutationPropertyTest {
    private static final String ALPHABET = "<>=|fiubcO?0123456789-(),:' {}[]TrueFalseshapedcr_L\n\u00e9";

    record Mutation(int kind, int position, int value, List<Long> shape) {}

    @Provide
    Arbitrary<byte[]> validFiles() {
        Arbitrary<long[]> shapes = Arbitraries.longs().between(0, 4).array(long[].class).ofMaxSize(3);
        return Combinators.combine(shapes, Arbitraries.integers().between(0, NpyRoundTripPropertyTest.NUMPY_DTYPES.length - 1),
                Arbitraries.of(false, true)).as((shape, d, transposed) -> {
                    DType dtype = NpyRoundTripPropertyTest.NUMPY_DTYPES[d];
                    int n = (int) Shapes.numel(shape);
                    Tensor t = Tensor.arange(-n / 2.0, n - n / 2.0, 1.0, DType.FLOAT64).to(dtype).reshape(shape);
                    return Npy.toBytes(transposed && t.dim() >= 2 ? t.transpose(0, 1) : t);
                });
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<List<Long>> shape = Arbitraries.oneOf(Arbitraries.longs().between(-2, 6),
                Arbitraries.of(0L, 1L << 31, 1L << 32, 1L << 62, Long.MAX_VALUE, 1_000_000_000L)).list().ofMaxSize(4);
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 255), shape).as(Mutation::new);
    }

    private static byte[] mutate(byte[] file, Mutation m) {
        int p = Math.min(m.position(), file.length);
        switch (m.kind()) {
            case 0 -> {
                return Arrays.copyOf(file, p);
            }
            case 1 -> {
                byte[] out = file.clone();
                if (p < out.length) {
                    out[p] = (byte) m.value();
                }
                return out;
            }
            case 2 -> {
                String text = new String(file, StandardCharsets.ISO_8859_1);
                StringBuilder tuple = new StringBuilder("(");
                for (long s : m.shape()) {
                    tuple.append(s).append(", ");
                }
                String replaced = text.replaceFirst("'shape': \\([^)]*\\)", "'shape': " + tuple + ")");
                return replaced.getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3 -> {
                byte[] out = file.clone();
                out[6 + (m.position() & 1)] = (byte) (m.value() % 5);
                return out;
            }
            case 4 -> {
                byte[] out = new byte[file.length + 1];
                System.arraycopy(file, 0, out, 0, p);
                out[p] = (byte) m.value();
                System.arraycopy(file, p, out, p + 1, file.length - p);
                return out;
            }
            default -> {
                byte[] out = file.clone();
                int headerEnd = Math.min(out.length, 128);
                if (p < headerEnd && p >= 10) {
                    out[p] = (byte) ALPHABET.charAt(m.value() % ALPHABET.length());
                }
                return out;
            }
        }
    }

    /** The tensor, or the TensorException/IOException a load ended with. */
    private static Object attempt(InputStream in) {
        try {
            return Npy.load(in);
        } catch (TensorException | IOException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an error without a message: " + e);
            return e;
        } catch (Throwable e) {
            fail("a mutated .npy file must load or fail with a TensorException, not with " + e, e);
            return e;
        }
    }

    @Property(tries = 400)
    void aMutatedFileLoadsCorrectlyOrFailsClearly(@ForAll("validFiles") byte[] file,
            @ForAll("mutations") Mutation mutation) {
        byte[] bytes = mutate(file, mutation);
        Object known = attempt(new ByteArrayInputStream(bytes));
        Object unknown = attempt(new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return 0;
            }
        });
        assertEquals(known instanceof Tensor, unknown instanceof Tensor,
                () -> "the byte-array and stream readers disagree: " + known + " / " + unknown);
        if (known instanceof Tensor t && unknown instanceof Tensor u) {
            assertEquals(t.dtype(), u.dtype());
            assertArrayEquals(t.shape(), u.shape());
            assertArrayEquals(Npy.toBytes(t), Npy.toBytes(u));
            checkAgainstTheFile(t, bytes);
        }
    }

    /**
     * A successful load of a little-endian C-order file holds exactly the bytes that follow the
     * header (read independently of the loader).
     */
    private static void checkAgainstTheFile(Tensor t, byte[] file) {
        int major = file[6];
        int lengthField = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.wrap(file, 8, lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = lengthField == 2 ? b.getShort() & 0xFFFF : b.getInt() & 0xFFFFFFFFL;
        int dataStart = (int) (8 + lengthField + headerLength);
        String header = new String(file, 8 + lengthField, (int) headerLength, StandardCharsets.ISO_8859_1);
        long nbytes = t.numel() * t.dtype().itemSize();
        assertTrue(dataStart + nbytes <= file.length, "loaded more bytes than the file holds");
        if (t.dtype() != DType.BOOL && header.contains("'descr': '<") && header.contains("'fortran_order': False")) {
            byte[] saved = Npy.toBytes(t);
            byte[] data = Arrays.copyOfRange(saved, saved.length - (int) nbytes, saved.length);
            assertArrayEquals(Arrays.copyOfRange(file, dataStart, dataStart + (int) nbytes), data);
        }
    }
}
