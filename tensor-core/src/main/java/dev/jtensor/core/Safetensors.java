package dev.jtensor.core;

import dev.jtensor.core.cpu.CpuStorage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face's safetensors files ({@code safetensors.torch.save_file}/{@code load_file}).
 *
 * <p>The layout: an 8-byte little-endian unsigned header length {@code N}; {@code N} bytes of UTF-8 JSON,
 * an object mapping each tensor name to {@code {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin,
 * end]}} plus an optional {@code "__metadata__"} object of string values; then the data, each tensor's
 * elements row-major and little-endian at {@code [begin, end)} counted from the end of the header. The
 * dtypes are those JTensor has: {@code F32}, {@code F64}, {@code I64}, {@code I32} and {@code BOOL}
 * (one byte, non-zero is true).
 *
 * <p>Reading treats the file as untrusted and checks it as the reference implementation does: the header
 * length is at most 100,000,000 and within the file, the header is a JSON object, every shape is a list
 * of non-negative integers whose byte size (computed without overflow) equals its {@code data_offsets}
 * span, and the spans, sorted, tile the data exactly: no overlap, no gap, nothing outside the file. Each
 * problem is an {@link IOException} naming the file, the tensor and the numbers involved; nothing is
 * allocated for a tensor before its entry has been checked. Files on the default file system are read
 * through memory maps, others through their channel; loaded tensors are contiguous CPU tensors.
 *
 * <p>Writing orders the tensors as the reference writer does (larger element size first, then by name),
 * so every tensor starts aligned to its element size, and pads the header with spaces to a multiple of 8.
 */
public final class Safetensors {
    /** The reference implementation's limit on the header length. */
    public static final long MAX_HEADER_LENGTH = 100_000_000L;
    private static final String METADATA_KEY = "__metadata__";
    /** Bytes mapped or read at a time. */
    private static final int CHUNK_BYTES = 1 << 26;

    private Safetensors() {}

