// JTensor's CUDA kernels, compiled ahead of time to PTX (see tensor-cuda/pom.xml, profile "ptx") and
// loaded with cuModuleLoadData. Self-contained on purpose (no #include), so nvcc and NVRTC both accept it.
//
// Conventions shared with the Java side (dev.jtensor.cuda.KernelNames, dev.jtensor.cuda.IterParams):
//  * entry points are extern "C" and named <family>_<dtype...>, dtype suffixes f32 f64 i64 i32 b8 and, for the
//    small dtypes (casts and data movement only), u8 i8 i16 f16 bf16;
//  * bool is stored as one byte (0 or 1);
//  * strided kernels take a JtIter by value: the TensorIterator's coalesced iteration shape (innermost
//    dimension first), each operand's element strides over it and its storage offset (operand 0 is the
//    output). Storages hold at most 2^31-9 elements, so every offset fits an int;
//  * every kernel is a grid-stride loop, so any grid size covers any element count.

#define JT_MAX_DIMS 10
#define JT_MAX_OPS 10
#define JT_MAX_INDICES 8

struct JtIter {
    int ndim;
    int numel;
    int shape[JT_MAX_DIMS];
    int stride[JT_MAX_OPS][JT_MAX_DIMS];
    int offset[JT_MAX_OPS];
};

typedef unsigned char b8;
typedef long long i64;

// Storage offsets of element i of the iteration for the first NOPS operands.
template <int NOPS>
__device__ __forceinline__ void jt_offsets(const JtIter& it, int i, int* off) {
#pragma unroll
    for (int k = 0; k < NOPS; k++) off[k] = it.offset[k];
    for (int d = 0; d < it.ndim; d++) {
        int s = it.shape[d];
        int q = i / s;
        int c = i - q * s;
        i = q;
#pragma unroll
        for (int k = 0; k < NOPS; k++) off[k] += c * it.stride[k][d];
    }
}

// The same for a number of operands known only at run time (the index kernels).
__device__ __forceinline__ void jt_offsets_n(const JtIter& it, int i, int* off, int nops) {
    for (int k = 0; k < nops; k++) off[k] = it.offset[k];
    for (int d = 0; d < it.ndim; d++) {
        int s = it.shape[d];
        int q = i / s;
        int c = i - q * s;
        i = q;
        for (int k = 0; k < nops; k++) off[k] += c * it.stride[k][d];
    }
}

