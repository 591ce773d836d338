#!/usr/bin/env bash
# Wall-time ratios of `boardpaper extract` to `pdftotext -layout`, in one run: the board
# paper, plan V3, a one-page report and the generated 247-page plan (the acceptance files of
# the speed issue). Prints a Markdown table: each tool's median milliseconds, the ratio of the
# medians, the median of the per-round ratios, and each tool's peak memory.
#
#   bash benches/wall.sh              # release build of this checkout, N=21 rounds
#   N=41 bash benches/wall.sh         # more rounds
#   bash benches/wall.sh path/to/boardpaper   # time another binary (no build)
#
# The runs alternate: each round runs both tools on every file, pdftotext first in odd rounds
# and boardpaper first in even ones, so load that drifts on a shared machine falls on both
# alike. Both write to /dev/null (boardpaper's JSON is still built and validated). Times come
# from bash's EPOCHREALTIME around each process; peak memory from one extra run of each under
# `/usr/bin/time -v` (maximum resident set size). Quote the machine's load with the figures:
# on a busy machine the ratios move by several hundredths from run to run.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-21}
OUT=benches/out
mkdir -p "$OUT"

note() { echo "wall: $*" >&2; }

if [ $# -ge 1 ]; then
  BIN=$1
else
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-target}/release/boardpaper"
fi
[ -x "$BIN" ] || { note "no binary at $BIN"; exit 1; }
command -v pdftotext >/dev/null || { note "pdftotext missing (apt-get install poppler-utils)"; exit 1; }
[ -x /usr/bin/time ] || { note "/usr/bin/time missing (apt-get install time)"; exit 1; }
[ -f "$OUT/long-plan.pdf" ] || python3 benches/make_long_plan.py >&2

FILES=(fixtures/mscb/mscb-board-paper-2015-06.pdf fixtures/mscb/mscb-plan-v3-2015-03.pdf
       fixtures/reports/ashworth-scrutiny-2024-09.pdf "$OUT/long-plan.pdf")

# Milliseconds (three decimals) one command takes, its output thrown away.
elapsed() {
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 </dev/null || true
  local t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }'
}

# Median of the numbers on standard input.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Peak resident memory in MiB of one run.
peak_mib() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null </dev/null |
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

load_start=$(cut -d' ' -f1 /proc/loadavg)
for f in "${FILES[@]}"; do
  # One warm-up run each (page cache, dynamic loader).
  pdftotext -layout "$f" - >/dev/null 2>&1 || true
  "$BIN" extract "$f" >/dev/null 2>&1 || true
done
for ((round = 1; round <= N; round++)); do
  for i in "${!FILES[@]}"; do
    f=${FILES[$i]}
    if ((round % 2)); then
      p=$(elapsed pdftotext -layout "$f" -)
      b=$(elapsed "$BIN" extract "$f")
    else
      b=$(elapsed "$BIN" extract "$f")
      p=$(elapsed pdftotext -layout "$f" -)
    fi
    echo "$p" >>"$tmp/$i.pdftotext"
    echo "$b" >>"$tmp/$i.boardpaper"
    awk -v b="$b" -v p="$p" 'BEGIN { printf "%.4f\n", b / p }' >>"$tmp/$i.ratio"
  done
done
load_end=$(cut -d' ' -f1 /proc/loadavg)

echo "| file | pages | pdftotext -layout ms | boardpaper extract ms | ratio of medians | median ratio | peak MiB pdftotext | peak MiB boardpaper |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for i in "${!FILES[@]}"; do
  f=${FILES[$i]}
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
  mp=$(median <"$tmp/$i.pdftotext")
  mb=$(median <"$tmp/$i.boardpaper")
  mr=$(median <"$tmp/$i.ratio")
  ratio=$(awk -v b="$mb" -v p="$mp" 'BEGIN { printf "%.2f", b / p }')
  echo "| $(basename "$f") | ${pages:-?} | $(printf %.1f "$mp") | $(printf %.1f "$mb") | $ratio | $(printf %.2f "$mr") | $(peak_mib pdftotext -layout "$f" -) | $(peak_mib "$BIN" extract "$f") |"
done
echo
echo "N=$N alternating rounds; load average $load_start at the start, $load_end at the end ($(nproc) cores)."
