package dev.jtensor.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernels' PTX, compiled ahead of time from {@code src/main/cuda/jtensor_kernels.cu} and shipped
 * as a resource (so running JTensor on a GPU needs no CUDA compiler), with what the Java side needs
 * to know about it: its entry points and the PTX ISA version the driver must accept.
 *
 * @param text the PTX source
 */
record PtxResource(String text) {
    /** The resource's path, relative to this class. */
    static final String RESOURCE = "jtensor_kernels.ptx";

    private static final Pattern ENTRY = Pattern.compile("^\\.visible\\s+\\.entry\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(",
            Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("^\\.version\\s+(\\d+)\\.(\\d+)", Pattern.MULTILINE);
    private static final Pattern TARGET = Pattern.compile("^\\.target\\s+(\\S+)", Pattern.MULTILINE);

    /** Loads the bundled PTX. */
    static PtxResource load() {
        try (InputStream in = PtxResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the kernels' PTX resource dev/jtensor/cuda/" + RESOURCE
                        + " is missing from the tensor-cuda jar");
            }
            return new PtxResource(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/jtensor/cuda/" + RESOURCE, e);
        }
    }

    /** The names of the kernels ({@code .visible .entry}) the PTX defines, in file order. */
    Set<String> entries() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The PTX ISA version as {@code major * 10 + minor} (90 for {@code .version 9.0}). */
    int isaVersion() {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no .version directive in " + RESOURCE);
        }
        return Integer.parseInt(m.group(1)) * 10 + Integer.parseInt(m.group(2));
    }

    /** The {@code .target} architecture, e.g. {@code sm_75}. */
    String target() {
        Matcher m = TARGET.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no .target directive in " + RESOURCE);
        }
        return m.group(1);
    }
}