#define JT_GRID_LOOP(i, n) \
    for (long long i##_ = (long long)blockIdx.x * blockDim.x + threadIdx.x; i##_ < (n); \
         i##_ += (long long)gridDim.x * blockDim.x)

// ---------------------------------------------------------------- casts (PyTorch's, as the CPU backend)
// float -> integer truncates toward zero; NaN and values whose truncation does not fit give the type's
// minimum, as PyTorch's CPU casts on x86-64 (cvttss2si/cvttsd2si) and the CPU backend do. A plain C cast
// would compile to cvt.rzi, which saturates and maps NaN to 0. float -> int32 is direct (3e9 -> INT_MIN).
// Anything -> bool is != 0 (NaN is true).
__host__ __device__ __forceinline__ i64 jt_to_i64(double v) {
    return v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? (i64)v : (i64)0x8000000000000000ULL;
}
__host__ __device__ __forceinline__ int jt_to_i32(double v) {
    return v > -2147483649.0 && v < 2147483648.0 ? (int)v : (int)0x80000000U;
}
template <typename D, typename S> struct JtCast { __device__ static D of(S v) { return (D)v; } };
template <typename S> struct JtCast<b8, S> { __device__ static b8 of(S v) { return v != (S)0 ? 1 : 0; } };
template <> struct JtCast<b8, b8> { __device__ static b8 of(b8 v) { return v; } };
template <> struct JtCast<i64, float> { __device__ static i64 of(float v) { return jt_to_i64((double)v); } };
template <> struct JtCast<i64, double> { __device__ static i64 of(double v) { return jt_to_i64(v); } };
template <> struct JtCast<int, float> { __device__ static int of(float v) { return jt_to_i32((double)v); } };
template <> struct JtCast<int, double> { __device__ static int of(double v) { return jt_to_i32(v); } };
template <typename D> __device__ __forceinline__ D jt_cast_b8(b8 v) { return v ? (D)1 : (D)0; }
template <> struct JtCast<float, b8> { __device__ static float of(b8 v) { return jt_cast_b8<float>(v); } };
template <> struct JtCast<double, b8> { __device__ static double of(b8 v) { return jt_cast_b8<double>(v); } };
template <> struct JtCast<i64, b8> { __device__ static i64 of(b8 v) { return jt_cast_b8<i64>(v); } };
template <> struct JtCast<int, b8> { __device__ static int of(b8 v) { return jt_cast_b8<int>(v); } };

// ---------------------------------------------------------------- the small dtypes (issue 20)
// uint8, int8, int16, float16 and bfloat16 are stored compactly (suffixes u8 i8 i16 f16 bf16); the three that
// would share a C type with another dtype are wrapped in one-field structs so the templates tell them apart.
// Their casts are the CPU backend's (CastKernels.castRow): through double for a floating source, through int64
// otherwise; to float16/bfloat16 through float32 rounded to nearest even (overflow to infinity, subnormals and
// NaN kept; float16 as Java's Float.floatToFloat16, bfloat16 as PyTorch's round_to_nearest_even); to the small
// integers by wrap-around, floats truncated to int32 first (jt_to_i32). No arithmetic kernel exists for them:
// the backend widens to float32/int32 (spi.Widening) and narrows back with these casts.
struct jt_u8 { unsigned char v; };
struct jt_f16 { unsigned short bits; };
struct jt_bf16 { unsigned short bits; };
typedef signed char i8;
typedef short i16;

__host__ __device__ __forceinline__ unsigned int jt_f32_bits(float f) { union { float f; unsigned int u; } c; c.f = f; return c.u; }
__host__ __device__ __forceinline__ float jt_bits_f32(unsigned int u) { union { float f; unsigned int u; } c; c.u = u; return c.f; }

// float16 bits -> float32, exact (NaN payload shifted up, as Java's Float.float16ToFloat).
__host__ __device__ __forceinline__ float jt_f16_to_f32(unsigned short h) {
    unsigned int sign = (unsigned int)(h & 0x8000u) << 16;
    unsigned int e = (h >> 10) & 0x1Fu;
    unsigned int m = h & 0x3FFu;
    if (e == 0x1Fu) return jt_bits_f32(sign | 0x7F800000u | (m << 13));
    if (e == 0) {
        float r = (float)m * 5.9604644775390625e-08f; // m * 2^-24, exact
        return sign ? -r : r;
    }
    return jt_bits_f32(sign | ((e + 112u) << 23) | (m << 13));
}

// float32 -> float16 bits, round to nearest even, overflow to infinity; NaN keeps its sign and folds its payload
// as Java's Float.floatToFloat16 does (the CPU backend's conversion).
__host__ __device__ __forceinline__ unsigned short jt_f32_to_f16(float f) {
    unsigned int u = jt_f32_bits(f);
    unsigned int sign = (u >> 16) & 0x8000u;
    unsigned int a = u & 0x7FFFFFFFu;
    if (a > 0x7F800000u) {
        return (unsigned short)(sign | 0x7C00u | ((u & 0x007FE000u) >> 13) | ((u & 0x00001FF0u) >> 4) | (u & 0xFu));
    }
    if (a >= 0x477FF000u) return (unsigned short)(sign | 0x7C00u);   // >= 65520: rounds to infinity
    if (a <= 0x33000000u) return (unsigned short)sign;               // <= 2^-25: rounds to zero
    int exp = (int)(a >> 23) - 127;
    int shift = 13;
    unsigned int signif = a & 0x007FFFFFu;
    if (exp < -14) {                                                  // float16 subnormal
        shift += -14 - exp;
        exp = -15;
        signif |= 0x00800000u;
    }
    unsigned int bits = signif >> shift;
    unsigned int lsb = signif & (1u << shift);
    unsigned int round = signif & (1u << (shift - 1));
    unsigned int sticky = signif & ((1u << (shift - 1)) - 1u);
    if (round != 0 && (lsb | sticky) != 0) bits++;
    return (unsigned short)(sign | (((unsigned int)(exp + 15) << 10) + bits));
}

__host__ __device__ __forceinline__ float jt_bf16_to_f32(unsigned short b) { return jt_bits_f32((unsigned int)b << 16); }

// float32 -> bfloat16 bits as PyTorch's round_to_nearest_even: ties to even, overflow to infinity, NaN 0x7FC0.
__host__ __device__ __forceinline__ unsigned short jt_f32_to_bf16(float f) {
    if (f != f) return 0x7FC0;
    unsigned int u = jt_f32_bits(f);
    return (unsigned short)((u + ((u >> 16) & 1u) + 0x7FFFu) >> 16);
}

// Per dtype: whether it is floating, its value exactly as a double (floats) or an int64 (integers, bool), and
// PyTorch's cast from a double or an int64 (the CPU backend's putDouble/putLong).
template <typename T> struct JtTy;
template <> struct JtTy<float> {
    static const bool isFloat = true;
    __host__ __device__ static double d(float v) { return v; }
    __host__ __device__ static i64 l(float v) { return (i64)v; }
    __host__ __device__ static float fromD(double v) { return (float)v; }
    __host__ __device__ static float fromL(i64 v) { return (float)v; }
};
template <> struct JtTy<double> {
    static const bool isFloat = true;
    __host__ __device__ static double d(double v) { return v; }
    __host__ __device__ static i64 l(double v) { return (i64)v; }
    __host__ __device__ static double fromD(double v) { return v; }
    __host__ __device__ static double fromL(i64 v) { return (double)v; }
};
// float16 and bfloat16: widened exactly to float32, narrowed from float32 (a double or int64 rounds to float first).
struct JtHalfConv { __host__ __device__ static float wide(unsigned short b) { return jt_f16_to_f32(b); }
                    __host__ __device__ static unsigned short narrow(float f) { return jt_f32_to_f16(f); } };
struct JtBf16Conv { __host__ __device__ static float wide(unsigned short b) { return jt_bf16_to_f32(b); }
                    __host__ __device__ static unsigned short narrow(float f) { return jt_f32_to_bf16(f); } };
template <typename H, typename C> struct JtTyHalf {
    static const bool isFloat = true;
    __host__ __device__ static double d(H v) { return C::wide(v.bits); }
    __host__ __device__ static i64 l(H v) { return 0; } // never used: a floating source goes through d
    __host__ __device__ static H fromD(double v) { H r; r.bits = C::narrow((float)v); return r; }
    __host__ __device__ static H fromL(i64 v) { H r; r.bits = C::narrow((float)v); return r; }
};
template <> struct JtTy<jt_f16> : JtTyHalf<jt_f16, JtHalfConv> {};
template <> struct JtTy<jt_bf16> : JtTyHalf<jt_bf16, JtBf16Conv> {};
// Integers: unsigned arithmetic then reinterpretation, so narrowing wraps without relying on signed overflow.
template <typename I> struct JtTyInt {
    static const bool isFloat = false;
    __host__ __device__ static double d(I v) { return (double)v; }
    __host__ __device__ static i64 l(I v) { return (i64)v; }
    __host__ __device__ static I fromD(double v) { return (I)(unsigned int)jt_to_i32(v); }
    __host__ __device__ static I fromL(i64 v) { return (I)(unsigned long long)v; }
};
template <> struct JtTy<i64> : JtTyInt<i64> { __host__ __device__ static i64 fromD(double v) { return jt_to_i64(v); } };
template <> struct JtTy<int> : JtTyInt<int> { __host__ __device__ static int fromD(double v) { return jt_to_i32(v); } };
template <> struct JtTy<i16> : JtTyInt<i16> {};
template <> struct JtTy<i8> : JtTyInt<i8> {};
template <> struct JtTy<jt_u8> {
    static const bool isFloat = false;
    __host__ __device__ static double d(jt_u8 v) { return v.v; }
    __host__ __device__ static i64 l(jt_u8 v) { return v.v; }
    __host__ __device__ static jt_u8 fromD(double v) { jt_u8 r; r.v = (unsigned char)(unsigned int)jt_to_i32(v); return r; }
    __host__ __device__ static jt_u8 fromL(i64 v) { jt_u8 r; r.v = (unsigned char)(unsigned long long)v; return r; }
};
template <> struct JtTy<b8> {
    static const bool isFloat = false;
    __host__ __device__ static double d(b8 v) { return v ? 1.0 : 0.0; }
    __host__ __device__ static i64 l(b8 v) { return v ? 1 : 0; }
    __host__ __device__ static b8 fromD(double v) { return v != 0.0 ? 1 : 0; }
    __host__ __device__ static b8 fromL(i64 v) { return v != 0 ? 1 : 0; }
};

// A cast from or to a small dtype, through the source category's exact carrier (CastKernels.castRow). A
// same-dtype "cast" of a small dtype copies the bits.
template <typename D, typename S> struct JtSmallCast {
    __host__ __device__ static D of(S v) {
        return JtTy<S>::isFloat ? JtTy<D>::fromD(JtTy<S>::d(v)) : JtTy<D>::fromL(JtTy<S>::l(v));
    }
};
template <typename T> struct JtSmallCast<T, T> { __host__ __device__ static T of(T v) { return v; } };

// ---------------------------------------------------------------- copy with cast, fill

template <typename D, typename S, typename C = JtCast<D, S> >
__device__ __forceinline__ void jt_copy(JtIter it, D* __restrict__ dst, const S* __restrict__ src) {
    JT_GRID_LOOP(i, it.numel) {
        int off[2];
        jt_offsets<2>(it, (int)i_, off);
        dst[off[0]] = C::of(src[off[1]]);
    }
}

#define JT_COPY(DN, D, SN, S) \
    extern "C" __global__ void copy_##DN##_##SN(JtIter it, D* dst, const S* src) { jt_copy<D, S>(it, dst, src); }
#define JT_COPY_FROM_ALL(DN, D) \
    JT_COPY(DN, D, f32, float) JT_COPY(DN, D, f64, double) JT_COPY(DN, D, i64, i64) \
    JT_COPY(DN, D, i32, int) JT_COPY(DN, D, b8, b8)
JT_COPY_FROM_ALL(f32, float)
JT_COPY_FROM_ALL(f64, double)
JT_COPY_FROM_ALL(i64, i64)
JT_COPY_FROM_ALL(i32, int)
JT_COPY_FROM_ALL(b8, b8)
// Every pair with a small dtype on either side (the CPU backend's castRow rule).
#define JT_COPY_SMALL(DN, D, SN, S) \
    extern "C" __global__ void copy_##DN##_##SN(JtIter it, D* dst, const S* src) { jt_copy<D, S, JtSmallCast<D, S> >(it, dst, src); }
#define JT_COPY_SMALL_FROM(DN, D) \
    JT_COPY_SMALL(DN, D, u8, jt_u8) JT_COPY_SMALL(DN, D, i8, i8) JT_COPY_SMALL(DN, D, i16, i16) \
    JT_COPY_SMALL(DN, D, f16, jt_f16) JT_COPY_SMALL(DN, D, bf16, jt_bf16)
#define JT_COPY_SMALL_ALL(DN, D) \
    JT_COPY_SMALL_FROM(DN, D) JT_COPY_SMALL(DN, D, f32, float) JT_COPY_SMALL(DN, D, f64, double) \
    JT_COPY_SMALL(DN, D, i64, i64) JT_COPY_SMALL(DN, D, i32, int) JT_COPY_SMALL(DN, D, b8, b8)
JT_COPY_SMALL_FROM(f32, float)
JT_COPY_SMALL_FROM(f64, double)
JT_COPY_SMALL_FROM(i64, i64)
JT_COPY_SMALL_FROM(i32, int)
JT_COPY_SMALL_FROM(b8, b8)
JT_COPY_SMALL_ALL(u8, jt_u8)
JT_COPY_SMALL_ALL(i8, i8)
JT_COPY_SMALL_ALL(i16, i16)
JT_COPY_SMALL_ALL(f16, jt_f16)
JT_COPY_SMALL_ALL(bf16, jt_bf16)

// The value arrives both as a double and as an int64 (exact for int64 fills); floating dtypes take the
// double, integer dtypes the int64, bool is true when either is non-zero (the CPU backend's rule).
template <typename D> struct JtFill { __device__ static D of(double dv, i64 lv) { return (D)lv; } };
template <> struct JtFill<float> { __device__ static float of(double dv, i64 lv) { return (float)dv; } };
template <> struct JtFill<double> { __device__ static double of(double dv, i64 lv) { return dv; } };
template <> struct JtFill<b8> { __device__ static b8 of(double dv, i64 lv) { return (dv != 0.0 || lv != 0) ? 1 : 0; } };

#define JT_FILL(DN, D) \
    extern "C" __global__ void fill_##DN(JtIter it, D* dst, double dv, i64 lv) { \
        D v = JtFill<D>::of(dv, lv); \
        JT_GRID_LOOP(i, it.numel) { int off[1]; jt_offsets<1>(it, (int)i_, off); dst[off[0]] = v; } \
    }
JT_FILL(f32, float)
JT_FILL(f64, double)
JT_FILL(i64, i64)
JT_FILL(i32, int)
JT_FILL(b8, b8)
// The small dtypes: float16/bfloat16 from the double, the small integers wrap the int64 (CastKernels.fill).
template <> struct JtFill<jt_f16> { __device__ static jt_f16 of(double dv, i64 lv) { return JtTy<jt_f16>::fromD(dv); } };
template <> struct JtFill<jt_bf16> { __device__ static jt_bf16 of(double dv, i64 lv) { return JtTy<jt_bf16>::fromD(dv); } };
template <> struct JtFill<jt_u8> { __device__ static jt_u8 of(double dv, i64 lv) { return JtTy<jt_u8>::fromL(lv); } };
template <> struct JtFill<i8> { __device__ static i8 of(double dv, i64 lv) { return JtTy<i8>::fromL(lv); } };
template <> struct JtFill<i16> { __device__ static i16 of(double dv, i64 lv) { return JtTy<i16>::fromL(lv); } };
JT_FILL(u8, jt_u8)
JT_FILL(i8, i8)
JT_FILL(i16, i16)
JT_FILL(f16, jt_f16)
JT_FILL(bf16, jt_bf16)

// ---------------------------------------------------------------- math helpers per float type
// Float32 computes in float (as PyTorch's CUDA kernels); float64 in double. The accurate library
// functions, never the __fast intrinsics.

