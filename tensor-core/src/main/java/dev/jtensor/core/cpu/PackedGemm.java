package dev.jtensor.core.cpu;

import dev.jtensor.core.Parallel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of the packed GEMM that does not depend on the element type, shared by {@link FloatGemm}
 * and {@link DoubleGemm} ({@code A} is {@code float[]} or {@code double[]}): a product is cut into
 * slabs of up to {@code slabCols} columns and k into slices of {@code depth}; B's part for a slab
 * and a group of slices is packed once into panels of {@code nr} columns (a buffer shared by all
 * threads), then row blocks of the slab run as tasks, each packing its rows of A and handing the
 * block to the subclass's macro-kernel ({@link #block}). Threads claim tasks from a shared counter,
 * so results never depend on which thread computes which block. The subclasses hold the typed
 * loops: packing, the macro-kernel over the micro-kernel, and the scalar pairs.
 */
abstract class PackedGemm<A> {
    /** Row blocks (tasks) per thread aimed at, so that threads that start late still balance. */
    static final int TASKS_PER_THREAD = 4;

    final int slabCols;
    final int depth;
    final int maxRows;
    final int bGroup;
    final int retain;
    /** Per-thread packing buffers, reused across calls (a product no longer allocates them). */
    final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /**
     * @param slabCols columns per B slab at most
     * @param depth    depth of a k slice
     * @param maxRows  rows per A block at most
     * @param bGroup   packed B per slab at most (elements): slices are grouped up to this
     * @param retain   buffers above this many elements are not kept between calls
     */
    PackedGemm(int slabCols, int depth, int maxRows, int bGroup, int retain) {
        this.slabCols = slabCols;
        this.depth = depth;
        this.maxRows = maxRows;
        this.bGroup = bGroup;
        this.retain = retain;
    }

    /** Rows of the micro-kernel's tile. */
    abstract int mr();

    /** Columns of the micro-kernel's tile. */
    abstract int nr();

    /** A new zeroed array of {@code n} elements. */
    abstract A newArray(int n);

    /** The length of {@code array}. */
    abstract int length(A array);

    /** {@code {alpha, beta}} in the element type, as the micro-kernel takes them. */
    abstract A scalars(double alpha, double beta);

    /** Packs rows of A into panels of {@code mr} rows (see the subclass). */
    abstract void packA(A a, int src, int rsa, int csa, int mc, int kc, int mr, A ap);

    /** Packs a slice of B into panels of {@code nr} columns at {@code off} (the micro-kernel's layout). */
    abstract void packB(A b, int src, int rsb, int csb, int kc, int nc, A bp, int off);

    /**
     * Runs the micro-kernel over rows {@code [0, mc)} and columns {@code [j0, j1)} of a block of C
     * at {@code co} from packed A and the packed B slice at {@code bOff}.
     */
    abstract void block(int kc, int mc, int j0, int j1, A ap, A bp, int bOff, A c, int co, int rsc, int csc, A ab,
                        A tile);

    /**
     * One matrix product {@code C = alpha * A @ B + beta * C} of the plan's shape and strides, with
     * A, B and C at the given offsets, on up to {@code threads} threads.
     */
    final void product(GemmPlan plan, A a, int ao, A b, int bo, A c, int co, double alpha, double beta,
                       int threads) {
        int n = plan.n;
        int k = plan.k;
        int nr = nr();
        Buffers own = buffers.get();
        for (int jc = 0; jc < n; jc += slabCols) {
            int nc = Math.min(slabCols, n - jc);
            int ncp = roundUp(nc, nr);
            // Slices per group: as many as fit bGroup, at least one.
            int group = Math.max(1, bGroup / (depth * ncp)) * depth;
            for (int pg = 0; pg < k; pg += group) {
                int kg = Math.min(group, k - pg);
                A bp = own.b.acquire(kg * ncp);
                try {
                    Slab<A> slab = new Slab<>(this, plan, threads, a, ao, b, bo, bp, c, co, jc, nc, pg, kg, alpha, beta);
                    if (threads == 1 || slab.tasks == 1) {
                        slab.run();
                    } else {
                        // B is packed inside the parallel region (by the first thread there) so that
                        // waking the helper overlaps with packing instead of following it.
                        Parallel.forRange(Math.min(threads, slab.tasks), 1, (x, y) -> slab.run());
                    }
                } finally {
                    own.b.release(bp);
                }
            }
        }
    }

    /**
     * One slab of a product (columns {@code [jc, jc + nc)}, k slices {@code [pg, pg + kg)}) as
     * tasks: row blocks of {@code rows} rows times column chunks of {@code cols} columns (one
     * chunk unless the output is too short to give every thread several row blocks). Threads in
     * {@link #run} claim tasks from a shared counter; the first to arrive packs B, the others
     * pack their first A block meanwhile and then wait for B.
     */
    private static final class Slab<A> {
        private static final int NOT_PACKED = 0;
        private static final int PACKING = 1;
        private static final int PACKED = 2;
        private static final int FAILED = 3;

