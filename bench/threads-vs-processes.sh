#!/usr/bin/env bash
# threads-vs-processes.sh LINE [ROUNDS] [BINARY]: whether a `bench` line loses speed to the
# other thread of its own process. Each round times LINE on one thread alone, then as two
# one-thread processes at once, then as `bench --threads 2` (one process, two threads), and
# prints the two speed-ups side by side; then their medians and in how many rounds the
# threads fell below the processes. On a shared virtual machine the host's load moves both
# figures, which is why they are paired round by round: two processes share nothing but the
# machine, so threads that fall below them round after round share something in-process
# (a cache line both write, a reference count, or buffers placed differently per thread:
# issue 22). Run by hand, never by CI.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
line=$1
rounds=${2:-9}
bin=${3:-$here/../.build/release/samplegrad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# field SLOT KEY: a result's number from `bench --format json` on stdin.
field() {
  python3 -c 'import json, sys; print(json.load(sys.stdin)["results"][int(sys.argv[1])][sys.argv[2]])' "$1" "$2"
}
alone() { "$bin" bench --only "$line" --threads 1 --seconds 1 --format json | field 0 perSecond; }
for i in $(seq "$rounds"); do
  one=$(alone)
  alone > "$tmp/a" &
  alone > "$tmp/b"
  wait
  processes=$(python3 -c "print(f'{($(cat "$tmp/a") + $(cat "$tmp/b")) / $one:.2f}')")
  threads=$("$bin" bench --only "$line" --threads 2 --seconds 1 --format json | field 1 speedup)
  echo "$processes $threads" >> "$tmp/pairs"
  printf 'round %d: two processes %sx, two threads %sx\n' "$i" "$processes" "$threads"
done
python3 - "$tmp/pairs" <<'PY'
import statistics, sys
pairs = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
below = sum(t < p for p, t in pairs)
print(f"median: two processes {statistics.median(p for p, _ in pairs):.2f}x, "
      f"two threads {statistics.median(t for _, t in pairs):.2f}x; "
      f"threads below processes in {below} of {len(pairs)} rounds")
PY
