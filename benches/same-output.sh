#!/usr/bin/env bash
# Before/after check for changes that must not change behaviour: write what every reading
# command prints for every fixture PDF into a folder, then compare two such folders.
#
#   bash benches/same-output.sh write BIN DIR     # BIN: a boardpaper binary, DIR: new folder
#   bash benches/same-output.sh compare DIR1 DIR2 # exit 0 when byte-identical
#
# Each file keeps the command's standard output, then its standard error and exit code, so a
# changed warning or exit status is a difference too.
set -euo pipefail
cd "$(dirname "$0")/.."

write() {
    local bin=$1 dir=$2
    mkdir -p "$dir"
    local pdf name
    while IFS= read -r pdf; do
        name=${pdf//\//_}
        run "$dir/$name.extract.json" "$bin" extract "$pdf"
        run "$dir/$name.tables.json" "$bin" tables "$pdf"
        run "$dir/$name.text.txt" "$bin" text "$pdf"
        run "$dir/$name.layout.txt" "$bin" text --layout "$pdf"
        mkdir -p "$dir/$name.csv"
        run "$dir/$name.csv.log" "$bin" extract --format csv -o "$dir/$name.csv" "$pdf"
    done < <(find fixtures -name '*.pdf' | sort)
    run "$dir/eastvale-profile.extract.json" "$bin" extract \
        --profile fixtures/templates/eastvale.profile.toml fixtures/templates/eastvale-delivery-plan.pdf
    run "$dir/diff-v3-v4.json" "$bin" diff --format json \
        fixtures/mscb/mscb-plan-v3-2015-03.pdf fixtures/mscb/mscb-board-paper-2015-06.pdf
    run "$dir/diff-v3-v4.txt" "$bin" diff \
        fixtures/mscb/mscb-plan-v3-2015-03.pdf fixtures/mscb/mscb-board-paper-2015-06.pdf
}

# Run a command with a time limit; keep stdout, stderr and the exit code in one file.
run() {
    local out=$1
    shift
    local code=0
    timeout 120 "$@" >"$out" 2>"$out.err" </dev/null || code=$?
    {
        echo "--- stderr"
        cat "$out.err"
        echo "--- exit $code"
    } >>"$out"
    rm -f "$out.err"
}

case ${1:-} in
    write) write "$2" "$3" ;;
    compare)
        if diff -r "$2" "$3" >/dev/null; then
            echo "same: $(find "$2" -type f | wc -l) files byte-identical"
        else
            diff -r "$2" "$3" | head -40
            echo "DIFFERENT"
            exit 1
        fi
        ;;
    *)
        echo "usage: $0 write BIN DIR | compare DIR1 DIR2" >&2
        exit 2
        ;;
esac
