#!/usr/bin/env bash
# Batch extraction with one thread against two: `boardpaper extract DIR -o OUT` over a folder
# of 20 papers (10 copies of each MSCB fixture), median wall time of N runs for
# RAYON_NUM_THREADS=1 and 2, runs alternating so that load drift hits both alike.
#
#   bash benches/batch.sh          # N=7
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-7}
target=${CARGO_TARGET_DIR:-target}
BIN="$target/release/boardpaper"
cargo build --release --quiet
DIR=benches/out/batch
mkdir -p "$DIR"
for i in $(seq -w 1 10); do
  cp fixtures/mscb/mscb-board-paper-2015-06.pdf "$DIR/board-$i.pdf"
  cp fixtures/mscb/mscb-plan-v3-2015-03.pdf "$DIR/v3-$i.pdf"
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
ms() { local s e; s=$(date +%s%N); RAYON_NUM_THREADS=$1 "$BIN" extract -q "$DIR" -o "$OUT"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
one=(); two=()
for _ in $(seq "$N"); do one+=("$(ms 1)"); two+=("$(ms 2)"); done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m1=$(median "${one[@]}"); m2=$(median "${two[@]}")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "20 papers, 1 thread: ${m1} ms (runs: ${one[*]})"
echo "20 papers, 2 threads: ${m2} ms (runs: ${two[*]})"
awk -v a="$m1" -v b="$m2" 'BEGIN {printf "speed-up: %.2fx\n", a / b}'
