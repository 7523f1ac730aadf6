package dev.jtensor.cuda;

import java.util.HashMap;
import java.util.Map;

/** A device memory of fixed capacity for allocator tests: hands out fake addresses, counts calls. */
final class FakeMemory implements CachingAllocator.RawMemory {
    final long capacity;
    final Map<Long, Long> blocks = new HashMap<>();
    long used;
    long next = 0x7f00_0000_0000L;
    int mallocs;
    int frees;
    int failures;

    FakeMemory(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized long malloc(long bytes) {
        if (used + bytes > capacity) {
            failures++;
            return 0;
        }
        long a = next;
        next += bytes + 4096;
        blocks.put(a, bytes);
        used += bytes;
        mallocs++;
        return a;
    }

    @Override
    public synchronized void free(long address) {
        Long size = blocks.remove(address);
        if (size == null) {
            throw new AssertionError("free of an unknown address " + Long.toHexString(address));
        }
        used -= size;
        frees++;
    }
}
