"""PyTorch twin of dev.jtensor.examples.NanoGpt (run with /usr/bin/python3, PyTorch 1.13, CPU, one thread).

Same seeds, same construction order (so the same initial parameters), same batches, same ops.
Writes tensor-examples/src/test/resources/reference/nanogpt_twin.json (every minibatch loss, the
evaluation loss after training, the sampled names) when given that path as its argument.
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, N_EMBD, N_HEAD, BLOCK, N_LAYER = 27, 32, 4, 8, 2
BATCH, STEPS, LR, WEIGHT_DECAY, CLIP = 32, 300, 1e-2, 0.01, 1.0
INIT_SEED, BATCH_SEED, EVAL_SEED, SAMPLE_SEED, EVAL_BATCH = 1337, 42, 7, 2147483647, 256

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = os.path.join(HERE, "..", "..", "main", "resources", "data", "names.txt")


def load_stream():
    words = [l.strip() for l in open(NAMES, encoding="utf-8") if l.strip()]
    text = "." + ".".join(words) + "."
    return torch.tensor([0 if ch == "." else ord(ch) - ord("a") + 1 for ch in text], dtype=torch.int64)


def batch(data, n, g):
    ix = torch.randint(0, data.numel() - BLOCK, (n,), generator=g)
    pos = ix.view(-1, 1) + torch.arange(BLOCK)
    return data[pos], data[pos + 1]


class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(N_EMBD, N_EMBD, bias=False)
        self.key = nn.Linear(N_EMBD, N_EMBD, bias=False)
        self.value = nn.Linear(N_EMBD, N_EMBD, bias=False)
        self.proj = nn.Linear(N_EMBD, N_EMBD)

    def forward(self, x):
        B, T, C = x.shape
        hs = C // N_HEAD
        q = self.query(x).view(B, T, N_HEAD, hs).transpose(1, 2)
        k = self.key(x).view(B, T, N_HEAD, hs).transpose(1, 2)
        v = self.value(x).view(B, T, N_HEAD, hs).transpose(1, 2)
        att = q.matmul(k.transpose(-2, -1)).mul(1.0 / math.sqrt(hs))
        mask = torch.ones(T, T).tril().eq(0)
        att = F.softmax(att.masked_fill(mask, float("-inf")), -1)
        y = att.matmul(v).transpose(1, 2).contiguous().view(B, T, C)
        return self.proj(y)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(N_EMBD, 4 * N_EMBD)
        self.out = nn.Linear(4 * N_EMBD, N_EMBD)

    def forward(self, x):
        return self.out(F.gelu(self.fc(x)))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = nn.LayerNorm(N_EMBD)
        self.attn = SelfAttention()
        self.ln2 = nn.LayerNorm(N_EMBD)
        self.mlp = Mlp()

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class Gpt(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok_emb = nn.Embedding(VOCAB, N_EMBD)
        self.pos_emb = nn.Embedding(BLOCK, N_EMBD)
        self.blocks = nn.ModuleList([Block() for _ in range(N_LAYER)])
        self.ln_f = nn.LayerNorm(N_EMBD)
        self.head = nn.Linear(N_EMBD, VOCAB)

    def forward(self, idx):
        T = idx.shape[1]
        x = self.tok_emb(idx) + self.pos_emb(torch.arange(T))
        for b in self.blocks:
            x = b(x)
        return self.head(self.ln_f(x))


def loss_of(model, x, y):
    logits = model(x)
    return F.cross_entropy(logits.view(-1, VOCAB), y.view(-1))


def sample(model, g, count):
    names = []
    with torch.no_grad():
        for _ in range(count):
            ctx = [0]
            name = ""
            while len(name) < 20:
                logits = model(torch.tensor([ctx[-BLOCK:]]))
                probs = F.softmax(logits[0, -1], -1)
                ix = torch.multinomial(probs, 1, generator=g).item()
                if ix == 0:
                    break
                ctx.append(ix)
                name += chr(ord("a") + ix - 1)
            names.append(name)
    return names


def main():
    data = load_stream()
    torch.manual_seed(INIT_SEED)
    model = Gpt()
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=STEPS)
    g = torch.Generator().manual_seed(BATCH_SEED)
    losses = []
    for step in range(STEPS):
        x, y = batch(data, BATCH, g)
        loss = loss_of(model, x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), CLIP)
        opt.step()
        sched.step()
        losses.append(loss.item())
    ex, ey = batch(data, EVAL_BATCH, torch.Generator().manual_seed(EVAL_SEED))
    with torch.no_grad():
        eval_loss = loss_of(model, ex, ey).item()
    names = sample(model, torch.Generator().manual_seed(SAMPLE_SEED), 5)
    out = {
        "description": "nanogpt_twin.py (tensor-examples/src/test/python), PyTorch " + torch.__version__
        + " CPU, 1 thread: minibatch losses of every step before its update, the loss on the evaluation batch "
        "after training, and five sampled names",
        "steps": STEPS,
        "losses": losses,
        "eval_loss": eval_loss,
        "names": names,
    }
    print("step 0 loss %.6f, step %d loss %.6f, eval %.6f, names %s" % (losses[0], STEPS - 1, losses[-1], eval_loss, names))
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
