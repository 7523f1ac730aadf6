"""Writes fixture.safetensors for SafeTensorsTest: the safetensors layout (Hugging Face's format: an 8-byte
little-endian header length, a JSON header, raw little-endian data) produced with NumPy, entries in the
order of their data, as the reference writer lays them out. Run with any python3 that has NumPy."""
import json, struct
import numpy as np

tensors = {
    "weight": np.array([[1.5, -0.0, float("inf")], [float("-inf"), 1e-45, -2.25]], dtype="<f4"),
    "bias": np.array([0.1, -1e300, 3.0], dtype="<f8"),
    "ids": np.array([0, -1, 2**62, -(2**63)], dtype="<i8"),
    "counts": np.array([[7, -8]], dtype="<i4"),
    "mask": np.array([[True, False], [False, True]], dtype="|b1"),
    "scalar": np.array(2.5, dtype="<f4"),
    "empty": np.zeros((0, 3), dtype="<f4"),
}
names = {"<f4": "F32", "<f8": "F64", "<i8": "I64", "<i4": "I32", "|b1": "BOOL"}
header, offset, data = {"__metadata__": {"format": "pt", "source": "make_fixture.py"}}, 0, b""
for name, a in tensors.items():
    raw = a.tobytes()
    header[name] = {"dtype": names[a.dtype.str], "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
    offset += len(raw)
    data += raw
text = json.dumps(header).encode()
text += b" " * ((8 - len(text) % 8) % 8)
with open("fixture.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)
