package dev.jtensor.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Worked examples of the indexing API: the tutorial's forms, the blog's embedding lookup, errors. */
class IndexingTest {
    private static Tensor grid() {
        return Tensor.arange(12).view(3, 4).to(DType.FLOAT32);
    }

    @Test
    void tutorialForms() {
        Tensor t = grid();
        // tensor[0], tensor[:, 0], tensor[..., -1]
        assertArrayEquals(new float[] {0, 1, 2, 3}, t.index(Index.at(0)).toFloatArray());
        assertArrayEquals(new float[] {0, 4, 8}, t.index(Index.all(), Index.at(0)).toFloatArray());
        assertArrayEquals(new float[] {3, 7, 11}, t.index(Index.ellipsis(), Index.at(-1)).toFloatArray());
        assertArrayEquals(new float[] {3, 7, 11}, t.index(Index.ellipsis(), -1).toFloatArray());
        // tensor[:, 1] = 0
        t.indexPut_(Index.of(Index.all(), 1), 0);
        assertArrayEquals(new float[] {0, 0, 2, 3, 4, 0, 6, 7, 8, 0, 10, 11}, t.toFloatArray());
        t.indexPut_(new Index[] {Index.all(), Index.at(2)}, Tensor.tensor(new float[] {-1, -2, -3}));
        assertArrayEquals(new float[] {0, 0, -1, 3, 4, 0, -2, 7, 8, 0, -3, 11}, t.toFloatArray());
    }

    @Test
    void probabilityOfTargets() {
        // prob[torch.arange(24), target]
        Tensor prob = Tensor.arange(24 * 5).view(24, 5).to(DType.FLOAT32);
        long[] target = new long[24];
        for (int i = 0; i < 24; i++) {
            target[i] = (i * 7) % 5;
        }
        Tensor picked = prob.index(Tensor.arange(24), Tensor.fromArray(target, 24));
        assertArrayEquals(new long[] {24}, picked.shape());
        for (int i = 0; i < 24; i++) {
            assertEquals(i * 5 + target[i], picked.toFloatArray()[i]);
        }
    }

