package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 20's bitwise ops, shifts, fmod and predicates on the dtypes the conformance files do not
 * cover (their cases of these ops use uint8/int8/int16), and float32 strided rows of the math kernels.
 */
class MathFunctionsTest {
    @Test
    void bitwiseOpsOnInt32Int64AndBool() {
        Tensor a = Tensor.tensor(new int[] {12, -7, 0, Integer.MIN_VALUE}, DType.INT32);
        Tensor b = Tensor.tensor(new int[] {10, 3, -1, -1}, DType.INT32);
        assertArrayEquals(new int[] {8, 1, 0, Integer.MIN_VALUE}, a.bitwiseAnd(b).toIntArray());
        assertArrayEquals(new int[] {14, -5, -1, -1}, a.bitwiseOr(b).toIntArray());
        assertArrayEquals(new int[] {6, -6, -1, Integer.MAX_VALUE}, a.bitwiseXor(b).toIntArray());
        assertArrayEquals(new int[] {-13, 6, -1, Integer.MAX_VALUE}, a.bitwiseNot().toIntArray());
        assertArrayEquals(new long[] {4, 1}, Tensor.tensor(new long[] {6, 3}).bitwiseAnd(5L).toLongArray());
        Tensor t = Tensor.tensor(new boolean[] {true, true, false});
        Tensor f = Tensor.tensor(new boolean[] {true, false, false});
        assertArrayEquals(new boolean[] {true, false, false}, t.bitwiseAnd(f).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false}, t.bitwiseXor(f).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, true}, t.bitwiseNot().toBooleanArray());
        TensorException e = assertThrows(TensorException.class, () -> Tensor.ones(2).bitwiseAnd(Tensor.ones(2)));
        assertTrue(e.getMessage().contains("bitwise_and_cpu") && e.getMessage().contains("Float"), e.getMessage());
    }

    @Test
    void shiftsFollowPyTorchOutsideTheBitWidth() {
        Tensor x = Tensor.tensor(new int[] {-8, 5, 1, -1, 7}, DType.INT32);
        Tensor s = Tensor.tensor(new int[] {1, 2, 31, 32, -1}, DType.INT32);
        assertArrayEquals(new int[] {-16, 20, Integer.MIN_VALUE, 0, 0}, x.bitwiseLeftShift(s).toIntArray());
        assertArrayEquals(new int[] {-4, 1, 0, -1, 0}, x.bitwiseRightShift(s).toIntArray());
        assertArrayEquals(new long[] {0, -1}, Tensor.tensor(new long[] {3, -3}).bitwiseRightShift(64).toLongArray());
        Tensor bool = Tensor.tensor(new boolean[] {true});
        assertThrows(TensorException.class, () -> bool.bitwiseLeftShift(bool));
    }

    @Test
    void fmodKeepsTheDividendsSign() {
        Tensor a = Tensor.tensor(new long[] {7, -7, 7, -7});
        Tensor b = Tensor.tensor(new long[] {3, 3, -3, -3});
        assertArrayEquals(new long[] {1, -1, 1, -1}, a.fmod(b).toLongArray());
        assertArrayEquals(new int[] {1, -1}, Tensor.tensor(new int[] {7, -7}, DType.INT32).fmod(3L).toIntArray());
        assertThrows(TensorException.class, () -> a.fmod(Tensor.tensor(new long[] {1, 0, 1, 1})));
        assertArrayEquals(new float[] {-1.5f, 1.5f}, Tensor.tensor(new float[] {-5.5f, 5.5f}).fmod(2.0).toFloatArray());
    }

    @Test
    void floatMathOnStridedAndBroadcastRowsMatchesContiguousRows() {
        Tensor base = Tensor.linspace(-0.9, 0.9, 24).reshape(4, 6);
        Tensor strided = base.t();
        Tensor contiguous = strided.contiguous();
        for (java.util.function.UnaryOperator<Tensor> f : java.util.List.<java.util.function.UnaryOperator<Tensor>>of(
                Tensor::tan, Tensor::asin, Tensor::atanh, Tensor::erfinv, Tensor::lgamma, Tensor::digamma,
                Tensor::expm1, Tensor::log10, Tensor::sign, Tensor::trunc)) {
            assertArrayEquals(f.apply(contiguous).toFloatArray(), f.apply(strided).contiguous().toFloatArray());
        }
        Tensor row = Tensor.linspace(1, 2, 4);
        assertArrayEquals(contiguous.atan2(row.expand(6, 4).contiguous()).toFloatArray(),
                contiguous.atan2(row).toFloatArray());
    }

    @Test
    void inPlaceVariantsWriteTheSameValues() {
        Tensor x = Tensor.linspace(-0.9, 0.9, 7);
        assertArrayEquals(x.atanh().toFloatArray(), x.clone().atanh_().toFloatArray());
        assertArrayEquals(x.erfinv().toFloatArray(), x.clone().erfinv_().toFloatArray());
        Tensor y = Tensor.linspace(0.5, 2, 7);
        assertArrayEquals(x.atan2(y).toFloatArray(), x.clone().atan2_(y).toFloatArray());
        Tensor ints = Tensor.tensor(new long[] {1, 2});
        assertThrows(TensorException.class, ints::tan_); // float32 result into an int64 tensor
        assertArrayEquals(new long[] {-2, -3}, ints.bitwiseNot_().toLongArray());
    }

    @Test
    void predicatesOnIntegersAndSpecialFloats() {
        Tensor ints = Tensor.tensor(new long[] {-3, 0, 5});
        assertArrayEquals(new boolean[] {false, false, false}, ints.isnan().toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, true}, ints.isfinite().toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false}, ints.signbit().toBooleanArray());
        Tensor f = Tensor.tensor(new double[] {-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY}, DType.FLOAT64);
        assertArrayEquals(new boolean[] {true, false, false, true}, f.signbit().toBooleanArray());
        Tensor negativeNan = Tensor.tensor(new double[] {Double.longBitsToDouble(0xfff8000000000000L)}, DType.FLOAT64);
        assertArrayEquals(new boolean[] {true}, negativeNan.signbit().toBooleanArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.tensor(new float[] {-0.0f, Float.NaN}).signbit().toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, true, false}, f.isnan().toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false, true}, f.isneginf().toBooleanArray());
        assertEquals(true, f.isclose(f, 1e-5, 1e-8, true).all().itemBoolean());
        assertEquals(false, f.equal(f));
        assertEquals(true, ints.equal(Tensor.tensor(new double[] {-3, 0, 5}, DType.FLOAT64)));
    }
}
