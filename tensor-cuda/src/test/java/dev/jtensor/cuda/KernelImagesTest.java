package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.TensorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel images without a GPU: the committed fatbin holds SASS for the architectures the
 * {@code ptx} profile names and stays small, and the loader prefers it, falls back to the PTX, and
 * names both answers when neither loads (with a fake driver call).
 */
class KernelImagesTest {
    private static final int NO_BINARY_FOR_GPU = 209;
    private static final PtxResource PTX = new PtxResource(".version 9.0\n.target sm_75\n");

    @Test
    void theFatbinHoldsMachineCodeForTheCommonArchitectures() {
        byte[] fatbin = KernelImages.loadFatbin();
        assertTrue(fatbin != null, "jtensor_kernels.fatbin is in the jar");
        assertEquals(List.of(80, 86, 89, 90, 100, 120), KernelImages.smVersions(fatbin));
        assertTrue(fatbin.length < 2_000_000, "the committed fatbin stays compressed: " + fatbin.length + " bytes");
    }

    @Test
    void rejectsWhatIsNotAFatbin() {
        assertThrows(IllegalArgumentException.class, () -> KernelImages.smVersions(new byte[64]));
    }

    /** A fake driver call: answers from a list, records the images it was given. */
    private static final class Driver implements KernelImages.ModuleLoader {
        final List<byte[]> images = new ArrayList<>();
        final int[] answers;

        Driver(int... answers) {
            this.answers = answers;
        }

        @Override
        public int load(byte[] image) {
            images.add(image);
            return answers[images.size() - 1];
        }
    }

    private static byte[] tinyFatbin() {
        ByteBuffer b = ByteBuffer.allocate(16 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xBA55ED50).putShort((short) 1).putShort((short) 16).putLong(64);
        b.putShort((short) 2).putShort((short) 0x101).putInt(64).putLong(0);
        b.position(16 + 28);
        b.putInt(90);
        return b.array();
    }

    @Test
    void prefersTheFatbin() {
        Driver d = new Driver(0);
        String loaded = KernelImages.load(d, tinyFatbin(), PTX, "auto", rc -> "E" + rc);
        assertEquals("fatbin (sm_90)", loaded);
        assertEquals(1, d.images.size());
    }

    @Test
    void fallsBackToThePtxWhenTheGpuHasNoCodeInTheFatbin() {
        Driver d = new Driver(NO_BINARY_FOR_GPU, 0);
        String loaded = KernelImages.load(d, tinyFatbin(), PTX, "auto", rc -> "CUDA_ERROR_" + rc);
        assertEquals("PTX sm_75 (JIT; fatbin: CUDA_ERROR_209)", loaded);
        byte[] ptx = d.images.get(1);
        assertEquals(0, ptx[ptx.length - 1], "the PTX text is NUL-terminated for cuModuleLoadData");
        assertEquals(PTX.text(), new String(ptx, 0, ptx.length - 1, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void usesThePtxWhenAskedOrWhenTheJarHasNoFatbin() {
        Driver asked = new Driver(0);
        assertTrue(KernelImages.load(asked, tinyFatbin(), PTX, "ptx", rc -> "E").startsWith("PTX sm_75"));
        assertEquals(1, asked.images.size());
        Driver none = new Driver(0);
        assertEquals("PTX sm_75 (JIT; fatbin: missing from the jar)", KernelImages.load(none, null, PTX, "auto", rc -> "E"));
    }

    @Test
    void namesBothAnswersWhenNothingLoads() {
        TensorException e = assertThrows(TensorException.class,
                () -> KernelImages.load(new Driver(NO_BINARY_FOR_GPU, 222), tinyFatbin(), PTX, "auto", rc -> "E" + rc));
        assertTrue(e.getMessage().contains("fatbin: E209") && e.getMessage().contains("PTX sm_75, ISA 9.0: E222"),
                e.getMessage());
        assertThrows(TensorException.class, () -> KernelImages.load(new Driver(0), null, PTX, "sass", rc -> "E"));
    }
}
