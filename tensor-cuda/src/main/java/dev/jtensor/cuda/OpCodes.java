package dev.jtensor.cuda;

/**
 * The op codes the family kernels of {@code jtensor_kernels.cu} switch on, one constant per
 * {@code #define JT_<name>} there (a test compares both lists). They are independent of the
 * ordinals of core's enums, which are mapped onto them by name in {@link CudaBackend}.
 */
final class OpCodes {
    private OpCodes() {}

    // One-input elementwise ops (JT_U_*).
    static final int U_NEG = 0;
    static final int U_ABS = 1;
    static final int U_EXP = 2;
    static final int U_LOG = 3;
    static final int U_LOG1P = 4;
    static final int U_SQRT = 5;
    static final int U_RSQRT = 6;
    static final int U_SIN = 7;
    static final int U_COS = 8;
    static final int U_TANH = 9;
    static final int U_SIGMOID = 10;
    static final int U_RELU = 11;
    static final int U_GELU = 12;
    static final int U_GELU_TANH = 13;
    static final int U_FLOOR = 14;
    static final int U_CEIL = 15;
    static final int U_ROUND = 16;
    static final int U_RECIPROCAL = 17;
    static final int U_LOGICAL_NOT = 18;
    static final int U_TRUNC = 19;
    static final int U_SIGN = 20;
    static final int U_TAN = 21;
    static final int U_ASIN = 22;
    static final int U_ACOS = 23;
    static final int U_ATAN = 24;
    static final int U_SINH = 25;
    static final int U_COSH = 26;
    static final int U_ASINH = 27;
    static final int U_ACOSH = 28;
    static final int U_ATANH = 29;
    static final int U_LOG2 = 30;
    static final int U_LOG10 = 31;
    static final int U_EXP2 = 32;
    static final int U_EXPM1 = 33;
    static final int U_ERF = 34;
    static final int U_ERFC = 35;
    static final int U_ERFINV = 36;
    static final int U_LGAMMA = 37;
    static final int U_DIGAMMA = 38;
    static final int U_TRIGAMMA = 39;
    static final int U_BITWISE_NOT = 40;
    static final int U_SIGNBIT = 41;

    // Two-input elementwise ops (JT_B_*).
    static final int B_ADD = 0;
    static final int B_SUB = 1;
    static final int B_MUL = 2;
    static final int B_DIV = 3;
    static final int B_DIV_TRUNC = 4;
    static final int B_DIV_FLOOR = 5;
    static final int B_REMAINDER = 6;
    static final int B_POW = 7;
    static final int B_MAXIMUM = 8;
    static final int B_MINIMUM = 9;
    static final int B_CLAMP_MIN = 10;
    static final int B_CLAMP_MAX = 11;
    static final int B_EQ = 12;
    static final int B_NE = 13;
    static final int B_LT = 14;
    static final int B_LE = 15;
    static final int B_GT = 16;
    static final int B_GE = 17;
    static final int B_LOGICAL_AND = 18;
    static final int B_LOGICAL_OR = 19;
    static final int B_ATAN2 = 20;
    static final int B_FMOD = 21;
    static final int B_HYPOT = 22;
    static final int B_LOGADDEXP = 23;
    static final int B_BITWISE_AND = 24;
    static final int B_BITWISE_OR = 25;
    static final int B_BITWISE_XOR = 26;
    static final int B_SHIFT_LEFT = 27;
    static final int B_SHIFT_RIGHT = 28;

    // Reductions (JT_R_*).
    static final int R_SUM = 0;
    static final int R_MEAN = 1;
    static final int R_PROD = 2;
    static final int R_AMAX = 3;
    static final int R_AMIN = 4;
    static final int R_MAX = 5;
    static final int R_MIN = 6;
    static final int R_ARGMAX = 7;
    static final int R_ARGMIN = 8;
    static final int R_ALL = 9;
    static final int R_ANY = 10;
    static final int R_LOGSUMEXP = 11;

    /** Whether a two-input op writes bool (comparisons). */
    static boolean isComparison(int binaryCode) {
        return binaryCode >= B_EQ && binaryCode <= B_GE;
    }
}
