package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Size} prints as torch.Size, compares by value and cannot be changed through its arrays. */
class SizeTest {
    @Test
    void printsAsPyTorch() {
        // print(torch.zeros(2, 3).size()), print(torch.tensor(1.).shape), print(torch.zeros(0, 4, 1).shape)
        assertEquals("torch.Size([2, 3])", Tensor.zeros(2, 3).size().toString());
        assertEquals("torch.Size([])", Tensor.scalar(1.0).size().toString());
        assertEquals("torch.Size([0, 4, 1])", Tensor.zeros(0, 4, 1).size().toString());
    }

    @Test
    void comparesByValue() {
        Tensor x = Tensor.zeros(2, 3);
        assertEquals(Size.of(2, 3), x.size());
        assertEquals(Size.of(2, 3).hashCode(), x.size().hashCode());
        assertEquals(x.size(), x.transpose(0, 1).transpose(0, 1).size());
        assertNotEquals(Size.of(3, 2), x.size());
        assertNotEquals(Size.of(2, 3, 1), x.size());
        assertEquals(Size.of(), Tensor.scalar(2.0).size());
    }

    @Test
    void givesTheNumbers() {
        Size s = Tensor.zeros(2, 3, 4).size();
        assertEquals(3, s.dim());
        assertEquals(2, s.get(0));
        assertEquals(4, s.get(-1));
        assertEquals(24, s.numel());
        assertEquals(1, Size.of().numel());
        assertArrayEquals(new long[] {2, 3, 4}, s.toArray());
    }

    @Test
    void isImmutable() {
        long[] numbers = {2, 3};
        Size s = Size.of(numbers);
        numbers[0] = 7;
        s.toArray()[1] = 9;
        assertEquals(Size.of(2, 3), s);
        Tensor x = Tensor.zeros(2, 3);
        x.size().toArray()[0] = 5;
        assertArrayEquals(new long[] {2, 3}, x.shape());
    }

    @Test
    void badInputIsNamed() {
        TensorException e = assertThrows(TensorException.class, () -> Size.of(2, -1));
        assertTrue(e.getMessage().contains("dim 1") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(TensorException.class, () -> Size.of(2, 3).get(2));
        assertTrue(e.getMessage().contains("[-2, 1]"), e.getMessage());
        e = assertThrows(TensorException.class, () -> Size.of().get(0));
        assertTrue(e.getMessage().contains("torch.Size([])"), e.getMessage());
    }
}
