"""Writes optim.json: PyTorch's torch.optim trajectories (single-tensor, foreach=False) for
OptimizerReferenceTest. Run with PyTorch (made with Debian's python3-torch 1.13.1, CPU, no MKL):
    python3 make_references.py > optim.json
Parameters and per-step gradients are float32 values drawn from fixed seeds and written out, so
the Java test sets the same gradients and compares the parameters after every step."""
import json
import torch

STEPS = 6


def run(name, make, shapes):
    g = torch.Generator().manual_seed(1234)
    params = [torch.randn(s, generator=g).requires_grad_() for s in shapes]
    init = [p.detach().clone() for p in params]
    opt = make(params)
    grads, after = [], []
    for _ in range(STEPS):
        gs = [torch.randn(s, generator=g) for s in shapes]
        for p, gr in zip(params, gs):
            p.grad = gr.clone()
        opt.step()
        grads.append([gr.flatten().tolist() for gr in gs])
        after.append([p.detach().flatten().tolist() for p in params])
    return {"name": name, "shapes": shapes, "init": [t.flatten().tolist() for t in init],
            "grads": grads, "after": after}


F = dict(foreach=False)
cases = [
    run("sgd", lambda ps: torch.optim.SGD(ps, lr=0.1, **F), [[5], [2, 3]]),
    run("sgd_momentum", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, **F), [[5], [2, 3]]),
    run("sgd_dampening_wd", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, dampening=0.1,
                                                        weight_decay=0.01, **F), [[5], [2, 3]]),
    run("sgd_nesterov", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True,
                                                    weight_decay=0.01, **F), [[5], [2, 3]]),
    run("adam", lambda ps: torch.optim.Adam(ps, lr=1e-2, **F), [[5], [2, 3]]),
    run("adam_wd_amsgrad", lambda ps: torch.optim.Adam(ps, lr=1e-2, betas=(0.8, 0.99), eps=1e-6,
                                                        weight_decay=0.1, amsgrad=True, **F), [[5], [2, 3]]),
    run("adamw", lambda ps: torch.optim.AdamW(ps, lr=1e-2, weight_decay=0.1, **F), [[5], [2, 3]]),
    run("adamw_amsgrad", lambda ps: torch.optim.AdamW(ps, lr=3e-2, amsgrad=True, **F), [[5], [2, 3]]),
]
print(json.dumps({"torch": torch.__version__, "steps": STEPS, "cases": cases}))
