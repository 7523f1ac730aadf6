package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * The kernel parameter block, read back from native memory (JavaCPP's own library, no CUDA): a
 * table of pointers, each to its 8-byte aligned value, as {@code cuLaunchKernel} expects.
 */
class KernelArgsTest {
    private static final class At extends Pointer {
        At(long address) {
            this.address = address;
        }
    }

    private static BytePointer at(long address) {
        return new BytePointer(new At(address)).capacity(64);
    }

    @Test
    void valuesAreWhereTheTablePoints() {
        int[] iter = new int[IterParams.INTS];
        for (int i = 0; i < iter.length; i++) {
            iter[i] = 1000 + i;
        }
        Pointer params = KernelArgs.begin().i32(7).ints(iter).ptr(0x7f12_3456_7890L).f64(-2.5).i64(Long.MIN_VALUE)
                .f32(1.5f).params();
        LongPointer table = new LongPointer(params).capacity(6);
        long base = table.get(0);
        assertEquals(7, at(base).getInt(0));
        assertEquals(8, table.get(1) - base, "the struct starts at the next 8-byte boundary");
        for (int i = 0; i < iter.length; i++) {
            assertEquals(1000 + i, at(table.get(1) + 4L * i).getInt(0));
        }
        assertEquals(8 + IterParams.INTS * 4, table.get(2) - base);
        assertEquals(0x7f12_3456_7890L, at(table.get(2)).getLong(0));
        assertEquals(-2.5, at(table.get(3)).getDouble(0));
        assertEquals(Long.MIN_VALUE, at(table.get(4)).getLong(0));
        assertEquals(1.5f, at(table.get(5)).getFloat(0));
        for (int k = 0; k < 6; k++) {
            assertEquals(0, table.get(k) % 8, "argument " + k + " is 8-byte aligned");
        }
    }

    @Test
    void beginEmptiesTheBlockAndOverflowIsCaught() {
        KernelArgs.begin().i64(1).i64(2);
        LongPointer table = new LongPointer(KernelArgs.begin().i64(3).params()).capacity(1);
        assertEquals(3, at(table.get(0)).getLong(0));
        KernelArgs a = KernelArgs.begin();
        for (int i = 0; i < 32; i++) {
            a.i32(i);
        }
        assertThrows(IllegalStateException.class, () -> a.i32(32));
    }
}
