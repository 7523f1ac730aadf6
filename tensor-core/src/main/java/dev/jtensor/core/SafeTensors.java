package dev.jtensor.core;

import dev.jtensor.core.cpu.CpuStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes Hugging Face's {@code .safetensors} files: an 8-byte little-endian header length,
 * a JSON header mapping each name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (plus an
 * optional {@code "__metadata__"} map of strings), then the raw little-endian data of every tensor.
 *
 * <p>Reading checks the file as the format requires before allocating anything: a header that fits the
 * file and at most 100 MB, well-formed JSON, known dtypes, non-negative shapes, byte ranges that match
 * the shapes, lie inside the data and cover it without holes or overlaps. Files are memory-mapped, so
 * only the tensors' own bytes are read. Supported dtypes: {@code F32}, {@code F64}, {@code I64},
 * {@code I32}, {@code BOOL}.
 */
public final class SafeTensors {
    /** The largest header accepted (the reference implementation's limit). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private SafeTensors() {}

    // ------------------------------------------------------------------ reading

    /**
     * Reads every tensor of a {@code .safetensors} file, in the order of their data in the file.
     *
     * @param path the file
     * @return the tensors by name (CPU, contiguous)
     * @throws IOException if the file cannot be read
     * @throws TensorException if the file is not a valid safetensors file or holds an unsupported dtype
     */
    public static Map<String, Tensor> load(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new TensorException("not a safetensors file: " + path + " has " + size + " bytes, fewer than the "
                        + "8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (lengthBytes.hasRemaining() && ch.read(lengthBytes, lengthBytes.position()) > 0) {
                // reads the 8 bytes at offset 0
            }
            long headerLength = lengthBytes.flip().getLong();
            checkHeaderLength(headerLength, size - 8);
            ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            return parse(all, headerLength, size).tensors;
        }
    }

    /**
     * Reads the {@code "__metadata__"} of a {@code .safetensors} file.
     *
     * @param path the file
     * @return the metadata (empty when absent)
     * @throws IOException if the file cannot be read
     * @throws TensorException if the file is not a valid safetensors file
     */
    public static Map<String, String> metadata(Path path) throws IOException {
        return fromBytesWithMetadata(Files.readAllBytes(path)).metadata;
    }

    /**
     * Reads a {@code .safetensors} file held in memory.
     *
     * @param bytes the file's bytes
     * @return the tensors by name
     * @throws TensorException if the bytes are not a valid safetensors file
     */
    public static Map<String, Tensor> fromBytes(byte[] bytes) {
        return fromBytesWithMetadata(bytes).tensors;
    }

    private record Parsed(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    private static Parsed fromBytesWithMetadata(byte[] bytes) {
        if (bytes.length < 8) {
            throw new TensorException("not a safetensors file: " + bytes.length + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = all.getLong(0);
        checkHeaderLength(headerLength, bytes.length - 8L);
        return parse(all, headerLength, bytes.length);
    }

    private static void checkHeaderLength(long headerLength, long available) {
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > available) {
            throw new TensorException("invalid safetensors header length " + headerLength + ": it must be between 2 and "
                    + Math.min(MAX_HEADER_BYTES, available) + " (the bytes after the length field, at most "
                    + MAX_HEADER_BYTES + ")");
        }
    }

    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

    @SuppressWarnings("unchecked")
    private static Parsed parse(ByteBuffer all, long headerLength, long fileSize) {
        byte[] headerBytes = new byte[(int) headerLength];
        all.get(8, headerBytes);
        String text = new String(headerBytes, StandardCharsets.UTF_8);
        Object json;
        try {
            json = new Json(text).parseDocument();
        } catch (IllegalArgumentException e) {
            throw new TensorException("malformed safetensors header: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> header)) {
            throw new TensorException("malformed safetensors header: expected a JSON object, got " + abbreviate(text));
        }
        long dataLength = fileSize - 8 - headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (var e : ((Map<String, Object>) header).entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map<?, ?> meta)) {
                    throw new TensorException("malformed safetensors header: __metadata__ must be an object of strings");
                }
                for (var m : meta.entrySet()) {
                    if (!(m.getValue() instanceof String v)) {
                        throw new TensorException("malformed safetensors header: __metadata__ value of '" + m.getKey()
                                + "' is not a string");
                    }
                    metadata.put((String) m.getKey(), v);
                }
                continue;
            }
            entries.add(entry(name, e.getValue()));
        }
        entries.sort((a, b) -> Long.compare(a.begin, b.begin));
        long expected = 0;
        for (Entry en : entries) {
            if (en.begin != expected) {
                throw new TensorException("invalid safetensors data layout: tensor '" + en.name + "' starts at byte "
                        + en.begin + " but the previous data ends at " + expected + " (the data must be contiguous, "
                        + "without holes or overlaps)");
            }
            expected = en.end;
        }
        if (expected != dataLength) {
            throw new TensorException("invalid safetensors data layout: the tensors cover " + expected + " bytes but the "
                    + "file holds " + dataLength + " bytes of data");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        long dataStart = 8 + headerLength;
        for (Entry en : entries) {
            out.put(en.name, read(all, dataStart + en.begin, en));
        }
        return new Parsed(out, Collections.unmodifiableMap(metadata));
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String name, Object value) {
        if (!(value instanceof Map<?, ?> info)) {
            throw new TensorException("malformed safetensors header: entry '" + name + "' is not an object");
        }
        Map<String, Object> m = (Map<String, Object>) info;
        if (!(m.get("dtype") instanceof String dtypeName)) {
            throw new TensorException("malformed safetensors header: entry '" + name + "' has no dtype string");
        }
        DType dtype = dtypeOf(dtypeName, name);
        if (!(m.get("shape") instanceof List<?> dims)) {
            throw new TensorException("malformed safetensors header: entry '" + name + "' has no shape list");
        }
        long[] shape = new long[dims.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0) {
                throw new TensorException("malformed safetensors header: entry '" + name + "' has a shape entry that is "
                        + "not a non-negative integer: " + dims);
            }
            shape[i] = d;
            numel = d == 0 || numel == 0 ? 0 : numel > Long.MAX_VALUE / d ? Long.MAX_VALUE : numel * d;
        }
        if (numel > CpuStorage.MAX_ELEMENTS) {
            throw new TensorException("safetensors entry '" + name + "' of shape " + Arrays.toString(shape) + " has "
                    + numel + " elements: a CPU tensor holds at most " + CpuStorage.MAX_ELEMENTS);
        }
        if (!(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end) || begin < 0 || end < begin) {
            throw new TensorException("malformed safetensors header: entry '" + name + "' needs data_offsets [begin, end] "
                    + "with 0 <= begin <= end, got " + m.get("data_offsets"));
        }
        if (end - begin != numel * dtype.itemSize()) {
            throw new TensorException("invalid safetensors entry '" + name + "': data_offsets " + offsets + " span "
                    + (end - begin) + " bytes but shape " + Arrays.toString(shape) + " of " + dtypeName + " needs "
                    + numel * dtype.itemSize());
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static DType dtypeOf(String name, String entry) {
        return switch (name) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            case "I64" -> DType.INT64;
            case "I32" -> DType.INT32;
            case "BOOL" -> DType.BOOL;
            default -> throw new TensorException("safetensors entry '" + entry + "' has dtype " + name
                    + ", which JTensor does not support (supported: F32, F64, I64, I32, BOOL)");
        };
    }

    private static String dtypeName(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case INT32 -> "I32";
            case BOOL -> "BOOL";
        };
    }

    private static Tensor read(ByteBuffer all, long offset, Entry en) {
        int n = (int) ((en.end - en.begin) / en.dtype.itemSize());
        ByteBuffer b = all.slice((int) offset, (int) (en.end - en.begin)).order(ByteOrder.LITTLE_ENDIAN);
        Object host = switch (en.dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                b.asFloatBuffer().get(a);
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                b.asDoubleBuffer().get(a);
                yield a;
            }
            case INT64 -> {
                long[] a = new long[n];
                b.asLongBuffer().get(a);
                yield a;
            }
            case INT32 -> {
                int[] a = new int[n];
                b.asIntBuffer().get(a);
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    byte v = b.get(i);
                    if (v != 0 && v != 1) {
                        throw new TensorException("invalid safetensors BOOL value " + v + " in entry '" + en.name + "'");
                    }
                    a[i] = v != 0;
                }
                yield a;
            }
        };
        return Tensor.fromArray(host, en.shape);
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes tensors to a {@code .safetensors} file (each converted to a contiguous CPU copy).
     *
     * @param tensors the tensors by name (names other than {@code "__metadata__"})
     * @param path the file
     * @throws IOException if the file cannot be written
     */
    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, Map.of(), path);
    }

    /**
     * Writes tensors and string metadata to a {@code .safetensors} file.
     *
     * @param tensors the tensors by name
     * @param metadata the {@code "__metadata__"} strings (may be empty)
     * @param path the file
     * @throws IOException if the file cannot be written
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(toBytes(tensors, metadata));
        }
    }

    /**
     * The bytes of a {@code .safetensors} file holding {@code tensors}: their data one after the other, wider
     * dtypes first (in the map's order otherwise) so that every tensor is aligned, after a header padded
     * with spaces to 8 bytes.
     *
     * @param tensors the tensors by name
     * @param metadata the {@code "__metadata__"} strings (may be empty)
     * @return the file's bytes
     * @throws TensorException for the reserved name {@code "__metadata__"} or an unsupported dtype
     */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append("\"__metadata__\":{");
            boolean first = true;
            for (var e : new TreeMap<>(metadata).entrySet()) {
                json.append(first ? "" : ",").append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
                first = false;
            }
            json.append('}');
        }
        long offset = 0;
        List<Object> hosts = new ArrayList<>();
        // Wider dtypes first (stable otherwise), as the reference writer does, so that every tensor's data
        // is aligned to its element size (the header is padded to 8 bytes).
        List<Map.Entry<String, Tensor>> ordered = new ArrayList<>(tensors.entrySet());
        ordered.sort((a, b) -> Integer.compare(b.getValue().dtype().itemSize(), a.getValue().dtype().itemSize()));
        for (var e : ordered) {
            if (e.getKey().equals("__metadata__")) {
                throw new TensorException("'__metadata__' is reserved in safetensors files and cannot name a tensor");
            }
            Tensor t = e.getValue().to(Device.CPU);
            long bytes = t.numel() * t.dtype().itemSize();
            json.append(json.length() > 1 ? "," : "").append(Json.quote(e.getKey())).append(":{\"dtype\":\"")
                    .append(dtypeName(t.dtype())).append("\",\"shape\":").append(Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
            hosts.add(t.toHostArray());
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (Object host : hosts) {
            switch (host) {
                case float[] a -> {
                    buf.asFloatBuffer().put(a);
                    buf.position(buf.position() + a.length * 4);
                }
                case double[] a -> {
                    buf.asDoubleBuffer().put(a);
                    buf.position(buf.position() + a.length * 8);
                }
                case long[] a -> {
                    buf.asLongBuffer().put(a);
                    buf.position(buf.position() + a.length * 8);
                }
                case int[] a -> {
                    buf.asIntBuffer().put(a);
                    buf.position(buf.position() + a.length * 4);
                }
                case boolean[] a -> {
                    for (boolean v : a) {
                        buf.put((byte) (v ? 1 : 0));
                    }
                }
                default -> throw new IllegalStateException("not a tensor host array: " + host.getClass());
            }
        }
        return buf.array();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** A small strict JSON reader (objects, arrays, strings, integers, numbers, true/false/null) for headers. */
    static final class Json {
        private final String s;
        private int i;
        private int depth;

        Json(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object v = value();
            skipSpace();
            if (i != s.length()) {
                throw new IllegalArgumentException("unexpected text after the JSON value at character " + i);
            }
            return v;
        }

        private void skipSpace() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private Object value() {
            skipSpace();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of the header");
            }
            char c = s.charAt(i);
            if (c == '{' || c == '[') {
                if (++depth > 64) {
                    throw new IllegalArgumentException("nested deeper than 64 levels");
                }
                Object v = c == '{' ? object() : array();
                depth--;
                return v;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            return number();
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skipSpace();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                skipSpace();
                if (i >= s.length() || s.charAt(i) != '"') {
                    throw new IllegalArgumentException("expected a key string at character " + i);
                }
                String key = string();
                skipSpace();
                expect(':');
                if (m.containsKey(key)) {
                    throw new IllegalArgumentException("duplicate key '" + key + "'");
                }
                m.put(key, value());
                skipSpace();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skipSpace();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + i);
            }
            i++;
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("unterminated escape");
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw new IllegalArgumentException("short \\u escape");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw new IllegalArgumentException("bad \\u escape");
                            }
                            i += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape \\" + e);
                    }
                } else if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string");
                } else {
                    sb.append(c);
                }
            }
        }

        private Object number() {
            int start = i;
            if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            boolean integral = true;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    i++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+') {
                    integral = false;
                    i++;
                } else {
                    break;
                }
            }
            String t = s.substring(start, i);
            if (t.isEmpty() || t.equals("-")) {
                throw new IllegalArgumentException("unexpected character at " + start);
            }
            try {
                return integral ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number '" + t + "'");
            }
        }

        static String quote(String v) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
