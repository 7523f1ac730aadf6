package dev.jtensor.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.annotation.ByPtrPtr;
import org.bytedeco.javacpp.annotation.Cast;
import org.junit.jupiter.api.Test;

/**
 * Pins the {@code cuLaunchKernel} overload the backend calls, without a GPU: the bytecode of
 * {@link CudaDevice} is read with the class-file API, and every call to
 * {@code cudart.cuLaunchKernel} must resolve to the overload whose {@code kernelParams} and
 * {@code extra} are plain {@code void**} (Bytedeco's {@code PointerPointer} overload), with
 * {@code null} for {@code extra}. The {@code Pointer} overload carries {@code @ByPtrPtr}, which makes
 * JavaCPP pass the address of a pointer: {@code extra} then arrives as a non-NULL pointer to NULL
 * and the driver fails every launch with {@code CUDA_ERROR_INVALID_VALUE} (seen on an H200).
 */
class LaunchOverloadTest {
    private static final ClassDesc CUDART = ClassDesc.of("org.bytedeco.cuda.global.cudart");
    private static final ClassDesc POINTER_POINTER = ClassDesc.of("org.bytedeco.javacpp.PointerPointer");

    /** A call site: the resolved descriptor and the instruction that pushed its last argument (casts skipped). */
    private record Call(MethodTypeDesc type, Instruction previous) {}

    private static List<Call> launchCalls(Class<?> owner) throws IOException {
        byte[] bytes;
        try (InputStream in = owner.getResourceAsStream(owner.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassModel model = ClassFile.of().parse(bytes);
        List<Call> calls = new ArrayList<>();
        for (MethodModel m : model.methods()) {
            if (m.code().isEmpty()) {
                continue;
            }
            Instruction previous = null;
            for (CodeElement e : m.code().get()) {
                if (!(e instanceof Instruction ins)) {
                    continue;
                }
                if (ins instanceof InvokeInstruction call && call.owner().asSymbol().equals(CUDART)
                        && call.name().equalsString("cuLaunchKernel")) {
                    calls.add(new Call(call.typeSymbol(), previous));
                }
                if (ins.opcode() != Opcode.CHECKCAST) { // javac casts a literal null: look through it
                    previous = ins;
                }
            }
        }
        return calls;
    }

    @Test
    void everyLaunchUsesThePointerPointerOverloadWithANullExtra() throws Exception {
        List<Call> calls = launchCalls(CudaDevice.class);
        assertFalse(calls.isEmpty(), "CudaDevice calls cuLaunchKernel");
        // Without initialising cudart (its static initialiser loads the CUDA libraries).
        Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart", false,
                getClass().getClassLoader());
        for (Call call : calls) {
            MethodTypeDesc type = call.type();
            assertEquals(11, type.parameterCount(), type.displayDescriptor());
            assertEquals(POINTER_POINTER, type.parameterType(9), "kernelParams: " + type.displayDescriptor());
            assertEquals(POINTER_POINTER, type.parameterType(10), "extra: " + type.displayDescriptor());
            assertTrue(call.previous() != null && call.previous().opcode() == Opcode.ACONST_NULL,
                    "extra is passed as a literal null, got " + call.previous());

            Class<?>[] parameters = new Class<?>[type.parameterCount()];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = resolve(type.parameterType(i));
            }
            Method bound = cudart.getMethod("cuLaunchKernel", parameters);
            Annotation[][] annotations = bound.getParameterAnnotations();
            for (int p : new int[] {9, 10}) {
                boolean voidStarStar = false;
                for (Annotation a : annotations[p]) {
                    assertFalse(a instanceof ByPtrPtr, "parameter " + p + " of " + bound + " is @ByPtrPtr");
                    voidStarStar |= a instanceof Cast c && List.of(c.value()).contains("void**");
                }
                assertTrue(voidStarStar, "parameter " + p + " of " + bound + " is cast to void**");
            }
        }
    }

    @Test
    void thePointerOverloadIsTheByPtrPtrOneThisTestGuardsAgainst() throws Exception {
        // If Bytedeco ever drops @ByPtrPtr from the Pointer overload, the reasoning above needs revisiting.
        Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart", false, getClass().getClassLoader());
        Method byPtrPtr = null;
        for (Method m : cudart.getMethods()) {
            if (m.getName().equals("cuLaunchKernel") && m.getParameterTypes()[9] == org.bytedeco.javacpp.Pointer.class) {
                byPtrPtr = m;
            }
        }
        assertTrue(byPtrPtr != null, "cudart has a Pointer overload of cuLaunchKernel");
        boolean found = false;
        for (Annotation a : byPtrPtr.getParameterAnnotations()[10]) {
            found |= a instanceof ByPtrPtr;
        }
        assertTrue(found, "the Pointer overload's extra is @ByPtrPtr");
    }

    private static Class<?> resolve(ClassDesc desc) throws ClassNotFoundException {
        if (desc.isPrimitive()) {
            return switch (desc.descriptorString()) {
                case "I" -> int.class;
                case "J" -> long.class;
                default -> throw new AssertionError("unexpected primitive " + desc.descriptorString());
            };
        }
        return Class.forName(desc.packageName() + "." + desc.displayName(), false,
                LaunchOverloadTest.class.getClassLoader());
    }
}
