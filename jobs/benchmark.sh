#!/usr/bin/env bash
# Ingest benchmark: jobs/benchmark.sh [--rows N] [--work DIR]  (default 1,000,000 rows)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
args=("$@")
[[ " $* " == *" --work "* ]] || args+=(--work "${TMPDIR:-/tmp}/rural-stats-benchmark")
rs_run org.ruralstats.jobs.IngestBenchmark "${args[@]}"
