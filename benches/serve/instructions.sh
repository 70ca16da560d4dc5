#!/usr/bin/env bash
# Instructions per error response, in process: the example service's router and the
# hand-written handler's, each sent N requests (1,000 unless given) without sockets, with
# valgrind's callgrind counting only what `serve_one` executes. Prints the count per
# response of each side, plain and with logging and metrics on, and the ratios.
#
#   benches/serve/instructions.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000}"

command -v valgrind >/dev/null || { echo "valgrind is needed (Debian: apt-get install valgrind)" >&2; exit 2; }
cargo build --quiet --release -p error-catalog-bench-serve
target="$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
bin="$target/release/error-catalog-bench-serve"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Instructions callgrind collected inside `serve_one`, over every thread, per response.
count() {
    local side="$1" scenario="$2"
    valgrind --tool=callgrind --separate-threads=yes --toggle-collect='*serve_one*' \
        --callgrind-out-file="$out/$side.$scenario" "$bin" in-process "$side" "$n" \
        ${scenario/plain/} >/dev/null 2>&1
    cat "$out/$side.$scenario"-* | awk -v n="$n" '/^totals:/ { sum += $2 } END { printf "%.0f", sum / n }'
}

printf '%-8s %14s %14s %8s\n' scenario error-catalog hand-written ratio
for scenario in plain ops; do
    ours="$(count ours "$scenario")"
    theirs="$(count theirs "$scenario")"
    printf '%-8s %14s %14s %7.3fx\n' "$scenario" "$ours" "$theirs" \
        "$(python3 -c "print($ours / $theirs)")"
done
