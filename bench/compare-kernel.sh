#!/usr/bin/env bash
# compare-kernel.sh [BINARY] [ROUNDS]: relaxed samples per second of `samplegrad bench`
# beside the block C kernel (bench/gs_block_limit.c, built here with gcc -O3 -march=native
# -ffast-math), alternating ROUNDS times (default 7) on one thread, then the medians and
# their ratio. Both figures are wall clock, as the kernel times itself; on a loaded machine
# compare the ratio, and run it again. The kernel's binary goes to a temporary folder and
# is deleted.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../.build/release/samplegrad}
rounds=${2:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O3 -march=native -ffast-math "$here/gs_block_limit.c" -o "$tmp/gs_block_limit" -lm
echo "kernel: gcc $(gcc -dumpfullversion) -O3 -march=native -ffast-math; libmvec calls:" \
  "$(objdump -d "$tmp/gs_block_limit" | grep -o '_ZGV[a-zA-Z0-9_]*' | sort -u | tr '\n' ' ')"
echo "samplegrad: $bin"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
kernel=(); ours=()
for i in $(seq "$rounds"); do
  k=$("$tmp/gs_block_limit" 10 20000000 | sed 's/.*"samples_per_second": \([0-9.]*\).*/\1/')
  s=$("$bin" bench --only relaxed-sample --threads 1 --seconds 1 --format json \
    | tr -d ' \n' | sed 's/.*"perSecond":\([0-9.e+]*\).*/\1/')
  kernel+=("$k"); ours+=("$s")
  printf 'round %d: kernel %.3g/s  samplegrad %.3g/s\n' "$i" "$k" "$s"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "${kernel[*]}" "${ours[*]}" <<'PY'
import statistics, sys
k = [float(x) for x in sys.argv[1].split()]
s = [float(x) for x in sys.argv[2].split()]
mk, ms = statistics.median(k), statistics.median(s)
ratios = sorted(b / a for a, b in zip(k, s))
print(f"median kernel {mk / 1e6:.1f} M/s, samplegrad {ms / 1e6:.1f} M/s: "
      f"ratio of medians {ms / mk:.2f}, median of per-round ratios {statistics.median(ratios):.2f}")
PY
