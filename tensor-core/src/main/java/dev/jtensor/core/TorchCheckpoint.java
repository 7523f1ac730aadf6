package dev.jtensor.core;

import dev.jtensor.core.cpu.CpuStorage;
import dev.jtensor.core.spi.Backends;
import dev.jtensor.core.spi.Storage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads files written by PyTorch's {@code torch.save} ({@code .pt}/{@code .pth}), as
 * {@code torch.load(f, map_location="cpu", weights_only=True)} does, without running any code; and writes
 * them ({@link #save}) for {@code torch.load}.
 *
 * <p>The format (PyTorch 1.6 and later): a zip archive whose entries lie under one folder
 * ({@code archive/} or the saved file's name): {@code data.pkl}, a pickle of the saved object;
 * {@code data/<key>}, the raw little-endian bytes of each storage; {@code version}; and, from PyTorch 2.1,
 * {@code byteorder}. Tensors in the pickle are calls of {@code torch._utils._rebuild_tensor_v2(storage,
 * storage_offset, size, stride, requires_grad, backward_hooks)} whose storage is a persistent id
 * {@code ("storage", torch.FloatStorage, key, location, numel)}.
 *
 * <p>The unpickler is restricted like PyTorch's {@code weights_only=True} one: it knows only the opcodes
 * of plain data (dicts, lists, tuples, strings, integers, floats, booleans, None, memo, marks) plus
 * {@code GLOBAL}, {@code REDUCE}, {@code BUILD} and {@code BINPERSID}, and the only globals it accepts are
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2}, {@code _rebuild_tensor},
 * {@code _rebuild_parameter} and the storage classes of JTensor's dtypes ({@code torch.FloatStorage},
 * {@code DoubleStorage}, {@code LongStorage}, {@code IntStorage}, {@code BoolStorage}). Nothing named by a
 * pickle is ever looked up or called: these few are interpreted here. Anything else (such as
 * {@code os.system}) is refused with an {@link IOException} naming it and the byte offset; so are storages
 * of other dtypes, naming the dtype.
 *
 * <p>Results: a Python dict or {@code OrderedDict} becomes an insertion-ordered {@link Map}, a list an
 * {@link ArrayList}, a tuple an unmodifiable {@link List}, an integer a {@link Long} (a {@link BigInteger}
 * beyond 64 bits), a float a {@link Double}, a string a {@link String}, None null, and a tensor a CPU
 * {@link Tensor} with the saved size, stride and storage offset: tensors saved over one storage are views
 * of one JTensor storage, as in PyTorch. Tensors saved from a GPU are loaded to the CPU; an
 * {@code nn.Parameter} comes back as a plain tensor (load it into a module to train it).
 */
public final class TorchCheckpoint {
    /** The largest {@code data.pkl} read (a state dict's pickle is small; its tensors live in other entries). */
    static final long MAX_PICKLE_BYTES = 1L << 30;

    private TorchCheckpoint() {}

    /**
     * Reads a {@code torch.save} file.
     *
     * @param path the {@code .pt}/{@code .pth} file
     * @return the saved object (see the class description for the types)
     * @throws IOException when the file cannot be read, is not a zip {@code torch.save} archive, or its
     *     pickle uses an opcode, global or storage type this loader refuses (the message names it)
     */
    public static Object load(Path path) throws IOException {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            throw new IOException(path + ": torch.save archives are read from the default file system; copy it "
                    + "to a local file first");
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(4);
        }
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x80) {
            throw new IOException(path + ": a legacy (pre-1.6, or _use_new_zipfile_serialization=False) torch.save "
                    + "file, which is not supported; re-save it with torch.save(obj, f) in PyTorch 1.6 or later");
        }
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new IOException(path + ": not a torch.save archive (it does not start with a zip header)");
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return new Archive(zip, path.toString()).load();
        }
    }

    /**
     * Reads a {@code torch.save}d state dict: a dict or {@code OrderedDict} of tensors by name, as
     * {@code torch.save(model.state_dict(), f)} writes it.
     *
     * @param path the {@code .pt}/{@code .pth} file
     * @return the tensors by name, in the saved order
     * @throws IOException as {@link #load(Path)}, or when the saved object is not a dict of string keys and
     *     tensor values (naming the first entry that is not)
     */
    public static Map<String, Tensor> loadStateDict(Path path) throws IOException {
        Object saved = load(path);
        if (!(saved instanceof Map<?, ?> map)) {
            throw new IOException(path + ": expected a saved state dict (a dict of tensors), found " + describe(saved));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof Tensor t)) {
                throw new IOException(path + ": expected a state dict of tensors, but entry " + e.getKey() + " is "
                        + describe(e.getValue()) + "; use TorchCheckpoint.load and pick the state dict out of it");
            }
            out.put(name, t);
        }
        return out;
    }

    /** A short, non-recursive rendering of an unpickled value for messages (values may be cyclic). */
    private static String brief(Object v, int depth) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String str) {
            return "'" + (str.length() > 64 ? str.substring(0, 64) + "..." : str) + "'";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof StorageType t) {
            return t.name();
        }
        if (v instanceof List<?> list && depth > 0) {
            StringBuilder sb = new StringBuilder(list instanceof ArrayList<?> ? "[" : "(");
            for (int i = 0; i < Math.min(list.size(), 8); i++) {
                sb.append(i > 0 ? ", " : "").append(brief(list.get(i), depth - 1));
            }
            return sb.append(list.size() > 8 ? ", ..." : "").append(list instanceof ArrayList<?> ? "]" : ")").toString();
        }
        return describe(v);
    }

    /** The Python type of an unpickled value, for messages. */
    private static String describe(Object v) {
        return switch (v) {
            case null -> "None";
            case Tensor t -> "a tensor";
            case Map<?, ?> m -> "a dict";
            case ArrayList<?> l -> "a list";
            case List<?> l -> "a tuple";
            case Set<?> st -> "a set";
            case String str -> "a str";
            case Boolean b -> "a bool";
            case Long l -> "an int";
            case BigInteger l -> "an int";
            case Double d -> "a float";
            case StorageType t -> "the class " + t.name();
            case LoadedStorage st -> "a storage";
            case Callable c -> "the function " + c.name().toLowerCase(java.util.Locale.ROOT);
            default -> "a " + v.getClass().getSimpleName();
        };
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code obj} as {@code torch.save(obj, path)} does (the zip format of PyTorch 1.6 and later,
     * pickle protocol 2), so that {@code torch.load(path, weights_only=True)} reads it. Maps become dicts
     * (in their order), lists and arrays of values Python lists, strings, {@link Long}/{@link Integer},
     * {@link Double}, {@link Boolean} and null their Python equivalents, and tensors PyTorch tensors with the
     * same sizes, strides and storage offsets: tensors sharing a storage are saved over one storage, as
     * PyTorch saves views. A tensor with a negative stride is saved as a contiguous copy (PyTorch has none).
     * PyTorch 1.13's {@code weights_only} loader refuses Python floats; its plain {@code torch.load} reads them.
     *
     * @param obj the object to save, typically a state dict ({@code Map<String, Tensor>})
     * @param path the file to write, replaced
     * @throws IOException when writing fails
     * @throws TensorException for a value of another type (naming it) or a cyclic structure
     */
    public static void save(Object obj, Path path) throws IOException {
        Writer w = new Writer();
        w.value(obj, 0);
        w.out.write('.');
        byte[] pickle = w.out.toByteArray();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            storedEntry(zip, "archive/data.pkl", pickle.length, out -> out.write(pickle));
            for (int i = 0; i < w.storages.size(); i++) {
                Storage st = w.storages.get(i);
                Object host = st.device().backend().toHost(st);
                storedEntry(zip, "archive/data/" + i, (long) st.size() * st.dtype().itemSize(),
                        out -> Npy.writeData(host, out));
            }
            byte[] version = "3\n".getBytes(StandardCharsets.US_ASCII);
            storedEntry(zip, "archive/version", version.length, out -> out.write(version));
        }
    }

    /** Writes bytes to a stream. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A stored (uncompressed) zip entry, as PyTorch writes them: its checksum is computed in a first pass. */
    private static void storedEntry(ZipOutputStream zip, String name, long size, Content content) throws IOException {
        CRC32 crc = new CRC32();
        try (CheckedOutputStream sink = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
            content.writeTo(sink);
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        content.writeTo(zip);
        zip.closeEntry();
    }

    /** The pickler: protocol 2 opcodes for the values {@link #save} accepts. */
    private static final class Writer {
        private static final int MAX_DEPTH = 1000;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Storage> storages = new ArrayList<>();
        private final Map<Storage, Integer> storageKeys = new IdentityHashMap<>();

        Writer() {
            out.write(0x80);
            out.write(2);
        }

        void value(Object v, int depth) {
            if (depth > MAX_DEPTH) {
                throw new TensorException("torch.save: structure nested deeper than " + MAX_DEPTH
                        + " levels (is it cyclic?)");
            }
            switch (v) {
                case null -> out.write('N');
                case Boolean b -> out.write(b ? 0x88 : 0x89);
                case Integer i -> integer(i);
                case Long l -> integer(l);
                case Double d -> {
                    out.write('G');
                    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(d).array());
                }
                case String str -> string(str);
                case Tensor t -> tensor(t);
                case Map<?, ?> m -> {
                    out.write('}');
                    if (!m.isEmpty()) {
                        out.write('(');
                        for (var e : m.entrySet()) {
                            value(e.getKey(), depth + 1);
                            value(e.getValue(), depth + 1);
                        }
                        out.write('u');
                    }
                }
                case List<?> list -> {
                    out.write(']');
                    if (!list.isEmpty()) {
                        out.write('(');
                        for (Object item : list) {
                            value(item, depth + 1);
                        }
                        out.write('e');
                    }
                }
                default -> throw new TensorException("torch.save: cannot save a " + v.getClass().getName()
                        + "; supported: Map, List, String, Long, Integer, Double, Boolean, null and Tensor");
            }
        }

        private void integer(long v) {
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                out.write('J');
                out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
            } else {
                out.write(0x8a);
                out.write(8);
                out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            }
        }

        private void string(String str) {
            byte[] b = str.getBytes(StandardCharsets.UTF_8);
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            out.writeBytes(b);
        }

        private void global(String module, String name) {
            out.write('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private void tuple(long[] values) {
            out.write('(');
            for (long x : values) {
                integer(x);
            }
            out.write('t');
        }

        /** {@code _rebuild_tensor_v2(('storage', torch.XStorage, key, 'cpu', numel), offset, size, stride, False, OrderedDict())}. */
        private void tensor(Tensor t) {
            for (long stride : t.stride()) {
                if (stride < 0) {
                    t = t.contiguous();
                    break;
                }
            }
            Storage st = t.storage();
            Integer key = storageKeys.get(st);
            if (key == null) {
                key = storages.size();
                storages.add(st);
                storageKeys.put(st, key);
            }
            global("torch._utils", "_rebuild_tensor_v2");
            out.write('(');
            out.write('(');
            string("storage");
            // torch.FloatStorage, torch.HalfStorage, torch.ByteStorage, ...: the C++ scalar type's name.
            global("torch", st.dtype().scalarTypeName() + "Storage");
            string(Integer.toString(key));
            string("cpu");
            integer(st.size());
            out.write('t');
            out.write('Q');
            integer(t.storageOffset());
            tuple(t.shape());
            tuple(t.stride());
            out.write(0x89);
            global("collections", "OrderedDict");
            out.write(')');
            out.write('R');
            out.write('t');
            out.write('R');
        }
    }

    /** A storage class named by a pickle, standing for its dtype. */
    private record StorageType(String name, DType dtype) {}

    /** A global the unpickler interprets (never resolved as a class or function). */
    private enum Callable {
        ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_TENSOR, REBUILD_PARAMETER
    }

    /** A storage read from the archive, shared by every tensor saved over it. */
    private record LoadedStorage(Storage storage, DType dtype, long numel) {}

    /** One archive being read: its folder prefix, and the storages read so far by key. */
    private static final class Archive {
        private final ZipFile zip;
        private final String source;
        private final String prefix;
        private final Map<String, LoadedStorage> storages = new HashMap<>();

        Archive(ZipFile zip, String source) throws IOException {
            this.zip = zip;
            this.source = source;
            String found = null;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                    if (found != null) {
                        throw new IOException(source + ": more than one data.pkl (" + found + "data.pkl, " + name + ")");
                    }
                    found = name.substring(0, slash + 1);
                }
            }
            if (found == null) {
                throw new IOException(source + ": no <folder>/data.pkl entry; not a torch.save archive"
                        + (zip.getEntry("constants.pkl") != null ? " (a TorchScript archive?)" : ""));
            }
            prefix = found;
        }

        Object load() throws IOException {
            ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
            if (byteorder != null) {
                String order = new String(read(byteorder, 16), StandardCharsets.US_ASCII).strip();
                if (!order.equals("little")) {
                    throw new IOException(source + ": byteorder is '" + order + "'; only little-endian archives are "
                            + "supported");
                }
            }
            ZipEntry pickle = zip.getEntry(prefix + "data.pkl");
            return new Unpickler(read(pickle, MAX_PICKLE_BYTES), this).load();
        }

        private byte[] read(ZipEntry entry, long limit) throws IOException {
            if (entry.getSize() > limit) {
                throw new IOException(source + ": entry " + entry.getName() + " is " + entry.getSize()
                        + " bytes, more than the " + limit + " expected");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
                if (in.read() >= 0) {
                    throw new IOException(source + ": entry " + entry.getName() + " holds more than " + limit + " bytes");
                }
                return bytes;
            }
        }

        LoadedStorage storage(String key, StorageType type, long numel, long at) throws IOException {
            LoadedStorage known = storages.get(key);
            if (known != null) {
                if (known.dtype() != type.dtype() || known.numel() != numel) {
                    throw new IOException(source + ": storage " + key + " is referred to as " + known.numel() + " x "
                            + known.dtype() + " and as " + numel + " x " + type.dtype() + " (pickle offset " + at + ")");
                }
                return known;
            }
            if (!key.matches("[A-Za-z0-9_]{1,64}")) {
                throw new IOException(source + ": storage key '" + key + "' is not a plain name (pickle offset " + at + ")");
            }
            if (numel < 0 || numel > CpuStorage.MAX_ELEMENTS) {
                throw new IOException(source + ": storage " + key + " declares " + numel + " elements; a CPU storage "
                        + "holds 0 to " + CpuStorage.MAX_ELEMENTS);
            }
            ZipEntry entry = zip.getEntry(prefix + "data/" + key);
            if (entry == null) {
                throw new IOException(source + ": storage " + key + " has no entry " + prefix + "data/" + key);
            }
            long bytes = numel * type.dtype().itemSize();
            if (entry.getSize() >= 0 && entry.getSize() != bytes) {
                throw new IOException(source + ": storage " + key + " declares " + numel + " " + type.name()
                        + " elements (" + bytes + " bytes) but its entry holds " + entry.getSize() + " bytes");
            }
            int n = (int) numel;
            Object host = Npy.newArray(type.dtype(), n);
            int itemSize = type.dtype().itemSize();
            int chunk = 1 << 16;
            byte[] buf = new byte[chunk * itemSize];
            try (InputStream in = zip.getInputStream(entry)) {
                for (int start = 0; start < n; start += chunk) {
                    int len = Math.min(chunk, n - start);
                    int got = in.readNBytes(buf, 0, len * itemSize);
                    if (got < len * itemSize) {
                        throw new IOException(source + ": storage " + key + " entry ends after "
                                + ((long) start * itemSize + got) + " of its " + bytes + " bytes");
                    }
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, len * itemSize).order(ByteOrder.LITTLE_ENDIAN);
                    switch (host) {
                        case float[] a -> bb.asFloatBuffer().get(a, start, len);
                        case double[] a -> bb.asDoubleBuffer().get(a, start, len);
                        case long[] a -> bb.asLongBuffer().get(a, start, len);
                        case int[] a -> bb.asIntBuffer().get(a, start, len);
                        case boolean[] a -> {
                            for (int i = 0; i < len; i++) {
                                a[start + i] = buf[i] != 0;
                            }
                        }
                        case short[] a -> bb.asShortBuffer().get(a, start, len);
                        case byte[] a -> System.arraycopy(buf, 0, a, start, len);
                        default -> throw new IllegalStateException();
                    }
                }
                if (in.read() >= 0) {
                    throw new IOException(source + ": storage " + key + " entry holds more than its " + bytes + " bytes");
                }
            }
            LoadedStorage loaded = new LoadedStorage(Backends.cpu().fromHost(host, type.dtype()), type.dtype(), numel);
            storages.put(key, loaded);
            return loaded;
        }
    }

    /** The restricted unpickler: a stack machine over a byte array, interpreting only data opcodes. */
    private static final class Unpickler {
        private static final Object MARK = new Object();
        private final byte[] in;
        private final Archive archive;
        private int pos;
        private int opAt;
        private List<Object> stack = new ArrayList<>();
        private final Deque<List<Object>> marks = new ArrayDeque<>();
        private final Map<Long, Object> memo = new HashMap<>();
        /** The maps created by OrderedDict(), the only objects BUILD may set state on. */
        private final Set<Object> orderedDicts = Collections.newSetFromMap(new IdentityHashMap<>());

        Unpickler(byte[] in, Archive archive) {
            this.in = in;
            this.archive = archive;
        }

        private IOException error(String what) {
            return new IOException(archive.source + ": " + what + " (data.pkl offset " + opAt + ")");
        }

        Object load() throws IOException {
            while (true) {
                opAt = pos;
                int op = u8();
                switch (op) {
                    case 0x80 -> { // PROTO
                        int version = u8();
                        if (version > 5) {
                            throw error("unsupported pickle protocol " + version);
                        }
                    }
                    case 0x95 -> bytes(8); // FRAME: a length hint only
                    case '.' -> { // STOP
                        Object result = pop();
                        if (!stack.isEmpty() || !marks.isEmpty()) {
                            throw error("malformed pickle: values left on the stack at STOP");
                        }
                        return result;
                    }
                    case '(' -> { // MARK
                        marks.push(stack);
                        stack = new ArrayList<>();
                    }
                    case 'N' -> push(null);
                    case 0x88 -> push(Boolean.TRUE);
                    case 0x89 -> push(Boolean.FALSE);
                    case 'J' -> push((long) ByteBuffer.wrap(bytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
                    case 'K' -> push((long) u8());
                    case 'M' -> push((long) (u8() | u8() << 8));
                    case 0x8a -> push(long1(u8()));
                    case 'G' -> push(ByteBuffer.wrap(bytes(8)).order(ByteOrder.BIG_ENDIAN).getDouble());
                    case 'X' -> push(utf8(bytes(u32())));
                    case 0x8c -> push(utf8(bytes(u8()))); // SHORT_BINUNICODE
                    case 'U' -> push(utf8(bytes(u8()))); // SHORT_BINSTRING, decoded as torch.load's encoding does
                    case ')' -> push(Collections.unmodifiableList(new ArrayList<>()));
                    case ']' -> push(new ArrayList<>());
                    case '}' -> push(new LinkedHashMap<>());
                    case 0x8f -> push(new LinkedHashSet<>()); // EMPTY_SET
                    case 't' -> push(tuple(popMark()));
                    case 0x85 -> push(tuple(Arrays.asList(pop())));
                    case 0x86 -> {
                        Object b = pop();
                        Object a = pop();
                        push(tuple(Arrays.asList(a, b)));
                    }
                    case 0x87 -> {
                        Object c = pop();
                        Object b = pop();
                        Object a = pop();
                        push(tuple(Arrays.asList(a, b, c)));
                    }
                    case 'a' -> {
                        Object item = pop();
                        list(top()).add(item);
                    }
                    case 'e' -> {
                        List<Object> items = popMark();
                        list(top()).addAll(items);
                    }
                    case 's' -> {
                        Object v = pop();
                        Object k = pop();
                        dict(top()).put(key(k), v);
                    }
                    case 'u' -> {
                        List<Object> items = popMark();
                        if (items.size() % 2 != 0) {
                            throw error("malformed pickle: SETITEMS with an odd number of values");
                        }
                        Map<Object, Object> d = dict(top());
                        for (int i = 0; i < items.size(); i += 2) {
                            d.put(key(items.get(i)), items.get(i + 1));
                        }
                    }
                    case 'q' -> memo.put((long) u8(), top());
                    case 'r' -> memo.put(u32(), top());
                    case 0x94 -> memo.put((long) memo.size(), top()); // MEMOIZE
                    case 'h' -> push(memoGet(u8()));
                    case 'j' -> push(memoGet(u32()));
                    case 'c' -> push(global(line(), line()));
                    case 'Q' -> push(persistent(pop()));
                    case 'R' -> {
                        Object args = pop();
                        Object func = pop();
                        push(reduce(func, args));
                    }
                    case 'b' -> {
                        Object state = pop();
                        Object inst = top();
                        if (!orderedDicts.contains(inst)) {
                            throw error("BUILD (setting an object's state) is only accepted on an OrderedDict, got "
                                    + describe(inst));
                        }
                        if (!(state instanceof Map<?, ?>)) {
                            throw error("BUILD state of an OrderedDict must be a dict, got " + describe(state));
                        }
                        // An OrderedDict's attributes (a state dict's _metadata): not part of its items.
                    }
                    case 0x81 -> throw error("NEWOBJ (creating an instance of " + describe(peekBelowTop())
                            + ") is refused by this weights-only loader");
                    default -> throw error("unsupported pickle opcode 0x" + Integer.toHexString(op)
                            + (op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : "")
                            + ": a weights-only load accepts only data opcodes");
                }
            }
        }

        private Object peekBelowTop() {
            return stack.size() >= 2 ? stack.get(stack.size() - 2) : null;
        }

        // ---------------------------------------------------------------- globals and calls

        private Object global(String module, String name) throws IOException {
            String full = module + "." + name;
            switch (full) {
                case "collections.OrderedDict":
                    return Callable.ORDERED_DICT;
                case "torch._utils._rebuild_tensor_v2":
                    return Callable.REBUILD_TENSOR_V2;
                case "torch._utils._rebuild_tensor":
                    return Callable.REBUILD_TENSOR;
                case "torch._utils._rebuild_parameter":
                    return Callable.REBUILD_PARAMETER;
                default:
                    break;
            }
            for (DType d : DType.values()) {
                // torch.FloatStorage, torch.HalfStorage, torch.ByteStorage, ...: the C++ scalar type's name.
                if (full.equals("torch." + d.scalarTypeName() + "Storage")) {
                    return new StorageType(full, d);
                }
            }
            String otherDtype = switch (full) {
                case "torch.ComplexFloatStorage" -> "complex64";
                case "torch.ComplexDoubleStorage" -> "complex128";
                case "torch.QUInt8Storage", "torch.QInt8Storage", "torch.QInt32Storage", "torch.QUInt4x2Storage",
                        "torch.QUInt2x4Storage" -> "a quantized dtype";
                default -> null;
            };
            if (otherDtype != null) {
                throw error("a " + full + " holds " + otherDtype + ", a dtype JTensor does not have; convert the "
                        + "tensors to a real dtype (float64 ... bool) before saving");
            }
            if (module.equals("torch") || module.startsWith("torch.")) {
                throw error("global " + full + " is not supported by JTensor's checkpoint loader (it reads dense "
                        + "tensors, OrderedDicts and plain values)");
            }
            throw error("forbidden global " + full + ": a weights-only load accepts only tensors, storages and "
                    + "OrderedDict, and never calls anything a file names");
        }

        private Object reduce(Object func, Object args) throws IOException {
            if (!(func instanceof Callable callable)) {
                throw error("REDUCE may only call OrderedDict or a tensor rebuild function, got " + describe(func));
            }
            List<?> a = tupleArgs(args);
            return switch (callable) {
                case ORDERED_DICT -> {
                    if (!a.isEmpty()) {
                        throw error("OrderedDict(...) with arguments is not supported; saved OrderedDicts are built "
                                + "empty and filled by SETITEMS");
                    }
                    Map<Object, Object> m = new LinkedHashMap<>();
                    orderedDicts.add(m);
                    yield m;
                }
                case REBUILD_TENSOR_V2 -> {
                    if (a.size() < 6 || a.size() > 7) {
                        throw error("_rebuild_tensor_v2 takes 6 or 7 arguments, got " + a.size());
                    }
                    if (!(a.get(4) instanceof Boolean)) {
                        throw error("_rebuild_tensor_v2: requires_grad must be a bool, got " + describe(a.get(4)));
                    }
                    yield rebuild(a);
                }
                case REBUILD_TENSOR -> {
                    if (a.size() != 4) {
                        throw error("_rebuild_tensor takes 4 arguments, got " + a.size());
                    }
                    yield rebuild(a);
                }
                case REBUILD_PARAMETER -> {
                    if (a.size() != 3 || !(a.get(0) instanceof Tensor data) || !(a.get(1) instanceof Boolean grad)) {
                        throw error("_rebuild_parameter takes (tensor, requires_grad, hooks), got " + brief(a, 1));
                    }
                    // requires_grad is not restored: loading a state into a module's parameters is what
                    // makes them trainable, and tensor-core alone has no autograd to record it for.
                    yield data;
                }
            };
        }

        private Tensor rebuild(List<?> a) throws IOException {
            if (!(a.get(0) instanceof LoadedStorage storage)) {
                throw error("tensor rebuild: the first argument must be a storage, got " + describe(a.get(0)));
            }
            if (!(a.get(1) instanceof Long offset) || offset < 0) {
                throw error("tensor rebuild: storage_offset must be a non-negative integer, got " + brief(a.get(1), 1));
            }
            long[] size = longs(a.get(2), "size");
            long[] stride = longs(a.get(3), "stride");
            if (size.length != stride.length) {
                throw error("tensor rebuild: size " + Arrays.toString(size) + " and stride " + Arrays.toString(stride)
                        + " differ in length");
            }
            boolean empty = false;
            long last = offset;
            try {
                for (int d = 0; d < size.length; d++) {
                    if (size[d] == 0) {
                        empty = true;
                    } else {
                        last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                    }
                }
            } catch (ArithmeticException overflow) {
                throw error("tensor rebuild: size " + Arrays.toString(size) + " stride " + Arrays.toString(stride)
                        + " offset " + offset + " overflow 64 bits");
            }
            if (!empty && last >= storage.numel()) {
                throw error("tensor rebuild: size " + Arrays.toString(size) + " stride " + Arrays.toString(stride)
                        + " offset " + offset + " reach element " + last + " of a storage of " + storage.numel());
            }
            try {
                Shapes.checkShape(size);
            } catch (TensorException e) {
                throw error("tensor rebuild: " + e.getMessage());
            }
            return new Tensor(storage.storage(), size, stride, offset);
        }

        private long[] longs(Object v, String what) throws IOException {
            if (!(v instanceof List<?> list)) {
                throw error("tensor rebuild: " + what + " must be a tuple of integers, got " + describe(v));
            }
            long[] out = new long[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Long x) || x < 0) {
                    throw error("tensor rebuild: " + what + " must hold non-negative integers, got " + brief(list, 1));
                }
                out[i] = x;
            }
            return out;
        }

        private Object persistent(Object pid) throws IOException {
            if (!(pid instanceof List<?> t) || t.size() != 5 || !"storage".equals(t.get(0))) {
                throw error("persistent id must be ('storage', type, key, location, numel), got " + brief(pid, 1));
            }
            if (!(t.get(1) instanceof StorageType type) || !(t.get(2) instanceof String key)
                    || !(t.get(3) instanceof String) || !(t.get(4) instanceof Long numel)) {
                throw error("persistent id must be ('storage', type, key, location, numel), got " + brief(pid, 1));
            }
            return archive.storage(key, type, numel, opAt);
        }

        // ---------------------------------------------------------------- stack and values

        private void push(Object v) {
            stack.add(v);
        }

        private Object pop() throws IOException {
            if (stack.isEmpty()) {
                throw error("malformed pickle: stack underflow");
            }
            return stack.remove(stack.size() - 1);
        }

        private Object top() throws IOException {
            if (stack.isEmpty()) {
                throw error("malformed pickle: stack underflow");
            }
            return stack.get(stack.size() - 1);
        }

        private List<Object> popMark() throws IOException {
            if (marks.isEmpty()) {
                throw error("malformed pickle: no MARK to pop to");
            }
            List<Object> items = stack;
            stack = marks.pop();
            return items;
        }

        private Object memoGet(long index) throws IOException {
            if (!memo.containsKey(index)) {
                throw error("malformed pickle: memo entry " + index + " was never stored");
            }
            return memo.get(index);
        }

        private static List<Object> tuple(List<Object> items) {
            return Collections.unmodifiableList(new ArrayList<>(items));
        }

        private List<?> tupleArgs(Object args) throws IOException {
            if (!(args instanceof List<?> list) || args instanceof ArrayList<?>) {
                throw error("REDUCE arguments must be a tuple, got " + describe(args));
            }
            return list;
        }

        @SuppressWarnings("unchecked")
        private List<Object> list(Object target) throws IOException {
            if (!(target instanceof ArrayList<?>)) {
                throw error("can only append to lists, but got " + describe(target));
            }
            return (List<Object>) target;
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> dict(Object target) throws IOException {
            if (!(target instanceof Map<?, ?>)) {
                throw error("can only set items on dicts, but got " + describe(target));
            }
            return (Map<Object, Object>) target;
        }

        private Object key(Object k) throws IOException {
            if (k instanceof Map<?, ?> || k instanceof ArrayList<?> || k instanceof Set<?> || k instanceof Tensor) {
                throw error("unhashable dict key: " + describe(k));
            }
            return k;
        }

        private Object long1(int n) throws IOException {
            byte[] b = bytes(n);
            if (n == 0) {
                return 0L;
            }
            byte[] be = new byte[n];
            for (int i = 0; i < n; i++) {
                be[i] = b[n - 1 - i];
            }
            BigInteger v = new BigInteger(be);
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }

        private int u8() throws IOException {
            if (pos >= in.length) {
                throw error("truncated pickle: it ends before STOP");
            }
            return in[pos++] & 0xFF;
        }

        private long u32() throws IOException {
            return ByteBuffer.wrap(bytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        }

        private byte[] bytes(long n) throws IOException {
            if (n > in.length - pos) {
                throw error("truncated pickle: " + n + " bytes needed, " + (in.length - pos) + " left");
            }
            byte[] out = Arrays.copyOfRange(in, pos, pos + (int) n);
            pos += (int) n;
            return out;
        }

        private String line() throws IOException {
            int start = pos;
            while (pos < in.length && in[pos] != '\n') {
                if (pos - start > 256) {
                    throw error("malformed pickle: a GLOBAL name longer than 256 bytes");
                }
                pos++;
            }
            if (pos >= in.length) {
                throw error("truncated pickle: a GLOBAL name without its newline");
            }
            return utf8(Arrays.copyOfRange(in, start, pos++));
        }

        private String utf8(byte[] b) throws IOException {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw error("a string is not valid UTF-8");
            }
        }
    }
}
