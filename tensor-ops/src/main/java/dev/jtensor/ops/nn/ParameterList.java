package dev.jtensor.ops.nn;

import dev.jtensor.core.Tensor;
import dev.jtensor.core.TensorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code nn.ParameterList(params)}: parameters registered under {@code "0"}, {@code "1"}, ...; it has no
 * forward of its own, as in PyTorch.
 */
public final class ParameterList extends Module {
    private final List<Tensor> params = new ArrayList<>();

    /**
     * A list of parameters (each a leaf tensor; it is made to require grad).
     *
     * @param params the tensors
     */
    public ParameterList(Tensor... params) {
        for (Tensor p : params) {
            append(p);
        }
    }

    /**
     * Appends a parameter ({@code append}); it is named by its position.
     *
     * @param p a leaf tensor
     * @return this
     * @throws TensorException for a non-leaf tensor
     */
    public ParameterList append(Tensor p) {
        registerParameter(Integer.toString(params.size()), p);
        params.add(p);
        return this;
    }

    /**
     * The {@code i}-th parameter.
     *
     * @param i the position
     * @return the parameter
     */
    public Tensor get(int i) {
        return params.get(i);
    }

    /**
     * The number of parameters.
     *
     * @return the count
     */
    public int size() {
        return params.size();
    }

    /**
     * The parameters, in order.
     *
     * @return an unmodifiable view
     */
    public List<Tensor> list() {
        return Collections.unmodifiableList(params);
    }

    /**
     * Always throws: a parameter list is a container.
     *
     * @throws TensorException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new TensorException("ParameterList has no forward() (input of shape " + java.util.Arrays.toString(input.shape())
                + ")");
    }
}
