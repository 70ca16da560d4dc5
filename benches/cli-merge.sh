#!/usr/bin/env bash
# `error-catalog merge` of 500 exports of 100 codes each (50,000 codes) and `render --to
# markdown` of the merged catalog, against `cat` of the same 500 files (the floor: reading
# them at all), timed in one run.
#
# The exports are written by a script in the shape `Catalog::to_json_pretty` writes (each
# code with a message template, a resolution, two causes and three detail fields, one
# with an example), each service's codes its own. Each command runs RUNS times (default
# 10); the script prints the median wall and CPU (user + sys) time of each, and merge +
# render as a multiple of `cat`. On a shared machine the CPU time is the steadier.
#
#   benches/cli-merge.sh
#   RUNS=20 benches/cli-merge.sh
#   CLI_BIN=/tmp/error-catalog-before benches/cli-merge.sh   # time another build instead
#
# Needs python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-10}"
work="${CLI_BENCH_DIR:-$root/target/cli-merge-bench}"
rm -rf "$work"
mkdir -p "$work/exports"

if [ -n "${CLI_BIN:-}" ]; then
    bin="$CLI_BIN"
else
    cargo build --release --quiet -p error-catalog-cli --manifest-path "$root/Cargo.toml"
    bin="$root/target/release/error-catalog"
fi

python3 - "$work/exports" <<'PY'
import json, sys
out = sys.argv[1]
for s in range(500):
    errors = []
    for i in range(100):
        code = f"service{s}_resource_{i}_conflict"
        errors.append({
            "code": code,
            "status": 400 + i % 100,
            "retryable": False,
            "title": f"Service{s} resource {i} conflict",
            "message_template": "Resource {resource_id} conflicts ({attempts} attempts)",
            "description": f"Resource {i} is in a state that forbids the request.",
            "resolution": f"Fetch resource {i} again and retry.",
            "causes": ["A concurrent update.", "A stale cache."],
            "retry_after": None,
            "details": [
                {"name": "resource_id", "type": "string", "rust_type": "String", "example": "res_abc123"},
                {"name": "attempts", "type": "integer", "rust_type": "u32"},
                {"name": "hint", "type": "string", "rust_type": "Option<String>", "optional": True},
            ],
            "category": {"name": f"Service{s}Error", "doc": f"Errors of service {s}.", "format": "nested", "domain": None},
            "variant": f"Resource{i}Conflict",
            "docs_url": f"https://docs.example.com/errors/{code}",
        })
    with open(f"{out}/service{s}.json", "w") as f:
        json.dump({"version": 1, "errors": errors}, f, indent=2)
        f.write("\n")
PY

python3 - "$bin" "$work" "$runs" <<'PY'
import glob, resource, statistics, subprocess, sys, time
bin, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(f"{work}/exports/*.json"))
merged = f"{work}/org.json"
commands = {
    "cat": ["cat", *files],
    "merge": [bin, "merge", *files, "-o", merged],
    "render --to markdown": [bin, "render", merged, "--to", "markdown", "-o", f"{work}/org.md"],
}
def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

wall, busy = {}, {}
for name, command in commands.items():
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu() - start_cpu)
    wall[name], busy[name] = statistics.median(walls), statistics.median(cpus)
    print(f"{name:22} {wall[name] * 1000:8.1f} ms wall {busy[name] * 1000:8.1f} ms CPU (medians of {runs})")
size = sum(len(open(f, "rb").read()) for f in files) / 1e6
for what, times in (("wall", wall), ("CPU", busy)):
    both = times["merge"] + times["render --to markdown"]
    print(f"merge + render, {what:4} {both * 1000:8.1f} ms = {both / times['cat']:.1f}x cat of the {len(files)} files ({size:.1f} MB)")
PY
