package dev.jtensor.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The iterator's flat fast path (contiguous operands of one shape, and one-element operands) builds
 * exactly the iterator the general broadcast/reorder/coalesce path builds for the same operands.
 */
class TensorIteratorFlatTest {
    @Property(tries = 300)
    void flatPathMatchesGeneralPath(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        int rank = rnd.nextInt(5);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + rnd.nextInt(4);
        }
        Tensor out = Tensor.zeros(shape);
        int n = rnd.nextInt(4);
        Tensor[] inputs = new Tensor[n];
        for (int k = 0; k < n; k++) {
            if (rnd.nextBoolean()) {
                // A one-element operand of any rank up to the output's.
                long[] ones = new long[rnd.nextInt(rank + 1)];
                java.util.Arrays.fill(ones, 1);
                inputs[k] = Tensor.zeros(ones);
            } else if (rnd.nextBoolean()) {
                // A contiguous slice with an offset into a larger storage.
                long[] big = shape.clone();
                if (rank > 0) {
                    big[0] += 2;
                }
                inputs[k] = rank > 0 ? Tensor.zeros(big).narrow(0, 1, shape[0]) : Tensor.zeros(shape);
            } else {
                inputs[k] = Tensor.zeros(shape);
            }
        }
        TensorIterator flat = TensorIterator.flat(out, inputs);
        TensorIterator general = TensorIterator.general(out, inputs);
        assertNotNull(flat);
        assertSameIteration(general, flat);
    }

    @Test
    void inPlaceOnItselfIsFlatAndPartialOverlapStillFails() {
        Tensor x = Tensor.arange(0.0, 6.0, 1.0).view(2, 3);
        TensorIterator it = TensorIterator.flat(x, new Tensor[] {x, x});
        assertNotNull(it);
        assertSameIteration(TensorIterator.general(x, x, x), it);
        Tensor base = Tensor.zeros(8);
        Tensor a = base.narrow(0, 0, 6);
        Tensor b = base.narrow(0, 2, 6);
        TensorException flatError = assertThrows(TensorException.class, () -> TensorIterator.of(a, b));
        TensorException generalError = assertThrows(TensorException.class, () -> TensorIterator.general(a, b));
        assertEquals(generalError.getMessage(), flatError.getMessage());
    }

    @Test
    void otherLayoutsAreNotFlat() {
        Tensor out = Tensor.zeros(2, 3);
        assertNull(TensorIterator.flat(out, new Tensor[] {Tensor.zeros(3, 2).t()}), "transposed input");
        assertNull(TensorIterator.flat(out, new Tensor[] {Tensor.zeros(3)}), "broadcast input");
        assertNull(TensorIterator.flat(out, new Tensor[] {Tensor.zeros(1, 1, 1)}), "input of higher rank");
        assertNull(TensorIterator.flat(Tensor.zeros(3, 2).t(), new Tensor[] {out}), "transposed output");
        assertNull(TensorIterator.flat(Tensor.zeros(2, 0), new Tensor[] {Tensor.zeros(2, 0)}), "empty output");
        assertThrows(TensorException.class, () -> TensorIterator.of(out, Tensor.zeros(1, 1, 1)));
    }

    private static void assertSameIteration(TensorIterator expected, TensorIterator actual) {
        assertEquals(expected.numel(), actual.numel());
        assertEquals(expected.operandCount(), actual.operandCount());
        assertArrayEquals(expected.iterationShape(), actual.iterationShape());
        for (int k = 0; k < expected.operandCount(); k++) {
            assertSame(expected.operand(k), actual.operand(k));
            assertArrayEquals(expected.iterationStrides(k), actual.iterationStrides(k), "operand " + k);
            assertEquals(expected.innerStride(k), actual.innerStride(k));
        }
    }
}
