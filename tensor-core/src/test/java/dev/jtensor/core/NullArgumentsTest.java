package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 4: every public method of {@link Tensor} rejects a null argument with a
 * {@link NullPointerException} whose message names the parameter (not the JVM's "Cannot invoke ...
 * because ... is null" from deep inside), except the parameters documented as nullable.
 */
class NullArgumentsTest {
    /** Parameters documented as nullable: {@code method:Type} (and every {@link Generator}: null is the default one). */
    private static final Set<String> NULLABLE = Set.of("div:String", "div_:String", "clamp:Number", "clamp:Tensor",
            "clamp_:Number", "clamp_:Tensor", "sum:int[]", "sum:DType", "mean:int[]", "mean:DType", "prod:DType",
            "cumsum:DType", "amax:int[]", "amin:int[]", "var:int[]", "std:int[]", "logsumexp:int[]", "setGrad:Tensor",
            "backward:Tensor", "attachGradFn:GradNode", "matmul:Tensor#1", "equals:Object",
            // PyTorch's None: no prepend/append, the default dtype, all dims, elements not slices, no sorter,
            // the side left to the other argument, the dtype's default replacements.
            "diff:Tensor", "cumprod:DType", "norm:int[]", "vectorNorm:int[]", "vectorNorm:DType",
            "countNonzero:int[]", "nansum:int[]", "nanmean:int[]", "stdMean:int[]", "varMean:int[]", "unique:Long",
            "searchsorted:Tensor#3", "searchsorted:Tensor#4", "searchsorted:Boolean", "searchsorted:String",
            "quantile:Long", "nanToNum:Double");

    private static Object dummy(Class<?> type) {
        if (type == Tensor.class) {
            return Tensor.ones(2, 2);
        }
        if (type == Tensor[].class) {
            return new Tensor[] {Tensor.ones(2, 2)};
        }
        if (type == long[].class) {
            return new long[] {2, 2};
        }
        if (type == int[].class) {
            return new int[] {0};
        }
        if (type == DType.class) {
            return DType.FLOAT32;
        }
        if (type == Device.class) {
            return Device.CPU;
        }
        if (type == Generator.class) {
            return new Generator(1);
        }
        if (type == Number.class) {
            return 1.0;
        }
        if (type == String.class) {
            return "none";
        }
        if (type == Object.class) {
            return new double[] {1, 2};
        }
        if (type == Index[].class) {
            return new Index[] {Index.at(0)};
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == float.class) {
            return 1f;
        }
        if (type == Double.class) {
            return 1.0;
        }
        if (type == Long.class) {
            return 0L;
        }
        if (type == Boolean.class) {
            return Boolean.FALSE;
        }
        return null;
    }

    @Test
    void everyPublicMethodNamesItsNullArgument() throws Exception {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Method m : Tensor.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                String key = m.getName() + ":" + types[i].getSimpleName();
                if (types[i] == Generator.class || NULLABLE.contains(key) || NULLABLE.contains(key + "#" + i)) {
                    continue;
                }
                Object[] args = new Object[types.length];
                boolean complete = true;
                for (int j = 0; j < types.length; j++) {
                    args[j] = j == i ? null : dummy(types[j]);
                    complete &= j == i || args[j] != null;
                }
                if (!complete) {
                    failures.add(m + ": no sample value for a parameter");
                    continue;
                }
                Object receiver = Modifier.isStatic(m.getModifiers()) ? null : Tensor.ones(2, 2);
                checked++;
                try {
                    m.invoke(receiver, args);
                    failures.add(m + " accepted null for parameter " + i);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof NullPointerException npe) || npe.getMessage() == null
                            || !npe.getMessage().matches("[a-z]\\w*(\\[\\d+])?")) {
                        failures.add(m + " parameter " + i + ": " + cause);
                    }
                }
            }
        }
        System.out.println("NULL-ARGUMENT cases=" + checked);
        assertTrue(checked > 150, "only " + checked + " null arguments tried");
        if (!failures.isEmpty()) {
            fail(failures.size() + " methods do not name their null argument:\n" + String.join("\n", failures));
        }
    }

    @Test
    void nullElementsOfTensorListsAreNamed() {
        Tensor a = Tensor.ones(2);
        NullPointerException cat = assertThrows(NullPointerException.class, () -> Tensor.cat(new Tensor[] {a, null}, 0));
        assertEquals("tensors[1]", cat.getMessage());
        NullPointerException stack = assertThrows(NullPointerException.class,
                () -> Tensor.stack(new Tensor[] {null, a}, 0));
        assertEquals("tensors[0]", stack.getMessage());
        assertEquals("tensors[1]", assertThrows(NullPointerException.class, () -> Tensor.hstack(a, null)).getMessage());
        assertEquals("tensors[0]",
                assertThrows(NullPointerException.class, () -> Tensor.meshgrid(null, a)).getMessage());
        assertEquals("tensors[2]",
                assertThrows(NullPointerException.class, () -> Tensor.cartesianProd(a, a, null)).getMessage());
        assertEquals("operands[1]",
                assertThrows(NullPointerException.class, () -> Tensor.einsum("i,i->", a, null)).getMessage());
        NullPointerException add = assertThrows(NullPointerException.class, () -> a.add((Tensor) null));
        assertEquals("other", add.getMessage());
        // Checked before any work: an in-place op with a null argument leaves the tensor as it was.
        Tensor b = Tensor.ones(2);
        assertThrows(NullPointerException.class, () -> b.copy_(null));
        assertThrows(NullPointerException.class, () -> b.mul_((Tensor) null));
        assertArrayEquals(new float[] {1, 1}, b.toFloatArray());
    }
}
