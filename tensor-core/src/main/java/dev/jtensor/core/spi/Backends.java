package dev.jtensor.core.spi;

import dev.jtensor.core.Device;
import dev.jtensor.core.TensorException;
import dev.jtensor.core.cpu.CpuBackend;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of backends: the CPU backend always, and others found through
 * {@link BackendProvider} services. Looking a device up has no side effect beyond probing its
 * provider once; an unusable device throws with the provider's reason.
 */
public final class Backends {
    private static final Map<String, BackendProvider> PROVIDERS = new ConcurrentHashMap<>();
    private static final Map<String, BackendProvider.Availability> PROBES = new ConcurrentHashMap<>();
    private static final Map<Device, Backend> OPEN = new ConcurrentHashMap<>();

    static {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
            PROVIDERS.putIfAbsent(p.type(), p);
        }
    }

    private Backends() {}

    /** {@return the CPU backend} */
    public static Backend cpu() {
        return CpuBackend.INSTANCE;
    }

    /**
     * {@return the backend of a device}
     *
     * @param device the device
     * @throws TensorException if no provider serves the device type, or its probe failed (with the reason)
     */
    public static Backend backend(Device device) {
        if (device.type().equals("cpu")) {
            return CpuBackend.INSTANCE;
        }
        Backend open = OPEN.get(device);
        if (open != null) {
            return open;
        }
        BackendProvider.Availability a = availability(device.type());
        if (!a.available()) {
            throw new TensorException("device " + device + " is not available: " + a.reason());
        }
        return OPEN.computeIfAbsent(device, d -> PROVIDERS.get(d.type()).open(d.index()));
    }

    /**
     * {@return the cached probe result of a device type (unavailable with a reason if no provider is installed)}
     *
     * @param type the type
     */
    public static BackendProvider.Availability availability(String type) {
        if (type.equals("cpu")) {
            return BackendProvider.Availability.yes("cpu");
        }
        return PROBES.computeIfAbsent(type, t -> {
            BackendProvider p = PROVIDERS.get(t);
            if (p == null) {
                return BackendProvider.Availability.no("no backend for device type '" + t
                        + "' is installed" + (t.equals("cuda") ? " (add the dev.jtensor:tensor-cuda artifact)" : ""));
            }
            try {
                return p.probe();
            } catch (RuntimeException | LinkageError e) {
                return BackendProvider.Availability.no("probing " + t + " failed: " + e);
            }
        });
    }
}
