package dev.jtensor.core.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Device;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The storage pool ({@link CpuArrayPool}): a recycled array reaches a zeroed allocation as zeros, an
 * array comes back only once no tensor or view refers to its storage, the pool stays within its
 * bytes, and ops give the same bits whether their new outputs start as zeros or as garbage.
 */
class CpuArrayPoolTest {
    /** Floats per test storage: above the pooling threshold, and a length no other test allocates. */
    private static final int N = (int) (CpuArrayPool.MIN_BYTES / 4) + 4099;

    private final boolean poisonBefore = CpuArrayPool.poison();

    @AfterEach
    void restorePoison() {
        CpuArrayPool.setPoison(poisonBefore);
    }

    /** Collects garbage until {@code done} holds (the cleaner runs on its own thread), at most ~20 s. */
    private static boolean gcUntil(Supplier<Boolean> done) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (done.get()) {
                return true;
            }
            System.gc();
            Thread.sleep(100);
        }
        return done.get();
    }

    @Test
    void zeroedAllocationIsZeroAfterReuseAndUninitialisedOneIsTheRecycledArray() throws Exception {
        CpuArrayPool pool = new CpuArrayPool(64L << 20);
        CpuStorage s = pool.allocate(DType.FLOAT32, N, false);
        float[] first = (float[]) s.array();
        Arrays.fill(first, 7.5f);
        s = null;
        assertTrue(gcUntil(() -> pool.heldBytes() > 0), "the array never came back");
        long hits = pool.counters()[0];
        CpuStorage zeroed = pool.allocate(DType.FLOAT32, N, true);
        assertSame(first, zeroed.array(), "the recycled array is handed out");
        assertEquals(hits + 1, pool.counters()[0]);
        for (float v : (float[]) zeroed.array()) {
            assertEquals(0f, v);
        }
        Arrays.fill(first, -3f);
        zeroed = null;
        assertTrue(gcUntil(() -> pool.heldBytes() > 0), "the array never came back a second time");
        CpuArrayPool.setPoison(false);
        CpuStorage raw = pool.allocate(DType.FLOAT32, N, false);
        assertSame(first, raw.array());
        assertEquals(-3f, ((float[]) raw.array())[N - 1], "an uninitialised allocation keeps the old values");
    }

    @Test
    void anArrayComesBackOnlyOnceNoViewReferstoItsStorage() throws Exception {
        CpuArrayPool pool = new CpuArrayPool(64L << 20);
        CpuStorage s = pool.allocate(DType.FLOAT32, N, false);
        float[] array = (float[]) s.array();
        Tensor base = new Tensor(s, new long[] {N}, new long[] {1}, 0);
        Tensor view = base.narrow(0, 1, N - 2);
        s = null;
        base = null;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            // Storages allocated here die and come back; the view's never does.
            CpuStorage other = pool.allocate(DType.FLOAT32, N, false);
            assertNotSame(array, other.array(), "returned while a view of the storage is alive");
            for (Object a; (a = pool.take(DType.FLOAT32, N)) != null; ) {
                assertNotSame(array, a, "returned while a view of the storage is alive");
            }
        }
        assertEquals(N - 2, view.numel());
        view = null;
        List<Object> taken = new ArrayList<>();
        assertTrue(gcUntil(() -> {
            for (Object a; (a = pool.take(DType.FLOAT32, N)) != null; ) {
                taken.add(a);
            }
            return taken.stream().anyMatch(a -> a == array);
        }), "never returned after the view died");
    }

    @Test
    void staysWithinItsBytesAndEvictsTheLeastRecentlyUsedLengthFirst() {
        long bytes = 4L * N;
        CpuArrayPool pool = new CpuArrayPool(3 * bytes + 64);
        float[] a = new float[N];
        float[] b = new float[N];
        pool.give(DType.FLOAT32, a);
        pool.give(DType.FLOAT32, b);
        float[] longer = new float[N + 1];
        pool.give(DType.FLOAT32, longer);
        assertEquals(3 * bytes + 4, pool.heldBytes());
        // A fourth array does not fit: the least recently used length (N) loses its oldest array.
        float[] d = new float[N];
        pool.give(DType.FLOAT32, new float[N + 1]);
        assertEquals(3 * bytes + 8, pool.heldBytes());
        assertEquals(1, pool.counters()[3], "one array dropped");
        assertSame(b, pool.take(DType.FLOAT32, N), "the newest array of a length is handed out first");
        assertEquals(null, pool.take(DType.FLOAT32, N), "a was evicted");
        // An array larger than the whole pool is not kept.
        pool.give(DType.FLOAT32, new float[4 * N]);
        assertEquals(2, pool.counters()[3]);
        pool.give(DType.FLOAT32, d);
        assertSame(d, pool.take(DType.FLOAT32, N));
        assertEquals(null, pool.take(DType.FLOAT64, N), "dtypes do not share arrays");
    }

    @Test
    void smallStoragesAndAnEmptyPoolAreNotPooled() {
        CpuArrayPool pool = new CpuArrayPool(64L << 20);
        assertFalse(pool.pools(CpuArrayPool.MIN_BYTES - 1));
        assertTrue(pool.pools(CpuArrayPool.MIN_BYTES));
        assertFalse(new CpuArrayPool(0).pools(CpuArrayPool.MIN_BYTES));
        CpuStorage small = pool.allocate(DType.INT64, 16, true);
        assertEquals(16, small.size());
        assertEquals(0, pool.counters()[1], "a small allocation does not even look in the pool");
    }

    @Test
    void poisonFillsUninitialisedAllocationsOnly() {
        CpuArrayPool pool = new CpuArrayPool(0);
        CpuArrayPool.setPoison(true);
        float[] raw = (float[]) pool.allocate(DType.FLOAT32, 10, false).array();
        assertTrue(Float.isNaN(raw[9]));
        long[] ints = (long[]) pool.allocate(DType.INT64, 3, false).array();
        assertEquals(0x5a5a5a5a5a5a5a5aL, ints[0]);
        boolean[] bools = (boolean[]) pool.allocate(DType.BOOL, 3, false).array();
        assertTrue(bools[2]);
        assertArrayEquals(new float[10], (float[]) pool.allocate(DType.FLOAT32, 10, true).array());
        assertArrayEquals(new float[3], Tensor.zeros(3).toFloatArray());
        assertArrayEquals(new float[3], Tensor.empty(new long[] {3}, DType.FLOAT32, Device.CPU).toFloatArray(),
                "empty() stays zero-filled");
    }

    /** The ops whose new outputs are uninitialised: results with garbage outputs equal those with zeroed ones. */
    @Test
    void opsGiveTheSameBitsWhenTheirNewOutputsStartAsGarbage() {
        CpuArrayPool.setPoison(false);
        List<Tensor> clean = ops();
        CpuArrayPool.setPoison(true);
        List<Tensor> poisoned = ops();
        assertEquals(clean.size(), poisoned.size());
        for (int i = 0; i < clean.size(); i++) {
            Tensor c = clean.get(i);
            Tensor p = poisoned.get(i);
            assertArrayEquals(c.shape(), p.shape(), "op " + i);
            assertArrayEquals(c.to(DType.FLOAT64).toDoubleArray(), p.to(DType.FLOAT64).toDoubleArray(), 0.0,
                    "op " + i + " differs when its output starts as garbage");
        }
    }

    private static List<Tensor> ops() {
        Generator g = Tensor.manualSeed(3);
        Tensor a = Tensor.randn(g, 67, 129);
        Tensor b = Tensor.randn(g, 129);
        Tensor m = Tensor.randn(g, 129, 33);
        Tensor idx = Tensor.fromArray(new long[] {5, 0, 66, 5, 12}, 5);
        Tensor t = a.t();
        List<Tensor> r = new ArrayList<>();
        r.add(a.add(b));
        r.add(t.mul(2.5));
        r.add(a.exp());
        r.add(a.gt(b));
        r.add(Tensor.where(a.gt(0.0), a, b));
        r.add(a.clamp(-0.5, 0.5));
        r.add(a.index(idx));
        r.add(a.matmul(m));
        r.add(t.matmul(a));
        r.add(a.matmul(b));
        r.add(a.sum(1));
        r.add(a.sum(new int[] {0}, true));
        r.add(a.amax(0));
        r.add(a.argmax(1));
        r.add(a.cumsum(1));
        r.add(a.narrow(1, 0, 0).sum(1));
        r.add(t.contiguous());
        r.add(t.clone());
        r.add(a.to(DType.FLOAT64));
        r.add(a.to(DType.INT32));
        r.add(a.flip(0, 1));
        r.add(Tensor.randn(g, 2, 0, 3).add(1.0));
        return r;
    }
}
