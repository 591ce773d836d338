#!/usr/bin/env bash
# Import benchmark: N distinct plan PDFs imported into a fresh database with 1 and with 2
# worker threads (RAYON_NUM_THREADS), reported as documents per second.
#
# The PDFs are the two MSCB fixtures re-saved by qpdf with a different /Producer in /Info
# each time: every file has its own sha256 (checked below) and the same plan content, so the
# run measures extraction and storage, not deduplication. A second import of the same folder
# (everything already present) is timed too.
#
#   cargo build --release && benches/import.sh            # N=200
#   N=400 BOARDPAPER=path/to/boardpaper benches/import.sh
#
# Needs qpdf (and its fix-qdf). Results: benches/import.md.
set -euo pipefail

N=${N:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BOARDPAPER:-${CARGO_TARGET_DIR:-$root/target}/release/boardpaper}
[ -x "$bin" ] || { echo "no binary at $bin: run cargo build --release (or set BOARDPAPER)" >&2; exit 2; }
command -v qpdf >/dev/null && command -v fix-qdf >/dev/null || { echo "needs qpdf and fix-qdf" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/papers"

fixtures=("$root/fixtures/mscb/mscb-plan-v3-2015-03.pdf" "$root/fixtures/mscb/mscb-board-paper-2015-06.pdf")
for f in "${fixtures[@]}"; do
    qpdf --qdf --object-streams=disable "$f" "$work/$(basename "$f" .pdf).qdf"
done
i=0
while [ "$i" -lt "$N" ]; do
    for f in "${fixtures[@]}"; do
        [ "$i" -lt "$N" ] || break
        name=$(basename "$f" .pdf)
        tag=$(printf '%04d' "$i")
        sed -E "s|/Producer <[0-9a-fA-F]*>|/Producer (LibreOffice 7.4, bench variant $tag)|" \
            "$work/$name.qdf" | fix-qdf > "$work/variant.qdf"
        # Re-save compressed, as a real file would be.
        qpdf --object-streams=generate "$work/variant.qdf" "$work/papers/$name-$tag.pdf"
        i=$((i + 1))
    done
done
distinct=$(cd "$work/papers" && sha256sum -- *.pdf | cut -d' ' -f1 | sort -u | wc -l)
bytes=$(du -sb "$work/papers" | cut -f1)
echo "papers: $N PDFs, $distinct distinct sha256, $((bytes / 1024)) KiB"
[ "$distinct" -eq "$N" ] || { echo "variants are not distinct" >&2; exit 1; }

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); binary: $bin"
for threads in 1 2; do
    rm -f "$work/bench.db"
    start=$(now)
    RAYON_NUM_THREADS=$threads "$bin" import "$work/papers" --db "$work/bench.db" -q
    first=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    start=$(now)
    RAYON_NUM_THREADS=$threads "$bin" import "$work/papers" --db "$work/bench.db" -q
    again=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    docs=$(sqlite3 "$work/bench.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo "?")
    printf 'threads %d: import %6.2f s = %s docs/s (%s stored, %s KiB db); re-import %5.2f s = %s docs/s\n' \
        "$threads" "$first" "$(rate "$N" "$first")" "$docs" "$(( $(stat -c %s "$work/bench.db") / 1024 ))" \
        "$again" "$(rate "$N" "$again")"
done
# For comparison: extraction alone (JSON files, no database), same threads.
for threads in 1 2; do
    rm -rf "$work/json"
    start=$(now)
    RAYON_NUM_THREADS=$threads "$bin" extract "$work/papers" -o "$work/json" -q
    took=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    printf 'threads %d: extract to JSON files %6.2f s = %s docs/s\n' "$threads" "$took" "$(rate "$N" "$took")"
done
