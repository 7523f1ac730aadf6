#!/usr/bin/python3
"""Writes fresh conformance cases (other values and shapes than the committed set) with real PyTorch.

Usage: /usr/bin/python3 tools/conformance_variants.py OUT_DIR [SEED]
then:  ./mvnw -q verify -pl tensor-core,tensor-ops -Dconformance.dir=OUT_DIR

It covers the foundation's files (views, creation, repr) in the committed format, so the runner can
be checked against cases it has never seen. Needs PyTorch (Debian: apt-get install python3-torch).
"""
import json
import math
import os
import random
import sys

import torch

DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64",
          torch.int32: "int32", torch.bool: "bool"}


def enc(t):
    if isinstance(t, torch.Tensor):
        data = t.detach().contiguous().reshape(-1).tolist()
        if t.dtype.is_floating_point:
            data = ["nan" if math.isnan(x) else "inf" if x == math.inf else "-inf" if x == -math.inf
                    else x for x in data]
        return {"tensor": {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data": data,
                           "strides": list(t.stride())}}
    if isinstance(t, (list, tuple)):
        return [enc(x) for x in t]
    return t


def enc_input(t):
    v = enc(t)
    del v["tensor"]["strides"]
    return v


def rand_tensor(rng, shape, dtype):
    if dtype.is_floating_point:
        return torch.tensor([round(rng.gauss(0, 1), 4) for _ in range(math.prod(shape))], dtype=dtype).reshape(shape)
    if dtype == torch.bool:
        return torch.tensor([rng.random() < 0.5 for _ in range(math.prod(shape))]).reshape(shape)
    return torch.tensor([rng.randint(-20, 20) for _ in range(math.prod(shape))], dtype=dtype).reshape(shape)


def case(cases, area, op, fn, args, kwargs=None):
    kwargs = kwargs or {}
    n = sum(1 for c in cases if c["op"] == op)
    c = {"id": f"{area}/{op}/variant{n}", "op": op,
         "args": [enc_input(a) if isinstance(a, torch.Tensor) else
                  [enc_input(x) for x in a] if isinstance(a, list) and a and isinstance(a[0], torch.Tensor) else a
                  for a in args],
         "kwargs": {k: ({"dtype": DTYPES[v]} if isinstance(v, torch.dtype) else v) for k, v in kwargs.items()}}
    try:
        c["expect"] = enc(fn())
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        c["expect"] = {"error": type(e).__name__, "message": str(e)}
    cases.append(c)


def views(rng):
    cases = []
    for _ in range(120):
        rank = rng.randint(1, 4)
        shape = [rng.randint(1, 5) for _ in range(rank)]
        dtype = rng.choice(list(DTYPES))
        x = rand_tensor(rng, shape, dtype)
        d = rng.randrange(rank)
        e = rng.randrange(rank)
        case(cases, "views", "view", lambda: x.view(-1), [x, [-1]])
        case(cases, "views", "reshape", lambda: x.reshape(shape[::-1]), [x, shape[::-1]])
        case(cases, "views", "transpose", lambda: x.transpose(d, e), [x, d, e])
        perm = list(range(rank))
        rng.shuffle(perm)
        case(cases, "views", "permute", lambda: x.permute(perm), [x, perm])
        case(cases, "views", "unsqueeze", lambda: x.unsqueeze(-1 - d), [x, -1 - d])
        case(cases, "views", "squeeze", lambda: x.squeeze(d), [x, d])
        case(cases, "views", "select", lambda: x.select(d, -1), [x, d, -1])
        case(cases, "views", "narrow", lambda: x.narrow(d, 0, 1), [x, d, 0, 1])
        case(cases, "views", "flatten", lambda: x.flatten(), [x])
        case(cases, "views", "flip", lambda: x.flip([d]), [x, [d]])
        case(cases, "views", "repeat", lambda: x.repeat([2] * rank), [x, [2] * rank])
        case(cases, "views", "chunk", lambda: x.chunk(2, d), [x, 2, d])
        case(cases, "views", "split", lambda: x.split(2, d), [x, 2, d])
        case(cases, "views", "unbind", lambda: x.unbind(d), [x, d])
        case(cases, "views", "cat", lambda: torch.cat([x, x], d), [[x, x], d])
        case(cases, "views", "stack", lambda: torch.stack([x, x], d), [[x, x], d])
        case(cases, "views", "expand", lambda: x.unsqueeze(0).expand([3] + shape), [x.unsqueeze(0), [3] + shape])
    return cases


def creation(rng):
    cases = []
    for _ in range(40):
        n = rng.randint(0, 12)
        a, b = rng.randint(-10, 0), rng.randint(1, 10)
        step = rng.randint(1, 3)
        case(cases, "creation", "arange", lambda: torch.arange(a, b, step), [a, b, step])
        case(cases, "creation", "linspace", lambda: torch.linspace(a, b, n), [a, b, n])
        case(cases, "creation", "eye", lambda: torch.eye(n, n + 1), [n, n + 1])
        shape = [rng.randint(0, 4) for _ in range(rng.randint(0, 3))]
        v = round(rng.uniform(-5, 5), 3)
        case(cases, "creation", "full", lambda: torch.full(shape, v), [shape, v])
        case(cases, "creation", "zeros", lambda: torch.zeros(shape, dtype=torch.int32), [shape], {"dtype": torch.int32})
        data = [[rng.randint(-9, 9) for _ in range(3)] for _ in range(2)]
        case(cases, "creation", "tensor", lambda: torch.tensor(data), [data])
    return cases


def repr_cases(rng):
    cases = []
    for _ in range(60):
        rank = rng.randint(0, 3)
        shape = [rng.randint(1, 6) for _ in range(rank)]
        dtype = rng.choice(list(DTYPES))
        x = rand_tensor(rng, shape, dtype)
        if dtype.is_floating_point and rng.random() < 0.3:
            x = x * 10 ** rng.randint(-6, 6)
        case(cases, "repr", "repr", lambda: None, [x])
        cases[-1]["expect"] = {"string": repr(x)}
    return cases


def main():
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    os.makedirs(out, exist_ok=True)
    for name, cases in (("views", views(rng)), ("creation", creation(rng)), ("repr", repr_cases(rng))):
        with open(os.path.join(out, name + ".jsonl"), "w") as f:
            for c in cases:
                f.write(json.dumps(c) + "\n")


if __name__ == "__main__":
    main()
