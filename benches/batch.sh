#!/usr/bin/env bash
# Batch throughput and large-document cost, on synthetic inputs.
#   benches/batch.sh [N]        (default N = 1000 documents of about 7 KB)
# Reports: documents per second for the batch (all four editions), and time
# and peak memory for one 0.5 MB and one 5 MB document (the 10x pair shows
# how cost grows with size). Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release --quiet --bin recto --example synth_corpus
bin=target/release/recto
gen=target/release/examples/synth_corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" "$n" "$work/batch" 7
"$gen" 1 "$work/half" 512
"$gen" 1 "$work/five" 5120

echo "== batch: $n documents, all four editions, $(nproc) cores"
hyperfine --warmup 1 --runs 3 --export-json "$work/batch.json" \
    "$bin convert -q --force -o $work/out $work/batch"
python3 - "$work/batch.json" "$n" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"batch: mean {r['mean']:.2f}s -> {int(sys.argv[2]) / r['mean']:.0f} documents/s")
PY

for size in half five; do
    python3 - "$bin" "$work/$size" "$work/out-$size" "$size" <<'PY'
import resource, subprocess, sys, time
bin, src, out, name = sys.argv[1:]
t = time.perf_counter()
subprocess.run([bin, "convert", "-q", "--force", "-o", out, src], check=True)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{name}: {dt:.2f}s, peak memory {peak:.0f} MB")
PY
done