template <typename T> struct JtM;
template <> struct JtM<float> {
    __device__ static float exp(float x) { return expf(x); }
    __device__ static float log(float x) { return logf(x); }
    __device__ static float log1p(float x) { return log1pf(x); }
    __device__ static float sqrt(float x) { return sqrtf(x); }
    __device__ static float sin(float x) { return sinf(x); }
    __device__ static float cos(float x) { return cosf(x); }
    __device__ static float tanh(float x) { return tanhf(x); }
    __device__ static float erfc(float x) { return erfcf(x); }
    __device__ static float floor(float x) { return floorf(x); }
    __device__ static float ceil(float x) { return ceilf(x); }
    __device__ static float rint(float x) { return rintf(x); }
    __device__ static float trunc(float x) { return truncf(x); }
    __device__ static float fabs(float x) { return fabsf(x); }
    __device__ static float fmod(float a, float b) { return fmodf(a, b); }
    __device__ static float pow(float a, float b) { return powf(a, b); }
    __device__ static float copysign(float a, float b) { return copysignf(a, b); }
    __device__ static float tan(float x) { return tanf(x); }
    __device__ static float asin(float x) { return asinf(x); }
    __device__ static float acos(float x) { return acosf(x); }
    __device__ static float atan(float x) { return atanf(x); }
    __device__ static float sinh(float x) { return sinhf(x); }
    __device__ static float cosh(float x) { return coshf(x); }
    __device__ static float asinh(float x) { return asinhf(x); }
    __device__ static float acosh(float x) { return acoshf(x); }
    __device__ static float atanh(float x) { return atanhf(x); }
    __device__ static float log2(float x) { return log2f(x); }
    __device__ static float log10(float x) { return log10f(x); }
    __device__ static float exp2(float x) { return exp2f(x); }
    __device__ static float expm1(float x) { return expm1f(x); }
    __device__ static float erf(float x) { return erff(x); }
    __device__ static float erfinv(float x) { return erfinvf(x); }
    __device__ static float lgamma(float x) { return lgammaf(x); }
    __device__ static float atan2(float a, float b) { return atan2f(a, b); }
    __device__ static float hypot(float a, float b) { return hypotf(a, b); }
    __device__ static float nan() { return __int_as_float(0x7fc00000); }
    __device__ static float inf() { return __int_as_float(0x7f800000); }
};
template <> struct JtM<double> {
    __device__ static double exp(double x) { return ::exp(x); }
    __device__ static double log(double x) { return ::log(x); }
    __device__ static double log1p(double x) { return ::log1p(x); }
    __device__ static double sqrt(double x) { return ::sqrt(x); }
    __device__ static double sin(double x) { return ::sin(x); }
    __device__ static double cos(double x) { return ::cos(x); }
    __device__ static double tanh(double x) { return ::tanh(x); }
    __device__ static double erfc(double x) { return ::erfc(x); }
    __device__ static double floor(double x) { return ::floor(x); }
    __device__ static double ceil(double x) { return ::ceil(x); }
    __device__ static double rint(double x) { return ::rint(x); }
    __device__ static double trunc(double x) { return ::trunc(x); }
    __device__ static double fabs(double x) { return ::fabs(x); }
    __device__ static double fmod(double a, double b) { return ::fmod(a, b); }
    __device__ static double pow(double a, double b) { return ::pow(a, b); }
    __device__ static double copysign(double a, double b) { return ::copysign(a, b); }
    __device__ static double tan(double x) { return ::tan(x); }
    __device__ static double asin(double x) { return ::asin(x); }
    __device__ static double acos(double x) { return ::acos(x); }
    __device__ static double atan(double x) { return ::atan(x); }
    __device__ static double sinh(double x) { return ::sinh(x); }
    __device__ static double cosh(double x) { return ::cosh(x); }
    __device__ static double asinh(double x) { return ::asinh(x); }
    __device__ static double acosh(double x) { return ::acosh(x); }
    __device__ static double atanh(double x) { return ::atanh(x); }
    __device__ static double log2(double x) { return ::log2(x); }
    __device__ static double log10(double x) { return ::log10(x); }
    __device__ static double exp2(double x) { return ::exp2(x); }
    __device__ static double expm1(double x) { return ::expm1(x); }
    __device__ static double erf(double x) { return ::erf(x); }
    __device__ static double erfinv(double x) { return ::erfinv(x); }
    __device__ static double lgamma(double x) { return ::lgamma(x); }
    __device__ static double atan2(double a, double b) { return ::atan2(a, b); }
    __device__ static double hypot(double a, double b) { return ::hypot(a, b); }
    __device__ static double nan() { return __longlong_as_double(0x7ff8000000000000LL); }
    __device__ static double inf() { return __longlong_as_double(0x7ff0000000000000LL); }
};

// Java's Math.max/min on floats: NaN wins, and +0.0 is larger than -0.0.
template <typename T> __device__ __forceinline__ T jt_fmax(T a, T b) {
    if (a != a) return a;
    if (b != b) return b;
    if (a == (T)0 && b == (T)0) return signbit(a) ? b : a;
    return a > b ? a : b;
}
template <typename T> __device__ __forceinline__ T jt_fmin(T a, T b) {
    if (a != a) return a;
    if (b != b) return b;
    if (a == (T)0 && b == (T)0) return signbit(a) ? a : b;
    return a < b ? a : b;
}

// Integer arithmetic wraps around (Java's and PyTorch's CPU behaviour): done on unsigned types, since
// signed overflow is undefined in C++.
template <typename I> struct JtU;
template <> struct JtU<i64> { typedef unsigned long long T; };
template <> struct JtU<int> { typedef unsigned int T; };
template <typename I> __device__ __forceinline__ I jt_add(I a, I b) { typedef typename JtU<I>::T U; return (I)((U)a + (U)b); }
template <typename I> __device__ __forceinline__ I jt_sub(I a, I b) { typedef typename JtU<I>::T U; return (I)((U)a - (U)b); }
template <typename I> __device__ __forceinline__ I jt_mul(I a, I b) { typedef typename JtU<I>::T U; return (I)((U)a * (U)b); }
template <typename I> __device__ __forceinline__ I jt_neg(I a) { typedef typename JtU<I>::T U; return (I)((U)0 - (U)a); }
// Java's / and % with b == -1 give -a (wrapped) and 0; C++ leaves MIN / -1 undefined.
template <typename I> __device__ __forceinline__ I jt_div(I a, I b) { return b == (I)-1 ? jt_neg(a) : a / b; }
template <typename I> __device__ __forceinline__ I jt_rem(I a, I b) { return b == (I)-1 ? (I)0 : a % b; }

// ---------------------------------------------------------------- elementwise: one-input ops
// Op codes: dev.jtensor.cuda.OpCodes (a test checks that both sides agree).
#define JT_U_NEG 0
#define JT_U_ABS 1
#define JT_U_EXP 2
#define JT_U_LOG 3
#define JT_U_LOG1P 4
#define JT_U_SQRT 5
#define JT_U_RSQRT 6
#define JT_U_SIN 7
#define JT_U_COS 8
#define JT_U_TANH 9
#define JT_U_SIGMOID 10
#define JT_U_RELU 11
#define JT_U_GELU 12
#define JT_U_GELU_TANH 13
#define JT_U_FLOOR 14
#define JT_U_CEIL 15
#define JT_U_ROUND 16
#define JT_U_RECIPROCAL 17
#define JT_U_LOGICAL_NOT 18
#define JT_U_TRUNC 19
#define JT_U_SIGN 20
#define JT_U_TAN 21
#define JT_U_ASIN 22
#define JT_U_ACOS 23
#define JT_U_ATAN 24
#define JT_U_SINH 25
#define JT_U_COSH 26
#define JT_U_ASINH 27
#define JT_U_ACOSH 28
#define JT_U_ATANH 29
#define JT_U_LOG2 30
#define JT_U_LOG10 31
#define JT_U_EXP2 32
#define JT_U_EXPM1 33
#define JT_U_ERF 34
#define JT_U_ERFC 35
#define JT_U_ERFINV 36
#define JT_U_LGAMMA 37
#define JT_U_DIGAMMA 38
#define JT_U_TRIGAMMA 39
#define JT_U_BITWISE_NOT 40
#define JT_U_SIGNBIT 41

// digamma: -inf at +0, +inf at -0 (PyTorch), NaN at the negative integers; reflection below 0,
// recurrence up to 10, then the asymptotic series. Computed in double for both float types.
__device__ double jt_digamma(double x) {
    if (x == 0) return copysign(__longlong_as_double(0x7ff0000000000000LL), -x);
    if (x != x || x == __longlong_as_double(0x7ff0000000000000LL)) return x;
    double result = 0;
    if (x < 0) {
        if (x == rint(x)) return __longlong_as_double(0x7ff8000000000000LL);
        double r = x - floor(x);
        result = -3.14159265358979323846 / tan(3.14159265358979323846 * r);
        x = 1 - x;
    }
    while (x < 10) { result -= 1 / x; x += 1; }
    double inv2 = 1 / (x * x);
    double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
            - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
    return result + log(x) - 0.5 / x - series;
}

// trigamma as PyTorch's CPU kernel computes it (reflection below 0.5, six recurrence steps, four
// series terms), matching the CPU backend's SpecialMath.trigamma.
__device__ double jt_trigamma(double x) {
    double sign = 1, result = 0;
    if (x < 0.5) {
        sign = -1;
        double s = sin(3.14159265358979323846 * x);
        result -= 9.86960440108935861883 / (s * s);
        x = 1 - x;
    }
    for (int i = 0; i < 6; ++i) { result += 1 / (x * x); x += 1; }
    double ixx = 1 / (x * x);
    result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x;
    return sign * result;
}