        final PackedGemm<A> g;
        final GemmPlan plan;
        final A a;
        final int ao;
        final A b;
        final int bo;
        final A bp;
        final A c;
        final int co;
        final int jc;
        final int nc;
        final int pg;
        final int kg;
        final double alpha;
        final double beta;
        final int rows;
        final int cols;
        final int chunks;
        final int tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger bState = new AtomicInteger(NOT_PACKED);

        Slab(PackedGemm<A> g, GemmPlan plan, int threads, A a, int ao, A b, int bo, A bp,
             A c, int co, int jc, int nc, int pg, int kg, double alpha, double beta) {
            this.g = g;
            this.plan = plan;
            this.a = a;
            this.ao = ao;
            this.b = b;
            this.bo = bo;
            this.bp = bp;
            this.c = c;
            this.co = co;
            this.jc = jc;
            this.nc = nc;
            this.pg = pg;
            this.kg = kg;
            this.alpha = alpha;
            this.beta = beta;
            int mr = g.mr();
            int nr = g.nr();
            int m = plan.m;
            int want = threads == 1 ? 1 : threads * TASKS_PER_THREAD;
            int h = Math.min(roundUp(Math.max(g.maxRows, 1), mr), roundUp(GemmPlan.ceilDiv(m, want), mr));
            this.rows = h;
            int rowBlocks = GemmPlan.ceilDiv(m, h);
            int ch = rowBlocks >= want ? 1 : Math.min(GemmPlan.ceilDiv(want, rowBlocks), GemmPlan.ceilDiv(nc, nr));
            this.cols = roundUp(GemmPlan.ceilDiv(nc, ch), nr);
            this.chunks = GemmPlan.ceilDiv(nc, cols);
            this.tasks = rowBlocks * chunks;
        }

        /** Packs B's slab unless another thread does or did; returns once it is packed. */
        void awaitB() {
            if (bState.get() == PACKED) {
                return;
            }
            if (bState.compareAndSet(NOT_PACKED, PACKING)) {
                int k = plan.k;
                int ncp = roundUp(nc, g.nr());
                try {
                    for (int s = 0; s < kg; s += g.depth) {
                        int pc = pg + s;
                        g.packB(b, bo + pc * plan.rsb + jc * plan.csb, plan.rsb, plan.csb,
                                Math.min(g.depth, k - pc), nc, bp, s * ncp);
                    }
                } catch (RuntimeException | Error e) {
                    // Release the waiting threads; the exception reaches the caller through this one.
                    bState.set(FAILED);
                    throw e;
                }
                bState.set(PACKED);
                return;
            }
            // Another thread is packing right now (it won the exchange above): a short wait.
            for (int spins = 0; bState.get() != PACKED; spins++) {
                if (bState.get() == FAILED) {
                    throw new IllegalStateException("packing B failed on another thread");
                }
                if (spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        /** Runs the tasks this thread claims, until none is left. */
        void run() {
            int mr = g.mr();
            int nr = g.nr();
            int k = plan.k;
            int m = plan.m;
            int ncp = roundUp(nc, nr);
            int cj = co + jc * plan.csc;
            PackedGemm<A>.Buffers own = g.buffers.get();
            A ap = own.a.acquire(rows * Math.min(g.depth, kg));
            A tile = own.tile.acquire(mr * nr);
            A first = g.scalars(alpha, beta);
            A later = g.scalars(alpha, 1);
            try {
                for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                    int i0 = (t / chunks) * rows;
                    int mc = Math.min(rows, m - i0);
                    int j0 = (t % chunks) * cols;
                    int j1 = Math.min(nc, j0 + cols);
                    for (int s = 0; s < kg; s += g.depth) {
                        int pc = pg + s;
                        int kc = Math.min(g.depth, k - pc);
                        g.packA(a, ao + i0 * plan.rsa + pc * plan.csa, plan.rsa, plan.csa, mc, kc, mr, ap);
                        awaitB();
                        g.block(kc, mc, j0, j1, ap, bp, s * ncp, c, cj + i0 * plan.rsc, plan.rsc, plan.csc,
                                pc == 0 ? first : later, tile);
                    }
                }
            } finally {
                own.a.release(ap);
                own.tile.release(tile);
            }
        }
    }

    /**
     * Packing buffers of one thread. A buffer in use (a product running on this thread that waits
     * for its helpers, and meanwhile runs another product's task) is not handed out twice: the
     * second user gets a fresh array. Buffers above {@code retain} elements are not kept.
     */
    final class Buffers {
        /** The packed A block. */
        final Slot a = new Slot();
        /** The packed B slab. */
        final Slot b = new Slot();
        /** The micro-kernel's scratch tile. */
        final Slot tile = new Slot();
    }

    /** One reusable packing buffer of a thread. */
    final class Slot {
        private A array = newArray(0);
        private boolean busy;

        /** A buffer of at least {@code len} elements: this slot's if free and small enough, else a new one. */
        A acquire(int len) {
            if (busy || len > retain) {
                return newArray(len);
            }
            if (length(array) < len) {
                array = newArray(len);
            }
            busy = true;
            return array;
        }

        /** Gives {@code buf} back (a no-op for a buffer this slot did not hand out). */
        void release(A buf) {
            if (buf == array) {
                busy = false;
            }
        }
    }

    static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }
}
