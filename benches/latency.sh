#!/usr/bin/env bash
# Whole-process latency of one conversion of the sample (issue: a user, an
# editor rerunning after each fix, an ingest hook calling recto once per
# deposit pay the whole process, not a batch's average).
#   benches/latency.sh [BASELINE_BINARY]
# Times `recto convert --force -q SAMPLE -o DIR -t F` for each edition alone
# and for all four, with hyperfine (apt-get install hyperfine), and the same
# commands with BASELINE_BINARY in the same run when given (for example a
# copy of the previous release build), so the ratio is measured under the
# same load. Prints hyperfine's table per command and the peak memory of
# the all-editions run (GNU time's maximum resident set size).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin recto
bin=$PWD/target/release/recto
base=${1:-}
sample=input/kazan-summit-china-india-brief.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for t in txt jats epub pdf txt,jats,epub,pdf; do
    cmds=("$bin convert --force -q $sample -o $work/new -t $t")
    names=(-n "recto -t $t")
    if [[ -n "$base" ]]; then
        cmds+=("$base convert --force -q $sample -o $work/old -t $t")
        names+=(-n "baseline -t $t")
    fi
    hyperfine -N --warmup 5 --runs 40 --style basic "${names[@]}" "${cmds[@]}" 2>&1 |
        grep -E "^(Benchmark|  Time|  Range)|faster|±" || true
done

for b in "$bin" ${base:+"$base"}; do
    /usr/bin/time -f "$b: all four editions, peak %M KB, %e s" \
        "$b" convert --force -q "$sample" -o "$work/mem"
done
