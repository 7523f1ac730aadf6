"""Writes multinomial.txt for MultinomialTest: PyTorch's torch.multinomial on exact float32/float64
probabilities (made with Debian's python3-torch 1.13.1, CPU, no MKL):  python3 make_multinomial.py
Each case: a header line 'case <dtype> <rows> <cols> <seed> <num_samples> <replacement>', a line of
probabilities (float.hex, row-major), and a line of the sampled indices (row-major)."""
import torch

lines = []


def case(probs, seed, n, replacement):
    g = torch.Generator().manual_seed(seed)
    out = torch.multinomial(probs, n, replacement=replacement, generator=g)
    rows, cols = (1, probs.shape[0]) if probs.dim() == 1 else tuple(probs.shape)
    dtype = str(probs.dtype).replace("torch.", "")
    lines.append(f"case {dtype} {probs.dim()} {rows} {cols} {seed} {n} {int(replacement)}")
    lines.append(" ".join(float(v).hex() for v in probs.flatten().tolist()))
    lines.append(" ".join(str(v) for v in out.flatten().tolist()))


g = torch.Generator().manual_seed(5)
p = torch.softmax(torch.randn(3, 27, generator=g), 1)
case(p, 7, 1, True)
case(p, 7, 1, False)
case(p, 7, 5, True)
case(p, 7, 5, False)
case(p[0], 11, 1, True)
case(p.double(), 13, 4, True)
w = torch.rand(4, 9, generator=g) * torch.tensor([1, 0, 2, 0, 3, 1, 0, 1, 5.0])
case(w, 17, 1, True)
case(w, 17, 3, True)
case(w, 19, 3, False)
for seed in range(20, 30):
    case(torch.softmax(torch.randn(1, 27, generator=g) * 2, 1), seed, 1, True)
print("\n".join(lines))
