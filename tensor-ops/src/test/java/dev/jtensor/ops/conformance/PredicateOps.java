package dev.jtensor.ops.conformance;

import static dev.jtensor.ops.conformance.OpTable.op;

/** Conformance mappings of issue 20's predicates ({@code predicates.jsonl}); they only translate arguments. */
final class PredicateOps {
    private PredicateOps() {}

    static void register() {
        op("isnan", a -> a.tensor(0).isnan());
        op("isinf", a -> a.tensor(0).isinf());
        op("isposinf", a -> a.tensor(0).isposinf());
        op("isneginf", a -> a.tensor(0).isneginf());
        op("isfinite", a -> a.tensor(0).isfinite());
        op("signbit", a -> a.tensor(0).signbit());
        op("isclose", a -> a.tensor(0).isclose(a.tensor(1), a.kwDouble("rtol", 1e-5), a.kwDouble("atol", 1e-8),
                a.kwBool("equal_nan", false)));
        op("allclose", a -> a.tensor(0).allclose(a.tensor(1), a.kwDouble("rtol", 1e-5), a.kwDouble("atol", 1e-8),
                a.kwBool("equal_nan", false)));
        op("equal", a -> a.tensor(0).equal(a.tensor(1)));
        op("nan_to_num", a -> a.tensor(0).nanToNum(optional(a, 1, "nan"), optional(a, 2, "posinf"),
                optional(a, 3, "neginf")));
    }

    private static Double optional(Args a, int i, String name) {
        Object v = a.argOrKw(i, name);
        return v == null ? null : ((Number) v).doubleValue();
    }
}
