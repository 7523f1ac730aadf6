package dev.jtensor.ops.conformance;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A case's positional and keyword arguments, converted to Java values by {@link Values}, with
 * typed accessors. The op table only translates arguments; semantics live in the library.
 */
record Args(List<Object> positional, Map<String, Object> kwargs) {
    int size() {
        return positional.size();
    }

    boolean has(int i) {
        return i < positional.size();
    }

    Object get(int i) {
        return positional.get(i);
    }

    Tensor tensor(int i) {
        return (Tensor) positional.get(i);
    }

    long longAt(int i) {
        return ((Number) positional.get(i)).longValue();
    }

    double doubleAt(int i) {
        return ((Number) positional.get(i)).doubleValue();
    }

    boolean isInteger(int i) {
        return positional.get(i) instanceof Long;
    }

    long[] longs(int i) {
        return toLongs(positional.get(i));
    }

    int[] ints(int i) {
        long[] l = longs(i);
        int[] r = new int[l.length];
        for (int k = 0; k < l.length; k++) {
            r[k] = (int) l[k];
        }
        return r;
    }

    Tensor[] tensors(int i) {
        return ((List<?>) positional.get(i)).toArray(new Tensor[0]);
    }

    boolean hasKw(String name) {
        return kwargs.containsKey(name) && kwargs.get(name) != null;
    }

    Object kw(String name) {
        return kwargs.get(name);
    }

    boolean kwBool(String name, boolean dflt) {
        return hasKw(name) ? (Boolean) kwargs.get(name) : dflt;
    }

    long kwLong(String name, long dflt) {
        return hasKw(name) ? ((Number) kwargs.get(name)).longValue() : dflt;
    }

    double kwDouble(String name, double dflt) {
        return hasKw(name) ? ((Number) kwargs.get(name)).doubleValue() : dflt;
    }

    String kwString(String name, String dflt) {
        return hasKw(name) ? (String) kwargs.get(name) : dflt;
    }

    DType kwDtype(String name) {
        return hasKw(name) ? ((Values.DTypeArg) kwargs.get(name)).dtype() : null;
    }

    /** The i-th positional argument, or the keyword argument of that name. */
    Object argOrKw(int i, String name) {
        return has(i) ? positional.get(i) : kwargs.get(name);
    }

    static long[] toLongs(Object o) {
        if (o instanceof Number n) {
            return new long[] {n.longValue()};
        }
        List<?> list = (List<?>) o;
        long[] r = new long[list.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = ((Number) list.get(k)).longValue();
        }
        return r;
    }
}
