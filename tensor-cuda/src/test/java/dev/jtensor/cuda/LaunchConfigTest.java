package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LaunchConfigTest {
    @Test
    void oneThreadPerElementUpToTheCap() {
        assertEquals(new LaunchConfig(1, 256), LaunchConfig.forElements(0, 132));
        assertEquals(new LaunchConfig(1, 256), LaunchConfig.forElements(1, 132));
        assertEquals(new LaunchConfig(1, 256), LaunchConfig.forElements(256, 132));
        assertEquals(new LaunchConfig(2, 256), LaunchConfig.forElements(257, 132));
        assertEquals(new LaunchConfig(40, 256), LaunchConfig.forElements(40 * 256, 132));
    }

    @Test
    void largeCountsAreCoveredByTheGridStrideLoop() {
        LaunchConfig c = LaunchConfig.forElements(Integer.MAX_VALUE - 8, 132);
        assertEquals(132 * LaunchConfig.BLOCKS_PER_SM, c.blocks());
        assertTrue((long) c.blocks() * c.threads() <= Integer.MAX_VALUE);
        // An unknown SM count still gives a valid, non-empty grid.
        assertEquals(LaunchConfig.BLOCKS_PER_SM, LaunchConfig.forElements(1L << 30, 0).blocks());
    }

    @Test
    void ceilDivAndNegativeCounts() {
        assertEquals(0, LaunchConfig.ceilDiv(0, 256));
        assertEquals(1, LaunchConfig.ceilDiv(1, 256));
        assertEquals(4, LaunchConfig.ceilDiv(1024, 256));
        assertEquals(5, LaunchConfig.ceilDiv(1025, 256));
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.forElements(-1, 1));
    }

    @Test
    void reductionBlocksDependOnTheLineLengthOnly() {
        assertEquals(new LaunchConfig(1, 32), LaunchConfig.forReduction(1, 1, 132));
        assertEquals(new LaunchConfig(1, 32), LaunchConfig.forReduction(1, 32, 132));
        assertEquals(new LaunchConfig(1, 64), LaunchConfig.forReduction(1, 33, 132));
        assertEquals(new LaunchConfig(7, 256), LaunchConfig.forReduction(7, 100_000, 132));
        for (long lines : new long[] {1, 10, 1_000_000}) {
            assertEquals(128, LaunchConfig.forReduction(lines, 100, 132).threads(), "lines " + lines);
        }
        assertEquals(132 * LaunchConfig.BLOCKS_PER_SM, LaunchConfig.forReduction(1_000_000, 5, 132).blocks());
        assertEquals(256 * 16, LaunchConfig.forReduction(1, 1000, 1).reductionSharedBytes());
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.forReduction(1, 0, 1));
    }
}
