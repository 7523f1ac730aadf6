package dev.jtensor.core;

import dev.jtensor.core.cpu.CpuStorage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} and {@code .npz} files (NumPy's {@code np.save}/{@code np.load},
 * {@code np.savez}/{@code np.savez_compressed}).
 *
 * <p>Writing produces format version 1.0 (2.0 when the header is longer than 65535 bytes), little-endian,
 * C order, with the header laid out as NumPy lays it out, so a file saved here is byte for byte the file
 * NumPy saves for the same array. Reading accepts versions 1.0, 2.0 and 3.0, C and Fortran order, and the
 * dtypes {@code f4} (float32), {@code f8} (float64), {@code f2} (float16), {@code i8} (int64), {@code i4} (int32),
 * {@code i2} (int16), {@code i1} (int8), {@code u1} (uint8) and {@code b1} (bool) in little-endian ({@code <}), big-endian ({@code >}, byte-swapped on load) or native
 * ({@code =}) order; loaded tensors are contiguous CPU tensors. Untrusted files are safe to read: the
 * header is refused beyond NumPy's 10000-byte limit and held to NumPy's rules (exactly the keys
 * {@code descr}, {@code fortran_order}, {@code shape}); the size it declares is checked against the
 * file's length (or an {@code .npz} member's size) before anything is allocated; the data is read
 * straight into the tensor's storage. Anything else (other dtypes, malformed headers, truncated files)
 * is reported with a {@link TensorException} naming what was found.
 *
 * <p>An {@code .npz} archive is a zip of {@code <name>.npy} members, stored or deflated.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Magic, version bytes: the header length field starts here. */
    private static final int PREAMBLE = 8;
    /** NumPy pads the whole header to a multiple of this. */
    private static final int ALIGN = 64;
    /** NumPy leaves room in the header for the growth axis to reach this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int CHUNK = 1 << 16;

    private Npy() {}

    // ------------------------------------------------------------------ .npy writing

    /**
     * Writes {@code t} to {@code path} as a {@code .npy} file (NumPy's {@code np.save}), replacing the file.
     *
     * @param t the tensor
     * @param path the file
     * @throws IOException if reading or writing fails
     */
    public static void save(Tensor t, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            save(t, out);
        }
    }

    /**
     * Writes {@code t} in {@code .npy} format to {@code out} (which is left open).
     *
     * @param t the tensor
     * @param out the tensor to write the result into
     * @throws IOException if reading or writing fails
     */
    public static void save(Tensor t, OutputStream out) throws IOException {
        out.write(header(t.dtype(), t.shape()));
        writeData(t.toHostArray(), out);
    }

    /**
     * {@return the bytes of the {@code .npy} file of {@code t}}
     *
     * @param t the tensor
     */
    public static byte[] toBytes(Tensor t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            save(t, out);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
        return out.toByteArray();
    }

    /** NumPy's {@code descr} of a dtype, e.g. {@code <f4}. */
    static String descr(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT64 -> "<i8";
            case INT32 -> "<i4";
            case BOOL -> "|b1";
            case UINT8 -> "|u1";
            case INT8 -> "|i1";
            case INT16 -> "<i2";
            case FLOAT16 -> "<f2";
            case BFLOAT16 -> throw new TensorException("cannot save a torch.bfloat16 tensor as .npy: NumPy has no "
                    + "bfloat16 dtype (cast it to float32 first)");
        };
    }

    private static byte[] header(DType dtype, long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr(dtype))
                .append("', 'fortran_order': False, 'shape': ").append(TensorPrinter.pythonTuple(shape)).append(", }");
        if (shape.length > 0) {
            // NumPy's spare room for appending along the first axis in place.
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length())));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1;
        int lengthField = 2;
        int padding = ALIGN - (PREAMBLE + lengthField + hlen) % ALIGN;
        if (hlen + padding > 0xFFFF) {
            lengthField = 4;
            padding = ALIGN - (PREAMBLE + lengthField + hlen) % ALIGN;
        }
        int total = hlen + padding;
        ByteBuffer buf = ByteBuffer.allocate(PREAMBLE + lengthField + total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) (lengthField == 2 ? 1 : 2)).put((byte) 0);
        if (lengthField == 2) {
            buf.putShort((short) total);
        } else {
            buf.putInt(total);
        }
        buf.put(text);
        for (int i = 0; i < padding; i++) {
            buf.put((byte) ' ');
        }
        buf.put((byte) '\n');
        return buf.array();
    }

    /** Writes a host array's elements little-endian (bools as one byte each); shared with {@link Safetensors}. */
    static void writeData(Object host, OutputStream out) throws IOException {
        int n = java.lang.reflect.Array.getLength(host);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            buf.clear();
            switch (host) {
                case float[] a -> buf.asFloatBuffer().put(a, start, len);
                case double[] a -> buf.asDoubleBuffer().put(a, start, len);
                case long[] a -> buf.asLongBuffer().put(a, start, len);
                case int[] a -> buf.asIntBuffer().put(a, start, len);
                case boolean[] a -> {
                    for (int i = 0; i < len; i++) {
                        buf.put(i, (byte) (a[start + i] ? 1 : 0));
                    }
                }
                case short[] a -> buf.asShortBuffer().put(a, start, len);
                case byte[] a -> buf.put(0, a, start, len);
                default -> throw new IllegalStateException("not a tensor host array: " + host.getClass());
            }
            int itemSize = host instanceof boolean[] || host instanceof byte[] ? 1 : host instanceof short[] ? 2
                    : host instanceof float[] || host instanceof int[] ? 4 : 8;
            out.write(buf.array(), 0, len * itemSize);
        }
    }

    // ------------------------------------------------------------------ .npy reading

    /**
     * Reads a {@code .npy} file (NumPy's {@code np.load}). The size the header declares is checked
     * against the file's length before anything is allocated, and the data is read straight into the
     * tensor's storage.
     *
     * @param path the file
     * @return a contiguous CPU tensor
     * @throws IOException when the file cannot be read
     * @throws TensorException when the file is not a valid {@code .npy} array of a supported dtype, naming what was found
     */
    public static Tensor load(Path path) throws IOException {
        java.util.Objects.requireNonNull(path, "path");
        long size = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, size);
        }
    }

    /**
     * Reads one {@code .npy} array from {@code in}, consuming exactly its bytes (the stream is left
     * open). The stream's length is unknown, so the storage grows with the data that actually
     * arrives (at most twice what was read) rather than trusting the declared size up front.
     *
     * @param in the stream
     * @return a contiguous CPU tensor
     * @throws IOException when the stream fails
     * @throws TensorException when the data is not a valid {@code .npy} array of a supported dtype
     */
    public static Tensor load(InputStream in) throws IOException {
        java.util.Objects.requireNonNull(in, "in");
        return read(in, -1);
    }

    /**
     * Reads one array; {@code available} is the number of bytes the stream holds from here, or -1
     * when unknown.
     */
    private static Tensor read(InputStream in, long available) throws IOException {
        byte[] preamble = readFully(in, PREAMBLE + 2);
        if (preamble.length < PREAMBLE || !Arrays.equals(Arrays.copyOf(preamble, MAGIC.length), MAGIC)) {
            throw new TensorException("not a .npy file: it does not start with the magic string \\x93NUMPY (found "
                    + preamble.length + " bytes: " + hexPrefix(preamble) + ")");
        }
        int major = preamble[6] & 0xFF;
        int minor = preamble[7] & 0xFF;
        if ((major != 1 && major != 2 && major != 3) || minor != 0) {
            throw new TensorException("unsupported .npy format version " + major + "." + minor
                    + ": expected 1.0, 2.0 or 3.0");
        }
        int lengthField = major == 1 ? 2 : 4;
        byte[] lengthBytes = Arrays.copyOfRange(preamble, PREAMBLE, preamble.length);
        if (lengthField == 4) {
            byte[] more = readFully(in, 2);
            lengthBytes = Arrays.copyOf(lengthBytes, lengthBytes.length + more.length);
            System.arraycopy(more, 0, lengthBytes, 2, more.length);
        }
        if (lengthBytes.length < lengthField) {
            throw new TensorException("truncated .npy header: expected a " + lengthField
                    + "-byte header length after the magic string, found " + lengthBytes.length + " bytes");
        }
        ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = lengthField == 2 ? lb.getShort() & 0xFFFF : lb.getInt() & 0xFFFFFFFFL;
        if (headerLength > MAX_HEADER_SIZE) {
            throw new TensorException("Header info length (" + headerLength + ") is large and may not be safe to load "
                    + "securely: a .npy header may have at most " + MAX_HEADER_SIZE + " bytes (NumPy's max_header_size)");
        }
        byte[] headerBytes = readFully(in, (int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new TensorException("truncated .npy header: expected " + headerLength + " bytes, found "
                    + headerBytes.length);
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = parseHeader(header);
        long afterHeader = available < 0 ? -1 : available - PREAMBLE - lengthField - headerLength;
        return readData(in, h, afterHeader);
    }

    /**
     * Reads a {@code .npy} file held in a byte array.
     *
     * @param bytes the file's bytes
     * @return a contiguous CPU tensor
     * @throws TensorException when the bytes are not a valid {@code .npy} array of a supported dtype
     */
    public static Tensor fromBytes(byte[] bytes) {
        java.util.Objects.requireNonNull(bytes, "bytes");
        try {
            return read(new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
    }

    /** NumPy's default {@code max_header_size}: longer headers are refused unless fully trusted. */
    static final int MAX_HEADER_SIZE = 10_000;
    /** Elements allocated up front when a stream's length is unknown; the storage doubles as data arrives. */
    private static final int STREAM_START_ELEMENTS = 1 << 20;
    private static final List<String> HEADER_KEYS = List.of("descr", "fortran_order", "shape");
    private static final String SUPPORTED = "float32 (f4), float64 (f8), float16 (f2), int64 (i8), int32 (i4), "
            + "int16 (i2), int8 (i1), uint8 (u1) and bool (b1), "
            + "little-endian (<), big-endian (>) or native (=)";

    private record Header(DType dtype, ByteOrder order, String descr, boolean fortranOrder, long[] shape) {}

    private static Header parseHeader(String header) {
        Object parsed;
        try {
            parsed = new PyLiteral(header.strip()).parse();
        } catch (IllegalArgumentException e) {
            throw new TensorException("malformed .npy header " + header.strip() + ": " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new TensorException("malformed .npy header " + header.strip() + ": expected a dict");
        }
        List<String> keys = new ArrayList<>();
        for (Object k : dict.keySet()) {
            keys.add((String) k);
        }
        keys.sort(null);
        if (!keys.equals(HEADER_KEYS)) {
            // NumPy refuses missing and extra keys alike.
            throw new TensorException("malformed .npy header " + header.strip()
                    + ": Header does not contain the correct keys: " + pythonList(keys) + " (expected "
                    + pythonList(HEADER_KEYS) + ")");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new TensorException("unsupported .npy dtype descr " + dict.get("descr")
                    + ": structured dtypes are not supported; JTensor reads " + SUPPORTED);
        }
        DType dtype = dtypeOf(descr);
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new TensorException("malformed .npy header " + header.strip() + ": fortran_order is not a valid bool: "
                    + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof PyTuple(List<Object> dims))) {
            throw new TensorException("malformed .npy header " + header.strip() + ": shape is not valid (expected a "
                    + "tuple of non-negative integers): " + dict.get("shape"));
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long size) || size < 0) {
                throw new TensorException("malformed .npy header " + header.strip() + ": shape entries must be "
                        + "non-negative integers, got " + dims.get(i));
            }
            shape[i] = size;
        }
        char order = descr.isEmpty() ? '=' : descr.charAt(0);
        ByteOrder bytes = order == '>' ? ByteOrder.BIG_ENDIAN : order == '<' ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.nativeOrder();
        return new Header(dtype, bytes, descr, fortran, shape);
    }

    private static String pythonList(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (String n : names) {
            sb.append(sb.length() > 1 ? ", '" : "'").append(n).append('\'');
        }
        return sb.append(']').toString();
    }

    /**
     * The dtype of a NumPy type string: an optional byte order ({@code <}, {@code >}, {@code =}
     * or {@code |}) then kind and size, as {@code numpy.dtype} reads it.
     */
    private static DType dtypeOf(String descr) {
        boolean ordered = !descr.isEmpty() && "<>=|".indexOf(descr.charAt(0)) >= 0;
        String type = ordered ? descr.substring(1) : descr;
        switch (type) {
            case "f4":
                return DType.FLOAT32;
            case "f8":
                return DType.FLOAT64;
            case "i8":
                return DType.INT64;
            case "i4":
                return DType.INT32;
            case "b1":
            case "?":
                return DType.BOOL;
            case "u1":
            case "B":
                return DType.UINT8;
            case "i1":
            case "b":
                return DType.INT8;
            case "i2":
            case "h":
                return DType.INT16;
            case "f2":
            case "e":
                return DType.FLOAT16;
            default:
                break;
        }
        throw new TensorException("unsupported .npy dtype descr '" + descr + "'" + numpyName(type)
                + ": JTensor reads " + SUPPORTED);
    }

    /** NumPy's name of an unsupported type string, for the message ({@code ""} when unknown). */
    private static String numpyName(String type) {
        String name = switch (type) {
            case "i1", "b" -> "int8";
            case "i2", "h" -> "int16";
            case "u1", "B" -> "uint8";
            case "u2", "H" -> "uint16";
            case "u4", "I" -> "uint32";
            case "u8", "Q" -> "uint64";
            case "f2", "e" -> "float16";
            case "f16", "f12", "g" -> "longdouble";
            case "c8", "F" -> "complex64";
            case "c16", "D" -> "complex128";
            case "O", "O8" -> "object";
            default -> type.startsWith("U") ? "str" : type.startsWith("S") ? "bytes" : type.startsWith("V") ? "void"
                    : type.startsWith("M") ? "datetime64" : type.startsWith("m") ? "timedelta64" : null;
        };
        return name == null ? "" : " (" + name + ")";
    }

    /**
     * Reads the data after the header into a storage of its own. {@code available} is the number of
     * bytes left in the source, or -1 when unknown: known, the declared size is checked against it
     * before anything is allocated; unknown, the storage grows as the data arrives.
     */
    private static Tensor readData(InputStream in, Header h, long available) throws IOException {
        long numel;
        try {
            numel = Shapes.numel(h.shape);
        } catch (TensorException e) {
            throw new TensorException("malformed .npy header: " + e.getMessage(), e);
        }
        if (numel > CpuStorage.MAX_ELEMENTS) {
            throw new TensorException("cannot load .npy array of shape " + TensorPrinter.pythonTuple(h.shape) + " ("
                    + numel + " elements): a CPU tensor holds at most " + CpuStorage.MAX_ELEMENTS + " elements");
        }
        int n = (int) numel;
        int itemSize = h.dtype.itemSize();
        long bytes = numel * itemSize;
        if (available >= 0 && bytes > available) {
            throw new TensorException("truncated .npy data: expected " + bytes + " bytes for shape "
                    + TensorPrinter.pythonTuple(h.shape) + " of " + h.descr + ", found " + Math.max(available, 0));
        }
        int capacity = available >= 0 ? n : Math.min(n, STREAM_START_ELEMENTS);
        Object host = newArray(h.dtype, capacity);
        byte[] chunk = new byte[Math.min(n, CHUNK) * itemSize];
        long read = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            int got = in.readNBytes(chunk, 0, len * itemSize);
            read += got;
            if (got < len * itemSize) {
                throw new TensorException("truncated .npy data: expected " + bytes + " bytes for shape "
                        + TensorPrinter.pythonTuple(h.shape) + " of " + h.descr + ", found " + read);
            }
            if (start + len > capacity) {
                capacity = (int) Math.min(n, Math.max(2L * capacity, start + len));
                host = grow(host, capacity);
            }
            ByteBuffer buf = ByteBuffer.wrap(chunk, 0, len * itemSize).order(h.order);
            switch (host) {
                case float[] a -> buf.asFloatBuffer().get(a, start, len);
                case double[] a -> buf.asDoubleBuffer().get(a, start, len);
                case long[] a -> buf.asLongBuffer().get(a, start, len);
                case int[] a -> buf.asIntBuffer().get(a, start, len);
                case boolean[] a -> {
                    for (int i = 0; i < len; i++) {
                        a[start + i] = chunk[i] != 0;
                    }
                }
                case short[] a -> buf.asShortBuffer().get(a, start, len);
                case byte[] a -> System.arraycopy(chunk, 0, a, start, len);
                default -> throw new IllegalStateException();
            }
        }
        // The array becomes the storage itself: no second copy of the data.
        CpuStorage storage = CpuStorage.wrap(host, h.dtype);
        if (!h.fortranOrder || h.shape.length < 2) {
            return new Tensor(storage, h.shape, Shapes.contiguousStrides(h.shape), 0);
        }
        // Fortran order is C order of the reversed shape: read it so, then transpose back into a contiguous
        // copy (the one load that holds the data twice, briefly).
        long[] reversed = new long[h.shape.length];
        int[] perm = new int[h.shape.length];
        for (int d = 0; d < reversed.length; d++) {
            reversed[d] = h.shape[reversed.length - 1 - d];
            perm[d] = reversed.length - 1 - d;
        }
        return new Tensor(storage, reversed, Shapes.contiguousStrides(reversed), 0).permute(perm).contiguous();
    }

    /** A zeroed host array of {@code n} elements of the dtype's holder type; shared with {@link Safetensors}. */
    static Object newArray(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case INT32 -> new int[n];
            case BOOL -> new boolean[n];
            case UINT8, INT8 -> new byte[n];
            case INT16, FLOAT16, BFLOAT16 -> new short[n];
        };
    }

    private static Object grow(Object host, int n) {
        return switch (host) {
            case float[] a -> Arrays.copyOf(a, n);
            case double[] a -> Arrays.copyOf(a, n);
            case long[] a -> Arrays.copyOf(a, n);
            case int[] a -> Arrays.copyOf(a, n);
            case boolean[] a -> Arrays.copyOf(a, n);
            case short[] a -> Arrays.copyOf(a, n);
            case byte[] a -> Arrays.copyOf(a, n);
            default -> throw new IllegalStateException("not a tensor host array: " + host.getClass());
        };
    }

    // ------------------------------------------------------------------ .npz archives

    /**
     * Writes the tensors to {@code path} as an uncompressed {@code .npz} archive, member {@code name.npy}
     * per entry, in the map's order (NumPy's {@code np.savez(path, **tensors)}).
     *
     * @param tensors the tensors
     * @param path the file
     * @throws IOException if reading or writing fails
     */
    public static void saveAll(Map<String, Tensor> tensors, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            saveAll(tensors, out, false);
        }
    }

    /**
     * Like {@link #saveAll(Map, Path)} with deflated members (NumPy's {@code np.savez_compressed}).
     *
     * @param tensors the tensors
     * @param path the file
     * @throws IOException if reading or writing fails
     */
    public static void saveAllCompressed(Map<String, Tensor> tensors, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            saveAll(tensors, out, true);
        }
    }

    /**
     * Writes the tensors as an {@code .npz} archive to {@code out} (finished but left open); {@code compressed}
     * deflates the members.
     *
     * @param tensors the tensors
     * @param out the tensor to write the result into
     * @param compressed whether to compress
     * @throws TensorException for an empty or null name
     * @throws IOException if reading or writing fails
     */
    public static void saveAll(Map<String, Tensor> tensors, OutputStream out, boolean compressed) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosingStream(out))) {
            writeMembers(tensors, zip, compressed);
        }
    }

    private static void writeMembers(Map<String, Tensor> tensors, ZipOutputStream zip, boolean compressed)
            throws IOException {
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty()) {
                throw new TensorException("an .npz member needs a non-empty name, got "
                        + (name == null ? "null" : "''") + " among " + tensors.keySet());
            }
            byte[] data = toBytes(e.getValue());
            ZipEntry entry = new ZipEntry(name + ".npy");
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                // A stored member must declare its size and checksum up front.
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }
    }

    /**
     * Reads every array of an {@code .npz} archive, keyed by member name without {@code .npy}, in archive order.
     *
     * @param path the file
     * @return the arrays by member name, in archive order
     * @throws TensorException for a member that is not a {@code .npy} array, or a malformed one (naming it)
     * @throws IOException if reading or writing fails
     */
    public static Map<String, Tensor> loadAll(Path path) throws IOException {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            // ZipFile needs a java.io.File; other file systems (e.g. a zip file system) are read as a stream.
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                return loadAll(in);
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
                    out.put(memberName(entry, path.toString()), loadMember(in, entry, path.toString()));
                }
            }
        }
        return out;
    }

    /**
     * Reads every array of an {@code .npz} archive from a stream, as {@link #loadAll(Path)} does.
     *
     * @param in the input stream
     * @return the arrays by member name, in archive order
     * @throws IOException if reading or writing fails
     */
    public static Map<String, Tensor> loadAll(InputStream in) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new NonClosingInput(in))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    out.put(memberName(entry, "stream"), loadMember(zip, entry, "stream"));
                }
            }
        }
        return out;
    }

    private static String memberName(ZipEntry entry, String archive) {
        String name = entry.getName();
        if (!name.endsWith(".npy")) {
            throw new TensorException("member '" + name + "' of .npz archive " + archive + " is not a .npy array");
        }
        return name.substring(0, name.length() - 4);
    }

    private static Tensor loadMember(InputStream in, ZipEntry entry, String archive) throws IOException {
        try {
            return read(in, memberBytes(entry));
        } catch (TensorException e) {
            throw new TensorException("member '" + entry.getName() + "' of .npz archive " + archive + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deflate expands at most about 1032 to 1: a bound on a member's real size that its compressed size proves. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    /**
     * The bytes a member holds once inflated, as far as the archive tells, or -1 when it does not:
     * the declared size, and for a deflated member no more than deflate can expand its compressed
     * size to (so a small archive cannot declare a huge member and have it allocated).
     */
    private static long memberBytes(ZipEntry entry) {
        long size = entry.getSize();
        if (entry.getMethod() == ZipEntry.DEFLATED && entry.getCompressedSize() >= 0) {
            long bound = entry.getCompressedSize() * MAX_DEFLATE_RATIO + 1024;
            size = size < 0 ? bound : Math.min(size, bound);
        }
        return size;
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] readFully(InputStream in, int n) throws IOException {
        return in.readNBytes(n);
    }

    private static String hexPrefix(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 8); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** Lets a zip stream be finished without closing the caller's stream. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Keeps the caller's input stream open when a zip reader is dropped. */
    private static final class NonClosingInput extends java.io.FilterInputStream {
        NonClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // The caller owns the stream.
        }
    }

    /**
     * A reader of the Python literals in a {@code .npy} header: a dict of string keys whose values are
     * strings, {@code True}/{@code False}, integers, tuples or lists (as {@code List}), or nested dicts.
     */
    /** A Python tuple in a header (NumPy wants the shape as a tuple, not a list). */
    private record PyTuple(List<Object> items) {
        @Override
        public String toString() {
            return items.toString().replace('[', '(').replace(']', ')');
        }
    }

    private static final class PyLiteral {
        /** Deeper nesting than any valid header has is refused before it can exhaust the stack. */
        private static final int MAX_DEPTH = 16;
        private final String s;
        private int pos;
        private int depth;

        PyLiteral(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            skip();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text at offset " + pos);
            }
            return v;
        }

        private Object value() {
            skip();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(pos);
            if ((c == '{' || c == '(' || c == '[') && ++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels at offset " + pos);
            }
            if (c == '{') {
                Object d = dict();
                depth--;
                return d;
            }
            if (c == '(' || c == '[') {
                List<Object> items = sequence(c == '(' ? ')' : ']');
                depth--;
                return c == '(' ? new PyTuple(items) : items;
            }
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = pos++;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                // Python 2 era headers may write longs as 3L.
                String digits = s.substring(start, pos);
                if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                    pos++;
                }
                try {
                    return Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad integer " + digits);
                }
            }
            for (String word : new String[] {"True", "False", "None"}) {
                if (s.startsWith(word, pos)) {
                    pos += word.length();
                    return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
                }
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at offset " + pos);
        }

        private Map<String, Object> dict() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            while (true) {
                skip();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                Object key = value();
                if (!(key instanceof String k)) {
                    throw new IllegalArgumentException("dict key " + key + " is not a string");
                }
                skip();
                expect(':');
                map.put(k, value());
                skip();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at offset " + pos);
                }
            }
        }

        private List<Object> sequence(char close) {
            List<Object> list = new ArrayList<>();
            pos++;
            while (true) {
                skip();
                if (peek() == close) {
                    pos++;
                    return list;
                }
                list.add(value());
                skip();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != close) {
                    throw new IllegalArgumentException("expected ',' or '" + close + "' at offset " + pos);
                }
            }
        }

        private String string(char quote) {
            int start = ++pos;
            while (pos < s.length() && s.charAt(pos) != quote) {
                pos++;
            }
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            return s.substring(start, pos++);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
