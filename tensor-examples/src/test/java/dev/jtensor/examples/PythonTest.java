package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's printing of the values the examples print. */
class PythonTest {
    @Test
    void floatsAsPythonReprWritesThem() {
        assertEquals("104.0", Python.floatRepr(104.0));
        assertEquals("3.775930404663086", Python.floatRepr(3.7759304046630859));
        assertEquals("0.1", Python.floatRepr(0.1));
        assertEquals("0.0001", Python.floatRepr(1e-4));
        assertEquals("1e-05", Python.floatRepr(1e-5));
        assertEquals("1.5e-07", Python.floatRepr(1.5e-7));
        assertEquals("1234567.0", Python.floatRepr(1234567.0));
        assertEquals("1e+16", Python.floatRepr(1e16));
        assertEquals("-2.5", Python.floatRepr(-2.5));
        assertEquals("-0.0", Python.floatRepr(-0.0));
        assertEquals("nan", Python.floatRepr(Double.NaN));
        assertEquals("-inf", Python.floatRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void otherValues() {
        assertEquals("True", Python.str(true));
        assertEquals("None", Python.str(null));
        assertEquals("torch.Size([8, 3, 4])", Python.str(new long[] {8, 3, 4}));
        assertEquals("torch.Size([])", Python.str(new long[0]));
        assertEquals("[1, 'a', False]", Python.str(List.of(1, "a", false)));
        assertEquals("text", Python.str("text"));
    }

    /** Values checked with Python 3: {@code f"{x:.2f}"} rounds the exact binary value half-even and keeps {@code -0.00}. */
    @Test
    void fixedPointAsPythonFormatsIt() {
        assertEquals("0.12", Python.fixed(0.125, 2));
        assertEquals("0.38", Python.fixed(0.375, 2));
        assertEquals("2.67", Python.fixed(2.675, 2));
        assertEquals("0.59", Python.fixed(0.5862, 2));
        assertEquals("-1.13", Python.fixed(-1.1316, 2));
        assertEquals("-0.00", Python.fixed(-0.001, 2));
        assertEquals("-0.00", Python.fixed(-0.0, 2));
        assertEquals("0.00", Python.fixed(0.0, 2));
        assertEquals("650.00", Python.fixed(650, 2));
        assertEquals("nan", Python.fixed(Double.NaN, 2));
    }

    @Test
    void fStringsFormatZeroDimTensorsAsNumbers() {
        assertEquals("54", Python.format(Tensor.scalar(54L)));
        assertEquals("2.5", Python.format(Tensor.scalar(2.5)));
        assertEquals("True", Python.format(Tensor.tensor(true)));
        assertEquals("tensor([1, 2])", Python.format(Tensor.tensor(new long[] {1, 2})));
        assertEquals("text", Python.format("text"));
    }

    @Test
    void types() {
        assertEquals("<class 'list'>", Python.type(List.of(1)));
        assertEquals("<class 'torch.Tensor'>", Python.type(Tensor.scalar(1L)));
        assertEquals("<class 'float'>", Python.type(104.0));
        assertEquals("<class 'int'>", Python.type(3L));
        assertThrows(IllegalArgumentException.class, () -> Python.type(new Object()));
    }

    @Test
    void parameterRepr() {
        assertEquals("Parameter containing:\ntensor([1., 2.], requires_grad=True)",
                Python.parameter(Tensor.tensor(new double[] {1, 2}).requiresGrad(true)));
    }
}
