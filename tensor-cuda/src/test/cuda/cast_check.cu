// Host-side check of the CUDA kernels' float -> integer cast rule (jt_to_i32, jt_to_i64 in
// src/main/cuda/jtensor_kernels.cu) against PyTorch 1.13's CPU casts on x86-64, for NaN, infinities and
// out-of-range values. The functions are __host__ __device__, so the host compiler runs the same range
// logic the kernels use; in-range values truncate the same way on both. Needs nvcc, not a GPU:
//   nvcc -std=c++17 -o /tmp/cast_check tensor-cuda/src/test/cuda/cast_check.cu && /tmp/cast_check
// The rows were computed with torch.tensor([v], dtype=float32/float64).to(int32/int64) (see docs/cuda.md).
#include "../../main/cuda/jtensor_kernels.cu"
#include <cmath>
#include <cstdio>

int main() {
    struct Row { double v; int i32FromF32; long long i64FromF32; int i32FromF64; long long i64FromF64; };
    const Row rows[] = {
        {NAN, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {INFINITY, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {-INFINITY, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {1e30, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {-1e30, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {3e9, (-2147483647-1), 3000000000LL, (-2147483647-1), 3000000000LL},
        {-3e9, (-2147483647-1), -3000000000LL, (-2147483647-1), -3000000000LL},
        {2147483648.0, (-2147483647-1), 2147483648LL, (-2147483647-1), 2147483648LL},
        {-2147483648.0, (-2147483647-1), -2147483648LL, (-2147483647-1), -2147483648LL},
        {-2147483649.0, (-2147483647-1), -2147483648LL, (-2147483647-1), -2147483649LL},
        {2147483647.9, (-2147483647-1), 2147483648LL, 2147483647, 2147483647LL},
        {-2147483648.9, (-2147483647-1), -2147483648LL, (-2147483647-1), -2147483648LL},
        {9223372036854775808.0, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {-9223372036854775808.0, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {9.3e18, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {-9.3e18, (-2147483647-1), (-9223372036854775807LL-1), (-2147483647-1), (-9223372036854775807LL-1)},
        {2.5, 2, 2LL, 2, 2LL},
        {-2.5, -2, -2LL, -2, -2LL},
        {-0.9, 0, 0LL, 0, 0LL},
        {0.0, 0, 0LL, 0, 0LL},
        {-0.0, 0, 0LL, 0, 0LL},
    };
    int bad = 0;
    int n = 0;
    for (const Row& r : rows) {
        double f = (double)(float)r.v;
        if (jt_to_i32(f) != r.i32FromF32) { std::printf("float32 %g -> int32: %d, PyTorch %d\n", r.v, jt_to_i32(f), r.i32FromF32); bad++; }
        if (jt_to_i64(f) != r.i64FromF32) { std::printf("float32 %g -> int64: %lld, PyTorch %lld\n", r.v, jt_to_i64(f), r.i64FromF32); bad++; }
        if (jt_to_i32(r.v) != r.i32FromF64) { std::printf("float64 %g -> int32: %d, PyTorch %d\n", r.v, jt_to_i32(r.v), r.i32FromF64); bad++; }
        if (jt_to_i64(r.v) != r.i64FromF64) { std::printf("float64 %g -> int64: %lld, PyTorch %lld\n", r.v, jt_to_i64(r.v), r.i64FromF64); bad++; }
        n += 4;
    }
    std::printf("CAST CHECK pairs=%d mismatches=%d\n", n, bad);
    return bad != 0;
}
