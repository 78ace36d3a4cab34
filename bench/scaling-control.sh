#!/usr/bin/env bash
# scaling-control.sh [ROUNDS]: what two cores give a loop that shares nothing. The block C
# kernel (bench/gs_block_limit.c) runs as one process, then as two at once, alternating
# ROUNDS times (default 9); prints each round's ratio of the two processes' summed rate to
# the one's, and the median. On a virtual machine whose cores the host shares, this ratio is
# the ceiling for `samplegrad bench`'s 'vs 1 thread' column: compare them from the same
# hour. Run by hand, never by CI.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-9}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O3 -march=native -ffast-math "$here/gs_block_limit.c" -o "$tmp/kernel" -lm
rate() { sed 's/.*"samples_per_second": \([0-9.]*\).*/\1/'; }
ratios=()
for i in $(seq "$rounds"); do
  one=$("$tmp/kernel" 10 20000000 | rate)
  "$tmp/kernel" 10 20000000 | rate > "$tmp/a" &
  "$tmp/kernel" 10 20000000 | rate > "$tmp/b"
  wait
  two=$(python3 -c "print($(cat "$tmp/a") + $(cat "$tmp/b"))")
  r=$(python3 -c "print(f'{$two / $one:.2f}')")
  ratios+=("$r")
  printf 'round %d: one process %.3g/s, two %.3g/s: %sx\n' "$i" "$one" "$two" "$r"
done
python3 -c "import statistics, sys; print('median', statistics.median(map(float, sys.argv[1:])))" \
  "${ratios[@]}"