template <typename T> __device__ __forceinline__ T jt_unary_float(int op, T x) {
    typedef JtM<T> M;
    switch (op) {
        case JT_U_NEG: return -x;
        case JT_U_ABS: return M::fabs(x);
        case JT_U_EXP: return M::exp(x);
        case JT_U_LOG: return M::log(x);
        case JT_U_LOG1P: return M::log1p(x);
        case JT_U_SQRT: return M::sqrt(x);
        case JT_U_RSQRT: return (T)1 / M::sqrt(x);
        case JT_U_SIN: return M::sin(x);
        case JT_U_COS: return M::cos(x);
        case JT_U_TANH: return M::tanh(x);
        case JT_U_SIGMOID: return (T)1 / ((T)1 + M::exp(-x));
        case JT_U_RELU: return x < (T)0 ? (T)0 : x;
        case JT_U_GELU: return (T)0.5 * x * M::erfc(-x * (T)0.70710678118654752440);
        case JT_U_GELU_TANH: {
            T inner = (T)0.79788456080286535588 * (x + (T)0.044715 * x * x * x);
            return (T)0.5 * x * ((T)1 + M::tanh(inner));
        }
        case JT_U_FLOOR: return M::floor(x);
        case JT_U_CEIL: return M::ceil(x);
        case JT_U_ROUND: return M::rint(x);
        case JT_U_RECIPROCAL: return (T)1 / x;
        case JT_U_TRUNC: return M::trunc(x);
        case JT_U_SIGN: return x > (T)0 ? (T)1 : x < (T)0 ? (T)-1 : (T)0;
        case JT_U_TAN: return M::tan(x);
        case JT_U_ASIN: return M::asin(x);
        case JT_U_ACOS: return M::acos(x);
        case JT_U_ATAN: return M::atan(x);
        case JT_U_SINH: return M::sinh(x);
        case JT_U_COSH: return M::cosh(x);
        case JT_U_ASINH: return M::asinh(x);
        case JT_U_ACOSH: return M::acosh(x);
        case JT_U_ATANH: return M::atanh(x);
        case JT_U_LOG2: return M::log2(x);
        case JT_U_LOG10: return M::log10(x);
        case JT_U_EXP2: return M::exp2(x);
        case JT_U_EXPM1: return M::expm1(x);
        case JT_U_ERF: return M::erf(x);
        case JT_U_ERFC: return M::erfc(x);
        case JT_U_ERFINV: return M::erfinv(x);
        case JT_U_LGAMMA: return M::lgamma(x);
        case JT_U_DIGAMMA: return (T)jt_digamma((double)x);
        case JT_U_TRIGAMMA: return (T)jt_trigamma((double)x);
        case JT_U_SIGNBIT: return signbit(x) ? (T)1 : (T)0;
        default: return M::nan();
    }
}

template <typename I> __device__ __forceinline__ I jt_unary_int(int op, I x) {
    switch (op) {
        case JT_U_NEG: return jt_neg(x);
        case JT_U_ABS: return x < (I)0 ? jt_neg(x) : x;
        case JT_U_RELU: return x < (I)0 ? (I)0 : x;
        case JT_U_SIGN: return (I)((x > (I)0) - (x < (I)0));
        case JT_U_BITWISE_NOT: return ~x;
        default: return x;
    }
}

#define JT_UNARY_FLOAT(N, T) \
    extern "C" __global__ void unary_##N(JtIter it, T* out, const T* in, int op) { \
        JT_GRID_LOOP(i, it.numel) { int off[2]; jt_offsets<2>(it, (int)i_, off); out[off[0]] = jt_unary_float<T>(op, in[off[1]]); } \
    }
#define JT_UNARY_INT(N, T) \
    extern "C" __global__ void unary_##N(JtIter it, T* out, const T* in, int op) { \
        JT_GRID_LOOP(i, it.numel) { int off[2]; jt_offsets<2>(it, (int)i_, off); out[off[0]] = jt_unary_int<T>(op, in[off[1]]); } \
    }
JT_UNARY_FLOAT(f32, float)
JT_UNARY_FLOAT(f64, double)
JT_UNARY_INT(i64, i64)
JT_UNARY_INT(i32, int)
// bool: LOGICAL_NOT and BITWISE_NOT, both logical not.
extern "C" __global__ void unary_b8(JtIter it, b8* out, const b8* in, int op) {
    JT_GRID_LOOP(i, it.numel) { int off[2]; jt_offsets<2>(it, (int)i_, off); out[off[0]] = in[off[1]] ? 0 : 1; }
}

// ---------------------------------------------------------------- elementwise: two-input ops
#define JT_B_ADD 0
#define JT_B_SUB 1
#define JT_B_MUL 2
#define JT_B_DIV 3
#define JT_B_DIV_TRUNC 4
#define JT_B_DIV_FLOOR 5
#define JT_B_REMAINDER 6
#define JT_B_POW 7
#define JT_B_MAXIMUM 8
#define JT_B_MINIMUM 9
#define JT_B_CLAMP_MIN 10
#define JT_B_CLAMP_MAX 11
#define JT_B_EQ 12
#define JT_B_NE 13
#define JT_B_LT 14
#define JT_B_LE 15
#define JT_B_GT 16
#define JT_B_GE 17
#define JT_B_LOGICAL_AND 18
#define JT_B_LOGICAL_OR 19
#define JT_B_ATAN2 20
#define JT_B_FMOD 21
#define JT_B_HYPOT 22
#define JT_B_LOGADDEXP 23
#define JT_B_BITWISE_AND 24
#define JT_B_BITWISE_OR 25
#define JT_B_BITWISE_XOR 26
#define JT_B_SHIFT_LEFT 27
#define JT_B_SHIFT_RIGHT 28

// log(e^a + e^b) as max + log1p(e^-|a - b|); equal infinities give themselves.
template <typename T> __device__ __forceinline__ T jt_logaddexp(T a, T b) {
    typedef JtM<T> M;
    if (a == b && (a == M::inf() || a == -M::inf())) return a;
    T m = (a != a || b != b) ? M::nan() : (a > b ? a : b);
    return m + M::log1p(M::exp(-M::fabs(a - b)));
}

// Python's a // b for floats: the quotient of a minus its remainder, rounded, exact where floor(a / b) is not.
template <typename T> __device__ __forceinline__ T jt_floor_divide(T a, T b) {
    typedef JtM<T> M;
    if (b == (T)0) return a / b;
    T mod = M::fmod(a, b);
    T div = (a - mod) / b;
    if (mod != (T)0 && (b < (T)0) != (mod < (T)0)) div -= (T)1;
    if (div == (T)0) return M::copysign((T)0, a / b);
    T fl = M::floor(div);
    return div - fl > (T)0.5 ? fl + (T)1 : fl;
}

template <typename T> __device__ __forceinline__ T jt_remainder_float(T a, T b) {
    T m = JtM<T>::fmod(a, b);
    return m != (T)0 && (b < (T)0) != (m < (T)0) ? m + b : m;
}

// C's pow, which PyTorch calls: pow(1, y) = 1 for every y, pow(-1, +-inf) = 1 (CUDA's pow agrees; kept explicit).
template <typename T> __device__ __forceinline__ T jt_pow_float(T a, T b) {
    if (a == (T)1 || (a == (T)-1 && (b == JtM<T>::inf() || b == -JtM<T>::inf()))) return (T)1;
    return JtM<T>::pow(a, b);
}

template <typename T> __device__ __forceinline__ T jt_binary_float(int op, T a, T b, T alpha) {
    switch (op) {
        case JT_B_ADD: return alpha == (T)1 ? a + b : a + alpha * b;
        case JT_B_SUB: return alpha == (T)1 ? a - b : a - alpha * b;
        case JT_B_MUL: return a * b;
        case JT_B_DIV: return a / b;
        case JT_B_DIV_TRUNC: return JtM<T>::trunc(a / b);
        case JT_B_DIV_FLOOR: return jt_floor_divide(a, b);
        case JT_B_REMAINDER: return jt_remainder_float(a, b);
        case JT_B_POW: return jt_pow_float(a, b);
        case JT_B_MAXIMUM: return jt_fmax(a, b);
        case JT_B_MINIMUM: return jt_fmin(a, b);
        case JT_B_CLAMP_MIN: return (a < b || b != b) ? b : a;
        case JT_B_CLAMP_MAX: return (a > b || b != b) ? b : a;
        case JT_B_ATAN2: return JtM<T>::atan2(a, b);
        case JT_B_FMOD: return JtM<T>::fmod(a, b);
        case JT_B_HYPOT: return JtM<T>::hypot(a, b);
        case JT_B_LOGADDEXP: return jt_logaddexp(a, b);
        default: return JtM<T>::nan();
    }
}

// Integer power with wrap-around; for negative exponents 1 for base 1, +-1 for base -1, else 0.
template <typename I> __device__ __forceinline__ I jt_pow_int(I a, I b) {
    if (b < (I)0) {
        if (a == (I)1) return (I)1;
        if (a == (I)-1) return (b & (I)1) == (I)0 ? (I)1 : (I)-1;
        return (I)0;
    }
    I result = (I)1;
    I base = a;
    typename JtU<I>::T e = (typename JtU<I>::T)b;
    while (e != 0) {
        if (e & 1) result = jt_mul(result, base);
        base = jt_mul(base, base);
        e >>= 1;
    }
    return result;
}

