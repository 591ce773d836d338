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
#   FILES="benches/out/long-plan.pdf" bash benches/compare.sh
#
# Each cell: one probe run under `/usr/bin/time -v` (peak memory: maximum resident set size),
# then the median of N timed runs. The runs go in rounds, every tool once per round, rather
# than all runs of one tool and then the next (as hyperfine does): on a shared machine the
# load from other processes drifts, and rounds spread it over all tools alike. Slow tools get
# fewer runs: 3 when the probe took over 2 s, 1 over 20 s (the table says so). Each round also
# runs two pdftotext of the file at once, timed against the round's one alone: near 1.0 when
# the machine's two cores run side by side, towards 2.0 when the host gives them less (see
# benches/wall.sh; the last line gives the median). The Python tools are
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

if [ -n "${FILES:-}" ]; then
  read -r -a FILES <<<"$FILES"
else
  FILES=(fixtures/mscb/mscb-board-paper-2015-06.pdf fixtures/mscb/mscb-plan-v3-2015-03.pdf
         "$OUT/long-plan.pdf")
fi

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

# Wall time in ms of one run of a shell command (bash's microsecond clock, no fork for it).
run_ms() {
  local s e
  s=$EPOCHREALTIME
  eval "$1" >/dev/null 2>&1 || { echo fail; return; }
  e=$EPOCHREALTIME
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f", (e - s) * 1000 }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# One run under /usr/bin/time -v: "wall_ms peak_MiB", or "fail".
probe() {
  local log=$OUT/time.log
  /usr/bin/time -v -o "$log" bash -c "$1" >/dev/null 2>&1 || { echo "fail"; return; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { m = $2 / 1024 }
    END { printf "%.0f %.1f", s * 1000, m }' "$log"
}

factors=()
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; N=$N runs per cell."
echo
echo "| file | pages | tool | median ms | × pdftotext | peak MiB |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
for f in "${FILES[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  names=() cmds=() runs=() peaks=() status=()
  for t in "${TOOLS[@]}"; do
    name=${t%%|*}
    cmd=${t#*|}
    cmd=${cmd//\{\}/$f}
    names+=("$name") cmds+=("$cmd")
    if [[ $name == camelot* ]] && [ "${pages:-0}" -gt "$CAMELOT_MAX_PAGES" ]; then
      runs+=(0) peaks+=("") status+=("skipped (over $CAMELOT_MAX_PAGES pages)")
      continue
    fi
    read -r ms peak < <(probe "$cmd"; echo)
    if [ "$ms" = "fail" ] || [ -z "$ms" ]; then
      runs+=(0) peaks+=("") status+=("failed")
      continue
    fi
    # Slow tools get fewer runs: 3 when the probe took over 2 s, 1 over 20 s.
    n=$N
    if [ "$ms" -gt 20000 ]; then n=1; elif [ "$ms" -gt 2000 ]; then n=3; fi
    runs+=("$n") peaks+=("$peak") status+=("")
  done
  # Rounds: each tool once per round, so that load from other processes falls on all alike.
  declare -A times=()
  for ((i = 0; i < N; i++)); do
    one=""
    for k in "${!names[@]}"; do
      [ "$i" -lt "${runs[$k]}" ] || continue
      t=$(run_ms "${cmds[$k]}")
      times[$k]+="$t "
      [ "${names[$k]}" = "pdftotext -layout" ] && one=$t
    done
    # Side by side? Two pdftotext at once against this round's one.
    if [ -n "$one" ] && [ "$one" != "fail" ]; then
      both=$(run_ms "pdftotext -layout $f $OUT/ptt1.txt & pdftotext -layout $f $OUT/ptt2.txt; wait")
      [ "$both" = "fail" ] || factors+=("$(awk -v t="$both" -v p="$one" 'BEGIN { printf "%.4f", t / p }')")
    fi
  done
  base=""
  meds=()
  for k in "${!names[@]}"; do
    m=""
    if [[ " ${times[$k]:-} " == *" fail "* ]]; then
      status[k]="failed"
    elif [ "${runs[$k]}" -gt 0 ]; then
      m=$(printf '%s\n' ${times[$k]} | median)
    fi
    meds+=("$m")
    [ "${names[$k]}" = "pdftotext -layout" ] && base=$m
  done
  for k in "${!names[@]}"; do
    name=${names[$k]}
    if [ -n "${status[$k]}" ]; then
      echo "| $(basename "$f") | $pages | $name | ${status[$k]} | | |"
      continue
    fi
    m=${meds[$k]}
    shown=$(printf '%.0f' "$m")
    if [ "${runs[$k]}" -eq 1 ]; then
      shown="$shown (1 run)"
    elif [ "${runs[$k]}" -lt "$N" ]; then
      shown="$shown (${runs[$k]} runs)"
    fi
    ratio=$(awk -v a="$m" -v b="$base" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    echo "| $(basename "$f") | $pages | $name | $shown | $ratio | ${peaks[$k]} |"
  done
  unset times
done
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
if [ "${#factors[@]}" -gt 0 ]; then
  echo "Two pdftotext at once took $(printf '%s\n' "${factors[@]}" | median | xargs printf %.2f)× one alone (median of ${#factors[@]} rounds; 1.0 when both cores are free)."
fi
