package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the PTX entry points, built the same way here and in {@code jtensor_kernels.cu}:
 * {@code <family>_<dtype suffix>...}. {@link #all()} lists every entry the Java side can launch, so a
 * test checks that the committed PTX defines each of them.
 */
final class KernelNames {
    private KernelNames() {}

    /** The suffix of a dtype in kernel names; bool is stored as one byte. */
    static String suffix(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "f32";
            case FLOAT64 -> "f64";
            case INT64 -> "i64";
            case INT32 -> "i32";
            case BOOL -> "b8";
        };
    }

    /** Strided copy converting {@code src} elements to {@code dst}'s dtype. */
    static String copy(DType dst, DType src) {
        return "copy_" + suffix(dst) + "_" + suffix(src);
    }

    /** Strided fill of a {@code dst} tensor. */
    static String fill(DType dst) {
        return "fill_" + suffix(dst);
    }

    /** Every entry point the backend may launch. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        for (DType d : DType.values()) {
            for (DType s : DType.values()) {
                names.add(copy(d, s));
            }
            names.add(fill(d));
        }
        return names;
    }
}