template <typename I> __device__ __forceinline__ I jt_binary_int(int op, I a, I b, I alpha) {
    switch (op) {
        case JT_B_ADD: return jt_add(a, alpha == (I)1 ? b : jt_mul(alpha, b));
        case JT_B_SUB: return jt_sub(a, alpha == (I)1 ? b : jt_mul(alpha, b));
        case JT_B_MUL: return jt_mul(a, b);
        case JT_B_DIV_TRUNC: return jt_div(a, b);
        case JT_B_DIV_FLOOR: {
            I q = jt_div(a, b);
            return (jt_rem(a, b) != (I)0 && ((a < (I)0) != (b < (I)0))) ? q - (I)1 : q;
        }
        case JT_B_REMAINDER: {
            I m = jt_rem(a, b);
            return m != (I)0 && (b < (I)0) != (m < (I)0) ? m + b : m;
        }
        case JT_B_POW: return jt_pow_int(a, b);
        case JT_B_MAXIMUM: case JT_B_CLAMP_MIN: return a > b ? a : b;
        case JT_B_MINIMUM: case JT_B_CLAMP_MAX: return a < b ? a : b;
        case JT_B_FMOD: return jt_rem(a, b);
        case JT_B_BITWISE_AND: return a & b;
        case JT_B_BITWISE_OR: return a | b;
        case JT_B_BITWISE_XOR: return a ^ b;
        // PyTorch's CPU kernels: a shift by a negative amount or by the bit width or more gives 0
        // (left) or the sign fill (right); shifted as unsigned, since signed overflow is undefined.
        case JT_B_SHIFT_LEFT: {
            const I bits = (I)(sizeof(I) * 8);
            return (b < (I)0 || b >= bits) ? (I)0 : (I)((typename JtU<I>::T)a << b);
        }
        case JT_B_SHIFT_RIGHT: {
            const I bits = (I)(sizeof(I) * 8);
            return a >> ((b < (I)0 || b >= bits) ? bits - (I)1 : b);
        }
        default: return (I)0;
    }
}

template <typename T> __device__ __forceinline__ b8 jt_compare(int op, T a, T b) {
    switch (op) {
        case JT_B_EQ: return a == b;
        case JT_B_NE: return a != b;
        case JT_B_LT: return a < b;
        case JT_B_LE: return a <= b;
        case JT_B_GT: return a > b;
        case JT_B_GE: return a >= b;
        default: return 0;
    }
}

#define JT_BINARY(N, T, F, AT) \
    extern "C" __global__ void binary_##N(JtIter it, T* out, const T* a, const T* b, int op, double alpha_f, i64 alpha_i) { \
        T alpha = (T)(AT); \
        JT_GRID_LOOP(i, it.numel) { int off[3]; jt_offsets<3>(it, (int)i_, off); out[off[0]] = F<T>(op, a[off[1]], b[off[2]], alpha); } \
    } \
    extern "C" __global__ void compare_##N(JtIter it, b8* out, const T* a, const T* b, int op) { \
        JT_GRID_LOOP(i, it.numel) { int off[3]; jt_offsets<3>(it, (int)i_, off); out[off[0]] = jt_compare<T>(op, a[off[1]], b[off[2]]); } \
    }
JT_BINARY(f32, float, jt_binary_float, alpha_f)
JT_BINARY(f64, double, jt_binary_float, alpha_f)
JT_BINARY(i64, i64, jt_binary_int, alpha_i)
JT_BINARY(i32, int, jt_binary_int, alpha_i)

// bool: arithmetic is logical (add and maximum are or, mul and minimum are and); comparisons of 0/1.
extern "C" __global__ void binary_b8(JtIter it, b8* out, const b8* a, const b8* b, int op, double alpha_f, i64 alpha_i) {
    b8 alpha = alpha_i != 0;
    JT_GRID_LOOP(i, it.numel) {
        int off[3];
        jt_offsets<3>(it, (int)i_, off);
        b8 x = a[off[1]] != 0, y = b[off[2]] != 0, r;
        switch (op) {
            case JT_B_ADD: r = x | (alpha & y); break;
            case JT_B_MUL: case JT_B_MINIMUM: case JT_B_LOGICAL_AND: r = x & y; break;
            case JT_B_MAXIMUM: case JT_B_LOGICAL_OR: case JT_B_BITWISE_OR: r = x | y; break;
            case JT_B_BITWISE_AND: r = x & y; break;
            case JT_B_BITWISE_XOR: r = x ^ y; break;
            default: r = jt_compare<int>(op, x, y); break;
        }
        out[off[0]] = r;
    }
}

// ---------------------------------------------------------------- where
#define JT_WHERE(N, T) \
    extern "C" __global__ void where_##N(JtIter it, T* out, const b8* cond, const T* a, const T* b) { \
        JT_GRID_LOOP(i, it.numel) { int off[4]; jt_offsets<4>(it, (int)i_, off); out[off[0]] = cond[off[1]] ? a[off[2]] : b[off[3]]; } \
    }
JT_WHERE(f32, float)
JT_WHERE(f64, double)
JT_WHERE(i64, i64)
JT_WHERE(i32, int)
JT_WHERE(b8, b8)
JT_WHERE(u8, jt_u8)
JT_WHERE(i8, i8)
JT_WHERE(i16, i16)
JT_WHERE(f16, jt_f16)
JT_WHERE(bf16, jt_bf16)

// ---------------------------------------------------------------- reductions
// One block reduces one line at a time (grid-stride over lines). The JtIter walks the lines: its
// operands are the outputs (1 or 2) and then the input at the start of each line. Each thread folds
// the elements tid, tid + blockDim, ... of its line, then the block combines the partial results in
// a fixed tree; the block size is chosen from the line length only (LaunchConfig.forReduction), so
// results do not depend on how many lines there are, and are the same from run to run.
#define JT_R_SUM 0
#define JT_R_MEAN 1
#define JT_R_PROD 2
#define JT_R_AMAX 3
#define JT_R_AMIN 4
#define JT_R_MAX 5
#define JT_R_MIN 6
#define JT_R_ARGMAX 7
#define JT_R_ARGMIN 8
#define JT_R_ALL 9
#define JT_R_ANY 10
#define JT_R_LOGSUMEXP 11

extern __shared__ unsigned long long jt_shared[];

// Tree-combines one value per thread in shared memory; every thread returns the block's result.
template <typename A, typename F>
__device__ __forceinline__ A jt_block_reduce(A v, F combine) {
    A* sh = (A*)jt_shared;
    int t = threadIdx.x;
    __syncthreads();
    sh[t] = v;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (t < s) sh[t] = combine(sh[t], sh[t + s]);
        __syncthreads();
    }
    A r = sh[0];
    __syncthreads();
    return r;
}

// Sums and products: float32 accumulates in float (PyTorch-style), float64 in double, int64 wraps.
template <typename T> struct JtSumOps {
    __device__ static T add(T a, T b) { return a + b; }
    __device__ static T mul(T a, T b) { return a * b; }
};
template <> struct JtSumOps<i64> {
    __device__ static i64 add(i64 a, i64 b) { return jt_add(a, b); }
    __device__ static i64 mul(i64 a, i64 b) { return jt_mul(a, b); }
};

#define JT_REDUCE_SUM(N, T) \
    extern "C" __global__ void reduce_sum_##N(JtIter it, T* out, const T* in, int n, int stride, int op) { \
        for (long long line = blockIdx.x; line < it.numel; line += gridDim.x) { \
            int off[2]; \
            jt_offsets<2>(it, (int)line, off); \
            const T* p = in + off[1]; \
            bool prod = op == JT_R_PROD; \
            T acc = prod ? (T)1 : (T)0; \
            for (int e = threadIdx.x; e < n; e += blockDim.x) { \
                T x = p[(long long)e * stride]; \
                acc = prod ? JtSumOps<T>::mul(acc, x) : JtSumOps<T>::add(acc, x); \
            } \
            T r = prod ? jt_block_reduce(acc, [](T a, T b) { return JtSumOps<T>::mul(a, b); }) \
                       : jt_block_reduce(acc, [](T a, T b) { return JtSumOps<T>::add(a, b); }); \
            if (threadIdx.x == 0) out[off[0]] = op == JT_R_MEAN ? (T)(r / (T)n) : r; \
        } \
    }
JT_REDUCE_SUM(f32, float)
JT_REDUCE_SUM(f64, double)
JT_REDUCE_SUM(i64, i64)

// Extremes with their first position. NaN beats every number (and the first NaN wins): as PyTorch.
template <typename T> __device__ __forceinline__ bool jt_isnan(T v) { return v != v; }
template <> __device__ __forceinline__ bool jt_isnan<i64>(i64 v) { return false; }
template <> __device__ __forceinline__ bool jt_isnan<int>(int v) { return false; }
template <> __device__ __forceinline__ bool jt_isnan<b8>(b8 v) { return false; }

template <typename T> struct JtArg {
    T v;
    long long i;
};

// Whether (a.v, a.i) is the better of two candidates for a max (or min) with first-index ties.
template <typename T> __device__ __forceinline__ bool jt_better(const JtArg<T>& a, const JtArg<T>& b, bool max) {
    bool an = jt_isnan(a.v), bn = jt_isnan(b.v);
    if (an || bn) return an && (!bn || a.i < b.i);
    if (a.v == b.v) return a.i < b.i;
    return max ? a.v > b.v : a.v < b.v;
}

#define JT_REDUCE_MINMAX(N, T) \
    extern "C" __global__ void reduce_minmax_##N(JtIter it, T* values, i64* indices, const T* in, int n, int stride, int op, int inOperand) { \
        bool max = op == JT_R_AMAX || op == JT_R_MAX || op == JT_R_ARGMAX; \
        for (long long line = blockIdx.x; line < it.numel; line += gridDim.x) { \
            int off[3]; \
            jt_offsets<3>(it, (int)line, off); \
            const T* p = in + off[inOperand]; \
            JtArg<T> acc; \
            acc.v = p[0]; \
            acc.i = n; \
            for (int e = threadIdx.x; e < n; e += blockDim.x) { \
                JtArg<T> c; \
                c.v = p[(long long)e * stride]; \
                c.i = e; \
                if (acc.i == n || jt_better(c, acc, max)) acc = c; \
            } \
            JtArg<T> r = jt_block_reduce(acc, [max, n](JtArg<T> a, JtArg<T> b) { \
                if (a.i == n) return b; \
                if (b.i == n) return a; \
                return jt_better(a, b, max) ? a : b; \
            }); \
            if (threadIdx.x == 0) { \
                if (op == JT_R_ARGMAX || op == JT_R_ARGMIN) { \
                    indices[off[0]] = r.i; \
                } else { \
                    values[off[0]] = r.v; \
                    if (op == JT_R_MAX || op == JT_R_MIN) indices[off[1]] = r.i; \
                } \
            } \
        } \
    }
