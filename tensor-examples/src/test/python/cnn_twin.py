"""PyTorch twin of dev.jtensor.examples.QuadrantCnn (run with /usr/bin/python3, PyTorch 1.13, CPU, one thread).

Same seeds, same construction order, same synthetic batches, same ops. Writes
tensor-examples/src/test/resources/reference/cnn_twin.json (every minibatch loss and the accuracy on
a held-out batch) when given that path as its argument.
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

SIZE, BATCH, STEPS, LR, NOISE = 8, 32, 60, 3e-3, 0.5
INIT_SEED, DATA_SEED, TEST_SEED, TEST_BATCH = 0, 1, 2, 256

torch.set_num_threads(1)


def batch(n, g):
    """Images [n, 1, 8, 8]: noise NOISE * randn plus a 2x2 blob of +1 inside quadrant label = 2 * qr + qc."""
    qr = torch.randint(0, 2, (n,), generator=g)
    qc = torch.randint(0, 2, (n,), generator=g)
    r = torch.randint(0, 3, (n,), generator=g)
    c = torch.randint(0, 3, (n,), generator=g)
    noise = torch.randn(n, 1, SIZE, SIZE, generator=g).mul(NOISE)
    top = qr.mul(4).add(r).view(-1, 1)
    left = qc.mul(4).add(c).view(-1, 1)
    ar = torch.arange(SIZE).view(1, -1)
    in_rows = ar.ge(top).logical_and(ar.lt(top.add(2)))
    in_cols = ar.ge(left).logical_and(ar.lt(left.add(2)))
    blob = in_rows.view(n, SIZE, 1).logical_and(in_cols.view(n, 1, SIZE))
    x = noise.add(blob.view(n, 1, SIZE, SIZE).float())
    return x, qr.mul(2).add(qc)


def model():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 2 * 2, 4))


def main():
    torch.manual_seed(INIT_SEED)
    net = model()
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    g = torch.Generator().manual_seed(DATA_SEED)
    losses = []
    for step in range(STEPS):
        x, y = batch(BATCH, g)
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    tx, ty = batch(TEST_BATCH, torch.Generator().manual_seed(TEST_SEED))
    with torch.no_grad():
        logits = net(tx)
        test_loss = F.cross_entropy(logits, ty).item()
        correct = logits.argmax(1).eq(ty).sum().item()
    out = {
        "description": "cnn_twin.py (tensor-examples/src/test/python), PyTorch " + torch.__version__
        + " CPU, 1 thread: minibatch losses of every step before its update, then the loss and the number "
        "of correct predictions on the held-out batch",
        "steps": STEPS,
        "losses": losses,
        "test_loss": test_loss,
        "test_correct": correct,
        "test_batch": TEST_BATCH,
    }
    print("step 0 loss %.6f, step %d loss %.6f, test loss %.6f, correct %d/%d" % (losses[0], STEPS - 1, losses[-1], test_loss, correct, TEST_BATCH))
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
