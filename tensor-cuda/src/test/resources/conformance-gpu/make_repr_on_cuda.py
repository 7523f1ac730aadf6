"""Expected repr strings of tensor-ops' repr conformance cases for tensors on cuda:0.

The repr cases (tensor-ops/src/test/resources/conformance/repr.jsonl) hold PyTorch's CPU output. On a
GPU PyTorch prints the same values with a device='cuda:0' suffix, placed by torch/_tensor_str.py's own
suffix logic (before dtype=, wrapped at the line width). This script runs that code of the installed
PyTorch on each case's tensor, with only the tensor's `device` attribute reporting cuda:0 (a subclass
named `tensor`, so the prefix stays "tensor("; PyTorch needs no GPU for this), after checking that the
same code without the override reproduces the case's CPU string exactly.

Run from the repository root with the PyTorch that made the cases (1.13 here):
    /usr/bin/python3 tensor-cuda/src/test/resources/conformance-gpu/make_repr_on_cuda.py
It writes repr-cuda.jsonl next to itself: {"id": ..., "string": ...} per case.
"""
import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "..", "..", "..", "..", "tensor-ops", "src", "test", "resources", "conformance",
                     "repr.jsonl")
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "int32": torch.int32,
          "bool": torch.bool}


class tensor(torch.Tensor):  # noqa: N801 - the class name is the repr's prefix
    __torch_function__ = torch._C._disabled_torch_function_impl

    @property
    def device(self):
        return torch.device("cuda", 0)


def number(v):
    return float(v) if isinstance(v, str) else v  # "nan", "inf", "-inf"


def build(spec):
    data = [number(v) for v in spec["data"]]
    return torch.tensor(data, dtype=DTYPES[spec["dtype"]]).reshape(spec["shape"])


def main():
    out = []
    with open(CASES) as f:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            t = build(case["args"][0]["tensor"])
            cpu = repr(t)
            if cpu != case["expect"]["string"]:
                raise SystemExit(f"{case['id']}: this PyTorch prints {cpu!r}, the case expects "
                                 f"{case['expect']['string']!r}")
            gpu = torch._tensor_str._str(t.as_subclass(tensor))
            if "device='cuda:0'" not in gpu or not gpu.startswith("tensor("):
                raise SystemExit(f"{case['id']}: unexpected {gpu!r}")
            out.append({"id": case["id"], "string": gpu})
    with open(os.path.join(HERE, "repr-cuda.jsonl"), "w") as f:
        for o in out:
            f.write(json.dumps(o) + "\n")
    print(f"wrote {len(out)} cases with torch {torch.__version__}")


if __name__ == "__main__":
    main()
