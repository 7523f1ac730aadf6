package dev.jtensor.core.spi;

/**
 * A device type's entry point, found with {@link java.util.ServiceLoader} (declare it with
 * {@code provides dev.jtensor.core.spi.BackendProvider with ...} in the module). Constructing a
 * provider must be cheap and load no native code: {@link #probe()} does that, once, when a user
 * first asks for the device.
 */
public interface BackendProvider {
    /** {@return the device type this provider serves, e.g. {@code "cuda"}} */
    String type();

    /**
     * {@return whether the device can be used here; when not, the reason (no driver, no device, missing
     * libraries)} Called once per JVM and cached by {@link Backends}.
     */
    Availability probe();

    /**
     * Opens device {@code index}; only called after a successful probe.
     *
     * @param index the index
     * @return the backend
     */
    Backend open(int index);

    /**
     * The outcome of a probe.
     *
     * @param available whether the device can be used
     * @param reason why not (or a description of the device when available)
     */
    record Availability(boolean available, String reason) {
        /**
         * {@return an available device with a description}
         *
         * @param description the description
         */
        public static Availability yes(String description) {
            return new Availability(true, description);
        }

        /**
         * {@return an unavailable device with the reason}
         *
         * @param reason the reason
         */
        public static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }
}
