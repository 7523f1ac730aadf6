package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The provider, found with ServiceLoader in a fresh class loader that records every class it is
 * asked for: constructing it and (without a driver) probing must not load a single JavaCPP or
 * CUDA binding class, since a failed JavaCPP class initialisation cannot be undone in a JVM.
 */
class ProviderIsLazyTest {
    /** Loads the test class path itself (child first), recording the names it is asked for. */
    static final class RecordingLoader extends URLClassLoader {
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    private static boolean driverLibraryPresent() {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(CudaProbe.DRIVER_LIBRARY, arena);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void constructingAndProbingWithoutADriverLoadsNoBindingClass() throws Exception {
        try (RecordingLoader loader = new RecordingLoader(classPath())) {
            Class<?> spi = Class.forName("dev.jtensor.core.spi.BackendProvider", false, loader);
            Object provider = null;
            for (Object p : ServiceLoader.load(spi, loader)) {
                if (p.getClass().getName().equals("dev.jtensor.cuda.CudaProvider")) {
                    provider = p;
                }
            }
            assertTrue(provider != null, "CudaProvider is registered in META-INF/services");
            assertEquals("cuda", spi.getMethod("type").invoke(provider));
            assertTrue(bindingClasses(loader).isEmpty(), "constructing loaded " + bindingClasses(loader));
            Assumptions.assumeFalse(driverLibraryPresent(),
                    "this machine has an NVIDIA driver, so the probe rightly goes on to load the bindings");
            Object availability = spi.getMethod("probe").invoke(provider);
            assertEquals(false, availability.getClass().getMethod("available").invoke(availability));
            assertTrue(bindingClasses(loader).isEmpty(), "probing without a driver loaded " + bindingClasses(loader));
        }
    }

    private static List<String> bindingClasses(RecordingLoader loader) {
        synchronized (loader.requested) {
            return loader.requested.stream().filter(n -> n.startsWith("org.bytedeco.")
                    || n.equals("dev.jtensor.cuda.CudaNatives") || n.startsWith("dev.jtensor.cuda.CudaNatives$")
                    || n.equals("dev.jtensor.cuda.CudaDevice") || n.equals("dev.jtensor.cuda.KernelArgs")).toList();
        }
    }
}
