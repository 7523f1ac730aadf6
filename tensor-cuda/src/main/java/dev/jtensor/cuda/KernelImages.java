package dev.jtensor.cuda;

import dev.jtensor.core.TensorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kernels' two shipped images and the choice between them: a fatbin with machine code (SASS) for
 * the common architectures, which the driver loads without compiling, and the PTX, which the driver
 * JIT-compiles (seconds on first use) for any GPU the fatbin has no code for. Both are compiled from
 * {@code src/main/cuda/jtensor_kernels.cu} by the {@code ptx} profile.
 */
final class KernelImages {
    /** The fatbin resource, relative to this class. */
    static final String FATBIN = "jtensor_kernels.fatbin";
    /** System property choosing the image: {@code auto} (the default: fatbin, then PTX) or {@code ptx}. */
    static final String PROPERTY = "jtensor.cuda.kernelImage";

    /** The magic number that starts a CUDA fatbin (little-endian). */
    private static final int FATBIN_MAGIC = 0xBA55ED50;
    /** Fatbin entry kinds. */
    private static final int KIND_PTX = 1;
    private static final int KIND_ELF = 2;

    private KernelImages() {}

    /** Loads one image into the device's module; returns the driver's {@code CUresult} (0 on success). */
    @FunctionalInterface
    interface ModuleLoader {
        /**
         * Loads an image.
         *
         * @param image a fatbin, or NUL-terminated PTX text
         * @return the driver's status code
         */
        int load(byte[] image);
    }

    /**
     * Loads the kernels: the fatbin first (unless {@code -Djtensor.cuda.kernelImage=ptx}), then the PTX
     * when the fatbin is missing or the driver refuses it (typically {@code CUDA_ERROR_NO_BINARY_FOR_GPU} on
     * an architecture it has no code for).
     *
     * @param loader the driver call
     * @param fatbin the fatbin's bytes, or null when the jar has none
     * @param ptx the PTX
     * @param mode {@code auto} or {@code ptx}
     * @param errorName the driver's name of a status code, for messages
     * @return what was loaded, for the log (e.g. {@code fatbin (sm_80, sm_86, ...)})
     * @throws TensorException naming each image tried and the driver's answer when none loads
     */
    static String load(ModuleLoader loader, byte[] fatbin, PtxResource ptx, String mode,
            java.util.function.IntFunction<String> errorName) {
        if (!mode.equals("auto") && !mode.equals("ptx")) {
            throw new TensorException("-D" + PROPERTY + "=" + mode + " is not one of auto, ptx");
        }
        String fatbinResult = "not tried (-D" + PROPERTY + "=ptx)";
        if (mode.equals("auto")) {
            if (fatbin == null) {
                fatbinResult = "missing from the jar";
            } else {
                int rc = loader.load(fatbin);
                if (rc == 0) {
                    return "fatbin (" + describe(smVersions(fatbin)) + ")";
                }
                fatbinResult = errorName.apply(rc);
            }
        }
        byte[] text = ptx.text().getBytes(StandardCharsets.US_ASCII);
        int rc = loader.load(Arrays.copyOf(text, text.length + 1));
        if (rc == 0) {
            return "PTX " + ptx.target() + " (JIT; fatbin: " + fatbinResult + ")";
        }
        throw new TensorException("cannot load the CUDA kernels: fatbin: " + fatbinResult + "; PTX " + ptx.target()
                + ", ISA " + ptx.isaVersion() / 10 + "." + ptx.isaVersion() % 10 + ": " + errorName.apply(rc));
    }

    /** The bundled fatbin's bytes, or null when the jar has none. */
    static byte[] loadFatbin() {
        try (InputStream in = KernelImages.class.getResourceAsStream(FATBIN)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/jtensor/cuda/" + FATBIN, e);
        }
    }

    /**
     * The architectures a fatbin holds code for, from its headers: {@code 90} for SASS of sm_90,
     * {@code -75} for PTX of compute_75 (negative: JIT code).
     *
     * @param fatbin the fatbin's bytes
     * @return the entries' architectures, in file order
     * @throws IllegalArgumentException if the bytes are not a fatbin
     */
    static List<Integer> smVersions(byte[] fatbin) {
        ByteBuffer b = ByteBuffer.wrap(fatbin).order(ByteOrder.LITTLE_ENDIAN);
        if (fatbin.length < 16 || b.getInt(0) != FATBIN_MAGIC) {
            throw new IllegalArgumentException("not a CUDA fatbin (no 0x" + Integer.toHexString(FATBIN_MAGIC)
                    + " magic)");
        }
        int headerSize = Short.toUnsignedInt(b.getShort(6));
        long end = headerSize + b.getLong(8);
        List<Integer> archs = new ArrayList<>();
        long off = headerSize;
        while (off + 32 <= end && off + 32 <= fatbin.length) {
            int at = (int) off;
            int kind = Short.toUnsignedInt(b.getShort(at));
            long entryHeader = Integer.toUnsignedLong(b.getInt(at + 4));
            long payload = b.getLong(at + 8);
            int sm = b.getInt(at + 28);
            if (kind == KIND_ELF) {
                archs.add(sm);
            } else if (kind == KIND_PTX) {
                archs.add(-sm);
            }
            off += entryHeader + payload;
        }
        return archs;
    }

    private static String describe(List<Integer> archs) {
        List<String> names = new ArrayList<>();
        for (int a : archs) {
            names.add(a >= 0 ? "sm_" + a : "compute_" + -a);
        }
        return String.join(", ", names);
    }
}