    @Test
    void embeddingLookup() {
        Tensor embeddings = Tensor.arange(27 * 4).view(27, 4).to(DType.FLOAT32);
        long[] ids = new long[24];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 11 + 5) % 27;
        }
        Tensor batch = Tensor.fromArray(ids, 24).view(8, 3);
        Tensor emb = embeddings.index(batch);
        assertArrayEquals(new long[] {8, 3, 4}, emb.shape());
        assertArrayEquals(embeddings.index(Index.at(batch.index(0, 0).itemLong())).toFloatArray(),
                emb.index(0, 0).toFloatArray());
        assertArrayEquals(embeddings.index(Index.at(ids[23])).toFloatArray(), emb.index(7, 2).toFloatArray());
        assertFalse(emb.sharesStorage(embeddings));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = DType.class, names = {"FLOAT32", "INT64", "FLOAT64"})
    void gatherOfMoreRowsThanOneQueuedRunCopiesEveryRow(DType dtype) {
        // 20000 looked-up rows on one thread: more whole-row copies than one queued run holds.
        int rows = 3000;
        int width = 5;
        Tensor table = Tensor.arange(rows * width).view(rows, width).to(dtype);
        long[] ids = new long[20000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 7919L) % rows;
        }
        int threads = Parallel.getNumThreads();
        try {
            Parallel.setNumThreads(1);
            double[] out = table.index(Tensor.fromArray(ids, ids.length)).to(DType.FLOAT64).toDoubleArray();
            assertEquals(ids.length * width, out.length);
            for (int i = 0; i < ids.length; i++) {
                for (int j = 0; j < width; j++) {
                    assertEquals(ids[i] * width + j, out[i * width + j], "row " + i + ", column " + j);
                }
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "width {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {64, 100, 3})
    void largeGatherCopiesRowsInParallel(int width) {
        // Widths that do not divide the parallel grain make threads start and end inside rows.
        int rows = 5000;
        Tensor table = Tensor.arange(rows * width).view(rows, width).to(DType.FLOAT32);
        long[] ids = new long[64 * 128];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 7919L) % rows;
        }
        Tensor idx = Tensor.fromArray(ids, ids.length).view(64, 128);
        int threads = Parallel.getNumThreads();
        try {
            Parallel.setNumThreads(4);
            float[] out = table.index(idx).toFloatArray();
            Parallel.setNumThreads(1);
            assertArrayEquals(out, table.index(idx).toFloatArray());
            for (int i = 0; i < ids.length; i += 97) {
                for (int j = 0; j < width; j++) {
                    assertEquals(ids[i] * width + j, out[i * width + j]);
                }
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
        // The same table read through a transposed (column-major) layout.
        Tensor columnMajor = table.t().contiguous().t();
        assertArrayEquals(table.index(idx).toFloatArray(), columnMajor.index(idx).toFloatArray());
    }

    @Test
    void basicItemsGiveViewsTensorItemsGiveCopies() {
        Tensor t = grid();
        Tensor v = t.index(Index.slice(1L, null, null), Index.newAxis(), Index.slice(null, null, 2L));
        assertArrayEquals(new long[] {2, 1, 2}, v.shape());
        assertTrue(v.sharesStorage(t));
        v.fill_(-1.0);
        assertArrayEquals(new float[] {0, 1, 2, 3, -1, 5, -1, 7, -1, 9, -1, 11}, t.toFloatArray());
        Tensor alias = t.index(Index.ellipsis());
        assertTrue(alias.sharesStorage(t) && alias != t);
        // A 0-d integer tensor is an integer (a view), as in PyTorch.
        assertTrue(t.index(Tensor.scalar(1L)).sharesStorage(t));
        Tensor copy = t.index(Tensor.tensor(new long[] {2, 0}));
        assertFalse(copy.sharesStorage(t));
        assertArrayEquals(new long[] {2, 4}, copy.shape());
    }

    @Test
    void advancedPlacement() {
        Tensor x = Tensor.arange(2 * 3 * 4 * 5).view(2, 3, 4, 5);
        Tensor i = Tensor.tensor(new long[] {0, 1});
        Tensor j = Tensor.tensor(new long[][] {{1}, {2}, {3}});
        // Adjacent advanced items: their broadcast dims replace them in place.
        assertArrayEquals(new long[] {2, 3, 2, 5}, x.index(Index.all(), i, j).shape());
        // Separated by a slice: the broadcast dims go first.
        assertArrayEquals(new long[] {3, 2, 3, 5}, x.index(i, Index.all(), j).shape());
        assertEquals(x.index(1, 2, 3, 4).itemLong(), x.index(i, Index.all(), j).index(2, 1, 2, 4).itemLong());
        // A mask over two dims selects like nonzero() and, as in NumPy, consumes both dims.
        Tensor none = Tensor.zeros(new long[] {2, 3, 4}, DType.BOOL);
        assertArrayEquals(new long[] {0, 5}, x.index(none).shape());
        Tensor m2 = Tensor.tensor(new boolean[][] {{true, false, true}, {false, false, true}});
        assertArrayEquals(new long[] {3, 5}, x.index(m2).index(Index.all(), 0, Index.all()).shape());
        assertArrayEquals(new long[] {3}, x.index(m2, 0, 0).shape());
        assertArrayEquals(x.index(m2, 0, 0).toLongArray(), x.index(m2).index(Index.all(), 0, 0).toLongArray());
        // Java arrays work like Python lists.
        assertArrayEquals(x.index(i, Index.all(), j).toLongArray(),
                x.index(new long[] {0, 1}, Index.all(), j).toLongArray());
        assertArrayEquals(x.index(i).toLongArray(), x.index((Object) new int[] {0, 1}).toLongArray());
        assertArrayEquals(x.index(Tensor.tensor(new boolean[] {false, true})).toLongArray(),
                x.index((Object) new boolean[] {false, true}).toLongArray());
        // int32 indices work like int64.
        assertArrayEquals(x.index(i).toLongArray(), x.index(i.to(DType.INT32)).toLongArray());
    }

    @Test
    void indexPutAccumulateAddsDuplicates() {
        Tensor x = Tensor.zeros(4);
        x.indexPut_(new Index[] {Index.tensor(Tensor.tensor(new long[] {0, 2, 0, 0, -1}))}, Tensor.ones(5), true);
        assertArrayEquals(new float[] {3, 0, 1, 1}, x.toFloatArray());
        Tensor y = Tensor.zeros(3, 2);
        Tensor copy = y.indexPut(new Index[] {Index.tensor(Tensor.tensor(new boolean[] {true, false, true}))},
                Tensor.tensor(new float[] {5, 6}));
        assertArrayEquals(new float[] {5, 6, 0, 0, 5, 6}, copy.toFloatArray());
        assertArrayEquals(new float[6], y.toFloatArray());
        // A value read from the destination itself is taken before the write.
        Tensor z = Tensor.arange(4);
        z.indexPut_(new Index[] {Index.tensor(Tensor.tensor(new long[] {0, 1, 2, 3}))}, z.flip(0));
        assertArrayEquals(new long[] {3, 2, 1, 0}, z.toLongArray());
        // Basic items with accumulate add in place.
        Tensor w = Tensor.ones(2, 2);
        w.indexPut_(new Index[] {Index.at(1)}, Tensor.tensor(new float[] {2, 3}), true);
        assertArrayEquals(new float[] {1, 1, 3, 4}, w.toFloatArray());
    }

    @Test
    void outOfBoundsIndicesThrowBeforeAnyWrite() {
        Tensor x = Tensor.zeros(4, 2);
        Index[] items = {Index.tensor(Tensor.tensor(new long[] {0, 1, 5}))};
        TensorException e = assertThrows(TensorException.class, () -> x.indexPut_(items, 1.0));
        assertTrue(e.getMessage().contains("index 5 is out of bounds for dimension 0 with size 4"), e.getMessage());
        assertArrayEquals(new float[8], x.toFloatArray());
        e = assertThrows(TensorException.class, () -> x.index(Index.all(), Index.tensor(Tensor.tensor(new long[] {-3}))));
        assertTrue(e.getMessage().contains("index -3 is out of bounds for dimension 1 with size 2"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.index(Index.at(4)));
        assertTrue(e.getMessage().contains("index 4 is out of bounds for dimension 0 with size 4"), e.getMessage());

        Tensor index = Tensor.tensor(new long[][] {{0, 3}});
        e = assertThrows(TensorException.class, () -> x.scatter_(1, index, Tensor.ones(1, 2)));
        assertTrue(e.getMessage().contains("index 3 is out of bounds for dimension 1 with size 2"), e.getMessage());
        assertThrows(TensorException.class, () -> x.scatterAdd_(1, index, Tensor.ones(1, 2)));
        assertThrows(TensorException.class, () -> x.scatter_(1, index, 2.0));
        e = assertThrows(TensorException.class,
                () -> x.indexAdd_(0, Tensor.tensor(new long[] {1, 4}), Tensor.ones(2, 2)));
        assertTrue(e.getMessage().contains("index 4 is out of bounds for dimension 0 with size 4"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.gather(0, Tensor.tensor(new long[][] {{-1, 0}})));
        assertTrue(e.getMessage().contains("index -1 is out of bounds for dimension 0 with size 4"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.indexSelect(0, Tensor.tensor(new long[] {4})));
        assertTrue(e.getMessage().contains("index 4 is out of bounds for dimension 0 with size 4"), e.getMessage());
        assertArrayEquals(new float[8], x.toFloatArray());
    }

    @Test
    void badItemsAndTypes() {
        Tensor x = grid();
        TensorException e = assertThrows(TensorException.class, () -> x.index(Tensor.tensor(new float[] {0, 1})));
        assertTrue(e.getMessage().contains("tensors used as indices must be long, int, byte or bool tensors"));
        e = assertThrows(TensorException.class, () -> x.index(0, 1, 0));
        assertTrue(e.getMessage().contains("too many indices for tensor of dimension 2"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.index(Index.ellipsis(), Index.ellipsis()));
        assertTrue(e.getMessage().contains("single ellipsis"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.index(Tensor.tensor(new boolean[] {true, false})));
        assertTrue(e.getMessage().contains("The shape of the mask [2] at index 0 does not match"), e.getMessage());
        e = assertThrows(TensorException.class,
                () -> x.index(Tensor.tensor(new long[] {0, 1}), Tensor.tensor(new long[] {0, 1, 2})));
        assertTrue(e.getMessage().contains("could not be broadcast together with shapes [2], [3]"), e.getMessage());
        assertThrows(TensorException.class, () -> x.index(2.5));
        assertThrows(TensorException.class, () -> x.index((Object) null));
        assertThrows(TensorException.class, () -> Index.slice(0L, 4L, 0L));
        assertThrows(TensorException.class, () -> Index.slice(null, null, -1L));
        e = assertThrows(TensorException.class, () -> x.indexPut_(new Index[] {Index.tensor(Tensor.tensor(new long[] {0, 1}))},
                Tensor.ones(3)));
        assertTrue(e.getMessage().contains("value tensor of shape [3] cannot be broadcast to indexing result of shape [2, 4]"),
                e.getMessage());
        Tensor expanded = Tensor.zeros(1, 4).expand(3, 4);
        assertThrows(TensorException.class, () -> expanded.indexPut_(new Index[] {Index.at(0)}, 1.0));
        assertThrows(TensorException.class, () -> expanded.scatter_(0, Tensor.tensor(new long[][] {{0}}), 1.0));
    }

    @Test
    void gatherScatterAndFriends() {
        Tensor x = Tensor.tensor(new float[][] {{1, 2}, {3, 4}});
        Tensor idx = Tensor.tensor(new long[][] {{0, 0}, {1, 0}});
        assertArrayEquals(new float[] {1, 1, 4, 3}, x.gather(1, idx).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 3, 2}, x.gather(0, idx).toFloatArray());
        Tensor src = Tensor.tensor(new float[][] {{10, 20}, {30, 40}});
        assertArrayEquals(new float[] {30, 40, 10, 20}, Tensor.zeros(2, 2).scatter(0, Tensor.tensor(new long[][] {{1, 1}, {0, 0}}), src)
                .toFloatArray());
        assertArrayEquals(new float[] {40, 60, 0, 0}, Tensor.zeros(2, 2).scatterAdd(0, Tensor.tensor(new long[][] {{0, 0}, {0, 0}}),
                src).toFloatArray());
        assertArrayEquals(new float[] {7, 2, 3, 7}, x.scatter(1, Tensor.tensor(new long[][] {{0}, {1}}), 7.0).toFloatArray());
        assertArrayEquals(new float[] {3, 4, 1, 2, 3, 4}, x.indexSelect(0, Tensor.tensor(new long[] {1, 0, 1})).toFloatArray());
        Tensor acc = Tensor.zeros(3);
        acc.indexAdd_(0, Tensor.tensor(new int[] {2, 0, 2}), Tensor.tensor(new float[] {1, 2, 3}), 0.5);
        assertArrayEquals(new float[] {1, 0, 2}, acc.toFloatArray());
        assertArrayEquals(new float[] {4, 1}, x.take(Tensor.tensor(new long[] {-1, 0})).toFloatArray());
        assertArrayEquals(new float[] {2, 4}, x.takeAlongDim(Tensor.tensor(new long[][] {{1}, {1}}), 1).toFloatArray());
        assertArrayEquals(new float[] {2, 3}, x.maskedSelect(Tensor.tensor(new boolean[][] {{false, true}, {true, false}}))
                .toFloatArray());
        assertArrayEquals(new float[] {2, 4}, x.maskedSelect(Tensor.tensor(new boolean[] {false, true})).toFloatArray());
        Tensor nz = Tensor.tensor(new long[][] {{0, 5}, {7, 0}}).nonzero();
        assertArrayEquals(new long[] {2, 2}, nz.shape());
        assertArrayEquals(new long[] {0, 1, 1, 0}, nz.toLongArray());
        Tensor[] cols = Tensor.tensor(new long[][] {{0, 5}, {7, 0}}).nonzeroAsTuple();
        assertArrayEquals(new long[] {0, 1}, cols[0].toLongArray());
        assertArrayEquals(new long[] {1, 0}, cols[1].toLongArray());
        assertArrayEquals(new float[] {2, 3}, x.index((Object[]) cols).toFloatArray());
        assertArrayEquals(new long[] {1, 0}, Tensor.scalar(3.0).nonzero().shape());
    }

    @Test
    void gatherFamilyMessages() {
        Tensor x = Tensor.zeros(3, 4);
        TensorException e = assertThrows(TensorException.class, () -> x.gather(1, Tensor.tensor(new long[] {0, 1})));
        assertTrue(e.getMessage().contains("Index tensor must have the same number of dimensions as input tensor"));
        e = assertThrows(TensorException.class, () -> x.gather(1, Tensor.tensor(new long[][] {{0}, {1}, {2}, {0}})));
        assertTrue(e.getMessage().contains("Size does not match at dimension 0 expected index [4, 1] to be smaller than self [3, 4]"),
                e.getMessage());
        e = assertThrows(TensorException.class, () -> x.gather(1, Tensor.tensor(new float[][] {{0}})));
        assertTrue(e.getMessage().contains("Expected dtype int64 for index"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.scatter(1, Tensor.tensor(new long[][] {{0, 1, 2}, {0, 1, 2}}),
                Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("to be smaller size than src [2, 2]"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.scatter(1, Tensor.tensor(new long[][] {{0}}),
                Tensor.zeros(new long[] {1, 1}, DType.FLOAT64)));
        assertTrue(e.getMessage().contains("Expected self.dtype to be equal to src.dtype"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.indexSelect(0, Tensor.tensor(new long[][] {{0, 1}})));
        assertTrue(e.getMessage().contains("Index is supposed to be a vector"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.indexAdd(0, Tensor.tensor(new long[] {0, 1}), Tensor.zeros(3, 4)));
        assertTrue(e.getMessage().contains("Number of indices (2) should be equal to source.size(dim): (3)"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.indexAdd(0, Tensor.tensor(new long[] {0, 1}), Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("must have same slice shapes"), e.getMessage());
        e = assertThrows(TensorException.class, () -> Tensor.zeros(new long[] {3}, DType.INT64)
                .indexAdd(0, Tensor.tensor(new long[] {0}), Tensor.zeros(new long[] {1}, DType.INT64), 0.5));
        assertTrue(e.getMessage().contains("alpha must not be a floating point number"), e.getMessage());
        e = assertThrows(TensorException.class, () -> x.maskedSelect(Tensor.zeros(3, 4)));
        assertTrue(e.getMessage().contains("expected BoolTensor for mask"), e.getMessage());
    }

    /** Every Java spelling of the "Indexing" table of docs/pytorch-to-jtensor.md, run once. */
    @Test
    void documentedSpellings() {
        Tensor tensor = Tensor.arange(12).view(3, 4).to(DType.FLOAT32);
        Tensor x = Tensor.arange(24).view(2, 3, 4).to(DType.FLOAT32);
        Tensor v = Tensor.tensor(new float[] {7, 8, 9});
        Tensor idx = Tensor.tensor(new long[] {0, 2});
        Tensor i = Tensor.tensor(new long[] {0, 1});
        Tensor j = Tensor.tensor(new long[] {1, 1});
        Tensor mask = Tensor.tensor(new boolean[] {true, false, true});
        assertArrayEquals(new long[] {4}, tensor.index(0).shape());
        assertArrayEquals(new long[] {3}, tensor.index(Index.all(), 0).shape());
        assertArrayEquals(new long[] {3}, tensor.index(Index.ellipsis(), -1).shape());
        assertArrayEquals(new long[] {1, 1, 2, 4},
                x.index(Index.slice(1L, null, null), Index.newAxis(), Index.slice(null, null, 2L)).shape());
        tensor.indexPut_(Index.of(Index.all(), 1), 0);
        tensor.indexPut_(Index.of(Index.all(), 1), v);
        assertArrayEquals(new float[] {7, 8, 9}, tensor.index(Index.all(), 1).toFloatArray());
        assertArrayEquals(new long[] {2, 4}, tensor.index(mask).shape());
        tensor.indexPut_(Index.of(idx), Tensor.zeros(4));
        tensor.indexPut_(Index.of(i, j), Tensor.ones(2), true);
        assertArrayEquals(new float[] {1, 9}, tensor.index(i, j).toFloatArray());
        assertArrayEquals(new float[12], tensor.indexPut(Index.of(Index.all()), Tensor.zeros(4)).toFloatArray());
        assertEquals(2, tensor.maskedSelect(Tensor.tensor(new boolean[] {true, true, false, false})).numel() / 3);
        assertEquals(2, tensor.nonzero().dim());
        assertEquals(2, tensor.nonzeroAsTuple().length);
        Tensor g = Tensor.tensor(new long[][] {{0, 1, 2, 0}});
        assertArrayEquals(new long[] {1, 4}, tensor.gather(0, g).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.scatter(0, g, Tensor.ones(1, 4)).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.scatter(0, g, 2.5).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.clone().scatter_(0, g, Tensor.ones(1, 4)).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.scatterAdd(0, g, Tensor.ones(1, 4)).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.clone().scatterAdd_(0, g, Tensor.ones(1, 4)).shape());
        assertArrayEquals(new long[] {2, 4}, tensor.indexSelect(0, idx).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.indexAdd(0, idx, Tensor.ones(2, 4), 2).shape());
        assertArrayEquals(new long[] {3, 4}, tensor.clone().indexAdd_(0, idx, Tensor.ones(2, 4)).shape());
        assertArrayEquals(new long[] {2}, tensor.take(idx).shape());
        assertArrayEquals(new long[] {3, 1}, tensor.takeAlongDim(Tensor.tensor(new long[][] {{0}, {1}, {2}}), 1).shape());
        assertArrayEquals(new long[] {2}, tensor.takeAlongDim(idx).shape());
    }
}
