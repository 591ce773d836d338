#!/usr/bin/env bash
# Time `boardpaper extract` and `boardpaper text` (release build) side by side with
# `pdftotext -layout`, pdfplumber (text and tables) and Camelot (lattice) on the MSCB fixtures
# and the long generated plan; print a Markdown table of medians, the ratio to pdftotext and
# peak memory.
#
#   bash benches/compare.sh            # N=10 runs per cell
#   N=5 bash benches/compare.sh        # fewer runs
#   SKIP_PYTHON=1 bash benches/compare.sh
#   CAMELOT_MAX_PAGES=500 bash benches/compare.sh   # Camelot on the long plan too (slow)
#
# Each cell: one probe run under `/usr/bin/time -v` (peak memory: maximum resident set size),
# then the median of N runs from hyperfine when installed (else a loop over `date +%s%N`).
# Slow tools get fewer runs: 3 when the probe took over 2 s, the probe alone over 20 s (the
# table says so). The Python tools are
# installed from PyPI into benches/out/venv on first use and skipped with a notice when that
# fails. The long plan is generated with benches/make_long_plan.py when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-10}
# Camelot renders every page with Ghostscript: minutes for the long plan, so skipped there.
CAMELOT_MAX_PAGES=${CAMELOT_MAX_PAGES:-50}
OUT=benches/out
mkdir -p "$OUT"
target=${CARGO_TARGET_DIR:-target}
BIN="$target/release/boardpaper"

note() { echo "compare: $*" >&2; }

cargo build --release --quiet
[ -x "$BIN" ] || { note "no $BIN after cargo build"; exit 1; }
command -v pdftotext >/dev/null || { note "pdftotext missing (apt-get install poppler-utils)"; exit 1; }
[ -x /usr/bin/time ] || { note "/usr/bin/time missing (apt-get install time)"; exit 1; }
[ -f "$OUT/long-plan.pdf" ] || python3 benches/make_long_plan.py >&2

FILES=(fixtures/mscb/mscb-board-paper-2015-06.pdf fixtures/mscb/mscb-plan-v3-2015-03.pdf
       "$OUT/long-plan.pdf")

# Python tools in a venv; each is used only if it imports.
PY=""
if [ -z "${SKIP_PYTHON:-}" ]; then
  if [ ! -x "$OUT/venv/bin/python" ]; then
    python3 -m venv "$OUT/venv" >&2 || note "cannot make a venv: Python tools skipped"
  fi
  if [ -x "$OUT/venv/bin/python" ]; then
    PY="$OUT/venv/bin/python"
    "$PY" -c 'import pdfplumber' 2>/dev/null ||
      "$PY" -m pip install --quiet pdfplumber >&2 || note "pdfplumber install failed: skipped"
    "$PY" -c 'import camelot' 2>/dev/null ||
      "$PY" -m pip install --quiet camelot-py opencv-python-headless ghostscript >&2 ||
      note "camelot install failed: skipped"
  fi
fi

# The commands, as name|command-with-{}-for-the-file.
TOOLS=(
  "boardpaper extract|$BIN extract -q {} -o $OUT/bp.json"
  "boardpaper text|$BIN text {} > $OUT/bp.txt"
  "pdftotext -layout|pdftotext -layout {} $OUT/ptt.txt"
)
if [ -n "$PY" ] && "$PY" -c 'import pdfplumber' 2>/dev/null; then
  TOOLS+=("pdfplumber text|$PY benches/plumber.py text {} > $OUT/pl.txt")
  TOOLS+=("pdfplumber tables|$PY benches/plumber.py tables {} > $OUT/pl.json")
fi
if [ -n "$PY" ] && "$PY" -c 'import camelot' 2>/dev/null; then
  TOOLS+=("camelot lattice|$PY benches/plumber.py camelot {} > $OUT/cam.json")
fi

# Median wall time in ms of $2 runs of a shell command.
median_ms() {
  local cmd=$1 runs=$2
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --runs "$runs" --export-json "$OUT/hf.json" "$cmd" >/dev/null 2>&1 ||
      { echo "fail"; return; }
    python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' \
      "$OUT/hf.json"
  else
    local times=() i s e
    for ((i = 0; i < runs; i++)); do
      s=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1; e=$(date +%s%N)
      times+=($(((e - s) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n |
      awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
  fi
}

# One run under /usr/bin/time -v: "wall_ms peak_MiB", or "fail".
probe() {
  local log=$OUT/time.log
  /usr/bin/time -v -o "$log" bash -c "$1" >/dev/null 2>&1 || { echo "fail"; return; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { m = $2 / 1024 }
    END { printf "%.0f %.1f", s * 1000, m }' "$log"
}

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; N=$N runs per cell."
echo
echo "| file | pages | tool | median ms | × pdftotext | peak MiB |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
for f in "${FILES[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  base=""
  rows=()
  for t in "${TOOLS[@]}"; do
    name=${t%%|*}
    cmd=${t#*|}
    cmd=${cmd//\{\}/$f}
    if [[ $name == camelot* ]] && [ "${pages:-0}" -gt "$CAMELOT_MAX_PAGES" ]; then
      rows+=("$name|skipped (over $CAMELOT_MAX_PAGES pages)||")
      continue
    fi
    read -r ms peak < <(probe "$cmd"; echo)
    if [ "$ms" = "fail" ] || [ -z "$ms" ]; then
      rows+=("$name|failed||")
      continue
    fi
    # Slow tools get fewer runs: the probe is the only run past 20 s, three past 2 s.
    runs=$N
    if [ "$ms" -gt 20000 ]; then runs=1; elif [ "$ms" -gt 2000 ]; then runs=3; fi
    [ "$runs" -gt 1 ] && ms=$(median_ms "$cmd" "$runs")
    [ "$runs" -lt "$N" ] && note="$ms ($runs run$([ "$runs" -gt 1 ] && echo s))" || note=$ms
    [ "$name" = "pdftotext -layout" ] && base=$ms
    rows+=("$name|$note|$ms|$peak")
  done
  for r in "${rows[@]}"; do
    IFS='|' read -r name shown ms peak <<<"$r"
    ratio=$(awk -v a="$ms" -v b="$base" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "-" }')
    echo "| $(basename "$f") | $pages | $name | $shown | $ratio | $peak |"
  done
done
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
