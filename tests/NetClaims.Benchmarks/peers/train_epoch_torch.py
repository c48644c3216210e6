#!/usr/bin/env python3
"""PyTorch peer of the training-epoch benchmark: one full-batch Adam epoch (forward, MSE, backward, step) of the
two-layer ReLU net f(x) = a . relu(W x + b) + c, in float32 on the CPU.

usage: train_epoch_torch.py D M N REPEATS THREADS
prints one line: 'seconds <median epoch seconds> torch <version> threads <n>'
needs PyTorch (Debian: apt-get install python3-torch)."""
import sys
import time

import torch

d, m, n, repeats, threads = (int(v) for v in sys.argv[1:6])
torch.set_num_threads(threads)
torch.manual_seed(1)
x = torch.rand(n, d) * 2 - 1
y = torch.rand(n, 1)
net = torch.nn.Sequential(torch.nn.Linear(d, m), torch.nn.ReLU(), torch.nn.Linear(m, 1))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.MSELoss()


def epoch():
    opt.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    opt.step()
    return loss.item()


epoch()  # warm-up
times = []
for _ in range(repeats):
    start = time.perf_counter()
    epoch()
    times.append(time.perf_counter() - start)
times.sort()
print(f"seconds {times[len(times) // 2]:.6f} torch {torch.__version__} threads {threads}")
