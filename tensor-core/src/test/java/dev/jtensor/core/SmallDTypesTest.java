package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The small dtypes (uint8, int8, int16, float16, bfloat16): the promotion table against PyTorch 1.13's
 * {@code torch.promote_types}, the casts' rounding and wrap-around at their edges, arithmetic computed in the wide type
 * and rounded once, .npy round trips and the bfloat16 refusal, and printing.
 */
class SmallDTypesTest {
    private static final DType B = DType.BOOL;
    private static final DType U8 = DType.UINT8;
    private static final DType I8 = DType.INT8;
    private static final DType I16 = DType.INT16;
    private static final DType I32 = DType.INT32;
    private static final DType I64 = DType.INT64;
    private static final DType F16 = DType.FLOAT16;
    private static final DType BF16 = DType.BFLOAT16;
    private static final DType F32 = DType.FLOAT32;
    private static final DType F64 = DType.FLOAT64;

    /** {@code torch.promote_types} of PyTorch 1.13, row and column in the order of {@link #ORDER}. */
    private static final DType[] ORDER = {B, U8, I8, I16, I32, I64, F16, BF16, F32, F64};
    private static final String[] TABLE = {
        //        b    u8   i8   i16  i32  i64  f16  bf16 f32  f64
        /* b   */ "b   u8  i8  i16 i32 i64 f16 bf16 f32 f64",
        /* u8  */ "u8  u8  i16 i16 i32 i64 f16 bf16 f32 f64",
        /* i8  */ "i8  i16 i8  i16 i32 i64 f16 bf16 f32 f64",
        /* i16 */ "i16 i16 i16 i16 i32 i64 f16 bf16 f32 f64",
        /* i32 */ "i32 i32 i32 i32 i32 i64 f16 bf16 f32 f64",
        /* i64 */ "i64 i64 i64 i64 i64 i64 f16 bf16 f32 f64",
        /* f16 */ "f16 f16 f16 f16 f16 f16 f16 f32 f32 f64",
        /* bf16*/ "bf16 bf16 bf16 bf16 bf16 bf16 f32 bf16 f32 f64",
        /* f32 */ "f32 f32 f32 f32 f32 f32 f32 f32 f32 f64",
        /* f64 */ "f64 f64 f64 f64 f64 f64 f64 f64 f64 f64",
    };

    private static DType code(String s) {
        return switch (s) {
            case "b" -> B;
            case "u8" -> U8;
            case "i8" -> I8;
            case "i16" -> I16;
            case "i32" -> I32;
            case "i64" -> I64;
            case "f16" -> F16;
            case "bf16" -> BF16;
            case "f32" -> F32;
            case "f64" -> F64;
            default -> throw new IllegalArgumentException(s);
        };
    }

    @Test
    void promoteTypesIsPyTorchsTable() {
        assertEquals(ORDER.length, DType.values().length, "every dtype is in the table");
        for (int i = 0; i < ORDER.length; i++) {
            String[] row = TABLE[i].trim().split("\\s+");
            for (int j = 0; j < ORDER.length; j++) {
                assertEquals(code(row[j]), DType.promote(ORDER[i], ORDER[j]), ORDER[i] + " with " + ORDER[j]);
            }
        }
    }

    @Test
    void scalarsAndZeroDimTensorsOnlyRaiseTheCategory() {
        assertEquals(U8, DType.resultType(U8, null, DType.Category.INTEGER));
        assertEquals(F32, DType.resultType(I8, null, DType.Category.FLOATING));
        assertEquals(F16, DType.resultType(F16, null, DType.Category.FLOATING));
        assertEquals(BF16, DType.resultType(BF16, F64, null));
        assertEquals(U8, DType.resultType(U8, I64, null));
        assertEquals(F64, DType.resultType(I16, F64, null));
        assertEquals(I8, DType.resultType(B, I8, null));
        // uint8 tensor + 0-d int8 tensor stays uint8 (dimensioned tensors win within a category).
        assertEquals(U8, Tensor.tensor(new long[] {1, 2}, U8).add(Tensor.scalar(3L).to(I8)).dtype());
    }

