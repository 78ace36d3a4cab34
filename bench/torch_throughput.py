#!/usr/bin/env python3
"""PyTorch CPU baselines for K = 10, tau 0.5, one thread: what a user would pick instead.

    python torch_throughput.py [--batch 100000] [--repeats 7]

relaxed: F.gumbel_softmax(theta expanded to (batch, K), tau) (noise included);
gs_grad: Gumbel-softmax gradient estimates of f(y) = w.y w.r.t. theta, per sample, by the
closed form y*(w - y.w)/tau (autograd per sample would be far slower; this is the fair best);
autograd_batch: one backward of sum_b w.y_b through F.gumbel_softmax (the summed gradient of
a batch: what a training step does). float32 and float64. Prints JSON (per second rates).

Beside them, the per-sample estimates of `samplegrad bench`'s own problem (logits
(0..9)/4 - 1, tau 0.5, f(x) = |x - e_3|^2), by the same closed form:
gs_quadratic: Gumbel-softmax, df/dx = 2(y - t) at the relaxed sample;
st_quadratic: straight-through, df/dx = 2(onehot(argmax y) - t) at the hard sample.

Copied from ../shared/limits/torch_throughput.py (issue 22); run by hand, not in CI:
    python3 -m venv /tmp/torch && /tmp/torch/bin/pip install torch numpy
    /tmp/torch/bin/python bench/torch_throughput.py
"""
import os
os.environ["OMP_NUM_THREADS"] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import argparse, json, time
import torch
import torch.nn.functional as F
torch.set_num_threads(1)


def best(fn, batch, repeats):
    fn()
    b = float("inf")
    for _ in range(repeats):
        t = time.perf_counter(); fn(); b = min(b, time.perf_counter() - t)
    return batch / b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=100000)
    ap.add_argument("--repeats", type=int, default=7)
    a = ap.parse_args()
    K, tau, out = 10, 0.5, {"torch": torch.__version__}
    for dt in (torch.float32, torch.float64):
        theta = torch.linspace(1.0, -1.0, K, dtype=dt)
        w = torch.arange(1, K + 1, dtype=dt)
        logits = theta.expand(a.batch, K)

        def relaxed():
            return F.gumbel_softmax(logits, tau=tau)

        def gs_grad():
            y = F.gumbel_softmax(logits, tau=tau)
            return y * (w - (y @ w)[:, None]) / tau

        th = theta.clone().requires_grad_(True)

        def autograd_batch():
            y = F.gumbel_softmax(th.expand(a.batch, K), tau=tau)
            (y @ w).sum().backward()
            th.grad = None

        bench_logits = (torch.arange(K, dtype=dt) / 4 - 1).expand(a.batch, K)
        target = torch.zeros(K, dtype=dt)
        target[3] = 1

        def gs_quadratic():
            y = F.gumbel_softmax(bench_logits, tau=tau)
            d = 2 * (y - target)
            return y * (d - (y * d).sum(-1, keepdim=True)) / tau

        def st_quadratic():
            y = F.gumbel_softmax(bench_logits, tau=tau)
            hard = F.one_hot(y.argmax(-1), K).to(dt)
            d = 2 * (hard - target)
            return y * (d - (y * d).sum(-1, keepdim=True)) / tau

        name = "f32" if dt == torch.float32 else "f64"
        out[name] = {k: best(f, a.batch, a.repeats) for k, f in
                     (("relaxed_samples_per_s", relaxed), ("gumbel_softmax_grads_per_s", gs_grad),
                      ("autograd_batch_samples_per_s", autograd_batch),
                      ("gs_quadratic_grads_per_s", gs_quadratic),
                      ("st_quadratic_grads_per_s", st_quadratic))}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
