package dev.jtensor.cuda;

import dev.jtensor.core.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the PTX entry points, built the same way here and in {@code jtensor_kernels.cu}:
 * {@code <family>_<dtype suffix>}. {@link #all()} lists every entry the Java side can launch, so a
 * test checks that the committed PTX defines each of them.
 */
final class KernelNames {
    private KernelNames() {}

    /** The dtypes with every kernel of their own (arithmetic included). */
    static final List<DType> DTYPES = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32, DType.BOOL);
    /**
     * The small dtypes (uint8, int8, int16, float16, bfloat16): casts from and to every dtype, fill, where, index
     * gather/put and nonzero only; their arithmetic runs in float32/int32 through {@code spi.Widening}.
     */
    static final List<DType> SMALL = List.of(DType.UINT8, DType.INT8, DType.INT16, DType.FLOAT16, DType.BFLOAT16);
    /** Every dtype a CUDA storage can hold: {@link #DTYPES} then {@link #SMALL}. */
    static final List<DType> STORABLE = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32, DType.BOOL,
            DType.UINT8, DType.INT8, DType.INT16, DType.FLOAT16, DType.BFLOAT16);
    /** Dtypes with float kernels. */
    static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);
    /** Dtypes of the sum, product and prefix-sum kernels. */
    static final List<DType> SUMMABLE = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);
    /** Dtypes with an integer matrix-product kernel (floats go to cuBLAS). */
    static final List<DType> INTEGERS = List.of(DType.INT64, DType.INT32);

    /** The suffix of a dtype in kernel names; bool is stored as one byte. */
    static String suffix(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "f32";
            case FLOAT64 -> "f64";
            case INT64 -> "i64";
            case INT32 -> "i32";
            case BOOL -> "b8";
            case UINT8 -> "u8";
            case INT8 -> "i8";
            case INT16 -> "i16";
            case FLOAT16 -> "f16";
            case BFLOAT16 -> "bf16";
        };
    }

    /** Strided copy converting {@code src} elements to {@code dst}'s dtype. */
    static String copy(DType dst, DType src) {
        return "copy_" + suffix(dst) + "_" + suffix(src);
    }

    /** A kernel of one family for one dtype, e.g. {@code unary_f32}. */
    static String of(String family, DType dtype) {
        return family + "_" + suffix(dtype);
    }

    /** Every entry point the backend may launch. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        for (DType d : STORABLE) {
            for (DType s : STORABLE) {
                names.add(copy(d, s));
            }
        }
        for (DType d : SMALL) {
            for (String family : List.of("fill", "where", "index_gather", "index_put", "nonzero_count",
                    "nonzero_write")) {
                names.add(of(family, d));
            }
        }
        for (DType d : DTYPES) {
            for (String family : List.of("fill", "unary", "binary", "where", "reduce_minmax", "index_gather",
                    "index_put", "nonzero_count", "nonzero_write")) {
                names.add(of(family, d));
            }
            if (d != DType.BOOL) {
                names.add(of("compare", d));
            }
        }
        for (DType d : SUMMABLE) {
            names.add(of("reduce_sum", d));
            names.add(of("cumsum", d));
        }
        for (DType d : FLOATS) {
            names.add(of("reduce_logsumexp", d));
            names.add(of("stdvar", d));
            names.add(of("scale", d));
            for (String family : List.of("softmax", "softmax_backward", "cross_entropy_forward", "cross_entropy_total",
                    "cross_entropy_backward", "weight_sum", "embedding_bag", "embedding_bag_backward")) {
                names.add(of(family, d));
            }
        }
        for (DType d : INTEGERS) {
            names.add(of("gemm", d));
        }
        names.add(of("reduce_bool", DType.BOOL));
        return names;
    }
}
