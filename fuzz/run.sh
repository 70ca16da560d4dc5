#!/usr/bin/env bash
# Fuzzes the error-body decoder: `fuzz/run.sh [seconds]` (default 600). A crash stops the
# run with a non-zero exit and leaves the input in fuzz/artifacts/decode/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

mkdir -p corpus/decode
# cargo-fuzz builds with nightly-only flags (-Zsanitizer=address, ...). This stable
# toolchain accepts them only with RUSTC_BOOTSTRAP=1, set here for this command alone;
# the library's own build never uses it.
RUSTC_BOOTSTRAP=1 cargo fuzz run decode corpus/decode seeds/decode -- \
    -max_total_time="$seconds" -dict=decode.dict -max_len=4096 -print_final_stats=1