    @Test
    void namesCategoriesAndComputeTypes() {
        assertEquals(F16, DType.fromName("half"));
        assertEquals(F16, DType.fromName("torch.float16"));
        assertEquals(BF16, DType.fromName("bfloat16"));
        assertEquals(I16, DType.fromName("short"));
        assertEquals(I8, DType.fromName("int8"));
        assertEquals(U8, DType.fromName("torch.uint8"));
        assertEquals("torch.bfloat16", BF16.toString());
        assertEquals("Half", F16.scalarTypeName());
        assertEquals("Byte", U8.scalarTypeName());
        for (DType t : new DType[] {U8, I8, I16}) {
            assertTrue(t.isIntegral() && !t.isFloatingPoint() && t.isReduced(), t.toString());
            assertEquals(I32, t.computeType());
        }
        for (DType t : new DType[] {F16, BF16}) {
            assertTrue(t.isFloatingPoint() && !t.isIntegral() && t.isReduced(), t.toString());
            assertEquals(F32, t.computeType());
        }
        for (DType t : new DType[] {B, I32, I64, F32, F64}) {
            assertFalse(t.isReduced(), t.toString());
            assertEquals(t, t.computeType());
        }
        assertEquals(2, F16.itemSize());
        assertEquals(1, U8.itemSize());
    }

    private static short halfBits(double v) {
        return ((short[]) Tensor.tensor(new double[] {v}, F64).to(F16).toHostArray())[0];
    }

    private static short bfloatBits(double v) {
        return ((short[]) Tensor.tensor(new double[] {v}, F64).to(BF16).toHostArray())[0];
    }

    @Test
    void float16RoundsToNearestEvenOverflowsToInfinityAndKeepsSubnormals() {
        assertEquals((short) 0x3C00, halfBits(1.0 + 0x1p-11), "halfway rounds to the even 1.0");
        assertEquals((short) 0x3C02, halfBits(1.0 + 3 * 0x1p-11), "halfway rounds to the even neighbour above");
        assertEquals((short) 0x3C01, halfBits(1.0 + 0x1p-11 + 0x1p-20), "above halfway rounds up");
        assertEquals((short) 0x7BFF, halfBits(65519.0), "the largest finite");
        assertEquals((short) 0x7C00, halfBits(65520.0), "halfway above the largest finite is infinity");
        assertEquals((short) 0xFC00, halfBits(-1e6));
        assertEquals((short) 0x0001, halfBits(0x1p-24), "the smallest subnormal");
        assertEquals((short) 0x0000, halfBits(0x1p-25), "half the smallest subnormal ties to zero");
        assertEquals((short) 0x0001, halfBits(3 * 0x1p-26));
        assertEquals((short) 0x8000, halfBits(-0.0));
        assertTrue(Float.isNaN(Float.float16ToFloat(halfBits(Double.NaN))));
        // A double goes through float first (C++'s Half(float)): 1 + 2^-11 + 2^-40 is 1 + 2^-11 in float, a tie.
        assertEquals((short) 0x3C00, halfBits(1.0 + 0x1p-11 + 0x1p-40));
        assertArrayEquals(new double[] {0.0999755859375, 65504.0, Double.POSITIVE_INFINITY},
                Tensor.tensor(new double[] {0.1, 65504, 1e5}, F16).toDoubleArray());
    }

    @Test
    void bfloat16RoundsToNearestEvenLikePyTorch() {
        assertEquals((short) 0x3F80, bfloatBits(1.0 + 0x1p-8), "halfway rounds to the even 1.0");
        assertEquals((short) 0x3F82, bfloatBits(1.0 + 3 * 0x1p-8));
        assertEquals((short) 0x3F81, bfloatBits(1.0 + 0x1p-8 + 0x1p-12));
        assertEquals((short) 0x7F80, bfloatBits(Float.MAX_VALUE), "float32's largest rounds to infinity");
        assertEquals((short) 0x7F7F, bfloatBits(3.3895313892515355e38), "bfloat16's largest finite");
        assertEquals((short) 0x0001, bfloatBits(0x1p-133), "the smallest subnormal");
        assertEquals((short) 0x7FC0, bfloatBits(Double.NaN), "PyTorch's NaN");
        assertEquals((short) 0xC2C8, bfloatBits(-100.0));
        assertArrayEquals(new double[] {0.10009765625, 99840.0},
                Tensor.tensor(new double[] {0.1, 1e5}, BF16).toDoubleArray());
    }

    @Test
    void integerCastsWrapAround() {
        Tensor big = Tensor.tensor(new long[] {300, -1, 200, 70000, -129}, I64);
        assertArrayEquals(new long[] {44, 255, 200, 112, 127}, big.to(U8).toLongArray());
        assertArrayEquals(new long[] {44, -1, -56, 112, 127}, big.to(I8).toLongArray());
        assertArrayEquals(new long[] {300, -1, 200, 4464, -129}, big.to(I16).toLongArray());
        assertArrayEquals(new long[] {2, -2, 0}, Tensor.tensor(new double[] {2.7, -2.7, 0.5}).to(I8).toLongArray());
        assertArrayEquals(new byte[] {(byte) 255, 1}, (byte[]) Tensor.tensor(new long[] {255, 1}, U8).toHostArray());
        assertEquals(255, Tensor.tensor(new long[] {255}, U8).itemLong(), "uint8 reads unsigned");
        assertArrayEquals(new boolean[] {true, false, true},
                Tensor.tensor(new double[] {-0.5, -0.0, Double.NaN}, F16).to(B).toBooleanArray());
        assertThrows(TensorException.class, () -> Tensor.tensor(new long[] {256}, U8));
        assertThrows(TensorException.class, () -> Tensor.full(new long[] {2}, 128L, I8));
    }

