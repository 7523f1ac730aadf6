package dev.jtensor.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The {@code kernelParams} of one {@code cuLaunchKernel}: an array of pointers to the argument
 * values, as C's {@code void* args[] = {&a, &b}}. Values are packed in a Java buffer and copied to
 * native memory in one call; one instance per thread is reused, since the driver copies the
 * arguments when the launch is queued.
 */
final class KernelArgs {
    private static final int CAPACITY = 4096;
    private static final int MAX_ARGS = 32;
    private static final ThreadLocal<KernelArgs> LOCAL = ThreadLocal.withInitial(KernelArgs::new);

    private final ByteBuffer blob = ByteBuffer.allocate(CAPACITY).order(ByteOrder.nativeOrder());
    private final long[] addresses = new long[MAX_ARGS];
    private final BytePointer values = new BytePointer(CAPACITY);
    private final LongPointer table = new LongPointer(MAX_ARGS);
    /** The same native table typed as {@code void**}, for {@code cuLaunchKernel}'s PointerPointer overload. */
    private final PointerPointer<?> tableAsParams = new PointerPointer<>(table);
    private int count;

    private KernelArgs() {}

    /** This thread's instance, emptied. */
    static KernelArgs begin() {
        KernelArgs a = LOCAL.get();
        a.blob.clear();
        a.count = 0;
        return a;
    }

    private int slot(int bytes) {
        int off = (blob.position() + 7) & ~7;
        if (count == MAX_ARGS || off + bytes > CAPACITY) {
            throw new IllegalStateException("kernel arguments exceed " + MAX_ARGS + " values or " + CAPACITY + " bytes");
        }
        blob.position(off);
        addresses[count++] = values.address() + off;
        return off;
    }

    /** A device pointer argument. */
    KernelArgs ptr(long deviceAddress) {
        slot(8);
        blob.putLong(deviceAddress);
        return this;
    }

    /** An {@code int} argument. */
    KernelArgs i32(int v) {
        slot(4);
        blob.putInt(v);
        return this;
    }

    /** A {@code long long} argument. */
    KernelArgs i64(long v) {
        slot(8);
        blob.putLong(v);
        return this;
    }

    /** A {@code float} argument. */
    KernelArgs f32(float v) {
        slot(4);
        blob.putFloat(v);
        return this;
    }

    /** A {@code double} argument. */
    KernelArgs f64(double v) {
        slot(8);
        blob.putDouble(v);
        return this;
    }

    /** A by-value struct of ints (a packed {@code JtIter}). */
    KernelArgs ints(int[] struct) {
        slot(struct.length * 4);
        for (int v : struct) {
            blob.putInt(v);
        }
        return this;
    }

    /** A by-value struct of 8-byte words (a packed {@code JtIndex}). */
    KernelArgs words(long[] struct) {
        slot(struct.length * 8);
        for (long v : struct) {
            blob.putLong(v);
        }
        return this;
    }

    /** Copies the values to native memory; the pointer table to pass as {@code kernelParams}. */
    PointerPointer<?> params() {
        values.position(0).put(blob.array(), 0, blob.position());
        table.position(0).put(addresses, 0, count);
        return tableAsParams;
    }
}
