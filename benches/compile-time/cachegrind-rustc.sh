#!/usr/bin/env bash
# A RUSTC_WRAPPER that runs rustc under valgrind's cachegrind for one crate only: the
# crate named $MEASURED_CRATE (its `--crate-name`), writing valgrind's log, whose
# "I refs" line is the count of instructions rustc executed, to $MEASURED_LOG. Every
# other crate (the dependencies, build scripts) is compiled by rustc alone.
#
# Used by run.sh and breakdown.sh, through `measure` below when sourced:
#   source benches/compile-time/cachegrind-rustc.sh
#   measure CRATE LOG cargo build -p CRATE    # prints the count, after touching lib.rs
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    wrapper=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cachegrind-rustc.sh
    # Runs the cargo command with rustc under cachegrind for CRATE and prints the
    # instructions counted. The crate's lib.rs is touched first, so cargo compiles it
    # again (run it with CARGO_INCREMENTAL=0 for a full compile).
    measure() {
        local crate=$1 log=$2
        shift 2
        touch "$crate/src/lib.rs"
        RUSTC_WRAPPER="$wrapper" MEASURED_CRATE="$crate" MEASURED_LOG="$log" "$@"
        sed -n 's/.*I *refs: *//p' "$log" | tr -d ,
    }
    return 0
fi

rustc=$1
shift
for arg in "$@"; do
    if [ "$arg" = "$MEASURED_CRATE" ]; then
        exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
            --log-file="$MEASURED_LOG" "$rustc" "$@"
    fi
done
exec "$rustc" "$@"
