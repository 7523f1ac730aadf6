package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JTensor's number formatting against Python's {@code format}, which PyTorch's printer uses. */
class ElementFormatterTest {
    @Test
    void fixedAndScientificMatchPythonFormat() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/printing/python-float-format.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            double v = Double.parseDouble(f[0]);
            int precision = Integer.parseInt(f[1]);
            assertEquals(f[2], ElementFormatter.fixed(v, precision), () -> "fixed " + line);
            assertEquals(f[3], ElementFormatter.sci(v, precision), () -> "sci " + line);
            checked++;
        }
        assertTrue(checked > 1000, "expected the whole reference table, checked " + checked);
    }

    @Test
    void nonFiniteValuesAsPython() {
        assertEquals("nan", ElementFormatter.fixed(Double.NaN, 4));
        assertEquals("inf", ElementFormatter.sci(Double.POSITIVE_INFINITY, 4));
        assertEquals("-inf", ElementFormatter.fixed(Double.NEGATIVE_INFINITY, 0));
        assertEquals("-0.0000", ElementFormatter.fixed(-1e-9, 4));
        assertEquals("-0.0000e+00", ElementFormatter.sci(-0.0, 4));
    }
}
