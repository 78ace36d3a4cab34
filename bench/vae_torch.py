#!/usr/bin/env python3
"""One stochastic lane's step of samplegrad's digits VAE, written in PyTorch (CPU, one thread).

Run by hand, not in CI (PyTorch is not a dependency of samplegrad):

    pip install torch numpy
    swift build -c release
    python3 bench/vae_torch.py --samplegrad .build/release/samplegrad

It times the same step as `samplegrad bench --preset digits-vae` ("disarm step, 1 core"):
D = 8 latent bits, B = 32 images (training rows t B + j mod 1500), for each image one DisARM
estimate of dL/dl for the encoder's bits (chained to U and e), the decoder's and prior's
gradient of f at the hard sample b, and one Adam step (0.9, 0.999, eps 1e-8 added to
sqrt(v-hat), as torch.optim.Adam does). The data are read from samplegrad's packed copy
(Sources/SampleGradCore/Digits/DigitsPacked.swift). Then it runs samplegrad's own bench in
the same run and prints both and their ratio, in wall-clock time and in the CPU time each
got (time.thread_time here, the thread's CPU clock in samplegrad): on a shared machine the
wall clock also counts other programs' time.
"""
import argparse
import json
import math
import os
import re
import subprocess
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_training():
    text = open(os.path.join(ROOT, "Sources/SampleGradCore/Digits/DigitsPacked.swift")).read()
    rows = re.findall(r"^\s+([0-9a-f]{16})(\d)$", text, re.M)
    words = [int(r[0], 16) for r in rows]
    x = torch.tensor([[(w >> i) & 1 for i in range(64)] for w in words], dtype=torch.float64)
    return x[:1500]


class VAE(torch.nn.Module):
    def __init__(self, d, train):
        super().__init__()
        i = torch.arange(64.0)
        k = torch.arange(float(d))
        self.U = torch.nn.Parameter(0.1 * torch.sin(1 + 64 * k[:, None] + i[None, :]))
        self.e = torch.nn.Parameter(torch.zeros(d))
        self.W = torch.nn.Parameter(0.1 * torch.cos(1 + d * i[:, None] + k[None, :]))
        m = train.mean(0).clamp(0.01, 0.99)
        self.c = torch.nn.Parameter(torch.log(m / (1 - m)))
        self.a = torch.nn.Parameter(torch.zeros(d))

    def f(self, z, x, l):
        """f(z; x) = log q(z|x) - log p(z) - log p(x|z), per image; l held fixed."""
        ls = torch.nn.functional.logsigmoid
        logq = (z * ls(l) + (1 - z) * ls(-l)).sum(-1)
        logp = (z * ls(self.a) + (1 - z) * ls(-self.a)).sum(-1)
        A = z @ self.W.T + self.c
        logpx = (x * ls(A) + (1 - x) * ls(-A)).sum(-1)
        return logq - logp - logpx


def disarm_step(model, opt, x):
    opt.zero_grad()
    l = x @ model.U.T + model.e                      # B x D
    u = torch.rand_like(l)
    p = torch.sigmoid(l)
    b = (u > torch.sigmoid(-l)).double()
    b2 = (u < p).double()
    with torch.no_grad():
        ld = l.detach()
        diff = model.f(b, x, ld) - model.f(b2, x, ld)  # B
        g = 0.5 * diff[:, None] * (b - b2) * torch.sigmoid(ld.abs())  # dL/dl per image
    B = x.shape[0]
    # encoder through the estimate; decoder and prior through f at the hard sample b
    surrogate = (g * l).sum() / B + model.f(b, x, l.detach()).sum() / B
    surrogate.backward()
    opt.step()


def time_torch(steps, B=32, d=8):
    train = load_training()
    model = VAE(d, train)
    opt = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    torch.manual_seed(7)
    def batch(t):
        return train[[(t * B + j) % 1500 for j in range(B)]]
    for t in range(50):
        disarm_step(model, opt, batch(t))
    walls, cpus = [], []
    for r in range(5):
        start, start_cpu = time.perf_counter(), time.thread_time()
        for t in range(steps):
            disarm_step(model, opt, batch(t))
        walls.append((time.perf_counter() - start) / steps)
        cpus.append((time.thread_time() - start_cpu) / steps)
    return sorted(walls)[2], sorted(cpus)[2]


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--samplegrad", default=os.path.join(ROOT, ".build/release/samplegrad"))
    ap.add_argument("--steps", type=int, default=200)
    args = ap.parse_args()
    torch_wall, torch_cpu = time_torch(args.steps)
    out = subprocess.run(
        [args.samplegrad, "bench", "--preset", "digits-vae", "--format", "json", "--threads", "2"],
        check=True, capture_output=True, text=True).stdout
    swift = json.loads(out)
    step = swift["laneStepMilliseconds"]["disarm"]
    exact = swift["exactBatchMilliseconds"]
    print(f"PyTorch {torch.__version__}, 1 thread: disarm step (D=8, B=32) "
          f"{torch_wall * 1e3:.3f} ms (cpu {torch_cpu * 1e3:.3f} ms)")
    print(f"samplegrad, 1 core:             disarm step (D=8, B=32) "
          f"{step['wall']:.3f} ms (cpu {step['cpu']:.3f} ms)")
    print(f"ratio: samplegrad is {torch_wall * 1e3 / step['wall']:.1f}x faster in wall time, "
          f"{torch_cpu * 1e3 / step['cpu']:.1f}x in cpu time (goal: at least 10x)")
    print(f"samplegrad exact batch (D=8, B=32): {exact['wall']:.3f} ms (cpu {exact['cpu']:.3f} ms; goal < 1 ms)")
    r = swift["race"]
    print(f"samplegrad race: {r['steps']} steps, {len(r['lanes'])} lanes, {r['threads']} threads: "
          f"{r['seconds']:.2f} s (cpu {r['cpuSeconds']:.2f} s; goal < 15 s)")
