package dev.jtensor.cuda;

import dev.jtensor.core.spi.Backend;
import dev.jtensor.core.spi.BackendProvider;

/**
 * The {@code cuda} device type, found through {@link java.util.ServiceLoader}. Constructing it
 * loads nothing native: {@link #probe()} finds out once whether a GPU can be used, and
 * {@link #open(int)} sets a device up.
 */
public final class CudaProvider implements BackendProvider {
    /** The service constructor: cheap, touches no CUDA class. */
    public CudaProvider() {}

    @Override
    public String type() {
        return "cuda";
    }

    @Override
    public Availability probe() {
        return CudaProbe.availability();
    }

    @Override
    public Backend open(int index) {
        return new CudaBackend(CudaDevice.open(index));
    }
}