    @Test
    void smallIntegerArithmeticIsModular() {
        Tensor u = Tensor.tensor(new long[] {200, 0, 255}, U8);
        assertArrayEquals(new long[] {44, 100, 99}, u.add(Tensor.tensor(new long[] {100, 100, 100}, U8)).toLongArray());
        assertArrayEquals(new long[] {56, 0, 1}, u.neg().toLongArray());
        assertArrayEquals(new long[] {44, 44, 44}, u.add(300L).add(u.neg()).toLongArray(), "x + 300 - x");
        Tensor i = Tensor.tensor(new long[] {127, -128, 100}, I8);
        assertArrayEquals(new long[] {-128, -127, 101}, i.add(1L).toLongArray());
        assertArrayEquals(new long[] {127, -128, 100}, i.abs().neg().neg().abs().sub(i.abs()).add(i).toLongArray());
        assertEquals(I16, u.add(i).dtype(), "uint8 + int8 is int16");
        assertArrayEquals(new long[] {327, -128, 355}, u.add(i).toLongArray());
        assertEquals(I64, u.sum().dtype(), "integer sums are int64");
        assertEquals(455, u.sum().itemLong());
        assertEquals(I8, i.sum(new int[] {0}, false, I8).dtype());
        assertEquals(99, i.sum(new int[] {0}, false, I8).itemLong(), "127 - 128 + 100 in int8");
    }

    @Test
    void sixteenBitFloatsComputeInFloat32AndRoundOnce() {
        // Added in float16 one at a time, 2048 + 1 + 1 stays 2048; PyTorch (and JTensor) add in float: 2050.
        Tensor x = Tensor.tensor(new double[] {2048, 1, 1}, F16);
        assertEquals(2050.0, x.sum().item());
        assertEquals(F16, x.sum().dtype());
        Random r = new Random(20);
        double[] a = new double[257];
        double[] b = new double[257];
        for (int k = 0; k < a.length; k++) {
            a[k] = r.nextGaussian() * 100;
            b[k] = r.nextGaussian();
        }
        for (DType t : new DType[] {F16, BF16}) {
            Tensor p = Tensor.tensor(a, t);
            Tensor q = Tensor.tensor(b, t);
            Tensor pw = p.to(F32);
            Tensor qw = q.to(F32);
            assertArrayEquals((short[]) pw.mul(qw).to(t).toHostArray(), (short[]) p.mul(q).toHostArray(), t + " mul");
            assertArrayEquals((short[]) pw.div(qw).to(t).toHostArray(), (short[]) p.div(q).toHostArray(), t + " div");
            assertArrayEquals((short[]) qw.exp().to(t).toHostArray(), (short[]) q.exp().toHostArray(), t + " exp");
            assertArrayEquals((short[]) pw.add(qw, 0.5).to(t).toHostArray(), (short[]) p.add(q, 0.5).toHostArray(),
                    t + " add with alpha");
            Tensor m = p.view(1, 257).matmul(q.view(257, 1));
            assertEquals(t, m.dtype());
            assertArrayEquals((short[]) pw.view(1, 257).matmul(qw.view(257, 1)).to(t).toHostArray(),
                    (short[]) m.toHostArray(), t + " matmul accumulates in float32");
            assertEquals(F32, p.add(Tensor.tensor(b, t == F16 ? BF16 : F16)).dtype(), "float16 with bfloat16");
        }
    }

    @Test
    void dataMovementIsBitExact() {
        short[] bits = {0x7E01, (short) 0xFE00, 0x0001, (short) 0x8000, 0x3C00, 0x7C00};
        Tensor h = Tensor.fromArray(bits, F16, 6);
        assertArrayEquals(bits, (short[]) h.flip(0).flip(0).toHostArray());
        assertArrayEquals(bits, (short[]) Tensor.cat(new Tensor[] {h.slice(0, 0, 3, 1), h.slice(0, 3, 6, 1)}, 0)
                .toHostArray());
        assertArrayEquals(new short[] {bits[5], bits[0]},
                (short[]) h.indexSelect(0, Tensor.tensor(new long[] {5, 0}, I64)).toHostArray());
        assertEquals(5, h.countNonzero().itemLong(), "-0.0 is zero, NaN is not");
        byte[] u = {(byte) 255, 0, 7};
        Tensor t = Tensor.fromArray(u, U8, 3);
        assertArrayEquals(new byte[] {7, 0, (byte) 255}, (byte[]) t.flip(0).toHostArray());
        assertArrayEquals(new long[] {255, 7}, t.maskedSelect(t.ne(0L)).toLongArray());
        // A uint8 index tensor is a mask (PyTorch's legacy byte masks); int8 and int16 ones are refused by name.
        assertArrayEquals(new long[] {255, 7}, t.index(t).toLongArray());
        TensorException e = assertThrows(TensorException.class, () -> t.index(t.to(I8)));
        assertTrue(e.getMessage().contains("int8"), e.getMessage());
    }

