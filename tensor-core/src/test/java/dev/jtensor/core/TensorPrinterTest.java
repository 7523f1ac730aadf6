package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Printing edge cases; expected texts are what PyTorch's {@code repr} prints for the same tensors. */
class TensorPrinterTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Tensor floats(double... v) {
        return Tensor.tensor(v);
    }

    @Test
    void emptyTensorsShowSizeAndDtype() {
        assertEquals("tensor([])", Tensor.zeros(0).toString());
        assertEquals("tensor([], size=(2, 0))", Tensor.zeros(2, 0).toString());
        assertEquals("tensor([], dtype=torch.int64)", Tensor.zeros(new long[] {0}, DType.INT64).toString());
        assertEquals("tensor([], size=(0, 3), dtype=torch.bool)", Tensor.zeros(new long[] {0, 3}, DType.BOOL).toString());
        assertEquals("tensor([], size=(1, 0, 2), dtype=torch.int32)",
                Tensor.zeros(new long[] {1, 0, 2}, DType.INT32).toString());
    }

    @Test
    void zeroDimTensors() {
        assertEquals("tensor(3.)", Tensor.scalar(3.0).toString());
        assertEquals("tensor(3)", Tensor.scalar(3L).toString());
        assertEquals("tensor(True)", Tensor.scalar(true).toString());
        assertEquals("tensor(2.5000, dtype=torch.float64)", Tensor.scalar(2.5, DType.FLOAT64).toString());
        assertEquals("tensor(-7, dtype=torch.int32)", Tensor.scalar(-7, DType.INT32).toString());
        assertEquals("tensor(1.0000e-05)", Tensor.scalar(1e-5).toString());
        assertEquals("tensor(0.)", Tensor.scalar(0.0).toString());
        assertEquals("tensor(-0.)", Tensor.scalar(-0.0).toString());
        assertEquals("tensor(inf)", Tensor.scalar(INF).toString());
    }

    @Test
    void magnitudesChooseScientificNotation() {
        // Integer-valued, but spread wider than 1000x: scientific.
        assertEquals("tensor([1.0000e+20, 1.0000e+00])", floats(1e20, 1).toString());
        assertEquals("tensor([1.0000e+08, 2.0000e+08])", floats(1e8, 2e8).toString());
        // Exactly 1000x apart stays in integer mode.
        assertEquals("tensor([1000.,    1.])", floats(1000, 1).toString());
        assertEquals("tensor([1.0000e-08])", floats(1e-8).toString());
        assertEquals("tensor([1.2346e+08, 5.0000e-01])", floats(123456789, 0.5).toString());
        // float32 123456.7 is 123456.703125.
        assertEquals("tensor([123456.7031])", floats(123456.7).toString());
        assertEquals("tensor([ 0.0010, -0.5000])", floats(0.001, -0.5).toString());
    }

    @Test
    void integersWithNegativeNumbersShareOneWidth() {
        assertEquals("tensor([  -1,   10, -100])", Tensor.tensor(new long[] {-1, 10, -100}).toString());
        assertEquals("tensor([[ 0, -1],\n        [12,  3]], dtype=torch.int32)",
                Tensor.tensor(new int[][] {{0, -1}, {12, 3}}, DType.INT32).toString());
        assertEquals("tensor([-9223372036854775808,  9223372036854775807])",
                Tensor.tensor(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}).toString());
    }

    @Test
    void boolTensors() {
        assertEquals("tensor([ True, False])", Tensor.tensor(new boolean[] {true, false}).toString());
        assertEquals("tensor([[True],\n        [True]])", Tensor.tensor(new boolean[][] {{true}, {true}}).toString());
    }

    @Test
    void nanAndInfinityMixedWithNumbers() {
        assertEquals("tensor([   nan, 1.5000,   -inf])", floats(NAN, 1.5, -INF).toString());
        assertEquals("tensor([nan, nan])", floats(NAN, NAN).toString());
        assertEquals("tensor([-inf, inf])", floats(-INF, INF).toString());
        assertEquals("tensor([1., inf, nan])", floats(1, INF, NAN).toString());
        assertEquals("tensor([       nan, 1.0000e-05, 1.0000e+05])", floats(NAN, 1e-5, 1e5).toString());
        assertEquals("tensor([nan, 0., -0.])", floats(NAN, 0, -0.0).toString());
    }

    @Test
    void negativeZeroIsNotPaddedToTheNonZeroWidth() {
        assertEquals("tensor([-0.0000, 0.5000])", floats(-0.0, 0.5).toString());
        assertEquals("tensor([-0., 0., 2.])", floats(-0.0, 0, 2).toString());
    }

    @Test
    void float64AndInt32Suffixes() {
        assertEquals("tensor([1.5000, 2.0000], dtype=torch.float64)",
                Tensor.tensor(new double[] {1.5, 2}, DType.FLOAT64).toString());
        assertEquals("tensor([1, 2], dtype=torch.int32)", Tensor.tensor(new int[] {1, 2}, DType.INT32).toString());
        assertEquals("tensor([1, 2])", Tensor.tensor(new int[] {1, 2}).toString());
    }

    @Test
    void summarisedTwoDims() {
        String expected = """
                tensor([[   0,    1,    2,  ...,   17,   18,   19],
                        [  20,   21,   22,  ...,   37,   38,   39],
                        [  40,   41,   42,  ...,   57,   58,   59],
                        ...,
                        [1940, 1941, 1942,  ..., 1957, 1958, 1959],
                        [1960, 1961, 1962,  ..., 1977, 1978, 1979],
                        [1980, 1981, 1982,  ..., 1997, 1998, 1999]])""";
        assertEquals(expected, Tensor.arange(2000).view(100, 20).toString());
        String zeros = """
                tensor([[0., 0., 0.,  ..., 0., 0., 0.],
                        [0., 0., 0.,  ..., 0., 0., 0.],
                        [0., 0., 0.,  ..., 0., 0., 0.],
                        ...,
                        [0., 0., 0.,  ..., 0., 0., 0.],
                        [0., 0., 0.,  ..., 0., 0., 0.],
                        [0., 0., 0.,  ..., 0., 0., 0.]])""";
        assertEquals(zeros, Tensor.zeros(1000, 1000).toString());
    }

    @Test
    void summarisedThreeDimsWithOptions() {
        PrintOptions opts = PrintOptions.DEFAULT.withThreshold(5).withEdgeItems(1);
        String expected = """
                tensor([[[ 0,  ...,  2],
                         ...,
                         [ 6,  ...,  8]],

                        ...,

                        [[18,  ..., 20],
                         ...,
                         [24,  ..., 26]]])""";
        assertEquals(expected, TensorPrinter.repr(Tensor.arange(27).view(3, 3, 3), opts));
        // Only dims longer than 2 * edgeItems are cut.
        assertEquals("tensor([[0,  ..., 4],\n        [5,  ..., 9]])",
                TensorPrinter.repr(Tensor.arange(10).view(2, 5), opts.withEdgeItems(1)));
    }

    @Test
    void formatterWidthComesFromPrintedElementsOnly() {
        // The hidden middle element 1000000 does not widen the columns.
        Tensor t = Tensor.tensor(new long[] {1, 2, 3, 1000000, 4, 5, 6});
        assertEquals("tensor([1, 2, 3,  ..., 4, 5, 6])", TensorPrinter.repr(t, PrintOptions.DEFAULT.withThreshold(6)));
    }

    @Test
    void rowsWrapAtTheLineWidth() {
        PrintOptions narrow = PrintOptions.DEFAULT.withLineWidth(20);
        assertEquals("tensor([0, 1, 2, 3,\n        4, 5, 6, 7,\n        8, 9])",
                TensorPrinter.repr(Tensor.arange(10), narrow));
        // Narrower than one element: one element per line.
        assertEquals("tensor([10,\n        11])", TensorPrinter.repr(Tensor.arange(10, 12), PrintOptions.DEFAULT.withLineWidth(3)));
    }

    @Test
    void precisionAndSciModeOptions() {
        assertEquals("tensor([1.12])", TensorPrinter.repr(floats(1.12345), PrintOptions.DEFAULT.withPrecision(2)));
        assertEquals("tensor([1.1235])", floats(1.12345).toString());
        assertEquals("tensor([1.2346e+00])",
                TensorPrinter.repr(floats(1.23456), PrintOptions.DEFAULT.withSciMode(PrintOptions.SciMode.ON)));
        // A forced mode keeps the width measured for the automatic choice (10 for "1.0000e-05").
        assertEquals("tensor([    0.0000, 100000.0000])",
                TensorPrinter.repr(floats(1e-5, 1e5), PrintOptions.DEFAULT.withSciMode(PrintOptions.SciMode.OFF)));
        assertEquals("tensor([1e+00, 2e+03])", TensorPrinter.repr(floats(1, 2000), PrintOptions.DEFAULT.withPrecision(0)));
        PrintOptions shortProfile = PrintOptions.profile("short");
        assertEquals("tensor([   0,    1,  ..., 1998, 1999])", TensorPrinter.repr(Tensor.arange(2000), shortProfile));
        assertEquals(2000, TensorPrinter.repr(Tensor.arange(2000), PrintOptions.profile("full")).split(",").length);
    }

    @Test
    void globalOptionsAreUsedByToStringAndRestorable() {
        PrintOptions previous = TensorPrinter.setPrintOptions(PrintOptions.DEFAULT.withPrecision(1));
        try {
            assertSame(PrintOptions.DEFAULT, previous);
            assertEquals("tensor([0.1, 0.2])", floats(0.125, 0.25).toString());
        } finally {
            TensorPrinter.setPrintOptions(previous);
        }
        assertEquals("tensor([0.1250, 0.2500])", floats(0.125, 0.25).toString());
    }

    @Test
    void invalidOptionsAreRejected() {
        TensorException e = assertThrows(TensorException.class, () -> PrintOptions.DEFAULT.withEdgeItems(0));
        assertTrue(e.getMessage().contains("edgeItems must be >= 1, got 0"), e.getMessage());
        assertThrows(TensorException.class, () -> PrintOptions.DEFAULT.withPrecision(-1));
        assertThrows(TensorException.class, () -> PrintOptions.profile("long"));
        assertThrows(TensorException.class, () -> TensorPrinter.setPrintOptions(null));
    }

    @Test
    void autogradSuffixes() {
        Tensor m = Tensor.tensor(new double[][] {{1, 2}, {3, 4}});
        assertEquals("tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)",
                TensorPrinter.repr(m, PrintOptions.DEFAULT, true, null));
        // The suffix moves to its own line when it would pass the line width.
        Tensor row = Tensor.full(new long[] {8}, -1.5);
        assertEquals("tensor([-1.5000, -1.5000, -1.5000, -1.5000, -1.5000, -1.5000, -1.5000, -1.5000],\n"
                + "       requires_grad=True)", TensorPrinter.repr(row, PrintOptions.DEFAULT, true, null));
        Tensor d = Tensor.tensor(new double[] {1.5}, DType.FLOAT64);
        assertEquals("tensor([1.5000], dtype=torch.float64, requires_grad=True)",
                TensorPrinter.repr(d, PrintOptions.DEFAULT, true, null));
        Tensor y = Tensor.tensor(new double[] {1.5});
        y.attachGradFn(() -> "AddBackward0", 0);
        assertEquals("tensor([1.5000], grad_fn=<AddBackward0>)", y.toString());
    }

    @Test
    void stridedViewsPrintInLogicalOrder() {
        assertEquals("tensor([[0, 3],\n        [1, 4],\n        [2, 5]])", Tensor.arange(6).view(2, 3).t().toString());
        assertEquals("tensor([[7, 8],\n        [7, 8]])", Tensor.arange(6, 9).slice(0, 1, 3, 1).expand(2, -1).toString());
        assertEquals("tensor([1, 3, 5])", Tensor.arange(7).slice(0, 1, 7, 2).toString());
    }
}
