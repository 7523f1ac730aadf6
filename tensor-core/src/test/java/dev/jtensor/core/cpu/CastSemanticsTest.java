package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Float to integer and bool casts of NaN, infinities and out-of-range values give PyTorch's CPU
 * results on x86-64: the integer type's minimum for NaN and for anything whose truncation does not
 * fit (int32 directly, not through int64), truncation toward zero otherwise, {@code != 0} for bool.
 * The table was computed with PyTorch 1.13 (CPU, x86-64) by {@code torch.full((n,), v, dtype=src).to(dst)}
 * for n = 1 and n = 1000 (scalar and vectorised loops agree); every pair is checked and all
 * mismatches are reported together. docs/cuda.md has the same table; the CUDA kernels follow it.
 */
class CastSemanticsTest {
    /** One source value and PyTorch's casts of it to int32, int64 and bool. */
    private record Row(DType from, double value, int int32, long int64, boolean bool) {}

    private static Row row(DType from, double value, int int32, long int64, boolean bool) {
        return new Row(from, value, int32, int64, bool);
    }

    private static final List<Row> PYTORCH_X86 = List.of(
            row(DType.FLOAT32, Double.NaN, -2147483648, -9223372036854775808L, true),  // nan
            row(DType.FLOAT32, Double.POSITIVE_INFINITY, -2147483648, -9223372036854775808L, true),  // inf
            row(DType.FLOAT32, Double.NEGATIVE_INFINITY, -2147483648, -9223372036854775808L, true),  // -inf
            row(DType.FLOAT32, 1e30, -2147483648, -9223372036854775808L, true),  // 1.0000000150474662e+30
            row(DType.FLOAT32, -1e30, -2147483648, -9223372036854775808L, true),  // -1.0000000150474662e+30
            row(DType.FLOAT32, 3e9, -2147483648, 3000000000L, true),  // 3000000000.0
            row(DType.FLOAT32, -3e9, -2147483648, -3000000000L, true),  // -3000000000.0
            row(DType.FLOAT32, 2147483648.0, -2147483648, 2147483648L, true),  // 2147483648.0
            row(DType.FLOAT32, -2147483648.0, -2147483648, -2147483648L, true),  // -2147483648.0
            row(DType.FLOAT32, -2147483649.0, -2147483648, -2147483648L, true),  // -2147483648.0
            row(DType.FLOAT32, 2147483647.9, -2147483648, 2147483648L, true),  // 2147483648.0
            row(DType.FLOAT32, -2147483648.9, -2147483648, -2147483648L, true),  // -2147483648.0
            row(DType.FLOAT32, 9223372036854775808.0, -2147483648, -9223372036854775808L, true),  // 9.223372036854776e+18
            row(DType.FLOAT32, -9223372036854775808.0, -2147483648, -9223372036854775808L, true),  // -9.223372036854776e+18
            row(DType.FLOAT32, 9.3e18, -2147483648, -9223372036854775808L, true),  // 9.300000300729369e+18
            row(DType.FLOAT32, -9.3e18, -2147483648, -9223372036854775808L, true),  // -9.300000300729369e+18
            row(DType.FLOAT32, 2.5, 2, 2L, true),  // 2.5
            row(DType.FLOAT32, -2.5, -2, -2L, true),  // -2.5
            row(DType.FLOAT32, -0.9, 0, 0L, true),  // -0.8999999761581421
            row(DType.FLOAT32, 0.0, 0, 0L, false),  // 0.0
            row(DType.FLOAT32, -0.0, 0, 0L, false),  // -0.0
            row(DType.FLOAT64, Double.NaN, -2147483648, -9223372036854775808L, true),  // nan
            row(DType.FLOAT64, Double.POSITIVE_INFINITY, -2147483648, -9223372036854775808L, true),  // inf
            row(DType.FLOAT64, Double.NEGATIVE_INFINITY, -2147483648, -9223372036854775808L, true),  // -inf
            row(DType.FLOAT64, 1e30, -2147483648, -9223372036854775808L, true),  // 1e+30
            row(DType.FLOAT64, -1e30, -2147483648, -9223372036854775808L, true),  // -1e+30
            row(DType.FLOAT64, 3e9, -2147483648, 3000000000L, true),  // 3000000000.0
            row(DType.FLOAT64, -3e9, -2147483648, -3000000000L, true),  // -3000000000.0
            row(DType.FLOAT64, 2147483648.0, -2147483648, 2147483648L, true),  // 2147483648.0
            row(DType.FLOAT64, -2147483648.0, -2147483648, -2147483648L, true),  // -2147483648.0
            row(DType.FLOAT64, -2147483649.0, -2147483648, -2147483649L, true),  // -2147483649.0
            row(DType.FLOAT64, 2147483647.9, 2147483647, 2147483647L, true),  // 2147483647.9
            row(DType.FLOAT64, -2147483648.9, -2147483648, -2147483648L, true),  // -2147483648.9
            row(DType.FLOAT64, 9223372036854775808.0, -2147483648, -9223372036854775808L, true),  // 9.223372036854776e+18
            row(DType.FLOAT64, -9223372036854775808.0, -2147483648, -9223372036854775808L, true),  // -9.223372036854776e+18
            row(DType.FLOAT64, 9.3e18, -2147483648, -9223372036854775808L, true),  // 9.3e+18
            row(DType.FLOAT64, -9.3e18, -2147483648, -9223372036854775808L, true),  // -9.3e+18
            row(DType.FLOAT64, 2.5, 2, 2L, true),  // 2.5
            row(DType.FLOAT64, -2.5, -2, -2L, true),  // -2.5
            row(DType.FLOAT64, -0.9, 0, 0L, true),  // -0.9
            row(DType.FLOAT64, 0.0, 0, 0L, false),  // 0.0
            row(DType.FLOAT64, -0.0, 0, 0L, false)   // -0.0
    );

    @Test
    void everySpecialValueCastsAsPytorchOnX86() {
        StringBuilder failures = new StringBuilder();
        int checked = 0;
        for (DType from : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            List<Row> rows = PYTORCH_X86.stream().filter(r -> r.from() == from).toList();
            double[] values = rows.stream().mapToDouble(Row::value).toArray();
            Tensor src = Tensor.tensor(values, from);
            // Contiguous and strided (every other element of a doubled tensor) loops.
            Tensor strided = Tensor.stack(new Tensor[] {src, src}, 1).select(1, 0);
            for (Tensor t : new Tensor[] {src, strided}) {
                long[] i64 = t.to(DType.INT64).toLongArray();
                long[] i32 = t.to(DType.INT32).toLongArray();
                boolean[] b = t.to(DType.BOOL).toBooleanArray();
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    checked += 3;
                    if (i64[i] != r.int64()) {
                        failures.append('\n').append(from).append(' ').append(r.value()).append(" -> int64: ")
                                .append(i64[i]).append(", PyTorch ").append(r.int64());
                    }
                    if (i32[i] != r.int32()) {
                        failures.append('\n').append(from).append(' ').append(r.value()).append(" -> int32: ")
                                .append(i32[i]).append(", PyTorch ").append(r.int32());
                    }
                    if (b[i] != r.bool()) {
                        failures.append('\n').append(from).append(' ').append(r.value()).append(" -> bool: ")
                                .append(b[i]).append(", PyTorch ").append(r.bool());
                    }
                }
            }
        }
        assertTrue(checked == PYTORCH_X86.size() * 6, "every pair checked");
        assertTrue(failures.isEmpty(), "casts that differ from PyTorch's:" + failures);
    }
}
