package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 19, item 3: every size computation is checked, and the error names the requested size. */
class ShapeOverflowTest {
    private static void fails(Executable call, String... named) {
        TensorException e = assertThrows(TensorException.class, call);
        for (String s : named) {
            assertTrue(e.getMessage().contains(s), () -> "message should name " + s + ": " + e.getMessage());
        }
    }

    @Test
    void linspaceWithMoreStepsThanAStorageHolds() {
        fails(() -> Tensor.linspace(0, 1, (1L << 32) + 3), "linspace", "4294967299");
        fails(() -> Tensor.linspace(0, 1, 1L << 40), "linspace", "1099511627776");
        fails(() -> Tensor.linspace(0, 1, 1L << 31), "linspace", "2147483648");
        fails(() -> Tensor.linspace(0, 1, 1L << 31, DType.FLOAT64), "2147483648");
        fails(() -> Tensor.linspace(0, 1, -1), "-1");
    }

    @Test
    void arangeWithMoreElementsThanAStorageHolds() {
        fails(() -> Tensor.arange(0, 1e18, 1), "arange", "1.0E18");
        fails(() -> Tensor.arange(0, 1e300, 1e-300), "arange");
        fails(() -> Tensor.arange(0, 1L << 40), "arange", "1099511627776");
        fails(() -> Tensor.arange(Long.MIN_VALUE, Long.MAX_VALUE, 1), "arange", String.valueOf(Long.MIN_VALUE));
        fails(() -> Tensor.arange(Long.MAX_VALUE - 5, Long.MAX_VALUE, Long.MIN_VALUE), "arange");
        assertArrayEquals(new long[] {Long.MAX_VALUE - 3, Long.MAX_VALUE - 1},
                Tensor.arange(Long.MAX_VALUE - 3, Long.MAX_VALUE, 2).toLongArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1}, Tensor.arange(Long.MIN_VALUE, 0, Long.MAX_VALUE).toLongArray());
    }

    @Test
    void repeatWhoseSizeOverflows() {
        fails(() -> Tensor.ones(2).repeat(1L << 62), "repeat", "4611686018427387904");
        fails(() -> Tensor.ones(1).repeat(1L << 62), "4611686018427387904");
        fails(() -> Tensor.ones(3, 1).repeat(1L << 40, 1L << 40), "1099511627776");
    }

    @Test
    void narrowAndSliceNearLongMax() {
        fails(() -> Tensor.ones(4).narrow(0, 1, Long.MAX_VALUE), "length (" + Long.MAX_VALUE + ")");
        fails(() -> Tensor.ones(4).narrow(0, -1, Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE));
        assertArrayEquals(new long[] {1}, Tensor.ones(5).slice(0, 0, 5, Long.MAX_VALUE).shape());
        assertArrayEquals(new long[] {3}, Tensor.ones(5).slice(0, 2, Long.MAX_VALUE, 1).shape());
    }

    @Test
    void viewsWhoseElementCountOverflows() {
        fails(() -> Tensor.zeros(0).view(0, 1L << 62, 1L << 62), "[0, 4611686018427387904, 4611686018427387904]");
        fails(() -> Tensor.zeros(0).view(1L << 62, 1L << 62, 0), "[4611686018427387904, 4611686018427387904, 0]");
        fails(() -> Tensor.zeros(0).reshape(-1, 1L << 62, 1L << 62), "4611686018427387904");
        fails(() -> Tensor.ones(1, 1, 1).expand(1L << 40, 1L << 40, 1L << 40), "[1099511627776, 1099511627776, 1099511627776]");
        fails(() -> Tensor.zeros(new long[] {0, 1L << 62, 1L << 62}, DType.FLOAT32), "4611686018427387904");
        fails(() -> Tensor.zeros(new long[] {1L << 62, 1L << 62, 0}, DType.FLOAT32), "4611686018427387904");
        // An expanded view may exceed a storage's size as long as its element count fits a long.
        assertArrayEquals(new long[] {1L << 31, 1L << 31}, Tensor.ones(1, 1).expand(1L << 31, 1L << 31).shape());
    }

    @Test
    void splitAndChunkWithHugeSizes() {
        assertArrayEquals(new long[] {4}, Tensor.ones(4).split(Long.MAX_VALUE, 0)[0].shape());
        assertTrue(Tensor.ones(4).split(Long.MAX_VALUE, 0).length == 1);
        assertTrue(Tensor.ones(4).chunk(Long.MAX_VALUE, 0).length == 4);
        assertTrue(Tensor.zeros(0, 2).chunk(3, 0).length == 3);
        fails(() -> Tensor.ones(4).split(new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 6}, 0), "split_with_sizes",
                "sum exactly to 4");
        fails(() -> Tensor.zeros(0).chunk(1L << 40, 0), "chunk", "1099511627776");
        fails(() -> Tensor.ones(1).expand((1L << 31) + 5).split(1, 0), "split", "2147483653");
    }
}
