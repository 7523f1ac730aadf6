package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Elementwise ops: promotion, rounding modes, in-place rules, overlap, layouts and errors. */
class ElementwiseTest {
    private static Tensor ints(int... v) {
        return Tensor.tensor(v, DType.INT32);
    }

    private static void assertThrowsWith(String fragment, Runnable r) {
        TensorException e = assertThrows(TensorException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void scalarsDoNotRaiseADtypeWithinItsCategory() {
        assertEquals(DType.INT32, ints(1, 2).add(2).dtype());
        assertArrayEquals(new int[] {3, 4}, ints(1, 2).add(2).toIntArray());
        assertEquals(DType.FLOAT32, Tensor.arange(3).mul(2.5).dtype());
        assertArrayEquals(new float[] {0f, 2.5f, 5f}, Tensor.arange(3).mul(2.5).toFloatArray());
        assertEquals(DType.FLOAT64, Tensor.tensor(new double[] {1}, DType.FLOAT64).add(2.5).dtype());
        assertEquals(DType.BOOL, Tensor.tensor(new boolean[] {true, false}).add(true).dtype());
        assertEquals(DType.INT64, Tensor.tensor(new boolean[] {true, false}).add(1).dtype());
        assertEquals(DType.FLOAT32, Tensor.tensor(new boolean[] {true}).mul(0.5).dtype());
    }

    @Test
    void zeroDimTensorsRankBelowDimensionedOnes() {
        assertEquals(DType.INT32, ints(1, 2).add(Tensor.scalar(5L)).dtype());
        assertEquals(DType.FLOAT32, Tensor.ones(2).add(Tensor.scalar(2.5, DType.FLOAT64)).dtype());
        assertEquals(DType.FLOAT64, ints(1, 2).add(Tensor.scalar(2.5, DType.FLOAT64)).dtype());
        assertEquals(DType.FLOAT64, Tensor.scalar(1.0).add(Tensor.scalar(2.5, DType.FLOAT64)).dtype());
        assertEquals(DType.FLOAT64, Tensor.ones(2).add(Tensor.ones(new long[] {2}, DType.FLOAT64)).dtype());
        assertEquals(DType.INT64, ints(1).add(Tensor.arange(2)).dtype());
    }

    @Test
    void integerDivisionIsTrueDivisionUnlessRounded() {
        Tensor a = Tensor.tensor(new long[] {-7, 7, 6});
        Tensor b = Tensor.tensor(new long[] {2, -2, 4});
        assertEquals(DType.FLOAT32, a.div(b).dtype());
        assertArrayEquals(new float[] {-3.5f, -3.5f, 1.5f}, a.div(b).toFloatArray());
        assertArrayEquals(new long[] {-3, -3, 1}, a.div(b, "trunc").toLongArray());
        assertArrayEquals(new long[] {-4, -4, 1}, a.div(b, "floor").toLongArray());
        assertEquals(DType.INT64, a.div(b, "floor").dtype());
        assertArrayEquals(new long[] {1, -1, 2}, a.remainder(b).toLongArray());
        assertThrowsWith("ZeroDivisionError", () -> a.div(Tensor.tensor(new long[] {1, 0, 1}), "trunc"));
        assertThrowsWith("ZeroDivisionError", () -> a.remainder(0L));
        assertThrowsWith("rounding_mode", () -> a.div(b, "round"));
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN},
                Tensor.tensor(new long[] {1, -1, 0}).div(0L).toFloatArray());
    }

