package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
