// Host-side check of the CUDA kernels' float -> integer cast rule (jt_to_i32, jt_to_i64 in
// src/main/cuda/jtensor_kernels.cu) against PyTorch 1.13's CPU casts on x86-64, for NaN, infinities and
// out-of-range values, and the small dtypes' casts (float16/bfloat16 rounding: ties, overflow, subnormals, NaN;
// integer wrap-around) against the CPU backend's CastKernels. The functions are __host__ __device__, so the host compiler runs the same range
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
    // The small dtypes' casts (JtSmallCast, the CPU backend's CastKernels.castRow), against bits computed by
    // PyTorch 1.13 (torch.tensor([v], dtype=src).to(dst)) and by Java's Float.floatToFloat16 for the NaN payloads.
    struct Half { unsigned int f32; unsigned short f16; unsigned short bf16; const char* what; };
    const Half halves[] = {
        {0x3F800000u, 0x3C00, 0x3F80, "1"},
        {0x3F801000u, 0x3C00, 0x3F80, "1 + 2^-11: float16 tie, even stays"},
        {0x3F803000u, 0x3C02, 0x3F80, "1 + 3*2^-11: float16 tie, rounds up to even"},
        {0x3F808000u, 0x3C04, 0x3F80, "1 + 2^-8: bfloat16 tie, even stays"},
        {0x3F818000u, 0x3C0C, 0x3F82, "1 + 3*2^-8: bfloat16 tie, rounds up to even"},
        {0x3F808001u, 0x3C04, 0x3F81, "just above the bfloat16 tie"},
        {0x477FE000u, 0x7BFF, 0x4780, "65504, float16 max"},
        {0x477FEFFFu, 0x7BFF, 0x4780, "just below 65520"},
        {0x477FF000u, 0x7C00, 0x4780, "65520: float16 overflows to inf"},
        {0x7F7FFFFFu, 0x7C00, 0x7F80, "float32 max: both overflow to inf"},
        {0xFF7FFFFFu, 0xFC00, 0xFF80, "-float32 max"},
        {0x7F800000u, 0x7C00, 0x7F80, "inf"},
        {0xFF800000u, 0xFC00, 0xFF80, "-inf"},
        {0x7FC00000u, 0x7E00, 0x7FC0, "NaN"},
        {0xFFC00000u, 0xFE00, 0x7FC0, "-NaN (bfloat16 NaN is canonical)"},
        {0x33800000u, 0x0001, 0x3380, "2^-24: smallest float16 subnormal"},
        {0x33000000u, 0x0000, 0x3300, "2^-25: tie to zero"},
        {0x33000001u, 0x0001, 0x3300, "just above 2^-25"},
        {0x33C00000u, 0x0002, 0x33C0, "3*2^-25: subnormal tie rounds to even"},
        {0x387FC000u, 0x03FF, 0x3880, "largest float16 subnormal"},
        {0x38800000u, 0x0400, 0x3880, "2^-14: smallest float16 normal"},
        {0x00000001u, 0x0000, 0x0000, "smallest float32 subnormal (bfloat16 keeps it only as 0)"},
        {0x00400000u, 0x0000, 0x0040, "float32 subnormal, a bfloat16 subnormal"},
        {0x80000000u, 0x8000, 0x8000, "-0"},
    };
    for (const Half& h : halves) {
        float f = jt_bits_f32(h.f32);
        unsigned short f16 = jt_f32_to_f16(f);
        unsigned short bf16 = jt_f32_to_bf16(f);
        if (f16 != h.f16) { std::printf("float32 %s -> float16: 0x%04x, expected 0x%04x\n", h.what, f16, h.f16); bad++; }
        if (bf16 != h.bf16) { std::printf("float32 %s -> bfloat16: 0x%04x, expected 0x%04x\n", h.what, bf16, h.bf16); bad++; }
        n += 2;
    }
    // Every float16 and bfloat16 value widens exactly and narrows back to the same bits (NaN to a NaN).
    for (unsigned int b = 0; b < 0x10000u; b++) {
        unsigned short bits = (unsigned short)b;
        float hf = jt_f16_to_f32(bits);
        unsigned short back = jt_f32_to_f16(hf);
        bool nan = (bits & 0x7C00u) == 0x7C00u && (bits & 0x3FFu) != 0;
        if (nan ? !(hf != hf) || (back & 0x7C00u) != 0x7C00u || (back & 0x3FFu) == 0 : back != bits) {
            std::printf("float16 0x%04x round trip: 0x%04x\n", bits, back); bad++;
        }
        float bf = jt_bf16_to_f32(bits);
        unsigned short bback = jt_f32_to_bf16(bf);
        bool bnan = (bits & 0x7F80u) == 0x7F80u && (bits & 0x7Fu) != 0;
        if (bnan ? bback != 0x7FC0 : bback != bits) { std::printf("bfloat16 0x%04x round trip: 0x%04x\n", bits, bback); bad++; }
        n += 2;
    }
    // A double goes to float16 through float32 (two roundings, as c10::Half(float(v))): 1 + 2^-11 + 2^-40 rounds to
    // 1 + 2^-11 in float32, then ties to even 1.0; a direct rounding would give 1 + 2^-10.
    {
        jt_f16 h = JtSmallCast<jt_f16, double>::of(1.0 + 0x1p-11 + 0x1p-40);
        if (h.bits != 0x3C00) { std::printf("float64 1+2^-11+2^-40 -> float16: 0x%04x, expected 0x3c00\n", h.bits); bad++; }
        jt_bf16 g = JtSmallCast<jt_bf16, i64>::of(16777217LL); // int64 -> float32 16777216 -> bfloat16 0x4B80
        if (g.bits != 0x4B80) { std::printf("int64 16777217 -> bfloat16: 0x%04x, expected 0x4b80\n", g.bits); bad++; }
        n += 2;
    }
    // Integer narrowing wraps; floats truncate to int32 first (integer indefinite for NaN/out of range), then wrap.
    struct Wrap { double v; bool isFloat; int u8; int i8; int i16; const char* what; };
    const Wrap wraps[] = {
        {300, false, 44, 44, 300, "int 300"},
        {-1, false, 255, -1, -1, "int -1"},
        {128, false, 128, -128, 128, "int 128"},
        {65537, false, 1, 1, 1, "int 65537"},
        {-32769, false, 255, -1, 32767, "int -32769"},
        {300.7, true, 44, 44, 300, "float 300.7"},
        {-1.9, true, 255, -1, -1, "float -1.9"},
        {-0.5, true, 0, 0, 0, "float -0.5"},
        {70000.5, true, 112, 112, 4464, "float 70000.5"},
        {NAN, true, 0, 0, 0, "float NaN (int32 minimum, wrapped)"},
        {INFINITY, true, 0, 0, 0, "float inf"},
        {3e9, true, 0, 0, 0, "float 3e9"},
    };
    for (const Wrap& w : wraps) {
        int u8 = w.isFloat ? JtSmallCast<jt_u8, double>::of(w.v).v : JtSmallCast<jt_u8, i64>::of((i64)w.v).v;
        int i8v = w.isFloat ? JtSmallCast<i8, double>::of(w.v) : JtSmallCast<i8, i64>::of((i64)w.v);
        int i16v = w.isFloat ? JtSmallCast<i16, double>::of(w.v) : JtSmallCast<i16, i64>::of((i64)w.v);
        if (u8 != w.u8) { std::printf("%s -> uint8: %d, expected %d\n", w.what, u8, w.u8); bad++; }
        if (i8v != w.i8) { std::printf("%s -> int8: %d, expected %d\n", w.what, i8v, w.i8); bad++; }
        if (i16v != w.i16) { std::printf("%s -> int16: %d, expected %d\n", w.what, i16v, w.i16); bad++; }
        n += 3;
    }
    // From the small dtypes: uint8 is unsigned, float16 to int32 truncates, bfloat16 NaN to int64 is the minimum.
    {
        jt_u8 u; u.v = 200;
        if (JtSmallCast<int, jt_u8>::of(u) != 200) { std::printf("uint8 200 -> int32 wrong\n"); bad++; }
        if (JtSmallCast<i8, jt_u8>::of(u) != -56) { std::printf("uint8 200 -> int8 wrong\n"); bad++; }
        jt_f16 h; h.bits = 0xC0F0; // -2.46875
        if (JtSmallCast<int, jt_f16>::of(h) != -2) { std::printf("float16 -2.47 -> int32 wrong\n"); bad++; }
        jt_bf16 q; q.bits = 0x7FC0;
        if (JtSmallCast<i64, jt_bf16>::of(q) != (i64)0x8000000000000000ULL) { std::printf("bfloat16 NaN -> int64 wrong\n"); bad++; }
        if (JtSmallCast<b8, jt_bf16>::of(q) != 1) { std::printf("bfloat16 NaN -> bool wrong\n"); bad++; }
        jt_f16 z; z.bits = 0x8000;
        if (JtSmallCast<b8, jt_f16>::of(z) != 0) { std::printf("float16 -0 -> bool wrong\n"); bad++; }
        if (JtSmallCast<jt_f16, b8>::of((b8)1).bits != 0x3C00) { std::printf("bool -> float16 wrong\n"); bad++; }
        n += 7;
    }
    std::printf("CAST CHECK pairs=%d mismatches=%d\n", n, bad);
    return bad != 0;
}