    @Test
    void npyRoundTripsAndRefusesBfloat16() throws IOException {
        Tensor[] tensors = {
            Tensor.tensor(new long[][] {{0, 255}, {7, 128}}, U8),
            Tensor.tensor(new long[] {-128, 127, 0}, I8),
            Tensor.tensor(new long[] {-32768, 32767}, I16),
            Tensor.tensor(new double[] {0.1, -65504, Double.NEGATIVE_INFINITY, Double.NaN, 0x1p-24}, F16),
        };
        String[] descr = {"|u1", "|i1", "<i2", "<f2"};
        for (int k = 0; k < tensors.length; k++) {
            Tensor t = tensors[k];
            byte[] bytes = Npy.toBytes(t);
            String header = new String(bytes, 10, 40, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(header.contains("'descr': '" + descr[k] + "'"), header);
            assertEquals(t.numel() * t.dtype().itemSize(), bytes.length - 128, "one item per element");
            Tensor back = Npy.fromBytes(bytes);
            assertEquals(t.dtype(), back.dtype());
            assertArrayEquals(t.shape(), back.shape());
            Object want = t.toHostArray();
            if (want instanceof short[] s) {
                assertArrayEquals(s, (short[]) back.toHostArray());
            } else {
                assertArrayEquals((byte[]) want, (byte[]) back.toHostArray());
            }
        }
        Tensor bf = Tensor.tensor(new double[] {1.5}, BF16);
        TensorException e = assertThrows(TensorException.class, () -> Npy.save(bf, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("bfloat16") && e.getMessage().contains("NumPy"), e.getMessage());
    }

    @Test
    void safetensorsAndCheckpointsRoundTripTheBits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.util.Map<String, Tensor> tensors = new java.util.LinkedHashMap<>();
        tensors.put("u8", Tensor.tensor(new long[] {0, 255, 7}, U8));
        tensors.put("i8", Tensor.tensor(new long[] {-128, 127}, I8));
        tensors.put("i16", Tensor.tensor(new long[] {-32768, 32767}, I16));
        tensors.put("f16", Tensor.tensor(new double[] {0.1, Double.NaN, -0.0, 0x1p-24}, F16));
        tensors.put("bf16", Tensor.tensor(new double[] {0.1, Double.NEGATIVE_INFINITY, 1e-39}, BF16));
        java.nio.file.Path pt = dir.resolve("small.pt");
        TorchCheckpoint.save(tensors, pt);
        for (java.util.Map<String, Tensor> back : java.util.List.of(
                Safetensors.fromBytes(Safetensors.toBytes(tensors, java.util.Map.of())),
                TorchCheckpoint.loadStateDict(pt))) {
            for (var e : tensors.entrySet()) {
                Tensor got = back.get(e.getKey());
                assertEquals(e.getValue().dtype(), got.dtype(), e.getKey());
                Object want = e.getValue().toHostArray();
                if (want instanceof short[] w) {
                    assertArrayEquals(w, (short[]) got.toHostArray(), e.getKey());
                } else {
                    assertArrayEquals((byte[]) want, (byte[]) got.toHostArray(), e.getKey());
                }
            }
        }
    }

    @Test
    void printsAsPyTorch() {
        assertEquals("tensor([0.1000, 2.5000], dtype=torch.float16)",
                Tensor.tensor(new double[] {0.1, 2.5}, F16).toString());
        assertEquals("tensor([1., 2., 3.], dtype=torch.bfloat16)",
                Tensor.tensor(new double[] {1, 2, 3}, BF16).toString());
        assertEquals("tensor([[255,   0],\n        [  7, 128]], dtype=torch.uint8)",
                Tensor.tensor(new long[][] {{255, 0}, {7, 128}}, U8).toString());
        assertEquals("tensor(-32768, dtype=torch.int16)", Tensor.tensor(-32768L, I16).toString());
        assertEquals("tensor([], dtype=torch.int8)", Tensor.tensor(new long[0], I8).toString());
    }
}
