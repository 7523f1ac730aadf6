package dev.jtensor.core;

import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.Backends;

/**
 * Where a tensor's elements live: {@code cpu}, or an accelerator such as {@code cuda:0}.
 *
 * @param type the backend's name, e.g. {@code "cpu"} or {@code "cuda"}
 * @param index the device ordinal within the type (0 for the CPU)
 */
public record Device(String type, int index) {
    /** The CPU, always available. */
    public static final Device CPU = new Device("cpu", 0);

    /** Validates the ordinal. */
    public Device {
        if (index < 0) {
            throw new TensorException("device index must be >= 0, got " + index + " for " + type);
        }
    }

    /** {@return the CPU device} */
    public static Device cpu() {
        return CPU;
    }

    /**
     * {@return the first CUDA device; throws with the reason (no driver, no GPU, tensor-cuda missing) when none
     * can be used}
     */
    public static Device cuda() {
        return cuda(0);
    }

    /**
     * {@return CUDA device {@code index}; throws with the reason when it cannot be used}
     *
     * @param index the index
     */
    public static Device cuda(int index) {
        Device d = new Device("cuda", index);
        Backends.backend(d);
        return d;
    }

    /**
     * Parses {@code "cpu"}, {@code "cuda"} or {@code "cuda:1"}.
     *
     * @param spec the specification
     * @return the device
     */
    public static Device of(String spec) {
        int colon = spec.indexOf(':');
        String type = colon < 0 ? spec : spec.substring(0, colon);
        int index;
        try {
            index = colon < 0 ? 0 : Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TensorException("invalid device string '" + spec + "': expected e.g. cpu, cuda, cuda:1");
        }
        Device d = type.equals("cpu") ? CPU : new Device(type, index);
        Backends.backend(d);
        return d;
    }

    /** {@return the backend that runs this device's kernels} */
    public Backend backend() {
        return Backends.backend(this);
    }

    /** PyTorch's spelling: {@code cpu} or {@code cuda:0}. */
    @Override
    public String toString() {
        return type.equals("cpu") ? "cpu" : type + ":" + index;
    }
}
