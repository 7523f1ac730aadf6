#!/usr/bin/python3
"""Writes the checkpoint test fixtures with real PyTorch (1.13) and checks Java-written safetensors files.

    /usr/bin/python3 tools/make_checkpoint_fixtures.py            # (re)write the fixtures
    /usr/bin/python3 tools/make_checkpoint_fixtures.py --verify F  # read F (written by JTensor) and compare
                                                                   # it with the dtypes fixture's tensors
    /usr/bin/python3 tools/make_checkpoint_fixtures.py --verify-pt F REF  # torch.load F (written by JTensor,
                                        # weights_only) and compare it with REF: values, layouts, shared storages

PyTorch 1.13 has no safetensors package, so the safetensors files are written and read here with struct and
json, following the format's specification (8-byte little-endian header length, compact JSON header padded
with spaces to a multiple of 8, tensors sorted by element size then name, raw little-endian data).
The .pt files are torch.save's own output. Expected values go into .npz files written by NumPy.
"""
import collections
import json
import os
import struct
import sys
import zipfile

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORE = os.path.join(ROOT, "tensor-core/src/test/resources/checkpoints")
OPS = os.path.join(ROOT, "tensor-ops/src/test/resources/checkpoints")

CODES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64", torch.int32: "I32", torch.bool: "BOOL"}
DTYPES = {v: k for k, v in CODES.items()}


def write_safetensors(path, tensors, metadata=None):
    items = sorted(tensors.items(), key=lambda kv: (-kv[1].element_size(), kv[0]))
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset = 0
    blobs = []
    for name, t in items:
        data = t.contiguous().numpy().tobytes()  # little-endian on this machine
        assert sys.byteorder == "little"
        header[name] = {"dtype": CODES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        np_dtype = torch.empty(0, dtype=dtype).numpy().dtype
        arr = np.frombuffer(data[begin:end], dtype=np_dtype).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out, metadata


def dtype_tensors():
    tiny = np.float32(1e-45)  # the smallest float32 subnormal
    return collections.OrderedDict(
        f32=torch.tensor([[0.0, -0.0, 1.5, float("inf")], [float("-inf"), float("nan"), float(tiny), 3.4028235e38]],
                         dtype=torch.float32),
        f64=torch.tensor([1.0 / 3.0, -2.5e-310, 1e308, -0.0], dtype=torch.float64),
        i64=torch.tensor([[-(2 ** 63), 2 ** 63 - 1], [0, -1]], dtype=torch.int64),
        i32=torch.tensor([-(2 ** 31), 2 ** 31 - 1, 7], dtype=torch.int32),
        bool=torch.tensor([True, False, True], dtype=torch.bool),
        scalar=torch.tensor(2.75, dtype=torch.float32),
        empty=torch.zeros(0, 3, dtype=torch.float32),
    )


def save_npz(path, tensors):
    np.savez(path, **{k: v.numpy() for k, v in tensors.items()})


class Evil:
    """Pickles as a call of os.system: a hostile checkpoint must be rejected without running it."""

    def __reduce__(self):
        return (os.system, ("echo pwned-by-checkpoint",))


def tiny_model():
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Embedding(10, 6), torch.nn.Linear(6, 8), torch.nn.LayerNorm(8), torch.nn.Tanh(),
        torch.nn.Linear(8, 4))
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    x = torch.randint(0, 10, (16, 3))
    y = torch.randn(16, 3, 4)
    for _ in range(20):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
    model.eval()
    inputs = torch.randint(0, 10, (5, 3))
    with torch.no_grad():
        outputs = model(inputs)
    return model, inputs, outputs


