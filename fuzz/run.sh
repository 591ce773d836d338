#!/usr/bin/env bash
# Run every fuzz target for SECONDS each (default 300), one after another, at the lowest CPU
# priority. Seeds come from the PDFs in fixtures/ (open_interpret) and fuzz/seeds/; the
# growing corpus stays in fuzz/corpus/<target>/ (git-ignored), crashes in
# fuzz/artifacts/<target>/, and libFuzzer's log with its final stats in fuzz/logs/<target>.log.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz pass its nightly-only -Z flags. Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(open_interpret cmap table)
export RUSTC_BOOTSTRAP=1
# ASan is cargo-fuzz's default; SANITIZER=none builds faster and runs about twice as fast.
sanitizer=${SANITIZER:-address}

mkdir -p corpus/open_interpret corpus/cmap corpus/table logs
for f in ../fixtures/*/*.pdf; do
    # The 21-page board papers are slow per run; the fuzzer finds their structure from the rest.
    [ "$(stat -c %s "$f")" -le 300000 ] && cp -n "$f" corpus/open_interpret/
done
cp -n seeds/cmap/* corpus/cmap/

status=0
for t in "${targets[@]}"; do
    echo "== $t for ${secs}s (sanitizer: $sanitizer)"
    nice -n 19 cargo fuzz run --sanitizer "$sanitizer" -O "$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -max_len=1048576 \
        -print_final_stats=1 2>&1 | tee "logs/$t.log" | grep -E "^(#[0-9]+\s+(INITED|DONE)|Done|stat::|==[0-9]+==ERROR|SUMMARY|thread .* panicked)"
    if [ "${PIPESTATUS[0]}" -ne 0 ]; then
        echo "!! $t found a crash: see fuzz/artifacts/$t/ and logs/$t.log"
        status=1
    fi
done
exit $status
