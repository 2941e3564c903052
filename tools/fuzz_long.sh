#!/usr/bin/env bash
# The long fuzz run (tests/fuzz/README.md): each named target in turn, niced, for RUNS executions (default
# 10 million) on a working corpus under ../scratch/fuzz/<target> seeded from tests/fuzz/corpus/<seed>.
# Prints each target's final statistics and where a crash input was saved.
#   tools/fuzz_long.sh fuzz_plan fuzz_model_config ...
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10000000}
work=${FUZZ_WORK:-../scratch/fuzz}
# shellcheck source=tests/fuzz/seed_of.sh
source tests/fuzz/seed_of.sh
for t in "$@"; do
  bin=build-fuzz/tests/fuzz/$t
  [ -x "$bin" ] || { echo "no $bin (build the fuzzers first)"; exit 2; }
  mkdir -p "$work/$t" "$work/$t.crashes"
  seed=tests/fuzz/corpus/$(seed_of "$t")
  [ -d "$seed" ] && cp -n "$seed"/* "$work/$t/" 2>/dev/null || true
  echo "=== $t: $runs executions ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
  start=$(date +%s)
  nice -n 19 "$bin" -runs="$runs" -rss_limit_mb=2048 -timeout=60 -print_final_stats=1 \
    -artifact_prefix="$work/$t.crashes/" "$work/$t" 2>&1 | grep -E "^(stat::|Done|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" || true
  echo "=== $t: $(( $(date +%s) - start )) s, corpus $(ls "$work/$t" | wc -l) inputs, crashes $(ls "$work/$t.crashes" | wc -l)"
done
