#!/usr/bin/env bash
# Time `boardpaper extract` and `boardpaper text` (release build) side by side with
# `pdftotext -layout`, pdfplumber (text and tables) and Camelot (lattice) on the MSCB fixtures
# and the long generated plan; print a Markdown table of medians, the ratio to pdftotext and
# peak memory.
#
#   bash benches/compare.sh            # N=10 runs per cell
#   N=5 bash benches/compare.sh        # fewer runs
#   SKIP_PYTHON=1 bash benches/compare.sh
#
# Medians come from hyperfine when installed (else a loop over `date +%s%N`); peak memory is
# the maximum resident set size from `/usr/bin/time -v` over one run. The Python tools are
# installed from PyPI into benches/out/venv on first use and skipped with a notice when that
# fails. The long plan is generated with benches/make_long_plan.py when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-10}
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

# Median wall time in ms of N runs of a shell command.
median_ms() {
  local cmd=$1
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs "$N" --export-json "$OUT/hf.json" "$cmd" >/dev/null 2>&1 ||
      { echo "fail"; return; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(f"{r[\"median\"]*1000:.0f}")' \
      "$OUT/hf.json"
  else
    local times=() i s e
    bash -c "$cmd" >/dev/null 2>&1 || { echo "fail"; return; }
    for ((i = 0; i < N; i++)); do
      s=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1; e=$(date +%s%N)
      times+=($(((e - s) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
  fi
}

# Peak resident memory in MiB of one run.
peak_mib() {
  /usr/bin/time -v bash -c "exec $1" 2>&1 >/dev/null |
    awk -F: '/Maximum resident set size/ {printf "%.1f", $2/1024}'
}

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; N=$N runs per cell."
echo
echo "| file | pages | tool | median ms | × pdftotext | peak MiB |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
for f in "${FILES[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  base=""
  declare -A med=()
  for t in "${TOOLS[@]}"; do
    name=${t%%|*}
    cmd=${t#*|}
    cmd=${cmd//\{\}/$f}
    m=$(median_ms "$cmd")
    [ "$name" = "pdftotext -layout" ] && base=$m
    med[$name]=$m
  done
  for t in "${TOOLS[@]}"; do
    name=${t%%|*}
    cmd=${t#*|}
    cmd=${cmd//\{\}/$f}
    m=${med[$name]}
    if [ "$m" = "fail" ]; then
      echo "| $(basename "$f") | $pages | $name | failed | | |"
      continue
    fi
    ratio=$(awk -v a="$m" -v b="$base" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    echo "| $(basename "$f") | $pages | $name | $m | $ratio | $(peak_mib "$cmd") |"
  done
  unset med
done
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