JT_REDUCE_MINMAX(f32, float)
JT_REDUCE_MINMAX(f64, double)
JT_REDUCE_MINMAX(i64, i64)
JT_REDUCE_MINMAX(i32, int)
JT_REDUCE_MINMAX(b8, b8)

extern "C" __global__ void reduce_bool_b8(JtIter it, b8* out, const b8* in, int n, int stride, int op) {
    bool all = op == JT_R_ALL;
    for (long long line = blockIdx.x; line < it.numel; line += gridDim.x) {
        int off[2];
        jt_offsets<2>(it, (int)line, off);
        const b8* p = in + off[1];
        int acc = all ? 1 : 0;
        for (int e = threadIdx.x; e < n; e += blockDim.x) {
            int x = p[(long long)e * stride] != 0;
            acc = all ? (acc & x) : (acc | x);
        }
        int r = all ? jt_block_reduce(acc, [](int a, int b) { return a & b; })
                    : jt_block_reduce(acc, [](int a, int b) { return a | b; });
        if (threadIdx.x == 0) out[off[0]] = (b8)r;
    }
}

// log(sum(exp(x))) as m + log(sum(exp(x - m))), m the line's maximum (0 when infinite).
#define JT_REDUCE_LOGSUMEXP(N, T) \
    extern "C" __global__ void reduce_logsumexp_##N(JtIter it, T* out, const T* in, int n, int stride) { \
        for (long long line = blockIdx.x; line < it.numel; line += gridDim.x) { \
            int off[2]; \
            jt_offsets<2>(it, (int)line, off); \
            const T* p = in + off[1]; \
            T m = -JtM<T>::inf(); \
            for (int e = threadIdx.x; e < n; e += blockDim.x) m = jt_fmax(m, p[(long long)e * stride]); \
            m = jt_block_reduce(m, [](T a, T b) { return jt_fmax(a, b); }); \
            if (m == JtM<T>::inf() || m == -JtM<T>::inf()) m = (T)0; \
            T s = (T)0; \
            for (int e = threadIdx.x; e < n; e += blockDim.x) s += JtM<T>::exp(p[(long long)e * stride] - m); \
            s = jt_block_reduce(s, [](T a, T b) { return a + b; }); \
            if (threadIdx.x == 0) out[off[0]] = m + JtM<T>::log(s); \
        } \
    }
JT_REDUCE_LOGSUMEXP(f32, float)
JT_REDUCE_LOGSUMEXP(f64, double)

// Variance (or standard deviation) with a correction, two passes accumulated in double as PyTorch.
#define JT_STDVAR(N, T) \
    extern "C" __global__ void stdvar_##N(JtIter it, T* out, const T* in, int n, int stride, double correction, int std) { \
        for (long long line = blockIdx.x; line < it.numel; line += gridDim.x) { \
            int off[2]; \
            jt_offsets<2>(it, (int)line, off); \
            const T* p = in + off[1]; \
            double s = 0; \
            for (int e = threadIdx.x; e < n; e += blockDim.x) s += (double)p[(long long)e * stride]; \
            double mean = jt_block_reduce(s, [](double a, double b) { return a + b; }) / n; \
            double q = 0; \
            for (int e = threadIdx.x; e < n; e += blockDim.x) { double d = (double)p[(long long)e * stride] - mean; q += d * d; } \
            q = jt_block_reduce(q, [](double a, double b) { return a + b; }); \
            double div = (double)n - correction; \
            double var = q / (div > 0 ? div : 0.0); \
            if (threadIdx.x == 0) out[off[0]] = (T)(std ? ::sqrt(var) : var); \
        } \
    }
JT_STDVAR(f32, float)
JT_STDVAR(f64, double)

// Inclusive prefix sums: one thread per line, in index order (float32 accumulates in double, as the CPU kernel).
template <typename T> struct JtScanAcc { typedef T A; };
template <> struct JtScanAcc<float> { typedef double A; };
#define JT_CUMSUM(N, T) \
    extern "C" __global__ void cumsum_##N(JtIter it, T* out, const T* in, int n, int inStride, int outStride) { \
        JT_GRID_LOOP(line, it.numel) { \
            int off[2]; \
            jt_offsets<2>(it, (int)line_, off); \
            typename JtScanAcc<T>::A acc = 0; \
            for (int e = 0; e < n; e++) { \
                acc = JtSumOps<typename JtScanAcc<T>::A>::add(acc, (typename JtScanAcc<T>::A)in[off[1] + (long long)e * inStride]); \
                out[off[0] + (long long)e * outStride] = (T)acc; \
            } \
        } \
    }
JT_CUMSUM(f32, float)
JT_CUMSUM(f64, double)
JT_CUMSUM(i64, i64)

// ---------------------------------------------------------------- advanced indexing
// The JtIter's operands: 0 the output (gather) or the values (put), 1 the other tensor restrided over
// the iteration (stride 0 on the dims the indices produce), 2 .. 2+count-1 the int64 index tensors.
// Element i reaches the other tensor at offset_1(i) + sum_j idx_j(i)' * stride[j], idx' the index
// with size[j] added when negative. Indices were bounds-checked by the caller.
struct JtIndex {
    int count;
    int pad;
    i64 size[JT_MAX_INDICES];
    i64 stride[JT_MAX_INDICES];
    const i64* ptr[JT_MAX_INDICES];
};

__device__ __forceinline__ i64 jt_indexed_offset(const JtIndex& ix, const int* off) {
    i64 p = off[1];
    for (int j = 0; j < ix.count; j++) {
        i64 v = ix.ptr[j][off[2 + j]];
        p += (v < 0 ? v + ix.size[j] : v) * ix.stride[j];
    }
    return p;
}

#define JT_INDEX_GATHER(N, T) \
    extern "C" __global__ void index_gather_##N(JtIter it, T* out, const T* src, JtIndex ix) { \
        JT_GRID_LOOP(i, it.numel) { \
            int off[JT_MAX_OPS]; \
            jt_offsets_n(it, (int)i_, off, 2 + ix.count); \
            out[off[0]] = src[jt_indexed_offset(ix, off)]; \
        } \
    }
JT_INDEX_GATHER(f32, float)
JT_INDEX_GATHER(f64, double)
JT_INDEX_GATHER(i64, i64)
JT_INDEX_GATHER(i32, int)
JT_INDEX_GATHER(b8, b8)
JT_INDEX_GATHER(u8, jt_u8)
JT_INDEX_GATHER(i8, i8)
JT_INDEX_GATHER(i16, i16)
JT_INDEX_GATHER(f16, jt_f16)
JT_INDEX_GATHER(bf16, jt_bf16)

// Accumulating stores use atomics, so duplicate positions add up (in an unspecified order: float sums
// may differ in the last bits from run to run). Without accumulate, one of the duplicates wins.
__device__ __forceinline__ void jt_atomic_add(float* p, float v) { atomicAdd(p, v); }
__device__ __forceinline__ void jt_atomic_add(double* p, double v) { atomicAdd(p, v); }
__device__ __forceinline__ void jt_atomic_add(i64* p, i64 v) {
    atomicAdd((unsigned long long*)p, (unsigned long long)v); // two's complement: wraps like Java
}
__device__ __forceinline__ void jt_atomic_add(int* p, int v) { atomicAdd(p, v); }
// bool accumulates with or: set the byte inside its aligned 32-bit word.
__device__ __forceinline__ void jt_atomic_or_byte(b8* p) {
    unsigned long long a = (unsigned long long)p;
    unsigned int* word = (unsigned int*)(a & ~3ULL);
    atomicOr(word, 1u << (8 * (unsigned int)(a & 3ULL)));
}

#define JT_INDEX_PUT(N, T) \
    extern "C" __global__ void index_put_##N(JtIter it, const T* values, T* dst, JtIndex ix, int accumulate, double alpha_f, i64 alpha_i) { \
        T alpha = JtIsFloat<T>::value ? (T)alpha_f : (T)alpha_i; \
        JT_GRID_LOOP(i, it.numel) { \
            int off[JT_MAX_OPS]; \
            jt_offsets_n(it, (int)i_, off, 2 + ix.count); \
            i64 at = jt_indexed_offset(ix, off); \
            T v = values[off[0]]; \
            if (accumulate) jt_atomic_add(dst + at, JtIsFloat<T>::value ? alpha * v : jt_mul_any(alpha, v)); \
            else dst[at] = v; \
        } \
    }
template <typename T> struct JtIsFloat { static const bool value = false; };
template <> struct JtIsFloat<float> { static const bool value = true; };
template <> struct JtIsFloat<double> { static const bool value = true; };
template <typename T> __device__ __forceinline__ T jt_mul_any(T a, T b) { return a * b; }
template <> __device__ __forceinline__ i64 jt_mul_any<i64>(i64 a, i64 b) { return jt_mul(a, b); }
template <> __device__ __forceinline__ int jt_mul_any<int>(int a, int b) { return jt_mul(a, b); }
JT_INDEX_PUT(f32, float)
JT_INDEX_PUT(f64, double)
JT_INDEX_PUT(i64, i64)
JT_INDEX_PUT(i32, int)

