package dev.jtensor.core;

import java.util.Objects;

/** Null checks of array arguments whose elements must be present too, naming the element. */
final class NullChecks {
    private NullChecks() {}

    /**
     * Checks {@code array} and each of its elements.
     *
     * @throws NullPointerException naming {@code name}, or {@code name[i]} for a null element
     */
    static <T> T[] elements(T[] array, String name) {
        Objects.requireNonNull(array, name);
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null) {
                throw new NullPointerException(name + "[" + i + "]");
            }
        }
        return array;
    }
}
