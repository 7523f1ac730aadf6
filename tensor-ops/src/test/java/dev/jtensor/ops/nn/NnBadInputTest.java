package dev.jtensor.ops.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtensor.core.DType;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import dev.jtensor.ops.Grad;
import dev.jtensor.ops.optim.Adam;
import dev.jtensor.ops.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 19: the bad-input suite of tensor-ops (the nn functions, modules, optimizers and
 * {@code Grad}), in the style of PyTorch's OpInfo error inputs; tensor-core's {@code BadInputTest}
 * covers {@link Tensor}. Each malformed call must fail with a message naming the offending values;
 * the count is printed as {@code BAD-INPUT nn cases=N}.
 */
class NnBadInputTest {
    private record Case(String name, Class<? extends RuntimeException> type, Executable call, String[] named) {}

    private final List<Case> cases = new ArrayList<>();

    private void bad(String name, Executable call, String... named) {
        cases.add(new Case(name, TensorException.class, call, named));
    }

    private void arg(String name, Executable call, String... named) {
        cases.add(new Case(name, IllegalArgumentException.class, call, named));
    }

    private void npe(String name, Executable call, String parameter) {
        cases.add(new Case(name, NullPointerException.class, call, new String[] {parameter}));
    }

    @TestFactory
    Stream<DynamicTest> malformedCallsFailClearly() {
        Tensor logits = Tensor.ones(4, 3);
        Tensor target = Tensor.tensor(new long[] {0, 1, 2, 0});
        Tensor w = Tensor.ones(5, 3);

        bad("softmax dim out of range", () -> F.softmax(logits, 2), "2");
        bad("logSoftmax dim out of range", () -> F.logSoftmax(logits, -3), "-3");
        bad("softmax of ints", () -> F.softmax(Tensor.arange(3), 0), "int64");
        bad("crossEntropy target out of range", () -> F.crossEntropy(logits, Tensor.tensor(new long[] {0, 1, 2, 3})),
                "3");
        bad("crossEntropy negative target", () -> F.crossEntropy(logits, Tensor.tensor(new long[] {0, -2, 0, 0})),
                "-2");
        bad("crossEntropy batch mismatch", () -> F.crossEntropy(logits, Tensor.tensor(new long[] {0, 1})), "4", "2");
        bad("crossEntropy float target of another shape", () -> F.crossEntropy(logits, Tensor.ones(4, 2)),
                "[4, 3]", "[4, 2]");
        bad("crossEntropy 0-d input", () -> F.crossEntropy(Tensor.scalar(1.0), target), "0-d");
        bad("crossEntropy int input", () -> F.crossEntropy(Tensor.ones(new long[] {4, 3}, DType.INT64), target),
                "int64");
        bad("crossEntropy label smoothing", () -> F.crossEntropy(logits, target,
                new CrossEntropyOptions().labelSmoothing(1.5)), "1.5");
        bad("crossEntropy weight size", () -> F.crossEntropy(logits, target,
                new CrossEntropyOptions().weight(Tensor.ones(2))), "2", "3");
        bad("nllLoss target out of range", () -> F.nllLoss(logits, Tensor.tensor(new long[] {0, 1, 5, 0})), "5");
        bad("nllLoss batch mismatch", () -> F.nllLoss(logits, Tensor.tensor(new long[] {0})), "4", "1");
        bad("nllLoss float target", () -> F.nllLoss(logits, Tensor.ones(4)), "Float", "[4]");
        bad("mseLoss shapes", () -> F.mseLoss(Tensor.ones(3), Tensor.ones(4)), "3", "4");
        bad("embedding index out of range", () -> F.embedding(Tensor.tensor(new long[] {0, 5}), w), "5");
        bad("embedding negative index", () -> F.embedding(Tensor.tensor(new long[] {-6}), w), "-6");
        bad("embedding float indices", () -> F.embedding(Tensor.ones(2), w), "float32");
        bad("embedding weight rank", () -> F.embedding(Tensor.tensor(new long[] {0}), Tensor.ones(5)), "[5]");
        bad("embedding padding out of range", () -> F.embedding(Tensor.tensor(new long[] {0}), w, 7), "7");
        bad("embeddingBag offsets out of order", () -> F.embeddingBag(Tensor.tensor(new long[] {0, 1, 2}), w,
                Tensor.tensor(new long[] {0, 2, 1}), EmbeddingBagMode.SUM), "2", "1");
        bad("embeddingBag first offset", () -> F.embeddingBag(Tensor.tensor(new long[] {0, 1}), w,
                Tensor.tensor(new long[] {1}), EmbeddingBagMode.SUM), "1");
        bad("embeddingBag index out of range", () -> F.embeddingBag(Tensor.tensor(new long[] {9}), w,
                Tensor.tensor(new long[] {0}), EmbeddingBagMode.MEAN), "9");
        bad("linear shapes", () -> F.linear(Tensor.ones(2, 4), w), "4", "3");
        bad("linear bias shape", () -> F.linear(Tensor.ones(2, 3), w, Tensor.ones(4)), "4", "5");
        bad("layerNorm shape", () -> F.layerNorm(Tensor.ones(2, 3), new long[] {4}), "[4]", "[2, 3]");
        bad("layerNorm too many dims", () -> F.layerNorm(Tensor.ones(3), new long[] {1, 3}), "[1, 3]", "[3]");
        bad("layerNorm weight shape", () -> F.layerNorm(Tensor.ones(2, 3), new long[] {3}, Tensor.ones(2), null,
                1e-5), "[2]", "[3]");
        bad("dropout p above 1", () -> F.dropout(Tensor.ones(3), 1.5, true), "1.5");
        bad("dropout negative p", () -> F.dropout(Tensor.ones(3), -0.1, true), "-0.1");
        bad("gelu approximate", () -> F.gelu(Tensor.ones(2), "fast"), "fast");
        bad("Linear negative features", () -> new Linear(-1, 3), "-1");
        bad("Embedding negative size", () -> new Embedding(-2, 3), "-2");
        bad("Embedding padding out of range", () -> new Embedding(3, 2, 5), "5");
        bad("LayerNorm negative shape", () -> new LayerNorm(-3), "-3");
        bad("Dropout p", () -> new Dropout(2.0), "2.0");
        bad("Linear forward shape", () -> new Linear(3, 2).forward(Tensor.ones(4, 5)), "5", "3");
        bad("SGD negative lr", () -> new SGD(List.of(Tensor.ones(2).requiresGrad(true)), -0.1), "-0.1");
        bad("SGD negative momentum", () -> new SGD(List.of(Tensor.ones(2).requiresGrad(true)), 0.1, -1), "-1");
        bad("Adam negative lr", () -> new Adam(List.of(Tensor.ones(2).requiresGrad(true)), -1e-3), "-0.001");
        bad("Adam beta out of range", () -> new Adam(List.of(Tensor.ones(2).requiresGrad(true)), 1e-3, 1.0, 0.999,
                1e-8, 0, false), "1.0");
        bad("Grad.grad input not requiring grad", () -> Grad.grad(Tensor.ones(2).requiresGrad(true).sum(),
                Tensor.ones(2)), "[2]");
        bad("backward of non-scalar", () -> Tensor.ones(2).requiresGrad(true).mul(2).backward(), "[2]");
        bad("backward gradient shape", () -> Tensor.ones(2).requiresGrad(true).mul(2)
                .backward(Tensor.ones(3), false), "[3]", "[2]");
        bad("in-place on a leaf", () -> Tensor.ones(2).requiresGrad(true).add_(1.0), "leaf");
        npe("crossEntropy null target", () -> F.crossEntropy(logits, null), "target");
        npe("linear null weight", () -> F.linear(logits, null), "weight");
        npe("softmax null", () -> F.softmax(null, 0), "x");
        npe("embedding null weight", () -> F.embedding(target, null), "weight");
        npe("mseLoss null input", () -> F.mseLoss(null, logits), "input");

        System.out.println("BAD-INPUT nn cases=" + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            RuntimeException e = assertThrows(c.type(), c.call(), c.name());
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank(), c.name() + ": no message");
            for (String n : c.named()) {
                assertTrue(message.contains(n), () -> c.name() + ": message should name " + n + ": " + message);
            }
        }));
    }
}