extern "C" __global__ void index_put_b8(JtIter it, const b8* values, b8* dst, JtIndex ix, int accumulate, double alpha_f, i64 alpha_i) {
    bool alpha = alpha_f != 0.0 || alpha_i != 0;
    JT_GRID_LOOP(i, it.numel) {
        int off[JT_MAX_OPS];
        jt_offsets_n(it, (int)i_, off, 2 + ix.count);
        i64 at = jt_indexed_offset(ix, off);
        b8 v = values[off[0]] != 0;
        if (accumulate) {
            if (alpha && v) jt_atomic_or_byte(dst + at);
        } else {
            dst[at] = v;
        }
    }
}

// The small dtypes: a plain store, or (accumulate) a compare-and-swap on the aligned 32-bit word holding the
// element: the sum in the compute type, rounded (float16, bfloat16: float32 sum old + alpha * v) or wrapped
// (integers: int64 sum), as the CPU backend's IndexKernels.put. Duplicates add in an unspecified order, so
// float16/bfloat16 sums of duplicates may round differently from the CPU's index order.
template <typename T> __device__ __forceinline__ T jt_small_sum(T old, T v, double alpha_f, i64 alpha_i) {
    if (JtTy<T>::isFloat) {
        float sum = (float)JtTy<T>::d(old) + (float)alpha_f * (float)JtTy<T>::d(v);
        return JtTy<T>::fromD(sum);
    }
    typedef unsigned long long U;
    return JtTy<T>::fromL((i64)((U)JtTy<T>::l(old) + (U)alpha_i * (U)JtTy<T>::l(v)));
}
template <typename T> __device__ __forceinline__ void jt_atomic_small(T* p, T v, double alpha_f, i64 alpha_i) {
    unsigned long long a = (unsigned long long)p;
    unsigned int* word = (unsigned int*)(a & ~3ULL);
    unsigned int shift = 8 * (unsigned int)(a & 3ULL);
    unsigned int mask = (sizeof(T) == 1 ? 0xFFu : 0xFFFFu) << shift;
    unsigned int seen = *word;
    for (;;) {
        T old;
        unsigned int part = (seen & mask) >> shift;
        if (sizeof(T) == 1) { unsigned char c = (unsigned char)part; memcpy(&old, &c, 1); }
        else { unsigned short h = (unsigned short)part; memcpy(&old, &h, 2); }
        T sum = jt_small_sum(old, v, alpha_f, alpha_i);
        unsigned int bits = 0;
        if (sizeof(T) == 1) { unsigned char c; memcpy(&c, &sum, 1); bits = c; }
        else { unsigned short h; memcpy(&h, &sum, 2); bits = h; }
        unsigned int next = (seen & ~mask) | (bits << shift);
        unsigned int got = atomicCAS(word, seen, next);
        if (got == seen) return;
        seen = got;
    }
}
#define JT_INDEX_PUT_SMALL(N, T) \
    extern "C" __global__ void index_put_##N(JtIter it, const T* values, T* dst, JtIndex ix, int accumulate, double alpha_f, i64 alpha_i) { \
        JT_GRID_LOOP(i, it.numel) { \
            int off[JT_MAX_OPS]; \
            jt_offsets_n(it, (int)i_, off, 2 + ix.count); \
            i64 at = jt_indexed_offset(ix, off); \
            T v = values[off[0]]; \
            if (accumulate) jt_atomic_small(dst + at, v, alpha_f, alpha_i); \
            else dst[at] = v; \
        } \
    }
JT_INDEX_PUT_SMALL(u8, jt_u8)
JT_INDEX_PUT_SMALL(i8, i8)
JT_INDEX_PUT_SMALL(i16, i16)
JT_INDEX_PUT_SMALL(f16, jt_f16)
JT_INDEX_PUT_SMALL(bf16, jt_bf16)

// ---------------------------------------------------------------- nonzero
// Stream compaction in row-major order over a contiguous input: pass 1 counts the non-zero elements
// of each chunk of JT_NZ_CHUNK; the host turns the counts into starting rows; pass 2 writes the
// coordinates of each chunk in order (a block-wide scan per tile of blockDim elements).
#define JT_NZ_CHUNK 4096
#define JT_MAX_NZ_DIMS 32

struct JtShape {
    int ndim;
    int size[JT_MAX_NZ_DIMS];
};

template <typename T> __device__ __forceinline__ bool jt_nonzero(T v) { return v != (T)0; } // NaN != 0

#define JT_NONZERO(N, T) \
    extern "C" __global__ void nonzero_count_##N(const T* in, int n, i64* counts) { \
        int chunk = blockIdx.x; \
        int begin = chunk * JT_NZ_CHUNK; \
        int end = min(n, begin + JT_NZ_CHUNK); \
        i64 c = 0; \
        for (int e = begin + threadIdx.x; e < end; e += blockDim.x) c += jt_nonzero(in[e]) ? 1 : 0; \
        c = jt_block_reduce(c, [](i64 a, i64 b) { return a + b; }); \
        if (threadIdx.x == 0) counts[chunk] = c; \
    } \
    extern "C" __global__ void nonzero_write_##N(const T* in, int n, const i64* starts, i64* out, JtShape shape) { \
        int chunk = blockIdx.x; \
        int begin = chunk * JT_NZ_CHUNK; \
        int end = min(n, begin + JT_NZ_CHUNK); \
        i64 row = starts[chunk]; \
        i64* sh = (i64*)jt_shared; \
        for (int tile = begin; tile < end; tile += blockDim.x) { \
            int e = tile + threadIdx.x; \
            i64 flag = (e < end && jt_nonzero(in[e])) ? 1 : 0; \
            __syncthreads(); \
            sh[threadIdx.x] = flag; \
            __syncthreads(); \
            for (int s = 1; s < blockDim.x; s <<= 1) { /* Hillis-Steele inclusive scan */ \
                i64 add = threadIdx.x >= s ? sh[threadIdx.x - s] : 0; \
                __syncthreads(); \
                sh[threadIdx.x] += add; \
                __syncthreads(); \
            } \
            if (flag) { \
                i64 r = row + sh[threadIdx.x] - 1; \
                int rem = e; \
                for (int d = shape.ndim - 1; d >= 0; d--) { \
                    int s = shape.size[d]; \
                    out[r * shape.ndim + d] = rem % s; \
                    rem /= s; \
                } \
            } \
            row += sh[blockDim.x - 1]; \
        } \
    }
JT_NONZERO(f32, float)
JT_NONZERO(f64, double)
JT_NONZERO(i64, i64)
JT_NONZERO(i32, int)
JT_NONZERO(b8, b8)
// The small dtypes: any value bit (float16/bfloat16: any bit but the sign, so -0 is zero and NaN is not).
template <> __device__ __forceinline__ bool jt_nonzero<jt_u8>(jt_u8 v) { return v.v != 0; }
template <> __device__ __forceinline__ bool jt_nonzero<jt_f16>(jt_f16 v) { return (v.bits & 0x7FFFu) != 0; }
template <> __device__ __forceinline__ bool jt_nonzero<jt_bf16>(jt_bf16 v) { return (v.bits & 0x7FFFu) != 0; }
JT_NONZERO(u8, jt_u8)
JT_NONZERO(i8, i8)
JT_NONZERO(i16, i16)
JT_NONZERO(f16, jt_f16)
JT_NONZERO(bf16, jt_bf16)

// ---------------------------------------------------------------- matrix products without cuBLAS
// Integer GEMM (cuBLAS has none): one thread per output element, products summed in index order with
// wrap-around. The JtIter walks the outputs (batch dims, m, n) with operand 0 = C, 1 = the start of
// A's row, 2 = the start of B's column; the k-loop steps A by aStep and B by bStep.
#define JT_GEMM_INT(N, T) \
    extern "C" __global__ void gemm_##N(JtIter it, T* c, const T* a, const T* b, int k, int aStep, int bStep, i64 alpha, i64 beta) { \
        JT_GRID_LOOP(i, it.numel) { \
            int off[3]; \
            jt_offsets<3>(it, (int)i_, off); \
            T s = 0; \
            for (int p = 0; p < k; p++) s = jt_add(s, jt_mul(a[off[1] + (long long)p * aStep], b[off[2] + (long long)p * bStep])); \
            T r = jt_mul((T)alpha, s); \
            c[off[0]] = beta == 0 ? r : jt_add(r, jt_mul((T)beta, c[off[0]])); \
        } \
    }
JT_GEMM_INT(i64, i64)
JT_GEMM_INT(i32, int)

// C = beta * C in place (a matrix product with k == 0); beta == 0 is a fill.
#define JT_SCALE(N, T) \
    extern "C" __global__ void scale_##N(JtIter it, T* out, double beta) { \
        JT_GRID_LOOP(i, it.numel) { int off[1]; jt_offsets<1>(it, (int)i_, off); out[off[0]] = (T)(beta * out[off[0]]); } \
    }
JT_SCALE(f32, float)
JT_SCALE(f64, double)

// ---------------------------------------------------------------- nn: softmax and log-softmax
// Contiguous tensors seen as [outer, size, inner] around the softmax dim; a line is one (outer, inner)
// pair, its elements `inner` apart. One block per line (grid-stride over lines), block size from the
// line length only; sums accumulate in double, as the CPU kernels do.
__device__ __forceinline__ long long jt_line_base(long long line, int size, int inner) {
    long long o = line / inner;
    long long j = line - o * inner;
    return o * size * inner + j;
}

