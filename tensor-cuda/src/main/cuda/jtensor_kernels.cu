// JTensor's CUDA kernels, compiled ahead of time to PTX (see tensor-cuda/pom.xml, profile "ptx") and
// loaded with cuModuleLoadData. Self-contained on purpose (no #include), so nvcc and NVRTC both accept it.
//
// Conventions shared with the Java side (dev.jtensor.cuda.KernelNames, dev.jtensor.cuda.IterParams):
//  * entry points are extern "C" and named <family>_<dtype...>, dtype suffixes f32 f64 i64 i32 b8;
//  * bool is stored as one byte (0 or 1);
//  * strided kernels take a JtIter by value: the TensorIterator's coalesced iteration shape (innermost
//    dimension first), each operand's element strides over it and its storage offset (operand 0 is the
//    output). Storages hold at most 2^31-9 elements, so every offset fits an int;
//  * every kernel is a grid-stride loop, so any grid size covers any element count.

#define JT_MAX_DIMS 10
#define JT_MAX_OPS 4

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

#define JT_GRID_LOOP(i, n) \
    for (long long i##_ = (long long)blockIdx.x * blockDim.x + threadIdx.x; i##_ < (n); \
         i##_ += (long long)gridDim.x * blockDim.x)

// ---------------------------------------------------------------- casts (PyTorch's, as the CPU backend)
// float -> integer truncates toward zero (cvt.rzi saturates and maps NaN to 0, as Java's casts do);
// float -> int32 goes through int64 like the CPU kernels; anything -> bool is != 0.
template <typename D, typename S> struct JtCast { __device__ static D of(S v) { return (D)v; } };
template <typename S> struct JtCast<b8, S> { __device__ static b8 of(S v) { return v != (S)0 ? 1 : 0; } };
template <> struct JtCast<b8, b8> { __device__ static b8 of(b8 v) { return v; } };
template <> struct JtCast<int, float> { __device__ static int of(float v) { return (int)(i64)v; } };
template <> struct JtCast<int, double> { __device__ static int of(double v) { return (int)(i64)v; } };
template <typename D> __device__ __forceinline__ D jt_cast_b8(b8 v) { return v ? (D)1 : (D)0; }
template <> struct JtCast<float, b8> { __device__ static float of(b8 v) { return jt_cast_b8<float>(v); } };
template <> struct JtCast<double, b8> { __device__ static double of(b8 v) { return jt_cast_b8<double>(v); } };
template <> struct JtCast<i64, b8> { __device__ static i64 of(b8 v) { return jt_cast_b8<i64>(v); } };
template <> struct JtCast<int, b8> { __device__ static int of(b8 v) { return jt_cast_b8<int>(v); } };

// ---------------------------------------------------------------- copy with cast, fill

template <typename D, typename S>
__device__ __forceinline__ void jt_copy(JtIter it, D* __restrict__ dst, const S* __restrict__ src) {
    JT_GRID_LOOP(i, it.numel) {
        int off[2];
        jt_offsets<2>(it, (int)i_, off);
        dst[off[0]] = JtCast<D, S>::of(src[off[1]]);
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
