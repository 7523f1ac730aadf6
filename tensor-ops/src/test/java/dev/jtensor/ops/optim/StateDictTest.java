package dev.jtensor.ops.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtensor.core.DType;
import dev.jtensor.core.Generator;
import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Optimizer and schedule {@code stateDict}/{@code loadStateDict}: a run interrupted after a few steps,
 * its state saved and loaded into fresh objects, continues with exactly the bits of an uninterrupted run.
 */
class StateDictTest {
    private static List<Tensor> grads(int step) {
        Generator g = new Generator(100 + step);
        return List.of(Tensor.randn(new long[] {3, 2}, DType.FLOAT32, g), Tensor.randn(new long[] {4}, DType.FLOAT32, g));
    }

    private static List<Tensor> params() {
        Generator g = new Generator(7);
        return List.of(Tensor.randn(new long[] {3, 2}, DType.FLOAT32, g).requiresGrad(true),
                Tensor.randn(new long[] {4}, DType.FLOAT32, g).requiresGrad(true));
    }

    private static void steps(Optimizer opt, LRScheduler sched, List<Tensor> ps, int from, int to) {
        for (int k = from; k < to; k++) {
            List<Tensor> g = grads(k);
            for (int i = 0; i < ps.size(); i++) {
                ps.get(i).setGrad(g.get(i));
            }
            opt.step();
            sched.step();
        }
    }

    private static void resumesExactly(Function<List<Tensor>, Optimizer> make) {
        List<Tensor> a = params();
        Optimizer optA = make.apply(a);
        LRScheduler schedA = new CosineAnnealingLR(optA, 5, 1e-4);
        steps(optA, schedA, a, 0, 6);

        List<Tensor> b = params();
        Optimizer optB = make.apply(b);
        LRScheduler schedB = new CosineAnnealingLR(optB, 5, 1e-4);
        steps(optB, schedB, b, 0, 3);
        Map<String, Object> optState = optB.stateDict();
        Map<String, Object> schedState = schedB.stateDict();
        List<Tensor> saved = List.of(b.get(0).detach().clone(), b.get(1).detach().clone());

        List<Tensor> c = List.of(saved.get(0).requiresGrad(true), saved.get(1).requiresGrad(true));
        Optimizer optC = make.apply(c);
        LRScheduler schedC = new CosineAnnealingLR(optC, 5, 1e-4);
        optC.loadStateDict(optState);
        schedC.loadStateDict(schedState);
        steps(optC, schedC, c, 3, 6);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).toFloatArray(), c.get(i).toFloatArray(), "parameter " + i);
        }
        assertEquals(optA.lr(), optC.lr());
    }

    @Test
    void everyOptimizerResumesFromItsStateDict() {
        resumesExactly(ps -> new SGD(ps, 0.1, 0.9, 0.1, 0.01, false));
        resumesExactly(ps -> new Adam(ps, 0.01, 0.9, 0.99, 1e-8, 0.01, true));
        resumesExactly(ps -> Adam.adamW(ps, 0.01));
        resumesExactly(ps -> new RMSprop(ps, 0.01, 0.9, 1e-8, 0.01, 0.5, true));
        resumesExactly(ps -> new Adagrad(ps, 0.1, 0.1, 0.01, 0.1, 1e-10));
        resumesExactly(ps -> new Adamax(ps, 0.01));
        resumesExactly(ps -> new NAdam(ps, 0.01));
        resumesExactly(ps -> new RAdam(ps, 0.01));
    }

    @Test
    void stateDictsAreCopies() {
        List<Tensor> ps = params();
        SGD opt = new SGD(ps, 0.1, 0.9);
        steps(opt, new StepLR(opt, 2, 0.5), ps, 0, 1);
        Map<String, Object> state = opt.stateDict();
        float before = opt.momentumBuffer(0).toFloatArray()[0];
        @SuppressWarnings("unchecked")
        Tensor saved = (Tensor) ((Map<String, Map<String, Object>>) state.get("state")).get("0").get("momentum_buffer");
        saved.fill_(123.0);
        assertEquals(before, opt.momentumBuffer(0).toFloatArray()[0]);
        assertThrows(TensorException.class, () -> new SGD(params().subList(0, 1), 0.1).loadStateDict(state));
    }
}