    @Test
    void comparisonsGiveBoolInThePromotedDtype() {
        Tensor a = Tensor.tensor(new long[] {1, 2, 3});
        assertEquals(DType.BOOL, a.lt(2.5).dtype());
        assertArrayEquals(new boolean[] {true, true, false}, a.lt(2.5).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false}, a.eq(2L).toBooleanArray());
        Tensor nan = Tensor.tensor(new float[] {Float.NaN, 1f});
        assertArrayEquals(new boolean[] {true, false}, nan.ne(1.0).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false}, nan.gt(1.0).toBooleanArray());
    }

    @Test
    void powFollowsPyTorch() {
        assertArrayEquals(new long[] {1, 9, 16}, Tensor.tensor(new long[] {1, -3, 4}).pow(2L).toLongArray());
        assertEquals(DType.FLOAT32, ints(2, 3).pow(0.5).dtype());
        assertArrayEquals(new long[] {32, 1}, Tensor.pow(2L, Tensor.tensor(new long[] {5, 0})).toLongArray());
        assertArrayEquals(new long[] {1, -1, 0, 1}, Tensor.tensor(new long[] {1, -1, 2, -1})
                .pow(Tensor.tensor(new long[] {-3, -3, -1, -2})).toLongArray());
        assertThrowsWith("negative integer powers", () -> Tensor.arange(3).pow(-1L));
        // C's pow: 1 ** nan is 1.
        assertArrayEquals(new float[] {1f, Float.NaN}, Tensor.tensor(new float[] {1f, 2f}).pow(Double.NaN).toFloatArray());
    }

    @Test
    void alphaAndBoolRules() {
        Tensor a = Tensor.tensor(new long[] {1, 2});
        assertArrayEquals(new long[] {7, 8}, a.add(Tensor.tensor(new long[] {3, 3}), 2L).toLongArray());
        assertArrayEquals(new float[] {-2f, -1f}, a.sub(Tensor.tensor(new float[] {1.5f, 1.5f}), 2.0).toFloatArray());
        assertThrowsWith("alpha must not be a floating point number", () -> a.add(a, 2.0));
        Tensor mask = Tensor.tensor(new boolean[] {true, false});
        assertThrowsWith("two bool tensors", () -> mask.sub(mask));
        assertThrowsWith("with a bool tensor", () -> a.sub(true));
        assertThrowsWith("Negation", mask::neg);
        assertThrowsWith("Bool", mask::abs);
        assertArrayEquals(new boolean[] {true, true}, mask.add(Tensor.tensor(new boolean[] {false, true})).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true}, mask.logicalNot().toBooleanArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.tensor(new float[] {Float.NaN, 0f}).logicalOr(
                Tensor.tensor(new long[] {0, 0})).toBooleanArray());
    }

    @Test
    void unaryFunctionsPromoteIntegersToFloat32() {
        Tensor a = Tensor.tensor(new long[] {-2, 0, 3});
        assertEquals(DType.FLOAT32, a.exp().dtype());
        assertEquals(DType.FLOAT32, a.sigmoid().dtype());
        assertEquals(DType.INT64, a.relu().dtype());
        assertArrayEquals(new long[] {0, 0, 3}, a.relu().toLongArray());
        assertEquals(DType.INT64, a.floor().dtype());
        assertArrayEquals(new long[] {2, 0, 3}, a.abs().toLongArray());
        assertThrowsWith("gelu", a::gelu);
        assertThrowsWith("approximate", () -> Tensor.ones(2).gelu("fast"));
        assertArrayEquals(new float[] {0f, 2f, 2f, -0f, -2f, 4f}, Tensor.tensor(new float[] {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 3.5f})
                .round().toFloatArray());
        assertArrayEquals(new float[] {1200f, -1200f, -1400f}, Tensor.tensor(new float[] {1234.5f, -1250f, -1350f}).round(-2)
                .toFloatArray());
        assertArrayEquals(new float[] {-2.63f, 8.19f}, Tensor.tensor(new float[] {-2.6349f, 8.1924f}).round(2).toFloatArray());
    }

    @Test
    void clampFollowsPyTorch() {
        Tensor x = Tensor.tensor(new float[] {-2f, 0.5f, 3f, Float.NaN});
        assertArrayEquals(new float[] {-1f, 0.5f, 1f, Float.NaN}, x.clamp(-1.0, 1.0).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0.5f, 3f, Float.NaN}, x.clampMin(0.5).toFloatArray());
        assertArrayEquals(new float[] {-1f, -1f, -1f, Float.NaN}, x.clamp(1.0, -1.0).toFloatArray());
        assertArrayEquals(new float[] {-2f, 0.5f, 3f, Float.NaN}, x.clamp(Double.NEGATIVE_INFINITY, null).toFloatArray());
        Tensor i = Tensor.tensor(new long[] {-9, 1, 6});
        assertEquals(DType.INT64, i.clamp(0, 5).dtype());
        assertArrayEquals(new long[] {0, 1, 5}, i.clamp(0, 5).toLongArray());
        assertEquals(DType.FLOAT32, i.clamp(0.5, null).dtype());
        assertThrowsWith("At least one", () -> i.clamp((Number) null, null));
        Tensor lo = Tensor.tensor(new float[] {0f, 1f, 2f, 3f});
        assertArrayEquals(new float[] {0f, 1f, 3f, Float.NaN}, x.clamp(lo, null).toFloatArray());
        Tensor y = x.clone();
        assertSame(y, y.clamp_(-1.0, 1.0));
        assertArrayEquals(new float[] {-1f, 0.5f, 1f, Float.NaN}, y.toFloatArray());
    }

    @Test
    void nonFiniteScalars() {
        Tensor x = Tensor.tensor(new float[] {1f, -1f, 0f});
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN},
                x.mul(Double.POSITIVE_INFINITY).toFloatArray());
        assertArrayEquals(new float[] {Float.NaN, Float.NaN, Float.NaN}, x.add(Double.NaN).toFloatArray());
        Tensor mask = Tensor.tensor(new boolean[] {false, true, false});
        assertArrayEquals(new float[] {1f, Float.NEGATIVE_INFINITY, 0f},
                x.maskedFill(mask, Double.NEGATIVE_INFINITY).toFloatArray());
        assertArrayEquals(new float[] {1f, Float.NEGATIVE_INFINITY, 0f},
                x.maskedFill(mask, Tensor.scalar(Double.NEGATIVE_INFINITY)).toFloatArray());
        assertEquals(DType.FLOAT32, Tensor.arange(3).add(Double.POSITIVE_INFINITY).dtype());
    }

    @Test
    void inPlaceOpsKeepTheirDtypeAndRejectLossyResults() {
        Tensor x = Tensor.ones(3);
        int version = x.storage().version();
        assertSame(x, x.add_(Tensor.tensor(new double[] {0.5, 1.5, 2.5}, DType.FLOAT64)));
        assertEquals(DType.FLOAT32, x.dtype());
        assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f}, x.toFloatArray());
        assertTrue(x.storage().version() > version);
        Tensor i = ints(1, 2, 3);
        i.mul_(Tensor.arange(3));
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new int[] {0, 2, 6}, i.toIntArray());
        assertThrowsWith("can't be cast", () -> i.add_(2.5));
        assertThrowsWith("can't be cast", () -> i.div_(2L));
        assertThrowsWith("can't be cast", () -> Tensor.tensor(new boolean[] {true}).add_(1L));
        assertThrowsWith("broadcast shape", () -> Tensor.ones(3).add_(Tensor.ones(2, 3)));
        Tensor f = Tensor.tensor(new float[] {1f, 2f});
        f.lt_(1.5);
        assertArrayEquals(new float[] {1f, 0f}, f.toFloatArray());
        Tensor e = Tensor.tensor(new float[] {0f, 1f});
        e.exp_();
        assertArrayEquals(new float[] {1f, (float) Math.E}, e.toFloatArray(), 1e-6f);
        Tensor ii = ints(2);
        assertThrowsWith("can't be cast", ii::exp_);
        assertSame(ii, ii.floor_());
    }

    @Test
    void writesThatOverlapTheirInputsAreRejectedOrSeparated() {
        Tensor x = Tensor.arange(9).view(3, 3);
        assertThrowsWith("single memory location", () -> x.add_(x.t()));
        assertThrowsWith("single memory location", () -> x.add_(x.select(0, 0)));
        Tensor y = Tensor.arange(4).view(1, 4).clone();
        y.add_(y);
        assertArrayEquals(new long[] {0, 2, 4, 6}, y.toLongArray());
        // Strided slices that may collide: the input is read as it was before the write.
        Tensor z = Tensor.arange(12).view(3, 4).clone();
        z.slice(1, 0, 2, 1).add_(z.slice(1, 1, 3, 1));
        assertArrayEquals(new long[] {1, 3, 2, 3, 9, 11, 6, 7, 17, 19, 10, 11}, z.toLongArray());
        Tensor expanded = Tensor.zeros(1, 3).expand(2, 3);
        assertThrowsWith("single memory location", () -> expanded.add_(1.0));
    }

    @Test
    void outputsFollowTheLayoutOfPermutedInputs() {
        Tensor x = Tensor.arange(0.0, 12, 1).view(3, 4).t();
        Tensor e = x.exp();
        assertArrayEquals(new long[] {4, 3}, e.shape());
        assertArrayEquals(x.stride(), e.stride());
        assertArrayEquals(x.contiguous().exp().toFloatArray(), e.toFloatArray());
        Tensor s = x.add(x);
        assertArrayEquals(x.stride(), s.stride());
        // The first input of the full shape decides, as in PyTorch.
        assertArrayEquals(x.stride(), x.add(Tensor.ones(4, 3)).stride());
        assertArrayEquals(new long[] {3, 1}, Tensor.ones(4, 3).add(x).stride());
        assertArrayEquals(x.stride(), Tensor.ones(1, 3).add(x).stride());
        assertArrayEquals(x.stride(), x.add(1.0).stride());
    }

    @Test
    void whereMaskedFillAndTriangles() {
        Tensor cond = Tensor.tensor(new boolean[] {true, false, true});
        Tensor w = Tensor.where(cond, Tensor.tensor(new long[] {1, 2, 3}), 0.5);
        assertEquals(DType.FLOAT32, w.dtype());
        assertArrayEquals(new float[] {1f, 0.5f, 3f}, w.toFloatArray());
        assertThrowsWith("boolean tensor", () -> Tensor.where(Tensor.ones(3), Tensor.ones(3), Tensor.ones(3)));
        Tensor x = Tensor.arange(0.0, 6, 1).view(2, 3);
        assertArrayEquals(new float[] {0f, -1f, 2f, 3f, -1f, 5f}, x.maskedFill(Tensor.tensor(new boolean[] {false, true, false}), -1.0)
                .toFloatArray());
        assertThrowsWith("boolean masks", () -> x.maskedFill(Tensor.ones(3), 1.0));
        assertThrowsWith("0-dimensional", () -> x.maskedFill(cond, Tensor.ones(1)));
        Tensor m = Tensor.arange(1, 10).view(3, 3);
        assertArrayEquals(new long[] {1, 0, 0, 4, 5, 0, 7, 8, 9}, m.tril().toLongArray());
        assertArrayEquals(new long[] {1, 2, 3, 0, 5, 6, 0, 0, 9}, m.triu().toLongArray());
        assertArrayEquals(new long[] {0, 2, 3, 0, 0, 6, 0, 0, 0}, m.triu(1).toLongArray());
        assertArrayEquals(new long[] {0, 0, 0, 4, 0, 0, 7, 8, 0}, m.tril(-1).toLongArray());
        Tensor m2 = m.clone();
        m2.tril_();
        assertArrayEquals(m.tril().toLongArray(), m2.toLongArray());
        Tensor b = Tensor.ones(new long[] {2, 2, 3}, DType.BOOL).triu();
        assertArrayEquals(new boolean[] {true, true, true, false, true, true, true, true, true, false, true, true},
                b.toBooleanArray());
        assertThrows(TensorException.class, () -> Tensor.ones(3).tril());
        assertThrows(TensorException.class, () -> Tensor.scalar(1.0).triu());
    }

    @Test
    void spellingsOfTheMappingPageResolveToTheIntendedOverloads() {
        Tensor x = Tensor.tensor(new float[] {0.5f, -1.5f});
        Tensor y = Tensor.tensor(new float[] {2f, 4f});
        assertArrayEquals(new float[] {4.5f, 6.5f}, x.add(y, 2).toFloatArray());
        assertArrayEquals(new float[] {-2.5f, -4.5f}, x.sub(1.5, 2).toFloatArray());
        assertArrayEquals(new float[] {2.5f, 0.5f}, x.add(2).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0f}, x.clamp(0, 1).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0f}, x.clampMin(0).toFloatArray());
        assertArrayEquals(new float[] {0.5f, -1.5f}, x.clamp(null, y).toFloatArray());
        assertArrayEquals(new float[] {4f, 16f}, Tensor.pow(2, y).toFloatArray());
        assertEquals(DType.INT64, Tensor.pow(2, Tensor.arange(3)).dtype());
        Tensor mask = Tensor.tensor(new boolean[] {true, false});
        assertArrayEquals(new float[] {0f, -1.5f}, x.clone().maskedFill_(mask, 0).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 2f}, x.where(mask, 2).toFloatArray());
        assertArrayEquals(new boolean[] {false, true}, x.le(0).toBooleanArray());
    }

    @Test
    void broadcastErrorsNameBothShapes() {
        assertThrowsWith("must match the size of tensor b", () -> Tensor.ones(4, 3, 2).add(Tensor.ones(3, 1, 2)));
        assertThrowsWith("[4, 3, 2]", () -> Tensor.ones(4, 3, 2).add(Tensor.ones(3, 1, 2)));
    }

    @Test
    void largeOpsSplitAcrossThreadsGiveTheSameResult() {
        int n = 300_001;
        Tensor a = Tensor.arange(0.0, n, 1.0);
        Tensor b = a.mul(0.5).sub(7.0);
        float[] sum = a.add(b).toFloatArray();
        float[] av = a.toFloatArray();
        float[] bv = b.toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(av[i] + bv[i], sum[i]);
        }
        Tensor big = Tensor.arange(n).view(n, 1).add(Tensor.arange(3));
        long[] bl = big.toLongArray();
        assertEquals(3L * n, bl.length);
        assertEquals((long) n - 1 + 2, bl[bl.length - 1]);
    }

    /**
     * The broadcasting exercise of the blog post this library grew from: normalising the rows of a
     * count matrix needs the row sums kept as a column ({@code keepdim}); without it they broadcast
     * along the rows and divide the wrong elements.
     */
    @Test
    void rowNormalisationNeedsKeepdim() {
        Tensor n = Tensor.tensor(new int[][] {{10, 20, 10}, {20, 5, 25}, {10, 60, 30}}, DType.INT32);
        Tensor p = n.div(n.sum(1, true));
        assertEquals(DType.FLOAT32, p.dtype());
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.25f, 0.4f, 0.1f, 0.5f, 0.1f, 0.6f, 0.3f}, p.toFloatArray(), 1e-7f);
        Tensor wrong = n.div(n.sum(1));
        assertArrayEquals(new float[] {0.25f, 0.4f, 0.1f, 0.5f, 0.1f, 0.25f, 0.25f, 1.2f, 0.3f}, wrong.toFloatArray(), 1e-7f);
        assertFalse(java.util.Arrays.equals(p.toFloatArray(), wrong.toFloatArray()));
    }

    @Test
    void outVariantsWriteIntoTheGivenTensor() {
        Tensor a = Tensor.arange(0.0, 6.0, 1.0).view(2, 3);
        Tensor b = Tensor.tensor(new float[] {10, 20, 30});
        Tensor out = Tensor.zeros(2, 3);
        Tensor r = a.add(b, out);
        org.junit.jupiter.api.Assertions.assertSame(out, r);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {10, 21, 32, 13, 24, 35}, out.toFloatArray());
        a.mul(b, out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 20, 60, 30, 80, 150}, out.toFloatArray());
        Tensor doubles = Tensor.zeros(new long[] {2, 3}, DType.FLOAT64);
        a.sub(b, doubles);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-10, -19, -28, -7, -16, -25}, doubles.toDoubleArray());
        Tensor ints = Tensor.zeros(new long[] {2, 3}, DType.INT64);
        TensorException cast = org.junit.jupiter.api.Assertions.assertThrows(TensorException.class, () -> a.div(b, ints));
        org.junit.jupiter.api.Assertions.assertTrue(cast.getMessage().contains("can't be cast"), cast.getMessage());
        TensorException shape = org.junit.jupiter.api.Assertions.assertThrows(TensorException.class,
                () -> a.add(b, Tensor.zeros(3, 2)));
        org.junit.jupiter.api.Assertions.assertTrue(shape.getMessage().contains("[3, 2]"), shape.getMessage());
    }
}