#define JT_SOFTMAX(N, T) \
    extern "C" __global__ void softmax_##N(long long lines, int size, int inner, const T* in, T* out, int log) { \
        for (long long line = blockIdx.x; line < lines; line += gridDim.x) { \
            long long base = jt_line_base(line, size, inner); \
            const T* x = in + base; \
            T* y = out + base; \
            T m = -JtM<T>::inf(); \
            for (int e = threadIdx.x; e < size; e += blockDim.x) m = jt_fmax(m, x[(long long)e * inner]); \
            m = jt_block_reduce(m, [](T a, T b) { return jt_fmax(a, b); }); \
            double s = 0; \
            for (int e = threadIdx.x; e < size; e += blockDim.x) s += (double)JtM<T>::exp(x[(long long)e * inner] - m); \
            T sum = (T)jt_block_reduce(s, [](double a, double b) { return a + b; }); \
            if (log) { \
                T ls = JtM<T>::log(sum); \
                for (int e = threadIdx.x; e < size; e += blockDim.x) y[(long long)e * inner] = (x[(long long)e * inner] - m) - ls; \
            } else { \
                T r = (T)1 / sum; \
                for (int e = threadIdx.x; e < size; e += blockDim.x) y[(long long)e * inner] = JtM<T>::exp(x[(long long)e * inner] - m) * r; \
            } \
        } \
    } \
    extern "C" __global__ void softmax_backward_##N(long long lines, int size, int inner, const T* gradOut, const T* out, T* gradIn, int log) { \
        for (long long line = blockIdx.x; line < lines; line += gridDim.x) { \
            long long base = jt_line_base(line, size, inner); \
            const T* g = gradOut + base; \
            const T* y = out + base; \
            T* gi = gradIn + base; \
            double s = 0; \
            for (int e = threadIdx.x; e < size; e += blockDim.x) { \
                long long k = (long long)e * inner; \
                s += log ? (double)g[k] : (double)(g[k] * y[k]); \
            } \
            T c = (T)jt_block_reduce(s, [](double a, double b) { return a + b; }); \
            for (int e = threadIdx.x; e < size; e += blockDim.x) { \
                long long k = (long long)e * inner; \
                gi[k] = log ? g[k] - JtM<T>::exp(y[k]) * c : y[k] * (g[k] - c); \
            } \
        } \
    }
JT_SOFTMAX(f32, float)
JT_SOFTMAX(f64, double)

// ---------------------------------------------------------------- nn: fused cross-entropy
// Forward, one block per row of [rows, classes] logits: the row's max m and log-sum ls (kept in stats
// for the backward), then (1-e)·w[t]·-logp[t] + e/C·Σ w[c]·-logp[c] into rowLoss (double) and w[t]
// into rowWeight; an ignored row gets 0 and 0. With reduction 0 the row losses are also written to
// lossRows. cross_entropy_total sums both columns in one block and writes the reduced loss.
#define JT_CROSS_ENTROPY(N, T) \
    extern "C" __global__ void cross_entropy_forward_##N(int rows, int classes, const T* logits, const i64* target, \
            const T* weight, i64 ignoreIndex, double eps, T* stats, double* rowLoss, double* rowWeight, T* lossRows) { \
        for (int i = blockIdx.x; i < rows; i += gridDim.x) { \
            i64 t = target[i]; \
            if (t == ignoreIndex) { \
                if (threadIdx.x == 0) { rowLoss[i] = 0; rowWeight[i] = 0; if (lossRows) lossRows[i] = (T)0; } \
                continue; \
            } \
            const T* x = logits + (long long)i * classes; \
            T m = -JtM<T>::inf(); \
            for (int e = threadIdx.x; e < classes; e += blockDim.x) m = jt_fmax(m, x[e]); \
            m = jt_block_reduce(m, [](T a, T b) { return jt_fmax(a, b); }); \
            double s = 0; \
            for (int e = threadIdx.x; e < classes; e += blockDim.x) s += (double)JtM<T>::exp(x[e] - m); \
            T ls = JtM<T>::log((T)jt_block_reduce(s, [](double a, double b) { return a + b; })); \
            double smooth = 0; \
            if (eps > 0) { \
                for (int e = threadIdx.x; e < classes; e += blockDim.x) { \
                    double wj = weight ? (double)weight[e] : 1.0; \
                    smooth -= wj * (double)((x[e] - m) - ls); \
                } \
                smooth = jt_block_reduce(smooth, [](double a, double b) { return a + b; }); \
            } \
            if (threadIdx.x == 0) { \
                stats[2 * i] = m; \
                stats[2 * i + 1] = ls; \
                double wt = weight ? (double)weight[t] : 1.0; \
                double nll = -wt * (double)((x[t] - m) - ls); \
                double l = eps > 0 ? (1 - eps) * nll + eps / classes * smooth : nll; \
                rowLoss[i] = l; \
                rowWeight[i] = wt; \
                if (lossRows) lossRows[i] = (T)l; \
            } \
        } \
    } \
    extern "C" __global__ void cross_entropy_total_##N(int rows, const double* rowLoss, const double* rowWeight, \
            int reduction, T* loss, double* totals) { \
        double l = 0, w = 0; \
        for (int i = threadIdx.x; i < rows; i += blockDim.x) { l += rowLoss[i]; w += rowWeight[i]; } \
        l = jt_block_reduce(l, [](double a, double b) { return a + b; }); \
        w = jt_block_reduce(w, [](double a, double b) { return a + b; }); \
        if (threadIdx.x == 0) { \
            totals[0] = l; \
            totals[1] = w; \
            if (reduction != 0) loss[0] = (T)(reduction == 1 ? l / w : l); \
        } \
    } \
    extern "C" __global__ void cross_entropy_backward_##N(int rows, int classes, const T* logits, const i64* target, \
            const T* weight, i64 ignoreIndex, double eps, const T* stats, const T* gradLoss, int perRow, double scale, \
            const double* weightSum, T* gradLogits) { \
        long long total = (long long)rows * classes; \
        double wSum = weight ? weightSum[0] : (double)classes; \
        JT_GRID_LOOP(k, total) { \
            long long k = k_; \
            int i = (int)(k / classes); \
            int j = (int)(k - (long long)i * classes); \
            i64 t = target[i]; \
            if (t == ignoreIndex) { gradLogits[k] = (T)0; continue; } \
            double g = (double)(perRow ? gradLoss[i] : gradLoss[0]) * scale; \
            double wt = weight ? (double)weight[t] : 1.0; \
            T coef = (T)(g * ((1 - eps) * wt + eps * wSum / classes)); \
            T v = JtM<T>::exp((logits[k] - stats[2 * i]) - stats[2 * i + 1]) * coef; \
            if (j == t) v -= (T)(g * (1 - eps) * wt); \
            if (eps > 0) v -= (T)(g * eps / classes * (weight ? (double)weight[j] : 1.0)); \
            gradLogits[k] = v; \
        } \
    } \
    extern "C" __global__ void weight_sum_##N(int n, const T* w, double* out) { \
        double s = 0; \
        for (int i = threadIdx.x; i < n; i += blockDim.x) s += (double)w[i]; \
        s = jt_block_reduce(s, [](double a, double b) { return a + b; }); \
        if (threadIdx.x == 0) out[0] = s; \
    }
JT_CROSS_ENTROPY(f32, float)
JT_CROSS_ENTROPY(f64, double)

// ---------------------------------------------------------------- nn: embedding bags
// Forward: one thread per (bag, column), entries of the bag in order (as the CPU kernel). Mode 0 sums
// (times the per-sample weight when given), 1 averages over the entries kept, 2 takes the max (NaN
// wins) and records its row (-1 for an empty bag). The output arrives zero-filled.
#define JT_EMBEDDING_BAG(N, T) \
    extern "C" __global__ void embedding_bag_##N(int bags, int dim, const T* weight, const i64* indices, \
            const i64* offsets, int mode, const T* perSample, i64 paddingIdx, T* out, i64* maxIndices) { \
        long long total = (long long)bags * dim; \
        JT_GRID_LOOP(k, total) { \
            int bag = (int)(k_ / dim); \
            int d = (int)(k_ - (long long)bag * dim); \
            i64 start = offsets[bag], end = offsets[bag + 1]; \
            int count = 0; \
            T acc = (T)0; \
            i64 arg = -1; \
            for (i64 l = start; l < end; l++) { \
                i64 row = indices[l]; \
                if (row == paddingIdx) continue; \
                T v = weight[row * dim + d]; \
                if (mode == 2) { \
                    if (count == 0 || v > acc || v != v) { acc = v; arg = row; } \
                } else { \
                    acc += perSample ? v * perSample[l] : v; \
                } \
                count++; \
            } \
            if (mode == 1 && count > 0) acc /= (T)count; \
            out[k_] = acc; \
            if (mode == 2) maxIndices[k_] = arg; \
        } \
    } \
    extern "C" __global__ void embedding_bag_backward_##N(int bags, int dim, const T* gradOut, const i64* indices, \
            const i64* offsets, int mode, const T* perSample, i64 paddingIdx, const i64* maxIndices, T* gradWeight) { \
        long long total = (long long)bags * dim; \
        JT_GRID_LOOP(k, total) { \
            int bag = (int)(k_ / dim); \
            int d = (int)(k_ - (long long)bag * dim); \
            T g = gradOut[k_]; \
            if (mode == 2) { \
                i64 row = maxIndices[k_]; \
                if (row >= 0) jt_atomic_add(gradWeight + row * dim + d, g); \
                continue; \
            } \
            i64 start = offsets[bag], end = offsets[bag + 1]; \
            int count = 0; \
            if (mode == 1) for (i64 l = start; l < end; l++) count += indices[l] != paddingIdx; \
            for (i64 l = start; l < end; l++) { \
                i64 row = indices[l]; \
                if (row == paddingIdx) continue; \
                T v = mode == 1 ? g / (T)count : (perSample ? g * perSample[l] : g); \
                jt_atomic_add(gradWeight + row * dim + d, v); \
            } \
        } \
    }
JT_EMBEDDING_BAG(f32, float)
JT_EMBEDDING_BAG(f64, double)
