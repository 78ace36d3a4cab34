#!/usr/bin/env bash
# before-after.sh BEFORE AFTER [ROUNDS]: every sampling line of `samplegrad bench` in two
# builds, one thread, side by side in one run, with the block C kernel
# (bench/gs_block_limit.c, built here with gcc -O3 -march=native -ffast-math) in the same
# rounds and, when python3 can import torch, bench/torch_throughput.py at the start and the
# end. The two builds take turns, in the opposite order each round, so a drift in the
# host's load falls on both. Prints a Markdown table: each line's median rate in both
# builds, the ratio of the medians, and the median and range of the per-round ratios (a
# ratio far from its per-round range means the rounds disagree: run it again).
#
# Both builds need `bench --only` and `--count` (from 840b034 on). To time a commit as
# "before": git worktree add /tmp/before COMMIT && (cd /tmp/before && swift build -c release)
set -eu
if [ $# -lt 2 ]; then
  echo "usage: $0 BEFORE_BINARY AFTER_BINARY [ROUNDS]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
before=$1
after=$2
rounds=${3:-5}
for bin in "$before" "$after"; do
  if ! "$bin" bench --count 1 --only relaxed-sample --format json > /dev/null 2>&1; then
    echo "$bin: cannot run 'bench --count 1 --only relaxed-sample' (a build before 840b034?)" >&2
    exit 2
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O3 -march=native -ffast-math "$here/gs_block_limit.c" -o "$tmp/gs_block_limit" -lm

# The lines both builds time, in the order the newer one prints them.
names() {
  "$1" bench --count 1 --format json \
    | python3 -c 'import json,sys; print("\n".join(r["name"] for r in json.load(sys.stdin)["results"]))'
}
names "$before" > "$tmp/before-lines"
lines=$(names "$after" | grep -Fx -f "$tmp/before-lines" | paste -sd, -)

torch() {
  if python3 -c 'import torch' 2> /dev/null; then
    python3 "$here/torch_throughput.py" > "$tmp/torch-$1.json"
  fi
}

echo "before: $before" >&2
echo "after:  $after" >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
torch start
for i in $(seq "$rounds"); do
  "$tmp/gs_block_limit" 10 20000000 > "$tmp/kernel-$i.json"
  if [ $((i % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
  for which in $order; do
    if [ "$which" = before ]; then bin=$before; else bin=$after; fi
    "$bin" bench --only "$lines" --threads 1 --seconds 1 --format json > "$tmp/$which-$i.json"
  done
  echo "round $i of $rounds done" >&2
done
torch end
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$tmp" "$rounds" <<'PY'
import json, os, statistics, sys

folder, rounds = sys.argv[1], int(sys.argv[2])

def rate(x):
    """Three significant digits, trailing zeros kept: 17.0 M, 529 k."""
    for scale, unit in ((1e6, " M"), (1e3, " k"), (1, "")):
        if x >= scale or scale == 1:
            return f"{x / scale:#.3g}".rstrip(".") + unit

def load(which):
    per_line = {}
    for i in range(1, rounds + 1):
        with open(f"{folder}/{which}-{i}.json") as f:
            for r in json.load(f)["results"]:
                per_line.setdefault(r["name"], []).append(r["perSecond"])
    return per_line

before, after = load("before"), load("after")
kernel = []
for i in range(1, rounds + 1):
    with open(f"{folder}/kernel-{i}.json") as f:
        kernel.append(json.load(f)["samples_per_second"])

print(f"One thread, {rounds} rounds, samples (estimates) per second; medians.\n")
print("| line | before | after | after / before | per-round ratios: median (range) |")
print("| --- | --- | --- | --- | --- |")
for name, a in after.items():
    b = before[name]
    ratios = sorted(y / x for x, y in zip(b, a))
    print(f"| {name} | {rate(statistics.median(b))} | {rate(statistics.median(a))} | "
          f"{statistics.median(a) / statistics.median(b):.2f} | "
          f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f}) |")

relaxed = after.get("relaxed-sample")
print(f"\nC block kernel, same rounds: {rate(statistics.median(kernel))} "
      f"({rate(min(kernel))}-{rate(max(kernel))})", end="")
if relaxed:
    ratios = sorted(s / k for k, s in zip(kernel, relaxed))
    print(f"; after's relaxed samples over it: {statistics.median(relaxed) / statistics.median(kernel):.2f} "
          f"(per round {ratios[0]:.2f}-{ratios[-1]:.2f})")
else:
    print()

runs = [json.load(open(f"{folder}/torch-{w}.json"))
        for w in ("start", "end") if os.path.exists(f"{folder}/torch-{w}.json")]
if not runs:
    print("PyTorch: not timed (python3 cannot import torch)")
else:
    # The PyTorch rates that the after build's lines stand beside.
    pairs = (("relaxed_samples_per_s", "relaxed-sample"),
             ("gs_quadratic_grads_per_s", "gumbel-softmax"),
             ("st_quadratic_grads_per_s", "straight-through"))
    print(f"\nPyTorch {runs[0]['torch']} on one thread, the better of {len(runs)} runs "
          "(start and end), against after:\n")
    print("| what | f32 | f64 | after | after / f32 | after / f64 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for key, line in pairs:
        f32 = max(r["f32"][key] for r in runs)
        f64 = max(r["f64"][key] for r in runs)
        if line in after:
            ours = statistics.median(after[line])
            print(f"| {line} | {rate(f32)} | {rate(f64)} | {rate(ours)} | "
                  f"{ours / f32:.1f} | {ours / f64:.1f} |")
PY
