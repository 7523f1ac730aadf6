package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sorting on lines long enough for the merge steps, with ties and NaN, against a reference order. */
class SortingTest {
    @Test
    void sortIsStableWithNaNLastAscendingAndFirstDescending() {
        Random r = new Random(20);
        for (int n : new int[] {1, 7, 17, 100, 1031}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(12);
                v[i] = k == 0 ? Double.NaN : k == 1 ? -0.0 : k == 2 ? 0.0 : k - 6; // many ties
            }
            Tensor x = Tensor.tensor(v, DType.FLOAT64);
            for (boolean descending : new boolean[] {false, true}) {
                long[] idx = x.sort(0, descending).indices().toLongArray();
                Integer[] expected = new Integer[n];
                for (int i = 0; i < n; i++) {
                    expected[i] = i;
                }
                // The reference: Java's stable sort with PyTorch's comparison (NaN largest, -0.0 == 0.0).
                java.util.Comparator<Integer> asc = (a, b) -> {
                    double p = v[a];
                    double q = v[b];
                    if (p != p) {
                        return q != q ? 0 : 1;
                    }
                    return q != q ? -1 : p < q ? -1 : p > q ? 1 : 0;
                };
                Arrays.sort(expected, descending ? (a, b) -> asc.compare(b, a) : asc);
                long[] want = Arrays.stream(expected).mapToLong(Integer::longValue).toArray();
                assertArrayEquals(want, idx, "n=" + n + " descending=" + descending);
            }
        }
    }

    @Test
    void integerSortAlongAnInnerDimAndTopk() {
        Random r = new Random(21);
        long[] data = new long[3 * 40 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextInt(9) - 4;
        }
        Tensor x = Tensor.fromArray(data, 3, 40, 2);
        ValuesIndices s = x.sort(1, false);
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 2; c++) {
                long prev = Long.MIN_VALUE;
                long prevIdx = -1;
                for (int b = 0; b < 40; b++) {
                    long value = s.values().select(0, a).select(0, b).select(0, c).itemLong();
                    long index = s.indices().select(0, a).select(0, b).select(0, c).itemLong();
                    assertEquals(data[(a * 40 + (int) index) * 2 + c], value);
                    assertTrue(value > prev || (value == prev && index > prevIdx), "stable ascending order");
                    prev = value;
                    prevIdx = index;
                }
            }
        }
        Tensor top = x.topk(5, 1, true, true).values();
        assertArrayEquals(x.sort(1, true).values().narrow(1, 0, 5).contiguous().toLongArray(), top.toLongArray());
    }
}
