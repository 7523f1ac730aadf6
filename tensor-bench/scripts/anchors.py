#!/usr/bin/env python3
"""The NumPy and PyTorch twins of JTensor's JMH benchmarks (tensor-bench), timed like JMH does.

Run by report.py, once per benchmark group and library, in a fresh process so that the thread
count is fixed before the library starts its thread pools:

    OPENBLAS_NUM_THREADS=1 python3 anchors.py --lib numpy --group matmul --threads 1
    /usr/bin/python3 anchors.py --lib torch --group elementwise

Timing mirrors the JMH settings of the Java side (Mode.AverageTime): `--warmup` iterations, then
`--iters` measured iterations, each of about `--time` seconds; an iteration calls the operation
until its time is used up and reports the average time per call. Each result is one JSON object
per line on stdout: the benchmark's name, its parameters and the per-iteration averages in
microseconds. A library that cannot be imported prints one line with "missing" and its reason.
"""

import argparse
import json
import os
import sys
import time

MATMUL_SIZES = [128, 256, 512, 1024, 2048]


def measure(fn, warmup, iters, seconds):
    """Per-iteration mean time per call (us) of `iters` iterations after `warmup` iterations.

    Calls are grouped into chunks between clock reads so that reading the clock costs nothing
    measurable even for microsecond operations (JMH reads the clock once per iteration).
    """
    chunk = 1
    # Size the chunk so that one chunk takes about a millisecond.
    while True:
        t0 = time.perf_counter()
        for _ in range(chunk):
            fn()
        if time.perf_counter() - t0 >= 1e-3 or chunk >= 1 << 20:
            break
        chunk *= 2
    results = []
    for i in range(warmup + iters):
        calls = 0
        t0 = time.perf_counter()
        deadline = t0 + seconds
        while True:
            for _ in range(chunk):
                fn()
            calls += chunk
            t1 = time.perf_counter()
            if t1 >= deadline:
                break
        if i >= warmup:
            results.append((t1 - t0) / calls * 1e6)
    return results


def numpy_cases(args):
    import numpy as np

    rng = np.random.default_rng(0)
    cases = []
    if args.group == "matmul":
        for n in args.sizes:
            a = rng.standard_normal((n, n), dtype=np.float32)
            b = rng.standard_normal((n, n), dtype=np.float32)
            cases.append(("MatmulBench.matmul", {"n": n, "threads": args.threads}, "a @ b", lambda a=a, b=b: a @ b))
    return cases


def torch_cases(args):
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    cases = []
    g = args.group
    if g == "matmul":
        for n in args.sizes:
            a = torch.randn(n, n)
            b = torch.randn(n, n)
            cases.append(("MatmulBench.matmul", {"n": n, "threads": args.threads}, "a @ b", lambda a=a, b=b: a @ b))
    elif g == "elementwise":
        a = torch.randn(4096, 1024)
        b = torch.randn(1024)
        out = torch.empty(4096, 1024)
        cases.append(("ElementwiseBench.addBroadcast", {}, "a + b", lambda: a + b))
        cases.append(("ElementwiseBench.addBroadcastInto", {}, "torch.add(a, b, out=out)",
                      lambda: torch.add(a, b, out=out)))
    elif g == "reduction":
        x = torch.randn(4096, 1024)
        cases.append(("ReductionBench.sumDim1", {}, "x.sum(dim=1, keepdim=True)", lambda: x.sum(dim=1, keepdim=True)))
    elif g == "softmax":
        x = torch.randn(4096, 1024)
        cases.append(("SoftmaxBench.softmaxDim1", {}, "torch.softmax(x, dim=1)", lambda: torch.softmax(x, dim=1)))
    elif g == "embedding":
        table = torch.randn(50000, 256)
        idx = torch.randint(0, 50000, (64, 128))
        cases.append(("EmbeddingBench.gather", {}, "table[idx]", lambda: table[idx]))
    elif g == "crossentropy":
        logits = torch.randn(4096, 1000, requires_grad=True)
        targets = torch.randint(0, 1000, (4096,))

        def step():
            # Drop the previous gradient so that backward writes a fresh one instead of accumulating.
            logits.grad = None
            F.cross_entropy(logits, targets).backward()

        cases.append(("CrossEntropyBench.forwardBackward", {},
                      "F.cross_entropy(logits, targets).backward()", step))
    elif g == "mlp":
        cases.append(("MlpStepBench.step", {}, "makemore MLP training step (batch 32)", mlp_step(torch, F)))
    elif g == "tinyop":
        a = torch.randn(2, 2)
        b = torch.randn(2, 2)
        cases.append(("TinyOpBench.add2x2", {}, "a + b (2x2)", lambda: a + b))
    elif g == "alloc":
        cases.append(("AllocBench.empty4096x1024", {}, "torch.empty(4096, 1024)", lambda: torch.empty(4096, 1024)))
    elif g == "random":
        cases.append(("RandomBench.randn1M", {}, "torch.randn(1_000_000)", lambda: torch.randn(1_000_000)))
    else:
        raise SystemExit("unknown group " + g)
    return cases


def mlp_step(torch, F):
    """Karpathy's makemore MLP (part 2) training step: the same model and batches as MlpStepBench."""
    g = torch.Generator().manual_seed(2147483647)
    C = torch.randn((27, 10), generator=g, requires_grad=True)
    W1 = torch.randn((30, 200), generator=g, requires_grad=True)
    b1 = torch.randn(200, generator=g, requires_grad=True)
    W2 = torch.randn((200, 27), generator=g, requires_grad=True)
    b2 = torch.randn(27, generator=g, requires_grad=True)
    params = [C, W1, b1, W2, b2]
    opt = torch.optim.SGD(params, lr=0.1)
    batches = 64
    X = torch.randint(0, 27, (batches, 32, 3), generator=g)
    Y = torch.randint(0, 27, (batches, 32), generator=g)
    state = {"k": 0}

    def step():
        k = state["k"]
        state["k"] = (k + 1) % batches
        Xb, Yb = X[k], Y[k]
        emb = C[Xb]                                  # [32, 3, 10]
        h = torch.tanh(emb.view(-1, 30) @ W1 + b1)   # [32, 200]
        logits = h @ W2 + b2                         # [32, 27]
        loss = F.cross_entropy(logits, Yb)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    return step


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lib", choices=["numpy", "torch"], required=True)
    p.add_argument("--group", required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--sizes", type=lambda s: [int(v) for v in s.split(",")], default=MATMUL_SIZES)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--iters", type=int, default=5)
    p.add_argument("--time", type=float, default=1.0, help="seconds per iteration")
    args = p.parse_args()

    try:
        if args.lib == "numpy":
            import numpy
            version = numpy.__version__
            cases = numpy_cases(args)
        else:
            import torch
            torch.set_num_threads(args.threads)
            version = torch.__version__
            cases = torch_cases(args)
    except ImportError as e:
        print(json.dumps({"missing": True, "lib": args.lib, "reason": f"{sys.executable}: {e}"}))
        return
    for name, params, call, fn in cases:
        raw = measure(fn, args.warmup, args.iters, args.time)
        print(json.dumps({"benchmark": name, "params": params, "lib": args.lib, "version": version,
                          "python": sys.executable, "call": call, "threads": args.threads,
                          "raw_us": raw}), flush=True)


if __name__ == "__main__":
    main()
