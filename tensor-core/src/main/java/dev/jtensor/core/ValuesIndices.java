package dev.jtensor.core;

/**
 * The two results of {@link Tensor#max(long, boolean)} and {@link Tensor#min(long, boolean)}:
 * the extreme values and their int64 positions along the reduced dim (PyTorch's
 * {@code torch.return_types.max} named tuple).
 *
 * @param values the values, of the input's dtype
 * @param indices the int64 index of each value's first occurrence along the dim (of the first NaN, if any)
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