    /** The safetensors name of a dtype ({@code F32}, {@code F64}, {@code F16}, {@code BF16}, {@code I64}, ..., {@code BOOL}). */
    static String code(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case INT32 -> "I32";
            case BOOL -> "BOOL";
            case UINT8 -> "U8";
            case INT8 -> "I8";
            case INT16 -> "I16";
            case FLOAT16 -> "F16";
            case BFLOAT16 -> "BF16";
        };
    }

    private static DType dtypeOf(String code, String name, String source) throws IOException {
        return switch (code) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            case "I64" -> DType.INT64;
            case "I32" -> DType.INT32;
            case "BOOL" -> DType.BOOL;
            case "U8" -> DType.UINT8;
            case "I8" -> DType.INT8;
            case "I16" -> DType.INT16;
            case "F16" -> DType.FLOAT16;
            case "BF16" -> DType.BFLOAT16;
            default -> throw new IOException(source + ": tensor '" + name + "' has dtype " + code
                    + ", which JTensor does not have; supported: F32, F64, F16, BF16, I64, I32, I16, I8, U8, BOOL");
        };
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code tensors} to {@code path} (replacing it) without metadata.
     *
     * @param tensors the tensors by name, on any device and with any strides
     * @param path the file to write
     * @throws IOException when the file cannot be written
     * @throws TensorException for a null or reserved name or a null tensor
     */
    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, Map.of(), path);
    }

    /**
     * Writes {@code tensors} and the string {@code metadata} ({@code __metadata__}) to {@code path}, replacing it.
     *
     * @param tensors the tensors by name, on any device and with any strides
     * @param metadata free-form string pairs stored in the header; empty for none
     * @param path the file to write
     * @throws IOException when the file cannot be written
     * @throws TensorException for a null or reserved name, a null tensor or null metadata
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            save(tensors, metadata, out);
        }
    }

    /**
     * Writes a safetensors file to {@code out}, which is left open.
     *
     * @param tensors the tensors by name, on any device and with any strides
     * @param metadata free-form string pairs stored in the header; empty for none
     * @param out the stream to write to
     * @throws IOException when the stream fails
     * @throws TensorException for a null or reserved name, a null tensor or null metadata
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, OutputStream out)
            throws IOException {
        if (tensors == null || metadata == null) {
            throw new TensorException("safetensors: the tensors and the metadata must not be null (use an empty map)");
        }
        List<Map.Entry<String, Tensor>> entries = new ArrayList<>(tensors.entrySet());
        for (var e : entries) {
            if (e.getKey() == null || e.getKey().equals(METADATA_KEY) || e.getValue() == null) {
                throw new TensorException("safetensors: cannot save entry '" + e.getKey() + "' = " + e.getValue()
                        + ": names must be non-null and not \"" + METADATA_KEY + "\", tensors non-null");
            }
        }
        entries.sort(Comparator.comparingInt((Map.Entry<String, Tensor> e) -> -e.getValue().dtype().itemSize())
                .thenComparing(Map.Entry::getKey));
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            HeaderJson.quote(json, METADATA_KEY).append(":{");
            boolean first = true;
            for (var m : metadata.entrySet()) {
                if (m.getKey() == null || m.getValue() == null) {
                    throw new TensorException("safetensors: metadata keys and values must be non-null, got "
                            + m.getKey() + "=" + m.getValue());
                }
                json.append(first ? "" : ",");
                HeaderJson.quote(json, m.getKey()).append(':');
                HeaderJson.quote(json, m.getValue());
                first = false;
            }
            json.append('}');
        }
        long offset = 0;
        for (var e : entries) {
            Tensor t = e.getValue();
            long bytes = Math.multiplyExact(t.numel(), (long) t.dtype().itemSize());
            json.append(json.length() > 1 ? "," : "");
            HeaderJson.quote(json, e.getKey()).append(":{\"dtype\":\"").append(code(t.dtype())).append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int d = 0; d < shape.length; d++) {
                json.append(d > 0 ? "," : "").append(shape[d]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(lengthField.array());
        out.write(header);
        for (int i = header.length; i < padded; i++) {
            out.write(' ');
        }
        for (var e : entries) {
            Npy.writeData(e.getValue().toHostArray(), out);
        }
    }

    /**
     * The bytes of the safetensors file of {@code tensors} and {@code metadata}.
     *
     * @param tensors the tensors by name
     * @param metadata free-form string pairs; empty for none
     * @return the file's bytes
     * @throws TensorException as {@link #save(Map, Map, OutputStream)}
     */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            save(tensors, metadata, out);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ reading

    /** One checked header entry. */
    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

    /** A checked header. */
    private record Header(Map<String, String> metadata, List<Entry> entries, long dataStart) {}

    /**
     * Reads every tensor of a safetensors file, in header order.
     *
     * @param path the file
     * @return the tensors by name: contiguous CPU tensors
     * @throws IOException when the file cannot be read or is not a well-formed safetensors file (the
     *     message names the problem)
     */
    public static Map<String, Tensor> load(Path path) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(path, StandardOpenOption.READ)) {
            return read(ch, path.toString());
        }
    }

    /**
     * Reads every tensor of a safetensors file held in memory.
     *
     * @param bytes the file's bytes
     * @return the tensors by name, in header order
     * @throws IOException when the bytes are not a well-formed safetensors file
     */
    public static Map<String, Tensor> fromBytes(byte[] bytes) throws IOException {
        return read(new ByteArrayChannel(bytes), "safetensors bytes");
    }

    /**
     * The {@code __metadata__} of a safetensors file, reading only its header.
     *
     * @param path the file
     * @return the string pairs, empty when the file has none
     * @throws IOException when the file cannot be read or its header is malformed
     */
    public static Map<String, String> metadata(Path path) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(path, StandardOpenOption.READ)) {
            return readHeader(ch, path.toString()).metadata();
        }
    }

    private static Map<String, Tensor> read(SeekableByteChannel ch, String source) throws IOException {
        Header h = readHeader(ch, source);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Entry e : h.entries()) {
            out.put(e.name(), readTensor(ch, h.dataStart() + e.begin(), e));
        }
        return out;
    }

    private static Header readHeader(SeekableByteChannel ch, String source) throws IOException {
        long fileSize = ch.size();
        if (fileSize < 8) {
            throw new IOException(source + ": not a safetensors file: " + fileSize
                    + " bytes is too short for the 8-byte header length");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, 0, lengthField);
        long headerLength = lengthField.getLong(0);
        if (headerLength < 0 || headerLength > MAX_HEADER_LENGTH) {
            throw new IOException(source + ": header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the limit of " + MAX_HEADER_LENGTH + " bytes");
        }
        if (headerLength > fileSize - 8) {
            throw new IOException(source + ": header length " + headerLength + " runs past the end of the file ("
                    + fileSize + " bytes, " + (fileSize - 8) + " after the length field)");
        }
        if (headerLength < 2) {
            throw new IOException(source + ": header length " + headerLength + " is too short for a JSON object");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(ch, 8, headerBytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(headerBytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": the header is not valid UTF-8", e);
        }
        if (!text.startsWith("{")) {
            throw new IOException(source + ": the header does not start with '{'; found "
                    + HeaderJson.quote(new StringBuilder(), text.substring(0, Math.min(16, text.length()))));
        }
        Object parsed;
        try {
            parsed = HeaderJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": malformed JSON header: " + e.getMessage(), e);
        }
        long dataStart = 8 + headerLength;
        long dataLength = fileSize - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (var kv : ((Map<?, ?>) parsed).entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals(METADATA_KEY)) {
                if (!(kv.getValue() instanceof Map<?, ?> m)) {
                    throw new IOException(source + ": " + METADATA_KEY + " must be an object of strings, got "
                            + kv.getValue());
                }
                for (var mv : m.entrySet()) {
                    if (!(mv.getValue() instanceof String value)) {
                        throw new IOException(source + ": " + METADATA_KEY + " value of \"" + mv.getKey()
                                + "\" must be a string, got " + mv.getValue());
                    }
                    metadata.put((String) mv.getKey(), value);
                }
                continue;
            }
            entries.add(entry(name, kv.getValue(), dataLength, source));
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry e : byOffset) {
            if (e.begin() < expected) {
                throw new IOException(source + ": tensor '" + e.name() + "' data_offsets [" + e.begin() + ", " + e.end()
                        + "] overlap tensor '" + previous.name() + "' [" + previous.begin() + ", " + previous.end() + "]");
            }
            if (e.begin() > expected) {
                throw new IOException(source + ": tensor '" + e.name() + "' data_offsets [" + e.begin() + ", " + e.end()
                        + "] leave a gap after byte " + expected + " of the data");
            }
            expected = e.end();
            previous = e;
        }
        if (expected != dataLength) {
            throw new IOException(source + ": the tensors cover " + expected + " bytes of data but the file holds "
                    + dataLength + " bytes after the header");
        }
        return new Header(metadata, entries, dataStart);
    }

    private static Entry entry(String name, Object value, long dataLength, String source) throws IOException {
        String where = source + ": tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> info)) {
            throw new IOException(where + ": expected an object with dtype, shape and data_offsets, got " + value);
        }
        for (Object key : info.keySet()) {
            if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                throw new IOException(where + ": unknown field \"" + key + "\"");
            }
        }
        if (!(info.get("dtype") instanceof String code)) {
            throw new IOException(where + ": dtype must be a string, got " + info.get("dtype"));
        }
        DType dtype = dtypeOf(code, name, source);
        long[] shape = longs(info.get("shape"), where, "shape", -1);
        long[] offsets = longs(info.get("data_offsets"), where, "data_offsets", 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > dataLength) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] reach past the "
                    + dataLength + " bytes of data in the file");
        }
        long bytes = dtype.itemSize();
        for (long size : shape) {
            try {
                bytes = Math.multiplyExact(bytes, size);
            } catch (ArithmeticException overflow) {
                throw new IOException(where + ": shape " + Arrays.toString(shape) + " of " + code
                        + " overflows a 64-bit byte count");
            }
        }
        if (bytes != end - begin) {
            throw new IOException(where + ": shape " + Arrays.toString(shape) + " of " + code + " needs " + bytes
                    + " bytes but data_offsets [" + begin + ", " + end + "] hold " + (end - begin));
        }
        if (bytes / dtype.itemSize() > CpuStorage.MAX_ELEMENTS) {
            throw new IOException(where + ": shape " + Arrays.toString(shape) + " has " + bytes / dtype.itemSize()
                    + " elements; a CPU tensor holds at most " + CpuStorage.MAX_ELEMENTS);
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static long[] longs(Object value, String where, String field, int length) throws IOException {
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw new IOException(where + ": " + field + " must be a list of "
                    + (length >= 0 ? length + " " : "") + "non-negative integers, got " + value);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0) {
                throw new IOException(where + ": " + field + " must hold non-negative integers, got " + value);
            }
            out[i] = v;
        }
        return out;
    }

    private static Tensor readTensor(SeekableByteChannel ch, long position, Entry e) throws IOException {
        int n = (int) ((e.end() - e.begin()) / e.dtype().itemSize());
        int itemSize = e.dtype().itemSize();
        Object host = Npy.newArray(e.dtype(), n);
        int perChunk = CHUNK_BYTES / itemSize;
        ByteBuffer scratch = ch instanceof FileChannel ? null
                : ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, (long) n * itemSize));
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            long at = position + (long) start * itemSize;
            ByteBuffer buf;
            if (ch instanceof FileChannel fc) {
                buf = fc.map(FileChannel.MapMode.READ_ONLY, at, (long) len * itemSize);
            } else {
                buf = scratch.clear().limit(len * itemSize);
                readFully(ch, at, buf);
                buf.flip();
            }
            buf.order(ByteOrder.LITTLE_ENDIAN);
            switch (host) {
                case float[] a -> buf.asFloatBuffer().get(a, start, len);
                case double[] a -> buf.asDoubleBuffer().get(a, start, len);
                case long[] a -> buf.asLongBuffer().get(a, start, len);
                case int[] a -> buf.asIntBuffer().get(a, start, len);
                case boolean[] a -> {
                    for (int i = 0; i < len; i++) {
                        a[start + i] = buf.get(i) != 0;
                    }
                }
                case short[] a -> buf.asShortBuffer().get(a, start, len);
                case byte[] a -> buf.get(0, a, start, len);
                default -> throw new IllegalStateException();
            }
        }
        return Tensor.fromArray(host, e.dtype(), e.shape());
    }

    private static void readFully(SeekableByteChannel ch, long position, ByteBuffer dst) throws IOException {
        ch.position(position);
        while (dst.hasRemaining()) {
            if (ch.read(dst) < 0) {
                throw new IOException("unexpected end of file at byte " + ch.position());
            }
        }
    }

    /** A read-only channel over a byte array, so that in-memory files take the same checked path. */
    private static final class ByteArrayChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;

        ByteArrayChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
