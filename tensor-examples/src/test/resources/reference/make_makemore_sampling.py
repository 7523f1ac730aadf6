"""Writes makemore_trained.npz and makemore_sampling.json for MakemoreTest: trains the makemore MLP
exactly as reference/makemore_mlp.json describes (with the PyTorch at hand: Debian's python3-torch
1.13.1, CPU, no MKL), saves the trained parameters under the Java model's state-dict names, and
records the full-data loss of those parameters and ten names sampled from them.
    python3 make_makemore_sampling.py /path/to/names.txt"""
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F

words = open(sys.argv[1]).read().splitlines()
chars = sorted(set(''.join(words)))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
X, Y = [], []
for w in words:
    context = [0] * 3
    for ch in w + '.':
        ix = stoi[ch]
        X.append(context)
        Y.append(ix)
        context = context[1:] + [ix]
X = torch.tensor(X)
Y = torch.tensor(Y)

g = torch.Generator().manual_seed(2147483647)
C = torch.randn((27, 10), generator=g)
W1 = torch.randn((30, 200), generator=g)
b1 = torch.randn(200, generator=g)
W2 = torch.randn((200, 27), generator=g)
b2 = torch.randn(27, generator=g)
params = [C, W1, b1, W2, b2]
for p in params:
    p.requires_grad = True
for i in range(2000):
    ix = torch.randint(0, X.shape[0], (32,), generator=g)
    h = torch.tanh(C[X[ix]].view(-1, 30) @ W1 + b1)
    loss = F.cross_entropy(h @ W2 + b2, Y[ix])
    for p in params:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 1000 else 0.01
    for p in params:
        p.data += -lr * p.grad

with torch.no_grad():
    full = F.cross_entropy(torch.tanh(C[X].view(-1, 30) @ W1 + b1) @ W2 + b2, Y).item()
    g = torch.Generator().manual_seed(2147483647 + 10)
    samples = []
    for _ in range(10):
        out, context = [], [0] * 3
        while True:
            h = torch.tanh(C[torch.tensor([context])].view(1, -1) @ W1 + b1)
            probs = F.softmax(h @ W2 + b2, dim=1)
            ix = torch.multinomial(probs, num_samples=1, replacement=True, generator=g).item()
            context = context[1:] + [ix]
            if ix == 0:
                break
            out.append(itos[ix])
        samples.append(''.join(out))

np.savez('makemore_trained.npz', C=C.detach().numpy(), W1=W1.detach().numpy(), b1=b1.detach().numpy(),
         W2=W2.detach().numpy(), b2=b2.detach().numpy())
json.dump({"torch": torch.__version__, "full_loss": full, "samples": samples}, open('makemore_sampling.json', 'w'))
print(full, samples)
