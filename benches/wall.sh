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
#
# Whether the machine was quiet is measured too, each round: two `pdftotext` of plan V3 run
# at once, timed against one alone (the round's own). On two free cores the two run side by
# side and take as long as one (a factor near 1.0); when the host gives the machine's cores
# less than a core each (a busy virtual machine's neighbours: no load inside the machine
# shows it), the factor climbs towards 2.0, and boardpaper, which reads pages on every core,
# loses more than single-threaded pdftotext does. The table gives each file's median ratio
# over all rounds and over the rounds whose factor was at most 1.10 (side by side), with
# their count.
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

# The file the side-by-side probe reads, and the probe: two pdftotext of it at once.
PROBE=fixtures/mscb/mscb-plan-v3-2015-03.pdf
two_at_once() {
  pdftotext -layout "$PROBE" - >/dev/null 2>&1 &
  pdftotext -layout "$PROBE" - >/dev/null 2>&1
  wait
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
    [ "$f" = "$PROBE" ] && probe_one=$p
  done
  # Side by side? Two pdftotext at once against the round's one.
  both=$(elapsed two_at_once)
  awk -v t="$both" -v p="$probe_one" 'BEGIN { printf "%.4f\n", t / p }' >>"$tmp/factor"
done
load_end=$(cut -d' ' -f1 /proc/loadavg)

# The rounds run side by side (factor at most 1.10): one line number per round, from 1.
awk '$1 <= 1.10 { print NR }' "$tmp/factor" >"$tmp/quiet"
quiet=$(wc -l <"$tmp/quiet")
echo "| file | pages | pdftotext -layout ms | boardpaper extract ms | ratio of medians | median ratio | median ratio, side by side | peak MiB pdftotext | peak MiB boardpaper |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for i in "${!FILES[@]}"; do
  f=${FILES[$i]}
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
  mp=$(median <"$tmp/$i.pdftotext")
  mb=$(median <"$tmp/$i.boardpaper")
  mr=$(median <"$tmp/$i.ratio")
  ratio=$(awk -v b="$mb" -v p="$mp" 'BEGIN { printf "%.2f", b / p }')
  if [ "$quiet" -gt 0 ]; then
    mq=$(awk 'NR == FNR { keep[$1] = 1; next } FNR in keep' "$tmp/quiet" "$tmp/$i.ratio" | median)
    mq=$(printf %.2f "$mq")
  else
    mq=-
  fi
  echo "| $(basename "$f") | ${pages:-?} | $(printf %.1f "$mp") | $(printf %.1f "$mb") | $ratio | $(printf %.2f "$mr") | $mq | $(peak_mib pdftotext -layout "$f" -) | $(peak_mib "$BIN" extract "$f") |"
done
echo
echo "N=$N alternating rounds; load average $load_start at the start, $load_end at the end ($(nproc) cores)."
echo "Two pdftotext at once took $(printf %.2f "$(median <"$tmp/factor")")× one alone (median; 1.0 when both cores are free); $quiet of $N rounds side by side (at most 1.10×)."
