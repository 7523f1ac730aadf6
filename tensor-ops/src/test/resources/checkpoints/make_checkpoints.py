"""Writes PyTorch 1.13 checkpoints for CheckpointTest (run with /usr/bin/python3, which has torch):
seq.safetensors: the state dict of nn.Sequential(nn.Conv1d(2, 3, 2), nn.BatchNorm1d(3), nn.Flatten(),
nn.Linear(9, 4)) built after torch.manual_seed(21) and trained one step (so the BatchNorm buffers and
num_batches_tracked are not at their initial values), written in the safetensors layout (NumPy bytes:
PyTorch 1.13 has no safetensors writer). The test builds the same model in Java with the same seed and
checks its initial parameters and the loaded state bit for bit."""
import json, struct
import numpy as np
import torch

torch.manual_seed(21)
m = torch.nn.Sequential(torch.nn.Conv1d(2, 3, 2), torch.nn.BatchNorm1d(3), torch.nn.Flatten(), torch.nn.Linear(9, 4))
init = {k: v.clone() for k, v in m.state_dict().items()}
opt = torch.optim.SGD(m.parameters(), lr=0.1)
x = torch.randn(5, 2, 4)
m(x).square().mean().backward()
opt.step()


def write(state, path):
    names = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}
    header, offset, data = {}, 0, b""
    for k, v in state.items():
        raw = v.detach().contiguous().numpy().tobytes()
        header[k] = {"dtype": names[v.dtype], "shape": list(v.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        data += raw
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


write(init, "seq_init.safetensors")
write(m.state_dict(), "seq_trained.safetensors")