def make():
    os.makedirs(CORE, exist_ok=True)
    os.makedirs(OPS, exist_ok=True)
    tensors = dtype_tensors()
    save_npz(os.path.join(CORE, "dtypes_expected.npz"), tensors)
    write_safetensors(os.path.join(CORE, "dtypes.safetensors"), tensors, {"format": "pt", "note": "made by tools/make_checkpoint_fixtures.py"})
    torch.save(tensors, os.path.join(CORE, "dtypes.pt"))

    # Views: strided, transposed, offset, and a Parameter, all over one or two shared storages.
    base = torch.arange(24, dtype=torch.float64).reshape(4, 6)
    views = collections.OrderedDict(
        base=base, strided=base[::2, 1::2], transposed=base.t(), row=base[2], scalar_view=base[3, 5],
        param=torch.nn.Parameter(torch.tensor([1.0, -2.0])), ints=torch.arange(6).reshape(2, 3)[:, 1:])
    save_npz(os.path.join(CORE, "views_expected.npz"), {k: v.detach() for k, v in views.items()})
    torch.save(views, os.path.join(CORE, "views.pt"))

    # A training checkpoint: a state_dict (an OrderedDict with _metadata, set through BUILD) among numbers,
    # strings, tuples, lists, booleans and None.
    torch.manual_seed(1)
    lin = torch.nn.Linear(3, 2)
    checkpoint = {"model": lin.state_dict(), "step": 7, "lr": 0.5, "name": "run-1", "betas": (0.9, 0.999),
                  "milestones": [10, 20], "nested": {"flag": True, "none": None, "big": 2 ** 40, "neg": -5,
                                                     "huge": 2 ** 70}}
    save_npz(os.path.join(CORE, "checkpoint_expected.npz"), lin.state_dict())
    torch.save(checkpoint, os.path.join(CORE, "checkpoint.pt"))

    # Hostile: torch.save of an object whose pickle calls os.system (GLOBAL posix.system + REDUCE).
    torch.save({"weight": torch.ones(2), "payload": Evil()}, os.path.join(CORE, "evil_global.pt"))
    # Hostile: a hand-made archive calling builtins.eval.
    with zipfile.ZipFile(os.path.join(CORE, "evil_eval.pt"), "w") as z:
        z.writestr("evil_eval/data.pkl", b"\x80\x02cbuiltins\neval\nX\x0b\x00\x00\x00print('hi')\x85R.")
        z.writestr("evil_eval/version", b"3\n")

    model, inputs, outputs = tiny_model()
    torch.save(model.state_dict(), os.path.join(OPS, "tiny_model.pt"))
    write_safetensors(os.path.join(OPS, "tiny_model.safetensors"), model.state_dict())
    write_safetensors(os.path.join(OPS, "tiny_model_io.safetensors"), {"input": inputs, "output": outputs})


def verify(path):
    loaded, metadata = read_safetensors(path)
    expected = dtype_tensors()
    assert list(sorted(loaded)) == list(sorted(expected)), (sorted(loaded), sorted(expected))
    for name, t in expected.items():
        got = loaded[name]
        assert got.dtype == t.dtype and got.shape == t.shape, (name, got.dtype, got.shape, t.dtype, t.shape)
        assert got.numpy().tobytes() == t.numpy().tobytes(), (name, got, t)
    print("OK: %d tensors bit for bit, metadata %s" % (len(loaded), metadata))


def verify_pt(path, reference):
    got = torch.load(path, weights_only=True)
    want = torch.load(reference, weights_only=True)
    assert list(got) == list(want), (list(got), list(want))

    def storage_groups(d):
        ptrs = [t.storage().data_ptr() for t in d.values()]
        return [[ptrs.index(p) for p in ptrs]]

    for name, t in want.items():
        g = got[name]
        assert (g.dtype, g.shape, g.stride(), g.storage_offset()) == (t.dtype, t.shape, t.stride(), t.storage_offset()), \
            (name, g.dtype, g.shape, g.stride(), g.storage_offset(), t.dtype, t.shape, t.stride(), t.storage_offset())
        assert g.detach().contiguous().numpy().tobytes() == t.detach().contiguous().numpy().tobytes(), (name, g, t)
    assert storage_groups(got) == storage_groups(want), (storage_groups(got), storage_groups(want))
    print("OK: %d tensors with the same layouts, storage sharing and bits as %s" % (len(got), reference))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--verify":
        verify(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "--verify-pt":
        verify_pt(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--show-pt":
        print(torch.load(sys.argv[2]))
    else:
        make()
