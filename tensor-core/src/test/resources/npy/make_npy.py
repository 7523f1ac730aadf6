# Regenerates the .npy/.npz test files: python3 make_npy.py (NumPy 2.x; any NumPy >= 1.23 writes the same bytes).
import numpy as np

np.save("f32_2x3.npy", np.array([[0.1, -1.5, 2.25], [1e-5, 3e38, -0.0]], dtype=np.float32))
np.save("f64_scalar.npy", np.array(np.pi))
np.save("f64_nan_inf.npy", np.array([np.nan, np.inf, -np.inf, 1.5]))
np.save("i64_5.npy", np.array([-2**62, -1, 0, 1, 2**62 + 3], dtype=np.int64))
np.save("i32_2x2x2.npy", np.arange(-4, 4, dtype=np.int32).reshape(2, 2, 2))
np.save("bool_4.npy", np.array([True, False, False, True]))
np.save("f32_empty_0x3.npy", np.zeros((0, 3), dtype=np.float32))
np.save("f32_fortran_2x3x4.npy", np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)))
np.save("f32_2x3x4.npy", np.arange(24, dtype=np.float32).reshape(2, 3, 4))
with open("i64_3_v2.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([7, 8, 9], dtype=np.int64), version=(2, 0))
with open("f64_2x2_v3.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([[1.0, 2.0], [3.0, 4.0]]), version=(3, 0))
np.save("f32_big_endian.npy", np.array([1.0, 2.0], dtype=">f4"))
np.save("u8_unsupported.npy", np.array([1, 2, 3], dtype=np.uint8))
np.savez("pair.npz", weight=np.arange(6, dtype=np.float32).reshape(2, 3), bias=np.array([0.5, -0.5], dtype=np.float32),
         steps=np.array(3, dtype=np.int64))
np.savez_compressed("pair_compressed.npz", weight=np.arange(6, dtype=np.float32).reshape(2, 3),
                    mask=np.array([True, False]))
