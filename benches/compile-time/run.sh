#!/usr/bin/env bash
# Compile-time benchmark of #[derive(ApiError)].
#
# Generates an error enum of each size (default 1,000 and 3,000 variants) in five
# flavours (see gen.rs for the exact code of each):
#   derive          #[derive(Debug, ApiError)]
#   derive_nouniq   the same with #[api_error(unique_in_crate = false)]
#   hand            the same features written by hand: CATALOG table, spec() as a match to
#                   the row, code() and status() as one match each, retryable() as a
#                   matches!, retry_after(), visit_details(), Display, Error, From
#   hand_table      hand-written with code()/status()/retryable() read from the table
#   thiserror       #[derive(Debug, thiserror::Error)] alone (Display, Error, From)
# then times `cargo build` (debug) of each crate alone, in one hyperfine run: the
# dependencies are built first, the crate's lib.rs is touched before every run, and
# CARGO_INCREMENTAL=0 makes every run a full compile of the crate rather than a replay of
# the incremental cache. Prints every median and the ratios.
#
# Usage: benches/compile-time/run.sh [SIZES] [RUNS]     (defaults: 1000,3000 and 5)
# Output: target/compile-time/ (the generated workspace, results.csv and results.json).
#
# Without hyperfine (and without root to `apt-get install` it) the script times the
# same commands in a plain loop: one warm-up, then RUNS runs each, wall time from `date`,
# and reports the median of each.
set -euo pipefail

sizes=${1:-1000,3000}
runs=${2:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out="$repo/target/compile-time"

if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y hyperfine >/dev/null 2>&1 ||
        { apt-get update >/dev/null 2>&1 && apt-get install -y hyperfine >/dev/null 2>&1; } ||
        echo "could not install hyperfine; timing with a plain loop" >&2
fi

# Generate the crates.
cargo build --quiet --manifest-path "$repo/Cargo.toml" -p error-catalog-benches --bin compile-bench-gen
gen="$repo/target/debug/compile-bench-gen"
ERROR_CATALOG_PATH="$repo/error-catalog" "$gen" generate "$out" "$sizes"
cp -n "$repo/Cargo.lock" "$out/Cargo.lock" 2>/dev/null || true

cd "$out"
export CARGO_INCREMENTAL=0
echo "rustc: $(rustc --version); $(nproc) cores" >&2
echo "building the dependencies and every crate once..." >&2
cargo build --quiet --workspace

names=()
commands=()
prepares=()
for size in ${sizes//,/ }; do
    for flavour in derive derive_nouniq hand hand_table thiserror; do
        names+=("${flavour}_${size}")
        commands+=("cargo build --quiet -p ${flavour}_${size}")
        prepares+=("touch ${flavour}_${size}/src/lib.rs")
    done
done

if command -v hyperfine >/dev/null; then
    args=(--warmup 1 --runs "$runs" --export-csv results.csv --export-json results.json)
    for i in "${!names[@]}"; do
        args+=(--prepare "${prepares[$i]}" -n "${names[$i]}" "${commands[$i]}")
    done
    hyperfine "${args[@]}" >&2
else
    echo "command,median" >results.csv
    for i in "${!names[@]}"; do
        times=()
        for run in $(seq 0 "$runs"); do
            ${prepares[$i]}
            start=$(date +%s%N)
            ${commands[$i]}
            end=$(date +%s%N)
            # Run 0 is the warm-up.
            [ "$run" = 0 ] || times+=("$(((end - start) / 1000))")
        done
        median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.6f", m/1e6}')
        echo "${names[$i]},$median" >>results.csv
        echo "${names[$i]}: median ${median} s over $runs runs" >&2
    done
fi

echo
"$gen" report results.csv
