#!/usr/bin/env bash
# The zoo-throughput figures of docs/performance.md: writes a seeded synthetic zoo (make_zoo.py,
# 50 models of 20000x1024 float32 features and 100 classes by default: 4.1 GB) and times
# `./logme rank` on it with each thread count, printing wall time, models per minute, CPU use
# (user+system over wall: 2.0 means both cores busy) and peak RSS.
# Usage: docs/zoo-benchmark/run.sh [OUT_DIR] [MODELS] [N] [D] [C] [BACKEND]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-/tmp/logme-zoo-benchmark}"
models="${2:-50}"; n="${3:-20000}"; d="${4:-1024}"; c="${5:-100}"; backend="${6:-native}"
if [ ! -f "$out/models/m$(printf %02d $((models - 1)))/features.npy" ]; then
  python3 "$here/docs/zoo-benchmark/make_zoo.py" "$out" "$models" "$n" "$d" "$c"
fi
cat "$out"/models/*/features.npy > /dev/null # into the page cache, as for every run below
for threads in 1 2; do
  /usr/bin/time -f "%e %U %S %M" -o "$out/time-$threads" \
    "$here/logme" rank --zoo "$out" --backend "$backend" --threads "$threads" --json \
    > "$out/rank-$threads.json"
  read -r wall user sys rss < "$out/time-$threads"
  awk -v t="$threads" -v m="$models" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "threads %d: %d models in %.1f s = %.1f models/min, CPU %.2f cores, peak RSS %d MB\n", t, m, w, 60 * m / w, (u + s) / w, r / 1024 }'
done
