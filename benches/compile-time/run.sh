#!/usr/bin/env bash
# Compile-time benchmark of #[derive(ApiError)].
#
# Generates an error enum of each size (default 1,000 and 3,000 variants) in six
# flavours (gen.rs has the exact code of each):
#   derive          #[derive(Debug, ApiError)]
#   derive_nouniq   the same with #[api_error(unique_in_crate = false)]
#   derive_l10n     derive with #[api_error(locales = "locales")]: three locales (fr, de,
#                   pt), a translated message and title for every code
#   hand            the same features written by hand: the CATALOG table, spec() as a match
#                   to the row, code() and status() as one match each, retryable() as a
#                   matches!, retry_after(), visit_details(), Display, Error, From
#   hand_table      hand-written, with code()/status()/retryable() read from the table
#   thiserror       #[derive(Debug, thiserror::Error)] alone (Display, Error, From)
# and times `cargo build` (debug) of each crate alone: the dependencies are built first,
# the crate's lib.rs is touched before every run, and CARGO_INCREMENTAL=0 makes every run
# a full compile of the crate (not a replay of the incremental cache).
#
# The runs are interleaved: each round runs every crate once (one hyperfine call per
# round), so a machine that slows down or speeds up affects every flavour alike; round 0
# is a warm-up. The report gives each crate's median over the rounds, and the ratios.
#
# With --instructions it also counts the instructions rustc executes for each crate
# (valgrind's cachegrind, one run each: the count barely moves between runs, unlike wall
# time on a shared machine). That takes about 30 s per 1,000 variants per crate.
#
# Usage: benches/compile-time/run.sh [--instructions] [SIZES] [ROUNDS]
#        (defaults: 1000,3000 and 5; ROUNDS=0 skips the timing, for --instructions alone)
# Output: target/compile-time/ (the generated workspace and the results/ CSV files), or
# $OUT. $ERROR_CATALOG_PATH measures another copy of the runtime crate (an older
# version, say) with the same generated code.
#
# Without hyperfine (and without root to `apt-get install` it) each round times the
# same commands in a plain loop, wall time from `date +%s%N`.
set -euo pipefail

instructions=false
if [ "${1:-}" = --instructions ]; then
    instructions=true
    shift
fi
sizes=${1:-1000,3000}
rounds=${2:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$repo/target/compile-time}
runtime=${ERROR_CATALOG_PATH:-$repo/error-catalog}

install() {
    if ! command -v "$1" >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y "$2" >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; } ||
            true
    fi
}
install hyperfine hyperfine
if $instructions; then
    install valgrind valgrind
    command -v valgrind >/dev/null || { echo "--instructions needs valgrind" >&2; exit 1; }
fi

# Generate the crates.
cargo build --quiet --manifest-path "$repo/Cargo.toml" -p error-catalog-benches --bin compile-bench-gen
gen="$repo/target/debug/compile-bench-gen"
ERROR_CATALOG_PATH="$runtime" "$gen" generate "$out" "$sizes"
[ -e "$out/Cargo.lock" ] || cp "$repo/Cargo.lock" "$out/Cargo.lock"

cd "$out"
rm -rf results
mkdir results
export CARGO_INCREMENTAL=0
echo "$(rustc --version), $(nproc) cores" | tee results/machine.txt >&2
echo "building the dependencies and every crate once..." >&2
cargo build --quiet --workspace

names=()
for size in ${sizes//,/ }; do
    for flavour in derive derive_nouniq derive_l10n hand hand_table thiserror; do
        names+=("${flavour}_${size}")
    done
done

if [ "$rounds" = 0 ]; then
    echo "no timing rounds" >&2
elif command -v hyperfine >/dev/null; then
    echo "timing with hyperfine, $rounds rounds after a warm-up round" >&2
else
    echo "hyperfine is missing: timing with a plain loop, $rounds rounds after a warm-up round" >&2
fi
for round in $(seq 0 "$rounds"); do
    [ "$rounds" != 0 ] || break
    csv="results/round-$round.csv"
    [ "$round" != 0 ] || csv=results/warmup.csv
    if command -v hyperfine >/dev/null; then
        args=(--runs 1 --export-csv "$csv" --style basic)
        for name in "${names[@]}"; do
            args+=(--prepare "touch $name/src/lib.rs" -n "$name" "cargo build --quiet -p $name")
        done
        hyperfine "${args[@]}" >/dev/null
    else
        echo "command,median" >"$csv"
        for name in "${names[@]}"; do
            touch "$name/src/lib.rs"
            start=$(date +%s%N)
            cargo build --quiet -p "$name"
            end=$(date +%s%N)
            echo "$name,$(awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }')" >>"$csv"
        done
    fi
    [ "$round" = 0 ] || echo "round $round of $rounds done" >&2
done

if $instructions; then
    # rustc runs under cachegrind for the crate measured only (cachegrind-rustc.sh).
    source "$repo/benches/compile-time/cachegrind-rustc.sh"
    echo "command,instructions" >results/instructions.csv
    for name in "${names[@]}"; do
        count=$(measure "$name" "$out/results/$name.cachegrind.log" cargo build --quiet -p "$name")
        echo "$name,$count" >>results/instructions.csv
        echo "$name: $count instructions" >&2
    done
fi

echo
cat results/machine.txt
"$gen" report results
