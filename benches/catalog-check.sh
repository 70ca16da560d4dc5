#!/usr/bin/env bash
# Extra `cargo check` time of `catalog!` (its compile-time uniqueness check) over N codes.
#
# For each N it generates a crate `codes_N` with N codes in ten `#[derive(ApiError)]`
# enums, and two crates that depend on it and differ only in one line:
# `static ERRORS: Catalog = catalog!(codes_N::Area0Error, ..);` (the cross-crate use
# `catalog!` exists for). hyperfine times `cargo check` of both in one run (the
# dependencies are checked once, before timing; each run re-checks only the small
# crate) and the script prints the medians and their difference: what `catalog!` costs.
#
#   benches/catalog-check.sh              # N = 1000 and 20000
#   benches/catalog-check.sh 5000         # other sizes
#   RUNS=20 benches/catalog-check.sh      # more runs (default 10)
#   benches/catalog-check.sh --instructions 1000 20000
#
# On a shared machine the CPU time (user+sys) is steadier than the wall time; both are
# printed. With --instructions the script times nothing: it counts the instructions
# rustc executes for `cargo check` of each of the two crates (valgrind's cachegrind,
# through compile-time/cachegrind-rustc.sh, one run each) and prints their difference,
# a figure that a loaded machine does not move.
#
# Needs hyperfine (`apt-get install hyperfine`), or valgrind with --instructions, and
# python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
instructions=false
if [ "${1:-}" = --instructions ]; then
    instructions=true
    shift
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 20000)
work="${CATALOG_BENCH_DIR:-$root/target/catalog-check-bench}"
mkdir -p "$work"
if $instructions; then
    command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }
    source "$root/benches/compile-time/cachegrind-rustc.sh"
else
    command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
fi

generate() { # generate <dir> <codes> <kind: codes|with|without>
    python3 - "$@" "$root" <<'PY'
import os, sys
out, n, kind, root = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
os.makedirs(f"{out}/src", exist_ok=True)
codes = f"codes_{n}"
dep = (f'error-catalog = {{ path = "{root}/error-catalog" }}' if kind == "codes"
       else f'{codes} = {{ path = "../{codes}" }}\nerror-catalog = {{ path = "{root}/error-catalog" }}')
with open(f"{out}/Cargo.toml", "w") as f:
    f.write(f"""[package]
name = "{os.path.basename(out)}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{dep}

[workspace]
""")
types = 10
lines = []
if kind == "codes":
    lines += ["use error_catalog::ApiError;", ""]
    for t in range(types):
        lines += [f"/// Errors of area {t}.", "#[derive(Debug, ApiError)]", f"pub enum Area{t}Error {{"]
        for i in range(t, n, types):
            lines += [
                f"    /// Resource {i} is in a state that forbids the request.",
                f'    #[error(code = "area{t}_resource_{i}_conflict", status = {400 + i % 100}, message = "Resource {i} conflicts")]',
                f"    Resource{i}Conflict,",
            ]
        lines += ["}", ""]
else:
    lines += [f"pub use {codes}::Area0Error;"]
    if kind == "with":
        names = ", ".join(f"{codes}::Area{t}Error" for t in range(types))
        lines += [f"pub static ERRORS: error_catalog::Catalog = error_catalog::catalog!({names});"]
with open(f"{out}/src/lib.rs", "w") as f:
    f.write("\n".join(lines) + "\n")
PY
}

# Incremental compilation could replay the previous evaluation: every run starts cold.
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0
for n in "${sizes[@]}"; do
    without="$work/without_$n" with="$work/with_$n"
    generate "$work/codes_$n" "$n" codes
    generate "$without" "$n" without
    generate "$with" "$n" with
    # Build the dependencies (and check each crate once) outside the timing.
    (cd "$without" && cargo check -q) && (cd "$with" && cargo check -q)
    if $instructions; then
        counts=()
        for crate in "without_$n" "with_$n"; do
            counts+=("$(cd "$work" && measure "$crate" "$work/$crate.cachegrind.log" \
                cargo check -q --manifest-path "$crate/Cargo.toml")")
        done
        python3 - "$n" "${counts[@]}" <<'PY'
import sys
n, without, with_ = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print(f"catalog! over {n} codes: cargo check {without / 1e9:.3f} G instructions without, "
      f"{with_ / 1e9:.3f} G with: extra {(with_ - without) / 1e9:+.3f} G")
PY
        continue
    fi
    hyperfine --warmup 1 --runs "${RUNS:-10}" --style basic \
        --export-json "$work/result_$n.json" \
        --prepare "touch $without/src/lib.rs" -n "without catalog! ($n codes)" "cd $without && cargo check -q" \
        --prepare "touch $with/src/lib.rs" -n "with catalog! ($n codes)" "cd $with && cargo check -q"
    python3 - "$work/result_$n.json" "$n" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
without, with_ = (r["median"] for r in results)
cpu_without, cpu_with = (r["user"] + r["system"] for r in results)
print(f"catalog! over {sys.argv[2]} codes: cargo check median {without:.3f} s without, "
      f"{with_:.3f} s with: extra {with_ - without:+.3f} s wall; "
      f"CPU (user+sys, mean) {cpu_without:.3f} s / {cpu_with:.3f} s: extra {cpu_with - cpu_without:+.3f} s")
PY
done
