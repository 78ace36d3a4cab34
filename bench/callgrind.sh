#!/usr/bin/env bash
# callgrind.sh BINARY [LINES] [N]: instructions per sample of each `bench` sampling line
# (default: all), counted by valgrind's callgrind on a stripped copy of BINARY running
# `bench --count N` and `--count 2N` (default N = 100000) from a fixed seed: the difference
# over N leaves start-up out. Counts repeat exactly for the same binary and inputs,
# whatever else the machine runs.
set -eu
bin=$1
lines=${2:-}
n=${3:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strip -o "$tmp/samplegrad" "$bin"
if [ -z "$lines" ]; then
  lines=$("$tmp/samplegrad" bench --count 1 --format json | python3 -c \
    'import json,sys; print(",".join(r["name"] for r in json.load(sys.stdin)["results"]))')
fi
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$tmp/samplegrad" bench \
    --only "$1" --count "$2" > /dev/null 2> "$tmp/log"
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log"
}
printf '%-26s %14s\n' line "instr/sample"
IFS=,
for line in $lines; do
  a=$(count "$line" "$n")
  b=$(count "$line" $((2 * n)))
  printf '%-26s %14.1f\n' "$line" "$(python3 -c "print(($b - $a) / $n)")"
done
