#!/usr/bin/env bash
# Where the derive's compile time goes, in rustc instructions (cachegrind), at one size.
#
# Generates the crates of run.sh at SIZE variants (gen.rs), then, from the derive crate,
# the crates of the breakdown (breakdown.rs has the list): the bare enum, the derive's
# expansion pasted as source, the same without the uniqueness macros, without the
# fields function's body, the catalog table alone, an empty crate, synthetic tables of
# pointer and integer fields, and, from the 3-locale crate, its expansion pasted as
# source with and without the locales' data. It counts the instructions rustc executes for
# each with `cargo build` (debug, CARGO_INCREMENTAL=0), plus:
#   - the derive crate with the proc macro built at opt-level 3
#     ([profile.dev.build-override] opt-level = 3, set here through cargo's environment);
#   - `cargo check` (no code generation, what an editor runs) of the derive and the
#     thiserror crates;
# and prints each count and the parts, the differences between the crates; thiserror
# and hand-written are the baselines, counted in the same run. About 10 minutes at
# 1,000 variants on 2 cores.
#
# Usage: benches/compile-time/breakdown.sh [SIZE]        (default 1000)
# Output: target/compile-breakdown/ (the workspace and results/), or $OUT.
# $ERROR_CATALOG_PATH measures another copy of the runtime crate, as in run.sh.
set -euo pipefail

size=${1:-1000}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$repo/target/compile-breakdown}
runtime=${ERROR_CATALOG_PATH:-$repo/error-catalog}
command -v valgrind >/dev/null || { echo "breakdown.sh needs valgrind" >&2; exit 1; }

cargo build --quiet --manifest-path "$repo/Cargo.toml" -p error-catalog-benches \
    --bin compile-bench-gen --bin compile-bench-breakdown
ERROR_CATALOG_PATH="$runtime" "$repo/target/debug/compile-bench-gen" generate "$out" "$size"
"$repo/target/debug/compile-bench-breakdown" generate "$out" "$size"
[ -e "$out/Cargo.lock" ] || cp "$repo/Cargo.lock" "$out/Cargo.lock"

cd "$out"
rm -rf results
mkdir results
export CARGO_INCREMENTAL=0
echo "$(rustc --version), $(nproc) cores" | tee results/machine.txt >&2
echo "building the dependencies and every crate once..." >&2
cargo build --quiet --workspace

source "$repo/benches/compile-time/cachegrind-rustc.sh"
echo "command,instructions" >results/instructions.csv
record() {
    local label=$1 crate=$2
    shift 2
    local count
    count=$(measure "$crate" "$out/results/$label.cachegrind.log" "$@")
    echo "$label,$count" >>results/instructions.csv
    echo "$label: $count instructions" >&2
}
for flavour in empty bare table expanded expanded_nouniq expanded_nofields derive thiserror hand \
    rows_ptr rows_int rows_blob rows_int_blob derive_l10n expanded_l10n expanded_l10n_nolocales; do
    record "${flavour}_$size" "${flavour}_$size" cargo build --quiet -p "${flavour}_$size"
done
for flavour in derive thiserror; do
    record "check_${flavour}_$size" "${flavour}_$size" cargo check --quiet -p "${flavour}_$size"
done
# The proc macro and its dependencies are built again with optimizations (once, not
# measured), then the derive crate is measured.
CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 cargo build --quiet -p "derive_$size"
CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 \
    record "derive_opt3_$size" "derive_$size" cargo build --quiet -p "derive_$size"
CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 \
    record "derive_l10n_opt3_$size" "derive_l10n_$size" cargo build --quiet -p "derive_l10n_$size"

echo
cat results/machine.txt
"$repo/target/debug/compile-bench-breakdown" report results "$size"
