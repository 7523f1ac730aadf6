package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import org.junit.jupiter.api.Test;

/**
 * {@link Cuda#setAllowTf32(boolean)} without a GPU: off by default, the setting maps to cuBLAS's
 * math modes, and every cuBLAS handle the GEMM code takes is asked for with the current setting
 * (read from the bytecode of {@link CudaGemm}, since no cuBLAS call can run here).
 */
class Tf32SettingTest {
    @Test
    void offByDefaultAndMappedToCublasMathModes() {
        assertFalse(Cuda.allowTf32(), "off by default, as torch.backends.cuda.matmul.allow_tf32");
        Cuda.setAllowTf32(true);
        try {
            assertTrue(Cuda.allowTf32());
        } finally {
            Cuda.setAllowTf32(false);
        }
        assertFalse(Cuda.allowTf32());
        assertEquals(org.bytedeco.cuda.global.cublas.CUBLAS_TF32_TENSOR_OP_MATH, CudaDevice.mathMode(true));
        assertEquals(org.bytedeco.cuda.global.cublas.CUBLAS_DEFAULT_MATH, CudaDevice.mathMode(false));
        assertEquals(3, CudaDevice.mathMode(true), "cublasMath_t CUBLAS_TF32_TENSOR_OP_MATH");
        assertEquals(0, CudaDevice.mathMode(false), "cublasMath_t CUBLAS_DEFAULT_MATH");
    }

    @Test
    void gemmTakesItsHandleWithTheCurrentSetting() throws Exception {
        byte[] bytes;
        try (InputStream in = CudaGemm.class.getResourceAsStream("CudaGemm.class")) {
            bytes = in.readAllBytes();
        }
        ClassDesc device = ClassDesc.of("dev.jtensor.cuda.CudaDevice");
        ClassDesc cuda = ClassDesc.of("dev.jtensor.cuda.Cuda");
        int handles = 0;
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            if (m.code().isEmpty()) {
                continue;
            }
            Instruction previous = null;
            for (CodeElement e : m.code().get()) {
                if (!(e instanceof Instruction ins)) {
                    continue;
                }
                if (ins instanceof InvokeInstruction call && call.owner().asSymbol().equals(device)
                        && call.name().equalsString("blas")) {
                    handles++;
                    assertEquals("(Z)Lorg/bytedeco/cuda/cublas/cublasContext;", call.type().stringValue());
                    assertTrue(previous instanceof InvokeInstruction p && p.owner().asSymbol().equals(cuda)
                            && p.name().equalsString("allowTf32"), "the handle's argument is Cuda.allowTf32()");
                }
                previous = ins;
            }
        }
        assertTrue(handles > 0, "CudaGemm takes a cuBLAS handle");
    }
}
